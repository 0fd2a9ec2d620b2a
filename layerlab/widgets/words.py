"""Figures in words: the sentences of the widgets' text alternatives that more than one widget uses.

Plain NumPy, no widget: :func:`cost_curve` says what a cost curve recorded at every iteration
shows (first, lowest and last cost, whether it ever rose, costs that are not numbers).
"""

from __future__ import annotations

import numpy as np

__all__ = ["cost_curve"]


def cost_curve(costs, total: int | None = None) -> str:
    """A cost curve with one cost per iteration (iteration k at index k) in words, plain text,
    ending with a full stop; ``total`` is the number of iterations the training is set to."""
    costs = np.asarray(costs, dtype=float)
    finite = np.flatnonzero(np.isfinite(costs))
    of = f" of {total:,}" if total is not None else ""
    if not finite.size:
        return f"Cost: no iteration yet (0{of})." if not costs.size else (
            f"Cost after {costs.size:,}{of} iterations: not a number (nan) at every iteration.")
    low = int(finite[np.argmin(costs[finite])])
    words = (f"Cost after {costs.size:,}{of} iterations: {costs[finite[0]]:.4f} at iteration "
             f"{int(finite[0]):,}")
    if finite.size > 1:
        rises = int(np.sum(np.diff(costs[finite]) > 0))
        words += (f", lowest {costs[low]:.4f} at iteration {low:,}, last {costs[finite[-1]]:.4f} at "
                  f"iteration {int(finite[-1]):,}; "
                  + ("it falls at every iteration" if rises == 0 else
                     f"it rose at {rises:,} of the {finite.size - 1:,} iterations"))
    if finite.size < costs.size:
        words += (f"; not a number (nan) at {costs.size - finite.size:,} iterations, from iteration "
                  f"{int(np.flatnonzero(~np.isfinite(costs))[0]):,} (not drawn)")
    return words + "."
