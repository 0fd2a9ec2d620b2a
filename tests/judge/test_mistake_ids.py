"""Mistake identifiers flow from the recognisers that fired into the grader's results."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

import numpy as np

from autograder.boundary.protocol import CallReport, ErrorInfo, Response
from autograder.build.source import SourceNotebook
from autograder.grading.plan import build_plan
from autograder.grading.results import AssignmentResult, NotebookResult
from autograder.grading.score import score_notebook
from layerlab.checks import numpy_basics

SOURCE = Path(__file__).resolve().parents[2] / "source" / "week2_numpy_basics" / "numpy_basics.ipynb"


@functools.lru_cache(maxsize=None)
def _plan():
    return build_plan(SourceNotebook(SOURCE))


def _answers(answer) -> Response:
    """A worker's response: every hidden call answered by ``answer(function, case)``."""
    response = Response(ready=True, done=True)
    for fplan in _plan().functions:
        for case in fplan.cases:
            response.calls[case.call_id] = answer(fplan.name, case)
        if fplan.isolation is not None:
            iso = copy.copy(answer(fplan.name, fplan.isolation))
            iso.id = fplan.isolation.call_id + "/isolated"
            response.calls[iso.id] = iso
    return response


def _right(case, output=None, args_after=None) -> CallReport:
    return CallReport(case.call_id, "ok", 0.0, output=case.expected if output is None else output,
                      args_after=args_after or (copy.deepcopy(case.args), dict(case.kwargs)))


def _results(response: Response) -> dict:
    functions = score_notebook(_plan(), response, {}, None)
    result = AssignmentResult("ada", "week2_numpy_basics",
                              [NotebookResult("numpy_basics", True, functions)], "now")
    return json.loads(json.dumps(result.to_json()))["functions"]


def test_a_fired_hint_puts_its_identifier_in_the_failures(monkeypatch):
    hint = numpy_basics.SPECS["sigmoid"].hints[0]
    monkeypatch.setattr(hint, "mistake_id", "sigmoid.flipped-sign", raising=False)

    def answer(name, case):
        if name == "sigmoid":
            return _right(case, output=1 - np.asarray(case.expected))
        return _right(case)

    functions = _results(_answers(answer))
    failures = functions["sigmoid"]["failures"]
    # the hint first; σ(−x) is also one change of the reference (its minus sign left out)
    assert failures and all(f["mistakes"] == ["sigmoid.flipped-sign", "near-miss.dropped-part"] for f in failures)
    assert all(f["mistakes"] == [] for name in functions if name != "sigmoid"
               for f in functions[name]["failures"])


def test_an_explained_error_and_a_changed_input_carry_their_identifiers():
    def answer(name, case):
        if name == "L1":
            return CallReport(case.call_id, "error", 0.0, error=ErrorInfo(
                "KeyError", ["KeyError", "LookupError", "Exception", "BaseException"], "'W3'", []))
        if name == "normalize_rows":
            changed = copy.deepcopy(case.args)
            changed[0][...] = 0.0
            return _right(case, args_after=(changed, dict(case.kwargs)))
        if name == "softmax":
            return CallReport(case.call_id, "error", 0.0, error=ErrorInfo(
                "ValueError", ["ValueError", "Exception", "BaseException"],
                "shapes (3,4) and (3,5) not aligned: 4 (dim 1) != 3 (dim 0)", []))
        return _right(case)

    functions = _results(_answers(answer))
    assert {m for f in functions["L1"]["failures"] for m in f["mistakes"]} == {"error.missing-layer-key"}
    assert {m for f in functions["normalize_rows"]["failures"] for m in f["mistakes"]} == {
        "input.changed-in-place"}
    softmax = functions["softmax"]["failures"]
    assert softmax and all(f["mistakes"] == ["error.matmul-shapes"] for f in softmax)
    assert "transposed would fit" in softmax[0]["hints"][0]
