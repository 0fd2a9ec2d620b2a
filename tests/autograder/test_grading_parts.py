"""The grader's parts one at a time: the protocol's strictness, reading submissions, restoring
locked cells, the worker's limits, and the feedback page. Fast: at most a few small workers."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import numpy as np
import pytest

from autograder.boundary import launcher, protocol
from autograder.grading.feedback import render
from autograder.grading.results import AssignmentResult, CellError, NotebookResult, atomic_write
from autograder.grading.sanitize import sanitize
from autograder.grading.score import CaseOutcome, FunctionResult, error_hint
from autograder.grading.submission import SubmissionError, find_submissions, read_notebook
from autograder.build.source import SourceNotebook
from grading_tools import RELEASE, SOURCE, grade_id
from layerlab import plaindata

# ----------------------------------------------------------------------------- protocol


def _call_line(call_id="f/1", status="ok", output=1.5, seq=0, **changes):
    message = {"type": "call", "seq": seq, "id": call_id, "status": status, "seconds": 0.1,
               "output": plaindata.encode(output), "args_after": plaindata.encode(((), {})),
               "error": None, "removed": []}
    message.update(changes)
    return json.dumps(message)


def test_well_formed_messages_are_decoded_strictly():
    text = "\n".join([json.dumps({"type": "ready", "protocol": protocol.PROTOCOL}),
                      _call_line(output=np.arange(3.0)), json.dumps({"type": "done"})])
    response = protocol.parse_messages(text)
    assert response.ready and response.done and response.malformed == 0
    output = response.calls["f/1"].output
    assert type(output) is np.ndarray and output.dtype == np.float64 and output.tolist() == [0, 1, 2]


@pytest.mark.parametrize("line", [
    "not json at all",
    json.dumps([1, 2, 3]),
    json.dumps({"type": "call", "id": "f/1"}),                       # fields missing
    _call_line(status="great"),                                       # unknown status
    _call_line(extra=1),                                              # a field too many
    _call_line(seconds=float("nan")),
    _call_line(removed="x"),
    json.dumps({"type": "cell", "index": -1, "seconds": 0, "error": None}),
    json.dumps({"type": "execute", "code": "import os"}),
])
def test_malformed_messages_are_ignored(line):
    response = protocol.parse_messages(line)
    assert response.malformed == 1 and not response.calls and not response.cells


@pytest.mark.parametrize("payload", [
    {"ndarray": {"dtype": "object", "shape": [1], "data": [1]}},
    {"ndarray": {"dtype": "float64", "shape": [2], "data": [1.0]}},
    {"ndarray": {"dtype": "float64", "shape": [1], "data": [None]}},  # a masked entry
    {"pickle": "gASV..."},
    {"class": "builtins.eval", "args": ["1"]},
])
def test_outputs_that_are_not_plain_data_are_never_rebuilt(payload):
    response = protocol.parse_messages(_call_line().replace(json.dumps(plaindata.encode(1.5)), json.dumps(payload)))
    report = response.calls["f/1"]
    assert report.status == "not_plain" and report.output is None and report.undecodable


def test_two_answers_for_one_call_are_both_discarded():
    response = protocol.parse_messages("\n".join([_call_line(output=0.5), _call_line(output=0.7),
                                                  _call_line(output=0.9)]))
    assert "f/1" not in response.calls and "f/1" in response.conflicting


def test_the_request_carries_plain_data_only():
    head = protocol.header([{"filename": "<cell 1>", "source": "x = 1"}], {"cell_seconds": 5})
    line = protocol.call_line(0, {"id": "f/1", "function": "f", "args": (np.ones((2, 1)), 3),
                                  "kwargs": {"k": [1.5]}})
    assert protocol.read_header(head)["cells"][0]["source"] == "x = 1"
    seq, call = protocol.read_call(line)
    assert seq == 0 and call["args"][0].shape == (2, 1) and call["kwargs"] == {"k": [1.5]}
    assert b"pickle" not in head + line and protocol.read_call(protocol.END) is None


# ----------------------------------------------------------------------------- the worker

def _run(cells, calls=(), limits=None, timeout=60.0):
    workdir = launcher.make_workdir("{}")
    try:
        head = protocol.header([{"filename": f"<cell {i + 1}>", "source": s} for i, s in enumerate(cells)],
                               limits or {"cell_seconds": 5, "call_seconds": 5})
        lines = [(c["id"], protocol.call_line(seq, c), None) for seq, c in enumerate(calls)]
        run = launcher.run_worker(launcher.worker_command(workdir), head, lines, len(cells), timeout)
    finally:
        launcher.remove_workdir(workdir)
    return run, run.response


def test_the_worker_gets_a_minimal_environment_and_isolated_python(monkeypatch, tmp_path):
    monkeypatch.setenv("GRADER_SECRET", "do-not-leak")
    command = launcher.worker_command(tmp_path)
    assert command.argv[1] == "-I" and command.argv[2].endswith("worker.py")
    assert "GRADER_SECRET" not in command.env and command.env["MPLBACKEND"] == "Agg"
    assert command.env["HOME"] == str(tmp_path) and command.cwd == tmp_path


def test_cells_and_calls_that_run_too_long_are_stopped_and_the_rest_goes_on():
    cells = ["while True:\n    pass",
             "def slow(x):\n    while True:\n        pass\n\ndef fast(x):\n    return x + 1"]
    calls = [{"id": "slow/1", "function": "slow", "args": (1,)},
             {"id": "fast/1", "function": "fast", "args": (1,)}]
    run, response = _run(cells, calls, {"cell_seconds": 1, "call_seconds": 1})
    assert response.done and not run.timed_out
    assert "longer than 1 s" in response.cells[0].error.message and response.cells[1].error is None
    assert response.calls["slow/1"].status == "timeout"
    assert response.calls["fast/1"].status == "ok" and response.calls["fast/1"].output == 2


def test_a_notebook_past_its_time_limit_is_killed_with_its_processes():
    cells = ["import subprocess, sys\nchild = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
             "print('child', child.pid, flush=True)",
             "x = 1",
             "import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\nwhile True:\n    pass"]
    run, response = _run(cells, timeout=4)
    assert run.timed_out and response.ready and not response.done
    assert response.cells[1].error is None  # what ran before the hang is still reported
    pid = int(run.log.split("child ")[1].split()[0])
    time.sleep(0.5)
    status = Path(f"/proc/{pid}/status")
    assert not status.exists() or "State:\tZ" in status.read_text(), "the notebook's child survived"


def test_prints_go_to_the_log_not_to_the_grader_channel():
    run, response = _run(['print(\'{"type": "done"}\')', "import sys\nsys.stderr.write('to stderr')"])
    assert response.done and response.malformed == 0
    assert '{"type": "done"}' in run.log and "to stderr" in run.log


@pytest.mark.slow
def test_the_printed_log_is_complete_twenty_times_in_a_row_while_both_cores_are_busy():
    """The worker exits on its own after its last message; the log is never cut short, however
    the scheduler orders the worker, the grader's reader threads and other work."""
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        for attempt in range(20):
            run, response = _run([f"print('cell one of run {attempt}')",
                                  "import sys\nsys.stderr.write('last words')"])
            assert response.done and run.returncode == 0, (attempt, run)
            assert f"cell one of run {attempt}" in run.log and "last words" in run.log, (attempt, run)
    finally:
        for process in busy:
            process.kill()
            process.wait()


