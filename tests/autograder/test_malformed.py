"""Bad submissions get a results.json with a clear error (and the points they still earn); the other
submissions of the same run are graded normally."""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest

from grading_tools import (ASSIGNMENT, NOTEBOOK, SOURCE, grade_cli, grade_id, new_course,
                           reference_solutions, release_with, results, submit)

pytestmark = pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap is not installed")


def _completed():
    return release_with(reference_solutions(SOURCE), demos=True)


def _v3_text() -> str:
    """The completed notebook saved in the old nbformat 3."""
    from nbformat import v3

    return v3.writes_json(nbformat.convert(_completed(), 3))


def _without(nb, gid):
    nb.cells = [c for c in nb.cells if grade_id(c) != gid]
    return nb


def _duplicated(nb, gid):
    at = next(i for i, c in enumerate(nb.cells) if grade_id(c) == gid)
    twin = copy.deepcopy(nb.cells[at])
    twin.id = "twin"
    nb.cells.insert(at + 1, twin)
    return nb


def _edited_test(nb):
    cell = next(c for c in nb.cells if grade_id(c) == "test_softmax")
    cell.source = "assert True  # my own test"
    return nb


def _renamed(nb):
    cell = next(c for c in nb.cells if grade_id(c) == "softmax")
    cell.source = cell.source.replace("def softmax(", "def soft_max(")
    return nb


def _huge_outputs(nb):
    cell = next(c for c in nb.cells if c.cell_type == "code")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="x" * 60 * 2**20)]
    return nb


def _absurd_file() -> str:
    """Over the 256 MB the grader reads at all."""
    return '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5, "pad": "' + "z" * 257 * 2**20 + '"}'


def _big_but_fine_outputs(nb):
    cell = next(c for c in nb.cells if c.cell_type == "code")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="y" * 5 * 2**20)]
    return nb


def _r_kernel(nb):
    nb.metadata["kernelspec"] = {"name": "ir", "display_name": "R", "language": "R"}
    nb.metadata["language_info"] = {"name": "R"}
    return nb


# student -> (file content: str | bytes | None for no file, full score expected?, words in the errors)
CASES = {
    "invalid_json": ('{"cells": [', 0, "not valid JSON"),
    "empty_file": ("", 0, "empty file"),
    "binary_file": (bytes(range(256)) * 10, 0, "not a text file"),
    "not_a_notebook": (json.dumps({"hello": "world"}), 0, "not a Jupyter notebook"),
    "missing_notebook": (None, 0, "missing from the submission"),
    "old_nbformat": (_v3_text(), 10, None),
    "deleted_locked_cells": (_without(_without(_completed(), "setup"), "test_softmax"), 10, None),
    "duplicated_locked_cell": (_duplicated(_completed(), "setup"), 10, None),
    "edited_test_cell": (_edited_test(_completed()), 10, "restored"),
    "renamed_function": (_renamed(_completed()), 8, "softmax"),
    "huge_outputs": (_huge_outputs(_completed()), 10, "Clear Outputs"),
    "absurdly_large_file": (_absurd_file, 0, "too large to grade"),   # made when needed
    "big_outputs_fine": (_big_but_fine_outputs(_completed()), 10, None),
    "wrong_kernel": (_r_kernel(_completed()), 10, "kernel"),
}


@pytest.fixture(scope="module")
def graded():
    course = new_course(Path(tempfile.mkdtemp(prefix="layerlab-malformed-")))
    submit(course, "control", nbformat.read(SOURCE, 4))
    for student, (content, _, _) in CASES.items():
        if callable(content):
            content = content()
        if content is None:
            folder = course / "submitted" / student / ASSIGNMENT
            folder.mkdir(parents=True)
            (folder / "my_notebook_renamed.ipynb").write_text(nbformat.writes(_completed()))
        elif isinstance(content, bytes):
            path = submit(course, student, "")
            path.write_bytes(content)
        else:
            submit(course, student, content)
    proc = grade_cli(course, "--jobs", "2")
    yield course, proc
    shutil.rmtree(course, ignore_errors=True)


def test_the_run_goes_on_and_succeeds(graded):
    course, proc = graded
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert results(course, "control")["score"] == 10


@pytest.mark.parametrize("student", sorted(CASES))
def test_a_bad_submission_gets_results_and_a_clear_error(graded, student):
    course, _ = graded
    _, points, words = CASES[student]
    result = results(course, student)
    assert result["score"] == points, json.dumps(result, indent=1)[:3000]
    said = json.dumps(result, ensure_ascii=False)
    if words:
        assert words in said, said[:3000]
    assert (course / "feedback" / student / ASSIGNMENT / f"{NOTEBOOK}.html").is_file()
