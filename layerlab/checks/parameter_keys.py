"""The one rule on the keys of a network's parameters, shared by weeks 3 and 4: a network of L
layers has exactly the keys W1, b1, ..., WL, bL ("W" or "b" and the layer number, from 1).

:func:`exact_parameter_keys` makes the property (``(args, got) -> sentence or None``) for one
graded function: how many layers its case has, and where its output holds the parameters dict.
"""

from __future__ import annotations

from typing import Any, Callable

from layerlab.judge.catalogue import mistake


def layers(parameters: dict) -> int:
    """L of a parameters dict {"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...}."""
    return len(parameters) // 2


def parameter_names(L: int) -> list[str]:
    """["W1", "b1", ..., "WL", "bL"]."""
    return [f"{p}{l}" for l in range(1, L + 1) for p in ("W", "b")]


def whole_output(got: Any) -> Any:
    """The output itself: a function that returns the parameters dict."""
    return got


def first_of_pair(got: Any) -> Any:
    """The first of a returned pair (parameters, costs), or None for another output."""
    return got[0] if isinstance(got, (tuple, list)) and len(got) == 2 else None


def exact_parameter_keys(L_of: Callable[[tuple], int],
                         part: Callable[[Any], Any] = whole_output) -> Callable[[tuple, Any], "str | None"]:
    """The property "the parameters have exactly the keys W1, b1, ..., WL, bL" of one graded
    function: ``L_of(args)`` is its case's number of layers, ``part(got)`` the parameters dict in
    its output."""

    @mistake("parameters.keys", "parameters without exactly the keys W1, b1, ..., WL, bL",
             topic="return-values")
    def check(args, got):
        """Property: the parameters of an L-layer network have exactly the keys W1, b1, ..., WL, bL."""
        parameters = part(got)
        if not isinstance(parameters, dict):
            return None
        L = L_of(args)
        names = parameter_names(L)
        if set(parameters) != set(names):
            return (f"the parameters of this {L}-layer network must be exactly the keys "
                    f"{', '.join(repr(k) for k in names)} (\"W\" or \"b\" and the layer number, "
                    f"from 1), the dict has {sorted(map(str, parameters))}")
        return None
    return check
