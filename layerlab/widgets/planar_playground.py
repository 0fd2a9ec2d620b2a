"""Week 3 playground: train the student's one-hidden-layer network live and watch it learn.

In the spirit of TensorFlow Playground, with the course's network and cost: choose a data set and
its noise, the number of hidden units, the learning rate, the hidden activation and how the
weights start, then Run / Pause / Step / Reset. While it trains, the figure shows the network's
probability of class 1 everywhere in the plane (the heat map) with the decision boundary and the
points, next to the cost after every iteration (log scale); the status line and the titles give
the training and test accuracy.

::

    from layerlab.widgets import playground

    playground(initialize_parameters=initialize_parameters, forward_propagation=forward_propagation,
               compute_cost=compute_cost, backward_propagation=backward_propagation,
               update_parameters=update_parameters)

Whose code runs:

* tanh hidden layer: the student's ``forward_propagation``, ``compute_cost``,
  ``backward_propagation`` and ``update_parameters``, one call each per gradient step, exactly the
  loop of ``nn_model``; with the default settings (flower, 4 units, learning rate 1.2, small random
  start seeded with 3) the playground follows ``nn_model``'s run step by step.
* ReLU, leaky ReLU, sigmoid: the student's ``forward_propagation`` hard-wires tanh, so the forward
  pass is a short widget-side one; the gradients are the student's ``backward_propagation``,
  called twice per step with adjusted caches (no backward pass is written in layerlab), then the
  student's ``compute_cost`` and ``update_parameters`` as for tanh. How and why:
  :mod:`layerlab.widgets.other_activations`. The two calls need ``backward_propagation`` to take
  tanh's slope from the cache's A1 (as the notebook's equations do); this is checked by finite
  differences whenever such a network starts, and if it does not hold the playground goes back
  to tanh and says why in the status line (``notice``).
* starting weights: "small random" is the student's ``initialize_parameters`` (seeded); "zeros"
  and "large random" are set by the widget, to show symmetry and saturation.

A function that is not implemented yet (or raises) is named in the status line; the widget never
shows a traceback. Training runs as an asyncio task in frames of ``steps per frame`` gradient
steps (:class:`layerlab.widgets.runner.Runner`), so Pause and every control respond while it runs.
Changing the data set, the noise, the hidden units, the activation or the start resets the
network (and keeps running if it was); a new learning rate applies from the next step on.
"""

from __future__ import annotations

import contextlib
import html

import ipywidgets as widgets
import numpy as np

from layerlab.plotting.boundary import Grid, plot_decision_boundary
from layerlab.plotting.cost import plot_costs

from . import planar_data
from .base import TrainingWidget
from .controls import Status, button, dropdown, float_slider, int_slider, log_slider, panel
from .figure import new_figure, refresh, style_cost_axes
from .other_activations import TOLERANCE, check_tanh, check_two_calls, variant_forward, variant_gradients
from .runner import Runner
from .student import NotReady, StudentFunctions, try_each

__all__ = ["Playground", "playground", "ACTIVATIONS", "INITIALIZATIONS", "BOUNDARY_RECT", "COST_RECT"]

#: hidden activations offered: label shown -> key ("tanh" uses the student's functions)
ACTIVATIONS = {"tanh (your functions)": "tanh", "ReLU": "relu", "leaky ReLU": "leaky relu",
               "sigmoid": "sigmoid"}
#: weight scale of the "large random" start: big enough to saturate tanh and sigmoid units
LARGE_SCALE = 4.0
#: how the weights start: label shown -> key
INITIALIZATIONS = {"small random (your initialize_parameters)": "small random", "zeros": "zeros",
                   f"large random (randn × {LARGE_SCALE:g})": "large random"}
#: where the two Axes sit in the figure (left, bottom, width, height as fractions): the browser
#: tests crop their screenshots with these
BOUNDARY_RECT = (0.01, 0.02, 0.47, 0.96)
COST_RECT = (0.575, 0.13, 0.39, 0.83)
FIGSIZE = (8.4, 3.6)
STUDENT_FUNCTIONS = ("initialize_parameters", "forward_propagation", "compute_cost",
                     "backward_propagation", "update_parameters")


