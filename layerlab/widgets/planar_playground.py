"""Week 3 playground: train the student's one-hidden-layer network live and watch every unit learn.

Choose a data set and its noise, the hidden units, the learning rate, the hidden activation, how
the weights start and their seed, then Run / Pause / Step / Reset; or load a *lesson* (a preset
with a sentence saying what to watch). While it trains, the figures show the network's
probability of class 1 over the plane with its decision boundary, the hidden unit chosen in
*unit shown* (or pointed at in the unit maps) large beside it, the cost after every iteration,
the network drawn with its weights, and every hidden unit's output over the plane. **Share**
writes the setting as one line (and a cell) that restores it, trained steps included; **Load**
restores a pasted one.

::

    from layerlab.widgets import playground

    playground(initialize_parameters=initialize_parameters, forward_propagation=forward_propagation,
               compute_cost=compute_cost, backward_propagation=backward_propagation,
               update_parameters=update_parameters)

Training (whose functions run, how the start is drawn) is :mod:`~layerlab.widgets.planar_trainer`;
the figures :mod:`~layerlab.widgets.playground_figures`; the shared line
:mod:`~layerlab.widgets.playground_setting`. The first start uses seed 3, as ``nn_model`` does, so
the default settings retrace the notebook's run; **Reset** draws new weights with the next seed.
Any other change but the learning rate starts again with the current seed (and keeps running if
it was); a new learning rate applies from the next step on. A student function that is not
implemented yet (or fails) is named in the status line, never shown as a traceback.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from . import planar_data
from .base import TrainingWidget
from .controls import Announcer, Status, accent, button, dropdown, float_slider, int_slider, log_slider, panel
from .planar_trainer import LARGE_SCALE, PlanarTrainer
from .playground_controls import ACTIVATIONS, INITIALIZATIONS, STUDENT_FUNCTIONS, SharePanel, unit_options
from .playground_status import layer_text, notice_html, status_parts
from .playground_figures import BOUNDARY_RECT, COST_RECT, UNIT_RECT, PlaygroundFigures
from .playground_setting import Setting
from .runner import Runner
from .student import NotReady, StudentFunctions

__all__ = ["Playground", "playground", "ACTIVATIONS", "INITIALIZATIONS", "BOUNDARY_RECT", "COST_RECT",
           "UNIT_RECT", "LARGE_SCALE"]


class Playground(TrainingWidget):
    """The week-3 playground (see the module's docstring). Display it as the last expression of a
    cell; ``playground.widget`` is the ipywidgets box.

    ``trainer`` (:class:`~layerlab.widgets.planar_trainer.PlanarTrainer`) holds the network;
    ``parameters``, ``iteration``, ``costs``, ``data``, ``seed`` and ``notice`` read from it.
    ``problem`` is the message shown when something keeps it from training (or None).
    Controls: ``dataset``, ``noise``, ``hidden_units``, ``learning_rate``, ``activation``,
    ``initialization``, ``seed_box``, ``steps_per_frame``, ``show_test``, ``unit``; buttons
    ``run_button``, ``pause_button``, ``step_button``, ``reset_button``; ``share`` (lessons,
    Share and Load). Drawn: ``figures`` (:class:`~layerlab.widgets.playground_figures.PlaygroundFigures`).
    """

    def __init__(self, *, initialize_parameters=None, forward_propagation=None, compute_cost=None,
                 backward_propagation=None, update_parameters=None, dataset: str = "flower",
                 noise: float | None = None, hidden_units: int = 4, learning_rate: float = 1.2,
                 activation: str = "tanh", initialization: str = "small random",
                 steps_per_frame: int = 20, resolution: int = 100, seed: int = 3,
                 setting: str | None = None, headless: bool = False):
        functions = StudentFunctions(
            {"initialize_parameters": initialize_parameters, "forward_propagation": forward_propagation,
             "compute_cost": compute_cost, "backward_propagation": backward_propagation,
             "update_parameters": update_parameters}, required=STUDENT_FUNCTIONS)
        key = planar_data.DATASETS.get(dataset, dataset)
        if key not in planar_data.DEFAULT_NOISE:
            raise ValueError(f"unknown data set {dataset!r}; choose one of {', '.join(planar_data.DATASETS)}")
        self._quiet = False  # True while the widget sets its own controls
        self.dataset = dropdown("data set", list(planar_data.DATASETS.items()), key)
        self.noise = float_slider("noise", planar_data.DEFAULT_NOISE[key] if noise is None else noise,
                                  0.0, 0.6, 0.05)
        self.hidden_units = int_slider("hidden units", hidden_units, 1, 50)
        self.learning_rate = log_slider("learning rate", learning_rate, -3, 1)
        self.activation = dropdown("hidden activation", list(ACTIVATIONS.items()), activation)
        self.initialization = dropdown("start", list(INITIALIZATIONS.items()), initialization)
        self.seed_box = widgets.BoundedIntText(value=seed, min=0, max=2**32 - 1, description="seed",
                                               style={"description_width": "9em"},
                                               layout=widgets.Layout(width="17em"))
        self.steps_per_frame = int_slider("steps per frame", steps_per_frame, 1, 200)
        self.show_test = widgets.Checkbox(value=False, description="show the test points", indent=False)
        self.unit = dropdown("unit shown", unit_options(hidden_units), 0)
        self.run_button = button("Run", "play", "train until Pause", "success")
        self.pause_button = button("Pause", "pause", "stop training (the network is kept)")
        self.step_button = button("Step", "step-forward", "one frame: 'steps per frame' gradient steps")
        self.reset_button = button("Reset", "undo", "start again from new weights: the next seed")
        self.status = Status()
        self.announcer = Announcer()
        self.runner = Runner(self.frame, on_change=self._update_buttons)
        self.trainer = PlanarTrainer(functions, planar_data.load(key, self.noise.value),
                                     hidden_units=hidden_units, activation=activation,
                                     initialization=initialization, seed=seed)
        self.figures = PlaygroundFigures(self.trainer.data, hidden_units, int(resolution), headless)
        self.share = SharePanel(self)
        self.widget = panel([self.dataset, self.noise, self.hidden_units, self.learning_rate,
                             self.activation, self.initialization, self.seed_box, self.steps_per_frame,
                             self.show_test,
                             widgets.HBox([self.run_button, self.pause_button]),
                             widgets.HBox([self.step_button, self.reset_button]),
                             self.unit, *self.share.controls],
                            self.figures.widget, self.status.widget, "layerlab-playground")
        self.widget.children += (self.figures.words, self.announcer.widget)

        self.run_button.on_click(lambda _: self.run())
        self.pause_button.on_click(lambda _: self.pause())
        self.step_button.on_click(lambda _: self.step())
        self.reset_button.on_click(lambda _: self.reset(new_seed=True))
        self.dataset.observe(self._on_dataset, "value")
        for control in (self.noise, self.hidden_units, self.activation, self.initialization, self.seed_box):
            control.observe(self._on_setting, "value")
        self.learning_rate.observe(lambda _: self._show_status(), "value")
        self.show_test.observe(lambda change: self._show_test_points(change["new"]), "value")
        self.unit.observe(lambda change: self._quiet or self.select_unit(change["new"]), "value")
        self.figures.units.canvas.mpl_connect("motion_notify_event", self._on_pointer)
        self.figures.units.canvas.mpl_connect("button_press_event", self._on_pointer)
        if setting is not None:
            self.restore(Setting.from_string(setting))
        else:
            self.reset()

    # ------------------------------------------------------------------ state, read from the trainer
    parameters = property(lambda self: self.trainer.parameters)
    iteration = property(lambda self: self.trainer.iteration)
    costs = property(lambda self: self.trainer.costs)
    data = property(lambda self: self.trainer.data)
    seed = property(lambda self: self.trainer.seed)
    notice = property(lambda self: self.trainer.notice)
    _blocked = property(lambda self: self.trainer.blocked)
    #: accuracies of the network drawn last, as fractions (None until there is one)
    train_accuracy = property(lambda self: (self.figures.accuracies or (None, None))[0])
    test_accuracy = property(lambda self: (self.figures.accuracies or (None, None))[1])

    # ------------------------------------------------------------------ actions (run, pause, step: TrainingWidget)
    def reset(self, new_seed: bool = False) -> None:
        """Start again from starting weights drawn with the seed (the next one if ``new_seed``:
        the Reset button); clears the cost curve."""
        trainer = self.trainer
        if new_seed:
            self._set_quietly(self.seed_box, (self.seed_box.value + 1) % 2**32)
        trainer.seed = self.seed_box.value
        trainer.hidden_units = self.hidden_units.value
        trainer.activation = self.activation.value
        trainer.initialization = self.initialization.value
        trainer.start()
        self._set_quietly(self.activation, trainer.activation)  # tanh after a failed ReLU check
        self._set_quietly(self.unit, None, options=unit_options(trainer.hidden_units))
        self.figures.maps.selected = self.figures.drawing.selected = self.unit.value
        self._draw()
        if trainer.blocked is not None:
            self.runner.stop()
        self._update_buttons()

    def frame(self) -> bool:
        """One frame: 'steps per frame' gradient steps, then the figures are updated in place.

        Returns True if training may go on, False if it stopped: the problem is shown, and Run and
        Step stay disabled until Reset or another setting starts again."""
        try:
            with np.errstate(all="ignore"):
                self.trainer.train(self.steps_per_frame.value, self.learning_rate.value)
            if not self.trainer.finite():
                raise NotReady("The weights overflowed (they are no longer finite numbers): the "
                               "learning rate is too large for this network. Lower it and press Reset.")
        except NotReady as problem:
            self.trainer.blocked = problem
        self._draw()
        return self.trainer.blocked is None

    def setting(self) -> Setting:
        """The current setting, trained steps included (what Share writes)."""
        t = self.trainer
        return Setting(dataset=t.data.name, noise=t.data.noise, hidden_units=t.hidden_units,
                       activation=t.activation, initialization=t.initialization, seed=t.seed,
                       learning_rate=self.learning_rate.value,
                       history=tuple((rate, steps) for rate, steps in t.history))

    def restore(self, setting: Setting) -> None:
        """Show ``setting``: set every control, start with its seed and retrain its steps."""
        self.pause()
        for control, value in ((self.dataset, setting.dataset), (self.noise, setting.noise),
                               (self.hidden_units, setting.hidden_units),
                               (self.activation, setting.activation),
                               (self.initialization, setting.initialization),
                               (self.seed_box, setting.seed), (self.learning_rate, setting.learning_rate)):
            self._set_quietly(control, value)
        self.trainer.data = planar_data.load(setting.dataset, setting.noise)
        self.figures.set_data(self.trainer.data)
        self.reset()
        if self.trainer.blocked is None:
            try:
                with np.errstate(all="ignore"):
                    for rate, steps in setting.history:
                        self.trainer.train(steps, rate)
            except NotReady as problem:
                self.trainer.blocked = problem
            self._draw()
            self._update_buttons()

    def select_unit(self, unit) -> None:
        """Show hidden unit ``unit`` (0-based) large beside the decision boundary."""
        if unit is None or unit == self.figures.maps.selected:
            return
        self.figures.maps.select(unit)
        self.figures.drawing.select(unit)
        self.figures.show_unit_title(self.trainer)
        self.figures.refresh()
        self.unit.value = unit

    # ------------------------------------------------------------------ drawing and status
    def _draw(self) -> None:
        problem = self.figures.draw(self.trainer, layer_text(self.trainer))
        if problem is not None:
            self.trainer.blocked = problem
        if self.trainer.blocked is None:
            self._show_status()
        else:
            self._fail(self.trainer.blocked)

    def _show_status(self) -> None:
        if self.trainer.blocked is not None:
            return
        t = self.trainer
        self.status.show(" · ".join(self._status_parts() + (["running"] if self.runner.running else [])))
        if t.notice is not None:  # a hint above the usual line (training goes on)
            self.status.text = f"{t.notice}\n{self.status.text}"
            self.status.widget.value = notice_html(t.notice) + self.status.widget.value

    def _status_parts(self) -> list[str]:
        return status_parts(self.trainer, self.figures.accuracies, self.learning_rate.value)

    def _fail(self, problem: NotReady) -> None:
        if self.status.problem != str(problem):
            self.announcer.say(str(problem))
        self.status.fail(str(problem), problem.html())
        self._update_buttons()

    def result(self) -> str:
        """Where training got to, in one sentence (Run and Pause announce it)."""
        return ", ".join(self._status_parts()).capitalize() + "."

    def _show_test_points(self, visible: bool) -> None:
        self.figures.test_points.set_visible(bool(visible))
        self.figures.refresh()

    def _update_buttons(self) -> None:
        running, blocked = self.runner.running, self.trainer.blocked is not None
        accent(self.run_button, not (running or blocked))
        self.step_button.disabled = running or blocked
        self.pause_button.disabled = not running
        if self.status.problem is None:  # a problem stays on screen until the next good frame
            self._show_status()

    # ------------------------------------------------------------------ controls
    def _set_quietly(self, control, value, options=None) -> None:
        self._quiet = True
        try:
            if options is not None:
                selected = control.value
                control.options = options
                control.value = min(selected or 0, len(options) - 1)
            else:
                control.value = value
        finally:
            self._quiet = False

    def _on_dataset(self, change) -> None:
        if not self._quiet:
            self._set_quietly(self.noise, planar_data.DEFAULT_NOISE[change["new"]])
            self._on_setting(None)

    def _on_setting(self, _change) -> None:
        if self._quiet:
            return
        self.share.forget_lesson()
        data = planar_data.load(self.dataset.value, self.noise.value)
        if data is not self.trainer.data:
            self.trainer.data = data
            self.figures.set_data(data)
        self.reset()

    def _on_pointer(self, event) -> None:
        """Pointing at (or clicking) a unit's map shows that unit large."""
        if event.inaxes is self.figures.maps.ax_grid and event.xdata is not None:
            self.select_unit(self.figures.maps.unit_at(event.xdata, event.ydata))


def playground(**kwargs) -> Playground:
    """Build the week-3 playground; pass the notebook's functions by name (see :class:`Playground`)."""
    return Playground(**kwargs)
