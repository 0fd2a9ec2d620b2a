"""Recognisers of the week-4 step-by-step checks, second half: the backward pass and the update
(see :mod:`layerlab.checks.deep_forward` for the conventions and the shapes).

The backward cases hand over caches whose ReLU layers have one unit that is negative for every
example, so a correct ReLU backward step gives that unit's dW row (and db entry) exactly 0 and a
sigmoid step does not: that tells relu_backward and sigmoid_backward apart. Shapes: dZ (n, m),
A_prev (n_prev, m), W (n, n_prev); linear_backward returns dA_prev (n_prev, m), dW (n, n_prev),
db (n, 1).
"""

from __future__ import annotations

import numpy as np

from layerlab.checks.relations import as_float_array, close, factor, item
from layerlab.checks.update_hints import divided_by_rate, wrong_gradient  # noqa: F401 (the specs use them from here)
from layerlab.judge.catalogue import mistake


def _zero_rows(matrix) -> set:
    """Indices of the rows of a 2-D array that are exactly zero."""
    m = as_float_array(matrix)
    if m is None or m.ndim != 2:
        return set()
    return set(np.flatnonzero(np.all(m == 0, axis=1)).tolist())


# --------------------------------------------------------------------------- one layer

@mistake("backward.w-not-transposed", "dA_prev = W dZ without .T", topic="shapes-and-transposes")
def transpose_of_w_missing(args, want, got):
    """W is square and the returned dA_prev is W · dZ."""
    dZ, (A_prev, W, b) = args[0], args[1]
    dA_prev = as_float_array(item(got, 0))
    if W.shape[0] == W.shape[1] and dA_prev is not None and close(dA_prev, W @ dZ) \
            and not close(dA_prev, want[0]):
        return "dA_prev = W^T dZ: transpose W (np.dot(W.T, dZ))"
    return None


@mistake("backward.dw-argument-order", "dW = A_prev dZᵀ: the factors in the wrong order",
         topic="shapes-and-transposes")
def dW_argument_order(args, want, got):
    """The returned dW is exactly the transpose of the expected one (n ≠ n_prev)."""
    dW = as_float_array(item(got, 1))
    if dW is not None and want[1].shape[0] != want[1].shape[1] and close(dW, want[1].T):
        return ("dW has the shape of W, (n, n_prev): dZ comes first, np.dot(dZ, A_prev.T) / m "
                "(np.dot(A_prev, dZ.T) gives its transpose)")
    return None


@mistake("backward.gradients-not-averaged", "gradients summed over the examples, not divided by m",
         topic="gradients")
def layer_not_averaged(args, want, got):
    """dW or db is exactly m times the expected one (only when m > 1)."""
    m = args[1][0].shape[1]
    grown = [name for name, i in (("dW", 1), ("db", 2))
             if not close(item(got, i), want[i]) and factor(item(got, i), want[i]) is not None
             and np.isclose(factor(item(got, i), want[i]), m)]
    if m > 1 and grown:
        return (f"{' and '.join(grown)} {'is' if len(grown) == 1 else 'are'} m = {m} times too large: "
                f"dW and db are averages over the m examples, divide by m")
    return None


@mistake("backward.m-from-wrong-axis", "m read from A_prev.shape[0] instead of shape[1]",
         topic="shapes-and-transposes")
def m_from_the_wrong_axis(args, want, got):
    """dW (or db) is the expected one times m / n_prev (n_prev ≠ m): m = A_prev.shape[0]."""
    n_prev, m = args[1][0].shape
    if n_prev == m:
        return None
    if close(item(got, 1), want[1] * m / n_prev) or close(item(got, 2), want[2] * m / n_prev):
        return ("m is the number of examples, the number of columns of A_prev (A_prev.shape[1]); "
                "A_prev.shape[0] is the number of units of the previous layer")
    return None


def return_order(what: str):
    """The recogniser of a tuple whose items are the expected ones in another order."""

    @mistake("backward.return-order", "the right gradients returned in the wrong order", topic="return-values")
    def hint(args, want, got):
        """Every returned item equals exactly one expected item, and they are permuted."""
        if not isinstance(got, (tuple, list)) or len(got) != len(want):
            return None
        position = []
        for g in got:
            matches = [i for i, w in enumerate(want) if close(g, w)]
            if len(matches) != 1:
                return None
            position.append(matches[0])
        if sorted(position) == list(range(len(want))) and position != list(range(len(want))):
            return f"the values are right but in the wrong order: return {what}"
        return None
    return hint


def _dW_pairs(where: str, args, want, got):
    """(expected dW, returned dW, activation or None) of one layer or of every layer of grads."""
    if where == "layer":
        return [(want[1], item(got, 1), args[2])]
    if not isinstance(got, dict):
        return []
    return [(want[k], got[k], None) for k in want if k.startswith("dW") and k in got]


