"""Hostile submissions, second round: links and special files, forged worker messages, leaks of the
hidden inputs, floods, broken input and names, the console, and a second run at once.

One grading run (``--jobs 2``) holds a control submission (the reference solutions) and the attacks;
every attack is checked for what it gained (points), what it disclosed (the hidden inputs' values,
another student's work, the course's files) and that the control was graded as usual.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import tempfile
from pathlib import Path

import nbformat
import numpy as np
import pytest

import grading_corpus as corpus
from grading_corpus import fn
from grading_tools import (ASSIGNMENT, NOTEBOOK, SOURCE, grade_attacked, new_course, peak_mib, release_with,
                           submit)

pytestmark = [pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap is not installed"),
              pytest.mark.xdist_group("attacks_round2")]

#: the grader's own peak memory is reported by grading_tools.PEAK (KiB, VmHWM).

# Student code shares the worker's process: it patches the worker (its __main__), duplicates the
# answer of the call made without the notebook's variables, and answers calls it was never asked.
FORGER = r'''
import gc, io, json, sys, threading
_frame = sys._getframe()
while _frame is not None and "_call" not in _frame.f_globals:
    _frame = _frame.f_back
_worker = _frame.f_globals      # the worker module's own namespace
def _channels():
    found = []
    for o in gc.get_objects():
        try:
            if isinstance(o, io.TextIOWrapper) and not o.closed and o.writable():
                found.append(o)
        except Exception:
            pass
    return found
_original_call = _worker["_call"]
def _forged_call(shell, call, seconds, np, protocol):
    message = _original_call(shell, call, seconds, np, protocol)
    from layerlab import plaindata
    message["args_after"] = plaindata.encode((call["args"], call["kwargs"]))  # "nothing changed"
    return message
_worker["_call"] = _forged_call
for channel in _channels():
    _write = channel.write
    def _twice(text, _write=_write):
        _write(text)
        if "/isolated" in text:
            _write(text)        # the isolation check's answer, twice
        return len(text)
    try:
        channel.write = _twice
    except Exception:
        pass
def _spam():
    for seq in range(200):
        for name in {functions!r}:
            for i in range(1, 9):
                line = json.dumps({{"type": "call", "seq": seq, "id": f"{{name}}/{{i}}", "status": "ok",
                                   "seconds": 0.0, "output": 0.5, "args_after": None, "error": None,
                                   "removed": []}})
                for c in _channels():
                    try:
                        c.write(line + "\n")
                    except Exception:
                        pass
threading.Thread(target=_spam, daemon=True).start()
'''
FORGER_FUNCTIONS = {
    **corpus.WRONG,
    # right values, but written into the caller's array
    "normalize_rows": fn("normalize_rows", "x", "x /= np.linalg.norm(x, axis=1, keepdims=True)\nreturn x"),
    # right values, but only thanks to a notebook variable
    "softmax": fn("softmax", "x", "e = np.exp(x)\nreturn e / np.sum(e, axis=the_axis, keepdims=True)"),
}

# Every call looks for the arguments of the other hidden calls in the worker's memory and frames.
SNOOP = r'''
import gc, sys
def _other_calls(mine):
    seen = set()
    for obj in gc.get_objects():
        if isinstance(obj, dict) and "args" in obj and isinstance(obj.get("id"), str):
            seen.add(obj["id"])
        if isinstance(obj, bytes) and b'"seq"' in obj[:200] or isinstance(obj, str) and '"seq"' in obj[:200]:
            seen.add(repr(obj[:80]))
    frame = sys._getframe()
    while frame is not None:
        for value in frame.f_locals.values():
            if isinstance(value, list) and value and isinstance(value[0], dict) and "args" in value[0]:
                seen.add(f"list of {len(value)} calls")
        frame = frame.f_back
    return seen
'''
SNOOP_FUNCTIONS = {name: fn(name, args, f"_seen = _other_calls({args.split(',')[0]})\n"
                                        f"if len(_seen) > 1:\n    raise RuntimeError('LEAKED ' + repr(sorted(_seen)))\n"
                                        f"raise ValueError('nothing else to see')")
                   for name, args in corpus.ARGS.items()}

# Every channel a hidden input could leave by.
LEAKER_FUNCTIONS = {
    "basic_sigmoid": fn("basic_sigmoid", "x", "raise ValueError(f'x was {x!r}, that is \"{x}\"')"),
    "sigmoid": fn("sigmoid", "x", "return {repr(v): 1.0 for v in np.ravel(x)}"),
    "sigmoid_derivative": fn("sigmoid_derivative", "x", "print('the input:', np.asarray(x).tolist())\nreturn x"),
    "image2vector": fn("image2vector", "image",
                       "raise type('E' + ''.join(c if c.isalnum() else '_' for c in repr(image.ravel()[:3].tolist())), "
                       "(Exception,), {})()"),
    "normalize_rows": fn("normalize_rows", "x", "return x"),
    "softmax": fn("softmax", "x", "return repr(x.tolist())"),
    "L1": fn("L1", "yhat, y", "raise NameError(f\"name '{np.ravel(yhat)[0]!r}' is not defined\")"),
    "L2": fn("L2", "yhat, y", "return float(np.ravel(yhat)[0])"),
}
LEAKER_CELL = "raise ValueError('text that is not Unicode: \\ud800 \\udc80')\n"

# Answers too large to read, and a channel flooded with lines just under the cap of a line.
FLOODER_FUNCTIONS = {**corpus.WRONG,
                     "sigmoid": fn("sigmoid", "x", "return {'k' * 5_000_000: x}"),
                     "L1": fn("L1", "yhat, y", "return 'q' * 20_000_000")}
FLOODER_CELL = r'''
import gc, io, json
_line = json.dumps({"type": "cell", "index": 99999, "seconds": 0.0,
                    "error": {"type": "E", "bases": [], "message": "m" * 250_000, "traceback": []}}) + "\n"
for _channel in [o for o in gc.get_objects() if isinstance(o, io.TextIOWrapper) and not o.closed]:
    try:
        for _ in range(100):
            _channel.write(_line)
        _channel.flush()
    except Exception:
        pass
'''


def _broken(kind: str) -> str:
    """The reference notebook, broken in one way that JSON allows and nbformat may not catch."""
    nb = json.loads(nbformat.writes(nbformat.read(SOURCE, 4)))
    code = next(c for c in nb["cells"] if c["cell_type"] == "code" and c["metadata"].get("nbgrader"))
    if kind == "grade_id_list":
        code["metadata"]["nbgrader"]["grade_id"] = ["setup"]
    elif kind == "grade_id_object":
        code["metadata"]["nbgrader"]["grade_id"] = {"id": "setup"}
    elif kind == "kernelspec_string":
        nb["metadata"]["kernelspec"] = "python3"
    elif kind == "language_info_string":
        nb["metadata"]["language_info"] = "python"
    elif kind == "surrogate_cell":
        code["source"] = "x = '\ud800'\n"
    return json.dumps(nb)  # (lone surrogates are written as \ud800 escapes, as a hand edit would)


BROKEN = ["grade_id_list", "grade_id_object", "kernelspec_string", "language_info_string", "surrogate_cell"]
STAMP = "2026-01-05 10:00:00.000000 UTC"
ESCAPE_ID = "\x1b[2J\x1b]0;owned\x07mallory"
NOT_UTF8 = b"caf\xe9"


def _hidden_numbers() -> set[str]:
    """Every hidden input value of the assignment, written with 5 significant digits or more."""
    from autograder.grading.plan import build_plan
    from autograder.build.source import SourceNotebook

    found = set()
    for f in build_plan(SourceNotebook(SOURCE)).functions:
        for case in f.cases:
            for value in case.args:
                for v in np.ravel(np.asarray(value, dtype=float)):
                    text = f"{v:.6g}"
                    if len(re.sub(r"[^0-9]", "", text).lstrip("0")) >= 5:
                        found.add(text)
    return found


@pytest.fixture(scope="module")
def attacked():
    course = new_course(Path(tempfile.mkdtemp(prefix="layerlab-attacks2-")))
    submitted = course / "submitted"
    control = submit(course, "control", nbformat.read(SOURCE, 4)).parent
    (control / "timestamp.txt").write_text(STAMP)
    # links: to the source notebook, to another student's folder and assignment folder
    (submitted / "link_notebook" / ASSIGNMENT).mkdir(parents=True)
    (submitted / "link_notebook" / ASSIGNMENT / f"{NOTEBOOK}.ipynb").symlink_to(SOURCE)
    (submitted / "link_student").symlink_to(submitted / "control")
    (submitted / "link_assignment").mkdir()
    (submitted / "link_assignment" / ASSIGNMENT).symlink_to(submitted / "control" / ASSIGNMENT)
    # side files that are links, a FIFO, a device, and a huge sparse file
    folder = submit(course, "link_sides", release_with(corpus.WRONG)).parent
    (folder / "timestamp.txt").symlink_to(course / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb")
    (folder / "submission_secret.txt").symlink_to("/proc/self/environ")
    folder = submit(course, "special_files", release_with(corpus.WRONG)).parent
    os.mkfifo(folder / "timestamp.txt")
    os.mknod(folder / "submission_secret.txt", 0o600 | 0o020000, os.makedev(1, 5))  # /dev/zero
    with open(folder / "huge.bin", "wb") as fh:
        fh.truncate(1024 * 2**20)
    # the worker's own code and channel turned against it
    nb = release_with(FORGER_FUNCTIONS, extra="the_axis = 1")
    nb.cells.append(nbformat.v4.new_code_cell(FORGER.format(functions=list(corpus.ARGS))))
    submit(course, "forger", nb)
    submit(course, "snoop", release_with(SNOOP_FUNCTIONS, extra=SNOOP))
    submit(course, "leaker", release_with(LEAKER_FUNCTIONS, extra=LEAKER_CELL))
    submit(course, "flooder", release_with(FLOODER_FUNCTIONS, extra=FLOODER_CELL))
    for kind in BROKEN:
        submit(course, f"broken_{kind}", _broken(kind))
    submit(course, ESCAPE_ID, _broken("grade_id_list"))
    bad = os.fsencode(submitted) + b"/" + NOT_UTF8 + b"/" + ASSIGNMENT.encode()
    os.makedirs(bad)
    shutil.copy(SOURCE, os.fsdecode(bad + b"/" + NOTEBOOK.encode() + b".ipynb"))
    proc = grade_attacked(course)
    yield course, proc
    shutil.rmtree(course, ignore_errors=True)


def _results(course: Path, student: str) -> dict:
    return json.loads((course / "autograded" / student / ASSIGNMENT / "results.json").read_text())


def _everything_written(course: Path, student: str) -> str:
    """results.json, the feedback pages and the gradebook's comments of one student."""
    texts = [(course / "autograded" / student / ASSIGNMENT / "results.json").read_text()]
    texts += [p.read_text() for p in (course / "feedback" / student / ASSIGNMENT).glob("*")]
    with sqlite3.connect(course / "gradebook.db") as db:
        texts += [row[0] or "" for row in db.execute(
            "SELECT comment.auto_comment FROM comment JOIN submitted_notebook ON "
            "comment.notebook_id = submitted_notebook.id JOIN submitted_assignment ON "
            "submitted_notebook.assignment_id = submitted_assignment.id JOIN student ON "
            "submitted_assignment.student_id = student.id WHERE student.id = ?", (student,))]
    return "\n".join(texts)


