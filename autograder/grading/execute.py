"""One run of one worker, as a self-contained job: here, or on a machine of a Dask cluster.

A :class:`Job` carries everything the run needs as plain values (the sanitized notebook, the files
the assignment ships, the request, the limits), so it can be pickled to a Dask worker;
:func:`execute` builds the private work directory, starts the (sandboxed) worker, watches it and
returns a :class:`launcher.WorkerRun`. Nothing here judges the student's answers: the grader decodes
and scores what comes back in its own process.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from autograder.boundary import block_server, launcher, sandbox, worker_limits

#: seconds a worker may take to start (import NumPy, IPython) before its first message.
STARTUP_SECONDS = 60.0
#: extra seconds over a cell's or a call's own limit before the worker counts as stalled.
GRACE_SECONDS = 5.0


@dataclass(frozen=True)
class Job:
    """What one worker run needs.

    notebook:   file name and text of the sanitized notebook (it lies in the worker's home)
    files:      the assignment's other files, relative path -> content (e.g. a helper module)
    header:     the first line of the request: the cells (protocol.header)
    calls:      (call id, request line, budget of its answer in bytes), sent one at a time
    cells:      how many cells the header holds
    limits:     the sandbox's resource limits; None runs without a sandbox (``--insecure``)
    blocks:     text of a module of reference functions that the worker may call through a
                block server (:mod:`block_server`), or None
    """

    notebook: tuple[str, str]
    files: dict[str, bytes]
    header: bytes
    calls: tuple[tuple[str, bytes, int | None], ...]
    cells: int
    timeout: float
    cell_seconds: float
    call_seconds: float
    limits: sandbox.Limits | None
    blocks: str | None = None


def execute(job: Job) -> launcher.WorkerRun:
    """Run one worker for ``job`` and return what it sent."""
    name, text = job.notebook
    workdir = launcher.make_workdir(text, name, job.files)
    try:
        server = (block_server.BlockServer(job.blocks, cpu_seconds=job.timeout) if job.blocks
                  else contextlib.nullcontext())
        with server, contextlib.ExitStack() as stack:
            if job.limits is None:
                command = launcher.worker_command(workdir, data_dir=data_dir())
            else:
                uid = stack.enter_context(worker_limits.worker_user())
                command = launcher.worker_command(workdir, limits=job.limits, data_dir=data_dir(), uid=uid)
            if job.blocks:
                command = server.attach(command)
            return launcher.run_worker(command, job.header, list(job.calls), job.cells, job.timeout,
                                       functools.partial(_step_seconds, job))
    finally:
        launcher.remove_workdir(workdir)


def _step_seconds(job: Job, phase: str) -> float:
    """How long the worker may stay silent in ``phase`` ("start", "cell" or "call")."""
    if phase == "start":
        return STARTUP_SECONDS
    if phase == "cell":
        return job.cell_seconds + GRACE_SECONDS
    return job.call_seconds + GRACE_SECONDS


_DATA_LOCK = threading.Lock()


def data_dir() -> Path:
    """This process's private, read-only-to-workers copy of the data sets (made once, by whichever
    thread asks first; the others wait for it)."""
    with _DATA_LOCK:
        return _make_data_dir()


@functools.lru_cache(maxsize=None)
def _make_data_dir() -> Path:
    cache_dirs = []
    try:
        from layerlab.datasets import cache

        cache_dirs.append(Path(cache.cached_pictures_dir()))  # draws and caches them if needed
    except Exception:  # no cached pictures: a notebook that loads them draws its own (slower)
        pass
    folder = Path(tempfile.mkdtemp(prefix="layerlab-data-"))
    atexit.register(shutil.rmtree, folder, True)
    _font_cache(folder / sandbox.FONT_CACHE)
    return sandbox.prepare_data(folder, os.environ.get("LAYERLAB_CAT_DATA"), cache_dirs)


def _font_cache(folder: Path) -> None:
    """Matplotlib's list of the system's fonts, so that no worker spends ~0.3 s building it again
    in its empty home (the worker copies it in; see worker.py): the grader's own, when its
    matplotlib has one, else built once here (a second of CPU). Best effort: a worker without it
    builds its own."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        found = launcher.font_lists()
        for cached in found:
            shutil.copyfile(cached, folder / cached.name)
        if found:
            return
    except OSError:  # its cache folder unreadable: build it below
        pass
    env = {"PATH": os.environ.get("PATH", ""), "MPLCONFIGDIR": str(folder), "MPLBACKEND": "Agg"}
    try:
        subprocess.run([sys.executable, "-I", "-c", "import matplotlib.font_manager"], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        pass
