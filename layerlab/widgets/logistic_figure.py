"""The week-2 explorer's figure: the cost curve of every run beside one picture and its caption.

:class:`ExplorerFigure` draws on the matplotlib figure of a
:class:`~.logistic.LogisticRegressionExplorer`; the explorer decides what to show, this module how.
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import MultipleLocator

from layerlab.plotting.cost import plot_costs

from .figure import style_cost_axes
from .logistic_trainer import RECORD_EVERY

# where the two parts sit in the figure (left, bottom, width, height as fractions of it)
COST_RECT = (0.075, 0.13, 0.52, 0.74)
PICTURE_RECT = (0.655, 0.05, 0.33, 0.70)
WRONG_COLOUR = "#b2182b"


class ExplorerFigure:
    """Left: the cost of each run against the iteration, on a log scale (``cost_ax``, one line per
    run, a ``legend`` while there are runs). Right: a picture (``picture_image``, an (h, w, 3)
    array) under its caption (``picture_title``)."""

    def __init__(self, figure, num_iterations: int, first_picture: np.ndarray):
        self.figure = figure
        self.cost_ax = figure.add_axes(COST_RECT)
        for placeholder in plot_costs([], every=RECORD_EVERY, ax=self.cost_ax, log=True).lines:
            placeholder.remove()  # the axes, labels and grid stay; every run adds its own line
        style_cost_axes(self.cost_ax)
        self.cost_ax.xaxis.set_major_locator(MultipleLocator(500))
        self.cost_ax.set_xlim(0, num_iterations)
        self.cost_ax.set_ylim(0.05, 1.0)
        self.cost_title = figure.text(COST_RECT[0] + COST_RECT[2] / 2, 0.92,
                                      "cost of each run (log scale)", ha="center", va="bottom", fontsize=10)
        self.picture_ax = figure.add_axes(PICTURE_RECT)
        self.picture_ax.set_xticks([])
        self.picture_ax.set_yticks([])
        self.picture_image = self.picture_ax.imshow(first_picture, interpolation="nearest")
        self.picture_title = figure.text(PICTURE_RECT[0] + PICTURE_RECT[2] / 2, 0.77, " ",
                                         ha="center", va="bottom", fontsize=9, linespacing=1.3)
        self.legend = None

    def draw_runs(self, runs: list, longest: int) -> None:
        """Each run's line from its recorded costs, the axes fitted to all of them (the x axis to
        ``longest`` iterations), and the legend."""
        for run in runs:
            run.line.set_data(np.asarray(run.cost_iterations, float), np.asarray(run.costs, float))
            run.line.set_label(run.label)
        values = np.array([c for run in runs for c in run.costs], dtype=float)
        values = values[np.isfinite(values) & (values > 0)]
        if values.size:
            self.cost_ax.set_ylim(values.min() / 1.3, max(values.max() * 1.3, values.min() * 2))
        self.cost_ax.set_xlim(0, longest)
        if self.legend is not None:
            self.legend.remove()
            self.legend = None
        if runs:
            self.legend = self.cost_ax.legend(loc="upper right", fontsize=8)

    def show_picture(self, picture: np.ndarray | None, caption: str) -> None:
        """Show ``picture`` ((h, w, 3) in [0, 1]; None: a blank square) under ``caption``, in red
        when the caption says the model got it wrong."""
        self.picture_image.set_data(np.ones((64, 64, 3)) if picture is None else picture)
        self.picture_title.set_text(caption)
        self.picture_title.set_color(WRONG_COLOUR if "(wrong)" in caption else "black")