def test_the_control_is_graded_in_full_and_the_run_reports_only_the_bad_name(attacked):
    course, proc = attacked
    assert proc.returncode == 1, proc.stderr[-3000:]   # 1: the folder whose name is not UTF-8
    failures = proc.stdout.split("The grader failed on", 1)[1]
    assert failures.count("not graded") == 1 and "caf\\xe9" in failures and "results.json" in failures
    odd = json.loads((course / "autograded" / os.fsdecode(NOT_UTF8) / ASSIGNMENT / "results.json").read_text())
    assert odd["score"] == 0 and "not valid UTF-8" in odd["errors"][0]
    result = _results(course, "control")
    assert result["score"] == result["max_score"] == 10
    for folder in ("autograded", "feedback"):  # a plain side file is still copied
        assert (course / folder / "control" / ASSIGNMENT / "timestamp.txt").read_text() == STAMP
    with sqlite3.connect(course / "gradebook.db") as db:
        stamps = dict(db.execute("SELECT student_id, timestamp FROM submitted_assignment"))
    assert stamps["control"].startswith("2026-01-05 10:00:00") and stamps["link_sides"] is None


def test_links_and_special_files_gain_nothing_and_copy_nothing(attacked):
    course, _ = attacked
    for student in ("link_notebook", "link_student", "link_assignment"):
        result = _results(course, student)
        assert result["score"] == 0, student
        assert "symbolic link" in " ".join(result["errors"]), (student, result["errors"])
    for student in ("link_sides", "special_files"):
        assert _results(course, student)["score"] == 0
        for folder in ("autograded", "feedback"):
            assert not list((course / folder / student / ASSIGNMENT).glob("*.txt")), (student, folder)
    stolen = _everything_written(course, "link_sides")
    assert "BEGIN SOLUTION" not in stolen and "PATH=" not in stolen


