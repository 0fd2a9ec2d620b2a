"""Is the procedural cat / non-cat generator deterministic, well formed, varied and learnable?"""

import numpy as np
import pytest

from layerlab.datasets import CLASSES, cat_pictures, generate_cat_pictures, raster


@pytest.fixture(scope="module")
def default_set():
    return generate_cat_pictures()


# Fingerprints of the default set (seed DEFAULT_SEED) for each GENERATOR_VERSION: mean pixel value of
# the first training and test pictures, and the first labels. A change to the generator that alters
# the pictures fails here: bump GENERATOR_VERSION (so caches are not served stale) and record the
# new fingerprint.
FINGERPRINTS = {
    1: {"train_means": [135.07, 116.76, 79.39, 134.47, 141.65, 102.27],
        "test_means": [103.13, 114.38, 76.66, 197.17],
        "train_y": [0, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0],
        "test_y": [1, 0, 1, 1, 0, 0, 0, 1, 0, 0]},
}


def test_default_set_matches_the_fingerprint_of_its_generator_version(default_set):
    version = cat_pictures.GENERATOR_VERSION
    assert version in FINGERPRINTS, f"record the fingerprint of GENERATOR_VERSION {version}"
    expected = FINGERPRINTS[version]
    train_x, train_y, test_x, test_y, _ = default_set
    assert train_y[0, :20].tolist() == expected["train_y"]
    assert test_y[0, :10].tolist() == expected["test_y"]
    # A tolerance of 0.05 grey levels absorbs a rare one-level pixel difference between platforms.
    np.testing.assert_allclose(train_x[:6].mean(axis=(1, 2, 3)), expected["train_means"], atol=0.05,
                               err_msg="the pictures changed: bump GENERATOR_VERSION")
    np.testing.assert_allclose(test_x[:4].mean(axis=(1, 2, 3)), expected["test_means"], atol=0.05,
                               err_msg="the pictures changed: bump GENERATOR_VERSION")


def test_generator_is_deterministic():
    a = generate_cat_pictures(n_train=6, n_test=4, seed=11)
    b = generate_cat_pictures(n_train=6, n_test=4, seed=11)
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)


def test_different_seeds_give_different_pictures():
    a = generate_cat_pictures(n_train=6, n_test=4, seed=11)
    b = generate_cat_pictures(n_train=6, n_test=4, seed=12)
    assert not np.array_equal(a[0], b[0])
    assert not np.array_equal(a[2], b[2])


def test_train_and_test_pictures_differ():
    train_x, _, test_x, _, _ = generate_cat_pictures(n_train=4, n_test=4, seed=3)
    assert not np.array_equal(train_x, test_x)


def test_default_set_has_the_course_shapes_and_types(default_set):
    train_x, train_y, test_x, test_y, classes = default_set
    assert train_x.shape == (209, 64, 64, 3) and train_x.dtype == np.uint8
    assert test_x.shape == (50, 64, 64, 3) and test_x.dtype == np.uint8
    assert train_y.shape == (1, 209) and test_y.shape == (1, 50)
    assert np.issubdtype(train_y.dtype, np.integer) and np.issubdtype(test_y.dtype, np.integer)
    assert classes.shape == (2,) and list(classes) == [b"non-cat", b"cat"]
    np.testing.assert_array_equal(classes, CLASSES)


def test_both_classes_are_present_in_both_splits(default_set):
    _, train_y, _, test_y, _ = default_set
    for y in (train_y, test_y):
        assert set(np.unique(y)) == {0, 1}
        assert 0.3 <= y.mean() <= 0.5, "roughly a third to a half of the pictures are cats"


def test_labels_match_what_was_drawn():
    x, y, subjects = cat_pictures.generate_split(30, seed=4, split="train")
    assert x.shape == (30, 64, 64, 3) and y.shape == (1, 30)
    assert [s.startswith("cat/") for s in subjects] == list(y[0] == 1)


def test_pictures_are_varied():
    _, y, subjects = cat_pictures.generate_split(120, seed=1, split="train")
    poses = {s for s in subjects if s.startswith("cat/")}
    things = {s for s in subjects if not s.startswith("cat/")}
    assert poses == {"cat/face", "cat/sitting", "cat/lying", "cat/walking", "cat/sleeping"}
    assert len(things) >= 10


def test_pictures_are_not_blank_and_use_the_whole_range(default_set):
    train_x = default_set[0].reshape(209, -1)
    assert (train_x.std(axis=1) > 10).all(), "every picture has some contrast"
    assert train_x.min() < 10 and train_x.max() > 245
    assert 0.3 < train_x.mean() / 255 < 0.5, "about as bright as the course's photographs"


def test_brightness_alone_does_not_give_the_label_away(default_set):
    train_x, train_y = default_set[0], default_set[1][0]
    brightness = train_x.reshape(len(train_x), -1).mean(axis=1)
    assert abs(np.corrcoef(brightness, train_y)[0, 1]) < 0.3


def test_generated_pictures_are_learnable_but_not_trivial(default_set):
    """A short logistic regression (300 steps of the course's recipe) learns a lot of the
    training set but stays far from perfect on the test set."""
    train_x, train_y, test_x, test_y, _ = default_set
    X, X_test = train_x.reshape(209, -1).T / 255.0, test_x.reshape(50, -1).T / 255.0
    w, b = np.zeros((X.shape[0], 1)), 0.0
    for _ in range(300):
        A = 1 / (1 + np.exp(-(w.T @ X + b)))
        w -= 0.005 * X @ (A - train_y).T / X.shape[1]
        b -= 0.005 * float(np.mean(A - train_y))

    def accuracy(X_, y):
        return float(np.mean(((w.T @ X_ + b) > 0) == y))

    assert accuracy(X, train_y) >= 0.8
    assert 0.55 <= accuracy(X_test, test_y) <= 0.9


def test_painting_is_anti_aliased():
    img = np.zeros((16, 16, 3))
    raster.paint(img, raster.circle(8, 8, 5.3), (1, 1, 1))
    values = np.unique(img[..., 0])
    assert values.min() == 0 and values.max() == 1
    assert ((values > 0) & (values < 1)).sum() >= 4, "edge pixels get partial coverage"
    covered = img[..., 0].sum()
    assert abs(covered - np.pi * 5.3 ** 2) < 1.5, "coverage adds up to the disc's area"