class Playground(TrainingWidget):
    """The week-3 playground (see the module's docstring). Display it as the last expression of a
    cell; ``playground.widget`` is the ipywidgets box.

    State, for tests and curious students: ``parameters`` (dict "W1" (n_h, 2), "b1" (n_h, 1),
    "W2" (1, n_h), "b2" (1, 1), or None before a start could be made), ``iteration``, ``costs``
    (one per iteration), ``train_accuracy`` and ``test_accuracy`` (None until known), ``data``
    (:class:`~layerlab.widgets.planar_data.PlanarData`), ``problem`` (the message shown, or None),
    ``notice`` (why the playground went back to tanh from another activation, or None; shown above
    the status line until the next start).
    Controls: ``dataset``, ``noise``, ``hidden_units``, ``learning_rate``, ``activation``,
    ``initialization``, ``steps_per_frame``, ``show_test``; buttons ``run_button``,
    ``pause_button``, ``step_button``, ``reset_button``. Drawn: ``figure``, ``boundary`` (a
    :class:`~layerlab.plotting.boundary.DecisionBoundary`), ``cost_line``, ``test_points``.
    """

    def __init__(self, *, initialize_parameters=None, forward_propagation=None, compute_cost=None,
                 backward_propagation=None, update_parameters=None, dataset: str = "flower",
                 noise: float | None = None, hidden_units: int = 4, learning_rate: float = 1.2,
                 activation: str = "tanh", initialization: str = "small random",
                 steps_per_frame: int = 20, resolution: int = 100, seed: int = 3,
                 headless: bool = False):
        self.functions = StudentFunctions(
            {"initialize_parameters": initialize_parameters, "forward_propagation": forward_propagation,
             "compute_cost": compute_cost, "backward_propagation": backward_propagation,
             "update_parameters": update_parameters}, required=STUDENT_FUNCTIONS)
        self.seed = int(seed)
        self.resolution = int(resolution)
        self.parameters: dict | None = None
        self.iteration = 0
        self.costs: list[float] = []
        self.train_accuracy: float | None = None
        self.test_accuracy: float | None = None
        self._blocked: NotReady | None = None  # what keeps the current settings from training
        self.notice: str | None = None         # why another activation fell back to tanh
        self._quiet = False                    # True while one control sets another

        key = planar_data.DATASETS.get(dataset, dataset)
        shown = {v: k for k, v in planar_data.DATASETS.items()}
        if key not in shown:
            raise ValueError(f"unknown data set {dataset!r}; choose one of {', '.join(planar_data.DATASETS)}")
        self.dataset = dropdown("data set", list(planar_data.DATASETS.items()), key)
        self.noise = float_slider("noise", planar_data.DEFAULT_NOISE[key] if noise is None else noise,
                                  0.0, 0.6, 0.05)
        self.hidden_units = int_slider("hidden units", hidden_units, 1, 50)
        self.learning_rate = log_slider("learning rate", learning_rate, -3, 1)
        self.activation = dropdown("hidden activation", list(ACTIVATIONS.items()), activation)
        self.initialization = dropdown("start", list(INITIALIZATIONS.items()), initialization)
        self.steps_per_frame = int_slider("steps per frame", steps_per_frame, 1, 200)
        self.show_test = widgets.Checkbox(value=False, description="show the test points",
                                          indent=False)
        self.run_button = button("Run", "play", "train until Pause", "success")
        self.pause_button = button("Pause", "pause", "stop training (the network is kept)")
        self.step_button = button("Step", "step-forward", "one frame: 'steps per frame' gradient steps")
        self.reset_button = button("Reset", "undo", "start again from new starting weights")
        self.status = Status()
        self.runner = Runner(self.frame, on_change=self._update_buttons)

        self.data = planar_data.load(key, self.noise.value)
        self.figure, self.view = new_figure(FIGSIZE, headless=headless)
        width = int(FIGSIZE[0] * 100)
        split = int(width * (COST_RECT[0] - 0.06))
        self.boundary_title = widgets.HTML(layout=widgets.Layout(width=f"{split}px"))
        self.cost_title = widgets.HTML(layout=widgets.Layout(width=f"{width - split}px"))
        self._build_figure()
        self.widget = panel([self.dataset, self.noise, self.hidden_units, self.learning_rate,
                             self.activation, self.initialization, self.steps_per_frame,
                             self.show_test,
                             widgets.HBox([self.run_button, self.pause_button]),
                             widgets.HBox([self.step_button, self.reset_button])],
                            widgets.VBox([widgets.HBox([self.boundary_title, self.cost_title]), self.view]),
                            self.status.widget, "layerlab-playground")

        self.run_button.on_click(lambda _: self.run())
        self.pause_button.on_click(lambda _: self.pause())
        self.step_button.on_click(lambda _: self.step())
        self.reset_button.on_click(lambda _: self.reset())
        self.dataset.observe(self._on_dataset, "value")
        self.noise.observe(self._on_noise, "value")
        for control in (self.hidden_units, self.activation, self.initialization):
            control.observe(lambda _: self._quiet or self.reset(), "value")
        self.learning_rate.observe(lambda _: self._show_status(), "value")
        self.show_test.observe(lambda change: self._show_test_points(change["new"]), "value")
        self.reset()
        self._update_buttons()

    # ------------------------------------------------------------------ actions (run, pause, step: TrainingWidget)
    def reset(self) -> None:
        """New starting weights for the current settings; clears the cost curve."""
        self.iteration, self.costs = 0, []
        self.train_accuracy = self.test_accuracy = None
        self.notice = None
        self._blocked = self._probe()
        if self._blocked is None and self._activation != "tanh":
            try:
                self.notice = self._check_two_calls()
            except NotReady as problem:
                self._blocked = problem
            if self.notice is not None:  # back to tanh: the student's own network
                self._quiet = True
                try:
                    self.activation.value = "tanh"
                finally:
                    self._quiet = False
                self._blocked = self._probe()
        try:
            self.parameters = self._initial_parameters()
        except NotReady as problem:
            self.parameters = None
            self._blocked = self._blocked or problem
        self._draw()
        if self._blocked is not None:
            self._fail(self._blocked)
            self.runner.stop()

    def frame(self) -> bool:
        """One frame: 'steps per frame' gradient steps, then the figure is updated in place.

        Returns True if training may go on, False if it stopped (a problem is shown)."""
        if self._blocked is not None or self.parameters is None:
            self._fail(self._blocked or NotReady("There are no starting weights: press Reset."))
            return False
        try:
            with np.errstate(all="ignore"):
                self.parameters, costs = self._train(self.parameters, self.steps_per_frame.value,
                                                     self.learning_rate.value)
        except NotReady as problem:
            self._fail(problem)
            return False
        self.iteration += len(costs)
        self.costs.extend(costs)
        self._draw()
        if not all(np.all(np.isfinite(np.asarray(v, dtype=float))) for v in self.parameters.values()):
            self._fail(NotReady("The weights overflowed (they are no longer finite numbers): the learning "
                                "rate is too large for this network. Lower it and press Reset."))
            return False
        return True

    # ------------------------------------------------------------------ the network
    @property
    def _activation(self) -> str:
        return self.activation.value

    def _forward(self, X, parameters) -> np.ndarray:
        """The network's probabilities of class 1 for the points X (2, k): shape (1, k)."""
        if self._activation == "tanh":
            A2, _ = self.functions.call("forward_propagation", X, parameters)
        else:
            A2, _ = variant_forward(X, parameters, self._activation)
        return np.asarray(A2, dtype=float)

    def _train(self, start: dict, steps: int, learning_rate: float) -> tuple[dict, list[float]]:
        """``steps`` gradient steps from the parameters ``start``; returns the new parameters and
        the cost before each step, as ``nn_model`` computes it."""
        X, Y, call = self.data.X, self.data.Y, self.functions.call
        current, costs = start, []
        for _ in range(steps):
            if self._activation == "tanh":
                output, cache = call("forward_propagation", X, current)
                cost = call("compute_cost", output, Y)
                gradients = call("backward_propagation", current, cache, X, Y)
            else:
                output, cache = variant_forward(X, current, self._activation)
                cost = call("compute_cost", output, Y)
                gradients = self._two_call_gradients(current, cache, X, Y)
            current = call("update_parameters", current, gradients, learning_rate=learning_rate)
            costs.append(_number(cost, "compute_cost"))
        return current, costs

    def _backward(self, *args) -> dict:
        return self.functions.call("backward_propagation", *args)

    def _two_call_gradients(self, parameters: dict, cache: dict, X, Y) -> dict:
        """Gradients for a non-tanh hidden layer: two calls of the student's backward_propagation
        (see :func:`~layerlab.widgets.other_activations.variant_gradients`)."""
        try:
            return variant_gradients(self._backward, parameters, cache, X, Y, self._activation)
        except (KeyError, TypeError, IndexError):
            raise NotReady("`backward_propagation` returned something that is not a dict with the "
                           "gradients \"dW1\", \"db1\", \"dW2\", \"db2\".",
                           "backward_propagation") from None

    def _check_two_calls(self) -> str | None:
        """Check once, on a small fixed network, that two calls of the student's backward_propagation
        give the gradient of their compute_cost for the chosen activation. Returns None if they do,
        else the notice that says why the playground goes back to tanh (raises NotReady if one of
        the student's functions raises)."""
        call, activation = self.functions.call, self._activation
        label = {v: k for k, v in ACTIVATIONS.items()}[activation]
        try:
            with np.errstate(all="ignore"):
                mismatch = check_two_calls(lambda A2, Y: call("compute_cost", A2, Y), self._backward,
                                           activation)
        except NotReady:
            raise
        except Exception:  # noqa: BLE001 (e.g. a cost that is not a number: the check fails)
            mismatch = float("inf")
        if mismatch < TOLERANCE:
            return None
        try:
            with np.errstate(all="ignore"):
                tanh_mismatch = check_tanh(lambda X, p: call("forward_propagation", X, p),
                                           lambda A2, Y: call("compute_cost", A2, Y), self._backward)
        except Exception:  # noqa: BLE001 (NotReady too: the tanh network reports it itself)
            tanh_mismatch = 0.0
        if tanh_mismatch >= TOLERANCE:
            return (f"The {label} hidden layer is trained with gradients from your "
                    "`backward_propagation`, but they do not match the slope of your `compute_cost` "
                    "(checked with finite differences on a small network, for tanh too), so the "
                    "playground went back to tanh. Check `backward_propagation` with its graded test "
                    "above, run its cell, then run the cell of this widget again.")
        return ("The ReLU, leaky ReLU and sigmoid hidden layers need your `backward_propagation` to "
                "compute tanh's slope as 1 - A1² from the cache's A1, as the notebook's equations do: "
                f"the playground passes it an A1 that turns this slope into {label}'s. Yours seems to compute the slope from "
                "Z1, so the playground went back to tanh (your functions). To try "
                f"{label}, take the slope from cache[\"A1\"], run its cell, then run the cell of this "
                "widget again.")

    def _initial_parameters(self) -> dict:
        n_h, scheme = self.hidden_units.value, self.initialization.value
        if scheme == "small random":
            with _seeded(self.seed):
                start = self.functions.call("initialize_parameters", 2, n_h, 1)
            if not isinstance(start, dict):
                raise NotReady(f"`initialize_parameters` returned {type(start).__name__}, not a "
                               "dict of W1, b1, W2, b2.", "initialize_parameters")
            return start
        rng = np.random.RandomState(self.seed)
        scale = 0.0 if scheme == "zeros" else LARGE_SCALE
        return {"W1": rng.randn(n_h, 2) * scale, "b1": np.zeros((n_h, 1)),
                "W2": rng.randn(1, n_h) * scale, "b2": np.zeros((1, 1))}

    def _probe(self) -> NotReady | None:
        """Try the student's functions the current settings need on a tiny problem, so that missing
        ones are named before training starts. Returns the problem, or None."""
        n_h, tanh = self.hidden_units.value, self._activation == "tanh"
        X = np.array([[0.5, -1.0, 2.0], [1.0, 0.0, -0.5]])
        Y = np.array([[1.0, 0.0, 1.0]])
        rng = np.random.RandomState(0)
        params = {"W1": rng.randn(n_h, 2), "b1": np.zeros((n_h, 1)), "W2": rng.randn(1, n_h),
                  "b2": np.zeros((1, 1))}
        A2 = np.full((1, 3), 0.5)
        cache = {"Z1": np.zeros((n_h, 3)), "A1": np.zeros((n_h, 3)), "Z2": np.zeros((1, 3)), "A2": A2}
        grads = {"d" + k: np.zeros_like(v) for k, v in params.items()}
        checks = []
        if self.initialization.value == "small random":
            checks.append(("initialize_parameters", lambda: self._initial_parameters()))
        if tanh:
            checks.append(("forward_propagation", lambda: self.functions.call("forward_propagation", X, params)))
        checks.append(("compute_cost", lambda: self.functions.call("compute_cost", A2, Y)))
        checks.append(("backward_propagation",
                       lambda: self.functions.call("backward_propagation", params, cache, X, Y)))
        checks.append(("update_parameters",
                       lambda: self.functions.call("update_parameters", params, grads, learning_rate=0.1)))
        missing, other = try_each(checks)
        if missing:
            names = ", ".join(f"`{name}`" for name in missing)
            them = "it" if len(missing) == 1 else "them"
            setting = "" if tanh else f" (with a {self._activation} hidden layer)"
            return NotReady(f"Not implemented yet: {names}. The playground trains your network with "
                            f"{'this function' if len(missing) == 1 else 'these functions'}{setting}: "
                            f"complete {them} above, run {'its cell' if len(missing) == 1 else 'their cells'}, "
                            "then run the cell of this widget again.", missing[0], missing=True)
        return other

    # ------------------------------------------------------------------ drawing
    def _build_figure(self) -> None:
        ax_boundary = self.figure.add_axes(BOUNDARY_RECT)
        ax_cost = self.figure.add_axes(COST_RECT)
        data = self.data
        self.boundary = plot_decision_boundary(_undecided, data.X, data.Y, ax=ax_boundary,
                                               grid=self._grid(data), shading=True, line=False,
                                               point_size=16)
        self.boundary_line = None  # the 0.5 contour of the probabilities (smoother than of labels)
        # Drawing speed matters (a frame is redrawn many times a second, and text is the slowest
        # thing to draw): no ticks on the map, few on the cost axis, and the two titles are HTML
        # above the figure (see _title), not text in it.
        ax_boundary.set_xticks([])
        ax_boundary.set_yticks([])
        ax_boundary.set_xlabel("")
        ax_boundary.set_ylabel("")
        self.test_points = ax_boundary.scatter(data.X_test[0], data.X_test[1], s=18, marker="o",
                                               facecolors="none", linewidths=1.0, zorder=3.5,
                                               edgecolors=_label_colours(data.Y_test))
        self.test_points.set_visible(False)
        self.cost_plot = plot_costs([], every=1, ax=ax_cost, log=True, lw=1.2, color="#2166ac")
        (self.cost_line,) = self.cost_plot.lines
        style_cost_axes(ax_cost)
        ax_cost.set_xlim(0, 100)
        ax_cost.set_ylim(0.05, 1.0)

    def _grid(self, data) -> Grid:
        span = float(np.ptp(data.X, axis=1).max())
        return Grid.around(np.hstack([data.X, data.X_test]), margin=0.08 * span, resolution=self.resolution)

    def _draw(self) -> None:
        """Update every artist for the current network (or the undecided 0.5 without one)."""
        predict = _undecided
        self.train_accuracy = self.test_accuracy = None
        if self.parameters is not None and self._blocked is None:
            try:
                with np.errstate(all="ignore"):
                    A_train = self._forward(self.data.X, self.parameters)
                    A_test = self._forward(self.data.X_test, self.parameters)
                self.train_accuracy = float(np.mean((A_train > 0.5) == (self.data.Y > 0.5)))
                self.test_accuracy = float(np.mean((A_test > 0.5) == (self.data.Y_test > 0.5)))
                predict = self._grid_predictor(self.parameters)
            except NotReady as problem:
                self._blocked = problem
            except ValueError as exc:  # e.g. a forward_propagation that returns a wrong shape
                self._blocked = NotReady(f"`forward_propagation` returned something unexpected: {exc}",
                                         "forward_propagation")
        with np.errstate(all="ignore"):
            self.boundary.update(predict)
        self.boundary.regions.set_visible(False)  # hidden under the probability map anyway
        self._draw_boundary_line()
        values = np.asarray(self.costs, dtype=float)
        steps = np.arange(values.size, dtype=float)
        shown = np.isfinite(values) & (values > 0)
        self.cost_line.set_data(steps[shown], values[shown])
        ax = self.cost_plot.ax
        ax.set_xlim(0, max(100, values.size))
        if shown.any():
            low, high = values[shown].min(), values[shown].max()
            ax.set_ylim(low / 1.3, max(high * 1.3, low * 2))
        if self.train_accuracy is None:
            self.boundary_title.value = _title(f"{self._setting_text()}: not trained"
                                               if self._blocked is None else "cannot train yet: see below")
        else:
            self.boundary_title.value = _title(f"{self._setting_text()} · iteration {self.iteration:,} · "
                                               f"train {self.train_accuracy:.1%} · test {self.test_accuracy:.1%}")
        last = f"{self.costs[-1]:.4g}" if self.costs else "–"
        self.cost_title.value = _title(f"cost (log scale): {last}")
        refresh(self.figure)
        if self._blocked is None:
            self._show_status()
        else:
            self._fail(self._blocked)

    def _draw_boundary_line(self) -> None:
        if self.boundary_line is not None:
            self.boundary_line.remove()
            self.boundary_line = None
        values, grid = self.boundary.values, self.boundary.grid
        if np.isfinite(values).all() and values.min() < 0.5 < values.max():
            self.boundary_line = self.boundary.ax.contour(grid.x1, grid.x2, values, levels=[0.5],
                                                          colors="k", linewidths=1.0, zorder=2)

    def _grid_predictor(self, parameters):
        def predict(points):
            return self._forward(points, parameters)
        return predict

    def _setting_text(self) -> str:
        label = {v: k for k, v in ACTIVATIONS.items()}[self._activation].split(" (")[0]
        return f"{self.hidden_units.value} {label} units"

    def _show_status(self) -> None:
        if self._blocked is not None:
            return
        parts = [f"iteration {self.iteration:,}"]
        if self.costs:
            parts.append(f"cost {self.costs[-1]:.4f}")
        if self.train_accuracy is not None:
            parts += [f"train accuracy {self.train_accuracy:.1%}", f"test accuracy {self.test_accuracy:.1%}"]
        parts += [self._setting_text(), f"learning rate {self.learning_rate.value:.3g}"]
        if self.runner.running:
            parts.append("running")
        self.status.show(" · ".join(parts))
        if self.notice is not None:  # a hint above the usual line (training goes on, with tanh)
            self.status.text = f"{self.notice}\n{self.status.text}"
            self.status.widget.value = (
                "<div style='border-left: 4px solid #e08214; background: #fdf3e6; padding: 0.3em "
                f"0.6em; margin-bottom: 0.2em; max-width: 60em'>{NotReady(self.notice).html()}</div>"
                + self.status.widget.value)

    def _fail(self, problem: NotReady) -> None:
        self.status.fail(str(problem), problem.html())

    def _show_test_points(self, visible: bool) -> None:
        self.test_points.set_visible(bool(visible))
        refresh(self.figure)

    def _update_buttons(self) -> None:
        running = self.runner.running
        self.run_button.disabled = running
        self.step_button.disabled = running
        self.pause_button.disabled = not running
        if self.status.problem is None:  # a problem stays on screen until the next good frame
            self._show_status()

    # ------------------------------------------------------------------ data
    def _on_dataset(self, change) -> None:
        key = change["new"]
        self._quiet = True
        try:
            self.noise.value = planar_data.DEFAULT_NOISE[key]
        finally:
            self._quiet = False
        self._load_data()

    def _on_noise(self, _change) -> None:
        if not self._quiet:
            self._load_data()

    def _load_data(self) -> None:
        data = self.data = planar_data.load(self.dataset.value, self.noise.value)
        grid = self._grid(data)
        self.boundary.grid = grid
        if self.boundary.image is not None:
            self.boundary.image.set_extent(grid.extent)
        ax = self.boundary.ax
        ax.set_xlim(grid.extent[0], grid.extent[1])
        ax.set_ylim(grid.extent[2], grid.extent[3])
        self.boundary.set_points(data.X, data.Y)
        self.test_points.set_offsets(data.X_test.T)
        self.test_points.set_edgecolors(_label_colours(data.Y_test))
        self.reset()


