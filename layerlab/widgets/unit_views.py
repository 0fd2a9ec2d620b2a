"""What each hidden unit computes: the playground's network drawing and its unit maps (Matplotlib).

* :class:`NetworkDrawing`: the inputs x1 and x2, the hidden units and the output as nodes, linked
  by one line per weight (W1 and W2). A line's width grows with the weight's size; its sign is its
  colour *and* its style: purple and solid for positive, orange and dashed for negative (the two
  ends of ColorBrewer's PuOr map, told apart by colour-blind readers too, and in grey by the dashes).
* :class:`UnitMaps`: for every hidden unit a small map of its output over the plane, in a grid
  (up to 50 units, as large as the grid's Axes allows), one image for all of them; and the unit
  chosen (:meth:`UnitMaps.select`) large, in an Axes of its own. Outputs are coloured on the same
  PuOr map: orange below 0, white at 0, purple above (tanh and sigmoid from -1 to 1, ReLU from
  -max to max of what the maps show).

Both take the weights (dict "W1" (n_h, 2), "b1" (n_h, 1), "W2" (1, n_h), "b2" (1, 1)) and update
their artists in place; neither calls any student function. The maps are
:func:`~layerlab.widgets.planar_trainer.hidden_activations`, g(W1 x + b1), on a grid.
"""

from __future__ import annotations

import numpy as np
from matplotlib import colormaps
from matplotlib.collections import LineCollection
from matplotlib.patches import Rectangle

from layerlab.plotting.boundary import Grid

from .planar_trainer import hidden_activations

__all__ = ["NetworkDrawing", "UnitMaps", "POSITIVE", "NEGATIVE", "UNIT_CMAP", "TILE_RESOLUTION"]

UNIT_CMAP = "PuOr"
POSITIVE = "#5e3c99"   # PuOr's purple end
NEGATIVE = "#e66101"   # PuOr's orange end
DASHED = (0, (3.0, 2.0))
TILE_RESOLUTION = 24   # grid lines per axis of a small unit map
MAX_WIDTH = 4.0        # line width (points) of the largest weight


def _bare(ax) -> None:
    """No axis, ticks or frame: they would cost drawing time at every frame."""
    ax.set_axis_off()


