"""Recognisers of the week-3 planar classification checks, first half: ``layer_sizes``,
``initialize_parameters`` and ``compute_cost``'s return type (``forward_propagation``'s are in
:mod:`layerlab.checks.planar_forward`; the cost's value recognisers are shared with week 4 in
:mod:`layerlab.checks.cross_entropy`).

Each takes ``(args, want, got)`` (a hint) or ``(args, got)`` (a property) as described in
:mod:`layerlab.checks.runner`; they look at relations between the inputs, the expected and the
returned values (a ratio, a sign, a range, which entries are exactly zero) and contain no solution.
Shapes: X (n_x, m), Y (n_y, m), W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1); the cache
holds Z1, A1 (n_h, m) and Z2, A2 (n_y, m).
"""

from __future__ import annotations

import numpy as np

from layerlab.checks.relations import as_float_array, close, factor, item
from layerlab.judge.catalogue import mistake

#: Seeds tried when recognising a student who seeds inside a function.
COMMON_SEEDS = tuple(range(101)) + (123, 1234, 12345, 2024, 2025, 2026)


# --------------------------------------------------------------------------- layer_sizes

@mistake("layer-sizes.wrong-size", "n_x or n_y fixed or read from the wrong axis; n_h not 4",
         topic="shapes-and-transposes")
def layer_sizes_hints(args, want, got):
    """A returned size differs from X.shape[0], Y.shape[0] or 4: read from the columns (m) or written as a fixed number."""
    X, Y = args
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        return None
    n_x, n_h, n_y = got
    notes = []
    if n_x != X.shape[0]:
        if n_x == X.shape[1]:
            notes.append("n_x is the number of rows of X (features per example); the number of "
                         "columns is m, the number of examples")
        else:
            notes.append(f"n_x must be read from X.shape[0] (here {X.shape[0]}), not written as a "
                         f"fixed number such as {n_x}: the function must work for any data")
    if n_y != Y.shape[0]:
        if n_y == Y.shape[1]:
            notes.append("n_y is the number of rows of Y; its number of columns is m")
        else:
            notes.append(f"n_y must be read from Y.shape[0] (here {Y.shape[0]}), not fixed at {n_y}")
    if n_h != 4:
        notes.append("the hidden layer has n_h = 4 units in this exercise")
    return "; ".join(notes) or None


@mistake("layer-sizes.returns-a-list", "layer_sizes returns a list, not a tuple",
         topic="return-values")
def returns_a_tuple(args, got):
    """Property: layer_sizes returns a tuple."""
    if isinstance(got, list):
        return "layer_sizes must return a tuple (n_x, n_h, n_y), not a list: `return (a, b, c)`"
    return None


# --------------------------------------------------------------------------- initialize_parameters

@mistake("initialize.seeded-inside", "np.random.seed called inside initialize_parameters",
         topic="initialisation")
def seeded_inside(args, want, got):
    """W1 is exactly np.random.RandomState(s).randn(n_h, n_x) * 0.01 for a common seed s."""
    n_x, n_h, n_y = args
    W1 = as_float_array(item(got, "W1"))
    if W1 is None or W1.shape != (n_h, n_x) or close(W1, item(want, "W1")):
        return None
    for seed in COMMON_SEEDS:
        if close(W1, np.random.RandomState(seed).randn(n_h, n_x) * 0.01):
            return (f"your W1 is exactly what np.random.seed({seed}) gives: do not call np.random.seed "
                    f"inside initialize_parameters. The caller seeds (this check seeds before each "
                    f"call with another number; nn_model seeds with 3), and your function must draw "
                    f"from wherever the generator stands")
    return None


@mistake("initialize.drawing-order", "W2 drawn before W1", topic="initialisation")
def drawing_order(args, want, got):
    """W2 is the first W2.size numbers of the expected draws (W1 then W2)."""
    W1, W2 = as_float_array(item(got, "W1")), as_float_array(item(got, "W2"))
    W1w, W2w = as_float_array(item(want, "W1")), as_float_array(item(want, "W2"))
    if W1 is None or W2 is None or W2.shape != W2w.shape or close(W2, W2w):
        return None
    stream = np.concatenate([W1w.ravel(), W2w.ravel()])  # the draws, in the expected order
    if close(W2.ravel(), stream[:W2.size]):
        return "W2 was drawn before W1: draw W1 first, then W2, so that everyone gets the same numbers"
    return None


def _weights(want, got):
    """(returned W1, expected W1) as float arrays of one shape, or None."""
    W1, W1w = as_float_array(item(got, "W1")), as_float_array(item(want, "W1"))
    if W1 is None or W1w is None or W1.shape != W1w.shape:
        return None
    return W1, W1w


@mistake("initialize.zero-weights", "weights initialised to zero (symmetry)", topic="initialisation")
def zero_weights(args, want, got):
    """W1 is all zeros."""
    pair = _weights(want, got)
    if pair is not None and not np.any(pair[0]):
        return ("W1 is all zeros: then every hidden unit computes the same thing and gets the same "
                "update forever (symmetry); draw random weights with np.random.randn")
    return None


@mistake("initialize.weights-not-scaled", "random weights not multiplied by 0.01", topic="initialisation")
def weights_not_scaled(args, want, got):
    """W1 is exactly 100 times the expected W1."""
    pair = _weights(want, got)
    c = factor(*pair) if pair is not None else None
    if c is not None and np.isclose(c, 100):
        return "the weights are 100 times too large: multiply the random numbers by 0.01"
    return None


def rand_not_randn_of(weights):
    """The np.random.rand recogniser for the weights ``weights(want, got)`` picks: a pair of
    (returned, expected) float arrays of one shape, or None."""

    @mistake("initialize.rand-not-randn", "np.random.rand (uniform, positive) instead of np.random.randn",
             topic="initialisation")
    def rand_not_randn(args, want, got):
        """Every returned weight is >= 0 (at least 4 of them) while the expected ones have both signs."""
        pair = weights(want, got)
        if pair is not None and pair[0].size >= 4 and np.all(pair[0] >= 0) and np.any(pair[1] < 0):
            return ("all your weights are positive: np.random.rand draws uniformly from [0, 1); use "
                    "np.random.randn (standard normal, both signs)")
        return None
    return rand_not_randn


rand_not_randn = rand_not_randn_of(_weights)


@mistake("initialize.random-biases", "biases drawn at random instead of zeros",
         topic="initialisation")
def random_biases(args, want, got):
    """b1 or b2 has a nonzero entry."""
    for key in ("b1", "b2"):
        b = as_float_array(item(got, key))
        if b is not None and b.size and np.any(b):
            return "the biases start at zero (np.zeros with shape (n, 1)); only the weights are random"
    return None


# --------------------------------------------------------------------------- compute_cost

@mistake("cost.not-a-python-float", "the cost returned as a NumPy scalar, int or 0-d array",
         topic="return-values")
def python_float(args, got):
    """Property: compute_cost returns a Python float (a 0-d array or an int is not one)."""
    if isinstance(got, np.ndarray):
        if got.ndim == 0:
            return "compute_cost must return a Python float, not a 0-d NumPy array: return float(cost)"
        return None  # arrays of other shapes are explained by the value comparison
    if isinstance(got, (int, np.number)) and not isinstance(got, (bool, float)):
        return (f"compute_cost must return a Python float, got {type(got).__name__}: "
                f"return float(cost)")
    return None


