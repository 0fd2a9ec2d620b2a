"""After a grading run, do nbgrader's tools see the grades, and does every student get a feedback
page that explains without giving the hidden tests away?"""

from __future__ import annotations

import ast
import csv
import re
import subprocess
import sys

import nbformat
import pytest

from grading_tools import ASSIGNMENT, NOTEBOOK, REPO, SOURCE, results, shared_run


@pytest.fixture(scope="module")
def run():
    return shared_run()


@pytest.fixture(scope="module")
def gradebook(run):
    from nbgrader.api import Gradebook

    from autograder.grading.course import Course

    course = Course.open(run.course)
    with Gradebook(course.db_url, course.course_id) as gb:
        yield gb


def test_nbgrader_export_lists_every_score(run):
    proc = subprocess.run([sys.executable, "-m", "nbgrader", "export"], cwd=run.course,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    with open(run.course / "grades.csv", newline="") as fh:
        rows = {row["student_id"]: row for row in csv.DictReader(fh)}
    assert set(rows) == set(run.students)
    for student in run.students:
        assert rows[student]["assignment"] == ASSIGNMENT
        assert float(rows[student]["max_score"]) == 10
        assert float(rows[student]["raw_score"]) == pytest.approx(results(run.course, student)["score"])


def test_the_gradebook_has_each_functions_score_on_its_test_cell(run, gradebook):
    submission = gradebook.find_submission(ASSIGNMENT, "mistakes0")
    assert submission.score == pytest.approx(results(run.course, "mistakes0")["score"])
    for name, function in results(run.course, "mistakes0")["functions"].items():
        grade = gradebook.find_grade(f"test_{name}", NOTEBOOK, ASSIGNMENT, "mistakes0")
        assert grade.auto_score == pytest.approx(function["score"])
        assert grade.max_score == function["max_score"]
        comment = gradebook.find_comment(name, NOTEBOOK, ASSIGNMENT, "mistakes0")
        assert function["messages"][0] in comment.auto_comment


def test_the_formgrader_counts_the_submissions_as_autograded(run):
    from nbgrader.apps.api import NbGraderAPI

    from autograder.grading.course import Course

    course = Course.open(run.course)
    api = NbGraderAPI(coursedir=course.coursedir, config=course.config)
    assert api.get_autograded_students(ASSIGNMENT) == set(run.students)
    assert (run.course / "autograded" / "messy" / ASSIGNMENT / f"{NOTEBOOK}.ipynb").is_file()


def _pages(run):
    return {s: (run.course / "feedback" / s / ASSIGNMENT / f"{NOTEBOOK}.html").read_text()
            for s in run.students}


def test_every_student_gets_a_feedback_page(run):
    pages = _pages(run)
    assert "10 / 10" in pages["reference"]
    assert "Likely mistake:" in pages["mistakes0"] and "Hidden case" in pages["mistakes0"]
    assert "is damaged" in pages["damaged"]
    assert "NameError" in pages["messy"]


def test_feedback_never_shows_the_reference_or_the_hidden_tests(run):
    solution_lines = set()
    for cell in nbformat.read(SOURCE, 4).cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            region = cell.source.split("### BEGIN SOLUTION")[-1].split("### END SOLUTION")[0]
            solution_lines |= {line.strip() for line in region.splitlines() if len(line.strip()) >= 16}
    contract = (REPO / "layerlab" / "checks" / f"{NOTEBOOK}.py").read_text()
    hidden_source = "\n".join(ast.get_source_segment(contract, kw.value) for node in ast.walk(ast.parse(contract))
                              if isinstance(node, ast.Call) for kw in node.keywords if kw.arg == "hidden")
    hidden_lines = {line.strip() for line in hidden_source.splitlines() if "lambda" in line}
    assert solution_lines and hidden_lines
    for student, page in _pages(run).items():
        if student.startswith(("variants", "mistakes", "attack")):  # their own code is not the reference's
            text = re.sub(r"<[^>]+>", "", page)
            assert not [line for line in solution_lines if line in text], student
            assert not [line for line in hidden_lines if line in text], student
            assert "RandomState" not in text and "_normal(" not in text

