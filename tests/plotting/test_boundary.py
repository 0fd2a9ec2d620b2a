"""Do decision-boundary plots fill the plane with the predicted class, keep their artists for
live updates, and run headless?"""

import re

import matplotlib

matplotlib.use("Agg")  # headless: no display needed

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from layerlab.plotting.boundary import DecisionBoundary, Grid, plot_decision_boundary  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def data():
    X = np.array([[-1.0, 0.5, 2.0, -0.5], [0.0, 1.0, -1.0, 2.0]])   # (2, 4), points are columns
    Y = np.array([[0, 1, 1, 0]])
    return X, Y


def right_of(x1):
    """A predictor of class 1 right of the vertical line at x1, in the course's shapes: (2, k) -> (1, k)."""
    return lambda points: (points[0:1, :] > x1)


def test_grid_covers_the_data_with_a_margin_and_points_are_columns():
    X, _ = data()
    grid = Grid.around(X, margin=1.0, resolution=50)
    assert grid.extent == (-2.0, 3.0, -2.0, 3.0)
    assert grid.shape == (50, 50)
    assert grid.points.shape == (2, 2500)
    assert grid.points is grid.points      # computed once, reused by every evaluation


def test_grid_evaluation_is_an_image_with_x1_along_the_columns():
    grid = Grid.around(data()[0], resolution=40)
    values = grid.evaluate(right_of(0.0))
    assert values.shape == (40, 40) and values.dtype == np.float64
    np.testing.assert_array_equal(values, np.broadcast_to(grid.x1 > 0, (40, 40)))


def test_the_plot_fills_the_regions_and_draws_the_points_coloured_by_label():
    X, Y = data()
    boundary = plot_decision_boundary(right_of(0.0), X, Y, resolution=60)
    assert isinstance(boundary, DecisionBoundary)
    ax = boundary.ax
    assert boundary.regions in ax.collections and boundary.scatter in ax.collections
    np.testing.assert_array_equal(boundary.scatter.get_offsets(), X.T)
    np.testing.assert_array_equal(boundary.scatter.get_array(), Y.ravel())
    np.testing.assert_array_equal(boundary.labels, boundary.values.astype(int))
    assert boundary.labels[:, boundary.grid.x1 > 0].all() and not boundary.labels[:, boundary.grid.x1 < 0].any()
    assert boundary.image is None and boundary.line is None          # no shading by default
    assert ax.get_xlim() == (boundary.grid.extent[0], boundary.grid.extent[1])


def test_update_redraws_with_the_new_predictor_in_the_same_axes():
    X, Y = data()
    boundary = plot_decision_boundary(right_of(0.0), X, Y, resolution=60)
    old_regions, scatter = boundary.regions, boundary.scatter
    before = boundary.labels.copy()
    assert boundary.update(right_of(1.5)) is boundary
    assert not np.array_equal(boundary.labels, before)
    assert boundary.labels[:, boundary.grid.x1 < 1.5].sum() == 0
    assert old_regions not in boundary.ax.collections                  # replaced, not piled up
    assert boundary.regions in boundary.ax.collections
    assert boundary.scatter is scatter                                  # the points stay
    assert len(boundary.ax.collections) == 2


def test_probability_shading_is_an_image_updated_in_place():
    X, Y = data()

    def probability(shift):
        return lambda points: 1 / (1 + np.exp(-(points[0:1] - shift)))

    boundary = plot_decision_boundary(probability(0.0), X, Y, resolution=30, shading=True)
    image = boundary.image
    assert image is not None and image in boundary.ax.images
    assert boundary.line is not None                                   # the 0.5 line comes with shading
    np.testing.assert_allclose(image.get_array(), boundary.values)
    assert 0 < boundary.values.min() < 0.5 < boundary.values.max() < 1
    boundary.update(probability(1.0))
    assert boundary.image is image                                     # same artist, new data
    np.testing.assert_allclose(image.get_array(), boundary.values)
    assert boundary.values[0, 0] < 0.5


def test_a_shared_grid_is_evaluated_on_exactly_its_points():
    X, Y = data()
    grid = Grid.around(X, resolution=20)
    seen = []

    def predict(points):
        seen.append(points)
        return np.zeros((1, points.shape[1]))

    fig, axes = plt.subplots(1, 2)
    for ax in axes:
        result = plot_decision_boundary(predict, X, Y, ax=ax, grid=grid)
        assert result.ax is ax and result.grid is grid
    assert len(seen) == 2 and all(p is grid.points for p in seen)


def test_flat_predictions_as_scikit_learn_gives_them_are_accepted():
    X, Y = data()
    boundary = plot_decision_boundary(lambda points: (points[0] > 0).astype(int), X, Y, resolution=20)
    assert boundary.labels.shape == (20, 20)


@pytest.mark.parametrize("predict, words", [
    (lambda points: points, "must return one value per point, shape (1, 400)"),
    (lambda points: None, "returned None"),
])
def test_a_predictor_of_the_wrong_shape_gets_a_clear_error(predict, words):
    X, Y = data()
    with pytest.raises(ValueError, match=re.escape(words)):
        plot_decision_boundary(predict, X, Y, resolution=20)


def test_examples_as_rows_get_a_clear_error():
    X, Y = data()
    with pytest.raises(ValueError, match=re.escape("pass X.T")):
        plot_decision_boundary(right_of(0.0), X.T, Y)
    with pytest.raises(ValueError, match="4 points but Y has 3 labels"):
        plot_decision_boundary(right_of(0.0), X, Y[:, :3])


def test_set_points_moves_the_points_in_place():
    X, Y = data()
    boundary = plot_decision_boundary(right_of(0.0), X, Y, resolution=20)
    scatter = boundary.scatter
    boundary.set_points(X[:, :2] + 1, Y[:, :2])
    assert boundary.scatter is scatter
    np.testing.assert_array_equal(scatter.get_offsets(), (X[:, :2] + 1).T)


def test_the_figure_renders_headless(tmp_path):
    X, Y = data()
    boundary = plot_decision_boundary(right_of(0.0), X, Y, shading=True, title="headless")
    path = tmp_path / "boundary.png"
    boundary.ax.figure.savefig(path)
    assert path.stat().st_size > 1000
    assert boundary.ax.get_title() == "headless"
