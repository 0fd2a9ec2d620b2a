"""Public checks of the week-2 logistic-regression assignment
(``week2_logistic_regression/logistic_regression.ipynb``).

In the notebook::

    from layerlab.checks import logistic_regression as checks
    checks.check_propagate(propagate)

``graph_forward_backward`` (the computation graph J = 3(a + bc)) has its cases and recognisers in
:mod:`layerlab.checks.computation_graph`.

Each ``check_<name>`` runs the student's function on the small cases below, compares with the
expected outputs generated from the reference solution (``expected/logistic_regression.json``),
checks the output contracts the values cannot show (properties), and names the likely mistake when
it recognises one. Recognisers look at relations between the inputs, the expected and the returned
values (a factor of m, a flipped sign, a transpose, a constant cost curve...); they contain no
solution.

Decisions worth knowing:
  * ``predict`` is asked to return 0./1. floats; a boolean (or int) array with the right values is
    accepted too (``True == 1``), as week 3 accepts booleans: every later use (accuracies,
    ``Y_prediction - Y``, indexing ``classes``) works with both.
  * ``propagate``'s cost and ``db`` must be single numbers: a Python float, a NumPy scalar or a
    0-d array pass; a ``(1, 1)`` array does not (it turns ``b`` into an array during training).
  * ``initialize_with_zeros`` must return ``b`` as a float (``0.0``; ``np.float64`` is a float too),
    not the int ``0`` and not an array, and ``w`` as a float array.
  * Arguments are passed positionally (``optimize(w, b, X, Y, num_iterations, learning_rate)``), as
    the course's signatures allow, so the properties can see every input.
"""

from __future__ import annotations

import numpy as np

from layerlab.checks import computation_graph
from layerlab.checks import logistic_hints as hints
from layerlab.checks.runner import Case, FunctionSpec, make_check
from layerlab.checks.sigmoid_family import sigmoid_hints

NOTEBOOK = "logistic_regression"


# --------------------------------------------------------------------------- the cases

def _a(values) -> np.ndarray:
    return np.array(values, dtype=float)


def _course_example() -> tuple:
    """The small worked example: w (2, 1), b = 2.0, X (2, 3), Y (1, 3)."""
    return _a([[1.0], [2.0]]), 2.0, _a([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]), np.array([[1, 0, 1]])


