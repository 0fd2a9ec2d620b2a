"""The week-4 explorer's trainer: a deep network trained with the student's building blocks,
without any widget.

:class:`DeepTrainer` holds the network the explorer shows (its view is
:class:`~layerlab.widgets.deep.DeepNetworkExplorer`): the layer sizes, the weights, the cost after
every iteration, the accuracies and the test pictures it gets wrong. It is plain NumPy (no
ipywidgets, no Matplotlib), so tests and scripts drive it directly::

    trainer = DeepTrainer(functions, load_dataset())
    trainer.reset([12288, 20, 7, 5, 1])
    while trainer.train(num_iterations=2500, learning_rate=0.0075, seconds=0.25):
        pass
    trainer.costs, trainer.train_accuracy, trainer.test_accuracy, trainer.mislabeled

Whose code runs: every gradient step is ``L_model_forward``, ``compute_cost``,
``L_model_backward`` and ``update_parameters`` (the building blocks of the step-by-step notebook,
as ``L_layer_model`` uses them). The weights start as ``L_layer_model`` starts them
(``np.random.seed(1)``, then ``W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1])`` layer by layer, zero
biases; drawn from a generator of its own, so NumPy's global one is left alone), so with the
notebook's layers and learning rate it follows ``L_layer_model``'s run step by step. A failure of
a building block raises :class:`~layerlab.widgets.student.NotReady` naming it.
"""

from __future__ import annotations

import time

import numpy as np

from .student import NotReady, StudentFunctions
from .words import cost_curve

__all__ = ["DeepTrainer", "STUDENT_FUNCTIONS", "OVERFLOW"]

STUDENT_FUNCTIONS = ("L_model_forward", "compute_cost", "L_model_backward", "update_parameters")
OVERFLOW = NotReady("The weights overflowed (they are no longer finite numbers): the learning rate is "
                    "too large. Lower it (the network starts again).")


