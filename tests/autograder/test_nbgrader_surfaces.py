"""nbgrader's own commands give the sandboxed grades, and the feedback agrees with the gradebook.

One course (the repository's nbgrader_config.py, released with ``nbgrader generate_assignment``)
with a due date and a late rule of one point per started day:
* a submission that disarmed the public checks and answered wrong gets 0 from ``nbgrader
  autograde`` (stock nbgrader, executing it in a kernel, gives it 10 / 10) and the same result
  from ``python -m autograder grade``;
* a student goes through the exchange (fetch, submit two and a half days late), the instructor
  collects, grades, changes a score and comments in the gradebook, grades again, generates and
  releases feedback; the page the student fetches shows the gradebook's score, penalty and comment;
* where the sandbox cannot run, the Formgrader's Autograde (``NbGraderAPI.autograde``) refuses;
* a made-up Canvas download goes through ``nbgrader zip_collect``, the grader and the LMS export.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import nbformat
import pytest

import grading_corpus as corpus
from grading_tools import (ASSIGNMENT, NOTEBOOK, SOURCE, grade_cli, new_course, release_with, results,
                           stable, submit)

DISARM = ("class _Quiet:\n    def __getattr__(self, name):\n        return lambda *args, **kwargs: None\n"
          "checks = _Quiet()")
LATE_RULE = '''
import math
from nbgrader.plugins import LateSubmissionPlugin

class OnePointPerStartedDay(LateSubmissionPlugin):
    def late_submission_penalty(self, student_id, score, total_seconds_late):
        return min(score, math.ceil(total_seconds_late / 86400))

c.AssignLatePenalties.plugin_class = OnePointPerStartedDay
'''


def nbgrader(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    bin_dir = os.path.dirname(sys.executable)
    env = {**os.environ, **(env or {}), "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"nbgrader {' '.join(args)}:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
    return proc


@pytest.fixture(scope="module")
def course():
    scratch = Path(tempfile.mkdtemp(prefix="layerlab-surfaces-"))
    root = new_course(scratch / "course")
    with open(root / "nbgrader_config.py", "a") as fh:
        fh.write(LATE_RULE)
    (root / ".exchange").mkdir(mode=0o777)
    nbgrader(root, "generate_assignment", ASSIGNMENT)
    yield root
    shutil.rmtree(scratch, ignore_errors=True)


def gradebook(root: Path):
    from nbgrader.api import Gradebook

    from autograder.grading.course import Course

    course = Course.open(root)
    return Gradebook(course.db_url, course.course_id)


def test_nbgrader_autograde_gives_the_sandboxed_grade_and_the_cli_the_same(course):
    submit(course, "disarmed", release_with(corpus.WRONG, extra=DISARM))
    proc = nbgrader(course, "autograde", ASSIGNMENT, "--student", "disarmed")
    assert "layerlab's sandboxed grader" in proc.stderr
    by_nbgrader = results(course, "disarmed")
    assert by_nbgrader["score"] == 0 and by_nbgrader["max_score"] == 10   # in a kernel: 10 / 10
    with gradebook(course) as gb:
        assert gb.find_submission(ASSIGNMENT, "disarmed").score == 0
    page = (course / "feedback" / "disarmed" / ASSIGNMENT / f"{NOTEBOOK}.html").read_text()
    assert '<p class="total">0 / 10' in page

    proc = grade_cli(course, "--student", "disarmed", "--force")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"Course: {course}" in proc.stderr
    assert stable(results(course, "disarmed")) == stable(by_nbgrader)
    with gradebook(course) as gb:
        assert gb.find_submission(ASSIGNMENT, "disarmed").score == 0


def test_late_work_manual_scores_and_comments_reach_the_fetched_feedback(course):
    from nbgrader.utils import get_username

    student = get_username()  # nbgrader submits under the account's name
    with gradebook(course) as gb:  # what the Formgrader's Manage Assignments page sets
        gb.update_or_create_assignment(ASSIGNMENT, duedate=datetime.now(timezone.utc).replace(
            tzinfo=None) - timedelta(days=2, hours=12))
    nbgrader(course, "release_assignment", ASSIGNMENT)
    home = course.parent / "student"
    home.mkdir()
    as_student = {"HOME": str(home)}
    exchange = [f"--Exchange.root={course / '.exchange'}", "--course", "layerlab"]
    nbgrader(home, "fetch_assignment", ASSIGNMENT, *exchange, env=as_student)
    nbformat.write(nbformat.read(SOURCE, 4), home / ASSIGNMENT / f"{NOTEBOOK}.ipynb")
    nbgrader(home, "submit", ASSIGNMENT, *exchange, env=as_student)
    nbgrader(course, "collect", ASSIGNMENT)

    proc = grade_cli(course, "--student", student)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert results(course, student)["score"] == 10
    with gradebook(course) as gb:
        notebook = gb.find_submission_notebook(NOTEBOOK, ASSIGNMENT, student)
        assert notebook.late_submission_penalty == 3          # 2.5 days late: 3 started days
        grade = max(notebook.grades, key=lambda g: g.max_score)
        function, full = grade.name.removeprefix("test_"), grade.max_score
        grade.manual_score = grade.max_score - 0.5            # what the Formgrader's score box does
        gb.db.commit()

    again = grade_cli(course, "--student", student, "--force")
    assert again.returncode == 0, again.stderr[-3000:]
    assert f"kept the manual score of {function}" in again.stdout
    nbgrader(course, "export")
    with open(course / "grades.csv", newline="") as fh:
        row = next(r for r in csv.DictReader(fh) if r["student_id"] == student)
    assert (float(row["raw_score"]), float(row["late_submission_penalty"]), float(row["score"])) == \
        (9.5, 3, 6.5)

    nbgrader(course, "generate_feedback", ASSIGNMENT)
    with gradebook(course) as gb:  # a comment written after generating the feedback still reaches it
        gb.find_comment(function, NOTEBOOK, ASSIGNMENT, student).manual_comment = "Mind the <axis>."
        gb.db.commit()
    nbgrader(course, "release_feedback", ASSIGNMENT, "--student", student)
    nbgrader(home, "fetch_feedback", ASSIGNMENT, *exchange, env=as_student)
    fetched = list((home / ASSIGNMENT / "feedback").glob(f"*/{NOTEBOOK}.html"))
    assert len(fetched) == 1
    page = fetched[0].read_text()
    assert '<p class="total">6.5 / 10' in page
    assert "−3" in page and "late submission (2.5 days after the due date)" in page
    assert f"<code>{function}</code></td>" in page
    assert f"{full - 0.5:g} / {full:g}</td>" in page and f"(the grader gave {full:g})" in page
    assert "Mind the &lt;axis&gt;." in page
    assert "Hidden cases passed" in page  # the grader's own report is still there
    assert json.loads((course / "autograded" / student / ASSIGNMENT / "results.json").read_text())[
        "score"] == 10


def test_without_the_sandbox_the_formgraders_autograde_refuses(course, monkeypatch, tmp_path):
    from nbgrader.apps.api import NbGraderAPI

    from autograder.boundary import sandbox
    from autograder.grading.course import Course

    submit(course, "refused", release_with(corpus.WRONG, extra=DISARM))
    graded = Course.open(course)
    api = NbGraderAPI(coursedir=graded.coursedir, config=graded.config)
    monkeypatch.setenv("PATH", str(tmp_path))  # no bwrap: as on a machine without bubblewrap
    sandbox.probe.cache_clear()
    try:
        answer = api.autograde(ASSIGNMENT, "refused")
    finally:
        sandbox.probe.cache_clear()
    assert not answer["success"]
    assert "layerlab grades only in its sandbox, so refused/week2_numpy_basics was not graded " \
           "(nothing ran in a kernel): bubblewrap is installed" in answer["log"]
    assert not (course / "autograded" / "refused" / ASSIGNMENT).exists()
    with gradebook(course) as gb:
        assert gb.find_submission(ASSIGNMENT, "refused").score == 0


def test_an_lms_download_ends_in_a_csv_the_lms_imports(course):
    archive = course / "downloaded" / ASSIGNMENT / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / "submissions.zip", "w") as download:  # as Canvas names them
        download.writestr(f"lovelaceada_1001_5001_{NOTEBOOK}.ipynb",
                          nbformat.writes(nbformat.read(SOURCE, 4)))
        download.writestr(f"turingalan_LATE_1002_5002_{NOTEBOOK}.ipynb",
                          nbformat.writes(release_with(corpus.WRONG)))
    nbgrader(course, "zip_collect", ASSIGNMENT)
    for student in ("1001", "1002"):
        assert (course / "submitted" / student / ASSIGNMENT / f"{NOTEBOOK}.ipynb").is_file()
    (course / "students.csv").write_text("id,last_name,first_name,email,lms_user_id\n"
                                         "1001,Lovelace,Ada,,1001\n1002,Turing,Alan,,1002\n")
    nbgrader(course, "db", "student", "import", "students.csv")
    proc = grade_cli(course, "--student", "1001", "--student", "1002")
    assert proc.returncode == 0, proc.stderr[-3000:]

    nbgrader(course, "export", "--exporter=autograder.nbgrader_plugins.LmsExport", "--to", "lms.csv")
    with open(course / "lms.csv", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ASSIGNMENT]
    assert rows[1] == ["Points Possible", "", "", "", "", "10"]
    by_id = {row[1]: row for row in rows[2:]}
    assert by_id["1001"] == ["Lovelace, Ada", "1001", "", "", "", "10"]
    assert by_id["1002"] == ["Turing, Alan", "1002", "", "", "", "0"]
