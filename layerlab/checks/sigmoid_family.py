"""Recognisers of the sigmoid's derivative s · (1 − s), s = σ(x) (``numpy_basics``:
``sigmoid_derivative``); the sigmoid's own (``basic_sigmoid``, ``sigmoid``, shared with
``logistic_regression``) are the table of :mod:`layerlab.checks.sigmoid_slips`.

They work on the input x, the expected output (``want`` = s(1 − s), of x's shape) and the returned
one, never on a copy of the solution: s is read back from the expected derivative, using the sign
of the input (σ(x) > 1/2 exactly when x > 0) to choose the root of s(1 − s) = want, or from the
returned value (s = √(1 − got) for tanh's derivative).
"""

from __future__ import annotations

import numpy as np

from layerlab.checks.relations import as_float_array, close
from layerlab.checks.sigmoid_slips import SLIPS, sigmoid_hints, slip_value  # noqa: F401 (specs find sigmoid_hints here)
from layerlab.judge.catalogue import mistake


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


# --------------------------------------------------------------------------- formulas of x and s

def recovered_s(x, want) -> np.ndarray | None:
    """s = σ(x) (x's shape) read back from the expected derivative s(1 − s): the root above 1/2
    where x > 0, below where x < 0; None when the data do not allow it."""
    x, d = as_float_array(x), as_float_array(want)
    if x is None or d is None or d.shape != x.shape or np.any(d < 0) or np.any(d > 0.25 + 1e-12):
        return None
    return 0.5 + 0.5 * np.sign(x) * np.sqrt(np.clip(1 - 4 * d, 0, None))


def _formula(id: str, title: str, value, sentence: str):
    """A recogniser of one wrong derivative formula ``value(x, s)`` (arrays of x's shape)."""
    @mistake(id, title, topic="derivatives")
    def hint(args, want, got):
        x = as_float_array(args[0])
        s = recovered_s(x, want)
        if s is None:
            return None
        with np.errstate(all="ignore"):
            candidate = value(x, s)
        if np.all(np.isfinite(candidate)) and not close(candidate, want) and close(got, candidate):
            return sentence
        return None

    hint.__name__ = id.split(".")[1].replace("-", "_")
    hint.__doc__ = f"The returned value is {title}."
    hint.sentence = sentence  # what docs/mistakes.md shows
    return hint


#: wrong formulas of the derivative in x and s = σ(x), tried in order after the ones above.
FORMULAS = [
    _formula("sigmoid-derivative.x-for-s", "s · (1 − x) or x · (1 − s): x where s = σ(x) belongs",
             lambda x, s: s * (1 - x),
             "σ(x) · (1 − x) uses x in the second factor: both factors use s = σ(x), s · (1 − s)"),
    _formula("sigmoid-derivative.x-for-s", "s · (1 − x) or x · (1 − s): x where s = σ(x) belongs",
             lambda x, s: x * (1 - s),
             "x · (1 − σ(x)) uses x in the first factor: both factors use s = σ(x), s · (1 − s)"),
    _formula("sigmoid-derivative.wrong-sign", "s · (s − 1): the derivative with the wrong sign",
             lambda x, s: s * (s - 1),
             "every value has the wrong sign: the derivative is s · (1 − s), with 1 − s, not s − 1 "
             "(the sigmoid grows, so its slope is positive)"),
    _formula("sigmoid-derivative.same-factor-twice", "s · s or (1 − s) · (1 − s): one factor twice",
             lambda x, s: s * s,
             "s · s uses the same factor twice: the derivative is s · (1 − s), with s = σ(x)"),
    _formula("sigmoid-derivative.same-factor-twice", "s · s or (1 − s) · (1 − s): one factor twice",
             lambda x, s: (1 - s) * (1 - s),
             "(1 − s) · (1 − s) uses the same factor twice: the derivative is s · (1 − s), with s = σ(x)"),
    _formula("sigmoid-derivative.tanh-derivative", "tanh's derivative 1 − s² used for the sigmoid",
             lambda x, s: 1 - np.tanh(x) ** 2,
             "1 − tanh²(x) is the derivative of tanh; the sigmoid's derivative is s · (1 − s) with "
             "s = σ(x)"),
]


def _s_is_a_slip(slip):
    """A recogniser of s · (1 − s) computed with one of the sigmoid slips as s."""
    @mistake("sigmoid-derivative.s-not-sigmoid", "s · (1 − s) with an s that is not σ(x)",
             topic="derivatives")
    def hint(args, want, got):
        v = slip_value(slip, args[0])
        if v is None or close(v * (1 - v), want) or not close(got, v * (1 - v)):
            return None
        return hint.sentence

    hint.__doc__ = f"The returned value is v · (1 − v) for v = {slip.formula} (a slip in s = σ(x))."
    hint.sentence = ("the formula s · (1 − s) is right, but your s is not σ(x): "
                     + slip.sentence("x").replace("you computed", "it is").replace("you returned", "it is"))
    return hint


DERIVATIVE_HINTS = [returned_s, returned_one_minus_s, tanh_derivative, one_plus_s, applied_to_x,
                    derivative_without_parentheses, *FORMULAS,
                    # e^(−x) as s before 1 − e^(−x): v and 1 − v give the same v · (1 − v)
                    *(_s_is_a_slip(slip) for slip in sorted(SLIPS, key=lambda slip: slip.id != "sigmoid.exp-alone"))]
