"""Start the worker: its command line, its environment, and running it under time limits.

The interface is deliberately small so that the sandbox wraps it without touching the rest:

    command = worker_command(workdir, limits=Limits(), data_dir=...)  # argv, env, cwd (sandboxed)
    run = run_worker(command, header, calls, cells, timeout, step_seconds)   # one call at a time

``workdir`` is a private temporary directory holding only the sanitized submission, the files the
assignment ships (helper modules, as nbgrader copies them) and the worker's matplotlib settings.
Sandboxed (:mod:`sandbox`), these files are all the worker sees of the machine's data, read-only, in
a home of its own. The worker's environment is minimal (no variable of the grader's is passed on
except the data-set locations layerlab reads), it runs with ``python -I`` (no user site, no
PYTHON* variables, no script directory on ``sys.path``) in a process group that is killed when it
finishes, stalls or times out. Its messages are checked as they arrive (:class:`session.Session`),
and each call is sent only after the one before was answered. What the notebook prints is read as
it comes; a bounded excerpt of its beginning and end is kept, of the cells only: what it prints
once the first call was sent may hold the hidden arguments and is counted, never kept.
"""

from __future__ import annotations

import functools
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from autograder.boundary import protocol, sandbox, session, worker_streams

WORKER_SCRIPT = Path(__file__).with_name("worker.py")

#: how much of what the notebook printed is kept (its beginning and its end).
LOG_EXCERPT = 8_000
#: the most the grader reads of one worker's messages (a line is at most
#: worker_streams.MAX_LINE_BYTES; a call's own budget, :class:`session.Session`, is usually much
#: smaller, and longer lines are skipped unparsed).
MAX_MESSAGE_BYTES = 256 * 2**20
#: how long a worker that has sent its last message may take to exit before it is killed.
EXIT_GRACE_SECONDS = 5.0
#: lines read ahead of the checking (bounds the grader's memory when a worker floods).
QUEUED_LINES = 4


@dataclass(frozen=True)
class WorkerCommand:
    """How to start one worker: ``subprocess.Popen(argv, env=env, cwd=cwd, **popen)``."""

    argv: list[str]
    env: dict[str, str]
    cwd: Path
    popen: dict = field(default_factory=dict)
    sandboxed: bool = False


@dataclass
class WorkerRun:
    """What came back from one worker process.

    response:    the worker's messages, checked (session.Response)
    returncode:  the exit status (negative: killed by that signal), None if it could not start
    timed_out:   it ran past the notebook's time limit and was killed
    stalled:     it sent no message for longer than a cell or a call may take, and was killed
    flooded:     it sent more than MAX_MESSAGE_BYTES of messages, and was killed
    seconds:     wall-clock time
    log:         an excerpt of what the notebook printed (its stdout and stderr)
    log_bytes:   how much it printed in all
    """

    returncode: int | None
    timed_out: bool
    seconds: float
    log: str
    stalled: bool = False
    flooded: bool = False
    log_bytes: int = 0
    response: session.Response = field(default_factory=session.Response)


def make_workdir(notebook_text: str, name: str = "submission.ipynb",
                 files: dict[str, Path | bytes] | None = None) -> Path:
    """A fresh private directory holding only the sanitized submission, the files that ship with
    the assignment (``files``: relative path -> source path or content, e.g. a helper module) and
    the worker's settings folders."""
    workdir = Path(tempfile.mkdtemp(prefix="layerlab-worker-"))
    for relative, source in (files or {}).items():
        target = workdir / relative
        if workdir not in target.resolve().parents:
            raise ValueError(f"{relative!r} is not a path inside the work directory")
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, bytes):
            target.write_bytes(source)
        else:
            shutil.copyfile(source, target)
    (workdir / name).write_text(notebook_text, encoding="utf-8")
    _seed_matplotlib_cache(workdir / ".matplotlib")
    return workdir


def remove_workdir(workdir: Path) -> None:
    shutil.rmtree(workdir, ignore_errors=True)


def worker_command(workdir: Path, python: str = sys.executable, limits: sandbox.Limits | None = None,
                   data_dir: Path | None = None, uid: int = sandbox.NOBODY) -> WorkerCommand:
    """The argv, environment and cwd of a worker that grades the submission in ``workdir``;
    with ``limits``, sandboxed (see :mod:`sandbox`), ``data_dir`` holding its data sets."""
    workdir = Path(workdir)
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(workdir),
        "TMPDIR": str(workdir),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": str(workdir / ".matplotlib"),
        "IPYTHONDIR": str(workdir / ".ipython"),
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "LAYERLAB_BLAS_THREADS": "1",
    }
    env.update(_data_locations())
    if data_dir is not None:
        env["LAYERLAB_FONT_CACHE"] = str(Path(data_dir) / sandbox.FONT_CACHE)
    package = layerlab_package()
    if limits is None:
        # the worker imports the very layerlab this grader imported, whatever the kind of install
        lib = workdir / ".layerlab-lib"
        lib.mkdir(exist_ok=True)
        (lib / "layerlab").symlink_to(package, target_is_directory=True)
        return WorkerCommand([python, "-I", str(WORKER_SCRIPT), str(lib)], env, workdir)
    sandbox.make_readable(workdir)
    files = {str(p.relative_to(workdir)): p for p in sorted(workdir.rglob("*")) if p.is_file()}
    argv = [python, "-I", str(WORKER_SCRIPT)]
    argv, env, popen = sandbox.wrap(argv, env, files, data_dir, limits, uid, package=package)
    return WorkerCommand(argv, env, workdir, popen, sandboxed=True)


