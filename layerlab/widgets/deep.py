"""Week 4 explorer: deep networks on the cat pictures, with the pictures they get wrong.

Choose how many hidden layers the network has and how wide each is, the learning rate and the
number of iterations, then Run (Pause, Reset). While it trains, the figure shows the cost after
every iteration and a gallery of the test pictures the network currently gets wrong, each with
the probability of "cat" it gives; the status line has the training and test accuracy.

::

    from layerlab.widgets import explore_deep_network

    explore_deep_network(L_model_forward=L_model_forward, compute_cost=compute_cost,
                         L_model_backward=L_model_backward, update_parameters=update_parameters)

Whose code runs: every gradient step is ``L_model_forward``, ``compute_cost``,
``L_model_backward`` and ``update_parameters`` (the building blocks of the step-by-step notebook,
as ``L_layer_model`` uses them). The widget starts the weights as ``L_layer_model`` does
(``np.random.seed(1)``, then ``W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1])`` layer by layer, zero
biases; drawn from its own generator, so NumPy's global one is left alone), so with the
notebook's layers and learning rate it follows ``L_layer_model``'s run step by step. It trains
for about a quarter of a second per frame, so Pause and the sliders respond while it runs.
Changing the layers or the learning rate starts again from new weights.
"""

from __future__ import annotations

import time

import ipywidgets as widgets
import numpy as np

from layerlab.plotting.cost import plot_costs
from layerlab.plotting.images import WRONG_COLOUR, mislabeled_indices

from .base import TrainingWidget
from .controls import Status, button, int_slider, log_slider, panel
from .figure import new_figure, refresh, style_cost_axes
from .runner import Runner
from .student import NotReady, StudentFunctions

__all__ = ["DeepNetworkExplorer", "explore_deep_network", "COST_RECT", "MAX_HIDDEN_LAYERS"]

MAX_HIDDEN_LAYERS = 4
COST_RECT = (0.07, 0.12, 0.34, 0.72)
FIGSIZE = (8.4, 4.2)
GALLERY_COLUMNS, GALLERY_ROWS = 5, 3
STUDENT_FUNCTIONS = ("L_model_forward", "compute_cost", "L_model_backward", "update_parameters")


