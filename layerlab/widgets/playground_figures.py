"""The playground's two figures, drawn from a :class:`~layerlab.widgets.planar_trainer.PlanarTrainer`.

* the **main figure**: the network's probability of class 1 over the plane with its decision
  boundary and the points (left), the selected hidden unit's output over the same plane (middle,
  :class:`~layerlab.widgets.unit_views.UnitMaps`), the cost after every iteration (right, log scale);
* the **units figure**: the network drawing (:class:`~layerlab.widgets.unit_views.NetworkDrawing`)
  and a small map of every hidden unit.

``words`` is both figures' text alternative (the data, the boundary's accuracies and how much of
the plane it gives to each class, the cost curve's key values, the unit shown), updated with them.
Each is one figure created once and updated in place; their titles are HTML above them (drawing
text costs time at every frame). ``*_RECT`` are the Axes positions (left, bottom, width, height as
figure fractions): the browser tests crop their screenshots with them.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np

from layerlab.plotting.boundary import Grid, plot_decision_boundary
from layerlab.plotting.cost import plot_costs

from .figure import new_figure, refresh, style_cost_axes
from .planar_trainer import ACTIVATION_NAMES
from .student import NotReady
from .unit_views import NetworkDrawing, UnitMaps
from .words import cost_curve

__all__ = ["PlaygroundFigures", "BOUNDARY_RECT", "UNIT_RECT", "COST_RECT", "DRAWING_RECT", "TILES_RECT"]

MAIN_SIZE = (9.0, 3.0)
UNITS_SIZE = (9.0, 1.9)
BOUNDARY_RECT = (0.005, 0.02, 0.33, 0.96)
UNIT_RECT = (0.345, 0.02, 0.31, 0.96)
COST_RECT = (0.715, 0.16, 0.275, 0.8)
DRAWING_RECT = (0.005, 0.02, 0.3, 0.96)
TILES_RECT = (0.335, 0.02, 0.66, 0.96)
CURVE_COLOUR = "#2166ac"


def title(text: str) -> str:
    return f"<div style='text-align: center; font-size: 13px'>{html.escape(text)}</div>"


def _titles(size, rects) -> list:
    """HTML boxes above a figure of ``size`` inches, one per Axes, as wide as the Axes' columns."""
    width = int(size[0] * 100)
    edges = [0] + [int(width * (a[0] + a[2] + b[0]) / 2) for a, b in zip(rects, rects[1:])] + [width]
    return [widgets.HTML(layout=widgets.Layout(width=f"{right - left}px"))
            for left, right in zip(edges, edges[1:])]


