"""Week 2 explorer: the student's logistic regression under different learning rates and lengths.

Move the learning rate (log scale) or the number of iterations, release the slider, and a new run
trains with the student's own functions; its cost curve joins those of the earlier runs (the last
few stay overlaid, on a log scale), and the table gives each run's final cost and its training and
test accuracy. On the right, a browser over the pictures shows each one with its label and the
probability of "cat" that the current model gives it (optionally only the pictures it gets wrong).

::

    from layerlab.widgets import explore_logistic_regression

    explore_logistic_regression(sigmoid=sigmoid, initialize_with_zeros=initialize_with_zeros,
                                optimize=optimize, predict=predict)

Whose code runs: the student's, through :class:`~layerlab.widgets.logistic_trainer.LogisticTrainer`
(this module is its view); the pictures are ``load_dataset()``'s unless ``data`` is given.

When a run's cost stops being a number, its outputs saturate or its cost rises, a box under the
table says so and why (``logistic_runs.explain``); under the figure, the figure in words (every
run's key costs and accuracies, the picture on show) is its text alternative; a polite live region
announces when a run starts and how it ended.
"""

from __future__ import annotations

import itertools

import ipywidgets as widgets

from .base import WidgetDisplay
from .controls import Announcer, Status, accent, button, int_slider, log_slider, panel
from .figure import new_figure, refresh
from .logistic_figure import COST_RECT, PICTURE_RECT, ExplorerFigure
from .logistic_runs import STYLES, Run, describe, explanation_html, outcome, status, table_html
from .logistic_trainer import LogisticTrainer
from .runner import Runner
from .student import NotReady

__all__ = ["LogisticRegressionExplorer", "explore_logistic_regression", "COST_RECT", "PICTURE_RECT"]

FIGSIZE = (8.4, 3.9)


