"""Is the planar flower exactly the course's, and are the extra 2-D sets well formed?"""

import numpy as np
import pytest

from layerlab.datasets import load_extra_datasets, load_planar_dataset


def flower_independently(n_points):
    """The first n_points of the flower, recomputed here from the course's recipe."""
    rs = np.random.RandomState(1)              # np.random.seed(1) starts this same stream
    t = np.linspace(0.0, 3.12, 200) + rs.randn(200) * 0.2
    r = 4 * np.sin(4 * t) + rs.randn(200) * 0.2
    return np.vstack([r * np.sin(t), r * np.cos(t)])[:, :n_points]


def test_flower_has_the_course_shapes_and_dtypes():
    X, Y = load_planar_dataset()
    assert X.shape == (2, 400) and X.dtype == np.float64
    assert Y.shape == (1, 400) and Y.dtype == np.uint8


def test_flower_classes_are_balanced_and_ordered():
    _, Y = load_planar_dataset()
    assert (Y[0, :200] == 0).all() and (Y[0, 200:] == 1).all()


def test_flower_first_points_match_the_formula():
    X, _ = load_planar_dataset()
    np.testing.assert_allclose(X[:, :5], flower_independently(5), rtol=0, atol=1e-12)
    np.testing.assert_allclose(X[:, 0], [1.20444229, 3.57611415], atol=1e-8)  # known answer


def test_flower_resets_the_global_seed_like_the_course():
    np.random.seed(123)
    load_planar_dataset()
    after = np.random.rand()
    np.random.seed(1)
    np.random.randn(800)                       # the draws the flower makes
    assert after == np.random.rand()


@pytest.mark.parametrize("n", [200, 50])
def test_extra_sets_have_shapes_and_binary_labels(n):
    sets = load_extra_datasets(n=n)
    assert sorted(sets) == ["blobs", "gaussian_quantiles", "noisy_circles", "noisy_moons"]
    for name, (X, Y) in sets.items():
        assert X.shape == (2, n) and X.dtype == np.float64, name
        assert Y.shape == (1, n) and np.issubdtype(Y.dtype, np.integer), name
        assert set(np.unique(Y)) == {0, 1}, name


def test_extra_sets_are_reproducible_and_noise_changes_them():
    a, b = load_extra_datasets(), load_extra_datasets()
    for name in a:
        np.testing.assert_array_equal(a[name][0], b[name][0])
    calm = load_extra_datasets(noise=0.05)
    assert not np.allclose(calm["noisy_moons"][0], a["noisy_moons"][0])
    only_moons = load_extra_datasets(noise={"noisy_moons": 0.05})
    np.testing.assert_array_equal(only_moons["noisy_circles"][0], a["noisy_circles"][0])
    np.testing.assert_array_equal(only_moons["noisy_moons"][0], calm["noisy_moons"][0])


def test_extra_sets_leave_the_global_random_state_alone():
    np.random.seed(7)
    expected = np.random.rand()
    np.random.seed(7)
    load_extra_datasets()
    assert np.random.rand() == expected
