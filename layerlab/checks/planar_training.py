"""Recognisers of the week-3 planar classification checks of ``backward_propagation`` and
``update_parameters`` (``nn_model``'s and ``predict``'s: :mod:`layerlab.checks.planar_model`; see :mod:`layerlab.checks.planar_setup` for
the conventions and the shapes).

``backward_propagation``'s cases have m = n_x + 1 examples, so dW1 (n_h, n_x) and db1 (n_h, 1)
together determine dZ1 (n_h, m): the matrix [X; 1] (n_x + 1, m) is square and invertible, and a
wrong derivative factor shows up entry by entry. Two cases have m = n_h, so a missing ``.T`` in
dW2 (n_y, n_h) keeps the shape and only the values are wrong.
"""

from __future__ import annotations

import numpy as np

from layerlab.checks.relations import as_float_array, close, factor, item
from layerlab.checks.update_hints import divided_by_rate, wrong_gradient  # noqa: F401 (the specs use them from here)
from layerlab.judge.catalogue import mistake

PARAMETER_KEYS = ("W1", "b1", "W2", "b2")


# --------------------------------------------------------------------------- helpers

def _square_inverse(M: np.ndarray) -> np.ndarray | None:
    if M.ndim != 2 or M.shape[0] != M.shape[1]:
        return None
    try:
        return np.linalg.inv(M)
    except np.linalg.LinAlgError:
        return None


# --------------------------------------------------------------------------- backward_propagation

def _recovered_dZ1(grads, X) -> np.ndarray | None:
    """dZ1 (n_h, m) such that dW1 = dZ1 Xᵀ / m and db1 = Σ dZ1 / m, when the cases make it unique."""
    dW1, db1 = as_float_array(item(grads, "dW1")), as_float_array(item(grads, "db1"))
    n_x, m = X.shape
    if dW1 is None or db1 is None or dW1.ndim != 2 or dW1.shape[1] != n_x or db1.size != dW1.shape[0]:
        return None
    inverse = _square_inverse(np.vstack([X, np.ones((1, m))]).T)   # (m, n_x + 1) when m = n_x + 1
    if inverse is None:
        return None
    return m * np.hstack([dW1, db1.reshape(-1, 1)]) @ inverse


def _dZ1_pair(args, want, got):
    """(returned dZ1, expected dZ1) recovered from dW1 and db1 when they differ, else None."""
    X = args[2]
    dZ1, dZ1w = _recovered_dZ1(got, X), _recovered_dZ1(want, X)
    if dZ1 is None or dZ1w is None or dZ1.shape != dZ1w.shape or close(dZ1, dZ1w):
        return None
    return dZ1, dZ1w


def _derivative_hint(relation):
    """A hint that fires when the recovered dZ1 is a multiple of ``relation(dZ1w, A1, Z1)``."""
    def hint(args, want, got):
        pair = _dZ1_pair(args, want, got)
        if pair is None:
            return None
        candidate = relation(pair[1], args[1]["A1"], args[1]["Z1"])
        return hint.sentence if factor(pair[0], candidate) is not None else None
    return hint


def _derivative(id: str, title: str, sentence: str, relation, doc: str):
    hint = mistake(id, title, topic="derivatives")(_derivative_hint(relation))
    hint.sentence, hint.__doc__, hint.__name__ = sentence, doc, id.split(".")[1].replace("-", "_")
    return hint


# The expected dZ1 is dA1 · (1 − A1²); each relation rebuilds the returned dZ1 from it.
tanh_derivative_one_minus_a = _derivative(
    "backward.tanh-derivative-1-minus-a", "tanh's derivative written 1 − A1 instead of 1 − A1²",
    "tanh's derivative is 1 − tanh²(Z1) = 1 − A1**2, not 1 − A1",
    lambda dZ1w, A1, Z1: dZ1w / (1 + A1),
    "dW1 and db1 give dZ1 = (expected dZ1) / (1 + A1): the factor 1 − A1 instead of 1 − A1².")
sigmoid_derivative_in_hidden_layer = _derivative(
    "backward.sigmoid-derivative-in-hidden-layer", "the sigmoid's derivative where tanh's belongs",
    "A1 * (1 − A1) is the sigmoid's derivative; the hidden layer is tanh, whose derivative is 1 − A1**2",
    lambda dZ1w, A1, Z1: dZ1w * A1 / (1 + A1),
    "dW1 and db1 give dZ1 = (expected dZ1) · A1 / (1 + A1): the factor A1(1 − A1).")
