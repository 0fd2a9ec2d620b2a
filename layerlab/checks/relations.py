"""Small, forgiving tools for the mistake recognisers of the check modules.

A recogniser looks at a student's output that may have any type or structure, so every helper here
returns False or None instead of raising when the output is not what it expects.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def as_float_array(value: Any) -> np.ndarray | None:
    """``value`` as a float64 array, or None when it is None or not numeric data."""
    if value is None:
        return None
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None


def close(a: Any, b: Any, rtol: float = 1e-6, atol: float = 1e-9) -> bool:
    """True when both are numeric, of the same shape, ``a`` is finite, and they agree within tolerance."""
    a, b = as_float_array(a), as_float_array(b)
    if a is None or b is None or a.shape != b.shape:
        return False
    return bool(np.all(np.isfinite(a)) and np.allclose(a, b, rtol=rtol, atol=atol))


def item(value: Any, *path: Any) -> Any:
    """``value[p0][p1]...``, or None when the output does not have that structure."""
    for key in path:
        try:
            value = value[key]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def scalar(value: Any) -> float | None:
    """A float when ``value`` holds exactly one number (also a (1, 1) array), else None."""
    array = as_float_array(value)
    return float(array.reshape(())) if array is not None and array.size == 1 else None


def factor(got: Any, want: Any) -> float | None:
    """The number c with got ≈ c · want (entry by entry), or None when there is no such c."""
    g, w = as_float_array(got), as_float_array(want)
    if g is None or w is None or g.shape != w.shape or not np.all(np.isfinite(g)):
        return None
    big = np.abs(w) > 1e-8 * max(np.abs(w).max(initial=0.0), 1e-300)
    if not big.any():
        return None
    c = float(np.median(g[big] / w[big]))
    return c if close(g, c * w, rtol=1e-6, atol=1e-12) else None


def cost_series(value):
    """A 1-D float array of recorded costs, or None if they are not a sequence of numbers."""
    if not isinstance(value, (list, tuple, np.ndarray)):
        return None
    numbers = [scalar(c) for c in value]
    return None if any(n is None for n in numbers) else np.array(numbers, dtype=float)
