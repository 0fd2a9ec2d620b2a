"""Restore a submission's locked cells from the source notebook and choose the cells to run.

As nbgrader's overwrite-cells step does, cells are matched by their nbgrader ``grade_id``:
  * locked cells (setup, provided code, test cells, read-only text) get the source's text and
    metadata back, whatever the student did to them; a deleted one is put back after the cell
    that precedes it in the source; a duplicate is dropped;
  * solution cells keep the student's code and get the source's nbgrader metadata back; a
    deleted solution cell means its graded function scores 0, with a message that says why;
  * cells without nbgrader metadata (the student's own, the demos) are kept as they are.
Outputs are cleared. The cells to run are the code cells in order, except test cells (the
hidden cases replace them) and cells tagged ``heavy`` in the source or the submission
(training runs, sweeps), unless they are solution cells.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

import nbformat

from autograder.build.source import SourceNotebook

HEAVY_TAG = "heavy"


@dataclass
class SanitizedNotebook:
    """The submission ready to run.

    nb:        the notebook with locked cells restored and no outputs
    cells:     the code cells to run, in order, as ``{"filename": "<cell 7>", "source": ...}``
    labels:    for each cell number of a ``<cell N>`` filename, a short label for feedback
    skipped:   labels of the code cells that were not run, and why
    warnings:  what was repaired (restored, re-inserted or dropped cells), for the student
    missing:   graded function -> message, for solution cells that are gone
    """

    nb: nbformat.NotebookNode
    cells: list[dict] = field(default_factory=list)
    labels: dict[int, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    missing: dict[str, str] = field(default_factory=dict)


def nbgrader_meta(cell) -> dict:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, dict) else {}


def sanitize(submitted: nbformat.NotebookNode, source: SourceNotebook) -> SanitizedNotebook:
    """The submission with locked cells restored from ``source``; see the module docstring."""
    source_cells = source.nb.cells
    by_id = {nbgrader_meta(c)["grade_id"]: c for c in source_cells if nbgrader_meta(c).get("grade_id")}
    locked = {gid for gid, c in by_id.items() if _is_locked(c)}
    heavy_ids = {c.get("id") for c in source_cells if HEAVY_TAG in _tags(c)}
    warnings: list[str] = []

    kept, seen = [], set()
    for cell in submitted.cells:
        cell = copy.deepcopy(cell)
        gid = nbgrader_meta(cell).get("grade_id")
        if gid is None:
            kept.append(cell)
            continue
        if gid not in by_id:
            _strip_nbgrader(cell)
            warnings.append(f"A cell with the unknown nbgrader id {gid!r} was graded as an ordinary cell.")
            kept.append(cell)
            continue
        if gid in seen:
            if gid in locked:
                warnings.append(f"A copy of the locked cell {gid!r} was removed.")
                continue
            _strip_nbgrader(cell)
            warnings.append(f"The cell {gid!r} appears twice; the second copy ran as an ordinary cell.")
            kept.append(cell)
            continue
        seen.add(gid)
        original = by_id[gid]
        if gid in locked:
            is_test = nbgrader_meta(original).get("grade") and not nbgrader_meta(original).get("solution")
            changed = cell.get("source") != original.source or cell.get("cell_type") != original.cell_type
            if changed and is_test:  # (the released test cell lacks the source's hidden tests)
                changed = (str(cell.get("source")).strip()
                           != _without_hidden_tests(original.source).strip())
            if changed:
                warnings.append(f"The locked cell {gid!r} was changed; the original was restored.")
            kept.append(_fresh_copy(original))
        else:
            kept.append(_restore_solution_metadata(cell, original))

    for index, cell in enumerate(source_cells):
        gid = nbgrader_meta(cell).get("grade_id")
        if gid in locked and gid not in seen:
            _insert_after_previous(kept, source_cells[:index], _fresh_copy(cell))
            seen.add(gid)
            warnings.append(f"The locked cell {gid!r} was missing and was put back.")

    missing = {}
    for fn in source.graded_functions:
        if fn.solution_cell not in seen:
            missing[fn.name] = (f"The cell where you write `{fn.name}` is missing from your notebook "
                                f"(deleted, or its nbgrader metadata was changed), so `{fn.name}` "
                                f"could not be graded. Copy your code into that cell of a fresh copy "
                                f"of the assignment and submit again.")
    for answer in source.graded_answers:  # quiz answers
        if answer.solution_cell not in seen:
            missing[answer.name] = (f"The cell where you answer `{answer.name}` is missing from your "
                                    f"notebook (deleted, or its nbgrader metadata was changed), so "
                                    f"`{answer.name}` could not be graded.")

    kernel = submitted.get("metadata", {}).get("kernelspec", {})
    language = str(kernel.get("language") or submitted.get("metadata", {}).get("language_info", {})
                   .get("name") or "python")
    if language.lower() != "python":
        warnings.append(f"Your notebook's kernel is {kernel.get('display_name') or language!r}, not "
                        f"Python; it was graded with Python anyway. In JupyterLab choose Kernel → "
                        f"Change Kernel… → Python 3 before you work on it again.")

    for cell in kept:
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
    nb = nbformat.from_dict(copy.deepcopy(dict(submitted, cells=[])))
    nb.cells = [nbformat.from_dict(c) for c in kept]
    result = SanitizedNotebook(nb, warnings=warnings, missing=missing)
    _choose_cells(result, heavy_ids, source)
    return result


_HIDDEN_TESTS = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[^\n]*\n?",
                           re.MULTILINE | re.DOTALL)


def _without_hidden_tests(text: str) -> str:
    """A test cell's text as nbgrader releases it (without its hidden-tests regions)."""
    return _HIDDEN_TESTS.sub("", text)


