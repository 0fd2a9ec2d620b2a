"""Hostile submissions against the sandboxed grader: each must gain nothing and harm nothing.

One grading run (``--jobs 2``) holds a control submission (the reference solutions) and one
submission per attack. Every attack notebook has wrong implementations of all graded functions
(worth 0 points) and an attack cell at its end. When an attack reads something it must not see, it
makes every graded function raise ``RuntimeError("LEAKED ...")``, which would show in its results;
when it could write, the files it targets would change; when it could reach the network, the
listener this test runs would count a connection.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import pytest

import grading_corpus as corpus
from grading_tools import ASSIGNMENT, NOTEBOOK, SOURCE, grade_cli, new_course, release_with, submit

pytestmark = [pytest.mark.skipif(shutil.which("bwrap") is None,
                                 reason="bubblewrap is not installed (apt-get install bubblewrap)"),
              pytest.mark.xdist_group("attacks")]  # one grading run (with --dist loadgroup)

FUNCTIONS = list(corpus.ARGS)

LEAK = '''
def _leaked(what):
    message = "LEAKED " + str(what)[:60].replace("\\n", " ")
    def fail(*args, **kwargs):
        raise RuntimeError(message)
    for name in {functions!r}:
        globals()[name] = fail
'''

# name -> attack cell; {course}, {port} and {functions} are filled in
ATTACKS = {
    "read_source": '''
try:
    _leaked(open("{course}/source/week2_numpy_basics/numpy_basics.ipynb").read())
except OSError:
    pass
''',
    "read_cases": '''
import glob
for path in glob.glob("{repo}/layerlab/checks/**/*.py", recursive=True) + glob.glob("{repo}/source/*/*.ipynb"):
    try:  # the instructor's contracts (hidden cases) and solutions
        _leaked(path + open(path).read())
    except OSError:
        pass
try:
    import autograder.grading.plan
    _leaked(autograder.grading.plan.__file__)
except ImportError:
    pass
''',
    "read_gradebook": '''
try:
    _leaked(open("{course}/gradebook.db", "rb").read(100))
except OSError:
    pass
''',
    "read_other_student": '''
import os
try:
    _leaked(os.listdir("{course}/submitted"))
except OSError:
    pass
''',
    "write_gradebook": '''
import sqlite3
try:
    db = sqlite3.connect("{course}/gradebook.db")
    db.execute("UPDATE grade SET auto_score = 1000")
    db.commit()
except Exception:
    pass
try:
    open("{course}/gradebook.db", "wb").write(b"garbage")
except OSError:
    pass
''',
    "write_other_results": '''
import json, os
target = "{course}/autograded/control/week2_numpy_basics/results.json"
try:
    os.makedirs(os.path.dirname(target), exist_ok=True)
    open(target, "w").write(json.dumps({{"score": -1}}))
except OSError:
    pass
''',
    "network": '''
import socket
for host in ("127.0.0.1", "localhost", "::1"):
    try:
        socket.create_connection((host, {port}), timeout=2).sendall(b"hello")
        _leaked("connected to " + host)
    except OSError:
        pass
''',
    "kill_parent": '''
import os, signal
for pid in [os.getppid(), 1] + [int(p) for p in os.listdir("/proc") if p.isdigit()]:
    if pid != os.getpid():
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
''',
    "os_exit": '''
import os
os._exit(0)
''',
    "endless_loop": '''
import signal
signal.signal(signal.SIGALRM, signal.SIG_IGN)   # defeat the worker's own time limit
while True:
    pass
''',
    "memory": '''
hoard = []
while True:
    hoard.append(bytearray(256 * 2**20))
''',
    "fork_survivor": '''
import os, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:          # a grandchild, detached, that waits for the grader to finish
        time.sleep(6)
        for target in ("{course}/gradebook.db",
                       "{course}/autograded/control/week2_numpy_basics/results.json"):
            try:
                open(target, "w").write("tampered")
            except OSError:
                pass
        try:
            socket = __import__("socket")
            socket.create_connection(("127.0.0.1", {port}), timeout=2).sendall(b"late")
        except OSError:
            pass
    os._exit(0)
''',
    "print_gigabytes": '''
import sys
chunk = "x" * 2**20
while True:
    sys.stdout.write(chunk)
    sys.stderr.write(chunk)
''',
    "fake_success": '''
import os, json
print("All tests passed! Score: 10/10")
forged = [{{"type": "call", "id": f"{{name}}/{{i}}", "status": "ok", "seconds": 0.0,
            "output": {{"type": "float", "value": 0.5}}, "args_after": None, "error": None,
            "removed": []}} for name in {functions!r} for i in range(1, 9)]
for fd in range(1, 20):     # whichever descriptor is the grader's channel
    try:
        for message in forged + [{{"type": "done"}}]:
            os.write(fd, (json.dumps(message) + "\\n").encode())
    except OSError:
        pass
''',
    "fill_disk": '''
block = b"x" * 2**20
for place in (".", "/tmp", "/home/student"):
    try:
        with open(place + "/big.bin", "wb") as f:
            for _ in range(4096):
                f.write(block)
    except OSError:
        pass
''',
    "fork_bomb": '''
import os
children = 0
try:
    while children < 5000:
        if os.fork() == 0:
            import time
            time.sleep(30)
            os._exit(0)
        children += 1
except OSError:
    pass
''',
    "segfault": '''
import ctypes
ctypes.string_at(0)
''',
}


class Listener:
    """A TCP listener on 127.0.0.1 that counts connections."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
            except OSError:
                pass

    def close(self):
        self.running = False
        self.thread.join()
        self.sock.close()


