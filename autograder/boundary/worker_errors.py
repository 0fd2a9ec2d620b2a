"""The worker's errors and time limits: :class:`TimeLimit`, the alarm that raises it, and an
exception as protocol data (with the frames of the student's cells only).

Imported by ``worker.py`` as a plain file next to it (standard library only).
"""

from __future__ import annotations

import signal
import traceback

#: the file name of a student's cell as the worker compiles it: ``<cell N>``
CELL_PREFIX = "<cell "


class TimeLimit(BaseException):
    """Raised in the student's code when a cell or a call runs past its time limit."""


def error_info(exc: BaseException) -> dict:
    """The exception as protocol data, with only the frames of the student's cells."""
    lines = []
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.startswith(CELL_PREFIX):
            lines.append(f'File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append("    " + frame.line.strip())
    if isinstance(exc, SyntaxError):
        lines += [line.rstrip("\n") for line in traceback.format_exception_only(type(exc), exc)[:-1]]
    bases = [c.__name__ for c in type(exc).__mro__
             if c.__module__ == "builtins" and issubclass(c, BaseException)]
    return {"type": type(exc).__name__[:100], "bases": bases, "message": text_of(exc), "traceback": lines}


def text_of(exc: BaseException) -> str:
    try:
        text = str(exc)
    except BaseException:
        text = "(the error message could not be shown)"
    if not isinstance(text, str):
        return "(the error message could not be shown)"
    return text if len(text) <= 4000 else text[:3999] + "…"


def on_alarm(signum, frame):
    raise TimeLimit()


def alarm(seconds: float) -> None:
    signal.setitimer(signal.ITIMER_REAL, max(0.0, float(seconds)))