def playground(**kwargs) -> Playground:
    """Build the week-3 playground; pass the notebook's functions by name (see :class:`Playground`)."""
    return Playground(**kwargs)


def _title(text: str) -> str:
    return f"<div style='text-align: center; font-size: 13px'>{html.escape(text)}</div>"


def _undecided(points: np.ndarray) -> np.ndarray:
    """The picture before there is a network: probability 0.5 everywhere."""
    return np.full((1, points.shape[1]), 0.5)


def _label_colours(Y) -> np.ndarray:
    """RGBA edge colours of points with labels Y (1, m): the dark ends of the boundary's colour map."""
    import matplotlib

    cmap = matplotlib.colormaps["RdBu"]
    return cmap(np.where(np.asarray(Y).ravel() > 0.5, 0.95, 0.05))


def _number(value, name: str) -> float:
    """``value`` as a float, or NotReady naming the student function that returned it."""
    try:
        return float(np.asarray(value, dtype=float).reshape(()))
    except (TypeError, ValueError):
        raise NotReady(f"`{name}` returned {type(value).__name__} of shape {np.shape(value)}, not "
                       "one number.", name) from None


@contextlib.contextmanager
def _seeded(seed: int):
    """Seed NumPy's global generator (the student's initialize_parameters draws from it), and put
    back the state it had afterwards."""
    state = np.random.get_state()
    np.random.seed(seed)
    try:
        yield
    finally:
        np.random.set_state(state)