def test_the_grader_never_reads_a_huge_file_whole(attacked):
    peak = peak_mib(attacked[1])
    assert peak < 900, f"the grader peaked at {peak:.0f} MiB"


def test_forged_reports_and_duplicated_answers_gain_nothing(attacked):
    result = _results(attacked[0], "forger")
    assert result["errors"] == []  # the attack cell ran: the worker was patched
    functions = result["functions"]
    assert result["score"] == functions["softmax"]["score"], {n: f["messages"] for n, f in functions.items()}
    softmax = "\n".join(functions["softmax"]["messages"])
    assert functions["softmax"]["score"] < functions["softmax"]["max_score"], softmax
    assert "without the notebook's variables" in softmax or "uses the notebook variable" in softmax
    assert "changed its input in place" in "\n".join(functions["normalize_rows"]["messages"])


def test_no_call_can_see_the_arguments_of_another(attacked):
    result = _results(attacked[0], "snoop")
    assert result["score"] == 0
    text = json.dumps(result)
    assert "LEAKED" not in text and "nothing else to see" in text


def test_no_hidden_input_value_reaches_any_channel(attacked):
    course, _ = attacked
    written = _everything_written(course, "leaker")
    numbers = _hidden_numbers()
    assert len(numbers) > 20
    leaked = sorted(n for n in numbers if n in written)
    assert not leaked, leaked
    result = _results(course, "leaker")
    assert result["score"] == 0
    assert "while the hidden cases ran are not shown" in result["notebooks"][NOTEBOOK]["output_excerpt"]
    assert "the input:" not in result["notebooks"][NOTEBOOK]["output_excerpt"]
    assert "ValueError" in written and "NameError" in written  # the errors are still named


