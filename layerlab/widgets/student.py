"""Calling the student's functions from a widget: a clear sentence instead of a traceback.

A widget is built from functions the student wrote in the notebook. Any of them may still be the
release's stub (it raises ``NotImplementedError``) or have a bug. :class:`StudentFunctions` holds
them by name and calls them through :meth:`StudentFunctions.call`, which turns every failure into
:class:`NotReady`, an exception whose message is meant for the student::

    functions = StudentFunctions({"forward_propagation": forward_propagation, ...})
    A2, cache = functions.call("forward_propagation", X, parameters)
    # NotReady: `forward_propagation` is not implemented yet. Complete it above, run its cell,
    #           then run the cell of this widget again.

Widgets catch ``NotReady`` and show its message in their status line.
"""

from __future__ import annotations

import html
import os
import traceback
from typing import Any, Callable, Mapping

__all__ = ["NotReady", "StudentFunctions", "describe_failure"]

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class NotReady(Exception):
    """A student function cannot be used yet; ``str(error)`` says which one and why, in words.

    Attributes:
        function: the name of the function that failed (or None).
        missing: True when it is still the stub (it raised NotImplementedError).
    """

    def __init__(self, message: str, function: str | None = None, missing: bool = False):
        super().__init__(message)
        self.function = function
        self.missing = missing

    def html(self) -> str:
        """The message as HTML (escaped; backticks become code)."""
        parts = html.escape(str(self)).split("`")
        return "".join(f"<code>{p}</code>" if k % 2 else p for k, p in enumerate(parts))


class StudentFunctions:
    """The student's functions a widget uses, by name.

    Arguments:
        functions: mapping name -> callable (the functions the notebook defines).
        required: the names that must be present; a missing or non-callable one raises TypeError
            right away (a mistake in the cell that builds the widget, not in the student's code).
    """

    def __init__(self, functions: Mapping[str, Callable], required: tuple[str, ...] = ()):
        problems = [name for name in required if not callable(functions.get(name))]
        if problems:
            raise TypeError("the widget needs the notebook's function(s) "
                            + ", ".join(f"{name}=" for name in problems)
                            + f" (got {', '.join(repr(functions.get(n)) for n in problems)}); pass each "
                            "one by name, e.g. " + f"{problems[0]}={problems[0]}")
        self._functions = dict(functions)

    def __contains__(self, name: str) -> bool:
        return callable(self._functions.get(name))

    def __getitem__(self, name: str) -> Callable:
        return self._functions[name]

    def call(self, name: str, *args, **kwargs) -> Any:
        """``functions[name](*args, **kwargs)``; any exception it raises becomes :class:`NotReady`."""
        try:
            return self._functions[name](*args, **kwargs)
        except NotImplementedError:
            raise NotReady(f"`{name}` is not implemented yet. Complete it above, run its cell, "
                           "then run the cell of this widget again.", name, missing=True) from None
        except Exception as exc:  # noqa: BLE001 (whatever the student's code raises, say it in words)
            raise NotReady(describe_failure(name, exc), name) from exc


def describe_failure(name: str, exc: BaseException) -> str:
    """One or two sentences about an exception raised inside the student's function ``name``:
    its type, its message and the line of the student's code where it happened."""
    where = ""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if not f.filename.startswith(_PACKAGE_DIR) and "site-packages" not in f.filename
              and "/numpy/" not in f.filename]
    if frames:
        last = frames[-1]
        if last.line:
            where = f" at `{last.line.strip()}`"
        where += f" (in `{last.name}`)" if last.name != name else ""
    message = str(exc).strip() or "(no message)"
    return (f"`{name}` raised {type(exc).__name__}{where}: {message}. Fix it, run its cell, then run "
            "the cell of this widget again.")


def try_each(attempts) -> tuple[list[str], "NotReady | None"]:
    """Run each ``(name, attempt)`` (``attempt`` a no-argument callable, NumPy warnings off) and
    return the names whose function is still a stub, and the first other problem (or None)."""
    import numpy as np

    missing, other = [], None
    for name, attempt in attempts:
        try:
            with np.errstate(all="ignore"):
                attempt()
        except NotReady as problem:
            if problem.missing:
                missing.append(name)
            elif other is None:
                other = problem
    return missing, other