def _random_problem(seed: int, n_x: int, m: int, w_scale: float = 1.0, b: float = 0.0) -> tuple:
    """(w (n_x, 1), b, X (n_x, m), Y (1, m) of 0/1 with both labels present), seeded."""
    rng = np.random.RandomState(seed)
    w = rng.randn(n_x, 1) * w_scale
    X = rng.randn(n_x, m)
    Y = np.zeros((1, m))
    Y[0, rng.permutation(m)[: (m + 1) // 2]] = 1.0
    return w, b, X, Y


def _separable(seed: int, n_x: int, m_train: int, m_test: int) -> tuple:
    """A linearly separable toy set: label 1 when the first feature is positive (margin 0.5)."""
    rng = np.random.RandomState(seed)

    def draw(m):
        X = rng.randn(n_x, m)
        X[0] = np.where(np.arange(m) % 2 == 0, 1.0, -1.0) * (0.5 + rng.rand(m))
        return X, (X[:1] > 0).astype(float)

    X_train, Y_train = draw(m_train)
    X_test, Y_test = draw(m_test)
    return X_train, Y_train, X_test, Y_test


SPECS = {
    "sigmoid": FunctionSpec("sigmoid", [
        Case("z = np.array([0, 2])", lambda: (np.array([0, 2]),)),
        Case("z = a (2, 3) array with negative entries", lambda: (_a([[-1, 0, 4], [2, -3, 0.5]]),)),
        Case("z = -1.5 (a single number)", lambda: (-1.5,)),
    ], hints=sigmoid_hints("z")),
    "initialize_with_zeros": FunctionSpec("initialize_with_zeros", [
        Case("dim = 2", lambda: (2,)),
        Case("dim = 3", lambda: (3,)),
        Case("dim = 4", lambda: (4,)),
    ], hints=[hints.w_shape], properties=[hints.b_is_a_float, hints.w_holds_floats]),
    "graph_forward_backward": FunctionSpec("graph_forward_backward", computation_graph.CASES,
                                           hints=[computation_graph.swapped_or_unchained],
                                           properties=[computation_graph.grads_keys]),
    "propagate": FunctionSpec("propagate", [
        Case("w = [[1.], [2.]], b = 2., X = [[1., 2., -1.], [3., 4., -3.2]], Y = [[1, 0, 1]]",
             _course_example),
        Case("w = zeros (3, 1), b = 0.0, a random X (3, 4), Y = [[1, 0, 0, 1]]: every a is 0.5",
             lambda: (np.zeros((3, 1)), 0.0, np.random.RandomState(11).randn(3, 4), _a([[1, 0, 0, 1]]))),
        Case("a random w (4, 1), b = -0.5, X (4, 7), Y (1, 7)",
             lambda: _random_problem(12, 4, 7, b=-0.5)),
    ], hints=[hints.propagate_m_from_wrong_axis, hints.propagate_cost, hints.propagate_dw, hints.propagate_db], properties=[hints.grads_keys]),
    "optimize": FunctionSpec("optimize", [
        Case("the example of propagate, num_iterations = 100, learning_rate = 0.009",
             lambda: _course_example() + (100, 0.009)),
        Case("a random w (3, 1), b = 0.3, X (3, 5), Y (1, 5), num_iterations = 301, learning_rate = 0.05",
             lambda: _random_problem(21, 3, 5, b=0.3) + (301, 0.05)),
        Case("w = zeros (2, 1), b = 0.0, a random X (2, 6), Y (1, 6), num_iterations = 250, "
             "learning_rate = 0.1",
             lambda: (np.zeros((2, 1)), 0.0) + _random_problem(22, 2, 6)[2:] + (250, 0.1)),
    ], hints=[hints.optimize_costs, hints.optimize_grads],
        properties=[hints.costs_recorded_every_100, hints.b_stays_a_number]),
    "predict": FunctionSpec("predict", [
        Case("w = [[0.1124579], [0.23106775]], b = -0.3, X = [[1., -1.1, -3.2], [1.2, 2., 0.1]]",
             lambda: (_a([[0.1124579], [0.23106775]]), -0.3, _a([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]]))),
        Case("w = zeros (3, 1), b = 0.0, a random X (3, 4): every probability is exactly 0.5",
             lambda: (np.zeros((3, 1)), 0.0, np.random.RandomState(31).randn(3, 4))),
        Case("a random w (4, 1), b = 0.2, X (4, 7)",
             lambda: _random_problem(32, 4, 7, b=0.2)[:3]),
    ], hints=[hints.predict_threshold, hints.predict_loop_stops_early], properties=[hints.predict_shape_and_values]),
    "model": FunctionSpec("model", [
        Case("separable toy data: X_train (2, 8), X_test (2, 4), num_iterations = 300, learning_rate = 0.1",
             lambda: _separable(41, 2, 8, 4) + (300, 0.1)),
        Case("random X_train (3, 6), X_test (3, 3), num_iterations = 150, learning_rate = 0.5",
             lambda: _random_problem(42, 3, 6)[2:] + _random_problem(43, 3, 3)[2:] + (150, 0.5)),
    ], hints=[hints.model_hints], properties=[hints.model_keys, hints.model_records_its_arguments]),
}

check_sigmoid = make_check(NOTEBOOK, SPECS["sigmoid"])
check_initialize_with_zeros = make_check(NOTEBOOK, SPECS["initialize_with_zeros"])
check_graph_forward_backward = make_check(NOTEBOOK, SPECS["graph_forward_backward"])
check_propagate = make_check(NOTEBOOK, SPECS["propagate"])
check_optimize = make_check(NOTEBOOK, SPECS["optimize"])
check_predict = make_check(NOTEBOOK, SPECS["predict"])
check_model = make_check(NOTEBOOK, SPECS["model"])

__all__ = ["SPECS"] + [f"check_{name}" for name in SPECS]
