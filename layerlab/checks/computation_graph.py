"""What the public check of week 2's ``graph_forward_backward`` knows (its spec lives with the other
week-2 specs in :mod:`layerlab.checks.logistic_regression`).

The graph is ``u = b * c``, ``v = a + u``, ``J = 3 * v``, element-wise on arrays ``a``, ``b``, ``c``
of one shape; the function returns ``J`` and ``{"da": ..., "db": ..., "dc": ...}``. The recognisers
compare the returned derivatives with simple relations of the inputs (``3 * b``, ``c``, ...); they
hold no copy of the solution.
"""

from __future__ import annotations

import numpy as np

from layerlab.checks.relations import close, item
from layerlab.checks.runner import Case
from layerlab.judge.catalogue import mistake

GRAD_KEYS = ("da", "db", "dc")


def _grads(got):
    return item(got, 1)


@mistake("graph.grads-keys", "grads without exactly the keys da, db, dc", topic="return-values")
def grads_keys(args, got) -> str | None:
    """Property: the second returned value is a dict with exactly the keys da, db, dc."""
    grads = _grads(got)
    if not isinstance(grads, dict) or set(grads) != set(GRAD_KEYS):
        keys = sorted(grads) if isinstance(grads, dict) else type(grads).__name__
        return f'return (J, grads) with grads = {{"da": ..., "db": ..., "dc": ...}}; got {keys}'
    return None


@mistake("graph.chain-rule", "db and dc swapped, or the factor dJ/du = 3 left out",
         topic="computation-graph")
def swapped_or_unchained(args, want, got) -> str | None:
    """Hint: db and dc swapped, or the factor dJ/du = 3 left out of them."""
    a, b, c = (np.asarray(x, dtype=float) for x in args)
    grads = _grads(got)
    if not isinstance(grads, dict):
        return None
    if close(grads.get("db"), 3 * b) and close(grads.get("dc"), 3 * c):
        return ("db and dc are swapped: b enters u = b·c multiplied by c, so du/db = c and "
                "dJ/db = dJ/du · du/db = 3c (and dJ/dc = 3b)")
    if close(grads.get("db"), c) or close(grads.get("dc"), b):
        return ("du/db = c is only the slope of the last step: the chain rule multiplies it by "
                "dJ/du = 3, found first on the way back from J")
    if close(grads.get("da"), np.ones_like(a)):
        return "dJ/da = dJ/dv · dv/da = 3 · 1: the 3 of J = 3v carries back to every input"
    return None


def _abc(seed: int, shape: tuple) -> tuple:
    rng = np.random.RandomState(seed)
    return tuple(rng.randn(*shape) for _ in range(3))


CASES = [
    Case("a, b, c = [[1.]], [[2.]], [[4.]] (the worked example)",
         lambda: (np.array([[1.0]]), np.array([[2.0]]), np.array([[4.0]]))),
    Case("a, b, c = three random (2, 3) arrays", lambda: _abc(51, (2, 3))),
    Case("a, b, c = three random (1, 5) arrays", lambda: _abc(52, (1, 5))),
]
