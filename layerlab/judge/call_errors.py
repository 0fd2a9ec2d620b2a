"""Exceptions of a call that does not match the called function's def line, turned into one
sentence: an argument left out, one too many, or a keyword the function does not have.

Python words them ``f() missing 1 required positional argument: 'learning_rate'``,
``f() takes 2 positional arguments but 3 were given`` and ``f() got an unexpected keyword
argument 'lr'``. Registered in :data:`layerlab.judge.errors.RECOGNISERS` after the recognisers of
that module, which imports this one; each takes an :class:`~layerlab.judge.outcome.ErrorInfo`
and returns a sentence or None. A sentence quotes at most the function's and the argument's names.
"""

from __future__ import annotations

import re

from layerlab.judge.catalogue import mistake
from layerlab.judge.errors import recogniser
from layerlab.judge.outcome import Diagnosis, ErrorInfo

_MISSING = re.compile(r"(?P<function>[A-Za-z_]\w*)\(\) missing (?P<count>\d+) required "
                      r"(?:positional|keyword-only) arguments?: (?P<names>.+)$")
_TOO_MANY = re.compile(r"(?P<function>[A-Za-z_]\w*)\(\) takes (?:from \d+ to )?(?P<takes>\d+) positional "
                       r"arguments? but (?P<given>\d+) (?:were|was) given")
_KEYWORD = re.compile(r"(?P<function>[A-Za-z_]\w*)\(\) got an unexpected keyword argument '(?P<name>\w+)'")


def _names(text: str) -> list[str]:
    """``"'a', 'b' and 'c'"`` -> ``["a", "b", "c"]``."""
    return re.findall(r"'(\w+)'", text)


@recogniser("error.argument-left-out", "a function called without one of its arguments",
             "python-basics")
def _left_out(error: ErrorInfo) -> str | None:
    """TypeError: "f() missing N required positional argument(s): 'x'"."""
    found = _MISSING.search(error.message) if error.is_a("TypeError") else None
    if not found or not _names(found["names"]):
        return None
    names = _names(found["names"])
    listed = ", ".join(f"`{n}`" for n in names)
    return (f"`{found['function']}` was called without its argument{'s' if len(names) > 1 else ''} "
            f"{listed}: pass every argument its def line lists, in that order (e.g. "
            f"`{found['function']}(..., {', '.join(names)})`); a value the caller has, such as "
            f"its own {names[-1]}, is not passed on by itself")


@recogniser("error.argument-too-many", "a function called with more arguments than it takes",
             "python-basics")
def _too_many(error: ErrorInfo) -> str | None:
    """TypeError: "f() takes N positional arguments but M were given"."""
    found = _TOO_MANY.search(error.message) if error.is_a("TypeError") else None
    if not found:
        return None
    return (f"`{found['function']}` takes {found['takes']} positional argument"
            f"{'s' if found['takes'] != '1' else ''} but got {found['given']}: compare the call with "
            f"its def line (an extra value, or two values passed where one tuple belongs)")


@recogniser("error.unknown-keyword", "a keyword argument the called function does not have",
             "python-basics")
def _unknown_keyword(error: ErrorInfo) -> str | None:
    """TypeError: "f() got an unexpected keyword argument 'x'"."""
    found = _KEYWORD.search(error.message) if error.is_a("TypeError") else None
    if not found:
        return None
    return (f"`{found['function']}` has no argument named `{found['name']}`: use the names of its "
            f"def line (or pass the value by position)")


@mistake("error.def-line-changed", "a graded function's def line changed", "python-basics")
def def_line_changed(error: ErrorInfo, graded: str) -> Diagnosis | None:
    """One of the errors above about the graded function itself (``graded``): the check called it
    as the notebook's def line says, so that line was changed."""
    found = None
    if error.is_a("TypeError") and graded:
        found = next((m for m in (p.search(error.message) for p in (_MISSING, _TOO_MANY, _KEYWORD)) if m), None)
    if found is None or found["function"] != graded:
        return None
    return Diagnosis("error.def-line-changed",
                     f"the check calls `{graded}` with the arguments of the def line the notebook "
                     f"gave, and yours takes others: restore that def line (its names and their "
                     f"order) and use its arguments inside the function")