def _choose_cells(result: SanitizedNotebook, heavy_ids: set, source: SourceNotebook) -> None:
    graded = source.graded_functions + source.graded_answers
    graded_by_solution = {fn.solution_cell: fn.name for fn in graded}
    graded_by_test = {fn.test_cell: fn.name for fn in graded}
    answers = {a.name for a in source.graded_answers}
    for number, cell in enumerate(result.nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        meta = nbgrader_meta(cell)
        first = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
        label = f"cell {number}" + (f" ({first[:60]})" if first else " (empty)")
        if meta.get("grade") and not meta.get("solution"):
            name = graded_by_test.get(meta.get("grade_id"))
            result.skipped.append(f"cell {number}: the public checks" + (f" of {name}" if name else "")
                                  + (" (the answer key replaces them)" if name in answers
                                     else " (the hidden cases replace them)"))
            continue
        if not meta.get("solution") and (HEAVY_TAG in _tags(cell) or cell.get("id") in heavy_ids):
            result.skipped.append(f"{label}: a long demonstration, not needed for grading")
            continue
        if meta.get("grade_id") in graded_by_solution:
            label = f"cell {number} (your {graded_by_solution[meta['grade_id']]})"
        result.labels[number] = label
        result.cells.append({"filename": f"<cell {number}>", "source": cell.source})


def _is_locked(cell) -> bool:
    meta = nbgrader_meta(cell)
    return bool(meta.get("locked") or (meta.get("grade") and not meta.get("solution")))


def _tags(cell) -> list:
    tags = cell.get("metadata", {}).get("tags", [])
    return tags if isinstance(tags, list) else []


def _fresh_copy(original) -> dict:
    cell = copy.deepcopy(dict(original))
    cell["metadata"] = copy.deepcopy(dict(original.get("metadata", {})))
    return cell


def _restore_solution_metadata(cell: dict, original) -> dict:
    """The student's code with the source's cell type and nbgrader metadata."""
    metadata = dict(cell.get("metadata") or {})
    metadata["nbgrader"] = copy.deepcopy(dict(nbgrader_meta(original)))
    restored = {"cell_type": original.cell_type, "metadata": metadata, "source": cell.get("source", "")}
    if cell.get("id"):
        restored["id"] = cell["id"]
    if original.cell_type == "code":
        restored.update(outputs=[], execution_count=None)
    return restored


def _strip_nbgrader(cell: dict) -> None:
    metadata = dict(cell.get("metadata") or {})
    metadata.pop("nbgrader", None)
    cell["metadata"] = metadata


def _insert_after_previous(cells: list, earlier_source_cells: list, new_cell: dict) -> None:
    """Insert ``new_cell`` after the last cell of ``cells`` whose grade_id or cell id matches one of
    the source cells before it; at the start when there is none."""
    for previous in reversed(earlier_source_cells):
        gid = nbgrader_meta(previous).get("grade_id")
        for position in range(len(cells) - 1, -1, -1):
            cell = cells[position]
            if (gid and nbgrader_meta(cell).get("grade_id") == gid) or \
                    (not gid and previous.get("id") and cell.get("id") == previous.get("id")):
                cells.insert(position + 1, new_cell)
                return
    cells.insert(0, new_cell)
