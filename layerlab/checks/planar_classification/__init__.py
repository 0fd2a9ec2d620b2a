"""Public checks of the week-3 planar classification assignment
(``week3_planar_classification/planar_classification.ipynb``).

In the notebook::

    from layerlab.checks import planar_classification as checks
    checks.check_forward_propagation(forward_propagation)

Each ``check_<name>`` runs the student's function on the cases below, compares with the expected
outputs generated from the reference solution, and names the likely mistake when it recognises one.
The recognisers look at relations between the inputs, the expected and the returned values (a
ratio, a sign, a range, a linear relation); they do not contain the solutions. They live in
:mod:`layerlab.checks.planar_setup` (sizes, initialisation, cost), :mod:`layerlab.checks.planar_forward`
(forward pass) and
:mod:`layerlab.checks.planar_training` (backward pass, update, model, predictions); the cost's
value recognisers are shared with week 4 (:mod:`layerlab.checks.cross_entropy`).

The backward-propagation cases are built so that mistakes stay visible: every case has
``m = n_x + 1`` examples, so the gradients ``dW1`` and ``db1`` together determine ``dZ1`` (the
matrix ``[X; 1]`` is square and invertible) and a wrong derivative factor shows up entry by entry;
and two cases have ``m = n_h``, so a missing ``.T`` in ``dW2`` gives the right shape with the
wrong values instead of an error. Their cache is consistent (``Z1 = arctanh(A1)``, parameters
solved from the cache), so a function that recomputes the forward pass gets the same answer.

The grader's hidden cases sit beside the public ones (``hidden=``, see
:mod:`layerlab.judge.contract`); every copy of layerlab that leaves the instructor's repository is
stripped of them, and of what describes them. The output contracts checked on both kinds of
cases live in :mod:`.properties`.
"""

from __future__ import annotations

import numpy as np

from layerlab.checks import cross_entropy
from layerlab.checks import planar_forward as forward
from layerlab.checks import planar_setup as setup
from layerlab.checks import planar_training as training
from layerlab.checks.planar_classification import hidden_inputs
from layerlab.checks.planar_classification import properties
from layerlab.checks.runner import Case, FunctionSpec, make_check
from layerlab.judge.contract import Hidden, HiddenCase

NOTEBOOK = "planar_classification"


# --------------------------------------------------------------------------- public inputs

def _a(values) -> np.ndarray:
    return np.array(values, dtype=np.float64)


# --------------------------------------------------------------------------- the cases

def _backward_case(seed: int, n_x: int, n_h: int, m: int, labels) -> tuple:
    """(parameters, cache, X, Y) with a consistent cache, built without a forward pass.

    The activations are drawn; Z = arctanh(A1), logit(A2); and the parameters are solved from
    Z1 = W1 X + b1 and Z2 = W2 A1 + b2, which have exact solutions because m <= n_x + 1 and
    m <= n_h + 1.
    """
    rs = np.random.RandomState(seed)
    X = rs.randn(n_x, m)
    A1 = rs.uniform(-0.9, 0.9, size=(n_h, m))
    A2 = rs.uniform(0.1, 0.9, size=(1, m))
    Z1, Z2 = np.arctanh(A1), np.log(A2 / (1 - A2))
    augmented_X = np.vstack([X, np.ones((1, m))])        # (n_x + 1, m)
    augmented_A1 = np.vstack([A1, np.ones((1, m))])      # (n_h + 1, m)
    first = np.linalg.lstsq(augmented_X.T, Z1.T, rcond=None)[0].T     # (n_h, n_x + 1)
    second = np.linalg.lstsq(augmented_A1.T, Z2.T, rcond=None)[0].T   # (1, n_h + 1)
    parameters = {"W1": first[:, :n_x], "b1": first[:, n_x:], "W2": second[:, :n_h], "b2": second[:, n_h:]}
    return parameters, dict(Z1=Z1, A1=A1, Z2=Z2, A2=A2), X, _a([labels])


def _update_case(seed: int, n_x: int, n_h: int, n_y: int, *learning_rate) -> tuple:
    rs = np.random.RandomState(seed)
    shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    parameters = {k: rs.randn(*s) for k, s in shapes.items()}
    grads = {"d" + k: rs.randn(*s) * 0.1 for k, s in shapes.items()}
    return (parameters, grads) + tuple(learning_rate)