derivative_of_z = _derivative(
    "backward.derivative-of-z", "1 − Z1² instead of 1 − A1²",
    "the derivative must use A1, not Z1: 1 − A1**2 (with A1 = tanh(Z1))",
    lambda dZ1w, A1, Z1: dZ1w * (1 - Z1 ** 2) / (1 - A1 ** 2),
    "dW1 and db1 give dZ1 = (expected dZ1) · (1 − Z1²) / (1 − A1²).")
relu_derivative_in_hidden_layer = _derivative(
    "backward.relu-derivative-in-hidden-layer", "ReLU's derivative (Z1 > 0) where tanh's belongs",
    "(Z1 > 0) is the ReLU's derivative; the hidden layer is tanh, whose derivative is 1 − A1**2",
    lambda dZ1w, A1, Z1: dZ1w / (1 - A1 ** 2) * (Z1 > 0),
    "dW1 and db1 give dZ1 = (expected dZ1) / (1 − A1²) · (Z1 > 0).")
tanh_applied_twice = _derivative(
    "backward.tanh-applied-twice", "1 − tanh²(A1): tanh applied to A1, which is already tanh(Z1)",
    "A1 is already tanh(Z1): the derivative is 1 − A1**2, not 1 − np.tanh(A1)**2 (tanh applied twice)",
    lambda dZ1w, A1, Z1: dZ1w / (1 - A1 ** 2) * (1 - np.tanh(A1) ** 2),
    "dW1 and db1 give dZ1 = (expected dZ1) · (1 − tanh²(A1)) / (1 − A1²).")
square_of_one_minus_a = _derivative(
    "backward.tanh-derivative-squared-difference", "(1 − A1)² instead of 1 − A1²",
    "tanh's derivative is 1 − A1**2 (A1 squared, then subtracted from 1), not (1 − A1)**2",
    lambda dZ1w, A1, Z1: dZ1w * (1 - A1) / (1 + A1),
    "dW1 and db1 give dZ1 = (expected dZ1) · (1 − A1)² / (1 − A1²).")
derivative_without_parentheses = _derivative(
    "backward.derivative-missing-parentheses", "W2ᵀ dZ2 * 1 - A1**2: the parentheses around 1 − A1² missing",
    "`* 1 - A1**2` multiplies first and then subtracts A1**2: put the derivative in parentheses, "
    "np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))",
    lambda dZ1w, A1, Z1: dZ1w / (1 - A1 ** 2) - A1 ** 2,
    "dW1 and db1 give dZ1 = (expected dZ1) / (1 − A1²) − A1².")
missing_derivative = _derivative(
    "backward.missing-derivative", "dZ1 without the factor g'(Z1)",
    "dZ1 is missing the factor g'(Z1) = 1 − A1**2 (element-wise `*`)",
    lambda dZ1w, A1, Z1: dZ1w / (1 - A1 ** 2),
    "dW1 and db1 give dZ1 = (expected dZ1) / (1 − A1²).")


def _dW2_pair(args, want, got):
    """(returned dW2, expected dZ2 / m recovered from the expected dW2) when dW2 differs, else None."""
    dW2, dW2w = as_float_array(item(got, "dW2")), as_float_array(item(want, "dW2"))
    if dW2 is None or dW2w is None or dW2.shape != dW2w.shape or close(dW2, dW2w):
        return None
    inv_A1T = _square_inverse(args[1]["A1"].T)
    return None if inv_A1T is None else (dW2, dW2w @ inv_A1T)


@mistake("backward.dw2-missing-transpose", "dW2 = dZ2 A1 without .T (n_h = m)", topic="shapes-and-transposes")
def dW2_missing_transpose(args, want, got):
    """dW2 · A1⁻¹ is a multiple of the expected dZ2 / m (the cases with n_h = m make A1 square)."""
    pair = _dW2_pair(args, want, got)
    inverse = _square_inverse(args[1]["A1"]) if pair else None
    if inverse is not None and factor(pair[0] @ inverse, pair[1]) is not None:
        return ("dW2 = (1/m) dZ2 A1ᵀ needs A1 transposed: np.dot(dZ2, A1.T). Without .T the shapes "
                "only fit because n_h = m in this case")
    return None


@mistake("backward.dw2-uses-z1", "dW2 computed with Z1 instead of A1", topic="gradients")
def dW2_uses_z1(args, want, got):
    """dW2 · (Z1ᵀ)⁻¹ is a multiple of the expected dZ2 / m."""
    pair = _dW2_pair(args, want, got)
    inverse = _square_inverse(args[1]["Z1"].T) if pair else None
    if inverse is not None and factor(pair[0] @ inverse, pair[1]) is not None:
        return "dW2 uses the hidden layer's output A1 (cache['A1']), not Z1"
    return None


