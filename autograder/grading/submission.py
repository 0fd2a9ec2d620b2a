"""Find the submissions in nbgrader's layout and read them safely.

nbgrader collects a student's files into ``submitted/<student>/<assignment>/``; the notebook
``<notebook>.ipynb`` there is graded against ``source/<assignment>/<notebook>.ipynb``. A file that
cannot be read (missing, empty, not UTF-8, not JSON, not a notebook, absurdly large or made of
absurdly many cells or values, a link, a FIFO or a device, metadata of the wrong JSON type, text
that is not valid Unicode) raises
:class:`SubmissionError` with a sentence the student can act on; the caller scores that notebook 0
and goes on with the next one. Files are read through :mod:`safe_files` only (no links followed
below ``submitted/``, sizes bounded before reading).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.grading import safe_files

#: larger notebooks are refused (a notebook of this course is well under 1 MB without outputs).
MAX_BYTES = 256 * 1024 * 1024
#: larger notebooks are graded (their outputs are ignored anyway) with a warning.
LARGE_BYTES = 20 * 1024 * 1024
#: notebooks with more cells are refused (this course's notebooks have fewer than 100; reading and
#: restoring costs the grader about a millisecond per cell).
MAX_CELLS = 2000
#: notebooks whose JSON holds more values than this (counted as its commas and colons, before
#: parsing) are refused: a few hundred MB of small numbers would take the grader gigabytes to parse.
MAX_VALUES = 4_000_000

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

    @property
    def root(self) -> Path:
        """The course's ``submitted/`` folder, below which nothing is followed."""
        return self.folder.parent.parent

    def relative(self, name: str) -> Path:
        """``<student>/<assignment>/<name>``, relative to :attr:`root`."""
        return self.folder.relative_to(self.root) / name

    def read_side_file(self, name: str, limit: int = 4096) -> bytes | None:
        """A small side file of the submission (``timestamp.txt``), or None when it is absent or
        is not a regular file of at most ``limit`` bytes."""
        try:
            return safe_files.read_regular(self.root, self.relative(name), limit)
        except (OSError, safe_files.UnsafeFile):
            return None

    def other_notebooks(self, expected: list[str]) -> list[str]:
        """Names of ``.ipynb`` files in the folder that are not among ``expected``."""
        names = safe_files.list_names(self.root, self.folder.relative_to(self.root))
        return [n for n in names if n.endswith(".ipynb") and n[:-6] not in expected]


def parse_timestamp(data: bytes | None):
    """nbgrader's submission time from the bytes of ``timestamp.txt``, or None (as nbgrader's own
    reader, when it is absent or unreadable)."""
    if data is None:
        return None
    try:
        from nbgrader.utils import parse_utc

        return parse_utc(data.decode("utf-8").strip())
    except Exception:
        return None


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


def read_notebook(path: Path, root: Path | None = None) -> nbformat.NotebookNode:
    """The notebook at ``path`` (converted to nbformat 4), or :class:`SubmissionError`. With
    ``root`` (a folder above ``path``), no link between the two is followed."""
    path = Path(path)
    name = path.name
    root = Path(root) if root is not None else path.parent
    try:
        fd, size = safe_files.open_regular(root, path.relative_to(root), name)
    except FileNotFoundError:
        raise SubmissionError(f"{name} is missing from the submission: submit the assignment's "
                              f"notebook under its original name") from None
    except safe_files.UnsafeFile as exc:
        raise SubmissionError(str(exc)) from None
    except OSError as exc:
        raise SubmissionError(f"{name} could not be opened ({exc.strerror}): submit it again") from None
    with os.fdopen(fd, "rb") as fh:
        if size == 0:
            raise SubmissionError(f"{name} is an empty file: open your notebook, save it, and submit again")
        if size > MAX_BYTES:
            raise SubmissionError(f"{name} is {size / 2**20:.0f} MB, too large to grade: clear the outputs "
                                  f"(Edit → Clear Outputs of All Cells), save, and submit again")
        raw = fh.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise SubmissionError(f"{name} grew while it was read: submit it again")
    if raw.count(b",") + raw.count(b":") > MAX_VALUES:
        raise SubmissionError(f"{name} holds more than {MAX_VALUES:,} values, too many to grade: clear "
                              f"the outputs (Edit → Clear Outputs of All Cells), save, and submit again")
    try:
        text = raw.decode("utf-8")
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
    cells = data.get("cells", data.get("worksheets"))
    if len(cells) > MAX_CELLS:
        raise SubmissionError(f"{name} has {len(cells):,} cells, more than the {MAX_CELLS:,} the grader "
                              f"reads: delete the cells you added for trying things out, save, and "
                              f"submit again")
    if data["nbformat"] > 4:
        raise SubmissionError(f"{name} uses notebook format {data['nbformat']}, which the grader "
                              f"does not read: save it with JupyterLab 4")
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:
        raise SubmissionError(f"{name} could not be read as a notebook ({type(exc).__name__}): open it "
                              f"in JupyterLab, save it, and submit again") from None
    _check_shape(nb, name)
    return nb


#: notebook metadata fields the grader reads, and the JSON type each must have.
_NOTEBOOK_FIELDS = {"kernelspec": dict, "language_info": dict}
_KERNEL_FIELDS = {"language": str, "display_name": str, "name": str}
_NBGRADER_FIELDS = {"grade_id": str, "solution": bool, "grade": bool, "locked": bool, "task": bool,
                    "points": (int, float), "schema_version": int}


def _check_shape(nb, name: str) -> None:
    """Every field the grader reads has the JSON type nbformat promises, and every string is
    valid Unicode (a JSON file may hold lone surrogates, which no UTF-8 writer accepts)."""
    def bad(where: str) -> SubmissionError:
        return SubmissionError(f"{name}: {where} is malformed (it was probably edited by hand): "
                               f"open the notebook in JupyterLab, save it, and submit again")

    metadata = nb.get("metadata", {})
    if not isinstance(metadata, dict):
        raise bad("the notebook's metadata")
    for key, kind in _NOTEBOOK_FIELDS.items():
        if key in metadata and not isinstance(metadata[key], kind):
            raise bad(f"the notebook's metadata field {key!r}")
    for key, kind in _KERNEL_FIELDS.items():
        for parent in ("kernelspec", "language_info"):
            value = metadata.get(parent, {}).get(key)
            if value is not None and not isinstance(value, kind):
                raise bad(f"the notebook's metadata field {parent}.{key}")
    for number, cell in enumerate(nb.cells, start=1):
        if not (isinstance(cell, dict) and cell.get("cell_type") in CELL_TYPES
                and isinstance(cell.get("source"), str) and isinstance(cell.get("metadata", {}), dict)
                and isinstance(cell.get("id", ""), str)):
            raise bad(f"cell {number}")
        meta = cell.get("metadata", {})
        if not isinstance(meta.get("tags", []), list):
            raise bad(f"the tags of cell {number}")
        grading = meta.get("nbgrader", {})
        if not isinstance(grading, dict):
            raise bad(f"the nbgrader metadata of cell {number}")
        for key, kind in _NBGRADER_FIELDS.items():
            value = grading.get(key)
            if value is not None and (not isinstance(value, kind)
                                      or kind is not bool and isinstance(value, bool)):
                raise bad(f"the nbgrader field {key!r} of cell {number}")
    if _has_surrogates(nb):
        raise SubmissionError(f"{name} holds text that is not valid Unicode (a lone surrogate "
                              f"escape such as \\ud800): remove it, save, and submit again")


def _has_surrogates(value) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
