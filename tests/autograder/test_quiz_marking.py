"""Are the quizzes well built, is an answer marked and explained as the rules say, and does the
answer key stay in source/ (out of the release, the package and the worker's request)?
(No worker here: these are fast; test_quiz_grading.py runs the grader.)"""

from __future__ import annotations

import ast
import functools
import json

import nbformat
import pytest

from autograder.boundary import protocol
from autograder.grading.plan import build_plan
from autograder.boundary.protocol import CallReport, ErrorInfo
from autograder.grading.quiz import (QuestionPlan, QuizError, decode_answer, explanation_fields, mark,
                                     mark_report)
from autograder.grading.sanitize import sanitize
from autograder.build.source import GradedAnswer, SourceNotebook
from grading_tools import REPO

QUIZZES = {"week2_quiz": "quiz_week2", "week3_quiz": "quiz_week3", "week4_quiz": "quiz_week4"}


def source(assignment: str) -> SourceNotebook:
    return SourceNotebook(REPO / "source" / assignment / f"{QUIZZES[assignment]}.ipynb")


def release_path(assignment: str):
    return REPO / "assignments" / assignment / f"{QUIZZES[assignment]}.ipynb"


@functools.lru_cache(maxsize=None)
def plan(assignment: str):
    return build_plan(source(assignment))


def question(assignment: str, name: str) -> QuestionPlan:
    return next(q for q in plan(assignment).functions if q.name == name)


def explanations(assignment: str) -> list[str]:
    """Every explanation sentence of a quiz (WHY and the notes)."""
    out = []
    for q in plan(assignment).functions:
        out += [q.why, *q.notes.values()]
    return out


# ----------------------------------------------------------------------------- the quizzes

@pytest.mark.parametrize("assignment", QUIZZES)
def test_a_quiz_has_8_to_12_questions_of_every_kind_with_points(assignment):
    questions = plan(assignment).functions
    assert 8 <= len(questions) <= 12
    assert all(isinstance(q, QuestionPlan) and q.graded.points > 0 for q in questions)
    kinds = {q.question.kind for q in questions}
    assert {"choice", "choices"} <= kinds and kinds & {"shape", "number"}
    assert plan(assignment).max_score == sum(q.graded.points for q in questions)
    assert source(assignment).graded_functions == [], "a quiz grades answers, not functions"


@pytest.mark.parametrize("assignment", QUIZZES)
def test_a_quiz_has_predict_the_output_questions(assignment):
    texts = [c.source for c in source(assignment).nb.cells if c.cell_type == "markdown"]
    predict = [t for t in texts if "predict the output" in t and "```python" in t]
    assert predict, "at least one question shows code and asks what it does"


@pytest.mark.parametrize("assignment", QUIZZES)
def test_every_wrong_option_has_its_explanation(assignment):
    for q in plan(assignment).functions:
        assert len(q.why) > 60, q.name
        if q.question.kind == "choice":
            assert set(q.notes) == set(q.question.options) - {q.key}, q.name
        elif q.question.kind == "choices":
            assert set(q.notes) == set(q.question.options) and 0 < len(q.key) < len(q.question.options), q.name
        else:
            assert q.notes and q.key not in q.notes, f"{q.name}: anticipated wrong answers, explained"


def test_a_quiz_source_without_explanations_or_with_code_in_them_is_refused():
    answer = GradedAnswer("q1", "q1", "test_q1", 1.0, hidden="")
    with pytest.raises(QuizError, match="must set WHY"):
        explanation_fields(answer)
    answer = GradedAnswer("q1", "q1", "test_q1", 1.0, hidden="WHY = open('x').read()")
    with pytest.raises(QuizError, match="must be a literal"):
        explanation_fields(answer)
    answer = GradedAnswer("q1", "q1", "test_q1", 1.0, hidden="WHY = 'x'\nimport os")
    with pytest.raises(QuizError, match="may only set"):
        explanation_fields(answer)


def test_explanations_are_read_as_literals_never_executed():
    answer = GradedAnswer("q1", "q1", "test_q1", 1.0,
                          hidden="WHY = ('one ' 'two')\nNOTES = {(4,): 'rank 1', 0.5: 'half'}\nTOLERANCE = 0.01")
    assert explanation_fields(answer) == {"WHY": "one two", "NOTES": {(4,): "rank 1", 0.5: "half"},
                                          "TOLERANCE": 0.01}


# ----------------------------------------------------------------------------- marking

