"""Widget-side passes of the playground's network for hidden activations other than tanh.

Why this module exists. The week-3 notebook builds a network with one hidden layer of **tanh**
units, and the playground trains that network with the student's own ``forward_propagation`` and
``backward_propagation``. Those two functions hard-wire tanh and its derivative, so they cannot
train a hidden layer of ReLU, leaky ReLU or sigmoid units, which the playground also offers. For
those three the playground uses the two passes below instead. Everything else still comes from the
student: the starting parameters (``initialize_parameters``), the cost (``compute_cost``) and the
gradient step (``update_parameters``).

This is not course code and never stands in for it: tanh is refused on purpose (the student's
functions are the only tanh network in the playground), and the functions here take the
activation by name. The equations are those of the notebook with g(z) in place of tanh(z):

    Z1 = W1 X + b1,  A1 = g(Z1),  Z2 = W2 A1 + b2,  A2 = sigmoid(Z2)
    dZ2 = A2 - Y,  dW2 = dZ2 A1^T / m,  db2 = row sums of dZ2 / m,
    dZ1 = (W2^T dZ2) * g'(Z1),  dW1 = dZ1 X^T / m,  db1 = row sums of dZ1 / m

Shapes: X (n_x, m), Y (1, m), W1 (n_h, n_x), b1 (n_h, 1), W2 (1, n_h), b2 (1, 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
from scipy.special import expit  # the logistic sigmoid, from SciPy

__all__ = ["Activation", "OTHER_ACTIVATIONS", "LEAKY_SLOPE", "variant_forward", "variant_gradients"]

#: slope of leaky ReLU for negative z (the value the week-3 notebook's figure uses)
LEAKY_SLOPE = 0.05


@dataclass(frozen=True)
class Activation:
    """A hidden-layer activation g: ``value(z)`` and its slope ``slope(z, a)`` = g'(z), where
    ``a = value(z)`` is passed too because some slopes are cheaper from it."""

    name: str
    value: Callable[[np.ndarray], np.ndarray]
    slope: Callable[[np.ndarray, np.ndarray], np.ndarray]


OTHER_ACTIVATIONS = {
    "relu": Activation("ReLU", lambda z: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(float)),
    "leaky relu": Activation(f"leaky ReLU (slope {LEAKY_SLOPE} below 0)",
                             lambda z: np.where(z > 0, z, LEAKY_SLOPE * z),
                             lambda z, a: np.where(z > 0, 1.0, LEAKY_SLOPE)),
    "sigmoid": Activation("sigmoid", expit, lambda z, a: a * (1.0 - a)),
}


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
    """Output probabilities of the network with hidden activation ``activation``.

    Arguments:
        X: inputs, (n_x, m). parameters: "W1" (n_h, n_x), "b1" (n_h, 1), "W2" (1, n_h), "b2" (1, 1).
        activation: a key of :data:`OTHER_ACTIVATIONS`.

    Returns:
        (A2, stored): A2 of shape (1, m); stored holds "Z1" and "A1" (n_h, m) for the gradients.
    """
    g = _activation(activation)
    hidden_in = parameters["W1"] @ X + parameters["b1"]
    hidden_out = g.value(hidden_in)
    output = expit(parameters["W2"] @ hidden_out + parameters["b2"])
    return output, {"Z1": hidden_in, "A1": hidden_out, "A2": output}


def variant_gradients(parameters: dict, stored: dict, X: np.ndarray, Y: np.ndarray,
                      activation: str) -> dict:
    """Gradients of the cross-entropy cost for the network of :func:`variant_forward`.

    Arguments:
        parameters: as in :func:`variant_forward`. stored: its second result. X: (n_x, m).
        Y: labels, (1, m). activation: the same name as in the forward pass.

    Returns:
        dict "dW1" (n_h, n_x), "db1" (n_h, 1), "dW2" (1, n_h), "db2" (1, 1).
    """
    g = _activation(activation)
    count = X.shape[1]
    out_error = stored["A2"] - Y
    hidden_error = (parameters["W2"].T @ out_error) * g.slope(stored["Z1"], stored["A1"])
    return {
        "dW1": hidden_error @ X.T / count,
        "db1": hidden_error.sum(axis=1, keepdims=True) / count,
        "dW2": out_error @ stored["A1"].T / count,
        "db2": out_error.sum(axis=1, keepdims=True) / count,
    }