class DeepTrainer:
    """The explorer's network and its training (see the module's docstring).

    Arguments:
        functions: the building blocks by name (:data:`STUDENT_FUNCTIONS`).
        data: ``load_dataset()``'s five values. seed: the seed of the starting weights.

    State: ``X``, ``Y`` (training inputs (n_x, m) in [0, 1] and labels (1, m)), ``X_test``,
    ``Y_test``, ``test_pictures``, ``classes``; ``layers_dims``, ``parameters`` ("W1", "b1", ...),
    ``iteration``, ``costs`` (one per iteration), ``train_accuracy``, ``test_accuracy``,
    ``test_probabilities`` ((1, m_test) or None), ``mislabeled`` (indices of the test pictures it
    gets wrong), ``blocked`` (None, or the :class:`NotReady` that keeps it from training).
    """

    def __init__(self, functions: dict, data, seed: int = 1):
        self.functions = StudentFunctions(functions, required=STUDENT_FUNCTIONS)
        train_x_orig, train_y, test_x_orig, test_y, classes = data
        self.test_pictures = np.asarray(test_x_orig)
        self.X = np.asarray(train_x_orig).reshape(len(train_x_orig), -1).T / 255.0
        self.Y = np.asarray(train_y).reshape(1, -1)
        self.X_test = self.test_pictures.reshape(len(self.test_pictures), -1).T / 255.0
        self.Y_test = np.asarray(test_y).reshape(1, -1)
        self.classes = [c.decode() if isinstance(c, bytes) else str(c) for c in classes]
        self.seed = int(seed)
        self.layers_dims: list[int] = [self.X.shape[0], 1]
        self.parameters: dict = {}
        self.iteration = 0
        self.costs: list[float] = []
        self.train_accuracy: float | None = None
        self.test_accuracy: float | None = None
        self.test_probabilities: np.ndarray | None = None
        self.mislabeled = np.zeros(0, dtype=int)
        self.blocked: NotReady | None = None

    def reset(self, layers_dims: list[int]) -> None:
        """A network of ``layers_dims`` with fresh starting weights (always the same ones for the
        same sizes: the seed is fixed); clears the costs, tries the building blocks again."""
        self.layers_dims = list(layers_dims)
        self.parameters = self.initial_parameters()
        self.iteration, self.costs = 0, []
        self.blocked = self.probe()
        self.evaluate()

    def initial_parameters(self) -> dict:
        """L_layer_model's start: seed 1, W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1]), zero biases."""
        rng = np.random.RandomState(self.seed)
        sizes = self.layers_dims
        start = {}
        for k, (fan_in, units) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            start["W" + str(k)] = rng.randn(units, fan_in) / np.sqrt(fan_in)
            start["b" + str(k)] = np.zeros((units, 1))
        return start

    def train(self, num_iterations: int, learning_rate: float, seconds: float | None = None,
              steps: int | None = None) -> bool:
        """Gradient steps until ``num_iterations`` in all, or ``steps`` of them, or about
        ``seconds`` of them (whichever comes first), then the accuracies. Returns True while
        iterations are left. Raises :class:`NotReady` (:data:`OVERFLOW` when the weights stop
        being finite numbers)."""
        if self.blocked is not None:
            raise self.blocked
        call, parameters, rate = self.functions.call, self.parameters, float(learning_rate)
        started, done = time.perf_counter(), 0
        try:
            with np.errstate(all="ignore"):
                while self.iteration < num_iterations:
                    output, caches = call("L_model_forward", self.X, parameters)
                    cost = call("compute_cost", output, self.Y)
                    gradients = call("L_model_backward", output, self.Y, caches)
                    parameters = call("update_parameters", parameters, gradients, rate)
                    self.costs.append(float(np.squeeze(cost)))
                    self.iteration += 1
                    done += 1
                    if (steps is not None and done >= steps) or (
                            seconds is not None and time.perf_counter() - started >= seconds):
                        break
        finally:
            self.parameters = parameters
        self.evaluate()
        if not all(np.all(np.isfinite(v)) for v in self.parameters.values()):
            raise OVERFLOW
        return self.iteration < num_iterations

    def evaluate(self) -> None:
        """Accuracies and the mislabeled test pictures of the current network (output > 0.5 says
        "cat")."""
        self.train_accuracy = self.test_accuracy = self.test_probabilities = None
        self.mislabeled = np.zeros(0, dtype=int)
        if self.blocked is not None:
            return
        try:
            with np.errstate(all="ignore"):
                train_out, _ = self.functions.call("L_model_forward", self.X, self.parameters)
                test_out, _ = self.functions.call("L_model_forward", self.X_test, self.parameters)
        except NotReady as problem:
            self.blocked = problem
            return
        test_out = np.asarray(test_out, dtype=float).reshape(1, -1)
        self.train_accuracy = float(np.mean((np.asarray(train_out) > 0.5) == (self.Y > 0.5)))
        self.test_accuracy = float(np.mean((test_out > 0.5) == (self.Y_test > 0.5)))
        self.test_probabilities = test_out
        self.mislabeled = np.flatnonzero((test_out > 0.5).ravel() != (self.Y_test > 0.5).ravel())

    def probe(self) -> NotReady | None:
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

    def describe(self, num_iterations: int, shown: int) -> str:
        """The explorer's figure in words (plain text): the cost curve's key values (first,
        lowest, last, whether it ever rose), the accuracies, and the mislabeled test pictures
        (the first ``shown`` of them, as the gallery shows them)."""
        curve = cost_curve(self.costs, num_iterations)
        if self.test_accuracy is None:
            return curve + " Accuracy: not known yet (the network cannot be evaluated)."
        words = [curve, f"Train accuracy {self.train_accuracy:.1%}, test accuracy {self.test_accuracy:.1%}.",
                 f"{len(self.mislabeled)} of {self.Y_test.shape[1]} test pictures mislabeled"]
        if len(self.mislabeled):
            pictures = [f"#{i} says {self.classes[int(self.test_probabilities[0, i] > 0.5)]} "
                        f"(p(cat) = {self.test_probabilities[0, i]:.2f})" for i in self.mislabeled[:shown]]
            more = f", the first {shown} shown" if len(self.mislabeled) > shown else ""
            words[-1] += f"{more}: " + "; ".join(pictures)
        words[-1] += "."
        return " ".join(words)
