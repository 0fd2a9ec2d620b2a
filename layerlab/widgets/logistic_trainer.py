"""The week-2 explorer's trainer: runs of the student's logistic regression, without any widget.

:class:`LogisticTrainer` holds the picture sets and the runs the explorer shows (its view is
:class:`~layerlab.widgets.logistic.LogisticRegressionExplorer`) and trains them with the student's
own functions. It is plain NumPy (no ipywidgets, no Matplotlib), so tests and scripts drive it
directly::

    trainer = LogisticTrainer({"sigmoid": sigmoid, "initialize_with_zeros": initialize_with_zeros,
                               "optimize": optimize, "predict": predict}, load_dataset())
    run = trainer.new_run(learning_rate=0.005, num_iterations=2000)
    while trainer.advance():
        pass
    run.costs, run.train_accuracy, run.test_accuracy

Whose code runs: ``initialize_with_zeros`` starts each run, ``optimize`` trains it in chunks of
``chunk`` iterations (each chunk continues from the ``w``, ``b`` of the last; ``optimize`` records
the cost every 100 iterations, as in the notebook), ``predict`` gives the labels behind the
accuracies, and ``sigmoid`` of ``w^T x + b`` the probability of "cat" of every picture. A failure
of any of them raises :class:`~layerlab.widgets.student.NotReady` naming it.
"""

from __future__ import annotations

import functools

import numpy as np

from .logistic_runs import Run
from .student import NotReady, StudentFunctions, try_each

__all__ = ["LogisticTrainer", "STUDENT_FUNCTIONS", "RECORD_EVERY", "PARTS"]

STUDENT_FUNCTIONS = ("sigmoid", "initialize_with_zeros", "optimize", "predict")
RECORD_EVERY = 100  # optimize records the cost when i % 100 == 0
#: the two picture sets, by key
PARTS = ("train", "test")


class LogisticTrainer:
    """The explorer's runs and their training (see the module's docstring).

    Arguments:
        functions: the student's functions by name (:data:`STUDENT_FUNCTIONS`).
        data: ``load_dataset()``'s five values (train pictures, train labels, test pictures, test
            labels, class names).
        chunk: iterations per call of ``optimize``. max_runs: the runs kept (oldest dropped first).

    State: ``pictures``, ``labels``, ``X`` (per part: (m, h, w, 3) pictures, (1, m) labels,
    (n_x, m) inputs scaled to [0, 1]), ``classes``, ``runs`` (oldest first; the last one is the
    current model), ``probabilities`` and ``predictions`` (per part, of the last run evaluated),
    ``blocked`` (None, or the :class:`NotReady` that keeps it from training).
    """

    def __init__(self, functions: dict, data, chunk: int = 50, max_runs: int = 6):
        self.functions = StudentFunctions(functions, required=STUDENT_FUNCTIONS)
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
        self.blocked = self.probe()

    @property
    def current(self) -> Run | None:
        return self.runs[-1] if self.runs else None

    def new_run(self, learning_rate: float, num_iterations: int) -> tuple[Run, list[Run]]:
        """A new run from the student's ``initialize_with_zeros``, appended as the current one; a
        current run still in progress is dropped, and so are the oldest beyond ``max_runs``.
        Returns the run and the runs dropped. Raises NotReady."""
        w, b = self.functions.call("initialize_with_zeros", self.X["train"].shape[0])
        dropped = []
        if self.current is not None and not self.current.done:
            dropped.append(self.drop(self.current))
        run = Run(float(learning_rate), int(num_iterations), w, b)
        self.runs.append(run)
        while len(self.runs) > self.max_runs:
            dropped.append(self.drop(self.runs[0]))
        return run, dropped

    def advance(self) -> bool:
        """One chunk of the student's ``optimize`` for the current run, then its accuracies.
        Returns True while the run has iterations left. Raises NotReady (the run is then
        dropped), also when ``optimize`` returns something of the wrong form."""
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
            self.evaluate(run)
        except NotReady:
            self.drop(run)
            raise
        except (KeyError, TypeError, ValueError) as exc:
            self.drop(run)
            raise NotReady(f"`optimize` returned something unexpected ({type(exc).__name__}: {exc}); "
                           "it must return (params, grads, costs) with params {'w': ..., 'b': ...}.",
                           "optimize") from exc
        return not run.done

    def evaluate(self, run: Run) -> None:
        """Accuracies of ``run`` (the student's predict), how many training outputs saturated, and
        the probability of "cat" of every picture (the student's sigmoid)."""
        probabilities, predictions = {}, {}
        with np.errstate(all="ignore"):
            for part in PARTS:
                X = self.X[part]
                predictions[part] = np.asarray(self.functions.call("predict", run.w, run.b, X),
                                               dtype=float).reshape(1, -1)
                probabilities[part] = np.asarray(self.functions.call("sigmoid", run.w.T @ X + run.b),
                                                 dtype=float).reshape(-1)
        run.saturated = int(np.sum((probabilities["train"] == 0.0) | (probabilities["train"] == 1.0)))
        run.train_count = probabilities["train"].size
        run.train_accuracy = float(np.mean(predictions["train"] == self.labels["train"]))
        run.test_accuracy = float(np.mean(predictions["test"] == self.labels["test"]))
        self.probabilities, self.predictions = probabilities, predictions

    def drop(self, run: Run) -> Run:
        """Forget ``run``; returns it."""
        if run in self.runs:
            self.runs.remove(run)
        return run

    def probe(self) -> NotReady | None:
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

    # ------------------------------------------------------------------ the pictures
    def shown(self, part: str, only_mistakes: bool) -> np.ndarray:
        """Indices of the pictures of ``part`` to browse: all, or those the current model gets wrong."""
        if only_mistakes and self.predictions is not None:
            return np.flatnonzero(self.predictions[part].reshape(-1) != self.labels[part].reshape(-1))
        return np.arange(len(self.pictures[part]))

    def caption(self, part: str, index: int) -> str:
        """Picture ``index`` of ``part`` in words: its label and, once a model is trained, the
        probability of "cat" it gives and whether its answer is right (two lines)."""
        label = int(self.labels[part][0, index])
        text = f"{'training' if part == 'train' else 'test'} picture #{index}: {self.classes[label]}"
        if self.probabilities is None:
            return text + "\n(train a model to see its probability)"
        p = float(self.probabilities[part][index])
        said = self.classes[int(self.predictions[part].reshape(-1)[index])]
        verdict = "right" if said == self.classes[label] else "wrong"
        return text + f"\np(cat) = {p:.2f}: the model says {said} ({verdict})"
