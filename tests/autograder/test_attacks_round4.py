"""Hostile submissions, fourth round: answers whose types lie about themselves, answers nested
100,000 deep, a notebook that ignores and blocks every signal, a notebook that reads everything
/proc and /sys show of the machine, a notebook carrying 150 MB of kernelspec metadata, and, in
the week-4 application, code that speaks the building-block channel itself.

One grading run (``--jobs 2``) holds a control submission (the reference solutions) and the first
five attacks, each checked for what it gained (points), what it disclosed (the grader's
environment, the course's location) and that the control was graded as usual; the block channel
has a run of its own.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest

import grading_corpus as corpus
from autograder.boundary import protocol
from grading_corpus import fn
from grading_tools import (ASSIGNMENT, SOURCE, application_course, grade_attacked, new_course, peak_mib,
                           release_with, results, submit, written)

#: put in the grading process's environment: no student may read it back.
SECRET = "LAYERLAB_ROUND4_SECRET"
SECRET_VALUE = "s3cr3t-7f1c2d9e"

# Outputs of types that lie: an ndarray subclass that says it equals anything and answers every
# ufunc with zeros, a float that equals anything and whose difference to anything is 0.
LIARS = r'''
class _Always(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(other), bool)
    def __ne__(self, other):
        return np.zeros(np.shape(other), bool)
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return np.zeros(np.broadcast(*[np.asarray(i) for i in inputs]).shape)
    def __reduce__(self):
        raise RuntimeError("no pickling")
class _Number(float):
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    def __sub__(self, other):
        return 0.0
    __rsub__ = __sub__
    def __abs__(self):
        return 0.0
    def __lt__(self, other):
        return True
    __le__ = __gt__ = __ge__ = __lt__
    __hash__ = float.__hash__
def _lie(like):
    return _Number(0.25) if np.ndim(like) == 0 else np.zeros(np.shape(like)).view(_Always)
'''
LIAR_FUNCTIONS = {**{name: fn(name, args, f"return _lie({args.split(',')[0]})") for name, args in corpus.ARGS.items()},
                  "image2vector": fn("image2vector", "image", "return np.zeros((image.size, 1)).view(_Always)")}

# Answers nested 100,000 deep (the worker's recursion limit raised first) and 5,000 deep.
DEEP = r'''
import sys
sys.setrecursionlimit(300_000)
def _deep(n):
    value = 0.5
    for _ in range(n):
        value = [value]
    return value
'''
DEEP_FUNCTIONS = {name: fn(name, args, f"return _deep({100_000 if i % 2 else 5_000})")
                  for i, (name, args) in enumerate(corpus.ARGS.items())}

# Every signal ignored and blocked, the interval timers cleared, then an endless loop.
DEAF = r'''
import signal
for _signal in signal.Signals:
    try:
        signal.signal(_signal, signal.SIG_IGN)
    except (OSError, ValueError, RuntimeError):
        pass
signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.Signals) - {signal.SIGKILL, signal.SIGSTOP})
'''
DEAF_FUNCTIONS = {**corpus.WRONG, "basic_sigmoid": fn("basic_sigmoid", "x", """
signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.Signals) - {signal.SIGKILL, signal.SIGSTOP})
for _timer in (signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF):
    signal.setitimer(_timer, 0)
while True:
    pass""")}

# What /proc, /sys and the environment show, printed while the cells run (the excerpt is kept)
# and raised as every graded function's error message.
PROC = r'''
import glob, os
def _gather():
    seen = [repr(dict(os.environ)), os.getcwd()]
    for pattern in ("/proc/*/environ", "/proc/*/cmdline", "/proc/self/mountinfo", "/proc/mounts",
                    "/proc/*/cwd", "/proc/*/root", "/proc/net/unix", "/proc/net/tcp", "/proc/1/status",
                    "/sys/fs/cgroup/*", "/proc/self/cgroup", "/etc/hostname", "/run/*"):
        for path in glob.glob(pattern):
            try:
                if os.path.islink(path):
                    seen.append(path + " -> " + os.readlink(path))
                else:
                    with open(path, "rb") as f:
                        seen.append(path + ": " + f.read(20_000).replace(b"\0", b" ").decode("latin-1"))
            except OSError:
                pass
    return "\n".join(seen)
_found = _gather()
print(_found)
'''
PROC_FUNCTIONS = {name: fn(name, args, "raise ValueError(_found[-1500:] + _found[:1500])")
                  for name, args in corpus.ARGS.items()}


def _huge_metadata() -> str:
    """Wrong answers, with 150 MB of text in the kernelspec's display name (the notebook file is
    under the grader's 256 MiB cap, so it is read and parsed)."""
    doc = json.loads(nbformat.writes(release_with(corpus.WRONG)))
    doc["metadata"]["kernelspec"] = {"name": "python3", "language": "python", "display_name": "DISPLAY"}
    return json.dumps(doc).replace('"DISPLAY"', '"' + "k" * 150_000_000 + '"')


