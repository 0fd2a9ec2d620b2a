"""Wall time of "Run All" of a notebook: executed with nbclient in a fresh python3 kernel, in a
temporary copy of its folder, every cell included (also the ones tagged heavy).

Used by benchmarks/speed.py. The kernel is the ``python3`` kernel of the running interpreter
(jupyter_client starts the ``python`` of a native kernel spec with ``sys.executable``), so
``.venv/bin/python benchmarks/speed.py`` measures the notebooks in the project's virtualenv.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbclient
import nbformat
from tqdm.auto import tqdm

#: No single cell may run longer than this (a guard against hangs, not a target).
CELL_TIMEOUT = 600


def _copy_folder(folder: Path, target: Path) -> None:
    """The files of the notebook's folder (e.g. a shipped helper module), not subfolders."""
    target.mkdir(parents=True, exist_ok=True)
    for item in folder.iterdir():
        if item.is_file():
            shutil.copy(item, target / item.name)


def _lay_out(folder: Path, tmp: Path) -> Path:
    """Copy the notebook's assignment folder into ``tmp/<assignment>/`` and, when the assignment
    builds on an earlier one (the application reads ``../week4_deep_nn_step_by_step/``), that
    folder beside it, as students have them; returns where the notebook's copy runs."""
    from autograder.build.helper_modules import helper_for

    _copy_folder(folder, tmp / folder.name)
    helper = helper_for(folder.name)
    if helper is not None:
        _copy_folder(folder.parent / helper.source, tmp / helper.source)
    return tmp / folder.name


def run_all(path: Path, progress: bool = True) -> dict:
    """Execute the notebook at ``path`` top to bottom in a temporary copy; never modifies ``path``.

    Returns:
    dict with "seconds" (wall time of the whole run, kernel start included), "cells" (list of
    {"index", "id", "seconds"} for every code cell, in order), "error" (None, or
    "<cell id>: <exception name>: <message>" of the first cell that raised).
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    code_cells = sum(cell.cell_type == "code" and bool(cell.source.strip()) for cell in nb.cells)
    cells: list[dict] = []
    started: dict[int, float] = {}
    bar = tqdm(total=code_cells, desc=f"  {path.name}", unit="cell", leave=False, file=sys.stderr,
               disable=not progress)

    def on_start(cell, cell_index):
        started[cell_index] = time.perf_counter()
        if cell.cell_type == "code":
            bar.set_postfix_str(str(cell.get("id", cell_index)))

    def on_executed(cell, cell_index, execute_reply):
        cells.append({"index": cell_index, "id": cell.get("id"),
                      "seconds": round(time.perf_counter() - started.get(cell_index, time.perf_counter()), 3)})
        bar.update(1)

    error = None
    with tempfile.TemporaryDirectory(prefix="layerlab-bench-") as tmp:
        here = _lay_out(path.parent, Path(tmp))
        client = nbclient.NotebookClient(
            nb, timeout=CELL_TIMEOUT, kernel_name="python3", allow_errors=False,
            resources={"metadata": {"path": str(here)}}, on_cell_start=on_start, on_cell_executed=on_executed)
        start = time.perf_counter()
        try:
            client.execute()
        except nbclient.exceptions.CellExecutionError as exc:
            failed = next((c for c in nb.cells if any(o.get("output_type") == "error"
                                                      for o in c.get("outputs", []))), None)
            error = f"{failed.get('id') if failed else '?'}: {exc.ename}: {exc.evalue}"
        except nbclient.exceptions.CellTimeoutError as exc:
            error = f"timeout: {exc}"
        seconds = time.perf_counter() - start
    bar.close()
    return {"seconds": round(seconds, 2), "cells": cells, "error": error}


def slowest(cells: list[dict], k: int = 3) -> list[dict]:
    """The ``k`` slowest cells of a run, slowest first."""
    return sorted(cells, key=lambda c: -c["seconds"])[:k]
