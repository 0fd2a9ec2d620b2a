"""The result of grading one submission, and ``results.json``.

``autograded/<student>/<assignment>/results.json``::

    {"student": "ada", "assignment": "week2_numpy_basics", "score": 8.5, "max_score": 10.0,
     "functions": {"softmax": {"kind": "function", "notebook": "numpy_basics", "score": 1.0,
                               "max_score": 2.0, "status": "partial", "passed": 3, "cases": 6,
                               "messages": ["...", ...],
                               "failures": [{"case": 2, "input": "x = ...", "problems": [...],
                                             "hints": [...], "traceback": [...],
                                             "mistakes": ["softmax.sum-over-columns"]}]}, ...},
     "errors": ["numpy_basics.ipynb, cell 14: NameError: name 'y' is not defined", ...],
     "warnings": ["The locked cell 'setup' was changed; the original was restored.", ...],
     "notebooks": {"numpy_basics": {"found": true, "cells_run": 20, "skipped": [...],
                                    "cell_errors": [...], "seconds": 2.1}},
     "grader": {"graded_at": "2025-01-01T12:00:00+00:00", "seconds": 2.3}}

``"status"`` says what became of the function, for tools that count (``autograder.insights``):
``"passed"`` (full marks), ``"partial"``, or, without points, ``"unfinished"`` (a stub still
raising NotImplementedError, a function not defined, a question not answered), ``"timeout"``,
``"error"`` (every case raised, or the notebook could not run) or ``"failed"`` (wrong answers).

``"mistakes"`` holds the catalogue identifiers (:mod:`layerlab.judge.catalogue`) of the mistakes
recognised in that case, so a class's mistakes can be counted; empty when none was recognised.
A quiz's questions are entries of ``"functions"`` too, with ``"kind": "question"`` and the
student's ``"answer"`` as written (``"cases"`` is 1, ``"passed"`` 1 for full marks).

Files are written atomically (a temporary file in the same folder, then a rename), so a reader
never sees half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from autograder.grading.outcomes import FunctionResult, QuestionResult


@dataclass
class CellError:
    label: str             # "cell 14 (print(y))"
    error: str             # "NameError: name 'y' is not defined"
    traceback: list[str]


@dataclass
class NotebookResult:
    """One notebook of a submission."""

    name: str
    found: bool
    functions: list[FunctionResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)       # the notebook as a whole could not be graded
    cell_errors: list[CellError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    cells_run: int = 0
    slowest_cells: list[tuple[str, float]] = field(default_factory=list)  # (label, seconds)
    seconds: float = 0.0
    log: str = ""                                         # what the notebook printed (excerpt)
    sanitized: str | None = field(default=None, repr=False)  # the notebook as run (nbformat JSON)

    @property
    def score(self) -> float:
        return round(sum(f.score for f in self.functions), 4)

    @property
    def max_score(self) -> float:
        return round(sum(f.max_score for f in self.functions), 4)


@dataclass
class AssignmentResult:
    student: str
    assignment: str
    notebooks: list[NotebookResult]
    graded_at: str
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)      # about the submission folder itself
    fingerprint: str = ""      # the submission's content and the grader's version (see grade.py)
    sandbox: str = ""          # how student code was isolated

    @property
    def score(self) -> float:
        return round(sum(n.score for n in self.notebooks), 4)

    @property
    def max_score(self) -> float:
        return round(sum(n.max_score for n in self.notebooks), 4)

    @property
    def functions(self) -> list[FunctionResult]:
        return [f for n in self.notebooks for f in n.functions]

    def all_errors(self) -> list[str]:
        out = list(self.errors)
        for n in self.notebooks:
            out += [f"{n.name}.ipynb: {e}" for e in n.errors]
            out += [f"{n.name}.ipynb, {c.label}: {c.error}" for c in n.cell_errors]
        return out

    def to_json(self) -> dict:
        return {
            "student": self.student,
            "assignment": self.assignment,
            "score": self.score,
            "max_score": self.max_score,
            "functions": {f.name: _function_json(f) for f in self.functions},
            "errors": self.all_errors(),
            "warnings": [f"{n.name}.ipynb: {w}" for n in self.notebooks for w in n.warnings],
            "notebooks": {n.name: {"found": n.found, "score": n.score, "max_score": n.max_score,
                                   "cells_run": n.cells_run, "skipped": n.skipped,
                                   "slowest_cells": n.slowest_cells,
                                   "cell_errors": [vars(c) for c in n.cell_errors],
                                   "seconds": round(n.seconds, 3), "output_excerpt": n.log}
                          for n in self.notebooks},
            "grader": {"graded_at": self.graded_at, "seconds": round(self.seconds, 3),
                       "fingerprint": self.fingerprint, "sandbox": self.sandbox},
        }


def _function_json(f: FunctionResult) -> dict:
    out = {"kind": f.kind, "notebook": f.notebook, "score": f.score, "max_score": f.max_score,
           "status": f.status, "passed": f.passed, "cases": f.total, "messages": f.messages,
           "failures": [{"case": c.number, "input": c.label, "problems": c.problems, "hints": c.hints,
                         "traceback": c.traceback, "mistakes": c.mistakes}
                        for c in f.failures if c.problems or c.traceback or c.hints]}
    if isinstance(f, QuestionResult):
        out["answer"] = f.answer  # as the student wrote it
    return out


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never a part."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_results(path: Path, result: AssignmentResult) -> None:
    atomic_write(path, json.dumps(result.to_json(), indent=1, ensure_ascii=False, allow_nan=False) + "\n")