@pytest.fixture(scope="module")
def attacked():
    course = new_course(Path(tempfile.mkdtemp(prefix="layerlab-attacks4-")))
    atexit.register(shutil.rmtree, course, True)
    submit(course, "control", nbformat.read(SOURCE, 4))
    submit(course, "liar", release_with(LIAR_FUNCTIONS, extra=LIARS))
    submit(course, "deep", release_with(DEEP_FUNCTIONS, extra=DEEP))
    submit(course, "deaf", release_with(DEAF_FUNCTIONS, extra=DEAF))
    submit(course, "proc", release_with(PROC_FUNCTIONS, extra=PROC))
    submit(course, "metadata", _huge_metadata())
    os.environ[SECRET] = SECRET_VALUE
    try:
        proc = grade_attacked(course)
    finally:
        del os.environ[SECRET]
    return course, proc


def test_the_run_succeeds_the_control_is_graded_in_full_and_the_grader_stays_small(attacked):
    course, proc = attacked
    assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
    control = results(course, "control", ASSIGNMENT)
    assert control["score"] == control["max_score"] == 10, control["errors"]
    assert peak_mib(proc) < 900, f"the grader peaked at {peak_mib(proc):.0f} MiB"


@pytest.mark.parametrize("student", ["liar", "deep", "deaf", "proc", "metadata"])
def test_an_attack_gains_nothing(attacked, student):
    result = results(attacked[0], student, ASSIGNMENT)
    assert result["score"] == 0, {n: f["messages"] for n, f in result["functions"].items()}


def test_answers_nested_too_deeply_fail_and_say_why(attacked):
    """5,000 deep (basic_sigmoid, graded first): the worker sends it, the grader cannot parse it,
    the call fails at once, not as an endless loop; 100,000 deep: encoding it takes the worker past
    the call's time limit or breaks its interpreter, and after a few such stops the rest of the
    notebook is not graded (its own loss only)."""
    functions = results(attacked[0], "deep", ASSIGNMENT)["functions"]
    assert all(f["passed"] == 0 for f in functions.values())
    said = json.dumps(functions["basic_sigmoid"]["messages"])
    assert "took longer than" not in said and "could not be read back" in said, said


def test_a_notebook_deaf_to_signals_is_stopped_by_its_time_limit(attacked):
    basic = results(attacked[0], "deaf", ASSIGNMENT)["functions"]["basic_sigmoid"]
    assert basic["score"] == 0 and "longer than" in json.dumps(basic["messages"]), basic


def test_proc_and_sys_disclose_nothing_of_the_grader(attacked):
    """The sandbox's own /proc: not the grader's environment, command line or course. (The paths of
    the Python installation and layerlab package it mounts are visible, by design.)"""
    course, _ = attacked
    received = written(course, "proc")
    assert "raise ValueError(_found" in received   # the attack ran and its findings were written back
    assert SECRET_VALUE not in received and SECRET not in received
    assert str(course) not in received and "gradebook" not in received and "grade --course" not in received


def test_huge_metadata_costs_the_grader_little_and_reaches_no_output(attacked):
    """150 MB of kernelspec metadata: parsed once (the run's peak stays under 900 MiB, see the first
    test), graded as the wrong answers it holds, and copied into no output."""
    course, _ = attacked
    assert results(course, "metadata", ASSIGNMENT)["functions"]["sigmoid"]["cases"] >= 5
    assert len(written(course, "metadata")) < 2_000_000
    assert (course / "autograded" / "metadata" / ASSIGNMENT / "results.json").stat().st_size < 200_000


