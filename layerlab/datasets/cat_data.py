"""``load_dataset``: the cat / non-cat pictures of weeks 2 and 4, from wherever they are configured."""

import os
import warnings

from . import cache, cat_pictures, config
from .course_format import DatasetFormatError, read_dataset


def resolve_data_dir(data_dir=None):
    """Which directory :func:`load_dataset` reads, and why.

    Returns:
        (directory, source): directory is a str/Path, or None for the generated pictures; source
        says where the choice came from ("argument", "config", "LAYERLAB_CAT_DATA", "generated").
    """
    if data_dir is not None:
        return data_dir, "argument"
    if config.cat_data_dir is not None:
        return config.cat_data_dir, "config"
    if os.environ.get(config.DATA_ENV):
        return os.environ[config.DATA_ENV], config.DATA_ENV
    return None, "generated"


def load_dataset(data_dir=None):
    """Load the cat / non-cat pictures.

    Arguments:
        data_dir: a directory with one ``train_*.h5`` / ``test_*.h5`` pair in the course format.
            If None, use ``layerlab.datasets.config.cat_data_dir``, else the environment variable
            ``LAYERLAB_CAT_DATA``, else layerlab's own generated pictures (drawn on first use and
            cached, see :mod:`layerlab.datasets.cache`; if the cache cannot be written, e.g. in
            a read-only sandbox, they are drawn in memory each time, with a warning).

    Returns:
        train_x_orig: (m_train, 64, 64, 3) uint8 RGB pictures (209 generated ones).
        train_y: (1, m_train) int64 labels, 1 = cat, 0 = non-cat.
        test_x_orig: (m_test, 64, 64, 3) uint8 (50 generated ones).
        test_y: (1, m_test) int64 labels.
        classes: (2,) array of byte strings, ``[b"non-cat", b"cat"]``; ``classes[y]`` names a label.

    Raises:
        FileNotFoundError: a configured directory does not exist (the message says who set it).
        DatasetFormatError: the files break the course format (the message says which and how).
    """
    directory, source = resolve_data_dir(data_dir)
    if directory is None:
        try:
            directory = cache.cached_pictures_dir()
        except OSError as err:
            warnings.warn(f"layerlab could not cache the generated cat pictures ({err}); drawing "
                          f"them in memory instead. Set {config.CACHE_ENV} to a writable "
                          "directory to cache them.", RuntimeWarning, stacklevel=2)
            return cat_pictures.generate_cat_pictures()
    try:
        return read_dataset(directory)
    except FileNotFoundError as err:
        how = {"argument": "the data_dir argument",
               "config": "layerlab.datasets.config.cat_data_dir",
               config.DATA_ENV: f"the environment variable {config.DATA_ENV}"}.get(source, source)
        raise FileNotFoundError(f"{err} (the directory was set by {how})") from None
    except DatasetFormatError as err:
        if source != "generated":
            raise
        raise DatasetFormatError(f"{err} (This is layerlab's cache of generated pictures: delete "
                                 f"{directory} and it will be generated again.)") from None
