"""The course's data sets.

Cat / non-cat pictures (weeks 2 and 4)::

    train_x_orig, train_y, test_x_orig, test_y, classes = load_dataset()

``train_x_orig`` is (m_train, 64, 64, 3) uint8, ``train_y`` (1, m_train), ``test_x_orig``
(m_test, 64, 64, 3), ``test_y`` (1, m_test), ``classes`` ``[b"non-cat", b"cat"]``. By default these
are layerlab's own drawn pictures (209 train, 50 test; generated once and cached). To use other
files in the course's HDF5 format (``train_*.h5`` + ``test_*.h5``), pass ``data_dir``, set
``layerlab.datasets.config.cat_data_dir`` (or call :func:`set_cat_data_dir`), or set the
environment variable ``LAYERLAB_CAT_DATA``, in that order of precedence.

Planar data (week 3)::

    X, Y = load_planar_dataset()          # X (2, 400), Y (1, 400); sets np.random.seed(1)
    extra = load_extra_datasets()         # {"noisy_circles": (X, Y), ...}, X (2, 200), Y (1, 200)

Modules: :mod:`.course_format` (read / write / validate the HDF5 files), :mod:`.cat_pictures`
(the picture generator, drawing with :mod:`.raster`, :mod:`.frames`, :mod:`.sketch`,
:mod:`.backgrounds`, :mod:`.cat_coat`, :mod:`.cat_drawings`, :mod:`.other_drawings` (which picks
from :mod:`.animal_drawings` and :mod:`.object_drawings`), :mod:`.clutter`), :mod:`.cache`, :mod:`.config`,
:mod:`.cat_data` (``load_dataset``), :mod:`.planar`.
"""

from . import config
from .cat_data import load_dataset
from .cat_pictures import DEFAULT_SEED, GENERATOR_VERSION, generate_cat_pictures
from .config import set_cat_data_dir
from .course_format import (CLASSES, DatasetFormatError, find_dataset_files, read_dataset,
                            write_dataset)
from .planar import load_extra_datasets, load_planar_dataset

__all__ = [
    "load_dataset", "write_dataset", "read_dataset", "find_dataset_files", "DatasetFormatError",
    "CLASSES", "generate_cat_pictures", "DEFAULT_SEED", "GENERATOR_VERSION", "config",
    "set_cat_data_dir", "load_planar_dataset", "load_extra_datasets",
]
