"""Recognisers of the sigmoid and its derivative, shared by the week-2 notebooks
(``numpy_basics``: ``basic_sigmoid``, ``sigmoid``, ``sigmoid_derivative``; ``logistic_regression``:
``sigmoid``).

They work on the expected output (``want`` = σ(x), of any shape) and the returned one, never on a
copy of the solution: since e^(−x) = 1/σ(x) − 1, the common wrong formulas are functions of the
expected output alone (``1 / 1 + e^(−x)`` gives 1/σ, ``1 / (1 − e^(−x))`` gives 1/(2 − 1/σ)).
The derivative recognisers read s back from the returned value (s = √(1 − got) for tanh's
derivative) and use the sign of the input (σ(x) > 1/2 exactly when x > 0) to tell s from 1 − s.
"""

from __future__ import annotations

import numpy as np

from layerlab.checks.relations import as_float_array, close
from layerlab.judge.catalogue import mistake


def sigmoid_hints(var: str) -> list:
    """The recognisers of a sigmoid whose argument is called ``var`` (``"x"`` or ``"z"``)."""

    @mistake("sigmoid.flipped-sign", "σ(−z) = 1 − σ(z) computed instead of σ(z)", topic="activations")
    def flipped_sign(args, want, got):
        """The returned value is 1 − want entry by entry: e^(+z) in the denominator."""
        if close(got, 1 - np.asarray(want, dtype=float)):
            return (f"you computed σ(−{var}) = 1 − σ({var}): the exponent must be −{var}, as in "
                    f"1 / (1 + e^(−{var}))")
        return None

    @mistake("sigmoid.missing-parentheses", "1 / 1 + e^(−z): the denominator without parentheses",
             topic="activations")
    def missing_parentheses(args, want, got):
        """The returned value is 1/want = 1 + e^(−z): ``1 / 1 + np.exp(-z)`` divides 1 by 1 first."""
        w = as_float_array(want)
        if w is not None and close(got, 1 / w):
            return (f"1 / 1 + np.exp(-{var}) divides 1 by 1 and then adds e^(−{var}): Python divides "
                    f"before it adds, so put the whole denominator in parentheses, "
                    f"1 / (1 + np.exp(-{var}))")
        return None

    @mistake("sigmoid.minus-in-denominator", "1 / (1 − e^(−z)): a minus in the denominator",
             topic="activations")
    def minus_in_denominator(args, want, got):
        """The returned value is 1 / (1 − e^(−z)), that is 1 / (2 − 1/want)."""
        w = as_float_array(want)
        if w is not None and np.all(np.abs(2 - 1 / w) > 1e-9) and close(got, 1 / (2 - 1 / w)):
            return f"the denominator is 1 + e^(−{var}), with a plus: 1 / (1 + np.exp(-{var}))"
        return None

    return [flipped_sign, missing_parentheses, minus_in_denominator]


def _sign_agrees(s: np.ndarray, x: np.ndarray) -> bool | None:
    """True when s > 1/2 exactly where x > 0 (s behaves like σ(x)), False when s < 1/2 there (like
    1 − σ(x)), None when the input has no nonzero entry to tell."""
    informative = np.abs(x) > 1e-6
    if not informative.any():
        return None
    above = (s - 0.5)[informative] * np.sign(x[informative])
    if np.all(above > 0):
        return True
    if np.all(above < 0):
        return False
    return None


@mistake("sigmoid-derivative.returned-s", "σ(x) returned instead of its derivative s(1 − s)",
         topic="derivatives")
def returned_s(args, want, got):
    """got·(1 − got) is the expected derivative and got > 1/2 where x > 0: got is s = σ(x)."""
    g, x = as_float_array(got), as_float_array(args[0])
    if g is None or x is None or g.shape != np.shape(want) or not close(g * (1 - g), want):
        return None
    if _sign_agrees(g, np.broadcast_to(x, g.shape)):
        return "you returned s = σ(x) itself; the derivative is s · (1 − s)"
    return None


@mistake("sigmoid-derivative.returned-one-minus-s", "1 − s returned instead of s(1 − s)",
         topic="derivatives")
def returned_one_minus_s(args, want, got):
    """got·(1 − got) is the expected derivative and got < 1/2 where x > 0: got is 1 − s."""
    g, x = as_float_array(got), as_float_array(args[0])
    if g is None or x is None or g.shape != np.shape(want) or not close(g * (1 - g), want):
        return None
    if _sign_agrees(g, np.broadcast_to(x, g.shape)) is False:
        return ("you returned 1 − s, one factor of the derivative: multiply it by s = σ(x), "
                "s · (1 − s)")
    return None


@mistake("sigmoid-derivative.tanh-derivative", "tanh's derivative 1 − s² used for the sigmoid",
         topic="derivatives")
def tanh_derivative(args, want, got):
    """s = √(1 − got) lies in (0, 1) and s(1 − s) is the expected derivative: got = 1 − s²."""
    g = as_float_array(got)
    if g is None or g.shape != np.shape(want) or np.any(g > 1) or np.any(g <= 0):
        return None
    s = np.sqrt(1 - g)
    if close(s * (1 - s), want):
        return ("1 − s² is the derivative of tanh (1 − tanh²); the sigmoid's derivative is "
                "s · (1 − s) with s = σ(x)")
    return None


@mistake("sigmoid-derivative.one-plus-s", "s(1 + s) instead of s(1 − s)", topic="derivatives")
def one_plus_s(args, want, got):
    """s = (√(1 + 4·got) − 1) / 2 lies in (0, 1) and s(1 − s) is the expected derivative: got = s(1 + s)."""
    g = as_float_array(got)
    if g is None or g.shape != np.shape(want) or np.any(g <= 0) or np.any(g >= 2) or close(g, want):
        return None
    s = (np.sqrt(1 + 4 * g) - 1) / 2
    if close(s * (1 - s), want):
        return "you computed s · (1 + s): the derivative is s · (1 - s), with a minus"
    return None


@mistake("sigmoid-derivative.applied-to-x", "x(1 − x) computed on the input instead of on s = σ(x)",
         topic="derivatives")
def applied_to_x(args, want, got):
    """The returned value is x·(1 − x) of the input x itself."""
    x = as_float_array(args[0])
    if x is not None and close(got, x * (1 - x)):
        return "you applied x · (1 − x) to x; first compute s = σ(x), then return s · (1 − s)"
    return None


@mistake("sigmoid-derivative.missing-parentheses", "s * 1 - s: the parentheses around 1 − s missing",
         topic="derivatives")
def derivative_without_parentheses(args, want, got):
    """Every returned value is 0 while the derivative is not: ``s * 1 - s`` multiplies first and
    leaves s − s = 0."""
    g = as_float_array(got)
    if g is not None and g.shape == np.shape(want) and g.size and not np.any(g) and np.any(want):
        return ("every value is 0: s * 1 - s multiplies first, (s * 1) - s = 0; put 1 − s in "
                "parentheses, s * (1 - s)")
    return None


DERIVATIVE_HINTS = [returned_s, returned_one_minus_s, tanh_derivative, one_plus_s, applied_to_x,
                    derivative_without_parentheses]
