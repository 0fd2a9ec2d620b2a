"""Does the grader work from a course folder that holds its own copy of ``layerlab/``, while the
environment has another install of it (here: the repository's editable install)?

The worker must import the very ``layerlab`` the grader imported and mounts, whatever the kind of
install: before, every worker failed with ``No module named 'layerlab'``.
"""

from __future__ import annotations

import shutil

import nbformat
import pytest

from autograder.boundary import sandbox
from grading_tools import NOTEBOOK, REPO, SOURCE, grade_cli, new_course, results, submit

MARKER = "COURSE_COPY_MARKER"


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = new_course(tmp_path_factory.mktemp("course-with-its-own-layerlab"))
    shutil.copytree(REPO / "layerlab", course / "layerlab",
                    ignore=shutil.ignore_patterns("__pycache__"))
    with open(course / "layerlab" / "__init__.py", "a") as init:
        init.write(f"\n{MARKER} = 'the course folder\\'s own copy'\n")
    nb = nbformat.read(SOURCE, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        f"import layerlab\nprint('layerlab in use:', layerlab.{MARKER})"))
    submit(course, "ada", nb)
    return course


@pytest.mark.parametrize("mode", ["sandboxed", "insecure"])
def test_the_worker_imports_the_course_folders_own_layerlab(course, mode):
    if mode == "sandboxed" and sandbox.probe() is not None:
        pytest.skip(sandbox.probe())
    for folder in ("autograded", "feedback"):
        shutil.rmtree(course / folder, ignore_errors=True)
    (course / "gradebook.db").unlink(missing_ok=True)
    proc = grade_cli(course, *(["--insecure"] if mode == "insecure" else []))
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    result = results(course, "ada")
    assert result["errors"] == [], result["errors"]
    assert result["score"] == result["max_score"] == 10
    excerpt = result["notebooks"][NOTEBOOK]["output_excerpt"]
    assert "layerlab in use: the course folder's own copy" in excerpt, excerpt
