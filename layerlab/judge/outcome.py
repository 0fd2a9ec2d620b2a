"""Plain-data outcome types of the judge: what a call gave back, described without live objects.

The public checks describe the real exception right after the call (:func:`describe_exception`);
the grader gets the same description from the sandboxed worker (``autograder.boundary.protocol``
decodes it into :class:`ErrorInfo`). Everything the judge decides (a verdict, a diagnosis) is made
from these plain values, so both places reach the same words.
"""

from __future__ import annotations

import traceback as _traceback
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class ErrorInfo:
    """An exception raised by the student's code.

    type:       the exception's class name, e.g. ``"ValueError"``
    bases:      the built-in classes it derives from, most specific first, e.g.
                ``["ValueError", "Exception", "BaseException"]``
    message:    ``str(exc)``
    traceback:  the student's own frames only: ``File "...", line N, in name`` lines, each
                followed by its source line indented by four spaces
    """

    type: str
    bases: list[str]
    message: str
    traceback: list[str] = field(default_factory=list)

    def is_a(self, name: str) -> bool:
        """True when the exception is a ``name`` (its type or one of its built-in bases)."""
        return self.type == name or name in self.bases

    def last_line(self) -> str:
        """``"ValueError: the message"`` as Python prints it last."""
        return f"{self.type}: {self.message}" if self.message else self.type


@dataclass(frozen=True)
class Diagnosis:
    """One recognised mistake: its catalogue identifier (None for a recogniser not registered in
    :mod:`layerlab.judge.catalogue`) and the sentence the student reads."""

    id: str | None
    sentence: str


def describe_exception(exc: BaseException, keep: Callable[[str], bool] = lambda filename: True
                       ) -> ErrorInfo:
    """``exc`` as plain data; ``keep(filename)`` selects the frames shown (the student's own)."""
    lines = []
    for frame in _traceback.extract_tb(exc.__traceback__):
        if keep(frame.filename):
            lines.append(f'File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append("    " + frame.line.strip())
    bases = [c.__name__ for c in type(exc).__mro__
             if c.__module__ == "builtins" and issubclass(c, BaseException)]
    try:
        message = str(exc)
    except Exception:
        message = "(the error message could not be shown)"
    return ErrorInfo(type(exc).__name__, bases, message, lines)
