"""Read, write and validate the course's HDF5 file format for the cat / non-cat pictures.

A data directory holds exactly one pair of files with the same suffix, e.g.
``train_catvnoncat.h5`` and ``test_catvnoncat.h5``:

=====================  =======================================================================
``train_*.h5``         ``train_set_x`` (m_train, 64, 64, 3) uint8 RGB pictures,
                       ``train_set_y`` (m_train,) integer labels, 1 = cat, 0 = non-cat,
                       ``list_classes`` (2,) byte strings, ``[b"non-cat", b"cat"]``
``test_*.h5``          ``test_set_x``, ``test_set_y``, ``list_classes``, the same way
=====================  =======================================================================

The reader checks every file before it returns anything and raises :class:`DatasetFormatError`
naming the file, what is wrong and what to do. It only ever opens files read-only, so a rejected
file is left exactly as it was.
"""

import os
import uuid
from pathlib import Path

import h5py
import numpy as np

NUM_PX = 64
"""Height and width of every picture, in pixels."""

CLASSES = np.array([b"non-cat", b"cat"])
"""Class names, indexed by label: ``CLASSES[1] == b"cat"``. Shape (2,), dtype |S7."""

SPLITS = ("train", "test")

_FIX_HINT = (
    "Rewrite the pair with layerlab.datasets.write_dataset(directory, train_x, train_y, "
    "test_x, test_y), or point layerlab at another directory."
)


_ARRAY_HINT = "Nothing was written; fix the arrays and call write_dataset again."


class DatasetFormatError(ValueError):
    """A data directory or HDF5 file does not follow the course file format.

    The message says which file, what is wrong and what to do about it.
    """


def _reject(path, problem, advice=_FIX_HINT):
    raise DatasetFormatError(f"{path}: {problem}. {advice}")


# --------------------------------------------------------------------------------------------
# Finding the pair of files
# --------------------------------------------------------------------------------------------

def find_dataset_files(directory):
    """Find the ``train_*.h5`` / ``test_*.h5`` pair in ``directory``.

    Arguments:
        directory: str or Path of a directory holding exactly one ``train_<name>.h5`` and the
            matching ``test_<name>.h5``.

    Returns:
        (train_path, test_path), two Paths.

    Raises:
        FileNotFoundError: the directory does not exist.
        DatasetFormatError: no train file, several train files, or the matching test file missing.
    """
    directory = Path(directory).expanduser()
    if not directory.is_dir():
        raise FileNotFoundError(
            f"{directory}: no such data directory. Check the path, or leave it unset to use "
            "layerlab's own generated cat pictures."
        )
    train_files = sorted(directory.glob("train_*.h5"))
    test_files = sorted(directory.glob("test_*.h5"))
    if not train_files:
        found = ", ".join(p.name for p in test_files) or "no .h5 file at all"
        _reject(directory, f"no train_*.h5 file in this directory (found: {found})",
                "Put one train_<name>.h5 and its test_<name>.h5 here, e.g. train_catvnoncat.h5 "
                "and test_catvnoncat.h5.")
    if len(train_files) > 1:
        names = ", ".join(p.name for p in train_files)
        _reject(directory, f"several candidate training files ({names})",
                "Keep exactly one train_<name>.h5 / test_<name>.h5 pair per directory; move the "
                "others into directories of their own.")
    train_path = train_files[0]
    name = train_path.name[len("train_"):]
    test_path = directory / f"test_{name}"
    if not test_path.is_file():
        others = ", ".join(p.name for p in test_files) or "none"
        _reject(test_path, f"missing pair: {train_path.name} has no matching test file "
                f"(test files present: {others})",
                f"Add test_{name} beside {train_path.name}; the two names must end the same way.")
    return train_path, test_path


# --------------------------------------------------------------------------------------------
# Reading and validating one file
# --------------------------------------------------------------------------------------------

