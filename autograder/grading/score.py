"""Trusted comparison and scoring of one notebook's worker report.

Everything compared here was rebuilt by the strict plain-data decoder (:mod:`protocol`): no
object of the student's making reaches :func:`layerlab.checks.compare.compare`. For every hidden
case a function passes when its output matches the reference's, the output contracts
(``properties``) hold and its inputs come back unchanged; the isolation case must also give the
same output without the notebook's variables. A function earns its points in proportion to the
cases it passes. Failures are explained with the public checks' words (``compare``, the specs'
hints) and never show the hidden inputs' values, the reference or the hidden test code: every
text that the student's code produced during a hidden call is rebuilt or redacted by
:mod:`disclosure` first.
A quiz question is marked by :mod:`autograder.grading.quiz` and reported as a
:class:`QuestionResult` (its feedback names the right answer and explains it).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, ClassVar


from autograder.grading import disclosure, quiz
from autograder.grading.plan import FunctionPlan, NotebookPlan, PlannedCase, isolation_id
from autograder.boundary.protocol import CallReport, ErrorInfo, Response
from layerlab.checks.compare import Problem, compare, describe
from layerlab.checks.runner import condensed  # the public checks' own words
from layerlab.judge import errors
from layerlab.judge.errors import IN_PLACE
from layerlab.judge.inputs import CHANGED_IN_PLACE, NOTEBOOK_VARIABLE, USE_ARGUMENTS, input_changes
from layerlab.judge.outcome import Diagnosis, ErrorInfo as PlainError
from layerlab.judge.recognise import broken_properties, fired_hints

#: a stop at the time limit, as the worker describes it.
TIME_LIMIT = PlainError("TimeLimit", [], "")

#: how many failing cases of one function the messages spell out.
SHOWN_FAILURES = 3


@dataclass
class CaseOutcome:
    """One hidden case: passed, or why not (``problems`` and ``hints`` in plain words,
    ``traceback``: the student's own lines; ``mistakes``: the catalogue identifiers of the
    recognisers that fired, see :mod:`layerlab.judge.catalogue`)."""

    number: int
    label: str
    passed: bool
    problems: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    traceback: list[str] = field(default_factory=list)
    kind: str = ""   # failures of the same kind are explained once
    mistakes: list[str] = field(default_factory=list)

    def diagnose(self, diagnoses: list[Diagnosis]) -> None:
        """Add the diagnoses' sentences (each once) to the hints and their identifiers to the mistakes."""
        for d in diagnoses:
            if d.sentence not in self.hints:
                self.hints.append(d.sentence)
            if d.id and d.id not in self.mistakes:
                self.mistakes.append(d.id)

    def text(self, same: list[int] = ()) -> str:
        lines = [f"Hidden case {self.number} ({self.label}):"]
        lines += ["  " + p for p in self.problems]
        lines += ["  " + t for t in self.traceback]
        lines += [f"  Likely mistake: {h}" for h in self.hints]
        if same:
            lines.append(f"  The same problem in hidden case{'s' if len(same) > 1 else ''} {_numbers(same)}.")
        return "\n".join(lines)


@dataclass
class FunctionResult:
    name: str
    notebook: str
    max_score: float
    score: float
    passed: int
    total: int
    summary: str                         # one sentence about the whole function
    cases: list[CaseOutcome] = field(default_factory=list)
    kind: ClassVar[str] = "function"

    @property
    def failures(self) -> list[CaseOutcome]:
        return [c for c in self.cases if not c.passed]

    @property
    def groups(self) -> list[tuple[CaseOutcome, list[int]]]:
        """Explained failures grouped by kind: (the first case of a kind, the other cases' numbers)."""
        groups: dict[str, list[CaseOutcome]] = {}
        for case in self.failures:
            if case.problems or case.traceback:
                groups.setdefault(case.kind or "\n".join(case.problems), []).append(case)
        return [(cases[0], [c.number for c in cases[1:]]) for cases in groups.values()]

    @property
    def messages(self) -> list[str]:
        groups = self.groups
        shown = [first.text(same) for first, same in groups[:SHOWN_FAILURES]]
        rest = sum(1 + len(same) for _, same in groups[SHOWN_FAILURES:])
        if rest > 0:
            shown.append(f"(and {rest} more failing case{'s' if rest != 1 else ''})")
        return [self.summary] + shown


@dataclass
class QuestionResult(FunctionResult):
    """A quiz question: ``passed`` is 1 for full marks (``total`` is 1); ``answer`` is the
    student's answer as written; ``explanation``: why the right answer is right, and notes on
    the options the student got wrong."""

    answer: str = ""
    explanation: list[str] = field(default_factory=list)
    kind: ClassVar[str] = "question"

    @property
    def messages(self) -> list[str]:
        return [self.summary] + self.explanation


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
                          int(mark.fraction == 1.0), 1, mark.summary, [], mark.answer, mark.explanation)


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
            results.append(_all_failed(plan, fplan, missing[fplan.name]))
        elif response is None:
            results.append(_all_failed(plan, fplan, stopped or "your notebook could not be run"))
        else:
            results.append(score_function(plan, fplan, response, stopped, context))
    return results