# ----------------------------------------------------------------------------- reading submissions

@pytest.mark.parametrize("content, words", [
    (None, "is missing from the submission"),
    (b"", "is an empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "is not a text file"),
    (b'{"cells": [', "is damaged: it is not valid JSON"),
    (b'{"hello": "world"}', "is a JSON file but not a Jupyter notebook"),
    (b'{"cells": [], "metadata": {}, "nbformat": 5, "nbformat_minor": 0}', "uses notebook format 5"),
    (b'{"cells": [{"id": "a", "cell_type": "spreadsheet", "source": "", "metadata": {}}], "metadata": {}, '
     b'"nbformat": 4, "nbformat_minor": 5}', "cell 1 is malformed"),
])
def test_unreadable_notebooks_raise_a_clear_error(tmp_path, content, words):
    path = tmp_path / "numpy_basics.ipynb"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(SubmissionError, match=words):
        read_notebook(path)


def test_submissions_are_found_in_nbgraders_layout(tmp_path):
    for student, assignment in [("ada", "a1"), ("ada", "a2"), ("bob", "a1")]:
        (tmp_path / student / assignment).mkdir(parents=True)
    found = find_submissions(tmp_path)
    assert [(s.student, s.assignment) for s in found] == [("ada", "a1"), ("bob", "a1"), ("ada", "a2")]
    assert [s.student for s in find_submissions(tmp_path, ["a1"], ["bob"])] == ["bob"]


# ----------------------------------------------------------------------------- sanitize

@pytest.fixture(scope="module")
def source():
    return SourceNotebook(SOURCE)


def _release():
    return nbformat.read(RELEASE, as_version=4)


def test_the_release_needs_no_repair_and_its_test_cells_are_not_run(source):
    clean = sanitize(_release(), source)
    assert clean.warnings == [] and clean.missing == {}
    run = "\n".join(c["source"] for c in clean.cells)
    assert "checks.check_" not in run and "from layerlab.checks import numpy_basics" in run
    assert len([s for s in clean.skipped if "public checks" in s]) == 8


def test_edited_and_deleted_locked_cells_are_restored_in_place(source):
    nb = _release()
    setup = next(c for c in nb.cells if grade_id(c) == "setup")
    setup.source = "import os\nos.system('rm -rf ~')"
    nb.cells = [c for c in nb.cells if grade_id(c) != "test_sigmoid"]
    clean = sanitize(nb, source)
    ids = [grade_id(c) for c in clean.nb.cells]
    assert ids.index("test_sigmoid") == ids.index("sigmoid") + 1
    restored = next(c for c in clean.nb.cells if grade_id(c) == "setup")
    assert restored.source == next(c for c in source.nb.cells if grade_id(c) == "setup").source
    assert len(clean.warnings) == 2


def test_a_deleted_solution_cell_scores_zero_with_a_message(source):
    nb = _release()
    nb.cells = [c for c in nb.cells if grade_id(c) != "softmax"]
    clean = sanitize(nb, source)
    assert list(clean.missing) == ["softmax"] and "is missing from your notebook" in clean.missing["softmax"]


def test_heavy_cells_are_skipped_even_when_the_student_removed_the_tag(source):
    tagged = copy.deepcopy(source)
    demo = next(c for c in tagged.nb.cells if c.get("id") == "code-17")
    demo.metadata["tags"] = ["heavy"]
    nb = _release()  # the student's copy has no tag
    clean = sanitize(nb, tagged)
    assert not [c for c in clean.cells if "n = 1_000_000" in c["source"]]
    assert any("n = 1_000_000" in s for s in clean.skipped)


def test_a_solution_cell_tagged_heavy_still_runs(source):
    nb = _release()
    cell = next(c for c in nb.cells if grade_id(c) == "softmax")
    cell.metadata["tags"] = ["heavy"]
    assert any("def softmax" in c["source"] for c in sanitize(nb, source).cells)


def test_unknown_nbgrader_ids_become_ordinary_cells(source):
    nb = _release()
    nb.cells.append(nbformat.v4.new_code_cell("y = 2", metadata={"nbgrader": {"grade_id": "bogus", "locked": True}}))
    clean = sanitize(nb, source)
    assert any(c["source"] == "y = 2" for c in clean.cells) and "unknown nbgrader id" in clean.warnings[0]


# ----------------------------------------------------------------------------- scoring words

def test_error_hints_from_the_errors_description():
    info = protocol.ErrorInfo("UFuncTypeError", ["TypeError"], "Cannot cast ufunc 'divide' output from "
                              "dtype('float64') to dtype('int64') with casting rule 'same_kind'", [])
    assert "in-place operation" in error_hint(info)
    name_error = protocol.ErrorInfo("NameError", ["NameError"], "name 'x' is not defined", [])
    assert "a name is not defined" in error_hint(name_error)


# ----------------------------------------------------------------------------- feedback and files

def _result_with(text: str) -> AssignmentResult:
    case = CaseOutcome(1, "x = a float64 array of shape (2, 2)", False, [text], [text], [text], kind="k")
    function = FunctionResult("softmax", "numpy_basics", 2.0, 0.0, 0, 1, f"`softmax` {text}", [case])
    notebook = NotebookResult("numpy_basics", True, [function], errors=[text],
                              cell_errors=[CellError(text, text, [text])], warnings=[text])
    return AssignmentResult("ada", "week2_numpy_basics", [notebook], "2025-01-01T12:00:00+00:00")


def test_student_text_in_the_feedback_page_is_escaped():
    attack = "<script>alert('x')</script><img src=x onerror=alert(1)>`<b>code</b>`"
    page = render(_result_with(attack), _result_with(attack).notebooks[0])
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page


def test_the_feedback_page_shows_score_case_and_hint():
    result = _result_with("wrong values")
    page = render(result, result.notebooks[0])
    assert "0 / 2" in page and "Hidden case 1" in page and "Likely mistake:" in page


def test_files_are_written_atomically(tmp_path):
    target = tmp_path / "deep" / "results.json"
    atomic_write(target, "one")
    atomic_write(target, "two")
    assert target.read_text() == "two"
    assert os.listdir(target.parent) == ["results.json"]


def test_numbers_numpy_cannot_hold_are_not_plain_data():
    response = protocol.parse_messages(_call_line().replace("1.5", str(10 ** 400), 1))
    assert response.calls["f/1"].status == "not_plain"


def test_source_cells_can_be_parsed_from_several_threads_at_once():
    """The grader sanitizes submissions in several threads, each reading the source's cells.
    CPython 3.11's ast.parse can fail with "AST constructor recursion depth mismatch" when another
    thread runs in the middle of it (here: finalizers written in Python, run by the garbage
    collector); autograder.build.source parses one cell at a time."""
    import gc
    import sys
    import threading

    from autograder.build.source import _parse

    cell = "\n".join(f"def f{i}(x):\n    return [(a, {{b: (c, d)}}) for a in x if a for b in a]"
                     for i in range(200))

    class Finalized:
        def __init__(self):
            self.me = self  # a cycle: only the garbage collector frees it

        def __del__(self):
            time.sleep(0)  # Python code: lets the interpreter switch threads

    errors = []

    def parse_many():
        for _ in range(30):
            junk = [Finalized() for _ in range(50)]
            del junk
            try:
                _parse(cell)
            except SystemError as exc:
                errors.append(str(exc))
                return

    thresholds, interval = gc.get_threshold(), sys.getswitchinterval()
    gc.set_threshold(50, 5, 5)
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=parse_many) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        gc.set_threshold(*thresholds)
        sys.setswitchinterval(interval)
    assert errors == []