class LogisticRegressionExplorer(WidgetDisplay):
    """The week-2 explorer (see the module's docstring). Display it as the last expression of a
    cell; ``explorer.widget`` is the ipywidgets box.

    State: ``runs`` (the :class:`Run` objects shown, oldest first; the last one is the current
    model), ``current`` (the last run or None), ``problem``. Controls: ``learning_rate``,
    ``num_iterations``, ``picture_set`` ("train" / "test"), ``picture``, ``only_mistakes``; buttons
    ``train_button``, ``stop_button``, ``clear_button``. Drawn: ``figure``, ``cost_ax``,
    ``picture_image``, ``picture_title``.
    """

    def __init__(self, *, sigmoid=None, initialize_with_zeros=None, optimize=None, predict=None,
                 data=None, learning_rate: float = 0.005, num_iterations: int = 2000, chunk: int = 50,
                 max_runs: int = 6, headless: bool = False):
        if data is None:
            from layerlab.datasets import load_dataset

            data = load_dataset()
        self.trainer = LogisticTrainer(
            {"sigmoid": sigmoid, "initialize_with_zeros": initialize_with_zeros, "optimize": optimize,
             "predict": predict}, data, chunk=chunk, max_runs=max_runs)
        self._styles = itertools.cycle(STYLES)
        self._number = 0  # runs started so far (the announcements count them)

        self.learning_rate = log_slider("learning rate", learning_rate, -4, 0)
        self.num_iterations = int_slider("iterations", num_iterations, 100, 4000, 100)
        self.train_button = button("Train", "play", "train a new run with these settings", "success")
        self.stop_button = button("Stop", "stop", "stop the run in progress (its curve stays)")
        self.clear_button = button("Clear", "trash", "forget every run but the last")
        self.picture_set = widgets.ToggleButtons(options=[("training set", "train"), ("test set", "test")],
                                                 value="test", style={"button_width": "7.5em"})
        self.only_mistakes = widgets.Checkbox(value=False, description="only the mistakes", indent=False)
        self.picture = widgets.IntSlider(value=0, min=0, max=len(self.trainer.pictures["test"]) - 1,
                                         description="picture", continuous_update=True,
                                         style={"description_width": "9em"},
                                         layout=widgets.Layout(width="22em"))
        self.table = widgets.HTML()
        self.explanation = widgets.HTML()
        self.figure_text = widgets.HTML()
        self.figure_text.add_class("layerlab-figure-text")
        self.status = Status()
        self.announcer = Announcer()
        self.runner = Runner(self.frame, on_change=self._update_buttons)

        self.figure, self.view = new_figure(FIGSIZE, headless=headless)
        self.drawing = ExplorerFigure(self.figure, num_iterations, self.trainer.pictures["test"][0])
        self.cost_ax = self.drawing.cost_ax
        self.picture_image, self.picture_title = self.drawing.picture_image, self.drawing.picture_title
        self.widget = panel([self.learning_rate, self.num_iterations,
                             widgets.HBox([self.train_button, self.stop_button, self.clear_button]),
                             widgets.HTML("<b>Pictures</b>"), self.picture_set, self.only_mistakes,
                             self.picture, self.table, self.explanation],
                            self.view, self.status.widget, "layerlab-logistic-regression")
        self.widget.children += (self.figure_text, self.announcer.widget)

        self.train_button.on_click(lambda _: self.train())
        self.stop_button.on_click(lambda _: self.stop())
        self.clear_button.on_click(lambda _: self.clear())
        self.learning_rate.observe(lambda _: self.train(), "value")
        self.num_iterations.observe(lambda _: self.train(), "value")
        self.picture_set.observe(lambda _: self._browse(), "value")
        self.only_mistakes.observe(lambda _: self._browse(), "value")
        self.picture.observe(lambda _: self._show_picture(), "value")
        self._browse()
        self._update_buttons()

    # ------------------------------------------------------------------ the trainer's state
    @property
    def runs(self) -> list[Run]:
        return self.trainer.runs

    @property
    def current(self) -> Run | None:
        return self.trainer.current

    @property
    def predictions(self) -> dict | None:
        return self.trainer.predictions

    @property
    def _blocked(self) -> NotReady | None:
        return self.trainer.blocked

    @property
    def legend(self):
        """The cost axes' legend (None before the first run)."""
        return self.drawing.legend

    # ------------------------------------------------------------------ actions
    def train(self) -> Run | None:
        """Start a new run with the current settings and train it in the background; a run still
        in progress is replaced (dropped). Without a running event loop, call :meth:`step`."""
        if self._blocked is not None:
            self._fail(self._blocked)
            return None
        self.runner.stop()
        try:
            run, dropped = self.trainer.new_run(self.learning_rate.value, self.num_iterations.value)
        except NotReady as problem:
            self._fail(problem)
            return None
        for old in dropped:
            old.line.remove()
        colour, dashes = next(self._styles)
        run.line = self.cost_ax.plot([], [], lw=1.6, color=colour, linestyle=dashes)[0]
        self._number += 1
        run.number = self._number
        self._show_status(f"training a new run: learning rate {run.learning_rate:.3g}, "
                          f"{run.num_iterations} iterations")
        self.announcer.say(f"Training run {run.number}: learning rate {run.learning_rate:.3g}, "
                           f"{run.num_iterations} iterations.")
        try:
            if self.runner.running:  # the old task ends before its next frame; this one follows it
                self.runner.task.add_done_callback(lambda _: self._start())
            else:
                self._start()
        except RuntimeError:
            pass  # no event loop (a script, a test): step() advances the run
        return run

    def stop(self) -> None:
        """Stop the run in progress; it stays on the plot, marked as stopped."""
        self.runner.stop()
        if self.current is not None and not self.current.done:
            self.current.stopped = True
            self._redraw()
            self._announce_result()

    def clear(self) -> None:
        """Forget every run but the current one."""
        for run in self.runs[:-1]:
            self.trainer.drop(run).line.remove()
        self._redraw()

    def step(self) -> bool:
        """Advance the current run by one chunk now; False when there is nothing to train."""
        return self.frame()

    def frame(self) -> bool:
        """One chunk of ``optimize`` for the current run, then the figure and table are updated.
        Returns True while the run has iterations left."""
        run = self.current
        if run is None or run.done:
            return False
        try:
            more = self.trainer.advance()
        except NotReady as problem:
            run.line.remove()
            self._fail(problem)
            self.announcer.say(str(problem))
            return False
        self._redraw()
        if not more:
            self._announce_result()
        return more

    def _announce_result(self) -> None:
        """Say how the current run ended (when it is done or stopped)."""
        self.announcer.say(outcome(self.current))

    # ------------------------------------------------------------------ drawing
    def _redraw(self) -> None:
        longest = max([self.num_iterations.value] + [run.num_iterations for run in self.runs])
        self.drawing.draw_runs(self.runs, longest)
        self.table.value = table_html(self.runs)
        self._browse(redraw=False)
        refresh(self.figure)
        self._show_status()
        self._update_words()

    def _update_words(self) -> None:
        """The explanation of what went wrong in the current run, and the figure in words."""
        self.explanation.value = explanation_html(self.current)
        self.figure_text.value = ("<div style='font-size: 0.9em; max-width: 60em'><b>The figure in "
                                  "words.</b> " + describe(self.runs, self.picture_title.get_text()
                                                            .replace("\n", "; ")) + "</div>")

    def _browse(self, redraw: bool = True) -> None:
        """The picture slider ranges over the chosen set (or its mistakes)."""
        shown = self.trainer.shown(self.picture_set.value, self.only_mistakes.value)
        self.picture.max = max(len(shown) - 1, 0)
        self.picture.disabled = len(shown) == 0
        self._show_picture(redraw=redraw)

    def _show_picture(self, redraw: bool = True) -> None:
        part = self.picture_set.value
        shown = self.trainer.shown(part, self.only_mistakes.value)
        if len(shown) == 0:
            self.drawing.show_picture(None, "no mistakes in this set")
        else:
            index = int(shown[min(self.picture.value, len(shown) - 1)])
            self.drawing.show_picture(self.trainer.pictures[part][index], self.trainer.caption(part, index))
        if redraw:
            refresh(self.figure)
            self._update_words()

    def _show_status(self, text: str | None = None) -> None:
        if self._blocked is not None:
            self._fail(self._blocked)
            return
        if text is None and self.current is None:
            text = "Move a slider (or press Train) to train a model with your functions."
        elif text is None:
            run = self.current
            text = status(run, "training" if self.runner.running else
                          "stopped" if run.stopped else "done" if run.done else "paused")
        self.status.show(text)

    def _fail(self, problem: NotReady) -> None:
        self.status.fail(str(problem), problem.html())

    def _start(self) -> None:
        if self.current is not None and not self.current.done and not self.runner.running:
            self.runner.start()

    def _update_buttons(self) -> None:
        running = self.runner.running
        self.stop_button.disabled = not running
        accent(self.train_button, self._blocked is None)  # not green while it cannot train
        if self.status.problem is None:
            self._show_status()


def explore_logistic_regression(**kwargs) -> LogisticRegressionExplorer:
    """Build the week-2 explorer; pass the notebook's functions by name (see
    :class:`LogisticRegressionExplorer`)."""
    return LogisticRegressionExplorer(**kwargs)

