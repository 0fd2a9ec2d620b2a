"""Decision boundaries: which class a 2-D classifier predicts everywhere in the plane.

A classifier of points in the plane splits it into regions, one per predicted class. To draw them,
the classifier is evaluated on a fine grid of points that covers the data, the regions are filled
(a filled contour of the predicted labels) and the data points are drawn on top, coloured by their
true label::

    from layerlab.plotting.boundary import plot_decision_boundary

    plot_decision_boundary(lambda x: predict(parameters, x), X, Y)          # regions + points
    plot_decision_boundary(lambda x: forward_propagation(x, parameters)[0], X, Y,
                           shading=True)                                     # + probabilities

``predict`` follows the course's orientation: it maps points given as columns, an array of shape
(2, k), to one label or probability per point, shape (1, k) (a flat (k,) result is accepted too, as
scikit-learn returns it). Points where the output is above ``threshold`` (0.5) belong to class 1.

Reuse and live updates (widgets): the grid is a :class:`Grid` that can be built once and shared by
several plots, and the function returns a :class:`DecisionBoundary` that keeps every artist it drew.
``boundary.update(new_predict)`` re-evaluates the grid and redraws in place: the probability image
gets new data (``set_data``), the two contour sets (Matplotlib cannot change a contour's data) are
replaced by new ones in the same Axes. ``boundary.set_points(X, Y)`` moves the data points.

Nothing here calls ``plt.show()``: it works inline in a notebook and headless (Agg) in tests.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

__all__ = ["Grid", "DecisionBoundary", "plot_decision_boundary"]

#: Default colour map: class 0 red, class 1 blue (the colours of the course's flower).
CMAP = "RdBu"


@dataclass(frozen=True, eq=False)
class Grid:
    """A rectangular grid of points in the plane, in the course's orientation (points are columns).

    Attributes:
        x1: float64 array of shape (n1,), the grid's coordinates along the horizontal axis.
        x2: float64 array of shape (n2,), the grid's coordinates along the vertical axis.

    Build one around a data set with :meth:`around`; :attr:`points` (2, n1 * n2) is what a
    predictor is evaluated on, :meth:`evaluate` does that and returns an (n2, n1) image.
    """

    x1: np.ndarray
    x2: np.ndarray

    @classmethod
    def around(cls, X, margin: float = 1.0, resolution: int = 300) -> "Grid":
        """The grid covering the points ``X`` (2, m) with ``margin`` to spare on every side.

        Arguments:
            X: array of shape (2, m), one point per column.
            margin: distance added beyond the smallest and largest coordinate on each axis.
            resolution: number of grid lines along each axis (at least 2); the grid has
                ``resolution ** 2`` points.
        """
        X = _points(X)
        if isinstance(resolution, bool) or not isinstance(resolution, (int, np.integer)) or resolution < 2:
            raise ValueError(f"resolution must be a whole number of at least 2, got {resolution!r}")
        if not np.isfinite(margin) or margin < 0:
            raise ValueError(f"margin must be a non-negative number, got {margin!r}")
        if X.shape[1] == 0:
            raise ValueError("X has no points (shape (2, 0)), so there is no area to cover")
        lows, highs = X.min(axis=1) - margin, X.max(axis=1) + margin
        highs = np.where(highs > lows, highs, lows + 1.0)  # a single point still gets an area
        return cls(np.linspace(lows[0], highs[0], resolution),
                   np.linspace(lows[1], highs[1], resolution))

    @property
    def shape(self) -> tuple[int, int]:
        """(n2, n1): rows follow x2 (vertical), columns follow x1 (horizontal), as in an image."""
        return (self.x2.size, self.x1.size)

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """(x1 min, x1 max, x2 min, x2 max), as ``imshow(extent=...)`` wants it."""
        return (float(self.x1[0]), float(self.x1[-1]), float(self.x2[0]), float(self.x2[-1]))

    @functools.cached_property
    def points(self) -> np.ndarray:
        """Every grid point as a column: float64 array of shape (2, n1 * n2), row by row of the image."""
        xx1, xx2 = np.meshgrid(self.x1, self.x2)
        return np.vstack([xx1.ravel(), xx2.ravel()])

    def evaluate(self, predict: Callable[[np.ndarray], Any]) -> np.ndarray:
        """``predict(self.points)`` as an image: float64 array of shape (n2, n1).

        ``predict`` gets the (2, k) points and must return k numbers, shaped (1, k) or (k,):
        labels (bool or 0/1) or probabilities.
        """
        if not callable(predict):
            raise TypeError(f"predict must be a function of the points (2, k), got {type(predict).__name__}")
        k = self.points.shape[1]
        out = predict(self.points)
        if out is None:
            raise ValueError("predict returned None: does it end with a `return`?")
        values = np.asarray(out)
        if values.dtype.kind not in "biuf":
            raise TypeError(f"predict must return numbers (labels or probabilities), got dtype {values.dtype}")
        if values.shape not in ((1, k), (k,), (k, 1)):
            raise ValueError(
                f"predict was given the points as an array of shape (2, {k}) (one point per column) "
                f"and must return one value per point, shape (1, {k}); it returned shape {values.shape}")
        return values.astype(np.float64).reshape(self.shape)


class DecisionBoundary:
    """What :func:`plot_decision_boundary` drew, kept so that it can be redrawn in place.

    Attributes:
        ax: the Matplotlib Axes.
        grid: the :class:`Grid` the predictor was evaluated on.
        values: float64 array (n2, n1), the predictor's output on the grid (labels or probabilities).
        labels: int array (n2, n1), 1 where ``values > threshold``, else 0.
        regions: the filled contour (``QuadContourSet``) of ``labels``; replaced by :meth:`update`.
        line: the contour line at ``threshold`` (``QuadContourSet``) or None; replaced by :meth:`update`.
        image: the probability shading (``AxesImage``) when ``shading=True``, else None;
            updated in place by :meth:`update`.
        scatter: the data points (``PathCollection``), coloured by label; see :meth:`set_points`.
        threshold: the output value that separates the classes.
    """

    def __init__(self, ax, grid: Grid, *, threshold: float = 0.5, cmap=CMAP, alpha: float = 0.6,
                 line: bool = False, point_size: float = 20.0):
        self.ax = ax
        self.grid = grid
        self.threshold = float(threshold)
        self.cmap = cmap
        self.alpha = float(alpha)
        self.draw_line = bool(line)
        self.point_size = float(point_size)
        self.values = np.zeros(grid.shape)
        self.labels = np.zeros(grid.shape, dtype=int)
        self.regions = None
        self.line = None
        self.image = None
        self.scatter = None

    @property
    def artists(self) -> list:
        """Every artist currently drawn (image, regions, line, scatter), those that exist."""
        return [a for a in (self.image, self.regions, self.line, self.scatter) if a is not None]

    def update(self, predict: Callable[[np.ndarray], Any]) -> "DecisionBoundary":
        """Evaluate ``predict`` on the same grid and redraw the regions (and shading) with it."""
        self.values = self.grid.evaluate(predict)
        self.labels = (self.values > self.threshold).astype(int)
        if self.image is not None:
            self.image.set_data(self.values)
        for old in (self.regions, self.line):
            if old is not None:
                old.remove()
        self.regions = self.ax.contourf(self.grid.x1, self.grid.x2, self.labels, levels=[-0.5, 0.5, 1.5],
                                        colors=_region_colours(self.cmap), alpha=self.alpha, zorder=1)
        self.line = None
        if self.draw_line and 0 < self.labels.sum() < self.labels.size:
            self.line = self.ax.contour(self.grid.x1, self.grid.x2, self.labels, levels=[0.5],
                                        colors="k", linewidths=1.0, zorder=2)
        return self

    def set_points(self, X, Y) -> "DecisionBoundary":
        """Show other data points ``X`` (2, m) with labels ``Y`` (1, m), in place when possible."""
        X, y = _points(X), _labels(Y, None)
        if y.size != X.shape[1]:
            raise ValueError(f"X has {X.shape[1]} points but Y has {y.size} labels")
        if self.scatter is None:
            self.scatter = self.ax.scatter(X[0], X[1], c=y, cmap=self.cmap, vmin=0, vmax=1, s=self.point_size,
                                           edgecolors="k", linewidths=0.4, zorder=3)
        else:
            self.scatter.set_offsets(X.T)
            self.scatter.set_array(y)
        return self


def plot_decision_boundary(predict: Callable[[np.ndarray], Any], X, Y, ax=None, *, grid: Grid | None = None,
                           resolution: int = 300, margin: float = 1.0, threshold: float = 0.5,
                           shading: bool = False, line: bool | None = None, cmap=CMAP, alpha: float | None = None,
                           point_size: float = 20.0, title: str | None = None) -> DecisionBoundary:
    """Fill the plane with the class ``predict`` gives each point, and draw the data on top.

    Arguments:
        predict: function mapping points (2, k), one per column, to labels or probabilities (1, k)
            (a (k,) result, as scikit-learn's ``predict`` gives for ``x.T``, is accepted too).
        X: the data, array of shape (2, m).
        Y: their true labels (0/1 or bool), array of shape (1, m) (or (m,)).
        ax: a Matplotlib Axes to draw into; None creates a new 5 x 4 inch figure.
        grid: a :class:`Grid` to evaluate on (reuse one for several plots of the same data);
            None builds ``Grid.around(X, margin, resolution)``.
        resolution, margin: how the grid is built when ``grid`` is None.
        threshold: outputs above it are class 1 (0.5 for probabilities and for 0/1 labels).
        shading: also show the output itself as a shaded image, from 0 (red) to 1 (blue): useful
            when ``predict`` returns probabilities (how sure is the model?).
        line: draw the boundary itself as a black line; default: only with ``shading``.
        cmap: Matplotlib colour map shared by regions, shading and points (class 0 at its low end).
        alpha: opacity of the filled regions (default 0.6).
        point_size: marker area of the data points.
        title: Axes title.

    Returns:
        A :class:`DecisionBoundary` holding the Axes, the grid, the values and every artist;
        call its ``update(new_predict)`` to redraw after the model changed.
    """
    X = _points(X)
    y = _labels(Y, X.shape[1])
    if grid is None:
        grid = Grid.around(X, margin=margin, resolution=resolution)
    elif not isinstance(grid, Grid):
        raise TypeError(f"grid must be a layerlab.plotting.boundary.Grid, got {type(grid).__name__}")
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(5, 4))
    if alpha is None:
        alpha = 0.6
    boundary = DecisionBoundary(ax, grid, threshold=threshold, cmap=cmap, alpha=alpha,
                                line=shading if line is None else line, point_size=point_size)
    if shading:
        # vmin/vmax beyond [0, 1]: even a sure prediction stays lighter than the points drawn on it
        boundary.image = ax.imshow(boundary.values, origin="lower", extent=grid.extent, cmap=cmap,
                                   vmin=-0.4, vmax=1.4, interpolation="bilinear", aspect="auto",
                                   zorder=1.5)
    boundary.update(predict)
    boundary.set_points(X, y)
    ax.set_xlim(grid.extent[0], grid.extent[1])
    ax.set_ylim(grid.extent[2], grid.extent[3])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title)
    return boundary


def _region_colours(cmap) -> list:
    """Light versions of the colour map's two ends: class 0, class 1 (the points keep the dark ends)."""
    import matplotlib

    colours = matplotlib.colormaps[cmap] if isinstance(cmap, str) else cmap
    return [colours(0.3), colours(0.7)]


def _points(X) -> np.ndarray:
    X = np.asarray(X)
    if X.dtype.kind not in "biuf":
        raise TypeError(f"X must hold numbers, got dtype {X.dtype}")
    if X.ndim != 2 or X.shape[0] != 2:
        hint = " (points must be columns: pass X.T)" if X.ndim == 2 and X.shape[1] == 2 else ""
        raise ValueError(f"X must have shape (2, m), one point per column; got shape {X.shape}{hint}")
    return X.astype(np.float64)


def _labels(Y, m: int | None) -> np.ndarray:
    y = np.asarray(Y)
    if y.dtype.kind not in "biuf":
        raise TypeError(f"Y must hold labels 0/1, got dtype {y.dtype}")
    if y.ndim == 2 and y.shape[0] != 1:
        raise ValueError(f"Y must have shape (1, m), one label per column; got shape {y.shape}")
    y = y.reshape(-1).astype(np.float64)
    if m is not None and y.size != m:
        raise ValueError(f"X has {m} points but Y has {y.size} labels")
    return y