@mistake("backward.dz2-from-z2", "dZ2 = Z2 − Y instead of A2 − Y", topic="gradients")
def dZ2_from_Z2(args, want, got):
    """db2 − expected db2 equals the mean of Z2 − A2 over the examples."""
    cache = args[1]
    db2, db2w = as_float_array(item(got, "db2")), as_float_array(item(want, "db2"))
    if db2 is None or db2.size != 1 or close(db2.reshape(-1), db2w.reshape(-1)):
        return None
    if np.isclose(float(db2.reshape(())) - float(db2w.reshape(())), float(np.mean(cache["Z2"] - cache["A2"])),
                  rtol=1e-6, atol=1e-12):
        return "dZ2 = A2 − Y uses the output A2 = σ(Z2) (cache['A2']), not Z2"
    return None


def _factors(want, got) -> dict:
    """Per gradient whose values differ: the factor c with returned = c · expected (or None)."""
    if not isinstance(got, dict):
        return {}
    return {k: factor(got.get(k), want[k]) for k in want if k in got and not close(got.get(k), want[k])}


@mistake("backward.gradients-not-averaged", "gradients summed over the examples, not divided by m",
         topic="gradients")
def gradients_not_averaged(args, want, got):
    """Some gradients are exactly m times the expected ones (only when m > 1)."""
    m = args[2].shape[1]
    too_large = [k for k, c in _factors(want, got).items() if c is not None and np.isclose(c, m)]
    if m > 1 and too_large:
        return (f"{', '.join(too_large)} {'is' if len(too_large) == 1 else 'are'} m = {m} times too "
                f"large: every gradient is an average over the m examples, so divide by m")
    return None


@mistake("backward.dz2-sign", "dZ2 = Y − A2 instead of A2 − Y", topic="gradients")
def dZ2_sign(args, want, got):
    """Every gradient is exactly −1 times the expected one."""
    factors = _factors(want, got)
    if len(factors) == len(want) and all(c is not None and np.isclose(c, -1) for c in factors.values()):
        return "every gradient has the wrong sign: dZ2 = A2 − Y (prediction minus label), not Y − A2"
    return None


@mistake("backward.bias-gradient-shape", "db1 or db2 without its column shape (no keepdims)",
         topic="rank-1-and-keepdims")
def bias_shapes(args, want, got):
    """db1 or db2 is a number, or an array with the right number of entries in another shape."""
    for key in ("db1", "db2"):
        value = item(got, key)
        expected = want[key].shape
        if isinstance(value, (float, int, np.number)) or (isinstance(value, np.ndarray) and value.shape != expected
                                                           and value.size == int(np.prod(expected))):
            return (f"{key} must keep its column shape {expected}: sum over the examples with "
                    f"np.sum(..., axis=1, keepdims=True), then divide by m")
    return None


# --------------------------------------------------------------------------- update_parameters

def _step_factor(args, want, got) -> float | None:
    """The c with (returned − old) = c · (expected − old) for every parameter, or None."""
    parameters = args[0]
    if not isinstance(got, dict):
        return None
    factors = [factor(as_float_array(got[k]) - parameters[k], want[k] - parameters[k])
               for k in PARAMETER_KEYS if k in got and k in want]
    if not factors or any(c is None for c in factors) or not np.allclose(factors, factors[0]):
        return None
    return factors[0]


@mistake("update.added-gradients", "θ + learning_rate · dθ: the gradient added, not subtracted",
         topic="gradient-descent")
def added_gradients(args, want, got):
    """Every parameter moved by exactly −1 times the expected step."""
    c = _step_factor(args, want, got)
    if c is not None and np.isclose(c, -1):
        return ("you added the gradients: gradient descent moves against them, "
                "θ = θ − learning_rate · dθ (adding climbs the cost)")
    return None


@mistake("update.fixed-learning-rate", "a fixed number instead of the learning_rate argument",
         topic="gradient-descent")
def fixed_learning_rate(args, want, got):
    """Every parameter moved by the same positive multiple (not 1) of the expected step."""
    learning_rate = args[2] if len(args) > 2 else 1.2
    c = _step_factor(args, want, got)
    divided = np.isclose(c * learning_rate, 1 / learning_rate) if c else False  # divided_by_rate's
    if c is not None and c > 0 and not np.isclose(c, 1) and not divided:
        return (f"every step is {c:.4g} times the expected one (as if the learning rate were "
                f"{c * learning_rate:.4g}, not {learning_rate:g}): use the learning_rate argument, "
                f"don't write a fixed number")
    return None


# nn_model's and predict's recognisers live in their own module; the specs find them here too
from layerlab.checks.planar_model import (  # noqa: E402,F401 (re-exported)
    flipped_labels, n_h_ignored, nn_another_path, nn_seed, returns_probabilities, threshold_too_strict,
    thresholds_hidden_layer, updates_thrown_away)
