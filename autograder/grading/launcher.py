"""Start the worker: its command line, its environment, and running it under a time limit.

The interface is deliberately small so that a sandbox can wrap it without touching the rest:

    command = worker_command(workdir)            # argv, env and cwd of one worker
    run = run_worker(command, request, timeout)  # bytes in on stdin, messages out on stdout

``workdir`` is a private temporary directory holding only the sanitized submission, the files the
assignment ships (helper modules, as nbgrader copies them) and the worker's matplotlib/IPython
settings; it is the worker's home and cwd. The worker sees a minimal
environment (no variable of the grader's is passed on except the data-set locations layerlab
reads), runs with ``python -I`` (no user site, no PYTHON* variables, no script directory on
``sys.path``) and in its own process group, which is killed when it finishes or times out.
What the notebook prints goes to an anonymous file, of which a bounded excerpt is kept.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

WORKER_SCRIPT = Path(__file__).with_name("worker.py")

#: how much of what the notebook printed is kept (its beginning and its end).
LOG_EXCERPT = 8_000


@dataclass(frozen=True)
class WorkerCommand:
    """How to start one worker: ``subprocess.Popen(argv, env=env, cwd=cwd)``."""

    argv: list[str]
    env: dict[str, str]
    cwd: Path


@dataclass
class WorkerRun:
    """What came back from one worker process.

    stdout:      the worker's messages (one JSON object per line, see protocol.py)
    returncode:  the exit status (negative: killed by that signal), None if it could not start
    timed_out:   it ran past the time limit and was killed
    seconds:     wall-clock time
    log:         an excerpt of what the notebook printed (its stdout and stderr)
    """

    stdout: str
    returncode: int | None
    timed_out: bool
    seconds: float
    log: str


def make_workdir(notebook_text: str, name: str = "submission.ipynb",
                 files: dict[str, Path] | None = None) -> Path:
    """A fresh private directory holding only the sanitized submission, the files that ship with
    the assignment (``files``: relative path -> source path, e.g. a helper module) and the
    worker's settings folders."""
    workdir = Path(tempfile.mkdtemp(prefix="layerlab-worker-"))
    for relative, source in (files or {}).items():
        target = workdir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    (workdir / name).write_text(notebook_text, encoding="utf-8")
    _seed_matplotlib_cache(workdir / ".matplotlib")
    return workdir


def remove_workdir(workdir: Path) -> None:
    shutil.rmtree(workdir, ignore_errors=True)


def worker_command(workdir: Path, python: str = sys.executable) -> WorkerCommand:
    """The argv, environment and cwd of a worker that grades the submission in ``workdir``."""
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
    }
    env.update(_data_locations())
    return WorkerCommand([python, "-I", str(WORKER_SCRIPT)], env, workdir)


def run_worker(command: WorkerCommand, request: bytes, timeout: float) -> WorkerRun:
    """Run the worker with ``request`` on its stdin; kill its process group after ``timeout`` s."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        try:
            proc = subprocess.Popen(command.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=log, cwd=command.cwd, env=command.env,
                                    start_new_session=True)
        except OSError as exc:
            return WorkerRun("", None, False, time.perf_counter() - start, f"could not start: {exc}")
        timed_out = False
        try:
            stdout, _ = proc.communicate(request, timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            _kill_group(proc)
            try:
                stdout, _ = proc.communicate(timeout=10)
            except subprocess.TimeoutExpired:  # a descendant outside the group holds the pipe
                proc.kill()
                stdout = b""
        _kill_group(proc)  # whatever the notebook left running
        returncode = proc.wait()
        return WorkerRun(stdout.decode("utf-8", "replace"), returncode, timed_out,
                         time.perf_counter() - start, _excerpt(log))


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _excerpt(log) -> str:
    size = log.seek(0, os.SEEK_END)
    log.seek(0)
    if size <= 2 * LOG_EXCERPT:
        return log.read().decode("utf-8", "replace")
    head = log.read(LOG_EXCERPT).decode("utf-8", "replace")
    log.seek(size - LOG_EXCERPT)
    tail = log.read().decode("utf-8", "replace")
    return f"{head}\n[... {size - 2 * LOG_EXCERPT} bytes left out ...]\n{tail}"


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
        import matplotlib

        for cached in Path(matplotlib.get_cachedir()).glob("fontlist-*.json"):
            shutil.copy(cached, folder / cached.name)
    except Exception:  # only an optimisation
        pass
