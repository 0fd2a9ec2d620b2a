"""Cache of the generated cat pictures: drawn once, then read back from course-format files.

Each data set lives in its own directory, named by the generator version and the seed, e.g.
``~/.cache/layerlab/cat-pictures-v1-seed8/``, so a changed generator never serves stale pictures.
A data set is written to a temporary directory first and renamed into place in one step, so
processes starting at the same time never see a half-written data set; if two of them race,
one rename wins and the other's copy (identical, since the generator is deterministic) is removed.
"""

import os
import shutil
import uuid

from . import cat_pictures, config
from .course_format import write_dataset


def cache_key(seed, version=None):
    """Name of the cache directory for a seed and generator version (default: the current one)."""
    version = cat_pictures.GENERATOR_VERSION if version is None else version
    return f"cat-pictures-v{version}-seed{seed}"


def cached_pictures_dir(seed=None):
    """Directory of the generated pictures for ``seed``, generating and caching them if needed.

    Arguments:
        seed: int, or None for :data:`~.cat_pictures.DEFAULT_SEED`.

    Returns:
        Path of a directory holding ``train_catvnoncat.h5`` and ``test_catvnoncat.h5``.
    """
    seed = cat_pictures.DEFAULT_SEED if seed is None else seed
    base = config.cache_dir()
    final = base / cache_key(seed)
    if _complete(final):
        return final
    base.mkdir(parents=True, exist_ok=True)
    tmp = base / f".{final.name}.{uuid.uuid4().hex}.tmp"
    tmp.mkdir()  # usual permissions (unlike tempfile.mkdtemp's owner-only ones)
    try:
        write_dataset(tmp, *cat_pictures.generate_cat_pictures(seed=seed))
        try:
            os.replace(tmp, final)
        except OSError:
            if not _complete(final):  # not a lost race: a real problem
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final


def _complete(directory):
    return all((directory / f"{split}_catvnoncat.h5").is_file() for split in ("train", "test"))