def _nn_case(seed: int, n_x: int, m: int, n_h: int, num_iterations: int) -> tuple:
    rs = np.random.RandomState(seed)
    X = rs.randn(n_x, m)
    Y = (np.arange(m) % 2).reshape(1, m).astype(np.float64)
    np.random.seed(0)  # nn_model must reseed with 3 itself
    return X, Y, n_h, num_iterations


def _predict_case(seed: int, n_x: int, n_h: int, m: int, w2_scale: float = 2.0) -> tuple:
    """(parameters, X (n_x, m)); a small ``w2_scale`` puts many probabilities A2 near 0.5."""
    rs = np.random.RandomState(seed)
    parameters = {"W1": rs.randn(n_h, n_x), "b1": rs.randn(n_h, 1), "W2": rs.randn(1, n_h) * w2_scale,
                  "b2": rs.randn(1, 1) * 0.5}
    return parameters, rs.randn(n_x, m)


def _rs(seed: int) -> np.random.RandomState:
    return np.random.RandomState(seed)


def _seeded(seed: int, *args):
    np.random.seed(seed)
    return args


def _forward_case(seed: int, n_x: int, n_h: int, m: int) -> tuple:
    rs = _rs(seed)
    X = rs.randn(n_x, m)
    parameters = {"W1": rs.randn(n_h, n_x), "b1": rs.randn(n_h, 1), "W2": rs.randn(1, n_h),
                  "b2": rs.randn(1, 1)}
    return X, parameters


def _hidden(*makers, **kwargs) -> Hidden:
    """Hidden cases, one per zero-argument function that builds the argument tuple; ``kwargs``
    (e.g. ``seeds=[...]``) per case."""
    seeds = kwargs.pop("seeds", [None] * len(makers))
    return Hidden([HiddenCase(make, seed=seed) for make, seed in zip(makers, seeds)], **kwargs)