class PlaygroundFigures:
    """Both figures and their titles. ``widget`` is the box that shows them; ``main`` and
    ``units`` the Matplotlib figures; ``boundary`` the DecisionBoundary, ``cost_line``,
    ``test_points``, ``drawing`` (NetworkDrawing), ``maps`` (UnitMaps); ``*_title`` the HTML titles."""

    def __init__(self, data, hidden_units: int, resolution: int, headless: bool):
        self.resolution = resolution
        self.accuracies: tuple[float, float] | None = None  # (train, test) of the network drawn last
        self.main, main_view = new_figure(MAIN_SIZE, headless=headless)
        self.units, units_view = new_figure(UNITS_SIZE, headless=headless)
        self.boundary_title, self.unit_title, self.cost_title = _titles(
            MAIN_SIZE, [BOUNDARY_RECT, UNIT_RECT, COST_RECT])
        self.drawing_title, self.tiles_title = _titles(UNITS_SIZE, [DRAWING_RECT, TILES_RECT])
        self.drawing_title.value = title("weights: width = size, purple solid +, orange dashed −")
        grid = self.grid(data)
        ax_boundary = self.main.add_axes(BOUNDARY_RECT)
        self.boundary = plot_decision_boundary(_undecided, data.X, data.Y, ax=ax_boundary, grid=grid,
                                               shading=True, line=False, point_size=12)
        self.boundary_line = None  # the 0.5 contour of the probabilities (smoother than of labels)
        # Drawing speed matters (a frame is redrawn many times a second; ticks and text are the
        # slowest things to draw): no axis on the maps, and the filled regions, hidden under the
        # probability map anyway, are not redrawn (see draw).
        ax_boundary.set_axis_off()
        self.boundary.regions.set_visible(False)
        self.test_points = ax_boundary.scatter(data.X_test[0], data.X_test[1], s=14, marker="o",
                                               facecolors="none", linewidths=1.0, zorder=3.5,
                                               edgecolors=_label_colours(data.Y_test))
        self.test_points.set_visible(False)
        ax_cost = self.main.add_axes(COST_RECT)
        self.cost_plot = plot_costs([], every=1, ax=ax_cost, log=True, lw=1.2, color=CURVE_COLOUR)
        (self.cost_line,) = self.cost_plot.lines
        style_cost_axes(ax_cost)
        ax_cost.set_xlim(0, 100)
        ax_cost.set_ylim(0.05, 1.0)
        self.maps = UnitMaps(self.units.add_axes(TILES_RECT), self.main.add_axes(UNIT_RECT), grid,
                             hidden_units)
        self.drawing = NetworkDrawing(self.units.add_axes(DRAWING_RECT), hidden_units)
        self.words = widgets.HTML()
        self.words.add_class("layerlab-figure-text")
        self.widget = widgets.VBox([widgets.HBox([self.boundary_title, self.unit_title, self.cost_title]),
                                    main_view,
                                    widgets.HBox([self.drawing_title, self.tiles_title]), units_view])

    def grid(self, data) -> Grid:
        span = float(np.ptp(data.X, axis=1).max())
        return Grid.around(np.hstack([data.X, data.X_test]), margin=0.08 * span, resolution=self.resolution)

    def set_data(self, data) -> None:
        """Show the points of another data set (and the grid around them)."""
        grid = self.grid(data)
        self.boundary.grid = grid
        self.boundary.image.set_extent(grid.extent)
        ax = self.boundary.ax
        ax.set_xlim(grid.extent[0], grid.extent[1])
        ax.set_ylim(grid.extent[2], grid.extent[3])
        self.boundary.set_points(data.X, data.Y)
        self.test_points.set_offsets(data.X_test.T)
        self.test_points.set_edgecolors(_label_colours(data.Y_test))
        self.maps.set_grid(grid)

    def set_units(self, n_h: int) -> None:
        if n_h != len(self.maps.tiles):
            self.maps.set_units(n_h)
            self.drawing.set_units(n_h)

    def draw(self, trainer, setting_text: str) -> NotReady | None:
        """Update every artist for the trainer's network; returns the problem met in the student's
        forward_propagation (the figures then show the undecided 0.5), or None."""
        predict, problem, parameters = _undecided, None, None
        self.accuracies = accuracies = None
        if trainer.parameters is not None and trainer.blocked is None:
            try:
                with np.errstate(all="ignore"):
                    self.accuracies = accuracies = trainer.accuracies()
                predict, parameters = trainer.forward, trainer.parameters
            except NotReady as exc:
                problem = exc
        with np.errstate(all="ignore"):
            self.boundary.values = self.boundary.grid.evaluate(predict)
            self.boundary.image.set_data(self.boundary.values)
            self.set_units(trainer.hidden_units)
            self.maps.update(parameters, trainer.activation)
            self.drawing.update(parameters)
        self._draw_boundary_line()
        self._draw_costs(trainer.costs)
        if accuracies is None:
            blocked = problem or trainer.blocked
            self.boundary_title.value = title("cannot train yet: see below" if blocked else
                                              f"{setting_text}: not trained")
        else:
            self.boundary_title.value = title(f"{setting_text} · iteration {trainer.iteration:,} · "
                                              f"train {accuracies[0]:.1%} · test {accuracies[1]:.1%}")
        self.show_unit_title(trainer)
        last = f"{trainer.costs[-1]:.4g}" if trainer.costs else "–"
        self.cost_title.value = title(f"cost (log scale): {last}")
        self.words.value = ("<div style='font-size: 0.9em; max-width: 60em'><b>The figures in words.</b> "
                            + html.escape(self.describe(trainer, setting_text)) + "</div>")
        self.refresh()
        return problem

    def describe(self, trainer, setting_text: str) -> str:
        """The figures in words (plain text), for the network drawn last."""
        data = trainer.data
        words = [f"Data set {data.name}, noise {data.noise:g}: {data.Y.shape[1]} training points "
                 f"({int(np.sum(data.Y > 0.5))} blue), {data.Y_test.shape[1]} test points."]
        if self.accuracies is None:
            words.append(f"Network of {setting_text}: not trained, no decision boundary yet.")
        else:
            blue = float(np.mean(self.boundary.values > 0.5))
            words.append(f"Decision boundary of {setting_text} after {trainer.iteration:,} iterations: "
                         f"train accuracy {self.accuracies[0]:.1%}, test accuracy {self.accuracies[1]:.1%}; "
                         f"it calls {blue:.0%} of the plane shown blue and {1 - blue:.0%} red.")
        words.append(cost_curve(trainer.costs))
        words.append(f"Shown large: hidden unit {self.maps.selected + 1} of {trainer.hidden_units}.")
        return " ".join(words)

    def show_unit_title(self, trainer) -> None:
        n_h, k = trainer.hidden_units, self.maps.selected
        name = ACTIVATION_NAMES[trainer.activation]
        self.unit_title.value = title(f"hidden unit {k + 1} of {n_h}: {name}(W1[{k + 1}] · x + b1[{k + 1}])")
        low = "-1" if trainer.activation in ("tanh", "sigmoid") else f"{-self.maps.mosaic.get_clim()[1]:.3g}"
        self.tiles_title.value = title(f"every hidden unit's output over the plane, 1 to {n_h} by rows: "
                                       f"orange {low}, white 0, purple {self.maps.mosaic.get_clim()[1]:.3g}")

    def refresh(self) -> None:
        refresh(self.main)
        refresh(self.units)

    def _draw_costs(self, costs) -> None:
        values = np.asarray(costs, dtype=float)
        steps = np.arange(values.size, dtype=float)
        shown = np.isfinite(values) & (values > 0)
        self.cost_line.set_data(steps[shown], values[shown])
        ax = self.cost_plot.ax
        ax.set_xlim(0, max(100, values.size))
        if shown.any():
            low, high = values[shown].min(), values[shown].max()
            ax.set_ylim(low / 1.3, max(high * 1.3, low * 2))

    def _draw_boundary_line(self) -> None:
        if self.boundary_line is not None:
            self.boundary_line.remove()
            self.boundary_line = None
        values, grid = self.boundary.values, self.boundary.grid
        if np.isfinite(values).all() and values.min() < 0.5 < values.max():
            self.boundary_line = self.boundary.ax.contour(grid.x1, grid.x2, values, levels=[0.5],
                                                          colors="k", linewidths=1.0, zorder=2)


def _undecided(points: np.ndarray) -> np.ndarray:
    """The picture before there is a network: probability 0.5 everywhere."""
    return np.full((1, points.shape[1]), 0.5)


def _label_colours(Y) -> np.ndarray:
    """RGBA edge colours of points with labels Y (1, m): the dark ends of the boundary's colour map."""
    import matplotlib

    cmap = matplotlib.colormaps["RdBu"]
    return cmap(np.where(np.asarray(Y).ravel() > 0.5, 0.95, 0.05))
