"""The week-3 playground's trainer: the student's one-hidden-layer network, without any widget.

:class:`PlanarTrainer` holds the network the playground shows (its settings, weights, cost per
iteration and learning-rate history) and trains it with the student's functions, exactly the loop
of the notebook's ``nn_model``. It is plain NumPy (no ipywidgets, no Matplotlib), so tests and
scripts can drive it directly; :class:`~layerlab.widgets.planar_playground.Playground` is its view.

Whose code runs:

* tanh hidden layer: the student's ``forward_propagation``, ``compute_cost``,
  ``backward_propagation`` and ``update_parameters``, one call each per gradient step.
* ReLU, leaky ReLU, sigmoid: a widget-side forward pass and two calls of the student's
  ``backward_propagation`` per step (:mod:`layerlab.widgets.other_activations`), then the
  student's ``compute_cost`` and ``update_parameters``.
* starting weights: "small random" is the student's ``initialize_parameters`` with NumPy's global
  generator seeded with ``seed`` (put back afterwards); "zeros" and "large random" (``randn`` times
  :data:`LARGE_SCALE`, drawn with ``seed``) are set here.

Every gradient and every updated weight is checked for the shape of the weight it belongs to, so
a wrong ``backward_propagation`` or ``update_parameters`` is named as soon as it returns, not when
a later call trips over its result. Any failure of a student function raises
:class:`~layerlab.widgets.student.NotReady` naming that function.

Shapes: X (2, m), Y (1, m); parameters "W1" (n_h, 2), "b1" (n_h, 1), "W2" (1, n_h), "b2" (1, 1).
"""

from __future__ import annotations

import contextlib

import numpy as np

from . import planar_data
from .other_activations import OTHER_ACTIVATIONS, variant_forward, variant_gradients
from .playground_checks import ACTIVATION_NAMES, check_shapes, probe, shapes_of, tanh_notice, two_call_notice
from .student import NotReady, StudentFunctions

__all__ = ["PlanarTrainer", "LARGE_SCALE", "ACTIVATION_NAMES", "INITIALIZATIONS", "hidden_activations"]

#: weight scale of the "large random" start: big enough to saturate tanh and sigmoid units
LARGE_SCALE = 4.0
#: starting weights: the keys
INITIALIZATIONS = ("small random", "zeros", "large random")


def hidden_activations(X: np.ndarray, parameters: dict, activation: str) -> np.ndarray:
    """What every hidden unit outputs at the points X (2, k), computed from the weights:
    g(W1 X + b1) with g the hidden activation. Returns (n_h, k), one row per unit."""
    Z1 = np.asarray(parameters["W1"], dtype=float) @ X + np.asarray(parameters["b1"], dtype=float)
    return np.tanh(Z1) if activation == "tanh" else OTHER_ACTIVATIONS[activation].value(Z1)


