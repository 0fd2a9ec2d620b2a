"""Run one student's solution cells through both judges, in this process and fast: the public
checks (as a notebook's check cell calls them) and the grader's scoring of hidden cases (as the
worker would answer each call: inputs read-only, outputs and errors as plain data).

The worker's sandbox is not part of this: the sandboxed path is tested in ``tests/autograder``.
"""

from __future__ import annotations

import copy
import functools
import importlib
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from autograder.boundary.protocol import CallReport, Response
from autograder.build.source import SourceNotebook
from autograder.grading import disclosure
from autograder.grading.plan import FunctionPlan, build_plan, isolation_id
from autograder.grading.score import score_notebook
from layerlab import plaindata
from layerlab.checks.runner import check_function
from layerlab.judge.outcome import describe_exception

REPO = Path(__file__).resolve().parents[2]


@functools.lru_cache(maxsize=None)
def source(assignment: str, notebook: str) -> SourceNotebook:
    return SourceNotebook(REPO / "source" / assignment / f"{notebook}.ipynb")


@functools.lru_cache(maxsize=None)
def plan(assignment: str, notebook: str):
    return build_plan(source(assignment, notebook))


def namespace(assignment: str, notebook: str, cells: dict[str, str]) -> dict:
    """The notebook's names after running its solution cells, ``cells`` (grade id -> code)
    replacing some; each cell is compiled as ``<cell N>``, as the notebook would."""
    nb = source(assignment, notebook)
    names = {k: v for k, v in vars(nb.reference()).items()}
    if "load_building_blocks" in names:  # the notebook's `blocks = load_building_blocks(...)` cell
        names["blocks"] = SimpleNamespace(**{k: v for k, v in names.items() if callable(v)})
    for number, cell in enumerate(nb.solution_cells(), start=1):
        code = cells.get(nb.nbgrader_meta(cell).get("grade_id"), cell.source)
        exec(compile(code, f"<cell {number}>", "exec"), names)
    return names


def public_mistakes(notebook: str, names: dict, function: str) -> list[str]:
    """The mistake identifiers the public check of ``function`` names, in order."""
    specs = importlib.import_module(f"layerlab.checks.{notebook}").SPECS
    with np.errstate(all="ignore"):
        return check_function(notebook, specs[function], names[function]).mistakes


def grade(assignment: str, notebook: str, names: dict, cells: dict[str, str] | None = None) -> dict:
    """function name -> FunctionResult, every hidden case answered by the function in ``names``;
    ``cells`` (grade id -> code): the solution cells the student replaced, as in :func:`namespace`
    (the grader reads the submitted cells' code, e.g. for the order of a call's arguments)."""
    p = plan(assignment, notebook)
    response = Response(ready=True, done=True)
    for fplan in p.functions:
        if not isinstance(fplan, FunctionPlan):
            continue
        for case in fplan.cases:
            response.calls[case.call_id] = _answer(names.get(fplan.name), case)
        if fplan.isolation is not None:
            removed = {k: names.pop(k) for k in list(names) if _variable(k, names[k])}
            try:
                report = _answer(names.get(fplan.name), fplan.isolation)
            finally:
                names.update(removed)
            report.id, report.removed = isolation_id(fplan.isolation), sorted(removed)
            response.calls[report.id] = report
    nb = source(assignment, notebook)
    sent = [{"filename": f"<cell {n}>", "source": (cells or {}).get(nb.nbgrader_meta(c).get("grade_id"), c.source)}
            for n, c in enumerate(nb.solution_cells(), start=1)]
    context = disclosure.Context(sent, disclosure.released_text(nb.nb))
    return {r.name: r for r in score_notebook(p, response, {}, None, context)}


def grader_mistakes(result) -> list[str]:
    """The mistake identifiers of a function's failing hidden cases, in order."""
    return list(dict.fromkeys(m for case in result.failures for m in case.mistakes))


def _answer(fn, case) -> CallReport:
    args, kwargs = _read_only(case.args), _read_only(case.kwargs)
    if case.seed is not None:
        np.random.seed(case.seed)
    try:
        with np.errstate(all="ignore"):
            output = fn(*args, **kwargs)
    except Exception as exc:
        error = describe_exception(exc, lambda filename: filename.startswith("<cell "))
        return CallReport(case.call_id, "error", 0.0, error=error)
    try:
        output = plaindata.decode(plaindata.encode(output))
    except Exception:
        return CallReport(case.call_id, "not_plain", 0.0, undecodable="not plain data")
    after = plaindata.decode(plaindata.encode((args, kwargs)))
    return CallReport(case.call_id, "ok", 0.0, output=output, args_after=after)


def _variable(name: str, value) -> bool:
    """A notebook variable the worker removes for the isolated call: data, not a function, a
    module or a constant."""
    constant = len(name) > 1 and name.isupper()
    return not (name.startswith("_") or constant or callable(value) or isinstance(value, type(np)))


def _read_only(value):
    if isinstance(value, np.ndarray):
        return np.frombuffer(value.tobytes(), dtype=value.dtype).reshape(value.shape)
    if isinstance(value, dict):
        return {k: _read_only(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        items = [_read_only(v) for v in value]
        return items if isinstance(value, list) else tuple(items)
    return copy.deepcopy(value)
