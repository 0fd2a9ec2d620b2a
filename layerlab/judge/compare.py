"""Compare a student's output with the expected one and say, in plain words, what differs.

``compare(expected, got, where)`` walks both values together (tuples, lists, dicts, arrays,
numbers) and returns a list of :class:`Problem`; an empty list means they match. Each problem says
where it is (``grads["dw"]``), what was expected and what came back (type, shape, dtype), how far
off the numbers are, and, when it recognises the pattern, the likely mistake: a rank-1 array, a
transposed matrix, a wrong sign, a constant factor (a missing ``1/m``), NaN from ``log(0)``...
"""

from __future__ import annotations

from dataclasses import dataclass, field
from numbers import Real
from typing import Any

import numpy as np

from layerlab.judge.observations import (ATOL, RTOL, close, nan_hint, none_hint, number_hints,
                                          shape_hints, value_hints)


@dataclass
class Problem:
    """One difference between an expected and a returned value.

    where:   which part of the output, e.g. ``"the returned value"`` or ``'grads["dw"]'``
    what:    one sentence: expected vs got
    details: further lines (largest difference, a few values)
    hints:   likely mistakes, in plain words
    """

    where: str
    what: str
    details: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{self.where}: {self.what}"]
        out += [f"    {d}" for d in self.details]
        out += [f"    Hint: {h}" for h in self.hints]
        return out


def describe(value: Any) -> str:
    """A short description of a value's type and shape, as students would say it."""
    if value is None:
        return "None"
    if isinstance(value, bool):
        return f"the bool {value}"
    if isinstance(value, np.ndarray):
        return f"a {value.dtype} array of shape {value.shape}"
    if isinstance(value, np.generic):
        return f"a NumPy {value.dtype} scalar"
    if isinstance(value, int):
        return "a Python int"
    if isinstance(value, float):
        return "a Python float"
    if isinstance(value, tuple):
        return f"a tuple of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return f"a dict with keys {_keys(value)}"
    return f"a {type(value).__name__}"


def is_number(value: Any) -> bool:
    """True for a real scalar: Python int/float (not bool), NumPy number, or a 0-d numeric array."""
    if isinstance(value, bool):
        return False
    if isinstance(value, np.ndarray):
        return value.ndim == 0 and value.dtype.kind in "iuf"
    return isinstance(value, (Real, np.integer, np.floating))


def compare(expected: Any, got: Any, where: str = "the returned value", *,
            rtol: float = RTOL, atol: float = ATOL) -> list[Problem]:
    """All the ways ``got`` differs from ``expected``; ``[]`` when they match within tolerance."""
    if isinstance(expected, dict):
        return _compare_dict(expected, got, where, rtol, atol)
    if isinstance(expected, (tuple, list)):
        return _compare_sequence(expected, got, where, rtol, atol)
    if isinstance(expected, np.ndarray) and expected.ndim > 0:
        return _compare_array(expected, got, where, rtol, atol)
    if isinstance(expected, (bool, np.bool_)):
        if isinstance(got, (bool, np.bool_)) and bool(got) == bool(expected):
            return []
        return [Problem(where, f"expected {bool(expected)}, got {_short(got)} ({describe(got)})")]
    if is_number(expected):
        return _compare_number(expected, got, where, rtol, atol)
    if isinstance(expected, str) or expected is None:
        if got == expected and type(got) is type(expected):
            return []
        return [Problem(where, f"expected {expected!r}, got {_short(got)} ({describe(got)})")]
    raise TypeError(f"cannot compare expected values of type {type(expected).__name__}")


# ----------------------------------------------------------------------------- containers

def _compare_dict(expected: dict, got: Any, where: str, rtol: float, atol: float) -> list[Problem]:
    if not isinstance(got, dict):
        hints = none_hint(got) or ([f"return a dict, {{{', '.join(f'{k!r}: ...' for k in list(expected)[:4])}}}, "
                                    f"not a {type(got).__name__}: the code that uses it looks its values up "
                                    f"by name"] if isinstance(got, (tuple, list)) else [])
        return [Problem(where, f"expected a dict with keys {_keys(expected)}, got {describe(got)}",
                        hints=hints)]
    missing = [k for k in expected if k not in got]
    extra = [k for k in got if k not in expected]
    problems = []
    if missing or extra:
        what = f"expected exactly the keys {_keys(expected)}, got {_keys(got)}"
        details = []
        if missing:
            details.append(f"missing: {', '.join(map(repr, missing))}")
        if extra:
            details.append(f"unexpected: {', '.join(map(repr, extra))}")
        hints = []
        lowered = {str(k).lower(): k for k in got}
        renamed = [f"{lowered[str(k).lower()]!r} should be {k!r}" for k in missing
                   if str(k).lower() in lowered]
        if renamed:
            hints.append("keys are case-sensitive: " + "; ".join(renamed))
        problems.append(Problem(where, what, details, hints))
    values = []
    for key in expected:
        if key in got:
            values += compare(expected[key], got[key], f"{where}[{key!r}]", rtol=rtol, atol=atol)
    order = reordered(expected, got, rtol, atol) if values and not problems else None
    if order:
        swapped = "; ".join(f"{k!r} holds what belongs in {j!r}" for k, j in zip(expected, order) if k != j)
        return [Problem(where, f"the right values under the wrong keys ({swapped})",
                        hints=[f"the values are right but stored under each other's keys ({swapped}): "
                               f"check which value goes with which key"])]
    return problems + values