def test_an_unreadable_answer_fails_its_call_at_once():
    """A line the grader cannot parse (nested past its recursion limit, or not JSON) while a call is
    outstanding is that call's answer: it fails as unreadable, and the next call may be sent, instead
    of the grader waiting out the call's time limit and blaming an endless loop."""
    deep = '{"type": "call", "seq": 0, "id": "f/1", "status": "ok", "seconds": 0.0, "output": ' \
        + "[" * 5000 + "0.5" + "]" * 5000 + ', "args_after": null, "error": null, "removed": []}'
    for line, why in ((deep, "nested too deeply"), ("{not json", "not valid JSON")):
        session = protocol.Session(cells=0)
        session.accept(json.dumps({"type": "ready", "protocol": protocol.PROTOCOL}))
        assert session.accept(line) is False          # nothing asked yet: ignored
        session.ask(0, "f/1", 1 << 20)
        assert session.accept(line) is True and session.outstanding is None
        report = session.response.calls["f/1"]
        assert report.status == "not_plain" and why in report.undecodable
        assert session.accept(line) is False and session.response.calls["f/1"] is report


# ----------------------------------------------------------------------------- the block channel

APP = "week4_deep_nn_application"

# The notebook writes its own frames on the block channel: blocks that are not served, names of
# the server's internals, malformed frames, a request naming a huge array, and finally a frame
# that claims 4 GB. Every reply is printed (the output excerpt is kept in results.json).
SPEAKER = r'''
import json, os, struct
_r, _w = (int(fd) for fd in os.environ["LAYERLAB_BLOCK_SERVER"].split(","))
_reader = os.fdopen(_r, "rb", closefd=False)
def _frame(doc, data=b""):
    skeleton = json.dumps(doc).encode() if isinstance(doc, dict) else doc
    os.write(_w, struct.pack("<II", len(skeleton), len(data)) + skeleton + data)
    head = _reader.read(8)
    sizes = struct.unpack("<II", head)
    return _reader.read(sizes[0]).decode("utf-8", "replace")
_empty = {"tuple": [{"tuple": []}, {"dict": []}]}
_replies = [_frame({"id": 1, "block": name, "value": _empty}) for name in
            ("__builtins__", "functions", "exec", "open", "References", "__import__", "np", "__all__")]
_replies.append(_frame(b"[" * 50_000 + b"]" * 50_000))
_replies.append(_frame({"id": 2, "block": "relu", "value": {"tuple": [{"tuple": [{"nd": ["float64", [2**40]]}]}, {"dict": []}]}}))
_replies.append(_frame({"id": 3, "block": "relu", "value": {"tuple": [{"tuple": [{"npscalar": {"dtype": "object", "value": 1}}]}, {"dict": []}]}}))
print("REPLIES", _replies)
os.write(_w, struct.pack("<II", 2**31, 2**31))   # a frame of 4 GB that never comes
'''


@pytest.mark.slow
def test_speaking_the_block_channel_directly_reaches_nothing_and_ends_only_that_service():
    course, release, solutions = application_course("layerlab-attacks4-app-")
    submit(course, "control", release_with(solutions, release=release), APP, "deep_nn_application")
    submit(course, "speaker", release_with(solutions, extra=SPEAKER, release=release), APP, "deep_nn_application")
    proc = grade_attacked(course)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert peak_mib(proc) < 900, peak_mib(proc)
    control, speaker = results(course, "control", APP), results(course, "speaker", APP)
    assert control["score"] == control["max_score"], control
    received = written(course, "speaker", APP)
    assert "REPLIES" in received and received.count("malformed request") >= 8, received[:3000]
    assert "no building block named" in received
    assert "def " not in received.split("REPLIES", 1)[1][:20_000] and "A_prev.T" not in received
    # after the 4 GB frame the blocks stop serving this notebook only: its training fails
    assert speaker["score"] < speaker["max_score"]
    messages = json.dumps([f["messages"] for f in speaker["functions"].values()])
    assert "stopped answering" in messages, messages[:3000]


def test_what_the_cells_printed_is_kept_even_when_its_reader_is_late():
    """Found by the /proc attack on a busy machine: the cells' output still waiting in the pipe when
    the first call was sent was counted as printed during the hidden calls and dropped. The excerpt
    now lets its reader take what is already there (at most a second) before it stops keeping."""
    import os
    import threading

    from autograder.boundary import worker_streams

    read_end, write_end = os.pipe()
    os.write(write_end, b"cell output " * 1000)
    with os.fdopen(read_end, "rb") as pipe:
        excerpt = worker_streams.Excerpt(100_000, pipe)
        late = threading.Timer(0.2, excerpt.read_from, args=(pipe,))   # a reader not yet scheduled
        late.start()
        excerpt.freeze()
        os.write(write_end, b"printed during a hidden call")
        os.close(write_end)
        late.join()
    text = excerpt.text()
    assert text.count("cell output") == 1000 and "during a hidden call" not in text
    assert "28 bytes printed while the hidden cases ran are not shown" in text