def score_function(plan: NotebookPlan, fplan: FunctionPlan, response: Response,
                   stopped: str | None, context: disclosure.Context | None = None) -> FunctionResult:
    name = fplan.name
    context = context or disclosure.Context([])
    reports = [response.calls.get(case.call_id) for case in fplan.cases]
    explained = {id(r): errors.explain(r.error) for r in reports if r is not None}  # from the words as sent
    for report in {id(r): r for r in [*reports, response.calls.get(_isolation_call(fplan))] if r}.values():
        disclosure.disclose_report(report, context, *disclosure.limits_of(*_case_values(fplan)))
    first = next((r for r in reports if r is not None), None)
    if first is not None and first.status in ("missing", "not_callable"):
        return _all_failed(plan, fplan, _not_a_function(name, first))
    if reports and all(r is not None and r.status == "error" and r.error and
                       r.error.type == "NotImplementedError" for r in reports):
        return _all_failed(plan, fplan, _not_implemented(name, first.error))
    outcomes = []
    for case, report in zip(fplan.cases, reports):
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
                    _judge(fplan, case, report, explained.get(id(report))), case, context))
            except Exception as exc:  # whatever came back, one case must not stop the grading
                outcomes.append(CaseOutcome(case.number, case.label, False, [
                    f"the returned value could not be compared with the expected one "
                    f"({type(exc).__name__}); return numbers and NumPy arrays of the documented shape"],
                    kind="uncomparable"))
    if fplan.isolation is not None:
        _judge_isolation(fplan, outcomes[fplan.isolation.number - 1],
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
                          summary, outcomes)


# ----------------------------------------------------------------------------- one case

def _judge(fplan: FunctionPlan, case: PlannedCase, report: CallReport,
           explained: Diagnosis | None = None) -> CaseOutcome:
    outcome = CaseOutcome(case.number, case.label, False)
    hint = explained.sentence if explained else None
    if report.status == "error":
        if hint == IN_PLACE:
            outcome.problems.append(f"{fplan.name} changed its input in place (the grader passes its "
                                    f"inputs read-only, so the change raised an error):")
        else:
            outcome.problems.append("your code raised an error:")
        outcome.traceback = _traceback_lines(report.error)
        outcome.diagnose([explained] if explained else [])
        outcome.kind = f"error {report.error.type if report.error else ''} {hint}"
        return outcome
    if report.status == "timeout":
        outcome.problems.append(report.error.message if report.error else "it took too long and was stopped")
        outcome.diagnose([explained or errors.explain(TIME_LIMIT)])
        outcome.kind = "timeout"
        return outcome
    if report.status == "not_plain":
        if report.undecodable:
            got = "data that could not be read back as plain numbers (a masked or object array?)"
        else:
            got = f"an object of type {report.error.type if report.error else '?'}"
        outcome.problems.append(f"the returned value: expected {describe(case.expected)}, got {got}; "
                                f"return numbers, NumPy arrays, or tuples/lists/dicts of those")
        outcome.kind = "not plain " + got
        return outcome
    shown = disclosure.mask_keys(case.expected, report.output)  # its own keys could carry the inputs
    problems = condensed(fplan.public, compare(case.expected, shown, rtol=fplan.rtol,
                                               atol=fplan.atol), case.expected, shown)
    broken = _broken_properties(fplan, case, report.output)
    problems += [Problem("the returned value", d.sentence) for d in broken]
    changed = _changed_inputs(fplan, case, report.args_after)
    problems += changed
    if not problems:
        outcome.passed = True
        return outcome
    for problem in problems:
        outcome.problems += _redacted(problem)
    outcome.mistakes = list(dict.fromkeys(d.id for d in broken if d.id))
    if changed:
        outcome.mistakes.append(CHANGED_IN_PLACE)
    outcome.diagnose(_hints(fplan, case, report.output))
    outcome.kind = "\n".join([f"{p.where}: {p.what}" for p in problems] + outcome.hints)
    return outcome


