"""Trusted comparison and scoring of one notebook's worker report.

Everything compared here was rebuilt by the strict plain-data decoder (:mod:`protocol`): no
object of the student's making reaches :func:`layerlab.judge.compare.compare`. For every hidden
case a function passes when its output matches the reference's, the output contracts
(``properties``) hold and its inputs come back unchanged; the isolation case must also give the
same output without the notebook's variables. A function earns its points in proportion to the
cases it passes. Each case is judged by :mod:`hidden_cases` with the public checks' judge
(:mod:`layerlab.judge`), so failures are explained with the same words and mistake identifiers;
a function whose called graded functions fail their own hidden cases names them first. Nothing
shows the hidden inputs' values, the reference or the hidden test code: every text that the
student's code produced during a hidden call is rebuilt or redacted by :mod:`disclosure` first.
The result types are in :mod:`outcomes`.
A quiz question is marked by :mod:`autograder.grading.quiz` and reported as a
:class:`QuestionResult` (its feedback names the right answer and explains it).
"""

from __future__ import annotations

import copy

from autograder.boundary.protocol import CallReport, ErrorInfo, Response
from autograder.grading import disclosure, quiz
from autograder.grading.hidden_cases import contract, judge_hidden, judge_isolation
from autograder.grading.outcomes import SHOWN_FAILURES, CaseOutcome, FunctionResult, QuestionResult
from autograder.grading.plan import FunctionPlan, NotebookPlan, isolation_id
from layerlab.judge.compare import describe
from layerlab.judge.judge import explain_error
from layerlab.judge import code_facts, code_mistakes, errors, near_misses, root_cause
from layerlab.judge.report import not_implemented, stub_frame

__all__ = ["SHOWN_FAILURES", "CaseOutcome", "FunctionResult", "QuestionResult", "error_hint",
           "score_function", "score_notebook", "score_question"]


def score_question(plan: NotebookPlan, qplan: quiz.QuestionPlan, response: Response | None,
                   missing: dict[str, str], stopped: str | None) -> QuestionResult:
    """Mark one quiz answer (rebuilt strictly from the worker's plain data) against the key."""
    report = response.calls.get(qplan.call_id) if response is not None else None
    conflicting = response is not None and qplan.call_id in response.conflicting
    if response is not None and qplan.call_id in response.oversized_calls:
        conflicting, stopped = False, _oversized(response.oversized_calls[qplan.call_id], "answer")
    if response is None and not stopped:
        stopped = "your notebook could not be run"
    mark = quiz.mark_report(qplan, report, missing.get(qplan.name), stopped, conflicting)
    points = qplan.graded.points
    # 6 decimals: thirds of points then add up to whole totals (results round totals to 4)
    return QuestionResult(qplan.name, plan.name, points, round(points * mark.fraction, 6),
                          int(mark.fraction == 1.0), 1, mark.summary, [], mark.answer, mark.explanation,
                          zero_reason=mark.zero_reason)


def score_notebook(plan: NotebookPlan, response: Response | None, missing: dict[str, str],
                   stopped: str | None, context: disclosure.Context | None = None) -> list[FunctionResult]:
    """Score every graded function of ``plan``.

    response:  the worker's checked report (None when the notebook could not run at all)
    missing:   function -> message, for solution cells that are gone (sanitize)
    stopped:   why the worker ended early, if it did (a sentence), else None
    context:   the cells that were sent (to rebuild tracebacks); None: no traceback is shown
    """
    context = context or disclosure.Context([])
    results = []
    for fplan in plan.functions:
        if isinstance(fplan, quiz.QuestionPlan):
            results.append(score_question(plan, fplan, response, missing, stopped))
        elif fplan.name in missing:
            results.append(_all_failed(plan, fplan, missing[fplan.name], "unfinished"))
        elif response is None:
            results.append(_all_failed(plan, fplan, stopped or "your notebook could not be run", "error"))
        else:
            results.append(score_function(plan, fplan, response, stopped, context))
    _root_causes_first(plan, results)
    _code_mistakes_first(results, context)
    return results


