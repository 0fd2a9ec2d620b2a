"""Where does load_dataset read from, and is the generated set cached safely?"""

import os
from pathlib import Path

import numpy as np
import pytest

from layerlab.datasets import (cache, cat_pictures, config, load_dataset, set_cat_data_dir,
                               write_dataset)

COURSE_FILES = Path(__file__).resolve().parents[2] / "../shared/data/catvnoncat"


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    """Every test starts with no configured directory, no env var and an empty cache."""
    monkeypatch.setattr(config, "cat_data_dir", None)
    monkeypatch.delenv(config.DATA_ENV, raising=False)
    monkeypatch.setenv(config.CACHE_ENV, str(tmp_path / "cache"))


def tiny_set(directory, m_train):
    """Write a course-format pair whose training set has m_train pictures (an easy fingerprint)."""
    x = np.zeros((m_train, 64, 64, 3), np.uint8)
    y = np.arange(m_train) % 2
    write_dataset(directory, x, y, x[:2], y[:2])
    return directory


@pytest.fixture
def counting_generator(monkeypatch):
    """Replace the generator by a tiny, fast one that counts its calls."""
    calls = []

    def fake(seed=cat_pictures.DEFAULT_SEED, **kwargs):
        calls.append(seed)
        x = np.full((3, 64, 64, 3), seed, np.uint8)
        return x, np.array([[0, 1, 0]]), x[:2], np.array([[1, 0]]), cat_pictures.CLASSES

    monkeypatch.setattr(cat_pictures, "generate_cat_pictures", fake)
    return calls


def test_argument_beats_config_beats_env_var(tmp_path, monkeypatch):
    arg, conf, env = (tiny_set(tmp_path / name, m)
                      for name, m in (("arg", 3), ("conf", 4), ("env", 5)))
    monkeypatch.setenv(config.DATA_ENV, str(env))
    assert load_dataset()[0].shape[0] == 5
    set_cat_data_dir(conf)
    assert load_dataset()[0].shape[0] == 4
    config.cat_data_dir = str(conf)            # the plain attribute works too
    assert load_dataset()[0].shape[0] == 4
    assert load_dataset(arg)[0].shape[0] == 3
    set_cat_data_dir(None)
    assert load_dataset()[0].shape[0] == 5


def test_a_missing_configured_directory_names_its_source(tmp_path, monkeypatch):
    monkeypatch.setenv(config.DATA_ENV, str(tmp_path / "gone"))
    with pytest.raises(FileNotFoundError, match="LAYERLAB_CAT_DATA"):
        load_dataset()


def test_generated_set_is_cached_and_reused(counting_generator, tmp_path):
    first = load_dataset()
    key_dir = tmp_path / "cache" / cache.cache_key(cat_pictures.DEFAULT_SEED)
    mtime = (key_dir / "train_catvnoncat.h5").stat().st_mtime_ns
    second = load_dataset()
    assert len(counting_generator) == 1, "the second load must read the cache, not regenerate"
    assert (key_dir / "train_catvnoncat.h5").stat().st_mtime_ns == mtime
    for a, b in zip(first, second):
        np.testing.assert_array_equal(a, b)


def test_a_new_generator_version_gets_a_new_cache_entry(counting_generator, monkeypatch, tmp_path):
    load_dataset()
    monkeypatch.setattr(cat_pictures, "GENERATOR_VERSION", cat_pictures.GENERATOR_VERSION + 1)
    load_dataset()
    assert len(counting_generator) == 2
    names = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert names == sorted({cache.cache_key(cat_pictures.DEFAULT_SEED, v) for v in
                            (cat_pictures.GENERATOR_VERSION - 1, cat_pictures.GENERATOR_VERSION)})


def test_no_temporary_files_are_left_in_the_cache(counting_generator, tmp_path):
    load_dataset()
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [cache.cache_key(cat_pictures.DEFAULT_SEED)]


def test_cached_files_are_readable_by_other_users(counting_generator, tmp_path):
    old = os.umask(0o022)
    try:
        load_dataset()
    finally:
        os.umask(old)
    key_dir = tmp_path / "cache" / cache.cache_key(cat_pictures.DEFAULT_SEED)
    for path in (key_dir, key_dir / "train_catvnoncat.h5", key_dir / "test_catvnoncat.h5"):
        assert path.stat().st_mode & 0o004, f"{path.name} is private to its writer"


def test_a_lost_race_keeps_the_winners_files(monkeypatch, tmp_path):
    """Two first uses at once: the one that renames second must use the first one's files."""
    final = tmp_path / "cache" / cache.cache_key(cat_pictures.DEFAULT_SEED)

    def generate_while_another_process_wins(seed=cat_pictures.DEFAULT_SEED, **kwargs):
        tiny_set(final, 7)                     # the other process finishes first
        x = np.zeros((3, 64, 64, 3), np.uint8)
        return x, np.array([[0, 1, 0]]), x[:2], np.array([[1, 0]]), cat_pictures.CLASSES

    monkeypatch.setattr(cat_pictures, "generate_cat_pictures", generate_while_another_process_wins)
    assert load_dataset()[0].shape[0] == 7
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [final.name]


def test_a_damaged_cache_says_how_to_recover(counting_generator, tmp_path):
    load_dataset()
    key_dir = tmp_path / "cache" / cache.cache_key(cat_pictures.DEFAULT_SEED)
    (key_dir / "test_catvnoncat.h5").write_bytes(b"truncated")
    with pytest.raises(ValueError, match="delete .*generated again"):
        load_dataset()


def test_by_default_the_generated_pictures_are_served(tmp_path):
    train_x, train_y, test_x, test_y, classes = load_dataset()
    expected = cat_pictures.generate_cat_pictures()
    for got, want in zip((train_x, train_y, test_x, test_y, classes), expected):
        np.testing.assert_array_equal(got, want)
    assert (tmp_path / "cache" / cache.cache_key(cat_pictures.DEFAULT_SEED)).is_dir()


def test_an_unwritable_cache_still_gives_the_pictures(counting_generator, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv(config.CACHE_ENV, str(blocker / "cache"))
    with pytest.warns(RuntimeWarning, match="could not cache"):
        train_x = load_dataset()[0]
    assert train_x.shape == (3, 64, 64, 3) and counting_generator == [cat_pictures.DEFAULT_SEED]


def test_the_course_files_load_when_present():
    if not COURSE_FILES.is_dir():
        pytest.skip(f"the course's original files are not beside the repository ({COURSE_FILES})")
    train_x, train_y, test_x, test_y, classes = load_dataset(COURSE_FILES)
    assert train_x.shape == (209, 64, 64, 3) and train_x.dtype == np.uint8
    assert test_x.shape == (50, 64, 64, 3)
    assert train_y.shape == (1, 209) and test_y.shape == (1, 50)
    assert set(np.unique(train_y)) == {0, 1}
    assert list(classes) == [b"non-cat", b"cat"]
