"""The grader's defences one at a time, without a worker: random malformed notebooks, links and
special files, the message session, redaction of hidden-case text, bounds, the run lock. Fast."""

from __future__ import annotations

import json
import os
import random

import nbformat
import numpy as np
import pytest

from autograder.boundary import protocol
from autograder.grading import bounds, disclosure, run_lock, safe_files
from autograder.grading.feedback import render
from autograder.grading.results import AssignmentResult, NotebookResult, write_results
from autograder.grading.sanitize import sanitize
from autograder.grading.score import CaseOutcome, FunctionResult, QuestionResult
from autograder.grading.submission import SubmissionError, read_notebook
from autograder.build.source import SourceNotebook
from grading_tools import RELEASE, SOURCE
from layerlab import plaindata

# ----------------------------------------------------------------------------- random malformed notebooks

ODD_VALUES = [None, True, 0, -1, 2**70, 1.5, float("inf"), "", "\ud800", "\udcff text", "x" * 300,
              [], ["setup"], [1, [2]], {}, {"grade_id": ["a"]}, {"nbgrader": "yes"}, {"\ud800": 1}]


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, prefix + (index,))


def _mutate(doc, rng: random.Random):
    """One random change at a random place: another value of any JSON type, a deletion, a
    duplicate, or text with a lone surrogate."""
    paths = [p for p in _paths(doc) if p]
    path = rng.choice(paths)
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    action = rng.random()
    if action < 0.6:
        parent[last] = json.loads(json.dumps(rng.choice(ODD_VALUES), allow_nan=True))
    elif action < 0.75:
        del parent[last]
    elif action < 0.9 and isinstance(parent, list):
        parent.insert(last, json.loads(json.dumps(parent[last])))
    elif isinstance(parent[last], str):
        parent[last] = parent[last] + rng.choice(["\ud800", "\x1b[2J", "\x00", "\u202e"])


def test_random_malformed_notebooks_become_a_per_student_error_or_are_graded(tmp_path):
    """Whatever shape a notebook has, reading, restoring, the request and writing it back either
    succeed or raise SubmissionError with a sentence for the student: nothing else escapes."""
    rng = random.Random(18)
    source = SourceNotebook(SOURCE)
    base = json.loads(RELEASE.read_text())
    outcomes = {"graded": 0, "refused": 0}
    for trial in range(80):
        doc = json.loads(json.dumps(base))
        for _ in range(rng.randint(1, 2)):
            _mutate(doc, rng)
        folder = tmp_path / f"s{trial}"
        folder.mkdir()
        path = folder / "numpy_basics.ipynb"
        path.write_text(json.dumps(doc, allow_nan=True))
        try:
            nb = read_notebook(path)
        except SubmissionError as exc:
            assert str(exc).startswith("numpy_basics.ipynb"), str(exc)
            outcomes["refused"] += 1
            continue
        clean = sanitize(nb, source)
        protocol.header(clean.cells, {"cell_seconds": 1})
        nbformat.writes(clean.nb).encode("utf-8")
        json.dumps(clean.warnings + clean.skipped, ensure_ascii=False).encode("utf-8")
        outcomes["graded"] += 1
    assert outcomes["graded"] > 10 and outcomes["refused"] > 10, outcomes


# ----------------------------------------------------------------------------- files

def test_links_fifos_and_devices_are_refused_and_nothing_is_followed(tmp_path):
    (tmp_path / "s" / "a").mkdir(parents=True)
    (tmp_path / "secret").write_text("secret")
    (tmp_path / "s" / "a" / "plain").write_text("ok")
    (tmp_path / "s" / "a" / "link").symlink_to(tmp_path / "secret")
    (tmp_path / "s" / "b").symlink_to(tmp_path / "s" / "a")
    os.mkfifo(tmp_path / "s" / "a" / "fifo")
    assert safe_files.read_regular(tmp_path, "s/a/plain", 10) == b"ok"
    for relative, words in [("s/a/link", "symbolic link"), ("s/b/plain", "symbolic link"),
                            ("s/a/fifo", "named pipe"), ("s/a/plain", "more than")]:
        with pytest.raises(safe_files.UnsafeFile, match=words):
            safe_files.read_regular(tmp_path, relative, 1 if words == "more than" else 100)
    assert not safe_files.is_regular(tmp_path, "s/a/link")


# ----------------------------------------------------------------------------- the message session

def _answer(seq, call_id="f/1", output=1.0):
    return json.dumps({"type": "call", "seq": seq, "id": call_id, "status": "ok", "seconds": 0.0,
                       "output": plaindata.encode(output), "args_after": plaindata.encode(((), {})),
                       "error": None, "removed": []})


