"""Week 4 explorer: deep networks on the cat pictures, with the pictures they get wrong.

Choose how many hidden layers the network has and how wide each is, the learning rate and the
number of iterations, then Run (Pause, Reset). While it trains, the figure shows the cost after
every iteration and a gallery of the test pictures the network currently gets wrong, each with
the probability of "cat" it gives; the status line has the training and test accuracy.

::

    from layerlab.widgets import explore_deep_network

    explore_deep_network(L_model_forward=L_model_forward, compute_cost=compute_cost,
                         L_model_backward=L_model_backward, update_parameters=update_parameters)

Whose code runs: the student's building blocks, through
:class:`~layerlab.widgets.deep_trainer.DeepTrainer` (this module is its view), which starts the
weights as ``L_layer_model`` does; it trains for about a quarter of a second per frame, so Pause
and the sliders respond while it runs. Changing the layers or the learning rate starts again from
the same seeded weights as ``L_layer_model`` (for the new layer sizes).

Under the figure, the figure in words (the cost curve's key values, the accuracies, the
mislabeled pictures) is its text alternative, updated every frame; a polite live region says
when training starts, pauses, ends (with its result) or cannot go on.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np

from layerlab.plotting.cost import plot_costs
from layerlab.plotting.images import WRONG_COLOUR

from .base import TrainingWidget
from .controls import Announcer, Status, accent, button, int_slider, log_slider, panel
from .deep_trainer import DeepTrainer
from .figure import new_figure, refresh, style_cost_axes
from .runner import Runner
from .student import NotReady

__all__ = ["DeepNetworkExplorer", "explore_deep_network", "COST_RECT", "MAX_HIDDEN_LAYERS"]

MAX_HIDDEN_LAYERS = 4
COST_RECT = (0.07, 0.12, 0.34, 0.72)
FIGSIZE = (8.4, 4.2)
GALLERY_COLUMNS, GALLERY_ROWS = 5, 3


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
        if data is None:
            from layerlab.datasets import load_dataset

            data = load_dataset()
        self.trainer = DeepTrainer(
            {"L_model_forward": L_model_forward, "compute_cost": compute_cost,
             "L_model_backward": L_model_backward, "update_parameters": update_parameters},
            data, seed=seed)
        self.frame_seconds = float(frame_seconds)
        self.steps_per_frame = steps_per_frame
        hidden_layers = list(hidden_layers)
        if len(hidden_layers) > MAX_HIDDEN_LAYERS:
            raise ValueError(f"at most {MAX_HIDDEN_LAYERS} hidden layers, got {hidden_layers}")
        self._failed: NotReady | None = None  # a problem met while training (cleared by Reset)

        self.depth = int_slider("hidden layers", len(hidden_layers), 0, MAX_HIDDEN_LAYERS)
        defaults = hidden_layers + [5] * (MAX_HIDDEN_LAYERS - len(hidden_layers))
        self.widths = [int_slider(f"units in layer {k + 1}", defaults[k], 1, 50)
                       for k in range(MAX_HIDDEN_LAYERS)]
        self.learning_rate = log_slider("learning rate", learning_rate, -4, 0)
        self.num_iterations = int_slider("iterations", num_iterations, 100, 5000, 100)
        self.architecture = widgets.HTML()
        self.run_button = button("Run", "play", "train until the iterations are done", "success")
        self.pause_button = button("Pause", "pause", "stop training (the network is kept)")
        self.reset_button = button("Reset", "undo", "start again from the starting weights")
        self.status = Status()
        self.figure_text = widgets.HTML()
        self.figure_text.add_class("layerlab-figure-text")
        self.announcer = Announcer()
        self.runner = Runner(self.frame, on_change=self._update_buttons)

        self.figure, self.view = new_figure(FIGSIZE, headless=headless)
        self._build_figure()
        self.widget = panel([self.depth, *self.widths, self.architecture, self.learning_rate,
                             self.num_iterations,
                             widgets.HBox([self.run_button, self.pause_button, self.reset_button])],
                            self.view, self.status.widget, "layerlab-deep-network")
        self.widget.children += (self.figure_text, self.announcer.widget)

        self.run_button.on_click(lambda _: self.run())
        self.pause_button.on_click(lambda _: self.pause())
        self.reset_button.on_click(lambda _: self.reset())
        for control in (self.depth, *self.widths, self.learning_rate):
            control.observe(lambda _: self.reset(), "value")
        self.num_iterations.observe(lambda _: self._show_status(), "value")
        self.reset()

    # ------------------------------------------------------------------ the trainer's state
    @property
    def layers_dims(self) -> list[int]:
        """[n_x, n_1, ..., 1]: the input size, the hidden layers chosen, one output unit."""
        return [self.trainer.X.shape[0]] + [w.value for w in self.widths[:self.depth.value]] + [1]

    def __getattr__(self, name: str):
        """The trainer's state (``parameters``, ``iteration``, ``costs``, ``train_accuracy``,
        ``test_accuracy``, ``mislabeled``, ``X``, ``Y``, ``X_test``, ...) read through the view."""
        if name in _TRAINER_STATE:
            return getattr(self.__dict__["trainer"], name)
        raise AttributeError(name)

    @property
    def _blocked(self) -> NotReady | None:
        return self.trainer.blocked or self._failed

    # ------------------------------------------------------------------ actions
    def reset(self) -> None:
        """New starting weights for the current layers; clears the cost curve."""
        for k, slider in enumerate(self.widths):
            slider.disabled = k >= self.depth.value
        self.architecture.value = ("<span style='font-family: monospace'>layers: "
                                   + " → ".join(map(str, self.layers_dims)) + "</span>")
        self._failed = None
        self.trainer.reset(self.layers_dims)
        self._redraw()
        self._update_buttons()

    def frame(self) -> bool:
        """Gradient steps for about ``frame_seconds`` (or ``steps_per_frame`` of them), then the
        figure is updated in place. Returns True while there are iterations left."""
        if self._blocked is not None:
            self._fail(self._blocked)
            return False
        if self.iteration >= self.num_iterations.value:
            self._show_status()
            return False
        try:
            more = self.trainer.train(self.num_iterations.value, self.learning_rate.value,
                                      seconds=None if self.steps_per_frame else self.frame_seconds,
                                      steps=self.steps_per_frame)
        except NotReady as problem:
            self._failed = problem
            self._redraw()
            self._fail(problem)
            self.announcer.say(f"Training stopped at iteration {self.iteration:,}: {problem}")
            return False
        self._redraw()
        if not more:
            self.announce("Training done. ")
        return more

    def result(self) -> str:
        """Where training got to, in one sentence (for the announcements)."""
        words = f"Layers {' → '.join(map(str, self.layers_dims))}, learning rate {self.learning_rate.value:.3g}: iteration {self.iteration:,}"
        if self.costs:
            words += f", cost {self.costs[-1]:.4f}"
        if self.test_accuracy is not None:
            words += (f", train accuracy {self.train_accuracy:.1%}, test accuracy {self.test_accuracy:.1%}, "
                      f"{len(self.mislabeled)} test pictures mislabeled")
        return words + "."

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
        self.figure_text.value = ("<div style='font-size: 0.9em; max-width: 60em'><b>The figure in "
                                  "words.</b> " + html.escape(self.trainer.describe(
                                      self.num_iterations.value, slots)) + "</div>")
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
        accent(self.run_button, not running and self._blocked is None)
        self.pause_button.disabled = not running
        if self.status.problem is None:
            self._show_status()


#: the trainer's attributes the view reads through (see DeepNetworkExplorer.__getattr__)
_TRAINER_STATE = frozenset({"parameters", "iteration", "costs", "train_accuracy", "test_accuracy",
                            "test_probabilities", "mislabeled", "X", "Y", "X_test", "Y_test",
                            "test_pictures", "classes", "seed"})


def explore_deep_network(**kwargs) -> DeepNetworkExplorer:
    """Build the week-4 explorer; pass the building blocks by name (see :class:`DeepNetworkExplorer`)."""
    return DeepNetworkExplorer(**kwargs)
