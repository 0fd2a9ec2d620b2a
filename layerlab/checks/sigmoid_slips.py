"""The common slips in writing σ(x) = 1 / (1 + e^(−x)), as one table tried in order.

Each :class:`Slip` is a wrong formula students write for the sigmoid, as a function of the input
alone (``x`` a number or an array of any shape, the result of the same shape), with the sentence
that names it. :func:`sigmoid_hints` turns the table into the recognisers of a sigmoid
(``basic_sigmoid``, ``sigmoid``); :mod:`layerlab.checks.sigmoid_family` reuses it for a derivative
s · (1 − s) whose s was one of these slips. None of the formulas is the sigmoid itself, and a slip
whose value equals the expected one (e.g. e^x / (1 + e^x)) is no mistake and is never named.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from layerlab.checks.relations import as_float_array, close
from layerlab.judge.catalogue import mistake


@dataclass(frozen=True)
class Slip:
    """One wrong sigmoid formula: ``formula`` (for people), ``value(x)`` (x a float array) and
    ``sentence(var)`` (var: the input's name in the notebook, "x" or "z"); ``id`` and ``title`` as
    in the catalogue (several slips of one kind share an id)."""

    formula: str
    id: str
    title: str
    value: Callable[[np.ndarray], np.ndarray]
    sentence: Callable[[str], str]


_TITLES = {
    "sigmoid.flipped-sign": "σ(−z) = 1 − σ(z) computed instead of σ(z)",
    "sigmoid.missing-parentheses": "1 / 1 + e^(−z): the denominator without parentheses",
    "sigmoid.minus-in-denominator": "1 / (1 − e^(−z)): a minus in the denominator",
    "sigmoid.exp-alone": "e^(−z) returned: the exponential without 1 / (1 + ...)",
    "sigmoid.exp-missing": "1 / (1 + z) or 1 / (1 − z): the exponential left out",
    "sigmoid.tanh-instead": "tanh(z) where the sigmoid belongs",
}


def _slip(formula: str, id: str, value, sentence) -> Slip:
    return Slip(formula, id, _TITLES[id], value, sentence)


SLIPS = [
    _slip("1 / (1 + e^x)", "sigmoid.flipped-sign", lambda x: 1 / (1 + np.exp(x)),
          lambda v: f"you computed σ(−{v}) = 1 − σ({v}): the exponent must be −{v}, as in 1 / (1 + e^(−{v}))"),
    _slip("1 + e^(−x)", "sigmoid.missing-parentheses", lambda x: 1 + np.exp(-x),
          lambda v: (f"1 / 1 + np.exp(-{v}) divides 1 by 1 and then adds e^(−{v}): Python divides before it "
                     f"adds, so put the whole denominator in parentheses, 1 / (1 + np.exp(-{v}))")),
    _slip("1 + e^x", "sigmoid.missing-parentheses", lambda x: 1 + np.exp(x),
          lambda v: (f"1 / 1 + np.exp({v}) has two slips: Python divides before it adds, so the denominator "
                     f"needs parentheses, and the exponent must be −{v}: 1 / (1 + np.exp(-{v}))")),
    _slip("1 − e^(−x)", "sigmoid.missing-parentheses", lambda x: 1 - np.exp(-x),
          lambda v: (f"1 / 1 - np.exp(-{v}) has two slips: Python divides before it subtracts, so the "
                     f"denominator needs parentheses, and it adds: 1 / (1 + np.exp(-{v}))")),
    _slip("1 / (1 − e^(−x))", "sigmoid.minus-in-denominator", lambda x: 1 / (1 - np.exp(-x)),
          lambda v: f"the denominator is 1 + e^(−{v}), with a plus: 1 / (1 + np.exp(-{v}))"),
    _slip("1 / (1 − e^x)", "sigmoid.minus-in-denominator", lambda x: 1 / (1 - np.exp(x)),
          lambda v: (f"the denominator is 1 + e^(−{v}): a plus in front of the exponential and a minus in "
                     f"its exponent, 1 / (1 + np.exp(-{v}))")),
    _slip("e^(−x)", "sigmoid.exp-alone", lambda x: np.exp(-x),
          lambda v: (f"you returned e^(−{v}) alone, the piece inside the denominator: the sigmoid is "
                     f"1 / (1 + e^(−{v}))")),
    _slip("e^x", "sigmoid.exp-alone", lambda x: np.exp(x),
          lambda v: f"you returned e^{v} alone: the sigmoid is 1 / (1 + e^(−{v})), a number between 0 and 1"),
    _slip("1 / (1 + x)", "sigmoid.exp-missing", lambda x: 1 / (1 + x),
          lambda v: f"the exponential is missing: 1 / (1 + np.exp(-{v})), not 1 / (1 + {v})"),
    _slip("1 / (1 − x)", "sigmoid.exp-missing", lambda x: 1 / (1 - x),
          lambda v: f"the exponential is missing: 1 / (1 + np.exp(-{v})), not 1 / (1 - {v})"),
    _slip("tanh(x)", "sigmoid.tanh-instead", np.tanh,
          lambda v: (f"that is tanh({v}), another activation (between −1 and 1): the sigmoid is "
                     f"1 / (1 + e^(−{v})), between 0 and 1")),
]


def slip_value(slip: Slip, x) -> np.ndarray | None:
    """The slip's formula on ``x``, or None when it is not finite everywhere (e.g. 1 / (1 − x) at 1)."""
    x = as_float_array(x)
    if x is None:
        return None
    with np.errstate(all="ignore"):
        value = slip.value(x)
    return value if np.all(np.isfinite(value)) else None


def _ambiguous(slip: Slip, value: np.ndarray, x) -> bool:
    """True when a slip of another kind gives the same value on this input (at x = 0, tanh(x) and
    1 − e^(−x) are both 0): the input cannot tell them apart, so neither is named."""
    return any(other.id != slip.id and close(slip_value(other, x), value) for other in SLIPS)


def _hint(slip: Slip, var: str):
    @mistake(slip.id, slip.title, topic="activations")
    def hint(args, want, got):
        value = slip_value(slip, args[0])
        if value is None or close(value, want) or not close(got, value) or _ambiguous(slip, value, args[0]):
            return None
        return slip.sentence(var)

    hint.__name__ = slip.id.split(".")[1].replace("-", "_")
    hint.__doc__ = f"The returned value is {slip.formula} of the input (and the expected one is not)."
    hint.sentence = slip.sentence(var)  # what docs/mistakes.md shows
    return hint


def sigmoid_hints(var: str) -> list:
    """The recognisers of a sigmoid whose argument is called ``var`` (``"x"`` or ``"z"``): one per
    slip of :data:`SLIPS`, in its order."""
    return [_hint(slip, var) for slip in SLIPS]