def _compare_sequence(expected: tuple | list, got: Any, where: str, rtol: float,
                      atol: float) -> list[Problem]:
    kind = "tuple" if isinstance(expected, tuple) else "list"
    if not isinstance(got, (tuple, list)):
        advice = (f"return a {kind} of the {len(expected)} values, e.g. `return a, b`, not a dict"
                  if isinstance(got, dict) else f"return all {len(expected)} values, e.g. `return a, b`")
        return [Problem(where, f"expected a {kind} of {len(expected)} items, got {describe(got)}",
                        hints=none_hint(got) or [advice])]
    if len(got) != len(expected):
        return [Problem(where, f"expected a {kind} of {len(expected)} items, got {len(got)} items")]
    problems = []
    for i, (e, g) in enumerate(zip(expected, got)):
        problems += compare(e, g, f"{where}[{i}]", rtol=rtol, atol=atol)
    order = reordered(expected, got, rtol, atol) if problems else None
    if order:
        moved = ", ".join(f"item {i} is the expected item {j}" for i, j in enumerate(order) if i != j)
        return [Problem(where, f"the right {len(expected)} items in another order ({moved})",
                        hints=[f"your {kind} holds the right values in another order: return them in the "
                               f"order the docstring gives"])]
    return problems


def reordered(expected: tuple | list | dict, got: tuple | list | dict, rtol: float, atol: float) -> list | None:
    """For a wrong ``got`` that is ``expected`` reordered: the index in ``expected`` of each of its
    items (keys for dicts); None when it is not (or the match is ambiguous)."""
    keys = list(expected) if isinstance(expected, dict) else list(range(len(expected)))
    if len(keys) > 8 or len(keys) < 2:
        return None
    found = []
    for k in keys:
        matches = [j for j in keys if not compare(expected[j], got[k], rtol=rtol, atol=atol)]
        if len(matches) != 1:
            return None
        found.append(matches[0])
    return found if sorted(found, key=keys.index) == keys and found != keys else None


# ----------------------------------------------------------------------------- numbers

def _compare_number(expected: Any, got: Any, where: str, rtol: float, atol: float) -> list[Problem]:
    expected_value = float(np.asarray(expected))
    if isinstance(got, np.ndarray) and got.ndim > 0:
        hints = []
        if got.size == 1:
            hints.append(f"your array holds one number: return a plain number, e.g. "
                         f"`float(np.squeeze(x))` (it has shape {got.shape})")
        return [Problem(where, f"expected a single number, got {describe(got)}", hints=hints)]
    if not is_number(got):
        return [Problem(where, f"expected a number, got {describe(got)}", hints=none_hint(got))]
    got_value = float(np.asarray(got))
    if close(expected_value, got_value, rtol, atol):
        return []
    details = [f"expected {expected_value:.10g}, got {got_value:.10g} "
               f"(difference {abs(got_value - expected_value):.3g})"]
    return [Problem(where, "wrong value", details, number_hints(expected_value, got_value))]


# ----------------------------------------------------------------------------- arrays

def _compare_array(expected: np.ndarray, got: Any, where: str, rtol: float,
                   atol: float) -> list[Problem]:
    if not isinstance(got, np.ndarray):
        hints = none_hint(got)
        if isinstance(got, (list, tuple)):
            hints.append("build the result with NumPy operations (or `np.array(...)`) so it is an array")
        elif is_number(got):
            hints.append("a single number came back: did you sum over everything, or index one entry?")
        return [Problem(where, f"expected {_wanted(expected)}, got {describe(got)}", hints=hints)]
    if got.dtype.kind not in "biuf":
        return [Problem(where, f"expected {_wanted(expected)}, got {describe(got)}",
                        hints=["the array must hold numbers (its dtype is not numeric)"])]
    if got.shape != expected.shape:
        return [Problem(where, f"expected shape {expected.shape}, got shape {got.shape}",
                        hints=shape_hints(expected, got))]
    return _compare_values(expected, got, where, rtol, atol)


def _wanted(expected: np.ndarray) -> str:
    return f"a {expected.dtype} array of shape {expected.shape}"


def _compare_values(expected: np.ndarray, got: np.ndarray, where: str, rtol: float,
                    atol: float) -> list[Problem]:
    e = expected.astype(np.float64, copy=False)  # read only below: no copy of a float64 array
    g = got.astype(np.float64, copy=False)
    if np.equal(g, e).all():  # equal values are close (NaN is equal to nothing, as in isclose)
        return []
    ok = np.isclose(g, e, rtol=rtol, atol=atol)
    if ok.all():
        return []
    bad = int((~ok).sum())
    diff = np.abs(g - e)
    worst = np.unravel_index(int(np.nanargmax(np.where(np.isfinite(diff), diff, np.inf))), e.shape)
    idx = "[" + ", ".join(map(str, worst)) + "]"
    details = [f"{bad} of {e.size} entries differ; the largest difference is at {idx}: "
               f"expected {e[worst]:.8g}, got {g[worst]:.8g}"]
    finite = np.isfinite(g)
    if finite.all():
        rel = diff / np.maximum(np.abs(e), 1e-12)
        details.append(f"largest absolute difference {diff.max():.3g}, largest relative difference "
                       f"{rel.max():.3g}")
    if e.size <= 12:
        details.append(f"expected {np.array2string(e, precision=6, separator=', ')}")
        details.append(f"got      {np.array2string(g, precision=6, separator=', ')}")
    return [Problem(where, "wrong values", details, value_hints(e, g, got.dtype))]


# ----------------------------------------------------------------------------- helpers

def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _keys(d: dict) -> str:
    return "[" + ", ".join(repr(k) for k in d) + "]"
