"""Quiz questions in the grader: the key, the explanations, and the marking of one answer.

A quiz notebook's solution cells each set one answer variable (``q3 = "b"``); the source
notebook's value of that variable is the key (:meth:`SourceNotebook.reference`, as for functions).
The explanation is the hidden-tests region of the question's test cell, which nbgrader strips from
the release; it holds Python literals only, read with :func:`ast.literal_eval` (never executed)::

    ### BEGIN HIDDEN TESTS
    WHY = "Why the right answer is right (every student reads it, with the right answer if missed)."
    NOTES = {"a": "Why option a is wrong.", "c": "...", "d": "..."}   # per option, or per
    TOLERANCE = 1e-3                                                 # anticipated wrong answer
    ### END HIDDEN TESTS

The worker reads each answer variable after running the notebook and sends it back as plain data
(a set as ``("set", [items])``, anything else as ``("value", x)``). Here it is rebuilt strictly
(:func:`decode_answer`), checked with the public format check (:func:`layerlab.checks.quiz.
format_problem`: an answer the notebook's check rejects scores 0 with the same words), and only
then compared with the key, in this process.

Marking: a single choice, a shape and a number (within ``TOLERANCE``, default 1e-6 relative) are
right or wrong. "Check all that apply" gives partial credit: each right option checked earns
1/k of the points, each wrong option checked costs 1/k (k: the number of right options), floored
at 0. So the right options and nothing else earn full marks, and checking every option earns only
(k - w)/k, w being the number of wrong options (0 when w >= k). The source must explain every
option of such a question and every wrong option of a single-choice one (the plan checks it).
"""

from __future__ import annotations

import ast
import importlib
import math
from dataclasses import dataclass, field
from typing import Any, ClassVar

from autograder.build.source import GradedAnswer, SourceNotebook
from layerlab.checks.quiz import Question, format_problem, normalize, show

#: relative tolerance of number questions, unless the hidden region sets TOLERANCE.
RTOL = 1e-6
#: what the hidden-tests region of a question's test cell may set.
FIELDS = {"WHY": str, "NOTES": dict, "TOLERANCE": (int, float)}


class QuizError(ValueError):
    """A quiz source that breaks the conventions above (the grader cannot grade it)."""


@dataclass
class QuestionPlan:
    """One question: its format, points, key and explanations (all trusted, from source/)."""

    graded: GradedAnswer
    question: Question
    key: Any                              # normalized (see layerlab.checks.quiz.normalize)
    why: str
    notes: dict = field(default_factory=dict)   # normalized option or answer -> sentence
    tolerance: float = RTOL
    kind: ClassVar[str] = "question"

    @property
    def name(self) -> str:
        return self.graded.name

    @property
    def call_id(self) -> str:
        return f"{self.name}/answer"

    def call(self) -> dict:
        """The worker's request: read the variable (no call, no arguments)."""
        return {"id": self.call_id, "function": self.name, "args": (), "kwargs": {}, "seed": None,
                "isolated": False, "read": True}


@dataclass
class Mark:
    """The marking of one answer: the share of the points (0 to 1) and what the student reads."""

    fraction: float
    answer: str                  # the answer as the student wrote it ("b", {"a", "c"}, None...)
    summary: str
    explanation: list[str] = field(default_factory=list)
    zero_reason: str = ""        # "unfinished" (not answered) or "error" (nothing came back)


# ----------------------------------------------------------------------------- planning

def plan_questions(source: SourceNotebook) -> list[QuestionPlan]:
    """The questions of a quiz notebook (``[]`` for a notebook without answer cells)."""
    answers = source.graded_answers
    if not answers:
        return []
    questions = question_formats(source.name)
    reference = source.reference()
    plans = []
    for answer in answers:
        where = f"{source.name}: {answer.name}"
        if answer.name not in questions:
            raise QuizError(f"{where}: layerlab/checks/{source.name}.py declares no format for it")
        question = questions[answer.name]
        key = getattr(reference, answer.name, None)
        problem = format_problem(question, key)
        if problem:
            raise QuizError(f"{where}: the answer in the source is not well-formed: {problem}")
        plans.append(_question_plan(where, answer, question, normalize(question, key)))
    return plans


