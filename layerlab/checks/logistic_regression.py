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

The grader's hidden cases sit beside the public ones (``hidden=``, see
:mod:`layerlab.judge.contract`); every copy of layerlab that leaves the instructor's repository is
stripped of them, and of what describes them.
"""

from __future__ import annotations

import numpy as np

from layerlab.checks import computation_graph
from layerlab.checks import logistic_hints as hints
from layerlab.checks.runner import Case, FunctionSpec, make_check
from layerlab.checks.sigmoid_family import sigmoid_hints
from layerlab.judge.catalogue import mistake
from layerlab.judge.contract import Hidden, HiddenCase

NOTEBOOK = "logistic_regression"


# --------------------------------------------------------------------------- output contracts

@mistake("sigmoid.int-array-result", "sigmoid returns an array of ints", topic="python-basics")
def _float_array(args, got):
    """Property: sigmoid returns an array of floats."""
    if isinstance(got, np.ndarray) and got.dtype.kind != "f":
        return (f"sigmoid returned an array of {got.dtype}: it must hold floats (probabilities "
                f"between 0 and 1)")
    return None


@mistake("optimize.params-keys", "params without exactly the keys w and b", topic="return-values")
def _params_keys(args, got):
    """Property: the params dict of optimize has exactly the keys "w" and "b"."""
    params = got[0] if isinstance(got, tuple) and got else None
    if isinstance(params, dict) and set(params) != {"w", "b"}:
        return f'params must have exactly the keys "w" and "b", it has {sorted(map(str, params))}'
    return None


@mistake("optimize.costs-not-a-list", "costs returned as an array, not a list",
         topic="return-values")
def _costs_is_a_list(args, got):
    """Property: the recorded costs are a Python list."""
    costs = got[2] if isinstance(got, tuple) and len(got) == 3 else None
    if costs is not None and not isinstance(costs, list):
        what = f"an array of shape {costs.shape}" if isinstance(costs, np.ndarray) else type(costs).__name__
        return f"costs must be a Python list (append each recorded cost to a list), got {what}"
    return None


@mistake("model.w-shape", "the learned w is not a (n_x, 1) column", topic="rank-1-and-keepdims")
def _model_w_shape(args, got):
    """Property: d["w"] has the shape (n_x, 1) of the training data's features."""
    w = got.get("w") if isinstance(got, dict) else None
    n_x = args[0].shape[0]
    if isinstance(w, np.ndarray) and w.shape != (n_x, 1):
        return f'd["w"] must be the learned weight column of shape (n_x, 1) = ({n_x}, 1), got {w.shape}'
    return None


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


def _rng(seed: int) -> np.random.RandomState:
    return np.random.RandomState(seed)


def _problem(seed: int, n_x: int, m: int, b: float, w_scale: float = 0.5) -> tuple:
    """A hidden problem: moderate weights, probabilities well inside (0, 1)."""
    return _random_problem(seed, n_x, m, w_scale=w_scale, b=b)


def _int_labels(problem: tuple) -> tuple:
    w, b, X, Y = problem
    return w, b, X, Y.astype(np.int64)


def _toy_data(seed: int, n_x: int, m_train: int, m_test: int) -> tuple:
    """(X_train, Y_train, X_test, Y_test): label 1 when a fixed direction's projection is positive,
    with some overlap (noise), so training never drives a probability to 0 or 1."""
    rng = _rng(seed)
    direction = rng.randn(n_x, 1)

    def draw(m):
        X = rng.randn(n_x, m)
        Y = ((direction.T @ X + 0.8 * rng.randn(1, m)) > 0).astype(float)
        return X, Y

    return draw(m_train) + draw(m_test)


def _three(seed: int, shape: tuple, scale: float = 1.0) -> tuple:
    """Three different random arrays of ``shape`` (a, b, c of the computation graph), seeded."""
    rng = _rng(seed)
    return tuple(rng.randn(*shape) * scale for _ in range(3))


def _hidden(*makers) -> Hidden:
    """Hidden cases, one per zero-argument function that builds the argument tuple. They use other
    sizes than the public cases: one feature or one example, wide and tall inputs, labels given as
    ints or floats, biases of both signs, iteration counts that record 1 to 3 costs. Weights stay
    small enough that no probability reaches exactly 0 or 1 (the cross-entropy would be NaN); the
    training cases are small (a few hundred steps on at most 16 examples): fast to grade."""
    return Hidden([HiddenCase(make) for make in makers])


