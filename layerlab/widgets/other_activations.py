"""Hidden activations other than tanh in the week-3 playground, trained with the student's code.

Why this module exists. The week-3 notebook builds a network with one hidden layer of **tanh**
units; the playground also offers ReLU, leaky ReLU and sigmoid hidden units. The student's
``forward_propagation`` and ``backward_propagation`` are written for tanh. This module lets the
playground train the other three **without a backward pass of its own**: every gradient comes
from the student's ``backward_propagation``, called twice per gradient step with adjusted caches.

The forward pass (widget-side). :func:`variant_forward` is a short forward pass of the network
with hidden activation g; it is not the notebook's code and never stands in for it (tanh is
refused: the student's ``forward_propagation`` is the only tanh network in the playground)::

    Z1 = W1 X + b1,  A1 = g(Z1),  Z2 = W2 A1 + b2,  A2 = sigmoid(Z2)

The gradients (the student's ``backward_propagation``, twice). The notebook's backward pass reads
the cache and computes, with tanh's slope taken from the cache's A1 as 1 - A1**2::

    dZ2 = A2 - Y,  dW2 = dZ2 A1^T / m,  db2 = row sums of dZ2 / m,
    dZ1 = (W2^T dZ2) * (1 - A1**2),  dW1 = dZ1 X^T / m,  db1 = row sums of dZ1 / m

For activation g the right dZ1 has g'(Z1) where tanh's version has 1 - A1**2. So:

1. call it with the true cache (A1 = g(Z1)): its ``dW2`` and ``db2`` are right for g;
2. call it with A1 replaced by ``sqrt(1 - g'(Z1))``: then 1 - A1**2 = g'(Z1), so its ``dZ1`` and
   therefore its ``dW1`` and ``db1`` are right for g (dZ2 does not change: A2 is the same).

This needs 0 <= g'(z) <= 1, which holds for ReLU, leaky ReLU (slope :data:`LEAKY_SLOPE` < 1) and
sigmoid (at most 1/4). It also needs the student's function to take tanh's slope from A1, as the
notebook's equations do; a correct function that computes it from Z1 instead (e.g.
``1 - np.tanh(Z1)**2``) gives tanh's slope in call 2. :func:`check_two_calls` finds out once per
start, by comparing the cost's slope along each layer's part of the combined gradient with a
finite difference of the student's ``compute_cost``; when the check fails the playground falls
back to tanh and says why in its status line.

Shapes: X (n_x, m), Y (1, m), W1 (n_h, n_x), b1 (n_h, 1), W2 (1, n_h), b2 (1, 1); the cache holds
"Z1", "A1" (n_h, m) and "Z2", "A2" (1, m), the keys of the notebook's cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
from scipy.special import expit  # the logistic sigmoid, from SciPy

__all__ = ["Activation", "OTHER_ACTIVATIONS", "LEAKY_SLOPE", "TOLERANCE", "variant_forward",
           "slope_cache", "variant_gradients", "check_two_calls", "check_tanh"]

#: slope of leaky ReLU for negative z (the value the week-3 notebook's figure uses); must be < 1
LEAKY_SLOPE = 0.05
#: largest relative difference between the cost's slope along the gradient and its finite
#: difference that :func:`check_two_calls` accepts (a wrong slope gives differences near 1)
TOLERANCE = 1e-4


@dataclass(frozen=True)
class Activation:
    """A hidden-layer activation g: ``value(z)`` = g(z) and ``slope(z)`` = g'(z), between 0 and 1."""

    name: str
    value: Callable[[np.ndarray], np.ndarray]
    slope: Callable[[np.ndarray], np.ndarray]


OTHER_ACTIVATIONS = {
    "relu": Activation("ReLU", lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(float)),
    "leaky relu": Activation(f"leaky ReLU (slope {LEAKY_SLOPE} below 0)",
                             lambda z: np.where(z > 0, z, LEAKY_SLOPE * z),
                             lambda z: np.where(z > 0, 1.0, LEAKY_SLOPE)),
    # sigmoid(z) = (1 + tanh(z / 2)) / 2, so its slope is (1 - tanh(z / 2)**2) / 4
    "sigmoid": Activation("sigmoid", expit, lambda z: 0.25 * (1.0 - np.tanh(0.5 * z) ** 2)),
}

Backward = Callable[[dict, dict, np.ndarray, np.ndarray], dict]


def _activation(name: str) -> Activation:
    if name == "tanh":
        raise ValueError("the playground trains tanh networks with the student's own functions, "
                         "not with this module")
    try:
        return OTHER_ACTIVATIONS[name]
    except KeyError:
        raise ValueError(f"unknown hidden activation {name!r}; this module has "
                         f"{', '.join(OTHER_ACTIVATIONS)}") from None


def variant_forward(X: np.ndarray, parameters: dict, activation: str) -> tuple[np.ndarray, dict]:
    """Output probabilities of the network with hidden activation ``activation`` (widget-side
    forward pass, see the module's docstring).

    Arguments:
        X: inputs, (n_x, m). parameters: "W1" (n_h, n_x), "b1" (n_h, 1), "W2" (1, n_h), "b2" (1, 1).
        activation: a key of :data:`OTHER_ACTIVATIONS`.

    Returns:
        (A2, cache): A2 of shape (1, m); cache with the notebook's keys "Z1", "A1" (n_h, m),
        "Z2", "A2" (1, m).
    """
    g = _activation(activation)
    hidden_in = parameters["W1"] @ X + parameters["b1"]
    hidden_out = g.value(hidden_in)
    output_in = parameters["W2"] @ hidden_out + parameters["b2"]
    output = expit(output_in)
    return output, {"Z1": hidden_in, "A1": hidden_out, "Z2": output_in, "A2": output}


