"""Helpers for tests that execute notebooks: run one with nbclient, list its errors, and play the
student who completes a release by pasting the reference solutions into its stubs."""

from __future__ import annotations

import time
from pathlib import Path

import nbclient
import nbformat

#: No single cell of any notebook may run longer than this (a guard against hangs, not a target).
CELL_TIMEOUT = 600


def execute(nb, cwd: Path, allow_errors: bool = False) -> float:
    """Run every cell of ``nb`` in place in a fresh python3 kernel; return the wall time in seconds."""
    start = time.perf_counter()
    client = nbclient.NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                                     allow_errors=allow_errors,
                                     resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return time.perf_counter() - start


def errors(nb) -> list[tuple[object, dict]]:
    """(cell, error output) for every cell that raised."""
    return [(cell, out) for cell in nb.cells if cell.cell_type == "code"
            for out in cell.get("outputs", []) if out.output_type == "error"]


def grade_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def completed(release_path: Path, source_path: Path):
    """The released notebook with every solution cell replaced by the source's solution cell."""
    release = nbformat.read(release_path, as_version=4)
    solutions = {grade_meta(c)["grade_id"]: c.source
                 for c in nbformat.read(source_path, as_version=4).cells if grade_meta(c).get("solution")}
    for cell in release.cells:
        meta = grade_meta(cell)
        if meta.get("solution"):
            cell.source = solutions[meta["grade_id"]]
    return release