def question_formats(notebook: str) -> dict[str, Question]:
    """``QUESTIONS`` of the notebook's public check module ``layerlab.checks.<notebook>``."""
    try:
        module = importlib.import_module(f"layerlab.checks.{notebook}")
    except ModuleNotFoundError as exc:
        raise QuizError(f"{notebook} has quiz answers but no public check module "
                        f"layerlab/checks/{notebook}.py") from exc
    return dict(getattr(module, "QUESTIONS", {}))


def explanation_fields(answer: GradedAnswer) -> dict[str, Any]:
    """WHY, NOTES and TOLERANCE of the hidden-tests region, as literals (never executed)."""
    where = f"the test cell {answer.test_cell!r} of {answer.name}"
    try:
        body = ast.parse(answer.hidden).body
    except SyntaxError as exc:
        raise QuizError(f"{where}: its hidden tests are not valid Python: {exc}") from exc
    found: dict[str, Any] = {}
    for node in body:
        target = node.targets[0].id if isinstance(node, ast.Assign) and len(node.targets) == 1 \
            and isinstance(node.targets[0], ast.Name) else None
        if target not in FIELDS:
            raise QuizError(f"{where}: its hidden tests may only set {', '.join(FIELDS)} "
                            f"(found: {ast.unparse(node)[:60]!r})")
        try:
            value = ast.literal_eval(node.value)
        except ValueError as exc:
            raise QuizError(f"{where}: {target} must be a literal") from exc
        if isinstance(value, bool) or not isinstance(value, FIELDS[target]):
            raise QuizError(f"{where}: {target} has the wrong type {type(value).__name__}")
        found[target] = value
    if not found.get("WHY", "").strip():
        raise QuizError(f"{where}: its hidden tests must set WHY, the explanation of the answer")
    return found


def _question_plan(where: str, answer: GradedAnswer, question: Question, key: Any) -> QuestionPlan:
    found = explanation_fields(answer)
    notes = {}
    for raw, note in found.get("NOTES", {}).items():
        if question.kind in ("choice", "choices"):
            if raw not in question.options:
                raise QuizError(f"{where}: NOTES has a note for {raw!r}, which is not an option")
            notes[raw] = note
        elif format_problem(question, raw) is None:
            notes[normalize(question, raw)] = note
        else:
            raise QuizError(f"{where}: NOTES has a note for {raw!r}, which is not a well-formed answer")
    if question.kind == "choice":
        needed = set(question.options) - {key}
    elif question.kind == "choices":
        needed = set(question.options)
    else:
        needed = set()
    if needed - set(notes):
        raise QuizError(f"{where}: NOTES must explain every {'wrong ' if question.kind == 'choice' else ''}"
                        f"option; missing: {', '.join(sorted(needed - set(notes)))}")
    tolerance = float(found.get("TOLERANCE", RTOL))
    return QuestionPlan(answer, question, key, found["WHY"].strip(), notes, tolerance)


# ----------------------------------------------------------------------------- decoding

def decode_answer(output: Any) -> Any:
    """The student's answer from the worker's plain data (already decoded strictly by the
    protocol): ``("value", x)`` is x, ``("set", [items])`` is the set of its items, each of which
    must be a string, a number, None or a tuple of those. Raises :class:`ValueError`."""
    if not (type(output) is tuple and len(output) == 2 and output[0] in ("value", "set")):
        raise ValueError("not an answer envelope")
    tag, value = output
    if tag == "value":
        return value
    if type(value) is not list:
        raise ValueError("a set must come as a list of its items")
    for item in value:
        if not _hashable_plain(item):
            raise ValueError("a set item that is not a string, number or tuple")
    return set(value)


def _hashable_plain(item: Any) -> bool:
    if item is None or type(item) in (str, int, float, bool):
        return True
    return type(item) is tuple and all(_hashable_plain(i) for i in item)


# ----------------------------------------------------------------------------- marking