@pytest.fixture(scope="module")
def attacked():
    listener = Listener()
    course = new_course(Path(tempfile.mkdtemp(prefix="layerlab-attacks-")))
    repo = Path(__file__).resolve().parents[2]
    submit(course, "control", nbformat.read(SOURCE, 4))
    for name, code in ATTACKS.items():
        nb = release_with(corpus.WRONG)
        fill = {"course": course, "port": listener.port, "functions": FUNCTIONS, "repo": repo}
        nb.cells.append(nbformat.v4.new_code_cell(LEAK.format(**fill)))
        nb.cells.append(nbformat.v4.new_code_cell(code.format(**fill)))
        submit(course, name, nb)
    # the run's own temporary folder: every sandbox of this run names it in its command line
    # (its work directory is made there), so leftovers are told apart from other runs' workers
    run_tmp = course / "run-tmp"
    run_tmp.mkdir()
    proc = grade_cli(course, "--jobs", "2", "--cell-timeout", "5", "--call-timeout", "5",
                     "--memory", "1024", "--timeout", "120", env={**os.environ, "TMPDIR": str(run_tmp)})
    control = course / "autograded" / "control" / ASSIGNMENT / "results.json"
    snapshot = {"control": control.read_bytes() if control.exists() else b"",
                "gradebook": (course / "gradebook.db").read_bytes()}
    time.sleep(8)  # the fork survivor's grandchild would strike after 6 s
    yield course, proc, listener, snapshot
    listener.close()
    shutil.rmtree(course, ignore_errors=True)


def _results(course: Path, student: str) -> dict:
    return json.loads((course / "autograded" / student / ASSIGNMENT / "results.json").read_text())


def test_the_grader_survives_every_attack(attacked):
    course, proc, _, _ = attacked
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "bubblewrap" in _results(course, "control")["grader"]["sandbox"]


def test_the_control_keeps_its_full_untouched_result(attacked):
    course, _, _, snapshot = attacked
    control = course / "autograded" / "control" / ASSIGNMENT / "results.json"
    assert control.read_bytes() == snapshot["control"]
    result = _results(course, "control")
    assert result["score"] == result["max_score"] == 10
    assert (course / "gradebook.db").read_bytes() == snapshot["gradebook"]


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_an_attack_gains_nothing_and_sees_nothing(attacked, attack):
    course, _, _, _ = attacked
    result = _results(course, attack)
    assert result["score"] == 0, result
    assert "LEAKED" not in json.dumps(result)


def test_no_connection_reached_the_listener(attacked):
    assert attacked[2].connections == 0


def test_the_gradebook_holds_the_true_scores(attacked):
    course, _, _, _ = attacked
    export = course / "grades.csv"
    subprocess.run([sys.executable, "-m", "nbgrader", "export", "--to", str(export)], cwd=course,
                   check=True, capture_output=True, env={**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"})
    rows = export.read_text().splitlines()
    assert len(rows) - 1 == 1 + len(ATTACKS)
    assert "1000" not in export.read_text()


def _processes() -> dict[int, tuple[int, bytes]]:
    """pid -> (parent pid, command line) of every process this user may read."""
    table = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            table[int(entry.name)] = (int(stat.rsplit(")", 1)[1].split()[1]), cmdline)
    return table


def test_no_worker_process_outlives_the_run(attacked):
    """No sandbox of this run (named by its temporary folder), and nothing started under one,
    is still alive once the run is over; other runs' workers on the machine are not counted."""
    marker = str(attacked[0] / "run-tmp").encode()
    table = _processes()
    ours = {pid for pid, (_, cmdline) in table.items() if marker in cmdline}
    grew = True
    while grew:
        below = {pid for pid, (parent, _) in table.items() if parent in ours} - ours
        grew = bool(below)
        ours |= below
    assert [table[pid][1].replace(b"\0", b" ")[:200] for pid in sorted(ours)] == []


def test_each_sandbox_names_its_run(tmp_path, monkeypatch):
    """What the leftover check relies on: a worker's sandbox command line holds the folder its
    work directory was made in (the run's temporary folder)."""
    from autograder.boundary import launcher, sandbox

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # what TMPDIR sets in the grader
    workdir = launcher.make_workdir("{}")
    command = launcher.worker_command(workdir, limits=sandbox.Limits())
    launcher.remove_workdir(workdir)
    assert any(str(tmp_path) in part for part in command.argv)


@pytest.mark.parametrize("attack, words", [
    ("endless_loop", "took longer than 5 s"),
    ("os_exit", "stopped early"),
    ("memory", "1 GiB memory limit"),
    ("segfault", "crashed Python"),
])
def test_hitting_a_limit_is_said_in_plain_words(attacked, attack, words):
    result = _results(attacked[0], attack)
    assert words in json.dumps(result, ensure_ascii=False)


def test_printed_output_is_kept_bounded(attacked):
    course = attacked[0]
    path = course / "autograded" / "print_gigabytes" / ASSIGNMENT / "results.json"
    assert path.stat().st_size < 200_000
    assert "bytes left out" in _results(course, "print_gigabytes")["notebooks"][NOTEBOOK]["output_excerpt"]
