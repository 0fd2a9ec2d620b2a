"""Numerical gradient checking: is my backward propagation right?

Backpropagation is easy to get almost right. A missing ``1/m``, a transposed matrix or the
wrong activation derivative still gives arrays of the right shape, and gradient descent may even
still lower the cost a little. This module compares the gradients your backward function
computes (the *analytic* gradients) with gradients estimated from the cost alone (the
*numerical* gradients), one parameter entry at a time.

For a parameter entry ``θ`` the numerical gradient is the centred difference

    dJ/dθ  ≈  ( J(θ + ε) − J(θ − ε) ) / (2ε)

which is accurate up to terms of order ε² (a one-sided difference is only accurate up to ε).
The two gradients ``g`` (analytic) and ``g̃`` (numerical) are compared with the relative error

    ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂)

which does not depend on how large the gradients are. How to read it (with ε = 1e-7):

* below about 1e-7: the gradient is right;
* 1e-7 to 1e-5: look again. A kink (ReLU exactly at 0) or an ε that is too small for the
  precision of your cost can cause it;
* 1e-5 to 1e-3: suspicious;
* above about 1e-3: almost certainly a bug.

Course notation: examples are columns, ``X`` is ``(n_x, m)`` and ``Y`` is ``(1, m)``;
``parameters`` is a dict such as ``{"W1": (n_h, n_x), "b1": (n_h, 1), ...}`` or
``{"w": (n_x, 1), "b": float}``; the gradient of parameter ``k`` is ``grads["d" + k]`` and has the
shape of ``parameters[k]``.

Typical use, for a 2-layer network::

    from layerlab.gradcheck import gradient_check

    def cost(params):
        A2, cache = forward_propagation(X, params)
        return compute_cost(A2, Y)

    A2, cache = forward_propagation(X, parameters)
    grads = backward_propagation(parameters, cache, X, Y)
    result = gradient_check(cost, parameters, grads)   # prints a table
    result.passed                                       # True or False

Gradient checking is slow (two cost evaluations per parameter entry), so use it on a small
network or a few examples to debug, never inside the training loop.

The package's parts: :mod:`~layerlab.gradcheck.inputs` (the arguments, checked and explained),
:mod:`~layerlab.gradcheck.compute` (the differences and the check) and
:mod:`~layerlab.gradcheck.report` (the result and its table).
"""

from __future__ import annotations

from layerlab.gradcheck.compute import gradient_check, numerical_gradient, relative_error
from layerlab.gradcheck.inputs import GradientCheckError, MissingGradientError
from layerlab.gradcheck.report import HOW_TO_READ, EntryCheck, GradientCheckResult, ParameterCheck

__all__ = [
    "numerical_gradient",
    "relative_error",
    "gradient_check",
    "GradientCheckResult",
    "ParameterCheck",
    "EntryCheck",
    "GradientCheckError",
    "MissingGradientError",
]