def test_floods_stay_bounded(attacked):
    course, _ = attacked
    path = course / "autograded" / "flooder" / ASSIGNMENT / "results.json"
    assert path.stat().st_size < 200_000
    result = _results(course, "flooder")
    assert result["score"] == 0
    assert "larger than" in "\n".join(result["functions"]["sigmoid"]["messages"] + result["functions"]["L1"]["messages"])
    for page in (course / "feedback" / "flooder" / ASSIGNMENT).glob("*.html"):
        assert page.stat().st_size < 200_000


@pytest.mark.parametrize("kind", BROKEN)
def test_broken_notebooks_are_a_plain_error_of_that_student(attacked, kind):
    result = _results(attacked[0], f"broken_{kind}")
    assert result["score"] == 0
    assert "malformed" in result["errors"][0] or "not valid Unicode" in result["errors"][0], result["errors"]


def test_text_that_is_not_unicode_is_written_cleaned(attacked):
    result = _results(attacked[0], "leaker")
    assert any("not Unicode" in e for e in result["errors"])  # the cell's error, with U+FFFD in place


def test_a_student_id_cannot_drive_the_terminal(attacked):
    course, proc = attacked
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout
    assert "\\x1b[2J" in proc.stdout
    assert _results(course, ESCAPE_ID)["score"] == 0


def test_a_second_run_on_the_course_is_refused_while_one_holds_it(tmp_path):
    from autograder.grading import run_lock
    from autograder.grading.course import Course
    from autograder.grading.grade import GraderError, grade_course

    course = new_course(tmp_path / "course")
    submit(course, "someone", nbformat.read(SOURCE, 4))
    with run_lock.hold(course):
        with pytest.raises(GraderError, match="another grading run of this course is in progress"):
            grade_course(Course.open(course))
    assert not (course / "autograded").exists() and not (course / "gradebook.db").exists()
