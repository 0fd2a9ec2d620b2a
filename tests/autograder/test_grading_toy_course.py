"""A small made-up assignment, graded in-process: conventions the later assignments need (a seeded
global generator, dicts and tuples, inputs changed in place, a helper module shipped with the
assignment, several notebooks of which one has nothing to grade, a stub called by a graded
function), without the cost of the course's real notebooks."""

from __future__ import annotations

import json

import nbformat
import numpy as np
import pytest

from autograder.grading import plan
from autograder.grading.course import Course
from autograder.grading.grade import Settings, grade_course
from grading_tools import REPO
from layerlab.judge.contract import FunctionSpec, Hidden, HiddenCase

AID = "toy_assignment"


def _meta(grade_id, *, solution=False, grade=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta, **({"editable": False, "deletable": False} if locked else {})}


SOLUTIONS = {
    "noise": "def noise(n):\n    ### BEGIN SOLUTION\n    return np.random.randn(n, 1) * 0.01\n    ### END SOLUTION\n",
    "update": ("def update(params, lr):\n    ### BEGIN SOLUTION\n"
               "    return {k: v - lr * scale(v) for k, v in params.items()}\n    ### END SOLUTION\n"),
    "stats": "def stats(x):\n    ### BEGIN SOLUTION\n    return float(np.mean(x)), float(np.std(x))\n    ### END SOLUTION\n",
}


def _source_notebook(solutions: dict[str, str]):
    cells = [nbformat.v4.new_code_cell("import numpy as np\nfrom toyhelpers import scale",
                                       metadata=_meta("setup", locked=True), id="setup")]
    for name, code in solutions.items():
        cells.append(nbformat.v4.new_code_cell(code, metadata=_meta(name, solution=True), id=name))
        cells.append(nbformat.v4.new_code_cell(f"assert callable({name})", id=f"test_{name}",
                                               metadata=_meta(f"test_{name}", grade=True, locked=True, points=2)))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


CONTRACTS = {
    "noise": FunctionSpec("noise", (), hidden=Hidden([HiddenCase(lambda: (4,), seed=3),
                                                      HiddenCase(lambda: (2,), seed=5)])),
    "update": FunctionSpec("update", (), hidden=Hidden([
        HiddenCase(lambda: ({"W1": np.ones((2, 3)), "b1": np.zeros((2, 1))}, 0.1)),
        HiddenCase(lambda: ({"W1": np.arange(6.0).reshape(3, 2)}, 0.5)),
    ])),
    "stats": FunctionSpec("stats", (), hidden=Hidden([HiddenCase(lambda: (np.arange(5.0),)),
                                                      HiddenCase(lambda: (np.ones((2, 2)),))])),
}

STUDENTS = {
    "good": dict(SOLUTIONS),
    "seeds_again": {**SOLUTIONS, "noise": "def noise(n):\n    np.random.seed(1)\n    return np.random.randn(n, 1) * 0.01\n"},
    "in_place": {**SOLUTIONS, "update": ("def update(params, lr):\n    for k in params:\n"
                                         "        params[k] = params[k] - lr * scale(params[k])\n    return params\n")},
    "list_not_tuple": {**SOLUTIONS, "stats": "def stats(x):\n    return [x.mean(), x.std()]\n"},
    "stub_helper": {**SOLUTIONS, "update": ("def _step(v, lr):\n    raise NotImplementedError()\n\n"
                                            "def update(params, lr):\n    return {k: _step(v, lr) for k, v in params.items()}\n")},
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("toy_course")
    (root / "nbgrader_config.py").write_text((REPO / "nbgrader_config.py").read_text())
    source = root / "source" / AID
    source.mkdir(parents=True)
    nbformat.write(_source_notebook(SOLUTIONS), source / "toy.ipynb")
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Read me.")]),
                   source / "reading.ipynb")
    (source / "toyhelpers.py").write_text("def scale(v):\n    return 2 * v\n")
    for student, solutions in STUDENTS.items():
        folder = root / "submitted" / student / AID
        folder.mkdir(parents=True)
        nb = _source_notebook(solutions)
        for cell in nb.cells:  # what students submit has no solution markers
            cell.source = "\n".join(l for l in cell.source.splitlines() if "###" not in l)
        nbformat.write(nb, folder / "toy.ipynb")
        nbformat.write(nbformat.v4.new_notebook(), folder / "reading.ipynb")
    original = plan.contracts
    mp = pytest.MonkeyPatch()
    mp.setattr(plan, "contracts", lambda name: CONTRACTS if name == "toy" else original(name))
    try:
        report = grade_course(Course.open(root), settings=Settings(jobs=2))
    finally:
        mp.undo()
    return root, report


def _result(root, student):
    return json.loads((root / "autograded" / student / AID / "results.json").read_text())


def test_the_run_grades_every_student(graded):
    root, report = graded
    assert report.ok, report.failures
    assert sorted(r.student for r in report.results) == sorted(STUDENTS)
    good = _result(root, "good")
    assert good["score"] == good["max_score"] == 6
    assert set(good["notebooks"]) == {"toy", "reading"} and good["notebooks"]["reading"]["max_score"] == 0
    assert (root / "feedback" / "good" / AID / "reading.html").is_file()


def test_the_helper_module_ships_with_the_assignment(graded):
    root, _ = graded
    assert _result(root, "good")["errors"] == []  # `from toyhelpers import scale` worked


def test_the_seed_convention_is_honoured(graded):
    root, _ = graded
    assert _result(root, "good")["functions"]["noise"]["score"] == 2
    noise = _result(root, "seeds_again")["functions"]["noise"]
    assert noise["score"] == 0 and "wrong values" in "\n".join(noise["messages"])


def test_a_dict_changed_in_place_loses_the_points(graded):
    update = _result(graded[0], "in_place")["functions"]["update"]
    messages = "\n".join(update["messages"])
    assert update["score"] == 0 and "changed its input in place" in messages
    # the grader passes dicts read-only, so the change raised: the feedback says so and what to do
    assert "read-only" in messages and "make a copy" in messages and "argument 1" not in messages


def test_a_list_where_a_tuple_is_returned_is_accepted(graded):
    assert _result(graded[0], "list_not_tuple")["functions"]["stats"]["score"] == 2


def test_a_stub_called_by_a_graded_function_is_named(graded):
    update = _result(graded[0], "stub_helper")["functions"]["update"]
    assert update["score"] == 0 and "`update` calls `_step`, which is not implemented yet" in update["messages"][0]