def sigmoid_backward_for_relu(where: str):
    """The recogniser of sigmoid_backward used in a ReLU layer (``where``: "layer" or "network")."""

    @mistake("backward.sigmoid-backward-for-relu", "sigmoid_backward in a ReLU layer", topic="derivatives")
    def hint(args, want, got):
        """The expected dW has exactly-zero rows (a dead ReLU unit) that the returned dW lacks."""
        for expected, returned, activation in _dW_pairs(where, args, want, got):
            g = as_float_array(returned)
            if g is not None and g.shape == np.shape(expected) and activation in (None, "relu") \
                    and _zero_rows(expected) - _zero_rows(g):
                return ("a ReLU layer passes no gradient where Z <= 0 (relu_backward), so a unit "
                        "whose Z is negative for every example gets a zero row in dW; yours does "
                        "not: use relu_backward for the \"relu\" layers (1, ..., L-1) and "
                        "sigmoid_backward only for the output layer")
        return None
    return hint


def relu_backward_for_sigmoid(where: str):
    """The recogniser of relu_backward used in the sigmoid layer (``where``: "layer" or "network")."""

    @mistake("backward.relu-backward-for-sigmoid", "relu_backward in the sigmoid layer", topic="derivatives")
    def hint(args, want, got):
        """The returned dW has exactly-zero rows where the expected (sigmoid) one has none."""
        for expected, returned, activation in _dW_pairs(where, args, want, got):
            g = as_float_array(returned)
            if g is not None and g.shape == np.shape(expected) and activation in (None, "sigmoid") \
                    and _zero_rows(g) - _zero_rows(expected):
                return ("a sigmoid layer's gradient is never exactly 0, but your dW has zero rows: "
                        "use sigmoid_backward for \"sigmoid\" (the output layer) and relu_backward "
                        "for \"relu\"")
        return None
    return hint


# --------------------------------------------------------------------------- the network

@mistake("backward.dal-sign", "dAL without the minus sign in front", topic="derivatives")
def dAL_sign(args, want, got):
    """Every returned dW{l} is exactly −1 times the expected one."""
    if not isinstance(got, dict):
        return None
    keys = [k for k in want if k.startswith("dW") and k in got]
    if keys and all(close(as_float_array(got[k]), -want[k]) for k in keys):
        return ("every gradient has the opposite sign: dAL = -(np.divide(Y, AL) - "
                "np.divide(1 - Y, 1 - AL)), with the minus sign in front")
    return None


@mistake("backward.gradients-not-averaged", "gradients summed over the examples, not divided by m",
         topic="gradients")
def network_not_averaged(args, want, got):
    """Every returned dW{l} and db{l} that differs is exactly m times the expected one (m > 1)."""
    m = args[0].shape[1]
    if not isinstance(got, dict) or m < 2:
        return None
    keys = [k for k in want if k[:2] in ("dW", "db") and k in got and not close(got[k], want[k])]
    factors = [factor(got[k], want[k]) for k in keys]
    if keys and all(c is not None and np.isclose(c, m) for c in factors):
        return (f"{', '.join(keys)} {'is' if len(keys) == 1 else 'are'} m = {m} times too large: every "
                f"dW and db is an average over the m examples, divide by m (in linear_backward)")
    return None


@mistake("backward.grads-numbering", "gradients numbered from 0, or dAL stored", topic="model-assembly")
def grads_numbering(args, want, got):
    """grads holds dW0 or db0, or dA{L}."""
    if not isinstance(got, dict):
        return None
    L = len(args[2])
    if any(k in got for k in ("dW0", "db0")):
        return (f"number the gradients like the layers: layer l's backward step gives dW{{l}}, "
                f"db{{l}} and dA{{l-1}}, so grads holds dW1..dW{L}, db1..db{L} and dA0..dA{L - 1}")
    if f"dA{L}" in got:
        return (f"dA{L} (dAL) is where the backward pass starts and is not stored: grads holds "
                f"dA0..dA{L - 1}, dW1..dW{L} and db1..db{L}")
    return None


@mistake("backward.loop-stops-early", "the backward loop stops before layer 1", topic="model-assembly")
def backward_stops_early(args, want, got):
    """grads holds dW{L} but neither dW1 nor dW0 (L >= 2)."""
    if not isinstance(got, dict):
        return None
    L = len(args[2])
    if L >= 2 and f"dW{L}" in got and "dW1" not in got and "dW0" not in got:
        return (f"the loop stops before layer 1: after the output layer {L}, visit every hidden "
                f"layer l = {L - 1}, ..., 1 (for l in reversed(range(1, L))), so that grads also "
                f"holds dW1, db1 and dA0")
    return None


