"""Shorter reports for functions that train a model and return ``(parameters, costs)``.

When training takes another path, every weight differs, and a report listing each parameter's
differences buries what the student can act on: the recorded costs, and where they first part
from the expected ones. :func:`condense_training` turns those problems into two: the costs
(expected and returned series side by side) and one line naming the parameters that differ.
When the costs match, the parameter differences are left in full: then they are the news.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from layerlab.checks.compare import Problem

_PARAMETER = re.compile(r"the returned value\[0\]\['(?P<name>[^']+)'\]")
_COST = re.compile(r"the returned value\[1\]\[(?P<index>\d+)\]")


def condense_training(problems: list[Problem], expected: Any, got: Any, every: int = 100) -> list[Problem]:
    """The problems of one case, with the per-entry cost and parameter problems summarised.

    problems -- what :func:`layerlab.checks.compare.compare` found for the whole output
    expected, got -- the outputs ``(parameters, costs)``: parameters a dict name -> array, costs a
                     list of numbers (or 0-d/1-element arrays), recorded every ``every`` iterations
    """
    costs = [p for p in problems if _COST.fullmatch(p.where)]
    want, have = recorded_costs(expected), recorded_costs(got)
    if not costs or want is None or have is None:
        return problems
    first = min(int(_COST.fullmatch(p.where)["index"]) for p in costs)
    summary = Problem(
        "the costs",
        f"{len(costs)} of the {len(want)} recorded costs differ, the first at entry {first} "
        f"(iteration {every * first})",
        [f"expected [{_series(want)}]", f"got      [{_series(have)}]"])
    parameters = [p for p in problems if _PARAMETER.match(p.where)]
    names = list(dict.fromkeys(_PARAMETER.match(p.where)["name"] for p in parameters))
    rest = [p for p in problems if p not in costs and p not in parameters]
    out = rest + [summary]
    if names:
        out.append(Problem("the trained parameters", f"{', '.join(names)} differ from the expected "
                           f"ones, as they must once training takes another path"))
    return out


def recorded_costs(output: Any) -> np.ndarray | None:
    """The cost history of an output ``(parameters, costs)`` as a float array, or None when it is
    not a sequence of numbers (0-d or one-element arrays count as numbers)."""
    try:
        return np.array([float(np.squeeze(c)) for c in output[1]], dtype=float)
    except (TypeError, ValueError, IndexError, KeyError):
        return None


def _series(values) -> str:
    return ", ".join(f"{v:.6g}" for v in values)