def slope_cache(cache: dict, activation: str) -> dict:
    """The cache of call 2: a copy of ``cache`` whose "A1" is sqrt(1 - g'(Z1)), so that tanh's
    slope 1 - A1**2 computed from it is g'(Z1). Shapes as in ``cache``."""
    g = _activation(activation)
    stand_in = np.sqrt(np.clip(1.0 - g.slope(cache["Z1"]), 0.0, 1.0))
    return dict(cache, A1=stand_in)


def variant_gradients(backward_propagation: Backward, parameters: dict, cache: dict,
                      X: np.ndarray, Y: np.ndarray, activation: str) -> dict:
    """Gradients of the cost for the network of :func:`variant_forward`, from two calls of the
    student's ``backward_propagation`` (see the module's docstring).

    Arguments:
        backward_propagation: the student's function (parameters, cache, X, Y) -> grads.
        parameters: as in :func:`variant_forward`. cache: its second result. X: (n_x, m).
        Y: labels, (1, m). activation: the same name as in the forward pass.

    Returns:
        dict "dW1" (n_h, n_x), "db1" (n_h, 1) from call 2 and "dW2" (1, n_h), "db2" (1, 1) from
        call 1. Raises KeyError if a call returns a dict without these keys.
    """
    outer = backward_propagation(parameters, dict(cache), X, Y)
    inner = backward_propagation(parameters, slope_cache(cache, activation), X, Y)
    return {"dW1": inner["dW1"], "db1": inner["db1"], "dW2": outer["dW2"], "db2": outer["db2"]}


# ---------------------------------------------------------------------- checking the two calls
def _probe_problem() -> tuple[np.ndarray, np.ndarray, dict]:
    """A fixed small problem for the checks: X (2, 8), Y (1, 8) and unit-scale parameters of 3
    hidden units (away from ReLU's kink at every point, so finite differences are smooth)."""
    rng = np.random.RandomState(8)
    X = rng.randn(2, 8)
    Y = (rng.rand(1, 8) > 0.5).astype(float)
    parameters = {"W1": rng.randn(3, 2), "b1": rng.randn(3, 1), "W2": rng.randn(1, 3),
                  "b2": rng.randn(1, 1)}
    return X, Y, parameters


def _directional_mismatch(cost_at: Callable[[dict], float], parameters: dict, grads: dict) -> float:
    """How far ``grads`` is from the gradient of ``cost_at`` at ``parameters``, measured along
    ``grads`` itself, once for each layer's part ("W1", "b1" and "W2", "b2"): the slope of the cost
    along the part that ``grads`` claims (the part's squared norm) against the centred finite
    difference of ``cost_at`` along it (two cost evaluations per layer). Returns the larger
    relative difference: ~1e-10 for a right gradient, inf if something is not finite."""
    worst = 0.0
    for layer in ("1", "2"):
        direction = {name: (np.asarray(grads["d" + name], dtype=float) if name.endswith(layer)
                            else np.zeros_like(value)) for name, value in parameters.items()}
        claimed = float(sum(np.sum(d ** 2) for d in direction.values()))
        if not np.isfinite(claimed) or claimed == 0.0:
            return float("inf")
        step = 1e-5 / np.sqrt(claimed)  # the parameters move by 1e-5 (Euclidean) either way
        plus = {name: value + step * direction[name] for name, value in parameters.items()}
        minus = {name: value - step * direction[name] for name, value in parameters.items()}
        measured = (cost_at(plus) - cost_at(minus)) / (2 * step)
        mismatch = abs(measured - claimed) / claimed
        worst = max(worst, float(mismatch) if np.isfinite(mismatch) else float("inf"))
    return worst


def check_two_calls(compute_cost: Callable, backward_propagation: Backward, activation: str) -> float:
    """Do two calls of this ``backward_propagation`` give the gradient of ``compute_cost`` for a
    hidden layer of ``activation``? Returns the relative mismatch on a small fixed problem (five
    forward passes of 8 points, two backward calls): below :data:`TOLERANCE` means yes (a right
    function gives ~1e-10); one that takes tanh's slope from Z1 gives more than 0.5 there.

    ``compute_cost(A2, Y)`` and ``backward_propagation(parameters, cache, X, Y)`` are the
    student's functions (whatever they raise propagates)."""
    X, Y, parameters = _probe_problem()
    _, cache = variant_forward(X, parameters, activation)
    grads = variant_gradients(backward_propagation, parameters, cache, X, Y, activation)

    def cost_at(p):
        return float(np.asarray(compute_cost(variant_forward(X, p, activation)[0], Y), dtype=float))

    return _directional_mismatch(cost_at, parameters, grads)


def check_tanh(forward_propagation: Callable, compute_cost: Callable,
               backward_propagation: Backward) -> float:
    """The same check for the student's own tanh network (one backward call): the relative
    mismatch between ``backward_propagation`` and a finite difference of ``compute_cost`` after
    ``forward_propagation``. Used to tell a slope taken from Z1 from a wrong gradient."""
    X, Y, parameters = _probe_problem()
    _, cache = forward_propagation(X, parameters)
    grads = backward_propagation(parameters, cache, X, Y)

    def cost_at(p):
        return float(np.asarray(compute_cost(forward_propagation(X, p)[0], Y), dtype=float))

    return _directional_mismatch(cost_at, parameters, grads)
