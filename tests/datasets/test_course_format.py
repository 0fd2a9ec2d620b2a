"""Does the course's HDF5 format round-trip, and are malformed files rejected with a clear error?"""

import hashlib

import h5py
import numpy as np
import pytest

from layerlab.datasets import (CLASSES, DatasetFormatError, find_dataset_files, load_dataset,
                               read_dataset, write_dataset)


def small_arrays(m_train=6, m_test=4, seed=0):
    rng = np.random.RandomState(seed)
    train_x = rng.randint(0, 256, (m_train, 64, 64, 3)).astype(np.uint8)
    test_x = rng.randint(0, 256, (m_test, 64, 64, 3)).astype(np.uint8)
    train_y = (np.arange(m_train) % 2).reshape(1, m_train)
    test_y = (np.arange(m_test) % 2).reshape(1, m_test)
    return train_x, train_y, test_x, test_y


def write_raw(path, **datasets):
    """Write an HDF5 file with exactly the given datasets (no checks), to build broken files."""
    with h5py.File(path, "w") as f:
        for key, value in datasets.items():
            f.create_dataset(key, data=value)


def good_split(split, m=4, **overrides):
    rng = np.random.RandomState(1)
    data = {f"{split}_set_x": rng.randint(0, 256, (m, 64, 64, 3)).astype(np.uint8),
            f"{split}_set_y": np.arange(m) % 2,
            "list_classes": CLASSES}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def make_pair(directory, train=None, test=None, name="catvnoncat"):
    write_raw(directory / f"train_{name}.h5", **(train or good_split("train")))
    write_raw(directory / f"test_{name}.h5", **(test or good_split("test")))
    return directory


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_write_then_load_gives_back_the_same_arrays(tmp_path):
    arrays = small_arrays()
    train_path, test_path = write_dataset(tmp_path, *arrays)
    assert (train_path.name, test_path.name) == ("train_catvnoncat.h5", "test_catvnoncat.h5")
    train_x, train_y, test_x, test_y, classes = load_dataset(tmp_path)
    for got, expected in zip((train_x, train_y, test_x, test_y), arrays):
        np.testing.assert_array_equal(got, expected)
    assert train_x.dtype == np.uint8 and train_y.shape == (1, 6) and test_y.shape == (1, 4)
    assert list(classes) == [b"non-cat", b"cat"]


def test_written_files_use_the_course_keys_and_shapes(tmp_path):
    write_dataset(tmp_path, *small_arrays(), name="mine")
    with h5py.File(tmp_path / "train_mine.h5", "r") as f:
        assert sorted(f) == ["list_classes", "train_set_x", "train_set_y"]
        assert f["train_set_x"].shape == (6, 64, 64, 3) and f["train_set_x"].dtype == np.uint8
        assert f["train_set_y"].shape == (6,)
    with h5py.File(tmp_path / "test_mine.h5", "r") as f:
        assert sorted(f) == ["list_classes", "test_set_x", "test_set_y"]
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_write_dataset_refuses_bad_arrays_and_writes_nothing(tmp_path):
    train_x, train_y, test_x, test_y = small_arrays()
    with pytest.raises(DatasetFormatError, match="wrong dtype"):
        write_dataset(tmp_path, train_x / 255.0, train_y, test_x, test_y)
    with pytest.raises(DatasetFormatError, match="0/1"):
        write_dataset(tmp_path, train_x, train_y * 3, test_x, test_y)
    assert list(tmp_path.iterdir()) == []


MALFORMED = {
    "missing key": (dict(train=good_split("train", train_set_y=None)), "missing key.*train_set_y"),
    "wrong image shape": (dict(train=good_split("train", train_set_x=np.zeros((4, 32, 32, 3), np.uint8))),
                          r"wrong shape \(4, 32, 32, 3\)"),
    "wrong label shape": (dict(test=good_split("test", test_set_y=np.zeros((4, 1), int))),
                          r"test_set_y has the wrong shape \(4, 1\)"),
    "wrong dtype": (dict(train=good_split("train", train_set_x=np.zeros((4, 64, 64, 3), np.float32))),
                    "wrong dtype float32.*uint8"),
    "labels not 0/1": (dict(test=good_split("test", test_set_y=np.array([0, 1, 2, 1]))),
                       "labels other than 0/1.*2"),
    "length mismatch": (dict(train=good_split("train", train_set_y=np.array([0, 1, 0]))),
                        "4 pictures but train_set_y holds 3 labels"),
    "bad classes": (dict(train=good_split("train", list_classes=np.array([b"cat"]))),
                    "list_classes has the wrong shape"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_file_is_rejected_with_a_message_naming_the_problem(tmp_path, case):
    files, pattern = MALFORMED[case]
    make_pair(tmp_path, **files)
    before = {p.name: digest(p) for p in tmp_path.iterdir()}
    with pytest.raises(DatasetFormatError, match=pattern) as err:
        load_dataset(tmp_path)
    message = str(err.value)
    assert "_catvnoncat.h5" in message, "the message must name the file"
    assert isinstance(err.value, ValueError)
    assert {p.name: digest(p) for p in tmp_path.iterdir()} == before, "nothing may be modified"


def test_a_file_that_is_not_hdf5_is_rejected(tmp_path):
    make_pair(tmp_path)
    (tmp_path / "train_catvnoncat.h5").write_text("this is not HDF5\n")
    with pytest.raises(DatasetFormatError, match="train_catvnoncat.h5: not an HDF5 file"):
        load_dataset(tmp_path)
    assert (tmp_path / "train_catvnoncat.h5").read_text() == "this is not HDF5\n"


def test_a_train_file_without_its_test_file_is_rejected(tmp_path):
    write_raw(tmp_path / "train_catvnoncat.h5", **good_split("train"))
    write_raw(tmp_path / "test_other.h5", **good_split("test"))
    with pytest.raises(DatasetFormatError, match="missing pair.*test_other.h5") as err:
        load_dataset(tmp_path)
    assert "test_catvnoncat.h5" in str(err.value)


def test_several_training_files_are_rejected(tmp_path):
    make_pair(tmp_path, name="a")
    make_pair(tmp_path, name="b")
    with pytest.raises(DatasetFormatError, match="several candidate.*train_a.h5, train_b.h5"):
        find_dataset_files(tmp_path)


def test_a_directory_without_files_is_rejected(tmp_path):
    with pytest.raises(DatasetFormatError, match="no train_"):
        read_dataset(tmp_path)


def test_a_missing_directory_says_who_configured_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="data_dir argument"):
        load_dataset(tmp_path / "nowhere")


def test_every_message_says_what_to_do(tmp_path):
    make_pair(tmp_path, train=good_split("train", train_set_y=None))
    with pytest.raises(DatasetFormatError) as err:
        load_dataset(tmp_path)
    assert "write_dataset" in str(err.value)
