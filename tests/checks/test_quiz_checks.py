"""Do the quizzes' public checks accept every well-formed answer, reject malformed ones with a
clear message, and know nothing of the answer key?"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pytest

from autograder.grading.quiz import explanation_fields
from conftest import REPO, reference, source_notebook
from layerlab.checks import CheckFailed, quiz
from layerlab.checks import quiz_week2, quiz_week3, quiz_week4
from layerlab.checks.quiz import choice, choices, format_problem, normalize, number, shape, show

MODULES = {"week2_quiz": quiz_week2, "week3_quiz": quiz_week3, "week4_quiz": quiz_week4}


def _plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def _id(value) -> str:
    """A test id that is the same in every process (set order is not)."""
    if isinstance(value, quiz.Question):
        return value.kind
    return show(value)[:30] if not isinstance(value, (set, frozenset)) or all(
        isinstance(v, str) for v in value) else type(value).__name__


# ----------------------------------------------------------------------------- the question modules

@pytest.mark.parametrize("assignment", MODULES)
def test_every_answer_of_the_source_has_a_format_and_a_check(assignment):
    module = MODULES[assignment]
    answers = [a.name for a in source_notebook(assignment).graded_answers]
    assert list(module.QUESTIONS) == answers
    for name in answers:
        assert callable(getattr(module, f"check_{name}"))


@pytest.mark.parametrize("assignment", MODULES)
def test_the_reference_answers_pass_their_checks(assignment, capsys):
    module, key = MODULES[assignment], reference(assignment)
    for name in module.QUESTIONS:
        getattr(module, f"check_{name}")(getattr(key, name))
        assert f"✓ {name} = " in capsys.readouterr().out


@pytest.mark.parametrize("assignment", MODULES)
def test_an_unanswered_question_fails_its_check_without_hinting(assignment):
    module = MODULES[assignment]
    for name, question in module.QUESTIONS.items():
        with pytest.raises(CheckFailed) as info:
            getattr(module, f"check_{name}")(None)
        assert f"`{name}` is not answered yet" in _plain(info.value.report)


@pytest.mark.parametrize("assignment", MODULES)
def test_a_check_says_the_same_for_every_well_formed_answer(assignment, capsys):
    """A right and a wrong answer get the same kind of green line: the check is no oracle."""
    module, key = MODULES[assignment], reference(assignment)
    for name, question in module.QUESTIONS.items():
        other = _another_answer(question, normalize(question, getattr(key, name)))
        getattr(module, f"check_{name}")(getattr(key, name))
        right = capsys.readouterr().out
        getattr(module, f"check_{name}")(other)
        wrong = capsys.readouterr().out
        assert right.replace(show(normalize(question, getattr(key, name))), "X") == \
            wrong.replace(show(normalize(question, other)), "X")


def _another_answer(question, key):
    if question.kind == "choice":
        return next(o for o in question.options if o != key)
    if question.kind == "choices":
        return {question.options[0]} if key != {question.options[0]} else {question.options[1]}
    if question.kind == "shape":
        return key + (1,)
    return key + 1


def test_the_modules_declare_formats_only():
    """What a question module can tell: the variable, its kind, the option letters, whether a
    number is whole, and the course ideas it is about (what its heading already says, for the
    class insights). Nothing else (no key, no explanation) is part of a Question."""
    assert [f for f in quiz.Question.__dataclass_fields__] == ["name", "kind", "options", "integer",
                                                               "topics"]


@pytest.mark.parametrize("assignment", MODULES)
def test_the_package_holds_no_explanation_and_no_answer_line(assignment):
    notebook = source_notebook(assignment)
    texts = [p.read_text() for p in (REPO / "layerlab").rglob("*.py")]
    for answer in notebook.graded_answers:
        fields = explanation_fields(answer)
        for sentence in [fields["WHY"], *fields.get("NOTES", {}).values()]:
            assert not any(sentence[:40] in text for text in texts), sentence
        solution = next(c.source for c in notebook.solution_cells()
                        if c.metadata["nbgrader"]["grade_id"] == answer.solution_cell)
        line = solution.split("### BEGIN SOLUTION\n")[1].splitlines()[0]
        assert not any(line in text for text in texts), line


# ----------------------------------------------------------------------------- format checks

WELL_FORMED = [
    (choice("q"), "b"),
    (choice("q"), np.str_("d")),
    (choices("q"), {"a", "c"}),
    (choices("q"), frozenset({"e"})),
    (shape("q"), (4, 1)),
    (shape("q"), (5,)),
    (shape("q"), ()),
    (shape("q"), (np.int64(3), 2)),
    (number("q"), 0.25),
    (number("q"), -3),
    (number("q"), np.float64(0.5)),
    (number("q", integer=True), 12288),
    (number("q", integer=True), 6.0),
]


@pytest.mark.parametrize("question, answer", WELL_FORMED, ids=_id)
def test_well_formed_answers_pass(question, answer):
    assert format_problem(question, answer) is None


# (question, malformed answer, words the message must contain)
MALFORMED = [
    (choice("q"), None, "not answered yet"),
    (choice("q"), "B", 'write the option exactly as listed, "b"'),
    (choice("q"), " c ", 'exactly as listed, "c"'),
    (choice("q"), "e", 'is not an option of this question; the options are "a", "b", "c" or "d"'),
    (choice("q"), {"a"}, "takes a single option"),
    (choice("q"), ["a"], "takes a single option"),
    (choice("q"), 2, "it is the number 2"),
    (choices("q"), {}, "an empty dict"),
    (choices("q"), set(), "check at least one option"),
    (choices("q"), "a", 'put the letter between braces, like {"a"}'),
    (choices("q"), ["a", "c"], "rather than brackets [ ]"),
    (choices("q"), ("a", "c"), "rather than parentheses ( )"),
    (choices("q"), {"a", "f"}, '"f", which is not an option'),
    (choices("q"), {"A"}, "in lower case"),
    (choices("q"), {1, 2}, "must be an option letter"),
    (choices("q"), type("MySet", (set,), {})({"a"}), "write a plain set"),
    (shape("q"), 4, "write `(4,)`"),
    (shape("q"), [4, 1], "as a tuple"),
    (shape("q"), (4.0, 1), "`4`, not `4.0`"),
    (shape("q"), (4, "1"), "must be a whole number"),
    (shape("q"), (4, -1), "negative"),
    (shape("q"), (True, 1), "must be a whole number"),
    (shape("q"), "(4, 1)", "must be a tuple of whole numbers"),
    (number("q"), "0.25", "without quotes"),
    (number("q"), (0.25,), "a tuple of one number"),
    (number("q"), True, "the bool True"),
    (number("q"), float("nan"), "finite"),
    (number("q"), np.array([0.25]), "it is a ndarray"),
    (number("q", integer=True), 2.5, "asks for a whole number"),
]


@pytest.mark.parametrize("question, answer, words", MALFORMED, ids=_id)
def test_malformed_answers_are_rejected_with_a_clear_message(question, answer, words):
    problem = format_problem(question, answer)
    assert problem and words in problem, problem


def test_the_notebook_check_raises_the_message_as_a_failed_check():
    check = quiz.make_check(choices("q5"))
    with pytest.raises(CheckFailed) as info:
        check(["a", "c"])
    report = _plain(info.value.report)
    assert report.startswith("✗ q5") and "write a set instead" in report
    assert isinstance(info.value, AssertionError), "nbgrader counts the test cell as failed"


def test_normalized_answers_are_plain_and_canonical():
    assert normalize(choices("q"), {"c", "a"}) == frozenset({"a", "c"})
    assert normalize(shape("q"), (np.int64(4), 1)) == (4, 1) and type(normalize(shape("q"), (np.int64(4),))[0]) is int
    assert type(normalize(number("q"), np.float64(0.5))) is float
    assert normalize(number("q", integer=True), 6.0) == 6 and type(normalize(number("q", integer=True), 6.0)) is int
    assert show(frozenset({"c", "a"})) == '{"a", "c"}' and show((5,)) == "(5,)" and show(0.16) == "0.16"


@pytest.mark.parametrize("assignment", MODULES)
def test_the_source_notebook_imports_its_module(assignment):
    setup = next(c.source for c in source_notebook(assignment).nb.cells
                 if c.metadata.get("nbgrader", {}).get("grade_id") == "setup")
    imported = [a.name for node in ast.parse(setup).body if isinstance(node, ast.ImportFrom)
                for a in node.names]
    assert MODULES[assignment].__name__.rsplit(".", 1)[1] in imported
    assert Path(MODULES[assignment].__file__).name == f"quiz_week{assignment[4]}.py"