def test_answers_must_match_the_one_call_outstanding():
    session = protocol.Session(cells=1)
    assert not session.accept(_answer(0))                      # not asked yet: ignored
    session.accept(json.dumps({"type": "ready", "protocol": protocol.PROTOCOL}))
    session.accept(json.dumps({"type": "cell", "index": 3, "seconds": 0, "error": None}))  # out of order
    session.accept(json.dumps({"type": "cell", "index": 0, "seconds": 0, "error": None}))
    assert session.cells_done and session.response.malformed == 2
    session.ask(0, "f/1", None)
    assert not session.accept(_answer(0, "f/2"))               # wrong id for this seq
    assert session.accept(_answer(0)) and session.response.calls["f/1"].output == 1.0
    session.ask(1, "f/2", None)
    session.accept(_answer(0))                                  # a second answer to call 0
    assert "f/1" not in session.response.calls and "f/1" in session.response.conflicting
    assert session.accept(_answer(1, "f/2"))
    session.accept(json.dumps({"type": "cell", "index": 1, "seconds": 0, "error": None}))
    assert 1 not in session.response.cells                     # no cell once the calls began


def test_a_line_over_its_budget_is_never_parsed():
    session = protocol.Session(cells=0)
    session.accept(json.dumps({"type": "ready", "protocol": protocol.PROTOCOL}))
    session.ask(0, "f/1", 1000)
    huge = _answer(0, output="x" * (protocol.LINE_BYTES + 10))
    assert session.accept(huge)
    assert session.response.oversized_calls == {"f/1": 1000} and "f/1" not in session.response.calls


# ----------------------------------------------------------------------------- redaction

def test_hidden_case_text_keeps_shapes_and_names_not_values():
    x = np.array([[0.123456789, 2.5], [3.25, 4.0]])
    largest, names = disclosure.limits_of((x,), {}, {"W1": x})
    text = disclosure.redact("x = 0.123456789, shapes (2, 2) and (4096, 1), key 'W1', key 'v0.1234'",
                             largest, names)
    assert "x = 0.12," in text and "0.123456" not in text
    assert "(2, 2)" in text and "4096" not in text and "'W1'" in text and "v0.1234" not in text
    masked = disclosure.mask_keys({"W1": 1}, {"W1": 1, "w0.123456": 2, "0.5": 3})
    assert list(masked) == ["W1", "<key 1>", "<key 2>"]
    context = disclosure.Context([{"filename": "<cell 2>", "source": "def f(x):\n    return g(x)\n"}])
    frames = [f'File "<cell 2>", line {n % 2 + 1}, in f' for n in range(40)]
    assert len(context.traceback(frames)) == 2 * disclosure.FRAMES   # the innermost frames only
    assert context.traceback(['File "<cell 2>", line 2, in f', "    forged 0.123456",
                              'File "<cell 2>", line 9, in f', 'File "<cell 2>", line 1, in v0_1234']) == [
        'File "<cell 2>", line 2, in f', "    return g(x)", 'File "<cell 2>", line 1, in ?', "    def f(x):"]
    assert context.type_name("E0_1234", ["Exception", "BaseException"]) == "Exception"
    assert context.type_name("ValueError", ["ValueError", "Exception"]) == "ValueError"


def test_text_from_a_hidden_call_keeps_its_shapes_and_dtypes_and_no_number_that_could_be_a_value():
    x = np.array([[0.123456789, 2.5, 7.0], [3.25, 4.0, 1.0]])
    largest, names = disclosure.limits_of((x,), {}, {"W1": x})
    report = protocol.CallReport("f/1", "error", 0.0, error=protocol.ErrorInfo(
        "ValueError", ["ValueError", "Exception"], "", []), undecodable="value[0] has a key '0.1235' v7")
    context = disclosure.Context([{"filename": "<cell 1>", "source": "d7 = 1\nthe_axis = 1"}],
                                 "W1 is the first layer's weights")
    messages = {
        "operands could not be broadcast together with shapes (2,3) (4,5)": "shapes (2,3) (…,…)",
        "the value is 3 and 2": "the value is … and …",
        "index 5 is out of bounds for axis 1 with size 3; float64, np.int32": "index … is out of bounds "
                                                                            "for axis 1 with size 3; float64, np.int32",
        "x was [[0.123 2.5 7. ]\n [3.25 4. 1. ]]": "x was [[… … … ]\n [… … … ]]",
        "0.12 1.2e-05 -7 v0.1234 d7 W1 ١٢٣ 0x1f 1_000 7": "… …-… -… … … W1 … … … …",
        "[1] " + "2 " * 12: "[…] " + "… " * 12,                     # not a shape: no context
        "axis 1 " * 6 + "(2, 3)": "axis 1 " * 4 + "axis … " * 2 + "(…, …)",   # at most 4 numbers
        "(0, 1, 5, 5) (2,)": "(…, …, …, …) (2,)",                      # a shape has at most 3
        "shapes (2,3) and (3,2) not aligned: 3 (dim 1)": "shapes (2,3) and (3,2) not aligned: … (dim …)",
        "too many indices: array is 2-dimensional, but 3 were indexed": "array is 2-dimensional, but 3 were",
        "name 'the_axis' and 'd7' and 'W1' are not defined": "name 'the_axis' and '…' and 'W1'",
    }
    for message, shown in messages.items():
        report.error.message = message
        disclosure.disclose_report(report, context, largest, names)
        assert shown in report.error.message, (message, report.error.message)
    assert report.undecodable == "value[…] has a key '…' …"
    for value in ("0.12", "2.5", "3.25", "0x1f", "1.2e", "0.1234", "١٢٣"):
        assert value not in report.error.message + report.undecodable


