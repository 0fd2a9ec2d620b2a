"""Judge one hidden case from the worker's report, with the public checks' judge.

The report was rebuilt by the strict plain-data decoder (``autograder.boundary.protocol``), so
no object of the student's making reaches the comparison. The case's contract is the function's
one :class:`~layerlab.judge.contract.FunctionSpec`, with its hidden cases' tolerances (:func:`contract`);
:func:`layerlab.judge.judge.judge_case` gives the verdict and this module turns it into a
:class:`CaseOutcome` without value listings (they would give away the reference's output on a
hidden input; :mod:`autograder.grading.disclosure` redacts the rest).
"""

from __future__ import annotations

import copy
import dataclasses

from autograder.boundary.protocol import CallReport
from autograder.grading import disclosure
from autograder.grading.outcomes import CaseOutcome
from autograder.grading.plan import FunctionPlan, PlannedCase
from layerlab.judge.compare import compare
from layerlab.judge.contract import FunctionSpec
from layerlab.judge.inputs import NOTEBOOK_VARIABLE, USE_ARGUMENTS
from layerlab.judge.judge import judge_case
from layerlab.judge.near_misses import CaseNearMisses
from layerlab.judge.outcome import Diagnosis, ErrorInfo
from layerlab.judge.report import evidence


def contract(fplan: FunctionPlan) -> FunctionSpec:
    """The contract of ``fplan``'s function with the plan's tolerances (its hidden cases')."""
    return dataclasses.replace(fplan.spec, rtol=fplan.rtol, atol=fplan.atol)


def judge_hidden(fplan: FunctionPlan, case: PlannedCase, report: CallReport,
                 explained: list[Diagnosis] | None = None, spec: FunctionSpec | None = None,
                 near_misses: CaseNearMisses | None = None) -> CaseOutcome:
    """The outcome of one hidden case; ``explained``: the error's diagnoses, made from the
    message as the worker sent it (before redaction)."""
    shown = disclosure.mask_keys(case.expected, report.output)  # its own keys could carry the inputs
    verdict = judge_case(spec or contract(fplan), case.expected, report,
                         lambda: copy.deepcopy(case.args), (case.args, case.kwargs),
                         fplan.parameters, shown=shown, explained=explained, near_misses=near_misses)
    outcome = CaseOutcome(case.number, case.label, verdict.passed)
    if verdict.passed:
        return outcome
    outcome.problems = ([verdict.lead] if verdict.lead else []) + evidence(verdict.problems, listing=False)
    outcome.traceback = traceback_lines(verdict.error)
    outcome.diagnose(verdict.diagnoses)
    if report.status == "error":
        outcome.kind = f"error {report.error.type if report.error else ''} {' '.join(verdict.mistakes)}"
    elif report.status == "timeout":
        outcome.kind = "timeout"
    else:
        outcome.kind = "\n".join([f"{p.where}: {p.what}" for p in verdict.problems] + outcome.hints)
    return outcome


def judge_isolation(fplan: FunctionPlan, outcome: CaseOutcome, normal: CallReport | None,
                    isolated: CallReport | None) -> None:
    """The isolation case fails when the function needs (or reads) notebook variables, and when
    the isolated call has no single answer (missing, answered twice, too large): a check that
    cannot be made is not a pass."""
    if not outcome.passed or normal is None:
        return
    outcome.passed = False
    if isolated is None:
        outcome.problems.append(f"no single result came back when `{fplan.name}` was called without "
                                f"the notebook's variables, so the grader could not check that it "
                                f"works from its arguments alone")
        outcome.kind = "isolation unanswered"
        return
    removed = ", ".join(f"`{n}`" for n in isolated.removed[:8]) or "none"
    if isolated.status == "error" and isolated.error and "NameError" in isolated.error.bases:
        variable = isolated.error.message.split("'")[1] if isolated.error.message.count("'") >= 2 else "?"
        variable = variable if variable.isidentifier() else "?"  # (redacted with the message)
        outcome.problems.append(f"`{fplan.name}` uses the notebook variable `{variable}`, which is not "
                                f"one of its arguments: it fails when called in a fresh notebook")
        outcome.traceback = traceback_lines(isolated.error)
        outcome.diagnose([Diagnosis(NOTEBOOK_VARIABLE, USE_ARGUMENTS)])
        outcome.kind = f"isolation {variable}"
        return
    try:
        same = isolated.status == "ok" and not compare(normal.output, isolated.output, rtol=1e-12, atol=0.0)
    except Exception:
        same = False
    if same:
        outcome.passed = True
        return
    outcome.problems.append(f"`{fplan.name}` gives another result when the notebook's variables "
                            f"({removed}) are gone: it depends on a notebook variable instead of "
                            f"only its arguments")
    outcome.mistakes.append(NOTEBOOK_VARIABLE)


def traceback_lines(error: ErrorInfo | None) -> list[str]:
    """The student's traceback lines and the exception's last line."""
    if error is None:
        return []
    return [*error.traceback, error.last_line()]