def layerlab_package() -> Path:
    """The folder of the ``layerlab`` package this grader imported (editable, wheel or conda
    install, or a course folder's own copy): the one the worker must import too."""
    import layerlab

    return Path(layerlab.__file__).resolve().parent


def run_worker(command: WorkerCommand, header: bytes, calls: list[tuple[str, bytes, int | None]],
               cells: int, timeout: float, step_seconds: Callable[[str], float] | None = None) -> WorkerRun:
    """Run the worker: send ``header`` (its cells), then each of ``calls`` (``(id, line, budget)``,
    see :func:`protocol.call_line`) once the one before was answered, and check its messages as
    they come.

    It is killed (with every process it started) when it runs past ``timeout`` seconds, when it
    stays silent for ``step_seconds(phase)`` seconds (``phase`` is "start", "cell" or "call"; so
    one endless cell or call costs its own time limit, not the notebook's), or when it floods its
    message channel. What it prints is read as it comes, and only an excerpt is kept.
    """
    start = time.perf_counter()
    try:
        proc = subprocess.Popen(command.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=command.cwd, env=command.env,
                                start_new_session=True, **command.popen)
    except OSError as exc:
        return WorkerRun(None, False, time.perf_counter() - start, f"could not start: {exc}")
    lines: queue.Queue = queue.Queue(maxsize=QUEUED_LINES)
    outbox: queue.Queue = queue.Queue()
    log = worker_streams.Excerpt(LOG_EXCERPT, proc.stderr)
    threads = [threading.Thread(target=worker_streams.feed, args=(proc.stdin, outbox), daemon=True),
               threading.Thread(target=worker_streams.read_lines, args=(proc.stdout, lines), daemon=True),
               threading.Thread(target=log.read_from, args=(proc.stderr,), daemon=True)]
    for thread in threads:
        thread.start()
    checker = session.Session(cells)
    outbox.put(header)
    todo = list(enumerate(calls))
    ended = False
    size = 0
    timed_out = stalled = flooded = False
    deadline = start + timeout
    try:  # whatever happens here, the worker and every process it started are ended
        while True:
            if checker.cells_done and checker.outstanding is None:
                if not todo:
                    outbox.put(protocol.END)
                    todo = None
                elif todo is not None:
                    (seq, (call_id, call_line, budget)), todo = todo[0], todo[1:]
                    log.freeze()  # from here on, what it prints may hold hidden arguments
                    checker.ask(seq, call_id, budget)
                    outbox.put(call_line)
            phase = ("call" if checker.outstanding else "cell") if checker.response.ready else "start"
            wait = deadline - time.perf_counter()
            if step_seconds is not None:
                wait = min(wait, step_seconds(phase))
            try:
                line = lines.get(timeout=max(0.0, wait))
            except queue.Empty:
                if time.perf_counter() >= deadline:
                    timed_out = True
                else:
                    stalled = True
                break
            if line is None:  # end of the worker's output
                ended = True
                break
            size += len(line)
            if size > MAX_MESSAGE_BYTES:
                flooded = True
                break
            checker.accept(line)
    finally:
        outbox.put(None)
        if ended:
            # The worker closed its channel: let it flush what the notebook printed and exit on its
            # own (bounded), so the log is complete however fast or slow this machine is.
            try:
                proc.wait(timeout=EXIT_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                pass
        _kill_group(proc)  # whatever the notebook left running
        try:
            returncode = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            returncode = proc.wait()
        for thread in threads[1:]:
            thread.join(timeout=5)
    return WorkerRun(returncode, timed_out, time.perf_counter() - start, log.text(),
                     stalled=stalled, flooded=flooded, log_bytes=log.total, response=checker.response)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _data_locations() -> dict[str, str]:
    """Where layerlab's data sets are, so the worker does not regenerate them: the same variables
    and default as :mod:`layerlab.datasets.config` (not imported here: it loads the data stack)."""
    cache = os.environ.get("LAYERLAB_CACHE") or str(Path.home() / ".cache" / "layerlab")
    env = {"LAYERLAB_CACHE": str(Path(cache).expanduser())}
    if os.environ.get("LAYERLAB_CAT_DATA"):
        env["LAYERLAB_CAT_DATA"] = os.environ["LAYERLAB_CAT_DATA"]
    return env


def _seed_matplotlib_cache(folder: Path) -> None:
    """Copy the grader's matplotlib font cache, which saves every worker rebuilding it."""
    folder.mkdir(exist_ok=True)
    try:
        for cached in font_lists():
            shutil.copy(cached, folder / cached.name)
    except Exception:  # only an optimisation
        pass


@functools.lru_cache(maxsize=None)
def font_lists() -> tuple[Path, ...]:
    """The font lists (``fontlist-*.json``) in this machine's matplotlib cache folder. Looked for
    first where matplotlib keeps them unless told otherwise (``$MPLCONFIGDIR``, else
    ``$XDG_CACHE_HOME/matplotlib`` or ``~/.cache/matplotlib`` on Linux): importing matplotlib
    only to ask costs a grading run about 0.2 s of CPU. Elsewhere, or when that folder has none,
    matplotlib is asked (``get_cachedir()``); empty when it is not installed."""
    configured = os.environ.get("MPLCONFIGDIR")
    if configured:
        usual = Path(configured)
    elif sys.platform.startswith(("linux", "freebsd")):
        usual = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "matplotlib")
    else:
        usual = None
    found = sorted(usual.glob("fontlist-*.json")) if usual is not None and usual.is_dir() else []
    if found:
        return tuple(found)
    try:
        import matplotlib

        return tuple(sorted(Path(matplotlib.get_cachedir()).glob("fontlist-*.json")))
    except Exception:  # not installed, or its cache folder unreadable
        return ()