SPECS = {
    "layer_sizes": FunctionSpec("layer_sizes", [
        Case("X of shape (5, 3), Y of shape (2, 3)", lambda: (_rs(1).randn(5, 3), _a([[1, 0, 1], [0, 1, 1]]))),
        Case("X of shape (2, 7), Y of shape (1, 7)", lambda: (_rs(2).randn(2, 7), _a([[0, 1, 1, 0, 1, 0, 0]]))),
        Case("X of shape (3, 2), Y of shape (1, 2)", lambda: (_rs(3).randn(3, 2), _a([[1, 0]]))),
    ], hints=[setup.layer_sizes_hints], properties=[setup.returns_a_tuple, properties.python_ints],
        hidden=_hidden(
        lambda: hidden_inputs.layer_case(201, 7, 1, 11),
        lambda: hidden_inputs.layer_case(202, 1, 3, 4),
        lambda: hidden_inputs.layer_case(203, 12, 1, 1),   # a single example
        lambda: hidden_inputs.layer_case(204, 4, 2, 9),
        lambda: hidden_inputs.layer_case(205, 2, 1, 40),
    )),
    "initialize_parameters": FunctionSpec("initialize_parameters", [
        Case("n_x = 2, n_h = 4, n_y = 1, called right after np.random.seed(2)", lambda: _seeded(2, 2, 4, 1)),
        Case("n_x = 3, n_h = 5, n_y = 2, called right after np.random.seed(7)", lambda: _seeded(7, 3, 5, 2)),
        Case("n_x = 4, n_h = 1, n_y = 1, called right after np.random.seed(11)", lambda: _seeded(11, 4, 1, 1)),
    ], hints=[setup.seeded_inside, setup.drawing_order, setup.zero_weights,
             setup.weights_not_scaled, setup.rand_not_randn, setup.random_biases],
        properties=[properties.parameter_keys, properties.float_biases], hidden=_hidden(
        lambda: (5, 3, 1), lambda: (1, 6, 1), lambda: (8, 2, 3), lambda: (3, 7, 2), lambda: (10, 1, 1),
        seeds=[5, 13, 21, 42, 1001])),
    "forward_propagation": FunctionSpec("forward_propagation", [
        Case("X of shape (2, 3), n_h = 4, unit-sized random parameters", lambda: _forward_case(1, 2, 4, 3)),
        Case("X of shape (3, 5), n_h = 4, unit-sized random parameters", lambda: _forward_case(2, 3, 4, 5)),
        Case("X of shape (2, 4), n_h = 3, unit-sized random parameters", lambda: _forward_case(3, 2, 3, 4)),
    ], hints=[forward.return_order, forward.hidden_activation_skipped, forward.sigmoid_in_hidden_layer,
             forward.relu_in_hidden_layer, forward.wrong_layer_input, forward.output_sigmoid_skipped,
             forward.tanh_in_output_layer, forward.output_not_a_probability, forward.missing_bias],
        properties=[properties.cache_keys], hidden=_hidden(
        lambda: hidden_inputs.forward_case(211, 5, 6, 1, 9),
        lambda: hidden_inputs.forward_case(212, 1, 2, 1, 4),     # one feature
        lambda: hidden_inputs.forward_case(213, 4, 1, 1, 7),     # one hidden unit
        lambda: hidden_inputs.forward_case(214, 3, 8, 1, 1),     # one example
        lambda: hidden_inputs.forward_case(215, 2, 5, 2, 30),    # two output units
    )),
    "compute_cost": FunctionSpec("compute_cost", [
        Case("A2 = np.array([[0.8, 0.3, 0.6]]), Y = np.array([[1, 0, 1]])",
             lambda: (_a([[0.8, 0.3, 0.6]]), np.array([[1, 0, 1]]))),
        Case("A2 of shape (1, 5) between 0.05 and 0.95, Y of shape (1, 5)",
             lambda: (_rs(4).uniform(0.05, 0.95, size=(1, 5)), _a([[0, 1, 1, 0, 1]]))),
        Case("A2 of shape (1, 4), Y of shape (1, 4) with dtype uint8 (as the flower's labels)",
             lambda: (_a([[0.5, 0.9, 0.2, 0.7]]), np.array([[1, 1, 0, 0]], dtype=np.uint8))),
    ], hints=cross_entropy.HINTS, properties=[setup.python_float], hidden=_hidden(
        lambda: hidden_inputs.cost_case(221, 9),
        lambda: hidden_inputs.cost_case(222, 1),                  # a single example
        lambda: hidden_inputs.cost_case(223, 25),
        lambda: hidden_inputs.cost_case(224, 6, np.int64),       # int labels
        lambda: hidden_inputs.cost_case(225, 12, np.uint8),
    )),
    "backward_propagation": FunctionSpec("backward_propagation", [
        Case("n_x = 3, n_h = 4, m = 4 (parameters, cache, X, Y)", lambda: _backward_case(5, 3, 4, 4, [1, 0, 1, 0])),
        Case("n_x = 2, n_h = 4, m = 3 (parameters, cache, X, Y)", lambda: _backward_case(6, 2, 4, 3, [0, 1, 1])),
        Case("n_x = 4, n_h = 5, m = 5 (parameters, cache, X, Y)",
             lambda: _backward_case(7, 4, 5, 5, [1, 1, 0, 0, 1])),
    ], hints=[training.bias_shapes, training.gradients_not_averaged, training.dZ2_sign,
             training.tanh_derivative_one_minus_a, training.sigmoid_derivative_in_hidden_layer,
             training.derivative_of_z, training.relu_derivative_in_hidden_layer,
             training.tanh_applied_twice, training.square_of_one_minus_a, training.derivative_without_parentheses,
             training.missing_derivative, training.dW2_missing_transpose, training.dW2_uses_z1,
             training.dZ2_from_Z2], properties=[properties.grads_keys], hidden=_hidden(
        lambda: hidden_inputs.solved_backward_case(231, 4),       # n_x = 4, n_h = m = 5
        lambda: hidden_inputs.solved_backward_case(232, 2),       # n_x = 2, n_h = m = 3
        lambda: hidden_inputs.solved_backward_case(233, 6),       # n_x = 6, n_h = m = 7
        lambda: hidden_inputs.forward_backward_case(234, 3, 4, 12),
        lambda: hidden_inputs.forward_backward_case(235, 1, 6, 8),
        lambda: hidden_inputs.forward_backward_case(236, 5, 2, 1),  # a single example
    )),
    "update_parameters": FunctionSpec("update_parameters", [
        Case("n_x = 2, n_h = 3, n_y = 1, default learning rate (1.2)", lambda: _update_case(8, 2, 3, 1)),
        Case("n_x = 3, n_h = 4, n_y = 1, learning_rate = 0.5", lambda: _update_case(9, 3, 4, 1, 0.5)),
    ], hints=[training.added_gradients, training.fixed_learning_rate, training.wrong_gradient, training.divided_by_rate],
        properties=[properties.parameter_keys], hidden=_hidden(
        lambda: hidden_inputs.update_case(241, 5, 3, 1, 0.01),
        lambda: hidden_inputs.update_case(242, 1, 7, 1),          # the default learning rate
        lambda: hidden_inputs.update_case(243, 4, 2, 2, 2.5),
        lambda: hidden_inputs.update_case(244, 6, 6, 1, 0.3),
        lambda: hidden_inputs.update_case(245, 2, 1, 1),
    )),
    "nn_model": FunctionSpec("nn_model", [
        Case("X (2, 5), Y (1, 5), n_h = 4, num_iterations = 0: the initial parameters "
             "(np.random.seed(0) was called before)", lambda: _nn_case(10, 2, 5, 4, 0)),
        Case("X (2, 6), Y (1, 6), n_h = 3, num_iterations = 20", lambda: _nn_case(11, 2, 6, 3, 20)),
        Case("X (3, 8), Y (1, 8), n_h = 2, num_iterations = 100", lambda: _nn_case(12, 3, 8, 2, 100)),
    ], hints=[training.n_h_ignored, training.nn_seed, training.updates_thrown_away,
             training.nn_another_path], properties=[properties.parameter_keys], hidden=_hidden(
        lambda: hidden_inputs.nn_case(251, 2, 9, 6, 0),      # only the initial parameters
        lambda: hidden_inputs.nn_case(252, 3, 10, 5, 3),
        lambda: hidden_inputs.nn_case(253, 1, 6, 2, 10),
        lambda: hidden_inputs.nn_case(254, 5, 15, 4, 25),
        lambda: hidden_inputs.nn_case(255, 2, 20, 1, 40),
        seeds=[7, 0, 1, 11, 2])),
    "predict": FunctionSpec("predict", [
        Case("X of shape (2, 6), n_h = 4", lambda: _predict_case(13, 2, 4, 6)),
        Case("X of shape (3, 5), n_h = 2", lambda: _predict_case(14, 3, 2, 5)),
        Case("X of shape (2, 8), n_h = 3, probabilities near 0.5", lambda: _predict_case(32, 2, 3, 8, w2_scale=0.5)),
    ], hints=[training.thresholds_hidden_layer, training.returns_probabilities, training.flipped_labels,
             training.threshold_too_strict],
        properties=[properties.predict_labels], hidden=_hidden(
        lambda: hidden_inputs.predict_case(261, 5, 3, 11),
        lambda: hidden_inputs.predict_case(273, 1, 6, 4),
        lambda: hidden_inputs.predict_case(263, 4, 1, 9),
        lambda: hidden_inputs.predict_case(264, 2, 8, 1),     # a single example
        lambda: hidden_inputs.predict_case(265, 3, 5, 30),
    )),
}

check_layer_sizes = make_check(NOTEBOOK, SPECS["layer_sizes"])
check_initialize_parameters = make_check(NOTEBOOK, SPECS["initialize_parameters"])
check_forward_propagation = make_check(NOTEBOOK, SPECS["forward_propagation"])
check_compute_cost = make_check(NOTEBOOK, SPECS["compute_cost"])
check_backward_propagation = make_check(NOTEBOOK, SPECS["backward_propagation"])
check_update_parameters = make_check(NOTEBOOK, SPECS["update_parameters"])
check_nn_model = make_check(NOTEBOOK, SPECS["nn_model"])
check_predict = make_check(NOTEBOOK, SPECS["predict"])

__all__ = ["SPECS"] + [f"check_{name}" for name in SPECS]
