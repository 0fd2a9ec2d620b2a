"""Load test: 300 submissions across the five programming assignments, correct, buggy, untouched and
hostile, graded with ``--jobs 2`` in one run without a failure of the grader. The run's time is
written to ``test-artifacts/load-test.json`` (and shown with ``pytest -s``)."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

from grading_tools import REPO, grade_cli, reference_solutions, release_with, submit

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap is not installed")]

ASSIGNMENTS = {
    "week2_numpy_basics": "numpy_basics",
    "week2_logistic_regression": "logistic_regression",
    "week3_planar_classification": "planar_classification",
    "week4_deep_nn_step_by_step": "deep_nn_step_by_step",
    "week4_deep_nn_application": "deep_nn_application",
}
PER_ASSIGNMENT = 60
HOSTILE = [
    "import os\nos._exit(3)",
    "import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\nwhile True:\n    pass",
    "x = bytearray(4 * 2**30)",
    "print(open('../../gradebook.db', 'rb').read(10))",
    "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)",
]


def _kinds(assignment: str, notebook: str):
    """(student, kind, notebook) for one assignment: correct, one bug per function, untouched, hostile."""
    source = REPO / "source" / assignment / f"{notebook}.ipynb"
    release = REPO / "assignments" / assignment / f"{notebook}.ipynb"
    reference = reference_solutions(source)
    out = []
    for i in range(PER_ASSIGNMENT):
        student = f"{assignment[:5]}_{i:02d}"
        kind = ("correct", "buggy", "buggy", "untouched", "hostile")[i % 5]
        if kind == "correct":
            nb = release_with(reference, release=release)
        elif kind == "untouched":
            nb = nbformat.read(release, 4)
        elif kind == "buggy":
            names = sorted(reference)
            broken = names[i % len(names)]
            nb = release_with({**reference, broken: reference[broken] + "\n" + _bug(reference[broken])},
                              release=release)
        else:
            nb = release_with(reference, release=release)
            nb.cells.append(nbformat.v4.new_code_cell(HOSTILE[i % len(HOSTILE)]))
        out.append((student, kind, nb))
    return out


def _bug(code: str) -> str:
    """Redefine the cell's function so that it returns None."""
    line = next(l for l in code.splitlines() if l.startswith("def "))
    return line + "\n    return None\n"


@pytest.fixture(scope="module")
def load_run():
    course = Path(tempfile.mkdtemp(prefix="layerlab-load-"))
    shutil.copy(REPO / "nbgrader_config.py", course / "nbgrader_config.py")
    kinds = {}
    for assignment, notebook in ASSIGNMENTS.items():
        shutil.copytree(REPO / "source" / assignment, course / "source" / assignment)
        for student, kind, nb in _kinds(assignment, notebook):
            submit(course, student, nb, assignment, notebook)
            kinds[(student, assignment)] = kind
    start = time.perf_counter()
    proc = grade_cli(course, "--jobs", "2", "--cell-timeout", "5", timeout=3600)
    seconds = time.perf_counter() - start
    artifacts = REPO / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "load-test.json").write_text(json.dumps(
        {"submissions": len(kinds), "jobs": 2, "seconds": round(seconds, 1),
         "submissions_per_minute": round(len(kinds) / seconds * 60, 1)}, indent=1) + "\n")
    print(f"\nload test: {len(kinds)} submissions graded in {seconds:.0f} s "
          f"({len(kinds) / seconds * 60:.0f} per minute) with --jobs 2")
    yield course, proc, kinds
    shutil.rmtree(course, ignore_errors=True)


def test_every_submission_is_graded_without_a_grader_failure(load_run):
    course, proc, kinds = load_run
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert f"Graded {len(kinds)} submissions" in proc.stdout
    assert len(kinds) == 300


def test_scores_match_what_each_submission_deserves(load_run):
    course, _, kinds = load_run
    for (student, assignment), kind in kinds.items():
        result = json.loads((course / "autograded" / student / assignment / "results.json").read_text())
        if kind in ("correct", "hostile"):   # hostile cells come after correct code: no harm, no gain
            assert result["score"] == result["max_score"], (student, assignment, result["errors"])
        elif kind == "untouched":
            assert result["score"] == 0, (student, assignment)
        else:
            assert 0 <= result["score"] < result["max_score"], (student, assignment)