@mistake("backward.output-step", "the output layer's gradients already wrong: dAL or its step",
         topic="derivatives")
def output_step_differs(args, want, got):
    """dW{L} has the right shape but other values, and not a constant multiple of the expected one
    (a sign or a factor m are named apart): the backward pass goes wrong at its start."""
    L = len(args[2])
    if not isinstance(got, dict):
        return None
    dW = as_float_array(got.get(f"dW{L}"))
    if dW is None or dW.shape != np.shape(want[f"dW{L}"]) or close(dW, want[f"dW{L}"]) \
            or factor(dW, want[f"dW{L}"]) is not None:
        return None
    return (f"already the output layer's dW{L} differs, so the backward pass goes wrong where it "
            f"starts: dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)) (each term with its own "
            f"denominator, AL and 1 - AL), then the \"sigmoid\" step with caches[L - 1]")


@mistake("backward.hidden-step", "a hidden layer's backward step with another layer's cache or dA",
         topic="model-assembly")
def first_wrong_hidden_layer(args, want, got):
    """dW{L} is right, and going down the first dW{l} that differs (in shape or values) is not a
    constant multiple of the expected one: layer l's step reads another cache or another dA."""
    L = len(args[2])
    if not isinstance(got, dict) or not close(got.get(f"dW{L}"), want[f"dW{L}"]):
        return None
    for l in range(L - 1, 0, -1):
        dW = as_float_array(got.get(f"dW{l}"))
        if dW is None:
            return None
        if not close(dW, want[f"dW{l}"]):
            if factor(dW, want[f"dW{l}"]) is not None:
                return None
            return (f"dW{L} down to dW{l + 1} are right, dW{l} is the first that differs: layer {l}'s "
                    f"step must read the dA{l} the layer above stored and its own cache, caches[{l - 1}] "
                    f"(caches[l - 1] for layer l), with \"relu\"")
    return None


# --------------------------------------------------------------------------- update

@mistake("update.added-gradients", "θ + learning_rate · dθ: the gradient added, not subtracted",
         topic="gradient-descent")
def update_direction(args, want, got):
    """Every returned parameter moved by exactly −1 times the expected step."""
    params = args[0]
    if not isinstance(got, dict):
        return None
    keys = [k for k in want if k in got and np.shape(as_float_array(got[k])) == want[k].shape]
    if keys and all(close(as_float_array(got[k]) - params[k], -(want[k] - params[k])) for k in keys):
        return ("you moved along the gradient, uphill: gradient descent subtracts, "
                "W = W - learning_rate * dW (and the same for b)")
    return None


@mistake("update.misses-last-layer", "the update loop stops before layer L", topic="model-assembly")
def update_misses_last_layer(args, want, got):
    """W{L} and b{L} are missing or unchanged while every other parameter is right."""
    params = args[0]
    L = sum(1 for key in params if str(key).startswith("W"))  # the number of layers
    if not isinstance(got, dict):
        return None
    last = (f"W{L}", f"b{L}")
    missing = all(k not in got for k in last)
    unchanged = all(k in got and close(got[k], params[k]) and not close(want[k], params[k]) for k in last)
    others_right = all(k in got and close(got[k], want[k]) for k in want if k not in last)
    if (missing or unchanged) and others_right:
        return (f"layer {L}, the last one, is not updated: params holds L = len(params) // 2 = {L} "
                f"layers, so loop over l = 1, ..., L (range(1, L + 1))")
    return None


@mistake("update.fixed-learning-rate", "a fixed number instead of the learning_rate argument",
         topic="gradient-descent")
def implied_learning_rate(args, want, got):
    """Every parameter moved by the same positive multiple r of its gradient, r not the learning rate."""
    params, grads = args[0], args[1]
    if not isinstance(got, dict):
        return None
    steps, rates = [], []
    for key in want:
        g = as_float_array(got.get(key))
        if g is None or g.shape != want[key].shape:
            return None
        gradient = grads["d" + key]
        big = np.abs(gradient) > 1e-8
        if big.any():
            steps.append((params[key] - g)[big] / gradient[big])
            rates.append((params[key] - want[key])[big] / gradient[big])
    if not steps:
        return None
    steps, rates = np.concatenate(steps), np.concatenate(rates)
    r, rate = float(np.median(steps)), float(np.median(rates))
    divided = rate > 0 and np.isclose(r, 1 / rate)  # the gradient divided by the rate: divided_by_rate's
    if np.allclose(steps, r, rtol=1e-6, atol=1e-12) and not np.isclose(r, rate) and r > 0 and not divided:
        return (f"every parameter moved by {r:.4g} times its gradient, as if the learning rate "
                f"were {r:.4g}: use the learning_rate argument")
    return None