def mark(plan: QuestionPlan, answer: Any) -> Mark:
    """Mark a decoded answer (plain data) against the key."""
    question, name = plan.question, plan.name
    problem = format_problem(question, answer)
    if problem:
        text = show(answer) if answer is not None else "None"
        summary = f"`{name}` is not answered." if answer is None else f"Not graded: {problem}"
        return Mark(0.0, text, summary, _reveal(plan), "unfinished" if answer is None else "")
    value = normalize(question, answer)
    if question.kind == "choices":
        return _mark_choices(plan, value)
    right = _close(value, plan.key, plan.tolerance) if question.kind == "number" else value == plan.key
    if right:
        return Mark(1.0, show(value), f"`{name}` = {show(value)}: right.", [plan.why])
    lines = []
    note = plan.notes.get(value) if question.kind != "number" else _number_note(plan, value)
    if note:
        lines.append(f"Your answer {show(value)}: {note}")
    return Mark(0.0, show(value), f"`{name}` = {show(value)} is not right.", lines + _reveal(plan))


def mark_report(plan: QuestionPlan, report, missing: str | None, stopped: str | None,
                conflicting: bool = False) -> Mark:
    """Mark what the worker reported for the question (``report``: a protocol CallReport or None)."""
    name = plan.name
    if missing:
        return Mark(0.0, "(missing)", missing, _reveal(plan), "unfinished")
    if report is None:
        if conflicting:
            why = (f"The grader received two different answers for `{name}` (did your code write to "
                   f"the grader's output channel?).")
        else:
            why = f"No answer came back for `{name}`" + (f": {stopped.rstrip('.')}." if stopped else ".")
        return Mark(0.0, "(none)", why, _reveal(plan), "error")
    if report.status == "missing":
        return Mark(0.0, "(not set)", f"`{name}` is not defined after running your notebook: its answer "
                    f"cell must set `{name} = ...` and run without an error.", _reveal(plan), "unfinished")
    if report.status == "not_plain":
        what = report.error.type if report.error and not report.undecodable else "value"
        return Mark(0.0, f"a {what}", f"`{name}` holds a {what}, which is not an answer: write "
                    f"{plan.question.expected_format()}.", _reveal(plan))
    if report.status != "ok":  # reading a variable does not fail, unless the worker was stopped
        why = report.error.message if report.error else report.status
        return Mark(0.0, "(none)", f"`{name}` could not be read: {why}", _reveal(plan),
                    "timeout" if report.status == "timeout" else "error")
    try:
        answer = decode_answer(report.output)
    except ValueError:
        return Mark(0.0, "(unreadable)", f"`{name}` could not be read back as an answer: write "
                    f"{plan.question.expected_format()}.", _reveal(plan))
    return mark(plan, answer)


def _mark_choices(plan: QuestionPlan, chosen: frozenset) -> Mark:
    key, name = plan.key, plan.name
    right, wrong, missed = chosen & key, chosen - key, key - chosen
    fraction = max(0.0, (len(right) - len(wrong)) / len(key))
    shown = show(chosen)
    if not wrong and not missed:
        return Mark(1.0, shown, f"`{name}` = {shown}: right, all {len(key)} options.", [plan.why])
    parts = [f"{len(right)} of the {len(key)} right option{'s' if len(key) != 1 else ''} checked"]
    if wrong:
        parts.append(f"{len(wrong)} wrong option{'s' if len(wrong) != 1 else ''} checked")
    summary = (f"`{name}` = {shown}: {', '.join(parts)}, so {_percent(fraction)} of the points "
               f"(each right option checked earns 1/{len(key)} of them, each wrong one costs as much).")
    lines = [f"Option {o} is right and you did not check it: {plan.notes[o]}" for o in sorted(missed)]
    lines += [f"Option {o} is wrong: {plan.notes[o]}" for o in sorted(wrong)]
    return Mark(fraction, shown, summary, lines + _reveal(plan))


def _reveal(plan: QuestionPlan) -> list[str]:
    """The right answer and why (shown to every student who did not get full marks)."""
    return [f"The right answer is {show(plan.key)}. {plan.why}"]


def _close(value: float, key: float, rtol: float) -> bool:
    return math.isclose(float(value), float(key), rel_tol=rtol, abs_tol=1e-12)


def _number_note(plan: QuestionPlan, value: float) -> str | None:
    return next((note for anticipated, note in plan.notes.items()
                 if _close(value, anticipated, plan.tolerance)), None)


def _percent(fraction: float) -> str:
    return f"{round(100 * fraction):d} %"

