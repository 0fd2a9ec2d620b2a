"""Run a graded function's recognisers safely and collect what they found.

A hint ``hint(args, want, got)`` names the likely mistake of a failing case; a property
``prop(args, got)`` states a contract of the output that a value comparison cannot see. Both
return a sentence or None, and both may be registered in :mod:`layerlab.judge.catalogue`; a
recogniser that raises (it met an output it did not expect) has found nothing.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

import numpy as np

from layerlab.judge.catalogue import identify
from layerlab.judge.outcome import Diagnosis

#: ``property(args, got) -> sentence or None``: a contract of the output.
Property = Callable[[tuple, Any], "str | None"]
#: ``hint(args, want, got) -> sentence or None``: names the likely mistake of a failing case.
Hint = Callable[[tuple, Any, Any], "str | None"]
#: ``error_hint(args, error) -> sentence or None``: names the mistake behind an exception
#: (an :class:`~layerlab.judge.outcome.ErrorInfo`) from the arguments of the call that raised it.
ErrorHint = Callable[[tuple, Any], "str | None"]


def safely(recogniser: Callable, *args: Any) -> str | None:
    """``recogniser(*args)`` when it returns a sentence, else None (also when it raises)."""
    try:
        with np.errstate(all="ignore"):
            message = recogniser(*args)
    except Exception:  # a recogniser must never break a check
        return None
    return message if isinstance(message, str) and message else None


def broken_properties(properties: Iterable[Property], fresh_args: Callable[[], tuple],
                      got: Any) -> list[Diagnosis]:
    """The contracts ``got`` breaks; each property gets its own fresh copy of the inputs."""
    found = []
    for prop in properties:
        message = safely(prop, fresh_args(), got)
        if message:
            found.append(Diagnosis(identify(prop), message))
    return found


def fired_hints(hints: Iterable[Hint], fresh_args: Callable[[], tuple], want: Any,
                got: Any) -> list[Diagnosis]:
    """The hints that recognise a mistake in ``got``, each sentence once, in order."""
    found, seen = [], set()
    for hint in hints:
        message = safely(hint, fresh_args(), want, got)
        if message and message not in seen:
            seen.add(message)
            found.append(Diagnosis(identify(hint), message))
    return found
