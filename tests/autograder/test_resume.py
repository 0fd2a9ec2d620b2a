"""A grading run killed with SIGKILL in the middle and started again ends exactly like a run that was
never interrupted: the same results, every grade in the gradebook once. A run over unchanged
submissions keeps their results."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

import grading_corpus as corpus
from grading_tools import ASSIGNMENT, SOURCE, grade_cli, new_course, release_with, stable, submit

pytestmark = pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap is not installed")

SUBMISSIONS = 50


def _fill(course: Path) -> None:
    entries = corpus.MISTAKES + corpus.VARIANTS
    submit(course, "s00", nbformat.read(SOURCE, 4))
    for i in range(1, SUBMISSIONS):
        function, code = entries[i % len(entries)][:2]
        submit(course, f"s{i:02d}", release_with({function: code}))




def _all_results(course: Path) -> dict:
    return {p.parts[-3]: stable(json.loads(p.read_text()))
            for p in sorted((course / "autograded").glob(f"*/{ASSIGNMENT}/results.json"))}


def _export(course: Path) -> list[dict]:
    out = course / "grades.csv"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run([sys.executable, "-m", "nbgrader", "export", "--to", str(out)], cwd=course,
                   env=env, check=True, capture_output=True)
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    return sorted(({k: v for k, v in row.items() if k != "timestamp"} for row in rows),
                  key=lambda r: r["student_id"])


@pytest.fixture(scope="module")
def runs():
    base = Path(tempfile.mkdtemp(prefix="layerlab-resume-"))
    whole = new_course(base / "whole")
    _fill(whole)
    assert grade_cli(whole, "--jobs", "2").returncode == 0

    killed = new_course(base / "killed")
    _fill(killed)
    proc = subprocess.Popen([sys.executable, "-m", "autograder", "grade", "--course", str(killed),
                             "--jobs", "2"], cwd=killed, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 600
    while len(list((killed / "autograded").glob("*/*/results.json"))) < SUBMISSIONS // 3:
        assert proc.poll() is None and time.time() < deadline, "the run ended before it could be killed"
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(list((killed / "autograded").glob("*/*/results.json")))
    resumed = grade_cli(killed, "--jobs", "2")
    again = grade_cli(killed, "--jobs", "2")
    yield whole, killed, done_before, resumed, again
    shutil.rmtree(base, ignore_errors=True)


def test_the_kill_interrupted_the_run(runs):
    _, _, done_before, resumed, _ = runs
    assert 0 < done_before < SUBMISSIONS
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert f"Kept the current results of {done_before} unchanged" in resumed.stdout


def test_the_resumed_run_has_the_same_results_as_an_uninterrupted_one(runs):
    whole, killed = runs[:2]
    expected, got = _all_results(whole), _all_results(killed)
    assert len(expected) == SUBMISSIONS
    assert got == expected


def test_every_grade_is_in_the_gradebook_once(runs):
    whole, killed = runs[:2]
    assert _export(killed) == _export(whole)
    assert len(_export(killed)) == SUBMISSIONS


def test_a_run_over_unchanged_submissions_keeps_every_result(runs):
    again = runs[4]
    assert again.returncode == 0
    assert "Graded 0 submissions" in again.stdout
    assert f"Kept the current results of {SUBMISSIONS} unchanged" in again.stdout
