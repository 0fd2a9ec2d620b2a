"""Bounds on everything the trusted side keeps or writes, and text made safe for every reader.

Whatever came from a submission (error messages, answers, printed output, names) is cut to a
fixed length with a note saying so, cleaned of text that is not valid Unicode (lone surrogates,
which no UTF-8 writer accepts), and, for the terminal, has its control characters escaped. A
whole result is bounded before it is written (:func:`bound_result`), so ``results.json``, the
feedback page and the gradebook comments stay small whatever the notebook did.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

#: characters kept of one message, one answer, one traceback line, the printed output.
TEXT = 2000
ANSWER = 1000
LINE = 300
LOG = 16_000
#: items kept of one list (errors, warnings, problems of a case, traceback lines).
ITEMS = 40
#: bytes allowed for a call's answer: a fixed part and a part per element of its data.
ANSWER_BASE = 2 * 2**20
ANSWER_PER_ELEMENT = 96


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: Any) -> str:
    """``text`` as a string that every UTF-8 writer accepts (lone surrogates become U+FFFD)."""
    text = text if isinstance(text, str) else str(text)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)


def clip(text: Any, limit: int = TEXT) -> str:
    """``text`` cleaned and cut to about ``limit`` characters, saying how much was cut."""
    text = clean(text)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… [{len(text) - limit} more characters cut by the grader]"


def clip_list(items: list, limit: int = ITEMS, each: int = TEXT) -> list[str]:
    kept = [clip(item, each) for item in items[:limit]]
    if len(items) > limit:
        kept.append(f"[{len(items) - limit} more cut by the grader]")
    return kept


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal(text: Any, limit: int = 200) -> str:
    """``text`` for a terminal: control characters (escape sequences, carriage returns,
    bidirectional overrides) shown as ``\\x1b``-style escapes, never interpreted."""
    text = text if isinstance(text, str) else str(text)
    try:  # a file name's bytes that are not UTF-8 as \\xNN, other lone surrogates as \\udXXX
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    text = clip(text, limit)
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def is_clean_name(name: str) -> bool:
    """A folder name that can be a student id or an assignment of nbgrader's: valid Unicode
    (a name that is not UTF-8 arrives with lone surrogates), no NUL. Control characters are
    allowed here and escaped wherever the name is shown (:func:`terminal`, HTML escaping)."""
    return clean(name) == name and "\x00" not in name and 0 < len(name) <= 255


def elements(*values: Any) -> int:
    """How many numbers (and strings) ``values`` hold, counting array elements."""
    count, stack = 0, list(values)
    while stack:
        item = stack.pop()
        if isinstance(item, np.ndarray):
            count += int(item.size)
        elif isinstance(item, dict):
            stack.extend(item.values())
            count += len(item)
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        else:
            count += 1
    return count


def answer_budget(*values: Any) -> int:
    """Bytes a worker's answer may take for a call whose arguments and expected output are
    ``values``: room for the output, the arguments after the call and mistakes several times
    their size; a longer line is not parsed."""
    return ANSWER_BASE + ANSWER_PER_ELEMENT * 4 * elements(*values)


def bound_result(result) -> None:
    """Cut every text of an :class:`~autograder.grading.results.AssignmentResult` in place."""
    result.student, result.assignment = clean(result.student), clean(result.assignment)
    result.errors = clip_list(result.errors)
    for notebook in result.notebooks:
        notebook.errors = clip_list(notebook.errors)
        notebook.warnings = clip_list(notebook.warnings)
        notebook.skipped = clip_list(notebook.skipped, 200, LINE)
        notebook.log = clip(notebook.log, LOG)
        notebook.slowest_cells = [(clip(label, LINE), seconds) for label, seconds in notebook.slowest_cells]
        kept = notebook.cell_errors[:ITEMS]
        for error in kept:
            error.label, error.error = clip(error.label, LINE), clip(error.error)
            error.traceback = clip_list(error.traceback, ITEMS, LINE)
        if len(notebook.cell_errors) > ITEMS:
            notebook.errors.append(f"{len(notebook.cell_errors) - ITEMS} more cells raised errors "
                                   f"(not listed: the grader lists the first {ITEMS})")
        notebook.cell_errors = kept
        for function in notebook.functions:
            function.summary = clip(function.summary)
            for case in function.cases:
                case.label = clip(case.label, LINE)
                case.problems = clip_list(case.problems, ITEMS)
                case.hints = clip_list(case.hints, 10)
                case.traceback = clip_list(case.traceback, ITEMS, LINE)
                case.kind = clip(case.kind, TEXT)
            if hasattr(function, "answer"):
                function.answer = clip(function.answer, ANSWER)
                function.explanation = clip_list(function.explanation, ITEMS)
