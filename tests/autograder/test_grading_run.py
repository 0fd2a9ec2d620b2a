"""One grading run (``python -m autograder grade --course <tmp>``) over a corpus of submissions:
does every submission get the grade and the diagnosis it deserves?

The run is shared by the tests of this folder (see grading_tools.shared_run): the reference, the
untouched release, common mistakes, correct-but-different solutions, in-process attacks, a messy
notebook and unreadable files, graded together as an instructor would.
"""

from __future__ import annotations

import pytest

import grading_corpus as corpus
from grading_tools import FUNCTIONS, groups, messages, results, shared_run


@pytest.fixture(scope="module")
def run():
    return shared_run()


def test_the_run_succeeds_and_prints_a_summary(run):
    assert run.proc.returncode == 0, run.proc.stderr[-3000:]
    for student in run.students:
        assert student in run.proc.stdout
    assert f"Graded {len(run.students)} submissions" in run.proc.stdout


def test_the_source_notebook_gets_full_marks(run):
    result = results(run.course, "reference")
    assert result["score"] == result["max_score"] == 10
    assert set(result["functions"]) == set(FUNCTIONS)
    assert {f["kind"] for f in result["functions"].values()} == {"function"}
    assert not any("answer" in f for f in result["functions"].values())
    assert all(f["score"] == f["max_score"] and f["passed"] == f["cases"] for f in result["functions"].values())
    assert result["errors"] == [] and result["warnings"] == []


def test_the_untouched_release_gets_zero(run):
    result = results(run.course, "untouched")
    assert result["score"] == 0 and result["max_score"] == 10
    for name in FUNCTIONS:
        assert "is not implemented yet" in messages(result, name)
    assert result["errors"] == [], "the release runs without errors outside its stubs"


def _mistakes():
    for i, group in enumerate(groups(corpus.MISTAKES)):
        for name, entry in group.items():
            yield pytest.param(f"mistakes{i}", name, entry[2], id=f"{name}-{entry[2][:30]}")


@pytest.mark.parametrize("student, name, words", list(_mistakes()))
def test_a_common_mistake_loses_points_with_its_diagnosis(run, student, name, words):
    function = results(run.course, student)["functions"][name]
    assert function["score"] < function["max_score"]
    assert words in messages(results(run.course, student), name)


def _variants():
    for i, group in enumerate(groups(corpus.VARIANTS)):
        for name, entry in group.items():
            yield pytest.param(f"variants{i}", name, id=f"{name}-{i}")


@pytest.mark.parametrize("student, name", list(_variants()))
def test_a_correct_but_different_solution_gets_full_marks(run, student, name):
    function = results(run.course, student)["functions"][name]
    assert function["score"] == function["max_score"], messages(results(run.course, student), name)


def test_the_corpus_is_big_enough():
    assert len(corpus.MISTAKES) >= 10 and len(corpus.VARIANTS) >= 4
    assert {m[0] for m in corpus.MISTAKES} == set(FUNCTIONS) == {v[0] for v in corpus.VARIANTS}


@pytest.mark.parametrize("student", ["attack_patches", "attack_objects", "attack_snoop"])
def test_an_in_process_attack_gains_nothing(run, student):
    """Patched numpy/builtins/public checks, input and AST transformers, rigged __eq__ objects and
    arrays, masked arrays, frame and gc snooping, reading the public fixture, forged worker messages:
    all of it runs in the worker, so the trusted comparison gives zero, as for wrong answers."""
    result = results(run.course, student)
    assert result["score"] == 0, {n: f["messages"] for n, f in result["functions"].items()}
    assert results(run.course, "reference")["score"] == 10, "the control in the same run keeps full marks"


def test_rigged_objects_are_reported_as_not_plain_data(run):
    result = results(run.course, "attack_objects")
    assert "got an object of type AlwaysEqual" in messages(result, "sigmoid_derivative")
    assert "could not be read back as plain numbers" in messages(result, "image2vector")  # masked array


def test_forged_worker_messages_are_not_trusted(run):
    """The forged answers name calls that were not asked yet (each call is sent only when it
    runs), so they are ignored: what counts is what the functions returned."""
    result = results(run.course, "attack_snoop")
    assert result["score"] == 0
    assert "passed 0 of" in messages(result, "sigmoid")


def test_a_messy_notebook_is_repaired_and_graded(run):
    result = results(run.course, "messy")
    assert result["score"] == 9
    assert "is missing from your notebook" in messages(result, "L2")
    errors = "\n".join(result["errors"])
    assert "NameError: name 'undefined_name' is not defined" in errors
    assert "SystemExit" in errors and "EOFError" in errors
    assert "a heavy demo ran" not in errors, "cells tagged heavy are not run"
    warnings = "\n".join(result["warnings"])
    assert "'setup' was changed; the original was restored" in warnings
    assert "'test_softmax' was missing and was put back" in warnings
    assert "A copy of the locked cell 'setup' was removed" in warnings


@pytest.mark.parametrize("student, words", [("damaged", "is damaged: it is not valid JSON"),
                                            ("not_a_notebook", "is a JSON file but not a Jupyter notebook")])
def test_an_unreadable_submission_scores_zero_with_a_clear_error(run, student, words):
    result = results(run.course, student)
    assert result["score"] == 0 and result["max_score"] == 10
    assert any(words in e for e in result["errors"]), result["errors"]


def test_results_json_has_the_documented_fields(run):
    result = results(run.course, "mistakes0")
    assert {"student", "assignment", "score", "max_score", "functions", "errors"} <= set(result)
    for function in result["functions"].values():
        assert {"score", "max_score", "messages"} <= set(function)
        assert isinstance(function["messages"], list) and all(isinstance(m, str) for m in function["messages"])
    assert result["score"] == pytest.approx(sum(f["score"] for f in result["functions"].values()))
