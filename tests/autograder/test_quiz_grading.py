"""One grading run (``python -m autograder grade``) over quiz submissions of the three weeks: does
every answer get the points and the explanation it deserves, in results.json, on the feedback page
and in nbgrader's gradebook?"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest

from autograder.grading.plan import build_plan
from autograder.grading.quiz import QuestionPlan
from autograder.build.source import SourceNotebook
from grading_tools import REPO, grade_cli, grade_id, new_course, results, submit
from layerlab.checks.quiz import show

QUIZZES = {"week2_quiz": "quiz_week2", "week3_quiz": "quiz_week3", "week4_quiz": "quiz_week4"}
WRONG = 6   # submissions with wrong answers per quiz: enough to choose every option once

ATTACK = r'''
import gc, io, json

class AlwaysEqual(str):
    def __eq__(self, other):
        return True
    __hash__ = str.__hash__

class Everything(set):
    def __contains__(self, item):
        return True
    def __eq__(self, other):
        return True
    __hash__ = None

q1 = AlwaysEqual("anything")          # compares equal to every key
q2 = AlwaysEqual("zzz")
q4 = Everything({"a", "b", "d"})      # even holding the right letters
q3 = "b"                              # wrong: the forged message below claims the right "a"
for channel in [o for o in gc.get_objects() if isinstance(o, io.TextIOWrapper)
                and getattr(o, "name", None) not in (0, 1, 2, "<stdin>", "<stdout>", "<stderr>")]:
    try:  # a forged "answer" for q3, written to the grader's channel
        channel.write(json.dumps({"type": "call", "id": "q3/answer", "status": "ok", "seconds": 0.0,
                                  "output": {"tuple": ["value", "a"]}, "args_after": {"tuple": [{"tuple": []}, {"dict": []}]},
                                  "error": None, "removed": []}) + "\n")
        channel.flush()
    except Exception:
        pass
'''


def source_path(assignment: str) -> Path:
    return REPO / "source" / assignment / f"{QUIZZES[assignment]}.ipynb"


def release_path(assignment: str) -> Path:
    return REPO / "assignments" / assignment / f"{QUIZZES[assignment]}.ipynb"


@functools.lru_cache(maxsize=None)
def questions(assignment: str) -> list[QuestionPlan]:
    return build_plan(SourceNotebook(source_path(assignment))).functions


def literal(value) -> str:
    """An answer as Python source: sets with braces, everything else as repr."""
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(repr(v) for v in sorted(value)) + "}"
    return repr(value)


def wrong_answer(q: QuestionPlan, k: int):
    """The k-th wrong answer of a question: a wrong option, one option alone, or an anticipated
    mistake (cycling through them)."""
    if q.question.kind == "choice":
        wrong = sorted(set(q.question.options) - {q.key})
        return wrong[k % len(wrong)]
    if q.question.kind == "choices":
        return {q.question.options[k % len(q.question.options)]}
    alternatives = sorted(q.notes, key=repr)
    return alternatives[k % len(alternatives)]


def partial_answer(q: QuestionPlan):
    """Check-all questions: the right options but one, plus one wrong option; others: the key."""
    if q.question.kind != "choices":
        return q.key
    right, wrong = sorted(q.key), sorted(set(q.question.options) - q.key)
    return set(right[1:]) | {wrong[0]}


def malformed_answer(q: QuestionPlan):
    """The right answer in the wrong format (so only the format keeps it from earning points)."""
    return {"choice": lambda: q.key.upper(), "choices": lambda: sorted(q.key),
            "shape": lambda: list(q.key), "number": lambda: str(q.key)}[q.question.kind]()


def answered(assignment: str, answers: dict, extra: str | None = None):
    """The release with answer cells set from ``answers`` (name -> value) and an extra cell at the end."""
    nb = nbformat.read(release_path(assignment), 4)
    for cell in nb.cells:
        if grade_id(cell) in answers:
            cell.source = f"{grade_id(cell)} = {literal(answers[grade_id(cell)])}"
    if extra:
        nb.cells.append(nbformat.v4.new_code_cell(extra))
    return nb


@pytest.fixture(scope="module")
def run():
    course = Path(tempfile.mkdtemp(prefix="layerlab-quiz-course-"))
    atexit.register(shutil.rmtree, course, True)
    new_course(course, "week2_quiz")
    for assignment in QUIZZES:
        if not (course / "source" / assignment).exists():
            shutil.copytree(REPO / "source" / assignment, course / "source" / assignment)
        name = QUIZZES[assignment]
        qs = questions(assignment)
        submissions = {
            "reference": nbformat.read(source_path(assignment), 4),
            "untouched": nbformat.read(release_path(assignment), 4),
            "partial": answered(assignment, {q.name: partial_answer(q) for q in qs}),
            "malformed": answered(assignment, {q.name: malformed_answer(q) for q in qs}),
        }
        for k in range(WRONG):
            submissions[f"wrong{k}"] = answered(assignment, {q.name: wrong_answer(q, k) for q in qs})
        if assignment == "week2_quiz":
            submissions["attack"] = answered(assignment, {q.name: q.key for q in qs}, extra=ATTACK)
        for student, nb in submissions.items():
            submit(course, student, nb, assignment, name)
    proc = grade_cli(course, "--jobs", "2")
    return course, proc


def result(run, student, assignment):
    return results(run[0], student, assignment)


def test_the_run_succeeds(run):
    assert run[1].returncode == 0, run[1].stdout[-2000:] + run[1].stderr[-3000:]


@pytest.mark.parametrize("assignment", QUIZZES)
def test_the_reference_answers_get_full_marks(run, assignment):
    r = result(run, "reference", assignment)
    total = sum(q.graded.points for q in questions(assignment))
    assert r["score"] == r["max_score"] == total
    assert list(r["functions"]) == [q.name for q in questions(assignment)]
    assert r["errors"] == []
    for q in questions(assignment):
        summary, why = r["functions"][q.name]["messages"]
        assert summary.startswith(f"`{q.name}` = {show(q.key)}: right") and why == q.why
        assert r["functions"][q.name]["kind"] == "question"
        assert r["functions"][q.name]["answer"] == show(q.key)  # what the student answered


@pytest.mark.parametrize("assignment", QUIZZES)
def test_empty_answers_get_zero_and_the_explanation(run, assignment):
    r = result(run, "untouched", assignment)
    assert r["score"] == 0 and r["errors"] == [] and r["warnings"] == []
    for q in questions(assignment):
        messages = r["functions"][q.name]["messages"]
        assert messages == [f"`{q.name}` is not answered.", f"The right answer is {show(q.key)}. {q.why}"]
        assert r["functions"][q.name]["answer"] == "None"


@pytest.mark.parametrize("assignment", QUIZZES)
def test_each_wrong_answer_gets_its_explanation(run, assignment):
    """Over the wrong-answer submissions, every note of every question (each wrong option, each
    right option left unchecked, each anticipated mistake) reaches a student who needed it."""
    texts = {k: result(run, f"wrong{k}", assignment)["functions"] for k in range(WRONG)}
    for q in questions(assignment):
        shown = "\n".join(m for k in texts for m in texts[k][q.name]["messages"])
        for option, note in q.notes.items():
            assert note in shown, (q.name, option)
        for k in texts:
            f = texts[k][q.name]
            if f["score"] < f["max_score"]:
                assert f["messages"][-1] == f"The right answer is {show(q.key)}. {q.why}"


@pytest.mark.parametrize("assignment", QUIZZES)
def test_check_all_that_apply_earns_partial_credit(run, assignment):
    r = result(run, "partial", assignment)
    for q in questions(assignment):
        f = r["functions"][q.name]
        if q.question.kind == "choices":  # k - 1 right options, 1 wrong: (k - 2) / k, at least 0
            k = len(q.key)
            assert f["score"] == pytest.approx(q.graded.points * max(0, k - 2) / k, abs=1e-6), q.name
            assert "partly right" in _page(run, "partial", assignment) or k <= 2
        else:
            assert f["score"] == f["max_score"]


@pytest.mark.parametrize("assignment", QUIZZES)
def test_a_malformed_answer_is_not_graded_and_says_why(run, assignment):
    r = result(run, "malformed", assignment)
    assert r["score"] == 0
    for q in questions(assignment):
        assert r["functions"][q.name]["messages"][0].startswith("Not graded: "), q.name


def test_rigged_objects_and_forged_messages_gain_nothing(run):
    r = result(run, "attack", "week2_quiz")
    f = r["functions"]
    assert f["q1"]["score"] == 0 and "is a string" in f["q1"]["messages"][0]   # read as plain "anything"
    assert f["q2"]["score"] == 0 and '"zzz" is not an option' in f["q2"]["messages"][0]
    assert f["q4"]["score"] == 0 and "holds a Everything, which is not an answer" in f["q4"]["messages"][0]
    assert f["q3"]["score"] == 0 and "b" in f["q3"]["answer"]  # the forged answer was not asked for
    assert f["q5"]["score"] == f["q5"]["max_score"], "the other answers are graded as usual"


def _page(run, student, assignment) -> str:
    return (run[0] / "feedback" / student / assignment / f"{QUIZZES[assignment]}.html").read_text()


def test_the_feedback_page_lists_the_questions_and_explains_the_wrong_answers(run):
    page = _page(run, "wrong0", "week2_quiz")
    assert "<h2>Questions</h2>" in page and "Graded functions" not in page
    assert "The right answer is" in page and "each wrong option checked" in page
    q2 = next(q for q in questions("week2_quiz") if q.name == "q2")
    assert q2.notes["a"].split("(")[0].strip() in page.replace("&#39;", "'")
    assert "14 / 14" in _page(run, "reference", "week2_quiz")


def test_the_gradebook_has_each_questions_score_on_its_test_cell(run):
    from nbgrader.api import Gradebook

    from autograder.grading.course import Course

    course = Course.open(run[0])
    r = result(run, "partial", "week3_quiz")
    with Gradebook(course.db_url, course.course_id) as gb:
        # (results.json rounds totals to 4 decimals, the gradebook adds the cells' scores)
        assert gb.find_submission("week3_quiz", "partial").score == pytest.approx(r["score"], abs=1e-4)
        for name, f in r["functions"].items():
            grade = gb.find_grade(f"test_{name}", "quiz_week3", "week3_quiz", "partial")
            assert grade.auto_score == pytest.approx(f["score"]) and grade.max_score == f["max_score"]
            comment = gb.find_comment(name, "quiz_week3", "week3_quiz", "partial")
            assert f["messages"][0] in comment.auto_comment
