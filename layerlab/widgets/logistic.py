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

Whose code runs: ``initialize_with_zeros`` starts each run, ``optimize`` trains it in chunks of
``chunk`` iterations (each chunk continues from the ``w``, ``b`` of the last; ``optimize`` records
the cost every 100 iterations, as in the notebook), ``predict`` gives the labels behind the
accuracies, and ``sigmoid`` of ``w^T x + b`` the probability shown with each picture.
The pictures are ``load_dataset()``'s unless ``data`` is given.

When a run's cost stops being a number, its outputs saturate or its cost rises, a box under the
table says so and why (``logistic_runs.explain``); under the figure, the figure in words (every
run's key costs and accuracies, the picture on show) is its text alternative.
"""

from __future__ import annotations

import functools
import html
import itertools

import ipywidgets as widgets
import matplotlib
import numpy as np
from matplotlib.ticker import MultipleLocator

from layerlab.plotting.cost import plot_costs

from .base import WidgetDisplay
from .controls import Status, button, int_slider, log_slider, panel
from .figure import new_figure, refresh, style_cost_axes
from .logistic_runs import STYLES, Run, describe, explain
from .runner import Runner
from .student import NotReady, StudentFunctions, try_each

__all__ = ["LogisticRegressionExplorer", "explore_logistic_regression", "COST_RECT", "PICTURE_RECT"]

COST_RECT = (0.075, 0.13, 0.52, 0.74)
PICTURE_RECT = (0.655, 0.05, 0.33, 0.70)
FIGSIZE = (8.4, 3.9)
STUDENT_FUNCTIONS = ("sigmoid", "initialize_with_zeros", "optimize", "predict")
RECORD_EVERY = 100  # optimize records the cost when i % 100 == 0
TRAIN_GREEN = "#2e7d32"  # darker than ipywidgets' "success" green (#388e3c: contrast 4.1 with white)


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
        self.functions = StudentFunctions(
            {"sigmoid": sigmoid, "initialize_with_zeros": initialize_with_zeros, "optimize": optimize,
             "predict": predict}, required=STUDENT_FUNCTIONS)
        if data is None:
            from layerlab.datasets import load_dataset

            data = load_dataset()
        train_x_orig, train_y, test_x_orig, test_y, classes = data
        self.pictures = {"train": np.asarray(train_x_orig), "test": np.asarray(test_x_orig)}
        self.labels = {"train": np.asarray(train_y).reshape(1, -1), "test": np.asarray(test_y).reshape(1, -1)}
        self.X = {k: v.reshape(v.shape[0], -1).T / 255.0 for k, v in self.pictures.items()}
        self.classes = [c.decode() if isinstance(c, bytes) else str(c) for c in classes]
        self.chunk = int(chunk)
        self.max_runs = int(max_runs)
        self.runs: list[Run] = []
        self.probabilities: dict[str, np.ndarray] | None = None
        self.predictions: dict[str, np.ndarray] | None = None
        self._styles = itertools.cycle(STYLES)

        self.learning_rate = log_slider("learning rate", learning_rate, -4, 0)
        self.num_iterations = int_slider("iterations", num_iterations, 100, 4000, 100)
        self.train_button = button("Train", "play", "train a new run with these settings", "success")
        self.train_button.style.button_color = TRAIN_GREEN  # white on it: contrast 5.1, above 4.5
        self.stop_button = button("Stop", "stop", "stop the run in progress (its curve stays)")
        self.clear_button = button("Clear", "trash", "forget every run but the last")
        self.picture_set = widgets.ToggleButtons(options=[("training set", "train"), ("test set", "test")],
                                                 value="test", style={"button_width": "7.5em"})
        self.only_mistakes = widgets.Checkbox(value=False, description="only the mistakes", indent=False)
        self.picture = widgets.IntSlider(value=0, min=0, max=len(self.pictures["test"]) - 1,
                                         description="picture", continuous_update=True,
                                         style={"description_width": "9em"},
                                         layout=widgets.Layout(width="22em"))
        self.table = widgets.HTML()
        self.explanation = widgets.HTML()
        self.figure_text = widgets.HTML()
        self.figure_text.add_class("layerlab-figure-text")
        self.status = Status()
        self.runner = Runner(self.frame, on_change=self._update_buttons)

        self.figure, self.view = new_figure(FIGSIZE, headless=headless)
        self._build_figure()
        self.widget = panel([self.learning_rate, self.num_iterations,
                             widgets.HBox([self.train_button, self.stop_button, self.clear_button]),
                             widgets.HTML("<b>Pictures</b>"), self.picture_set, self.only_mistakes,
                             self.picture, self.table, self.explanation],
                            self.view, self.status.widget, "layerlab-logistic-regression")
        self.widget.children += (self.figure_text,)

        self.train_button.on_click(lambda _: self.train())
        self.stop_button.on_click(lambda _: self.stop())
        self.clear_button.on_click(lambda _: self.clear())
        self.learning_rate.observe(lambda _: self.train(), "value")
        self.num_iterations.observe(lambda _: self.train(), "value")
        self.picture_set.observe(lambda _: self._browse(), "value")
        self.only_mistakes.observe(lambda _: self._browse(), "value")
        self.picture.observe(lambda _: self._show_picture(), "value")
        self._blocked = self._probe()
        self._browse()
        self._update_buttons()

    # ------------------------------------------------------------------ display
    @property
    def current(self) -> Run | None:
        return self.runs[-1] if self.runs else None

    # ------------------------------------------------------------------ actions
    def train(self) -> Run | None:
        """Start a new run with the current settings and train it in the background; a run still
        in progress is replaced (dropped). Without a running event loop, call :meth:`step`."""
        if self._blocked is not None:
            self._fail(self._blocked)
            return None
        self.runner.stop()
        if self.current is not None and not self.current.done:
            self._drop(self.current)
        try:
            w, b = self.functions.call("initialize_with_zeros", self.X["train"].shape[0])
        except NotReady as problem:
            self._fail(problem)
            return None
        run = Run(float(self.learning_rate.value), int(self.num_iterations.value), w, b)
        colour, dashes = next(self._styles)
        run.line = self.cost_ax.plot([], [], lw=1.6, color=colour, linestyle=dashes)[0]
        self.runs.append(run)
        while len(self.runs) > self.max_runs:
            self._drop(self.runs[0])
        self._show_status(f"training a new run: learning rate {run.learning_rate:.3g}, "
                          f"{run.num_iterations} iterations")
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

    def clear(self) -> None:
        """Forget every run but the current one."""
        for run in self.runs[:-1]:
            self._drop(run)
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
        count = min(self.chunk, run.num_iterations - run.iteration)
        try:
            with np.errstate(all="ignore"):
                params, _, costs = self.functions.call(
                    "optimize", run.w, run.b, self.X["train"], self.labels["train"],
                    num_iterations=count, learning_rate=run.learning_rate)
            run.w, run.b = params["w"], params["b"]
            recorded = [float(np.squeeze(c)) for c in costs]
            run.cost_iterations += [run.iteration + RECORD_EVERY * k for k in range(len(recorded))]
            run.costs += recorded
            run.iteration += count
            self._evaluate(run)
        except NotReady as problem:
            self._fail(problem)
            self._drop(run)
            return False
        except (KeyError, TypeError, ValueError) as exc:
            self._fail(NotReady(f"`optimize` returned something unexpected ({type(exc).__name__}: "
                                f"{exc}); it must return (params, grads, costs) with params "
                                "{'w': ..., 'b': ...}.", "optimize"))
            self._drop(run)
            return False
        self._redraw()
        return not run.done

    # ------------------------------------------------------------------ the model
    def _evaluate(self, run: Run) -> None:
        """Accuracies of ``run`` (the student's predict) and the probabilities of every picture."""
        probabilities, predictions = {}, {}
        for part in ("train", "test"):
            X = self.X[part]
            predictions[part] = np.asarray(self.functions.call("predict", run.w, run.b, X), dtype=float)
            probabilities[part] = np.asarray(self.functions.call("sigmoid", run.w.T @ X + run.b),
                                             dtype=float).reshape(-1)
        run.saturated = int(np.sum((probabilities["train"] == 0.0) | (probabilities["train"] == 1.0)))
        run.train_count = probabilities["train"].size
        run.train_accuracy = float(np.mean(predictions["train"] == self.labels["train"]))
        run.test_accuracy = float(np.mean(predictions["test"] == self.labels["test"]))
        self.probabilities, self.predictions = probabilities, predictions

    def _probe(self) -> NotReady | None:
        """Try the student's functions on a tiny problem; name the ones not implemented yet."""
        X, Y = np.array([[1.0, -2.0], [0.5, 1.0]]), np.array([[1.0, 0.0]])
        w, b = np.zeros((2, 1)), 0.0
        attempts = [("initialize_with_zeros", (2,), {}),
                    ("optimize", (w, b, X, Y), {"num_iterations": 1, "learning_rate": 0.1}),
                    ("predict", (w, b, X), {}), ("sigmoid", (np.zeros((1, 2)),), {})]
        missing, other = try_each(
            (name, functools.partial(self.functions.call, name, *args, **kwargs))
            for name, args, kwargs in attempts)
        if missing:
            names = ", ".join(f"`{name}`" for name in missing)
            return NotReady(f"Not implemented yet: {names}. The explorer trains with your functions: "
                            "complete them above, run their cells, then run the cell of this widget "
                            "again.", missing[0], missing=True)
        return other

    # ------------------------------------------------------------------ drawing
    def _build_figure(self) -> None:
        self.cost_ax = self.figure.add_axes(COST_RECT)
        for placeholder in plot_costs([], every=RECORD_EVERY, ax=self.cost_ax, log=True).lines:
            placeholder.remove()  # the axes, labels and grid stay; every run adds its own line
        style_cost_axes(self.cost_ax)
        self.cost_ax.xaxis.set_major_locator(MultipleLocator(500))
        self.cost_ax.set_xlim(0, self.num_iterations.value)
        self.cost_ax.set_ylim(0.05, 1.0)
        self.cost_title = self.figure.text(COST_RECT[0] + COST_RECT[2] / 2, 0.92,
                                           "cost of each run (log scale)", ha="center", va="bottom",
                                           fontsize=10)
        self.picture_ax = self.figure.add_axes(PICTURE_RECT)
        self.picture_ax.set_xticks([])
        self.picture_ax.set_yticks([])
        self.picture_image = self.picture_ax.imshow(self.pictures["test"][0], interpolation="nearest")
        self.picture_title = self.figure.text(PICTURE_RECT[0] + PICTURE_RECT[2] / 2, 0.77, " ",
                                              ha="center", va="bottom", fontsize=9, linespacing=1.3)
        self.legend = None

    def _redraw(self) -> None:
        for run in self.runs:
            run.line.set_data(np.asarray(run.cost_iterations, float), np.asarray(run.costs, float))
            run.line.set_label(run.label)
        values = np.array([c for run in self.runs for c in run.costs], dtype=float)
        values = values[np.isfinite(values) & (values > 0)]
        if values.size:
            self.cost_ax.set_ylim(values.min() / 1.3, max(values.max() * 1.3, values.min() * 2))
        longest = max([self.num_iterations.value] + [run.num_iterations for run in self.runs])
        self.cost_ax.set_xlim(0, longest)
        if self.legend is not None:
            self.legend.remove()
            self.legend = None
        if self.runs:
            self.legend = self.cost_ax.legend(loc="upper right", fontsize=8)
        self._update_table()
        self._browse(redraw=False)
        refresh(self.figure)
        self._show_status()
        self._update_words()

    def _update_words(self) -> None:
        """The explanation of what went wrong in the current run, and the figure in words."""
        advice = explain(self.current) if self.current is not None else ""
        self.explanation.value = (
            "" if not advice else
            "<div role='note' style='border-left: 4px solid #E69F00; background: #fdf3e1; "
            f"padding: 0.3em 0.6em; max-width: 21em'><b>What happened</b><br>{html.escape(advice)}</div>")
        self.figure_text.value = ("<div style='font-size: 0.9em; max-width: 60em'><b>The figure in "
                                  "words.</b> " + describe(self.runs, self.picture_title.get_text()
                                                            .replace("\n", "; ")) + "</div>")

    def _update_table(self) -> None:
        if not self.runs:
            self.table.value = ""
            return
        rows = []
        for run in self.runs:
            cost = f"{run.costs[-1]:.4f}" if run.costs else "–"
            train = "–" if run.train_accuracy is None else f"{run.train_accuracy:.1%}"
            test = "–" if run.test_accuracy is None else f"{run.test_accuracy:.1%}"
            colour = matplotlib.colors.to_hex(run.line.get_color())
            rows.append(f"<tr><td style='color:{colour}' aria-hidden='true'>&#9632;</td>"
                        f"<td>{run.learning_rate:.3g}</td>"
                        f"<td>{run.iteration}/{run.num_iterations}</td><td>{cost}</td>"
                        f"<td>{train}</td><td>{test}</td></tr>")
        self.table.value = ("<table style='font-size: 0.9em'><tr><th></th><th>rate</th><th>iterations</th>"
                            "<th>cost</th><th>train</th><th>test</th></tr>" + "".join(rows) + "</table>")

    def _shown_indices(self) -> np.ndarray:
        part = self.picture_set.value
        count = len(self.pictures[part])
        if self.only_mistakes.value and self.predictions is not None:
            wrong = np.flatnonzero(self.predictions[part].reshape(-1) != self.labels[part].reshape(-1))
            return wrong
        return np.arange(count)

    def _browse(self, redraw: bool = True) -> None:
        """The picture slider ranges over the chosen set (or its mistakes)."""
        shown = self._shown_indices()
        self.picture.max = max(len(shown) - 1, 0)
        self.picture.disabled = len(shown) == 0
        self._show_picture(redraw=redraw)

    def _show_picture(self, redraw: bool = True) -> None:
        part, shown = self.picture_set.value, self._shown_indices()
        if len(shown) == 0:
            self.picture_image.set_data(np.ones((64, 64, 3)))
            self.picture_title.set_text("no mistakes in this set")
        else:
            index = int(shown[min(self.picture.value, len(shown) - 1)])
            label = int(self.labels[part][0, index])
            self.picture_image.set_data(self.pictures[part][index])
            text = f"{'training' if part == 'train' else 'test'} picture #{index}: {self.classes[label]}"
            if self.probabilities is not None:
                p = float(self.probabilities[part][index])
                said = self.classes[int(self.predictions[part].reshape(-1)[index])]
                verdict = "right" if said == self.classes[label] else "wrong"
                text += f"\np(cat) = {p:.2f}: the model says {said} ({verdict})"
            else:
                text += "\n(train a model to see its probability)"
            self.picture_title.set_text(text)
            self.picture_title.set_color("#b2182b" if "(wrong)" in text else "black")
        if redraw:
            refresh(self.figure)
            self._update_words()

    def _drop(self, run: Run) -> None:
        if run in self.runs:
            self.runs.remove(run)
            run.line.remove()

    def _show_status(self, text: str | None = None) -> None:
        if self._blocked is not None:
            self._fail(self._blocked)
            return
        if text is None:
            run = self.current
            if run is None:
                text = "Move a slider (or press Train) to train a model with your functions."
            else:
                parts = [f"learning rate {run.learning_rate:.3g}", f"iteration {run.iteration}/{run.num_iterations}"]
                if run.costs:
                    parts.append(f"cost {run.costs[-1]:.4f}")
                if run.train_accuracy is not None:
                    parts += [f"train accuracy {run.train_accuracy:.1%}", f"test accuracy {run.test_accuracy:.1%}"]
                parts.append("training" if self.runner.running else ("stopped" if run.stopped else
                                                                     "done" if run.done else "paused"))
                text = " · ".join(parts)
        self.status.show(text)

    def _fail(self, problem: NotReady) -> None:
        self.status.fail(str(problem), problem.html())

    def _start(self) -> None:
        if self.current is not None and not self.current.done and not self.runner.running:
            self.runner.start()

    def _update_buttons(self) -> None:
        running = self.runner.running
        self.stop_button.disabled = not running
        if self.status.problem is None:
            self._show_status()


def explore_logistic_regression(**kwargs) -> LogisticRegressionExplorer:
    """Build the week-2 explorer; pass the notebook's functions by name (see
    :class:`LogisticRegressionExplorer`)."""
    return LogisticRegressionExplorer(**kwargs)