def test_a_right_single_choice_gets_full_marks_and_the_reason():
    q = question("week2_quiz", "q2")
    result = mark(q, q.key)
    assert result.fraction == 1 and "right" in result.summary and result.explanation == [q.why]


def test_each_wrong_option_gets_its_note_and_the_right_answer():
    q = question("week2_quiz", "q2")
    for option in set(q.question.options) - {q.key}:
        result = mark(q, option)
        assert result.fraction == 0
        assert result.explanation[0] == f'Your answer "{option}": {q.notes[option]}'
        assert result.explanation[-1] == f'The right answer is "{q.key}". {q.why}'


@pytest.mark.parametrize("answer, points", [
    ({"a", "b", "d"}, 2),            # every right option, nothing else
    ({"a"}, 2 / 3),                  # 1 of 3 right options
    ({"a", "b"}, 4 / 3),             # 2 of 3
    ({"a", "b", "c"}, 2 / 3),        # 2 right, 1 wrong: (2 - 1) / 3
    ({"a", "c"}, 0),                 # 1 right, 1 wrong: (1 - 1) / 3
    ({"c", "e"}, 0),                 # only wrong options: floored at 0
    ({"a", "b", "c", "d", "e"}, 2 / 3),   # everything: (3 - 2) / 3
])
def test_check_all_that_apply_gives_partial_credit(answer, points):
    """Rule: each right option checked earns points/k, each wrong option checked costs points/k
    (k = number of right options), floored at 0. week2 q4 is worth 2 points, its key {a, b, d}."""
    q = question("week2_quiz", "q4")
    assert q.key == {"a", "b", "d"} and q.graded.points == 2
    assert mark(q, set(answer)).fraction * q.graded.points == pytest.approx(points)


def test_check_all_that_apply_explains_each_misjudged_option():
    q = question("week2_quiz", "q4")
    result = mark(q, {"a", "c"})
    text = "\n".join(result.explanation)
    assert f"Option b is right and you did not check it: {q.notes['b']}" in text
    assert f"Option d is right and you did not check it: {q.notes['d']}" in text
    assert f"Option c is wrong: {q.notes['c']}" in text
    assert q.notes["a"] not in text and q.notes["e"] not in text, "right judgements need no note"
    assert "1 of the 3 right options checked, 1 wrong option checked" in result.summary


def test_shapes_are_exact_and_anticipated_mistakes_are_named():
    q = question("week2_quiz", "q6")
    assert mark(q, (4, 1)).fraction == 1
    result = mark(q, (4,))
    assert result.fraction == 0 and "without keepdims=True" in result.explanation[0]
    assert mark(q, (1, 4)).explanation[0].startswith("The right answer is (4, 1).")  # not anticipated


def test_numbers_are_compared_with_a_tolerance():
    q = question("week2_quiz", "q9")
    assert mark(q, 0.16).fraction == 1 and mark(q, 0.8 * 0.2).fraction == 1
    assert mark(q, 0.1601).fraction == 0
    assert "σ(z)²" in mark(q, 0.64).explanation[0]
    whole = question("week4_quiz", "q12")
    assert mark(whole, 43).fraction == 1 and mark(whole, 43.0).fraction == 1
    assert "weights only" in mark(whole, 35).explanation[0]


@pytest.mark.parametrize("answer, words", [
    (None, "`q6` is not answered."),
    ([4, 1], "Not graded: `q6` is a list"),
    ((4.0, 1.0), "Not graded: every entry of `q6` must be a whole number"),
    ("(4, 1)", "Not graded: `q6` must be a tuple"),
])
def test_an_empty_or_malformed_answer_scores_zero_and_still_gets_the_explanation(answer, words):
    q = question("week2_quiz", "q6")
    result = mark(q, answer)
    assert result.fraction == 0 and words in result.summary
    assert result.explanation[-1].startswith("The right answer is (4, 1).")


def test_what_the_worker_reports_is_marked_in_every_case():
    q = question("week3_quiz", "q2")
    ok = CallReport("q2/answer", "ok", 0.0, output=("value", q.key), args_after=((), {}))
    assert mark_report(q, ok, None, None).fraction == 1
    missing = CallReport("q2/answer", "missing", 0.0)
    assert "is not defined after running your notebook" in mark_report(q, missing, None, None).summary
    rigged = CallReport("q2/answer", "not_plain", 0.0, error=ErrorInfo("AlwaysRight", [], "", []))
    assert "holds a AlwaysRight, which is not an answer" in mark_report(q, rigged, None, None).summary
    assert "two different answers" in mark_report(q, None, None, None, conflicting=True).summary
    assert "the cell was deleted" in mark_report(q, None, "the cell was deleted", None).summary
    assert "stopped early" in mark_report(q, None, None, "The process stopped early.").summary


