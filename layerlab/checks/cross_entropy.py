"""Recognisers of the cross-entropy cost J = −(1/m) Σ [y log a + (1 − y) log(1 − a)], shared by
the ``compute_cost`` checks of week 3 (``A2, Y``) and week 4 (``AL, Y``).

Every recogniser gets the case's inputs ``(A, Y)`` (A and Y of shape (1, m)), the expected cost
(one number) and the returned one. They compare the returned number with the expected one (a sign,
a factor m, a factor ln 10) or with a cost built from *one* of the two log terms of the inputs, or
from a wrong log term; none of them computes the right cost. Factor relations are only used when
m > 1 (with one example, "m times too large" means nothing).
"""

from __future__ import annotations

import math

import numpy as np

from layerlab.checks.relations import as_float_array, scalar
from layerlab.judge.catalogue import MISTAKES, identify, mistake


def _numbers(args, want, got):
    """(A, Y, m, expected cost, returned cost) as floats, or None when the cost is not one number."""
    A, Y = as_float_array(args[0]), as_float_array(args[1])
    g, w = scalar(got), scalar(want)
    if A is None or Y is None or g is None or w is None or not math.isfinite(g) or A.shape != Y.shape:
        return None
    return A, Y, Y.shape[-1], w, g


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


@mistake("cost.wrong-sign", "the cost without the minus sign in front", topic="cost")
def wrong_sign(args, want, got):
    """The returned cost is −J: the log of a probability is negative."""
    n = _numbers(args, want, got)
    if n and _same(n[4], -n[3]):
        return ("the cost came out negative: the logarithm of a probability is negative, so the "
                "cross-entropy has a minus sign in front, J = −(1/m) Σ (...)")
    return None


@mistake("cost.sum-not-mean", "the cost summed over the examples, not averaged", topic="cost")
def sum_not_mean(args, want, got):
    """The returned cost is m·J (m > 1): the division by m is missing."""
    n = _numbers(args, want, got)
    if n and n[2] > 1 and _same(n[4], n[2] * n[3]):
        return f"this is the sum over the m = {n[2]} examples: the cost is their average, divide by m"
    if n and n[2] > 1 and _same(n[4], -n[2] * n[3]):
        return f"both the minus sign in front and the division by m = {n[2]} are missing"
    return None


@mistake("cost.divided-twice", "the cost divided by m twice", topic="cost")
def divided_twice(args, want, got):
    """The returned cost is J/m (m > 1): np.mean and a division by m together."""
    n = _numbers(args, want, got)
    if n and n[2] > 1 and _same(n[4], n[3] / n[2]):
        return f"divided by m = {n[2]} twice? np.mean already divides by m"
    return None


@mistake("cost.log10", "np.log10 instead of the natural logarithm np.log", topic="cost")
def log10(args, want, got):
    """The returned cost is J / ln 10: every logarithm was taken in base 10."""
    n = _numbers(args, want, got)
    if n and _same(n[4], n[3] / math.log(10)):
        return "the cross-entropy uses the natural logarithm: np.log, not np.log10"
    return None


def _term_costs(A: np.ndarray, Y: np.ndarray) -> dict[str, float]:
    """Costs built from one log term, or from a wrong one (each averaged with the minus sign)."""
    m = Y.shape[-1]
    first, second = Y * np.log(A), (1 - Y) * np.log(1 - A)
    return {
        "only-first": -float(np.sum(first)) / m,
        "only-second": -float(np.sum(second)) / m,
        "log-a-twice": -float(np.sum(first + (1 - Y) * np.log(A))) / m,
        "swapped": -float(np.sum(Y * np.log(1 - A) + (1 - Y) * np.log(A))) / m,
        "y-twice": -float(np.sum(first + Y * np.log(1 - A))) / m,
    }


@mistake("cost.missing-term", "one of the two log terms of the cross-entropy left out", topic="cost")
def missing_term(args, want, got):
    """The returned cost is −(1/m) Σ y log a alone, or −(1/m) Σ (1 − y) log(1 − a) alone."""
    n = _numbers(args, want, got)
    if not n or _same(n[4], n[3]):
        return None
    costs = _term_costs(n[0], n[1])
    if _same(n[4], costs["only-first"]):
        return ("the cost has only the term y·log(a): add (1 − y)·log(1 − a), which is what "
                "counts for the examples with label 0")
    if _same(n[4], costs["only-second"]):
        return ("the cost has only the term (1 − y)·log(1 − a): add y·log(a), which is what "
                "counts for the examples with label 1")
    return None


@mistake("cost.wrong-log-term", "log(a) where log(1 − a) belongs, or the two logs swapped", topic="cost")
def wrong_log_term(args, want, got):
    """The returned cost uses log(a) in the (1 − y) term, y as the second term's factor, or
    log(1 − a) with y and log(a) with 1 − y."""
    n = _numbers(args, want, got)
    if not n or _same(n[4], n[3]):
        return None
    costs = _term_costs(n[0], n[1])
    if _same(n[4], costs["log-a-twice"]):
        return "the second term is (1 − y)·log(1 − a): log of 1 − a, not of a"
    if _same(n[4], costs["y-twice"]):
        return "the second term is (1 − y)·log(1 − a): its factor is 1 − y, not y"
    if _same(n[4], costs["swapped"]):
        return ("the logs are swapped: y goes with log(a) and (1 − y) with log(1 − a), "
                "J = −(1/m) Σ [y log a + (1 − y) log(1 − a)]")
    return None


@mistake("cost.log-of-negative", "a cost of NaN: the log of a negative number such as a − 1", topic="cost")
def log_of_negative(args, want, got):
    """The expected cost is finite, the returned one NaN, and every a lies strictly in (0, 1): some
    log met a negative number, such as log(a − 1) where log(1 − a) belongs."""
    A, g = as_float_array(args[0]), scalar(got)
    if A is None or g is None or not math.isnan(g) or not math.isfinite(scalar(want) or math.nan) \
            or not np.all((A > 0) & (A < 1)):
        return None
    return ("the cost is NaN, and every a lies in (0, 1): a log was taken of a negative number, such "
            "as log(a − 1); the second term is (1 − y)·log(1 − a)")


HINTS = [wrong_sign, sum_not_mean, divided_twice, log10, missing_term, wrong_log_term, log_of_negative]


def adapted(recogniser, parts):
    """``recogniser`` (one of :data:`HINTS`) for a function that computes the cost among other
    things (logistic regression's ``propagate``): ``parts(args, want, got)`` returns
    ``((A, Y), expected cost, returned cost)``, or None when A cannot be known. Same identifier,
    same sentences."""
    id = identify(recogniser)
    entry = MISTAKES[id]

    @mistake(id, entry.title, topic=entry.topic)
    def hint(args, want, got):
        found = parts(args, want, got)
        return recogniser(*found) if found is not None else None

    hint.__name__, hint.__doc__ = recogniser.__name__, recogniser.__doc__
    return hint
