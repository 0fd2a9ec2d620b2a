"""Where layerlab looks for the cat / non-cat pictures, and where it caches generated ones.

Set ``layerlab.datasets.config.cat_data_dir`` (or call :func:`set_cat_data_dir`) to use a
directory of course-format files, e.g. the course's original ``train_catvnoncat.h5`` /
``test_catvnoncat.h5``, instead of layerlab's generated pictures. The order of precedence used by
:func:`layerlab.datasets.load_dataset` is:

1. its ``data_dir`` argument;
2. ``config.cat_data_dir``;
3. the environment variable ``LAYERLAB_CAT_DATA``;
4. layerlab's own generated pictures, cached under ``LAYERLAB_CACHE`` (default
   ``~/.cache/layerlab``).
"""

import os
from pathlib import Path

DATA_ENV = "LAYERLAB_CAT_DATA"
"""Environment variable naming a course-format data directory."""

CACHE_ENV = "LAYERLAB_CACHE"
"""Environment variable naming layerlab's cache directory."""

cat_data_dir = None
"""A course-format data directory (str or Path) to load instead of the generated pictures, or None."""


def set_cat_data_dir(path):
    """Use the course-format files in ``path`` (str or Path) from now on; None goes back to default."""
    global cat_data_dir
    cat_data_dir = None if path is None else Path(path)


def cache_dir():
    """The directory for generated, cached data: ``$LAYERLAB_CACHE`` or ``~/.cache/layerlab``."""
    value = os.environ.get(CACHE_ENV)
    return Path(value).expanduser() if value else Path.home() / ".cache" / "layerlab"