# ----------------------------------------------------------------------------- bounds

def test_huge_answers_and_messages_are_cut_in_every_output(tmp_path):
    big = "k" * 5_000_000
    question = QuestionResult("q1", "quiz", 1.0, 0.0, 0, 1, "wrong " + big, [], "\ud800" + big * 4, [big])
    function = FunctionResult("f", "quiz", 1.0, 0.0, 0, 1, "summary",
                              [CaseOutcome(1, "x = an array", False, [big] * 500, [big], [big] * 500)])
    notebook = NotebookResult("quiz", True, [question, function], errors=[big] * 500, log=big)
    result = AssignmentResult("\udce9ve", "a", [notebook], "2026-01-01T00:00:00+00:00")
    bounds.bound_result(result)
    write_results(tmp_path / "results.json", result)
    page = render(result, notebook)
    comment = "\n\n".join(question.messages + function.messages)
    for text in ((tmp_path / "results.json").read_text(), page, comment):
        assert len(text) < 400_000 and "cut by the grader" in text
        text.encode("utf-8")


def test_the_terminal_sees_escapes_not_control_characters():
    shown = bounds.terminal("\x1b[2J\x1b]0;x\x07bob\r\u202e")
    assert shown == "\\x1b[2J\\x1b]0;x\\x07bob\\r\\u202e"


def test_a_second_holder_of_the_run_lock_is_refused(tmp_path):
    with run_lock.hold(tmp_path):
        with pytest.raises(run_lock.Busy, match=f"process {os.getpid()}"):
            with run_lock.hold(tmp_path):
                pass
    with run_lock.hold(tmp_path):  # released when the first run ended
        pass


HOLD_AND_DIE = """
import os, signal, sys
from autograder.grading import run_lock
with run_lock.hold(sys.argv[1]):
    print("held", flush=True)
    sys.stdin.readline()           # until the test has seen the lock taken
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_run_that_dies_holding_the_lock_leaves_no_stale_lock(tmp_path):
    import signal
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", HOLD_AND_DIE, str(tmp_path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "held\n"
        with pytest.raises(run_lock.Busy, match=f"process {proc.pid} on .*, started 20.*wait for it to finish"):
            with run_lock.hold(tmp_path):
                pass
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        proc.kill()
        proc.wait()
    assert f"process {proc.pid}" in (tmp_path / run_lock.LOCK_FILE).read_text()  # the dead run's details
    with run_lock.hold(tmp_path):  # taken over at once, and the details are this run's
        assert (tmp_path / run_lock.LOCK_FILE).read_text().startswith(f"process {os.getpid()} on ")


def test_a_lock_file_that_is_a_link_is_refused_with_a_plain_message(tmp_path):
    (tmp_path / "elsewhere").write_text("keep me")
    (tmp_path / run_lock.LOCK_FILE).symlink_to(tmp_path / "elsewhere")
    with pytest.raises(run_lock.Busy, match="is a symbolic link"):
        with run_lock.hold(tmp_path):
            pass
    assert (tmp_path / "elsewhere").read_text() == "keep me"


def test_a_folder_name_that_is_not_utf8_gets_a_result_and_a_page_that_say_why(tmp_path):
    """No worker runs: the submission is not graded, but its student learns why, and nothing that
    shows the name (results, page, terminal) fails on it."""
    import shutil

    from autograder.grading.cli import summary
    from autograder.grading.course import Course
    from autograder.grading.grade import grade_course
    from grading_tools import ASSIGNMENT, NOTEBOOK, new_course

    course = new_course(tmp_path / "course")
    for student, assignment in [(b"caf\xe9", ASSIGNMENT.encode()), (b"ada", b"ps\xff")]:
        folder = os.fsencode(course / "submitted") + b"/" + student + b"/" + assignment
        os.makedirs(folder)
        shutil.copy(SOURCE, os.fsdecode(folder + b"/" + NOTEBOOK.encode() + b".ipynb"))
    report = grade_course(Course.open(course))
    assert not report.results and len(report.failures) == 2
    shown = summary(report)
    shown.encode("utf-8")
    assert "caf\\xe9/" + ASSIGNMENT in shown and "ada/ps\\xff" in shown and "results.json" in shown
    student = os.fsdecode(b"caf\xe9")
    result = json.loads((course / "autograded" / student / ASSIGNMENT / "results.json").read_text())
    assert result["student"] == "caf\\xe9" and result["score"] == 0 and result["max_score"] == 10
    assert "not valid UTF-8" in result["errors"][0] and "rename the folder" in result["errors"][0]
    page = (course / "feedback" / student / ASSIGNMENT / f"{NOTEBOOK}.html").read_text()
    assert "not valid UTF-8" in page and "caf\\xe9" in page
    other = json.loads((course / "autograded" / "ada" / os.fsdecode(b"ps\xff") / "results.json").read_text())
    assert "assignment folder 'ps\\xff'" in other["errors"][0] and other["max_score"] == 0