def _judge_isolation(fplan: FunctionPlan, outcome: CaseOutcome, normal: CallReport | None,
                     isolated: CallReport | None) -> None:
    """The isolation case fails when the function needs (or reads) notebook variables, and when
    the isolated call has no single answer (missing, answered twice, too large): a check that
    cannot be made is not a pass."""
    if not outcome.passed or normal is None:
        return
    if isolated is None:
        outcome.passed = False
        outcome.problems.append(f"no single result came back when `{fplan.name}` was called without "
                                f"the notebook's variables, so the grader could not check that it "
                                f"works from its arguments alone")
        outcome.kind = "isolation unanswered"
        return
    removed = ", ".join(f"`{n}`" for n in isolated.removed[:8]) or "none"
    if isolated.status == "error" and isolated.error and "NameError" in isolated.error.bases:
        variable = isolated.error.message.split("'")[1] if isolated.error.message.count("'") >= 2 else "?"
        variable = variable if variable.isidentifier() else "?"  # (redacted with the message)
        outcome.passed = False
        outcome.problems.append(f"`{fplan.name}` uses the notebook variable `{variable}`, which is not "
                                f"one of its arguments: it fails when called in a fresh notebook")
        outcome.traceback = _traceback_lines(isolated.error)
        outcome.diagnose([Diagnosis(NOTEBOOK_VARIABLE, USE_ARGUMENTS)])
        outcome.kind = f"isolation {variable}"
        return
    try:
        same = isolated.status == "ok" and not compare(normal.output, isolated.output, rtol=1e-12, atol=0.0)
    except Exception:
        same = False
    if not same:
        outcome.passed = False
        outcome.problems.append(f"`{fplan.name}` gives another result when the notebook's variables "
                                f"({removed}) are gone: it depends on a notebook variable instead of "
                                f"only its arguments")
        outcome.mistakes.append(NOTEBOOK_VARIABLE)


def _broken_properties(fplan: FunctionPlan, case: PlannedCase, got: Any) -> list[Diagnosis]:
    properties = list(fplan.public.properties if fplan.public else ()) + list(fplan.spec.properties)
    return broken_properties(properties, lambda: copy.deepcopy(case.args), got)


def _hints(fplan: FunctionPlan, case: PlannedCase, got: Any) -> list[Diagnosis]:
    hints = list(fplan.public.hints if fplan.public else ()) + list(fplan.spec.hints)
    return fired_hints(hints, lambda: copy.deepcopy(case.args), case.expected, got)


def _changed_inputs(fplan: FunctionPlan, case: PlannedCase, args_after: Any) -> list[Problem]:
    name = fplan.name
    if not (isinstance(args_after, tuple) and len(args_after) == 2 and isinstance(args_after[0], tuple)
            and isinstance(args_after[1], dict) and len(args_after[0]) == len(case.args)
            and set(args_after[1]) == set(case.kwargs)):
        return [Problem("the arguments", f"{name} put something into its inputs that is not "
                                         f"plain data, or replaced them")]
    return input_changes((case.args, case.kwargs), args_after, name, fplan.parameters)


def _redacted(problem: Problem) -> list[str]:
    """The problem's lines without full listings of expected values (they would give away the
    reference's output on a hidden input); the largest difference and its place stay."""
    kept = [d for d in problem.details if not d.startswith(("expected [", "got      [", "got ["))]
    return Problem(problem.where, problem.what, kept, problem.hints).lines()


# ----------------------------------------------------------------------------- disclosure

def _case_values(fplan: FunctionPlan) -> list:
    return [v for case in fplan.cases for v in (case.args, case.kwargs, case.expected)]


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


def _traceback_lines(error: ErrorInfo | None) -> list[str]:
    if error is None:
        return []
    lines = list(error.traceback)
    lines.append(f"{error.type}: {error.message}" if error.message else error.type)
    return lines


# ----------------------------------------------------------------------------- helpers

def _all_failed(plan: NotebookPlan, fplan: FunctionPlan, message: str) -> FunctionResult:
    total = len(fplan.cases)
    return FunctionResult(fplan.name, plan.name, fplan.graded.points, 0.0, 0, total, message,
                          [CaseOutcome(c.number, c.label, False) for c in fplan.cases])


def _not_implemented(name: str, error: ErrorInfo) -> str:
    """The stub message; names the stub when the function only calls it (a helper still a stub)."""
    frames = [line for line in error.traceback if line.startswith('File "<cell ')]
    stub = frames[-1].rsplit(" in ", 1)[-1] if frames else name
    if stub != name and stub.isidentifier():
        return (f"`{name}` calls `{stub}`, which is not implemented yet: complete `{stub}` first "
                f"(its cell still raises NotImplementedError).")
    return f"`{name}` is not implemented yet: its cell still raises NotImplementedError."


def _not_a_function(name: str, report: CallReport) -> str:
    if report.status == "missing":
        return (f"`{name}` is not defined after running your notebook: check that its cell defines "
                f"`def {name}(...)` with exactly this name, and that the cell runs without an error.")
    what = report.error.type if report.error else "value"
    return (f"`{name}` is a {what} after running your notebook, not a function: a later cell "
            f"reused the name `{name}` for a variable (e.g. `{name} = {name}(...)`). Rename that variable.")


def _numbers(numbers: list[int]) -> str:
    text = [str(n) for n in numbers]
    return text[0] if len(text) == 1 else ", ".join(text[:-1]) + " and " + text[-1]


def _share(points: float, passed: int, total: int) -> float:
    return round(points * passed / total, 4) if total else 0.0