def score_function(plan: NotebookPlan, fplan: FunctionPlan, response: Response,
                   stopped: str | None, context: disclosure.Context | None = None) -> FunctionResult:
    name = fplan.name
    context = context or disclosure.Context([])
    reports = [response.calls.get(case.call_id) for case in fplan.cases]
    spec = contract(fplan)
    near = _near_misses(plan, fplan, reports)
    explained = {id(r): explain_error(spec, r.error, lambda c=case: copy.deepcopy(c.args), n)  # from the words as sent
                 for case, r, n in zip(fplan.cases, reports, near) if r is not None}
    limits = fplan.limits  # the same for every report and every submission
    for report in {id(r): r for r in [*reports, response.calls.get(_isolation_call(fplan))] if r}.values():
        disclosure.disclose_report(report, context, *limits)
    first = next((r for r in reports if r is not None), None)
    if first is not None and first.status in ("missing", "not_callable"):
        return _all_failed(plan, fplan, _not_a_function(name, first),
                           "unfinished" if first.status == "missing" else "error")
    if reports and all(r is not None and r.status == "error" and r.error and
                       r.error.type == "NotImplementedError" for r in reports):
        return _all_failed(plan, fplan, _not_implemented(name, first.error), "unfinished")
    outcomes = []
    for case, report, case_near in zip(fplan.cases, reports, near):
        if report is None:
            why = ("no result came back: " + stopped) if stopped else (
                _oversized(response.oversized_calls[case.call_id], "result") +
                f" (expected: {describe(case.expected)})" if case.call_id in response.oversized_calls else
                "the grader received two different results for this case (did your code write to "
                "the grader's output channel?)" if case.call_id in response.conflicting
                else "no result came back for this case")
            outcomes.append(CaseOutcome(case.number, case.label, False, [why], kind=why))
        else:
            try:
                outcomes.append(disclosure.disclose_outcome(
                    judge_hidden(fplan, case, report, explained.get(id(report)), spec, case_near), case, context))
            except Exception as exc:  # whatever came back, one case must not stop the grading
                outcomes.append(CaseOutcome(case.number, case.label, False, [
                    f"the returned value could not be compared with the expected one "
                    f"({type(exc).__name__}); return numbers and NumPy arrays of the documented shape"],
                    kind="uncomparable"))
    if fplan.isolation is not None:
        judge_isolation(fplan, outcomes[fplan.isolation.number - 1],
                         response.calls.get(fplan.isolation.call_id),
                         response.calls.get(isolation_id(fplan.isolation)))
    passed = sum(o.passed for o in outcomes)
    total = len(outcomes)
    points = fplan.graded.points
    if passed == total:
        summary = f"`{name}` passed all {total} hidden cases."
    else:
        summary = f"`{name}` passed {passed} of {total} hidden cases."
    return FunctionResult(name, plan.name, points, _share(points, passed, total), passed, total,
                          summary, outcomes, zero_reason=_zero_reason(reports))


def _near_misses(plan: NotebookPlan, fplan: FunctionPlan, reports: list[CallReport | None]) -> list:
    """The near misses of each hidden case that agree with every case the submission got wrong
    (:func:`layerlab.judge.near_misses.agreeing`); all None when it got every case right."""
    given = [(r.output if r is not None and r.status == "ok" else None,
              r.error if r is not None and r.status == "error" else None) for r in reports]
    if all(error is None and output is None for output, error in given):
        return [None] * len(reports)
    try:
        if all(near_misses.gave_expected(case.expected, output, error)
               for case, (output, error) in zip(fplan.cases, given)):
            return [None] * len(reports)
        cases = plan.near_misses(fplan.name)
        if len(cases) != len(reports):
            return [None] * len(reports)
        return near_misses.agreeing([(n, case.expected, output, error)
                                     for n, case, (output, error) in zip(cases, fplan.cases, given)])
    except Exception:  # naming a near miss must never stop the grading
        return [None] * len(reports)


def _zero_reason(reports: list[CallReport | None]) -> str:
    """Why the cases earned nothing, if not wrong answers: ``"timeout"`` when they ran out of
    time, ``"error"`` when every one raised or sent nothing back, else ``""``."""
    statuses = {r.status if r is not None else "none" for r in reports}
    if "ok" in statuses or not statuses:
        return ""
    return "timeout" if "timeout" in statuses else "error"


