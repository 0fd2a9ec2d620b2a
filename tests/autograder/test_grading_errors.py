"""A grading run that cannot do what was asked says what is wrong and what to run, and fails.

None of these runs a worker: each stops before grading. They call ``python -m autograder``'s
``main`` in this process (the same code as the command, without its start-up time).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from grading_tools import ASSIGNMENT, RELEASE, REPO, new_course, submit


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def grade(monkeypatch, capsys):
    """``grade(*args, cwd=..., path=...)`` runs ``python -m autograder grade ARGS`` in ``cwd``
    (with PATH set to ``path``, if given)."""
    from autograder.__main__ import main
    from autograder.boundary import sandbox

    def run(*args: str, cwd: Path, path: str | None = None) -> Run:
        with monkeypatch.context() as patch:
            patch.chdir(cwd)
            if path is not None:
                patch.setenv("PATH", path)
            sandbox.probe.cache_clear()
            capsys.readouterr()
            code = main(["grade", *args])
            out = capsys.readouterr()
        sandbox.probe.cache_clear()
        return Run(code, out.out, out.err)

    return run


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = new_course(tmp_path_factory.mktemp("errors") / "course")
    submit(root, "ada", nbformat.read(RELEASE, 4))
    return root


def fails(proc: Run, code: int, *words: str) -> None:
    assert proc.returncode == code, proc.stdout + proc.stderr
    for word in words:
        assert word in proc.stderr, proc.stderr
    assert "Graded" not in proc.stdout and "No submissions" not in proc.stdout


def test_a_typo_in_the_assignment_is_named_with_the_right_name(grade, course):
    fails(grade("--course", str(course), "--assignment", "week2_numpy_basic", cwd=course), 2,
          f"Course: {course} (--course)", "there is no assignment 'week2_numpy_basic'",
          "did you mean 'week2_numpy_basics'?")


def test_an_unknown_student_is_named_with_those_who_submitted(grade, course):
    fails(grade("--course", str(course), "--student", "zed", cwd=course), 2,
          "no student 'zed' has submitted anything", "students there: ada")


def test_a_course_without_submitted_says_how_to_collect(grade, tmp_path):
    root = new_course(tmp_path / "course")
    fails(grade(cwd=root), 2, f"Course: {root} (the current directory has nbgrader_config.py)",
          "has no submitted/ folder", "nbgrader collect", "nbgrader zip_collect")


def test_a_course_whose_nbgrader_would_grade_in_kernels_is_warned_about(grade, tmp_path):
    root = new_course(tmp_path / "course")
    config = (root / "nbgrader_config.py").read_text()
    (root / "nbgrader_config.py").write_text(config.replace("c.Autograde.", "# c.Autograde."))
    proc = grade(cwd=root)
    assert "does not send nbgrader's Autograde to layerlab's grader" in proc.stderr
    assert "WARNING" not in grade(cwd=new_course(tmp_path / "configured")).stderr


def test_a_folder_that_is_not_a_course_is_refused(grade, tmp_path):
    fails(grade("--course", str(tmp_path), cwd=tmp_path), 2,
          f"{tmp_path} is not an nbgrader course", "pass --course")


def test_from_another_folder_the_run_names_the_course_it_uses(grade, tmp_path):
    proc = grade("--student", "zed", cwd=tmp_path)
    fails(proc, 2, f"Course: {REPO} (the current directory has no nbgrader_config.py, so the "
                   f"layerlab repository's course; pass --course DIR to grade another)")


@pytest.mark.skipif(not os.access("/usr/bin/bwrap", os.X_OK), reason="needs /usr/bin/bwrap")
def test_bwrap_off_path_is_not_called_missing(grade, course, tmp_path):
    fails(grade("--course", str(course), cwd=course, path=str(tmp_path)), 1,
          "bubblewrap is installed (/usr/bin/bwrap) but `bwrap` is not on PATH", "add /usr/bin to PATH")


@pytest.mark.skipif(os.geteuid() != 0 or not os.access("/usr/bin/bwrap", os.X_OK),
                    reason="setpriv is needed when the grader runs as root, with /usr/bin/bwrap")
def test_a_missing_setpriv_is_named_not_user_namespaces(grade, course, tmp_path):
    (tmp_path / "bwrap").symlink_to("/usr/bin/bwrap")
    proc = grade("--course", str(course), cwd=course, path=str(tmp_path))
    fails(proc, 1, "`setpriv` is not on PATH", "util-linux")
    assert "namespaces" not in proc.stderr


def test_bwrap_not_installed_says_how_to_install(monkeypatch, tmp_path):
    from autograder.boundary import sandbox

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(sandbox, "BWRAP_PLACES", ())
    sandbox.probe.cache_clear()
    try:
        assert "not installed" in sandbox.probe() and "apt-get install bubblewrap" in sandbox.probe()
    finally:
        sandbox.probe.cache_clear()