class NetworkDrawing:
    """The network as nodes and weighted links in ``ax`` (see the module's docstring).

    ``links`` is the LineCollection of the 3 n_h weights, in the order of :meth:`weights`;
    ``nodes`` the scatter of the 2 + n_h + 1 nodes (inputs, hidden units top to bottom, output).
    """

    def __init__(self, ax, hidden_units: int):
        self.ax = ax
        _bare(ax)
        ax.set_xlim(-0.08, 1.08)
        ax.set_ylim(-0.04, 1.04)
        self.links = LineCollection([], zorder=1, capstyle="butt")
        ax.add_collection(self.links)
        self.nodes = ax.scatter([], [], s=36, facecolors="white", edgecolors="#333333",
                                linewidths=1.0, zorder=2)
        for y, text in ((0.65, "x₁"), (0.35, "x₂")):
            ax.text(-0.05, y, text, ha="right", va="center", fontsize=9)
        ax.text(1.05, 0.5, "ŷ", ha="left", va="center", fontsize=9)
        self.hidden_units = 0
        self.selected = 0
        self.set_units(hidden_units)

    def hidden_y(self, n_h: int) -> np.ndarray:
        """Heights of the hidden nodes, top to bottom: (n_h,)."""
        return np.array([0.5]) if n_h == 1 else np.linspace(0.97, 0.03, n_h)

    def set_units(self, n_h: int) -> None:
        """Lay out a network of ``n_h`` hidden units (weights not drawn until :meth:`update`)."""
        self.hidden_units = n_h
        ys = self.hidden_y(n_h)
        inputs = [(0.0, 0.65), (0.0, 0.35)]
        segments = [[inputs[i], (0.5, y)] for y in ys for i in range(2)]   # W1 row by row
        segments += [[(0.5, y), (1.0, 0.5)] for y in ys]                   # W2
        self.links.set_segments(segments)
        self.links.set_linewidths(0.5)
        self.links.set_color("#cccccc")
        self.nodes.set_offsets(np.array(inputs + [(0.5, y) for y in ys] + [(1.0, 0.5)]))
        self.nodes.set_sizes([36, 36] + [max(8, min(36, 600 / n_h))] * n_h + [36])
        self.select(min(self.selected, n_h - 1))

    @staticmethod
    def weights(parameters: dict) -> np.ndarray:
        """The weights in the links' order: W1 row by row, then W2. Shape (3 n_h,)."""
        return np.concatenate([np.asarray(parameters["W1"], float).ravel(),
                               np.asarray(parameters["W2"], float).ravel()])

    def update(self, parameters: dict | None) -> None:
        """Widths and signs of the links for ``parameters`` (grey hairlines for None)."""
        if parameters is None:
            self.links.set_linewidths(0.5)
            self.links.set_color("#cccccc")
            self.links.set_linestyle("solid")
            return
        w = self.weights(parameters)
        finite = np.where(np.isfinite(w), w, 0.0)
        largest = np.abs(finite).max()
        scale = MAX_WIDTH / largest if largest > 0 else 0.0
        self.links.set_linewidths(0.3 + np.abs(finite) * scale)
        self.links.set_color([POSITIVE if v >= 0 else NEGATIVE for v in finite])
        self.links.set_linestyles(["solid" if v >= 0 else DASHED for v in finite])

    def select(self, unit: int) -> None:
        """Ring the hidden node of ``unit`` (0-based)."""
        self.selected = unit
        n_h = self.hidden_units
        edges = ["#333333"] * (n_h + 3)
        widths = [1.0] * (n_h + 3)
        edges[2 + unit], widths[2 + unit] = "black", 2.5
        self.nodes.set_edgecolors(edges)
        self.nodes.set_linewidths(widths)