class PlanarTrainer:
    """The playground's network and its training (see the module's docstring).

    Settings (attributes; call :meth:`start` after changing any but the learning rate):
    ``data`` (:class:`~layerlab.widgets.planar_data.PlanarData`), ``hidden_units``, ``activation``
    (a key of :data:`ACTIVATION_NAMES`), ``initialization`` (one of :data:`INITIALIZATIONS`),
    ``seed``.

    State: ``parameters`` (dict, see above; None before a start could be made), ``iteration``,
    ``costs`` (one per iteration, the cost before that step), ``history`` (list of
    ``[learning_rate, steps]``: the learning rates used so far, in order), ``blocked`` (the
    :class:`NotReady` that keeps these settings from training, or None) and ``notice`` (a sentence
    about a problem that does not stop training, e.g. why a ReLU layer went back to tanh, or None).
    """

    def __init__(self, functions: StudentFunctions, data: planar_data.PlanarData, *,
                 hidden_units: int = 4, activation: str = "tanh",
                 initialization: str = "small random", seed: int = 3):
        if activation not in ACTIVATION_NAMES:
            raise ValueError(f"unknown hidden activation {activation!r}; choose one of "
                             f"{', '.join(ACTIVATION_NAMES)}")
        if initialization not in INITIALIZATIONS:
            raise ValueError(f"unknown start {initialization!r}; choose one of {', '.join(INITIALIZATIONS)}")
        self.functions = functions
        self.data = data
        self.hidden_units = int(hidden_units)
        self.activation = activation
        self.initialization = initialization
        self.seed = int(seed)
        self.parameters: dict | None = None
        self.iteration = 0
        self.costs: list[float] = []
        self.history: list[list] = []
        self.blocked: NotReady | None = None
        self.notice: str | None = None

    # ------------------------------------------------------------------ starting
    def start(self) -> None:
        """New starting weights for the current settings (and seed); clears the costs. A ReLU,
        leaky ReLU or sigmoid layer whose two-call gradients do not check out falls back to tanh
        (``activation`` becomes "tanh" and ``notice`` says why)."""
        self.iteration, self.costs, self.history = 0, [], []
        self.notice = None
        self.blocked = probe(self)
        if self.blocked is None and self.activation != "tanh":
            try:
                self.notice = two_call_notice(self)
            except NotReady as problem:
                self.blocked = problem
            if self.notice is not None:  # back to tanh: the student's own network
                self.activation = "tanh"
                self.blocked = probe(self)
        if self.blocked is None and self.activation == "tanh" and self.notice is None:
            self.notice = tanh_notice(self)
        try:
            self.parameters = self.initial_parameters()
        except NotReady as problem:
            self.parameters = None
            self.blocked = self.blocked or problem

    def initial_parameters(self) -> dict:
        n_h = self.hidden_units
        if self.initialization == "small random":
            with seeded(self.seed):
                start = self.functions.call("initialize_parameters", 2, n_h, 1)
            if not isinstance(start, dict):
                raise NotReady(f"`initialize_parameters` returned {type(start).__name__}, not a "
                               "dict of W1, b1, W2, b2.", "initialize_parameters")
            check_shapes(start, shapes_of(n_h), "initialize_parameters", "")
            return start
        rng = np.random.RandomState(self.seed)
        scale = 0.0 if self.initialization == "zeros" else LARGE_SCALE
        return {"W1": rng.randn(n_h, 2) * scale, "b1": np.zeros((n_h, 1)),
                "W2": rng.randn(1, n_h) * scale, "b2": np.zeros((1, 1))}

    # ------------------------------------------------------------------ training
    def train(self, steps: int, learning_rate: float) -> list[float]:
        """``steps`` gradient steps at ``learning_rate``, as ``nn_model`` takes them; returns the
        cost before each step (also appended to ``costs``). Raises NotReady naming the student
        function that failed; the steps done before it are kept."""
        if self.blocked is not None:
            raise self.blocked
        if self.parameters is None:
            raise NotReady("There are no starting weights: press Reset.")
        X, Y, call = self.data.X, self.data.Y, self.functions.call
        shapes = shapes_of(self.hidden_units)
        done = []
        try:
            for _ in range(int(steps)):
                current = self.parameters
                if self.activation == "tanh":
                    output, cache = call("forward_propagation", X, current)
                    cost = call("compute_cost", output, Y)
                    gradients = call("backward_propagation", current, cache, X, Y)
                else:
                    output, cache = variant_forward(X, current, self.activation)
                    cost = call("compute_cost", output, Y)
                    gradients = self._two_call_gradients(current, cache, X, Y)
                check_shapes(gradients, shapes, "backward_propagation", "d")
                updated = call("update_parameters", current, gradients, learning_rate=learning_rate)
                check_shapes(updated, shapes, "update_parameters", "")
                done.append(number(cost, "compute_cost"))
                self.parameters = updated
        finally:
            self.iteration += len(done)
            self.costs.extend(done)
            if done:
                if self.history and self.history[-1][0] == learning_rate:
                    self.history[-1][1] += len(done)
                else:
                    self.history.append([learning_rate, len(done)])
        return done

    def finite(self) -> bool:
        """True while every weight is a finite number (a too large learning rate overflows them)."""
        return all(np.all(np.isfinite(np.asarray(v, dtype=float))) for v in self.parameters.values())

    def _two_call_gradients(self, parameters: dict, cache: dict, X, Y) -> dict:
        try:
            return variant_gradients(self.backward, parameters, cache, X, Y, self.activation)
        except (KeyError, TypeError, IndexError):
            raise NotReady("`backward_propagation` returned something that is not a dict with the "
                           "gradients \"dW1\", \"db1\", \"dW2\", \"db2\".",
                           "backward_propagation") from None

    def backward(self, *args) -> dict:
        """The student's backward_propagation (NotReady if it fails)."""
        return self.functions.call("backward_propagation", *args)

    # ------------------------------------------------------------------ what the network computes
    def forward(self, X: np.ndarray) -> np.ndarray:
        """The network's probability of class 1 at the points X (2, k): shape (1, k). With tanh
        this is the student's ``forward_propagation`` (NotReady if it fails)."""
        if self.activation == "tanh":
            A2, _ = self.functions.call("forward_propagation", X, self.parameters)
        else:
            A2, _ = variant_forward(X, self.parameters, self.activation)
        A2 = np.asarray(A2, dtype=float)
        if A2.size != X.shape[1]:
            raise NotReady(f"`forward_propagation` returned A2 of shape {A2.shape} for {X.shape[1]} "
                           f"points; it should be (1, {X.shape[1]}).", "forward_propagation")
        return A2.reshape(1, -1)

    def hidden(self, X: np.ndarray) -> np.ndarray:
        """Every hidden unit's output at the points X (2, k), from the current weights: (n_h, k)."""
        return hidden_activations(X, self.parameters, self.activation)

    def accuracies(self) -> tuple[float, float]:
        """(training accuracy, test accuracy) of the current network, as fractions."""
        data = self.data
        A_train, A_test = self.forward(data.X), self.forward(data.X_test)
        return (float(np.mean((A_train > 0.5) == (data.Y > 0.5))),
                float(np.mean((A_test > 0.5) == (data.Y_test > 0.5))))

def number(value, name: str) -> float:
    """``value`` as a float, or NotReady naming the student function ``name`` that returned it."""
    try:
        return float(np.asarray(value, dtype=float).reshape(()))
    except (TypeError, ValueError):
        raise NotReady(f"`{name}` returned {type(value).__name__} of shape {np.shape(value)}, not "
                       "one number.", name) from None


@contextlib.contextmanager
def seeded(seed: int):
    """Seed NumPy's global generator (the student's initialize_parameters draws from it), and put
    back the state it had afterwards."""
    state = np.random.get_state()
    np.random.seed(seed)
    try:
        yield
    finally:
        np.random.set_state(state)
