"""Cost curves: how the cost fell during training, for one run or several runs overlaid.

Training loops in this course record the cost every ``every`` iterations (every 100 in the
logistic-regression and deep-network notebooks), so the k-th recorded cost belongs to iteration
``k * every``. :func:`plot_costs` puts that iteration on the x axis::

    from layerlab.plotting.cost import plot_costs

    plot_costs(d["costs"], every=100, label="learning rate 0.005")            # one run
    plot_costs({"0.01": costs_a, "0.001": costs_b}, every=100, log=True)       # several, overlaid

It draws into the Matplotlib ``Axes`` it is given (or a new figure), never calls ``plt.show()``
and so works headless (Agg backend) as well as inline in a notebook. It returns a
:class:`CostPlot` ``(ax, lines)`` so that callers and tests can inspect what was drawn.
"""

from __future__ import annotations

from collections.abc import Mapping
from numbers import Real
from typing import Any, NamedTuple, Sequence

import numpy as np

__all__ = ["CostPlot", "plot_costs", "cost_curve"]


class CostPlot(NamedTuple):
    """What :func:`plot_costs` drew: the Axes and one ``Line2D`` per run, in the order given."""

    ax: Any
    lines: list


def cost_curve(costs: Sequence, every: int = 100) -> tuple[np.ndarray, np.ndarray]:
    """The points of one cost curve.

    Arguments:
        costs: the recorded costs, a sequence of k numbers (Python floats, NumPy scalars, or
            one-element arrays such as a (1, 1) cost, which are squeezed).
        every: how many iterations lie between two recorded costs (a positive int).

    Returns:
        iterations: float64 array of shape (k,), ``[0, every, 2 * every, ...]``
        values: float64 array of shape (k,), the costs as plain numbers
    """
    if isinstance(every, bool) or not isinstance(every, (int, np.integer)) or every < 1:
        raise ValueError(f"every must be a positive whole number of iterations, got {every!r}")
    if (isinstance(costs, np.ndarray) and costs.ndim == 0) or isinstance(costs, Real):
        raise TypeError("costs must be a sequence of recorded costs (one per recording), "
                        "not a single number")
    values = []
    for k, cost in enumerate(costs):
        value = np.asarray(cost)
        if value.size != 1 or value.dtype.kind not in "iuf":
            raise ValueError(f"costs[{k}] is not a single number (it is {_describe(cost)}); every "
                             f"recorded cost must be one number, e.g. float(np.squeeze(cost))")
        values.append(float(value.reshape(())))
    values = np.array(values, dtype=np.float64)
    return np.arange(values.size, dtype=np.float64) * every, values


def plot_costs(costs: Sequence | Mapping[str, Sequence], every: int = 100, *, label: str | None = None,
               ax=None, log: bool = False, title: str | None = None,
               xlabel: str = "iteration", ylabel: str = "cost", **line_kwargs) -> CostPlot:
    """Draw one cost curve, or several overlaid with a legend.

    Arguments:
        costs: either one run's recorded costs (a sequence of k numbers), or a mapping
            ``{label: costs}`` of several runs (each a sequence; lengths may differ).
        every: iterations between two recorded costs; the k-th cost is drawn at ``k * every``.
        label: legend label of a single run (several runs take their labels from the mapping).
        ax: a Matplotlib Axes to draw into; None creates a new 6 x 4 inch figure.
        log: use a logarithmic cost axis (costs must then be positive), handy when runs with
            very different learning rates are compared.
        title, xlabel, ylabel: text of the Axes.
        **line_kwargs: passed to every ``ax.plot`` call (e.g. ``marker="o"``, ``lw=1``).

    Returns:
        CostPlot(ax, lines): the Axes, and a list with one Line2D per run in the given order.
    """
    runs = _runs(costs, label)
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(6, 4))
    lines = []
    for run_label, run_costs in runs:
        x, y = cost_curve(run_costs, every)
        if log and np.any(y <= 0):
            raise ValueError(f"log=True needs positive costs, but run {run_label or ''} has "
                             f"{y[y <= 0][0]:g}; use log=False")
        (line,) = ax.plot(x, y, label=run_label, **line_kwargs)
        lines.append(line)
    if log:
        _log_axis(ax)
    ax.set_xlabel(f"{xlabel} (cost recorded every {every})" if every > 1 else xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    if any(run_label for run_label, _ in runs):
        ax.legend()
    ax.grid(True, alpha=0.3)
    return CostPlot(ax, lines)


def _log_axis(ax) -> None:
    """A log cost axis labelled with plain numbers (0.5, 2) rather than 5x10^-1; when the costs
    span less than about a decade, the intermediate ticks are labelled too."""
    from matplotlib.ticker import FuncFormatter, NullFormatter

    ax.set_yscale("log")
    plain = FuncFormatter(lambda value, _: f"{value:.3g}")
    ax.yaxis.set_major_formatter(plain)
    low, high = ax.get_ylim()
    ax.yaxis.set_minor_formatter(plain if high / low < 20 else NullFormatter())


def _runs(costs, label) -> list[tuple[str | None, Sequence]]:
    """Normalise the ``costs`` argument to ``[(label, costs), ...]``."""
    if isinstance(costs, Mapping):
        if label is not None:
            raise ValueError("label is for a single run; with several runs the mapping's keys are the labels")
        if not costs:
            raise ValueError("no runs to plot: the mapping of runs is empty")
        return [(str(k), v) for k, v in costs.items()]
    return [(label, costs)]


def _describe(value) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    return f"a {type(value).__name__}"
