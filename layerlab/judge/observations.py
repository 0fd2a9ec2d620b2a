"""What the comparison observes about a wrong output, beyond "expected vs got": a rank-1 array, a
transpose, a wrong sign, a whole-number factor, NaN, a missing ``return``. These are the judge's
fallbacks: a case's own recognisers (the spec's hints) speak first when they know better.
A common factor that is not a whole number (or its inverse) is not mentioned: it means nothing
on its own.
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: default tolerances: different but correct formulas agree far closer than this.
RTOL = 1e-6
ATOL = 1e-9


def number_hints(expected: float, got: float) -> list[str]:
    if not np.isfinite(got):
        return [nan_hint(got)]
    if rounded_hint(expected, got):
        return [rounded_hint(expected, got)]
    if expected != 0 and close(-expected, got, RTOL, ATOL):
        return ["it has the right size but the wrong sign"]
    if expected != 0 and got != 0:
        ratio = got / expected
        nearest = round(ratio)
        if abs(ratio) >= 1.5 and nearest != 0 and close(ratio, nearest, 1e-6, 0):
            return [f"it is exactly {nearest} times too large: a division by {nearest} missing?"]
        if abs(ratio) < 1 and close(1 / ratio, round(1 / ratio), 1e-6, 0) and round(1 / ratio) > 1:
            return [f"it is exactly {round(1 / ratio)} times too small: divided twice (np.mean "
                    f"already divides by the count; a further / m divides again)?"]
    return []


def shape_hints(expected: np.ndarray, got: np.ndarray) -> list[str]:
    hints = []
    e, g = expected.shape, got.shape
    rank_1 = got.ndim == 1 and expected.ndim == 2 and got.size == expected.size
    if got.size == expected.size and values_close(expected.ravel(), got.ravel()) and not rank_1:
        hints.append(f"the numbers are right, only the shape is not: reshape to {e}")
    if rank_1:
        hints.append(f"{g} is a rank-1 array, which NumPy treats as neither a row nor a column; "
                     f"make it explicit with `.reshape{e}` or keep the dimension with "
                     f"`keepdims=True` in np.sum / np.linalg.norm")
    elif got.ndim == 2 and expected.ndim == 2 and g == e[::-1]:
        hint = f"{g} is the transpose of {e}"
        if values_close(expected, got.T):
            hint += ": your result is exactly the transpose of the expected one (a `.T` too many or missing?)"
        else:
            hint += ": check which axis holds examples (columns) and which holds units/features (rows)"
        hints.append(hint)
    elif got.ndim == 2 and expected.ndim == 2 and len(set(g) - set(e)) == 0 and g[0] == g[1] != e[0] * e[1]:
        hints.append(f"a square {g} result often comes from broadcasting an (n,) array against an "
                     f"(n, 1) one; check every operand's shape")
    elif got.ndim == 2 and expected.ndim == 2 and g[0] == e[0] and g[1] == 1 and e[1] > 1:
        hints.append("one column instead of one column per example: a sum over axis=1 where none was wanted?")
    elif got.ndim == 2 and expected.ndim == 2 and g[1] == e[1] and g[0] == 1 and e[0] > 1:
        hints.append("one row instead of one row per unit: a sum over axis=0 where none was wanted?")
    elif got.ndim == 2 and expected.ndim == 2 and 1 in g and 1 in e and g.index(1) != e.index(1):
        hints.append("you summed over the wrong axis: axis=1 sums along a row (across columns), "
                     "axis=0 down a column")
    return hints


def value_hints(e: np.ndarray, g: np.ndarray, got_dtype: np.dtype) -> list[str]:
    if not np.isfinite(g).all():
        return [nan_hint(g[~np.isfinite(g)].flat[0])]
    if rounded_hint(e, g):
        return [rounded_hint(e, g)]
    hints = []
    if not g.any() and e.any():
        return ["every entry is 0: is the result still the initial zeros, or did an integer "
                "division round everything down?"]
    if values_close(-e, g) and np.abs(e).max() > 0:
        hints.append("every entry has the right size but the wrong sign")
    elif e.ndim == 2 and e.shape[0] == e.shape[1] and values_close(e.T, g):
        hints.append("your result is the transpose of the expected one")
    else:
        nonzero = np.abs(e) > 1e-12
        if nonzero.any():
            ratios = g[nonzero] / e[nonzero]
            r = float(np.median(ratios))
            if np.allclose(ratios, r, rtol=1e-6) and not np.isclose(r, 1.0):
                # only whole positive ratios mean something (a division left out or done twice)
                if r > 1 and np.isclose(r, round(r), rtol=1e-6):
                    hints.append(f"every entry is exactly {round(r)} times too large: a division "
                                 f"by {round(r)} missing?")
                elif 0 < r < 1 and np.isclose(1 / r, round(1 / r), rtol=1e-6):
                    hints.append(f"every entry is exactly {round(1 / r)} times too small: "
                                 f"divided twice (np.mean already divides by the count; a "
                                 f"further / m divides again)?")
                # another common factor means nothing on its own: say nothing rather than guess
        offset = g - e
        if not hints and np.allclose(offset, offset.flat[0], rtol=0, atol=1e-9) and abs(offset.flat[0]) > 1e-9:
            hints.append(f"every entry is off by the same amount ({offset.flat[0]:.4g}): "
                         f"a forgotten or extra term such as a bias?")
    if got_dtype.kind in "iu" and not hints and np.allclose(np.floor(e), g):
        hints.append("your array holds integers: integer division or an int array lost the fractions")
    return hints


def rounded_hint(expected: Any, got: Any) -> str | None:
    """A result that is the expected one rounded to 1 to 6 decimals (and so not equal to it)."""
    e, g = np.asarray(expected, dtype=float), np.asarray(got, dtype=float)
    for decimals in range(1, 7):  # 0 decimals: an int result, which its own hint names
        if np.array_equal(np.round(e, decimals), g) and not np.allclose(e, g, rtol=RTOL, atol=ATOL):
            return (f"it is the expected value rounded to {decimals} decimal{'s' if decimals != 1 else ''}: "
                    f"return the full value, without rounding")
    return None


def nan_hint(value: float) -> str:
    if np.isnan(value):
        return ("the result contains NaN (not a number): usually log(0), 0/0, or an overflow earlier "
                "in the computation")
    return "the result contains infinity: an overflow (e.g. exp of a large number) or a division by zero"


def none_hint(got: Any) -> list[str]:
    if got is None:
        return ["None came back: is a `return` statement missing?"]
    return []


def close(a: float, b: float, rtol: float, atol: float) -> bool:
    return bool(np.isclose(b, a, rtol=rtol, atol=atol))


def values_close(e: np.ndarray, g: np.ndarray) -> bool:
    try:
        return bool(np.allclose(np.asarray(g, dtype=np.float64), np.asarray(e, dtype=np.float64),
                                rtol=RTOL, atol=ATOL))
    except (TypeError, ValueError):
        return False
