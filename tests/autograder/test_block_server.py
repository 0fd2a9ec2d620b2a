"""The reference building blocks served to the application's worker, call by call.

Does a worker-side stub give the reference's outputs (and its errors) over the pipes, without the
reference's code or the grader's random state ever being touched by the worker? And graded, does
the application get the same score whether the student's step-by-step blocks are right, wrong or
absent, while code that searches the sandbox for the reference finds nothing?
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import numpy as np
import pytest

from autograder.boundary import block_server, launcher
from autograder.build.helper_modules import served_blocks
from conftest import reference
from grading_tools import REPO, grade_cli, new_course, reference_solutions, release_with, results, submit
from layerlab import plaindata

APP = "week4_deep_nn_application"
STEP = "week4_deep_nn_step_by_step"

#: calls to every block of ``b``, outputs in ``out``: run on the stubs and on the reference.
SCENARIO = r'''
rng = np.random.RandomState(0)
X, Y = rng.randn(4, 5), np.array([[1, 0, 1, 1, 0]])
params = {k: v * 50 for k, v in b.initialize_parameters_deep([4, 3, 2, 1]).items()}
AL, caches = b.L_model_forward(X, params)
out = {"init": b.initialize_parameters(3, 2, 1), "forward": (AL, caches),
       "cost": b.compute_cost(AL, Y), "backward": b.L_model_backward(AL, Y, caches),
       "update": b.update_parameters(params, b.L_model_backward(AL, Y, caches), learning_rate=0.1),
       "layer": b.linear_activation_backward(rng.randn(3, 5), caches[0], "relu")}
'''

#: the worker side: SCENARIO through the stubs, two failing calls, the outputs as plain data.
CLIENT = r'''
import json, sys, numpy as np
from layerlab import plaindata
from layerlab.building_blocks import load_building_blocks
b = load_building_blocks()
''' + SCENARIO + r'''
errors = []
for call in (lambda: b.linear_forward(X, np.ones((2, 7)), np.ones((2, 1))),
             lambda: b.linear_activation_forward(X, params["W1"], params["b1"], "tanh")):
    try:
        call()
    except Exception as exc:
        errors.append(type(exc).__name__)
print(json.dumps({"out": plaindata.encode(out), "errors": errors,
                  "source": __import__("inspect").getsource(b.linear_backward)}))
'''


@pytest.fixture(scope="module")
def served():
    """(what the worker printed, the server, three draws of the global generator right after)
    after one run of CLIENT against a served reference."""
    server = block_server.BlockServer(served_blocks(APP))
    np.random.seed(123)
    with server:
        command = server.attach(launcher.WorkerCommand([sys.executable, "-I", "-c", CLIENT],
                                                       {"PATH": os.environ.get("PATH", "")}, Path.cwd()))
        proc = subprocess.run(command.argv, env=command.env, cwd=command.cwd, capture_output=True,
                              text=True, timeout=120, **command.popen)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.splitlines()[-1]), server, np.random.randn(3)


def _same(a, b) -> bool:
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(map(_same, a, b))
    return np.array_equal(np.asarray(a), np.asarray(b))


def test_stubs_give_the_references_outputs(served):
    report, server, _ = served
    namespace = {"b": reference(STEP), "np": np}
    exec(SCENARIO, namespace)
    want = namespace["out"]
    got = plaindata.decode(report["out"])
    for key in want:
        assert _same(got[key], want[key]), key
    assert server.requests == 10   # 8 calls above and the 2 that fail below


def test_errors_of_the_reference_come_back_by_type_and_its_code_does_not(served):
    report, _, _ = served
    assert report["errors"][0] == "ValueError"   # shapes that do not multiply
    assert len(report["errors"]) == 2             # an unknown activation fails too
    assert "dZ" not in report["source"] and "_connection.call(name, args, kwargs)" in report["source"]


def test_the_graders_random_state_is_left_alone(served):
    """The reference seeds (initialize_parameters: seed 1) with a generator of its own."""
    assert np.array_equal(served[2], np.random.RandomState(123).randn(3))


def test_malformed_requests_get_an_error_and_no_reference_call():
    server = block_server.BlockServer(served_blocks(APP))
    for line in (b"{not json\n", b'{"id": 1, "block": "open", "args": {"tuple": [{"tuple": []}, {"dict": []}]}}\n',
                 b'{"id": true, "block": "relu", "args": null}\n',
                 b'{"id": 2, "block": "relu", "args": {"ndarray": {"dtype": "object", "shape": [1], "data": [1]}}}\n'):
        reply = server.answer(line)
        assert "error" in reply and "output" not in reply, line


# ----------------------------------------------------------------------------- graded

SNOOP = '''
import os
found = []
system = {"proc", "sys", "dev", "usr", "lib", "lib64", "bin", "sbin", "etc", "site-packages"}
for folder, dirs, files in os.walk("/"):
    dirs[:] = [d for d in dirs if d not in system]
    for name in files:
        try:
            with open(os.path.join(folder, name), "rb") as f:
                text = f.read(4_000_000)
        except OSError:
            continue
        if b"def linear_" + b"backward" in text and b"np.dot(dZ, " + b"A_prev.T)" in text:  # not this cell
            found.append(os.path.join(folder, name))
if found:   # anything found turns the models into garbage, so the score shows it
    print("FOUND", found)
    linear_activation_forward = None
'''


@pytest.mark.slow
def test_the_application_grade_does_not_depend_on_the_step_by_step_blocks():
    course = new_course(Path(tempfile.mkdtemp(prefix="layerlab-course-")), APP)
    atexit.register(shutil.rmtree, course, True)
    app = nbformat.read(REPO / "source" / APP / "deep_nn_application.ipynb", 4)
    app.cells = [c for c in app.cells if "heavy" not in c.metadata.get("tags", [])]
    step = nbformat.read(REPO / "source" / STEP / "deep_nn_step_by_step.ipynb", 4)
    wrong = release_with({"linear_backward": "def linear_backward(dZ, cache):\n    return None, None, None\n",
                          "compute_cost": "def compute_cost(AL, Y):\n    return 42.0\n"},
                         release=REPO / "assignments" / STEP / "deep_nn_step_by_step.ipynb")
    solutions = reference_solutions(REPO / "source" / APP / "deep_nn_application.ipynb")
    snoop = release_with(solutions, extra=SNOOP, release=REPO / "assignments" / APP / "deep_nn_application.ipynb")
    for student, step_nb, app_nb in (("right", step, app), ("wrong", wrong, app), ("snoop", None, snoop)):
        submit(course, student, app_nb, APP, "deep_nn_application")
        if step_nb is not None:
            submit(course, student, step_nb, STEP, "deep_nn_step_by_step")
    proc = grade_cli(course, "--assignment", APP, "--jobs", "2")
    assert proc.returncode == 0, proc.stderr[-3000:]
    graded = {s: results(course, s, APP) for s in ("right", "wrong", "snoop")}
    assert {r["score"] for r in graded.values()} == {graded["right"]["max_score"]}, {
        s: [f["messages"] for f in r["functions"].values()] for s, r in graded.items()}