SPECS = {
    "sigmoid": FunctionSpec("sigmoid", [
        Case("z = np.array([0, 2])", lambda: (np.array([0, 2]),)),
        Case("z = a (2, 3) array with negative entries", lambda: (_a([[-1, 0, 4], [2, -3, 0.5]]),)),
        Case("z = -1.5 (a single number)", lambda: (-1.5,)),
    ], hints=sigmoid_hints("z"), properties=[_float_array], hidden=_hidden(
        lambda: (_rng(101).randn(1, 9) * 3,),
        lambda: (_rng(102).randn(5, 4),),
        lambda: (_rng(103).randn(2, 3, 2) * 2,),
        lambda: (0.75,),
        lambda: (np.arange(-4, 4).reshape(2, 4),),        # an int array
        lambda: (_rng(104).uniform(-25, 25, size=(3, 1)),),  # far in the tails
    )),
    "initialize_with_zeros": FunctionSpec("initialize_with_zeros", [
        Case("dim = 2", lambda: (2,)),
        Case("dim = 3", lambda: (3,)),
        Case("dim = 4", lambda: (4,)),
    ], hints=[hints.w_shape], properties=[hints.b_is_a_float, hints.w_holds_floats],
        hidden=_hidden(lambda: (1,), lambda: (5,), lambda: (9,), lambda: (64,), lambda: (17,))),
    "graph_forward_backward": FunctionSpec("graph_forward_backward", computation_graph.CASES,
                                           hints=[computation_graph.swapped_or_unchained],
                                           properties=[computation_graph.grads_keys],
                                           hidden=_hidden(
        lambda: _three(151, (3, 4)),
        lambda: _three(152, (1, 1), scale=5.0),   # one number each
        lambda: _three(153, (6,)),                # 1-D arrays
        lambda: _three(154, (2, 2, 3)),           # any shape
    )),
    "propagate": FunctionSpec("propagate", [
        Case("w = [[1.], [2.]], b = 2., X = [[1., 2., -1.], [3., 4., -3.2]], Y = [[1, 0, 1]]",
             _course_example),
        Case("w = zeros (3, 1), b = 0.0, a random X (3, 4), Y = [[1, 0, 0, 1]]: every a is 0.5",
             lambda: (np.zeros((3, 1)), 0.0, np.random.RandomState(11).randn(3, 4), _a([[1, 0, 0, 1]]))),
        Case("a random w (4, 1), b = -0.5, X (4, 7), Y (1, 7)",
             lambda: _random_problem(12, 4, 7, b=-0.5)),
    ], hints=[hints.propagate_m_from_wrong_axis, hints.propagate_forward_slip, hints.propagate_cost,
           *hints.COST_TERMS,
           hints.propagate_dw, hints.propagate_db], properties=[hints.grads_keys],
        hidden=_hidden(
        lambda: _problem(111, 5, 10, b=0.3),
        lambda: _problem(112, 1, 6, b=-1.2, w_scale=1.0),       # one feature
        lambda: _problem(113, 8, 3, b=0.0),                     # more features than examples
        lambda: _problem(114, 3, 1, b=0.7),                     # a single example
        lambda: _int_labels(_problem(115, 6, 20, b=-0.4)),      # int labels
        lambda: _problem(116, 2, 15, b=1.5, w_scale=1.5),
    )),
    "optimize": FunctionSpec("optimize", [
        Case("the example of propagate, num_iterations = 100, learning_rate = 0.009",
             lambda: _course_example() + (100, 0.009)),
        Case("a random w (3, 1), b = 0.3, X (3, 5), Y (1, 5), num_iterations = 301, learning_rate = 0.05",
             lambda: _random_problem(21, 3, 5, b=0.3) + (301, 0.05)),
        Case("w = zeros (2, 1), b = 0.0, a random X (2, 6), Y (1, 6), num_iterations = 250, "
             "learning_rate = 0.1",
             lambda: (np.zeros((2, 1)), 0.0) + _random_problem(22, 2, 6)[2:] + (250, 0.1)),
    ], hints=[hints.optimize_parameter_frozen, hints.optimize_w_with_db, hints.optimize_gradients_once,
           hints.optimize_one_step, hints.optimize_costs, hints.optimize_grads],
        properties=[hints.costs_recorded_every_100, hints.b_stays_a_number, _params_keys,
                    _costs_is_a_list], hidden=_hidden(
        lambda: _problem(121, 4, 9, b=0.2) + (101, 0.1),        # 2 recorded costs
        lambda: _problem(122, 1, 5, b=-0.5) + (1, 0.3),         # one step, one cost
        lambda: (np.zeros((6, 1)), 0.0) + _problem(123, 6, 12, b=0.0)[2:] + (205, 0.02),
        lambda: _problem(124, 3, 16, b=0.8, w_scale=0.3) + (150, 0.05),
        lambda: _int_labels(_problem(125, 7, 4, b=0.0, w_scale=0.2)) + (99, 0.01),
    )),
    "predict": FunctionSpec("predict", [
        Case("w = [[0.1124579], [0.23106775]], b = -0.3, X = [[1., -1.1, -3.2], [1.2, 2., 0.1]]",
             lambda: (_a([[0.1124579], [0.23106775]]), -0.3, _a([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]]))),
        Case("w = zeros (3, 1), b = 0.0, a random X (3, 4): every probability is exactly 0.5",
             lambda: (np.zeros((3, 1)), 0.0, np.random.RandomState(31).randn(3, 4))),
        Case("a random w (4, 1), b = 0.2, X (4, 7)",
             lambda: _random_problem(32, 4, 7, b=0.2)[:3]),
        Case("w = [[0.5], [-0.5]], b = 0.6, X = [[1., 1., 2., -1.], [1.6, 1.1, 0., 1.]]: the bias "
             "decides the first two labels",
             lambda: (_a([[0.5], [-0.5]]), 0.6, _a([[1.0, 1.0, 2.0, -1.0], [1.6, 1.1, 0.0, 1.0]]))),
    ], hints=[hints.predict_threshold, hints.predict_without_sigmoid, hints.predict_loop_stops_early], properties=[hints.predict_shape_and_values], hidden=_hidden(
        lambda: _problem(131, 5, 11, b=0.25, w_scale=1.0)[:3],
        lambda: _problem(132, 1, 8, b=-0.3, w_scale=2.0)[:3],
        lambda: _problem(133, 9, 1, b=0.1, w_scale=1.0)[:3],    # a single example
        lambda: (np.zeros((4, 1)), 0.0, _rng(134).randn(4, 6)),  # every probability is 0.5
        lambda: _problem(135, 3, 25, b=-1.0, w_scale=1.5)[:3],
    )),
    "model": FunctionSpec("model", [
        Case("separable toy data: X_train (2, 8), X_test (2, 4), num_iterations = 300, learning_rate = 0.1",
             lambda: _separable(41, 2, 8, 4) + (300, 0.1)),
        Case("random X_train (3, 6), X_test (3, 3), num_iterations = 150, learning_rate = 0.5",
             lambda: _random_problem(42, 3, 6)[2:] + _random_problem(43, 3, 3)[2:] + (150, 0.5)),
    ], hints=[hints.model_hints],
        properties=[hints.model_keys, hints.model_records_its_arguments, _model_w_shape], hidden=_hidden(
        lambda: _toy_data(141, 4, 12, 5) + (150, 0.1),
        lambda: _toy_data(142, 2, 8, 3) + (101, 0.5),
        lambda: _toy_data(143, 6, 16, 16) + (230, 0.05),
        lambda: _toy_data(144, 3, 5, 9) + (40, 0.8),
    )),
}

check_sigmoid = make_check(NOTEBOOK, SPECS["sigmoid"])
check_initialize_with_zeros = make_check(NOTEBOOK, SPECS["initialize_with_zeros"])
check_graph_forward_backward = make_check(NOTEBOOK, SPECS["graph_forward_backward"])
check_propagate = make_check(NOTEBOOK, SPECS["propagate"])
check_optimize = make_check(NOTEBOOK, SPECS["optimize"])
check_predict = make_check(NOTEBOOK, SPECS["predict"])
check_model = make_check(NOTEBOOK, SPECS["model"])

__all__ = ["SPECS"] + [f"check_{name}" for name in SPECS]
