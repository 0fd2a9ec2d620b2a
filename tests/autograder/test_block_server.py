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

from autograder.boundary import block_process, block_server, launcher
from autograder.build.helper_modules import served_blocks
from conftest import reference
from grading_tools import (REPO, application_course, grade_attacked, grade_cli, new_course, peak_mib,
                           reference_solutions, release_with, results, submit)
from layerlab import block_wire, plaindata

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
from layerlab import block_wire, plaindata
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


def _frame(skeleton: bytes, data: bytes = b"") -> tuple[bytes, bytearray]:
    return skeleton, bytearray(data)


def test_malformed_requests_get_an_error_and_no_reference_call():
    references = block_process.References(served_blocks(APP))
    f8 = np.ones(2).tobytes()
    for skeleton, data in (
            _frame(b"{not json"),
            _frame(b'{"id": 1, "block": "open", "value": {"tuple": [{"tuple": []}, {"dict": []}]}}'),
            _frame(b'{"id": true, "block": "relu", "value": {"tuple": [{"tuple": []}, {"dict": []}]}}'),
            _frame(b'{"id": 2, "block": "relu", "value": {"tuple": [{"tuple": [{"nd": ["object", [1]]}]}, {"dict": []}]}}', f8),
            _frame(b'{"id": 3, "block": "relu", "value": {"tuple": [{"tuple": [{"nd": ["float64", [3]]}]}, {"dict": []}]}}', f8),
            _frame(b'{"id": 4, "block": "relu", "value": {"tuple": [{"tuple": [{"nd": ["float64", [1]]}]}, {"dict": []}]}}', f8),
            _frame(b'{"id": 5, "block": "relu", "value": {"tuple": [{"tuple": [{"nd": ["float64", [-2]]}]}, {"dict": []}]}}', f8),
            _frame(b'{"id": 6, "block": "relu", "value": {"tuple": [{"tuple": [{"pickle": "x"}]}, {"dict": []}]}}'),
            _frame(b'{"id": 7, "block": "relu", "value": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")):
        reply, _ = block_wire.decode(*_split(references.answer(skeleton, data)))
        assert reply["id"] == -1 and reply["error"][0] == "RuntimeError", (skeleton[:80], reply)
        assert "malformed request" in reply["error"][1]


def _split(frame: list) -> tuple[bytes, bytearray]:
    return frame[1], bytearray(b"".join(frame[2:]))


def test_arrays_cross_exactly_whatever_their_dtype_layout_or_byte_order():
    value = (np.arange(6, dtype=">i4").reshape(2, 3), np.asfortranarray(np.eye(3)), np.float32(0.5),
             np.zeros((0, 4)), np.array(True), {"k": [np.arange(3)[::2], None, 1.5, "s"]})
    envelope, back = block_wire.decode(*_split(block_wire.encode({"id": 1}, value)))
    assert envelope == {"id": 1}
    assert all(np.array_equal(a, b) and a.dtype.name == b.dtype.name and np.shape(a) == np.shape(b)
               for a, b in zip(value[:5], back[:5]))
    assert type(back[2]) is np.float32 and back[4].shape == ()
    assert np.array_equal(back[5]["k"][0], [0, 2]) and back[5]["k"][1:] == [None, 1.5, "s"]
    with pytest.raises(plaindata.PlainDataError, match="dtype object"):
        block_wire.encode({"id": 1}, np.array([object()]))


def test_a_call_that_broadcasts_to_gigabytes_fails_in_the_block_process_alone():
    """Two arrays of 20,000 numbers that broadcast to 20,000 x 20,000 (3.2 GB) pass the size check;
    the block process's memory limit stops them with a MemoryError that says so, the process goes
    on serving, and the calling process never allocates it."""
    client = r'''
import json, numpy as np
from layerlab.building_blocks import load_building_blocks
b = load_building_blocks()
try:
    b.linear_forward(np.ones((1, 1)), np.ones((20000, 1)), np.ones((1, 20000)))
    outcome = "computed"
except MemoryError as exc:
    outcome = str(exc)
Z, _ = b.linear_forward(np.ones((3, 2)), np.ones((4, 3)), np.zeros((4, 1)))
with open("/proc/self/status") as status:  # this process's own high-water mark (ru_maxrss would
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))  # count pytest's)
print(json.dumps({"outcome": outcome, "after": Z.tolist(), "peak_mib": peak / 1024}))
'''
    server = block_server.BlockServer(served_blocks(APP), memory=512 * 2**20)
    with server:
        command = server.attach(launcher.WorkerCommand([sys.executable, "-I", "-c", client],
                                                       {"PATH": os.environ.get("PATH", "")}, Path.cwd()))
        proc = subprocess.run(command.argv, env=command.env, cwd=command.cwd, capture_output=True,
                              text=True, timeout=120, **command.popen)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.splitlines()[-1])
    assert "linear_forward needed more memory than the grader allows the building blocks (512 MiB)" \
        in report["outcome"], report
    assert report["after"] == [[3.0, 3.0]] * 4 and report["peak_mib"] < 400
    assert server.requests == 2 and server.returncode == 0


def test_a_call_past_the_cpu_time_ends_the_service_with_a_clear_error():
    client = r'''
import numpy as np
from layerlab.building_blocks import load_building_blocks
b = load_building_blocks()
A = np.ones((400, 400))
messages = []
for _ in range(3):
    try:
        while True:
            A = b.relu(b.linear_forward(A, np.eye(400), np.zeros((400, 1)))[0])[0]
    except Exception as exc:
        messages.append(f"{type(exc).__name__}: {exc}")
print(messages)
'''
    server = block_server.BlockServer(served_blocks(APP), cpu_seconds=1)
    with server:
        command = server.attach(launcher.WorkerCommand([sys.executable, "-I", "-c", client],
                                                       {"PATH": os.environ.get("PATH", "")}, Path.cwd()))
        proc = subprocess.run(command.argv, env=command.env, cwd=command.cwd, capture_output=True,
                              text=True, timeout=120, **command.popen)
    assert proc.returncode == 0, proc.stderr[-3000:]
    messages = proc.stdout.strip()
    assert "used the CPU time the grader allows them" in messages, messages
    assert messages.count("BlockServerError: the grader's building blocks stopped answering") == 2, messages


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


BROADCAST = "blocks.linear_forward(np.ones((1, 1)), np.ones((20000, 1)), np.ones((1, 20000)))  # 3.2 GB\n"


@pytest.mark.slow
def test_a_submission_that_asks_the_blocks_for_gigabytes_leaves_the_grader_small():
    """Graded by the sandboxed grader: one submission makes block calls that broadcast to 3.2 GB
    (caught in a cell, uncaught in two_layer_model). The grader's own peak memory stays far below
    that; two_layer_model fails with a message about the blocks' memory; L_layer_model and the
    control submission are graded as usual."""
    course, release, solutions = application_course("layerlab-course-")
    caught = "for _ in range(3):\n    try:\n        " + BROADCAST + "    except MemoryError as exc:\n        print(exc)\n"
    # the first line of two_layer_model's body asks for the 3.2 GB array
    hostile = dict(solutions, two_layer_model=solutions["two_layer_model"].replace(
        "\n    \"\"\"", "\n    " + BROADCAST + "    \"\"\"", 1))
    submit(course, "control", release_with(solutions, release=release), APP, "deep_nn_application")
    submit(course, "greedy", release_with(hostile, extra=caught, release=release), APP, "deep_nn_application")
    proc = grade_attacked(course)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert peak_mib(proc) < 1000, peak_mib(proc)
    control, greedy = results(course, "control", APP), results(course, "greedy", APP)
    assert control["score"] == control["max_score"], control
    two, deep = greedy["functions"]["two_layer_model"], greedy["functions"]["L_layer_model"]
    assert two["score"] == 0 and "more memory than the grader allows the building blocks" in \
        "\n".join(two["messages"]), two
    assert deep["score"] == deep["max_score"], deep
