"""Find the submissions in nbgrader's layout and read them safely.

nbgrader collects a student's files into ``submitted/<student>/<assignment>/``; the notebook
``<notebook>.ipynb`` there is graded against ``source/<assignment>/<notebook>.ipynb``. A file that
cannot be read (missing, empty, not UTF-8, not JSON, not a notebook, absurdly large) raises
:class:`SubmissionError` with a sentence the student can act on; the caller scores that notebook 0
and goes on with the next one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import nbformat

#: larger notebooks are refused (a notebook of this course is well under 1 MB without outputs).
MAX_BYTES = 256 * 1024 * 1024
#: larger notebooks are graded (their outputs are ignored anyway) with a warning.
LARGE_BYTES = 20 * 1024 * 1024

CELL_TYPES = frozenset(["code", "markdown", "raw"])


class SubmissionError(ValueError):
    """A submitted notebook that cannot be graded; the message is written for the student."""


@dataclass(frozen=True)
class Submission:
    """One student's submission of one assignment: the folder ``submitted/<student>/<assignment>``."""

    student: str
    assignment: str
    folder: Path

    def notebook_path(self, notebook: str) -> Path:
        return self.folder / f"{notebook}.ipynb"

    def other_notebooks(self, expected: list[str]) -> list[str]:
        """Names of ``.ipynb`` files in the folder that are not among ``expected``."""
        return sorted(p.name for p in self.folder.glob("*.ipynb") if p.stem not in expected)


def find_submissions(submitted_dir: Path, assignments: list[str] | None = None,
                     students: list[str] | None = None) -> list[Submission]:
    """Every ``submitted/<student>/<assignment>/`` folder, optionally only of the given assignments
    and students, sorted by assignment then student."""
    found = []
    submitted_dir = Path(submitted_dir)
    if not submitted_dir.is_dir():
        return []
    for student_dir in sorted(p for p in submitted_dir.iterdir() if p.is_dir()):
        if students and student_dir.name not in students:
            continue
        for folder in sorted(p for p in student_dir.iterdir() if p.is_dir()):
            if assignments and folder.name not in assignments:
                continue
            if not folder.name.startswith("."):
                found.append(Submission(student_dir.name, folder.name, folder))
    return sorted(found, key=lambda s: (s.assignment, s.student))


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """The notebook at ``path`` (converted to nbformat 4), or :class:`SubmissionError`."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise SubmissionError(f"{name} is missing from the submission: submit the assignment's "
                              f"notebook under its original name")
    size = path.stat().st_size
    if size == 0:
        raise SubmissionError(f"{name} is an empty file: open your notebook, save it, and submit again")
    if size > MAX_BYTES:
        raise SubmissionError(f"{name} is {size / 2**20:.0f} MB, too large to grade: clear the outputs "
                              f"(Edit → Clear Outputs of All Cells), save, and submit again")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise SubmissionError(f"{name} is not a text file, so it is not a Jupyter notebook: submit "
                              f"the .ipynb file that JupyterLab saves") from None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise SubmissionError(f"{name} is damaged: it is not valid JSON{where}. Open it in JupyterLab; "
                              f"if it does not open, copy your code into a fresh copy of the "
                              f"assignment") from None
    if not (isinstance(data, dict) and isinstance(data.get("cells", data.get("worksheets")), list)
            and isinstance(data.get("nbformat"), int)):
        raise SubmissionError(f"{name} is a JSON file but not a Jupyter notebook: submit the "
                              f"assignment's notebook itself")
    if data["nbformat"] > 4:
        raise SubmissionError(f"{name} uses notebook format {data['nbformat']}, which the grader "
                              f"does not read: save it with JupyterLab 4")
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:
        raise SubmissionError(f"{name} could not be read as a notebook ({type(exc).__name__}): open it "
                              f"in JupyterLab, save it, and submit again") from None
    for number, cell in enumerate(nb.cells, start=1):
        if not (isinstance(cell, dict) and cell.get("cell_type") in CELL_TYPES
                and isinstance(cell.get("source"), str) and isinstance(cell.get("metadata", {}), dict)):
            raise SubmissionError(f"{name}: cell {number} is malformed: open the notebook in "
                                  f"JupyterLab, save it, and submit again")
    return nb