def test_a_mark_says_why_an_answer_earned_nothing():
    q = question("week3_quiz", "q2")
    assert mark(question("week2_quiz", "q6"), None).zero_reason == "unfinished"          # None: not answered
    assert mark(question("week2_quiz", "q6"), [4, 1]).zero_reason == ""                   # answered wrong
    assert mark_report(q, CallReport("q2/answer", "missing", 0.0), None, None).zero_reason == "unfinished"
    assert mark_report(q, None, "the cell was deleted", None).zero_reason == "unfinished"
    assert mark_report(q, None, None, "The process stopped early.").zero_reason == "error"
    stopped = CallReport("q2/answer", "timeout", 0.0, error=ErrorInfo("TimeLimit", [], "too long", []))
    assert mark_report(q, stopped, None, None).zero_reason == "timeout"


@pytest.mark.parametrize("output, value", [
    (("value", "b"), "b"),
    (("value", (4, 1)), (4, 1)),
    (("set", ["a", "c"]), {"a", "c"}),
    (("set", []), set()),
])
def test_answers_are_decoded_from_plain_data(output, value):
    decoded = decode_answer(output)
    assert decoded == value and type(decoded) is type(value)


@pytest.mark.parametrize("output", [
    "b",                           # no envelope
    ["value", "b"],                # a list, not the tuple envelope
    ("value", "b", "extra"),
    ("pickle", "b"),
    ("set", "ab"),                 # a set's items come as a list
    ("set", [["a"]]),              # unhashable items
    ("set", [{"a": 1}]),
])
def test_anything_else_is_refused(output):
    with pytest.raises(ValueError):
        decode_answer(output)


# ----------------------------------------------------------------------------- the key stays in source/

@pytest.mark.parametrize("assignment", QUIZZES)
def test_the_release_contains_no_answer_and_no_explanation(assignment):
    text = release_path(assignment).read_text()
    nb = nbformat.reads(text, as_version=4)
    for sentence in explanations(assignment):
        assert sentence[:40] not in text and json.dumps(sentence)[1:41] not in text, sentence
    names = {q.name for q in plan(assignment).functions}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) in names for t in node.targets):
                assert isinstance(node.value, ast.Constant) and node.value.value is None, cell.source
    assert "WHY" not in text and "NOTES" not in text


@pytest.mark.parametrize("assignment", QUIZZES)
def test_released_answer_cells_are_stubs_with_nbgraders_checksum(assignment):
    from nbgrader.utils import compute_checksum

    cells = {c.metadata["nbgrader"]["grade_id"]: c for c in nbformat.read(release_path(assignment), 4).cells
             if "nbgrader" in c.metadata}
    for q in plan(assignment).functions:
        cell = cells[q.graded.solution_cell]
        assert cell.source.startswith(f"{q.name} = None  # your answer: ")
        assert cell.metadata["nbgrader"]["checksum"] == compute_checksum(cell)
        assert cells[q.graded.test_cell].source.startswith(f"checks.check_{q.name}({q.name})")


@pytest.mark.parametrize("assignment", QUIZZES)
def test_the_workers_request_holds_no_answer_key(assignment):
    """The worker gets the student's cells (test cells with their hidden explanations are not
    sent) and read requests for the answer variables, nothing of the key."""
    nb = nbformat.read(release_path(assignment), 4)
    clean = sanitize(nb, source(assignment))
    lines = [protocol.header(clean.cells, {"cell_seconds": 1.0})]
    lines += [protocol.call_line(seq, c) for seq, c in enumerate(plan(assignment).calls())]
    request = b"".join(lines).decode()
    for sentence in explanations(assignment):
        assert json.dumps(sentence)[1:41] not in request
    assert "BEGIN SOLUTION" not in request and "check_q1" not in request
    calls = [json.loads(line)["call"] for line in request.splitlines()[1:]]
    assert [c["function"] for c in calls] == [q.name for q in plan(assignment).functions]
    assert all(c["read"] and c["args"] == {"tuple": []} for c in calls)


def test_function_notebooks_plan_as_before():
    """A notebook of graded functions has no quiz questions and calls its functions."""
    p = build_plan(SourceNotebook(REPO / "source" / "week2_numpy_basics" / "numpy_basics.ipynb"))
    assert not any(isinstance(f, QuestionPlan) for f in p.functions)
    assert all(not c.get("read") for c in p.calls())