class DeepNetworkExplorer(TrainingWidget):
    """The week-4 explorer (see the module's docstring). Display it as the last expression of a
    cell; ``explorer.widget`` is the ipywidgets box.

    State: ``parameters`` ("W1", "b1", ..., "WL", "bL"), ``layers_dims``, ``iteration``,
    ``costs`` (one per iteration), ``train_accuracy``, ``test_accuracy``, ``mislabeled`` (indices
    of the test pictures the network gets wrong), ``problem``. Controls: ``depth``, ``widths``
    (one slider per hidden layer), ``learning_rate``, ``num_iterations``; buttons ``run_button``,
    ``pause_button``, ``reset_button``. Drawn: ``figure``, ``cost_line``, ``gallery_images``,
    ``gallery_captions``, ``gallery_title``.
    """

    def __init__(self, *, L_model_forward=None, compute_cost=None, L_model_backward=None,
                 update_parameters=None, data=None, hidden_layers=(20, 7, 5),
                 learning_rate: float = 0.0075, num_iterations: int = 2500, seed: int = 1,
                 frame_seconds: float = 0.25, steps_per_frame: int | None = None,
                 headless: bool = False):
        self.functions = StudentFunctions(
            {"L_model_forward": L_model_forward, "compute_cost": compute_cost,
             "L_model_backward": L_model_backward, "update_parameters": update_parameters},
            required=STUDENT_FUNCTIONS)
        if data is None:
            from layerlab.datasets import load_dataset

            data = load_dataset()
        train_x_orig, train_y, test_x_orig, test_y, classes = data
        self.test_pictures = np.asarray(test_x_orig)
        self.X = np.asarray(train_x_orig).reshape(len(train_x_orig), -1).T / 255.0
        self.Y = np.asarray(train_y).reshape(1, -1)
        self.X_test = self.test_pictures.reshape(len(self.test_pictures), -1).T / 255.0
        self.Y_test = np.asarray(test_y).reshape(1, -1)
        self.classes = [c.decode() if isinstance(c, bytes) else str(c) for c in classes]
        self.seed = int(seed)
        self.frame_seconds = float(frame_seconds)
        self.steps_per_frame = steps_per_frame
        hidden_layers = list(hidden_layers)
        if len(hidden_layers) > MAX_HIDDEN_LAYERS:
            raise ValueError(f"at most {MAX_HIDDEN_LAYERS} hidden layers, got {hidden_layers}")
        self.parameters: dict | None = None
        self.iteration = 0
        self.costs: list[float] = []
        self.train_accuracy: float | None = None
        self.test_accuracy: float | None = None
        self.mislabeled = np.zeros(0, dtype=int)
        self._blocked: NotReady | None = None
        self._quiet = False

        self.depth = int_slider("hidden layers", len(hidden_layers), 0, MAX_HIDDEN_LAYERS)
        defaults = hidden_layers + [5] * (MAX_HIDDEN_LAYERS - len(hidden_layers))
        self.widths = [int_slider(f"units in layer {k + 1}", defaults[k], 1, 50)
                       for k in range(MAX_HIDDEN_LAYERS)]
        self.learning_rate = log_slider("learning rate", learning_rate, -4, 0)
        self.num_iterations = int_slider("iterations", num_iterations, 100, 5000, 100)
        self.architecture = widgets.HTML()
        self.run_button = button("Run", "play", "train until the iterations are done", "success")
        self.pause_button = button("Pause", "pause", "stop training (the network is kept)")
        self.reset_button = button("Reset", "undo", "start again from new weights")
        self.status = Status()
        self.runner = Runner(self.frame, on_change=self._update_buttons)

        self.figure, self.view = new_figure(FIGSIZE, headless=headless)
        self._build_figure()
        self.widget = panel([self.depth, *self.widths, self.architecture, self.learning_rate,
                             self.num_iterations,
                             widgets.HBox([self.run_button, self.pause_button, self.reset_button])],
                            self.view, self.status.widget, "layerlab-deep-network")

        self.run_button.on_click(lambda _: self.run())
        self.pause_button.on_click(lambda _: self.pause())
        self.reset_button.on_click(lambda _: self.reset())
        for control in (self.depth, *self.widths, self.learning_rate):
            control.observe(lambda _: self._quiet or self.reset(), "value")
        self.num_iterations.observe(lambda _: self._show_status(), "value")
        self.reset()
        self._update_buttons()

    # ------------------------------------------------------------------ display
    @property
    def layers_dims(self) -> list[int]:
        """[n_x, n_1, ..., 1]: the input size, the hidden layers chosen, one output unit."""
        return [self.X.shape[0]] + [w.value for w in self.widths[:self.depth.value]] + [1]

    # ------------------------------------------------------------------ actions
    def reset(self) -> None:
        """New starting weights for the current layers; clears the cost curve."""
        for k, slider in enumerate(self.widths):
            slider.disabled = k >= self.depth.value
        self.architecture.value = ("<span style='font-family: monospace'>layers: "
                                   + " → ".join(map(str, self.layers_dims)) + "</span>")
        self.parameters = self._initial_parameters()
        self.iteration, self.costs = 0, []
        self._blocked = self._probe()
        self._evaluate()
        self._redraw()

    def frame(self) -> bool:
        """Gradient steps for about ``frame_seconds`` (or ``steps_per_frame`` of them), then the
        figure is updated in place. Returns True while there are iterations left."""
        if self._blocked is not None:
            self._fail(self._blocked)
            return False
        if self.iteration >= self.num_iterations.value:
            self._show_status()
            return False
        call, parameters = self.functions.call, self.parameters
        rate = float(self.learning_rate.value)
        started = time.perf_counter()
        done = 0
        try:
            with np.errstate(all="ignore"):
                while self.iteration < self.num_iterations.value:
                    output, caches = call("L_model_forward", self.X, parameters)
                    cost = call("compute_cost", output, self.Y)
                    gradients = call("L_model_backward", output, self.Y, caches)
                    parameters = call("update_parameters", parameters, gradients, rate)
                    self.costs.append(float(np.squeeze(cost)))
                    self.iteration += 1
                    done += 1
                    if (done >= self.steps_per_frame if self.steps_per_frame
                            else time.perf_counter() - started >= self.frame_seconds):
                        break
        except NotReady as problem:
            self._fail(problem)
            return False
        finally:
            self.parameters = parameters
        self._evaluate()
        self._redraw()
        if not all(np.all(np.isfinite(v)) for v in self.parameters.values()):
            self._fail(NotReady("The weights overflowed (they are no longer finite numbers): the "
                                "learning rate is too large. Lower it (the network starts again)."))
            return False
        return self.iteration < self.num_iterations.value

    # ------------------------------------------------------------------ the network
    def _initial_parameters(self) -> dict:
        """L_layer_model's start: seed 1, W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1]), zero biases."""
        rng = np.random.RandomState(self.seed)
        sizes = self.layers_dims
        start = {}
        for k, (fan_in, units) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            start["W" + str(k)] = rng.randn(units, fan_in) / np.sqrt(fan_in)
            start["b" + str(k)] = np.zeros((units, 1))
        return start

    def _evaluate(self) -> None:
        """Accuracies and the mislabeled test pictures of the current network."""
        self.train_accuracy = self.test_accuracy = None
        self.test_probabilities = None
        self.mislabeled = np.zeros(0, dtype=int)
        if self._blocked is not None:
            return
        try:
            with np.errstate(all="ignore"):
                train_out, _ = self.functions.call("L_model_forward", self.X, self.parameters)
                test_out, _ = self.functions.call("L_model_forward", self.X_test, self.parameters)
        except NotReady as problem:
            self._blocked = problem
            return
        test_out = np.asarray(test_out, dtype=float).reshape(1, -1)
        self.train_accuracy = float(np.mean((np.asarray(train_out) > 0.5) == (self.Y > 0.5)))
        self.test_accuracy = float(np.mean((test_out > 0.5) == (self.Y_test > 0.5)))
        self.test_probabilities = test_out
        self.mislabeled = mislabeled_indices(self.Y_test, (test_out > 0.5).astype(int))

    def _probe(self) -> NotReady | None:
        """Try the building blocks on a tiny network; name the ones not implemented yet."""
        rng = np.random.RandomState(0)
        X, Y = rng.randn(3, 4), np.array([[1.0, 0.0, 1.0, 0.0]])
        params = {"W1": rng.randn(2, 3), "b1": np.zeros((2, 1)), "W2": rng.randn(1, 2), "b2": np.zeros((1, 1))}
        missing, other, output, caches, gradients = [], None, np.full((1, 4), 0.5), None, None
        for name in STUDENT_FUNCTIONS:
            try:
                with np.errstate(all="ignore"):
                    if name == "L_model_forward":
                        output, caches = self.functions.call(name, X, params)
                    elif name == "compute_cost":
                        self.functions.call(name, output, Y)
                    elif name == "L_model_backward" and caches is not None:
                        gradients = self.functions.call(name, output, Y, caches)
                    elif name == "update_parameters":
                        zero = gradients or {"d" + k: np.zeros_like(v) for k, v in params.items()}
                        self.functions.call(name, params, zero, 0.1)
            except NotReady as problem:
                if problem.missing:
                    missing.append(name)
                elif other is None:
                    other = problem
        if missing:
            names = ", ".join(f"`{name}`" for name in missing)
            return NotReady(f"Not implemented yet: {names}. The explorer trains with these building "
                            "blocks: complete them, then run the cell of this widget again.",
                            missing[0], missing=True)
        return other

    # ------------------------------------------------------------------ drawing
    def _build_figure(self) -> None:
        ax = self.figure.add_axes(COST_RECT)
        self.cost_plot = plot_costs([], every=1, ax=ax, log=True, lw=1.2, color="#2166ac")
        (self.cost_line,) = self.cost_plot.lines
        style_cost_axes(ax)
        self.cost_title = self.figure.text(COST_RECT[0] + COST_RECT[2] / 2, 0.92, "cost (log scale)",
                                           ha="center", va="bottom", fontsize=10)
        left, right, top, bottom = 0.47, 0.995, 0.86, 0.06
        gap = 0.008
        size = (right - left - gap * (GALLERY_COLUMNS - 1)) / GALLERY_COLUMNS  # in figure widths
        height = size * FIGSIZE[0] / FIGSIZE[1]
        row_height = (top - bottom) / GALLERY_ROWS
        blank = np.ones((2, 2, 3))
        self.gallery_axes, self.gallery_images, self.gallery_captions = [], [], []
        for row in range(GALLERY_ROWS):
            for column in range(GALLERY_COLUMNS):
                box = (left + column * (size + gap), top - row * row_height - height, size, height)
                picture_ax = self.figure.add_axes(box)
                picture_ax.set_axis_off()
                self.gallery_axes.append(picture_ax)
                self.gallery_images.append(picture_ax.imshow(blank, interpolation="nearest"))
                self.gallery_captions.append(picture_ax.text(0.5, -0.03, "", transform=picture_ax.transAxes,
                                                             ha="center", va="top", fontsize=6.5,
                                                             color=WRONG_COLOUR, linespacing=1.1))
        self.gallery_title = self.figure.text((left + right) / 2, 0.92, " ", ha="center", va="bottom",
                                              fontsize=10)

    def _redraw(self) -> None:
        values = np.asarray(self.costs, dtype=float)
        steps = np.arange(values.size, dtype=float)
        shown = np.isfinite(values) & (values > 0)
        self.cost_line.set_data(steps[shown], values[shown])
        ax = self.cost_plot.ax
        ax.set_xlim(0, max(self.num_iterations.value, values.size))
        if shown.any():
            low, high = values[shown].min(), values[shown].max()
            ax.set_ylim(low / 1.3, max(high * 1.3, low * 2))
        last = f": {self.costs[-1]:.4g} at iteration {self.iteration:,}" if self.costs else ""
        self.cost_title.set_text(f"cost (log scale){last}")
        slots = len(self.gallery_axes)
        wrong = self.mislabeled[:slots]
        for k, (picture_ax, image, caption) in enumerate(zip(self.gallery_axes, self.gallery_images,
                                                             self.gallery_captions)):
            if k < len(wrong):
                index = int(wrong[k])
                p = float(self.test_probabilities[0, index])
                said = self.classes[int(p > 0.5)]
                image.set_data(self.test_pictures[index])
                image.set_extent((-0.5, self.test_pictures.shape[2] - 0.5,
                                  self.test_pictures.shape[1] - 0.5, -0.5))
                caption.set_text(f"#{index} says {said}\np(cat) = {p:.2f}")
                picture_ax.set_visible(True)
            else:
                caption.set_text("")
                picture_ax.set_visible(False)
        if self.test_accuracy is None:
            self.gallery_title.set_text("mislabeled test pictures: train the network first"
                                        if self._blocked is None else "cannot train yet: see below")
        else:
            more = f" (the first {slots})" if len(self.mislabeled) > slots else ""
            self.gallery_title.set_text(f"{len(self.mislabeled)} of {self.Y_test.shape[1]} test pictures "
                                        f"mislabeled{more}")
        refresh(self.figure)
        self._show_status()

    def _show_status(self) -> None:
        if self._blocked is not None:
            self._fail(self._blocked)
            return
        parts = [f"iteration {self.iteration:,}/{self.num_iterations.value:,}"]
        if self.costs:
            parts.append(f"cost {self.costs[-1]:.4f}")
        if self.train_accuracy is not None:
            parts += [f"train accuracy {self.train_accuracy:.1%}", f"test accuracy {self.test_accuracy:.1%}"]
        parts.append(f"learning rate {self.learning_rate.value:.3g}")
        if self.runner.running:
            parts.append("running")
        elif self.iteration >= self.num_iterations.value:
            parts.append("done")
        self.status.show(" · ".join(parts))

    def _fail(self, problem: NotReady) -> None:
        self.status.fail(str(problem), problem.html())

    def _update_buttons(self) -> None:
        running = self.runner.running
        self.run_button.disabled = running
        self.pause_button.disabled = not running
        if self.status.problem is None:
            self._show_status()


def explore_deep_network(**kwargs) -> DeepNetworkExplorer:
    """Build the week-4 explorer; pass the building blocks by name (see :class:`DeepNetworkExplorer`)."""
    return DeepNetworkExplorer(**kwargs)