def read_split(path, split):
    """Read and validate one course-format file.

    Arguments:
        path: str or Path of a ``train_*.h5`` or ``test_*.h5`` file.
        split: "train" or "test"; selects the keys ``<split>_set_x`` and ``<split>_set_y``.

    Returns:
        x: (m, 64, 64, 3) uint8 array of RGB pictures.
        y: (1, m) int64 array of labels, each 0 (non-cat) or 1 (cat).
        classes: (2,) array of byte strings, e.g. ``[b"non-cat", b"cat"]``.

    Raises:
        DatasetFormatError: the file is not HDF5 or breaks the format (missing key, wrong shape or
            dtype, labels other than 0/1, different numbers of pictures and labels).
    """
    if split not in SPLITS:
        raise ValueError(f"split must be 'train' or 'test', not {split!r}")
    path = Path(path)
    if not path.is_file():
        _reject(path, "file not found", "Check the path.")
    if not h5py.is_hdf5(path):
        _reject(path, "not an HDF5 file (its first bytes are not an HDF5 signature)",
                "Replace it with a real HDF5 file in the course format; "
                "h5py.File(path, 'r') must be able to open it.")
    x_key, y_key = f"{split}_set_x", f"{split}_set_y"
    try:
        with h5py.File(path, "r") as f:
            missing = [k for k in (x_key, y_key, "list_classes") if k not in f]
            if missing:
                present = ", ".join(sorted(f.keys())) or "nothing"
                _reject(path, f"missing key(s) {', '.join(missing)} (the file holds: {present})")
            for key in (x_key, y_key, "list_classes"):
                if not isinstance(f[key], h5py.Dataset):
                    _reject(path, f"{key} is a group, not a dataset")
            x_ds, y_ds, c_ds = f[x_key], f[y_key], f["list_classes"]
            _check_x(path, x_key, x_ds.shape, x_ds.dtype)
            _check_y(path, y_key, y_ds.shape, y_ds.dtype)
            if y_ds.shape[0] != x_ds.shape[0]:
                _reject(path, f"{x_key} holds {x_ds.shape[0]} pictures but {y_key} holds "
                        f"{y_ds.shape[0]} labels; x/y length mismatch, there must be one label "
                        "per picture")
            _check_classes(path, c_ds.shape, c_ds.dtype)
            x = x_ds[()]
            y = y_ds[()]
            classes = np.asarray(c_ds[()])
    except OSError as err:
        _reject(path, f"h5py could not read it ({err})",
                "The file may be truncated or damaged; copy it again or regenerate it.")
    bad = np.setdiff1d(np.unique(y), [0, 1])
    if bad.size:
        shown = ", ".join(str(v) for v in bad[:5])
        _reject(path, f"{y_key} has labels other than 0/1 (found {shown})",
                "Labels must be 0 for non-cat and 1 for cat.")
    return x, y.astype(np.int64).reshape(1, -1), classes


def _check_x(path, key, shape, dtype, advice=_FIX_HINT):
    expected = f"(m, {NUM_PX}, {NUM_PX}, 3)"
    if len(shape) != 4 or tuple(shape[1:]) != (NUM_PX, NUM_PX, 3):
        _reject(path, f"{key} has the wrong shape {tuple(shape)}; expected {expected}, "
                f"m pictures of {NUM_PX}x{NUM_PX} RGB pixels", advice)
    if shape[0] == 0:
        _reject(path, f"{key} holds no pictures (shape {tuple(shape)})", advice)
    if dtype != np.uint8:
        _reject(path, f"{key} has the wrong dtype {dtype}; expected uint8 (0..255)",
                "Convert the pictures with np.clip(np.round(x), 0, 255).astype(np.uint8) "
                "(multiply by 255 first if they are in [0, 1]) and write the pair again.")


def _check_y(path, key, shape, dtype, advice=_FIX_HINT):
    if len(shape) != 1:
        _reject(path, f"{key} has the wrong shape {tuple(shape)}; expected (m,), one label per "
                "picture in a flat array", advice)
    if dtype.kind not in "iub":
        _reject(path, f"{key} has the wrong dtype {dtype}; expected an integer type", advice)


