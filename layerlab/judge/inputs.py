"""What a graded function did to its inputs: changed them in place, or read notebook variables.

Both places compare the arguments before and after a call with :func:`input_changes` (the public
checks on copies they kept, the grader on the arguments the worker sent back).
"""

from __future__ import annotations

import inspect
from typing import Any, Sequence

import numpy as np

from layerlab.checks.compare import Problem
from layerlab.judge.catalogue import mistake
from layerlab.judge.errors import IN_PLACE

CHANGED_IN_PLACE = "input.changed-in-place"
NOTEBOOK_VARIABLE = "input.notebook-variable"


@mistake(CHANGED_IN_PLACE, "the caller's array or dict modified in place", topic="in-place-changes")
def _changed_in_place() -> str:
    return IN_PLACE


#: the advice for a graded function that reads a notebook variable.
USE_ARGUMENTS = ("a graded function must work from its arguments alone: use the parameter (check its "
                 "spelling), or compute the value inside the function")


@mistake(NOTEBOOK_VARIABLE, "a notebook variable used instead of an argument", topic="python-basics")
def _notebook_variable() -> str:
    return USE_ARGUMENTS


def parameter_names(fn: Any) -> list[str]:
    """The names of ``fn``'s parameters in order (empty when Python cannot tell)."""
    try:
        return list(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        return []


def input_changes(before: tuple, after: tuple, name: str, names: Sequence[str] = ()) -> list[Problem]:
    """Problems for the arguments that differ between ``before`` and ``after`` ((args, kwargs) each);
    ``names`` are the function's parameter names, so an argument is called by its name."""
    (args0, kwargs0), (args1, kwargs1) = before, after
    problems = []
    for i, (a, b) in enumerate(zip(args0, args1)):
        if not same(a, b):
            where = f"the argument `{names[i]}`" if i < len(names) else f"argument {i + 1}"
            problems.append(Problem(where, f"{name} changed its input in place", hints=[IN_PLACE]))
    for key in kwargs0:
        if not same(kwargs0[key], kwargs1[key]):
            problems.append(Problem(f"the argument `{key}`", f"{name} changed its input in place"))
    return problems


def same(a: Any, b: Any) -> bool:
    """True when ``b`` is still ``a``: the same type, shape and values (NaN equal to NaN)."""
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(same, a, b))
    try:
        return bool(a == b)
    except Exception:
        return False


#: the recognisers of this module (registered in the catalogue; the judge adds their identifiers).
RECOGNISERS = (_changed_in_place, _notebook_variable)