class UnitMaps:
    """Small maps of every hidden unit in ``ax_grid`` and the selected one large in ``ax_large``.

    Attributes: ``tiles`` (n_h, r, r) float, each unit's output on :attr:`small_grid` (r =
    :data:`TILE_RESOLUTION`, rows follow x2 upwards as in :class:`~layerlab.plotting.boundary.Grid`);
    ``large`` the selected unit's output on the large grid, (n2, n1); ``selected`` (0-based);
    ``columns``, ``rows`` of the tile grid; ``mosaic`` and ``large_image`` the two AxesImages.
    """

    def __init__(self, ax_grid, ax_large, grid: Grid, hidden_units: int):
        self.ax_grid, self.ax_large = ax_grid, ax_large
        _bare(ax_grid)
        _bare(ax_large)
        self.mosaic = ax_grid.imshow(np.zeros((1, 1)), cmap=colormaps[UNIT_CMAP].with_extremes(bad="white"),
                                     vmin=-1, vmax=1, origin="upper", interpolation="nearest", aspect="equal")
        self.frame = Rectangle((0, 0), 1, 1, fill=False, edgecolor="black", linewidth=2.0, zorder=3)
        ax_grid.add_patch(self.frame)
        self.large_image = ax_large.imshow(np.zeros((2, 2)), cmap=UNIT_CMAP, vmin=-1, vmax=1,
                                           origin="lower", interpolation="nearest", aspect="auto")
        self.selected = 0
        self.set_grid(grid)
        self.set_units(hidden_units)

    def set_grid(self, grid: Grid) -> None:
        """The part of the plane the maps show: the large one on ``grid``, the small ones on a
        :data:`TILE_RESOLUTION` grid over the same extent."""
        self.grid = grid
        low1, high1, low2, high2 = grid.extent
        self.small_grid = Grid(np.linspace(low1, high1, TILE_RESOLUTION),
                               np.linspace(low2, high2, TILE_RESOLUTION))
        self.large_image.set_extent(grid.extent)
        self.ax_large.set_xlim(low1, high1)
        self.ax_large.set_ylim(low2, high2)

    def set_units(self, n_h: int) -> None:
        """Arrange ``n_h`` tiles in the grid of columns and rows that makes them largest."""
        bbox = self.ax_grid.get_position(original=True)
        width, height = bbox.width * self.ax_grid.figure.get_figwidth(), bbox.height * self.ax_grid.figure.get_figheight()
        best = max(range(1, n_h + 1), key=lambda c: (min(width / c, height / -(-n_h // c)), -c))
        self.columns, self.rows = best, -(-n_h // best)
        self.tiles = np.zeros((n_h, TILE_RESOLUTION, TILE_RESOLUTION))
        self.large = np.zeros(self.grid.shape)
        self.selected = min(self.selected, n_h - 1)
        self._show(1.0)

    def unit_at(self, x: float, y: float) -> int | None:
        """The unit (0-based) whose tile holds the data point (x, y) of ``ax_grid``, or None."""
        step = TILE_RESOLUTION + 1
        column, row = int(np.floor((x + 0.5) / step)), int(np.floor((y + 0.5) / step))
        inside = (x + 0.5) % step < TILE_RESOLUTION and (y + 0.5) % step < TILE_RESOLUTION
        unit = row * self.columns + column
        if inside and 0 <= column < self.columns and 0 <= row < self.rows and unit < len(self.tiles):
            return unit
        return None

    def update(self, parameters: dict | None, activation: str) -> None:
        """Recompute every tile and the large map from ``parameters`` (zeros for None)."""
        n_h = len(self.tiles)
        if parameters is None:
            self.tiles = np.zeros((n_h, TILE_RESOLUTION, TILE_RESOLUTION))
            self.large = np.zeros(self.grid.shape)
            self._show(1.0)
            return
        self.parameters, self.activation = parameters, activation
        self.tiles = hidden_activations(self.small_grid.points, parameters, activation).reshape(
            n_h, TILE_RESOLUTION, TILE_RESOLUTION)
        self._compute_large()
        bounded = activation in ("tanh", "sigmoid")
        shown = np.abs(self.tiles[np.isfinite(self.tiles)])
        self._show(1.0 if bounded or shown.size == 0 else max(float(shown.max()), 1e-9))

    def select(self, unit: int) -> None:
        """Show ``unit`` (0-based) large and frame its tile."""
        self.selected = int(unit)
        if getattr(self, "parameters", None) is not None and len(self.tiles):
            self._compute_large()
            self.large_image.set_data(self.large)
        self._place_frame()

    def _compute_large(self) -> None:
        k = self.selected
        one = {"W1": np.asarray(self.parameters["W1"], float)[k:k + 1],
               "b1": np.asarray(self.parameters["b1"], float)[k:k + 1]}
        self.large = hidden_activations(self.grid.points, one, self.activation).reshape(self.grid.shape)

    def _show(self, limit: float) -> None:
        step, r = TILE_RESOLUTION + 1, TILE_RESOLUTION
        image = np.full((self.rows * step - 1, self.columns * step - 1), np.nan)
        for unit, tile in enumerate(self.tiles):
            row, column = divmod(unit, self.columns)
            image[row * step:row * step + r, column * step:column * step + r] = tile[::-1]  # x2 up
        self.mosaic.set_data(image)
        self.mosaic.set_extent((-0.5, image.shape[1] - 0.5, image.shape[0] - 0.5, -0.5))
        self.mosaic.set_clim(-limit, limit)
        self.large_image.set_data(self.large)
        self.large_image.set_clim(-limit, limit)
        self.ax_grid.set_xlim(-0.5, image.shape[1] - 0.5)
        self.ax_grid.set_ylim(image.shape[0] - 0.5, -0.5)
        self._place_frame()

    def _place_frame(self) -> None:
        step = TILE_RESOLUTION + 1
        row, column = divmod(self.selected, self.columns)
        self.frame.set_bounds(column * step - 0.5, row * step - 0.5, TILE_RESOLUTION, TILE_RESOLUTION)