def _check_classes(path, shape, dtype, advice=_FIX_HINT):
    if shape != (2,):
        _reject(path, f"list_classes has the wrong shape {tuple(shape)}; expected (2,), "
                "[b'non-cat', b'cat']", advice)
    if dtype.kind not in "SO":
        _reject(path, f"list_classes has the wrong dtype {dtype}; expected byte strings "
                "such as [b'non-cat', b'cat']", advice)


def read_dataset(directory):
    """Read the train/test pair of a course-format data directory.

    Arguments:
        directory: str or Path, see :func:`find_dataset_files`.

    Returns:
        train_x_orig: (m_train, 64, 64, 3) uint8.
        train_y: (1, m_train) int64, labels 0/1.
        test_x_orig: (m_test, 64, 64, 3) uint8.
        test_y: (1, m_test) int64, labels 0/1.
        classes: (2,) byte strings, ``[b"non-cat", b"cat"]``.
    """
    train_path, test_path = find_dataset_files(directory)
    train_x, train_y, classes = read_split(train_path, "train")
    test_x, test_y, test_classes = read_split(test_path, "test")
    if list(classes) != list(test_classes):
        _reject(test_path, f"list_classes {list(test_classes)} differs from "
                f"{list(classes)} in {train_path.name}",
                "Both files of a pair must list the same classes.")
    return train_x, train_y, test_x, test_y, classes


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------

def write_dataset(directory, train_x, train_y, test_x, test_y, classes=CLASSES,
                  name="catvnoncat"):
    """Write a train/test pair in the course format: ``train_<name>.h5`` and ``test_<name>.h5``.

    Arguments:
        directory: str or Path; created if missing.
        train_x: (m_train, 64, 64, 3) uint8 pictures.
        train_y: (1, m_train) or (m_train,) labels, 0 or 1.
        test_x: (m_test, 64, 64, 3) uint8 pictures.
        test_y: (1, m_test) or (m_test,) labels, 0 or 1.
        classes: (2,) class names, stored as byte strings (default ``[b"non-cat", b"cat"]``).
        name: the files' common suffix.

    Returns:
        (train_path, test_path), two Paths.

    Each file is written to a temporary name and then renamed into place, so a reader never sees
    a half-written file. The arrays are checked first: nothing is written if one is malformed.
    """
    directory = Path(directory)
    classes = np.array([c.encode() if isinstance(c, str) else bytes(c) for c in classes])
    arrays = {}
    for split, x, y in (("train", train_x, train_y), ("test", test_x, test_y)):
        x = np.asarray(x)
        y = np.asarray(y)
        where = f"write_dataset({split}_x, {split}_y)"
        _check_x(where, f"{split}_x", x.shape, x.dtype, _ARRAY_HINT)
        if y.ndim == 2 and y.shape[0] == 1:
            y = y[0]
        _check_y(where, f"{split}_y", y.shape, y.dtype, _ARRAY_HINT)
        if len(y) != len(x):
            _reject(where, f"{len(x)} pictures but {len(y)} labels", _ARRAY_HINT)
        if np.setdiff1d(np.unique(y), [0, 1]).size:
            _reject(where, f"{split}_y has labels other than 0/1",
                    "Nothing was written; use 0 for non-cat, 1 for cat.")
        arrays[split] = (x, y.astype(np.int64))
    _check_classes("write_dataset(classes)", classes.shape, classes.dtype, _ARRAY_HINT)

    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for split, (x, y) in arrays.items():
        final = directory / f"{split}_{name}.h5"
        tmp = directory / f".{split}_{name}.{uuid.uuid4().hex}.tmp"
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))  # usual permissions
        try:
            with h5py.File(tmp, "w") as f:
                f.create_dataset(f"{split}_set_x", data=x)
                f.create_dataset(f"{split}_set_y", data=y)
                f.create_dataset("list_classes", data=classes)
            os.replace(tmp, final)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        paths.append(final)
    return tuple(paths)
