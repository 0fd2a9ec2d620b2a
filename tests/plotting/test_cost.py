"""Do cost curves put each recorded cost at its iteration, overlay runs, and run headless?"""

import re

import matplotlib

matplotlib.use("Agg")  # headless: no display needed

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from layerlab.plotting.cost import CostPlot, cost_curve, plot_costs  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_each_recorded_cost_is_drawn_at_its_iteration():
    ax, lines = plot_costs([0.69, 0.5, 0.4], every=100)
    (line,) = lines
    np.testing.assert_array_equal(line.get_xdata(), [0, 100, 200])
    np.testing.assert_array_equal(line.get_ydata(), [0.69, 0.5, 0.4])
    assert "iteration" in ax.get_xlabel() and "every 100" in ax.get_xlabel()
    assert ax.get_ylabel() == "cost"


def test_several_runs_are_overlaid_in_one_axes_with_a_legend():
    runs = {"learning rate 0.01": [0.7, 0.3, 0.2], "learning rate 0.001": [0.7, 0.6]}
    result = plot_costs(runs, every=50, title="compare")
    assert isinstance(result, CostPlot)
    assert len(result.lines) == 2 and all(line.axes is result.ax for line in result.lines)
    assert [line.get_label() for line in result.lines] == list(runs)
    assert [t.get_text() for t in result.ax.get_legend().get_texts()] == list(runs)
    np.testing.assert_array_equal(result.lines[1].get_xdata(), [0, 50])
    assert result.ax.get_title() == "compare"


def test_a_single_labelled_run_gets_a_legend_and_an_unlabelled_one_does_not():
    ax, _ = plot_costs([1.0, 0.5], label="lr 0.005")
    assert ax.get_legend() is not None
    ax2, _ = plot_costs([1.0, 0.5])
    assert ax2.get_legend() is None


def test_log_scale_option():
    ax, _ = plot_costs([1.0, 0.1, 0.01], log=True)
    assert ax.get_yscale() == "log"
    assert ax.yaxis.get_major_formatter()(0.1, 0) == "0.1"  # plain numbers, not 10^-1
    ax2, _ = plot_costs([1.0, 0.1])
    assert ax2.get_yscale() == "linear"
    with pytest.raises(ValueError, match="positive"):
        plot_costs([1.0, 0.0], log=True)


def test_draws_into_a_given_axes():
    fig, axes = plt.subplots(1, 2)
    ax, lines = plot_costs([0.5, 0.4], ax=axes[1])
    assert ax is axes[1] and lines[0].axes is axes[1]
    assert axes[0].get_lines() == []


def test_costs_stored_as_one_element_arrays_are_squeezed():
    x, y = cost_curve([np.array([[0.7]]), np.float64(0.5), np.array(0.4)], every=100)
    np.testing.assert_array_equal(x, [0, 100, 200])
    np.testing.assert_array_equal(y, [0.7, 0.5, 0.4])
    assert y.dtype == np.float64


@pytest.mark.parametrize("costs, every, words", [
    ([np.array([0.5, 0.4])], 100, "costs[0] is not a single number"),
    (0.5, 100, "sequence of recorded costs"),
    ([0.5], 0, "positive whole number"),
    ([0.5], 2.5, "positive whole number"),
])
def test_bad_input_gets_a_clear_error(costs, every, words):
    with pytest.raises((ValueError, TypeError), match=re.escape(words)):
        cost_curve(costs, every)


def test_the_figure_renders_headless(tmp_path):
    ax, _ = plot_costs({"a": [0.7, 0.3], "b": [0.7, 0.6]}, log=True, marker="o")
    path = tmp_path / "costs.png"
    ax.figure.savefig(path)
    assert path.stat().st_size > 1000