# ----------------------------------------------------------------------------- root causes

def _root_causes_first(plan: NotebookPlan, results: list[FunctionResult]) -> None:
    """Each failing case of a function whose called graded functions fail their own hidden cases
    names that first (the deepest failing callee)."""
    functions = {f.name: f for f in plan.functions if isinstance(f, FunctionPlan)}
    failing = {r.name for r in results if r.kind == "function" and r.name in functions and r.passed < r.total}
    if len(failing) < 2:
        return
    sources = [cell.source for cell in plan.source.solution_cells()]
    graded = list(functions)

    def calls(name: str) -> list[str]:
        spec = functions[name].spec
        if spec.calls:
            return list(spec.calls)
        found = {c for source in sources for c in root_cause.called_in_source(source, name, graded)}
        return [g for g in graded if g in found]

    for result in results:
        if result.name not in failing:
            continue
        found = root_cause.diagnosis(result.name, root_cause.root_causes(result.name, calls, failing.__contains__))
        for case in result.failures:
            if found and (case.problems or case.traceback):
                case.diagnose([found], first=True)


def _code_mistakes_first(results: list[FunctionResult], context: disclosure.Context) -> None:
    """Each failing case of a function names the mistakes read from its submitted code
    (:mod:`layerlab.judge.code_mistakes`: a call's arguments out of order first, the others after
    the case's first diagnosis), as the public checks do."""
    failing = [r for r in results if r.kind == "function" and r.passed < r.total]
    defs = code_facts.definitions(["\n".join(lines) for lines in context.sources.values()]) if failing else {}
    for result in failing:
        first, later = code_mistakes.findings(code_facts.from_definitions(defs, result.name))
        for case in result.failures:
            if (first or later) and (case.problems or case.traceback):
                case.hints = code_mistakes.place([d.sentence for d in first], [d.sentence for d in later], case.hints)
                case.mistakes = code_mistakes.place([d.id for d in first], [d.id for d in later], case.mistakes)


# ----------------------------------------------------------------------------- disclosure

def _isolation_call(fplan: FunctionPlan) -> str | None:
    return isolation_id(fplan.isolation) if fplan.isolation is not None else None


def _oversized(budget: int, what: str) -> str:
    return (f"the {what} was larger than the {budget / 1024:.0f} KiB the grader reads for it, and "
            f"was not read: return only what the docstring asks for")


# ----------------------------------------------------------------------------- errors

def error_hint(error: ErrorInfo | None) -> str | None:
    """Plain words for an error, from its type and message (the exception itself stays in the
    worker: only its description crossed)."""
    diagnosis = errors.explain(error)
    return diagnosis.sentence if diagnosis else None


# ----------------------------------------------------------------------------- helpers

def _all_failed(plan: NotebookPlan, fplan: FunctionPlan, message: str, reason: str) -> FunctionResult:
    total = len(fplan.cases)
    return FunctionResult(fplan.name, plan.name, fplan.graded.points, 0.0, 0, total, message,
                          [CaseOutcome(c.number, c.label, False) for c in fplan.cases], zero_reason=reason)


def _not_implemented(name: str, error: ErrorInfo) -> str:
    """The stub message; names the stub when the function only calls it (a helper still a stub)."""
    frame = stub_frame([line for line in error.traceback if line.startswith('File "<cell ')])
    stub = frame[1] if frame else None
    return not_implemented(name, stub if stub and stub.isidentifier() else None)


def _not_a_function(name: str, report: CallReport) -> str:
    if report.status == "missing":
        return (f"`{name}` is not defined after running your notebook: check that its cell defines "
                f"`def {name}(...)` with exactly this name, and that the cell runs without an error.")
    what = report.error.type if report.error else "value"
    return (f"`{name}` is a {what} after running your notebook, not a function: a later cell "
            f"reused the name `{name}` for a variable (e.g. `{name} = {name}(...)`). Rename that variable.")


def _share(points: float, passed: int, total: int) -> float:
    return round(points * passed / total, 4) if total else 0.0
