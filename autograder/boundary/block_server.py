"""Serve the reference building blocks to a worker, call by call, from a process of their own.

The week-4 application is graded with the course's own building blocks (so a grade never depends
on the student's step-by-step answers), but their code must not be where the student's code runs:
whatever the sandbox holds, the student's code can read. So the worker gets stubs
(:mod:`layerlab.block_client`) and a separate process (:mod:`block_process`) computes each call with
the reference and sends back plain data:

    with BlockServer(module_text) as server:               # the reference blocks, as module text
        command = server.attach(command)                   # + two pipe ends and their numbers
        run = launcher.run_worker(command, ...)
    server.requests                                        # how many calls it answered

The worker and the block process talk directly over two pipes, in frames of
:mod:`layerlab.block_wire` (a JSON skeleton and the arrays' raw bytes), decoded strictly on the
block process's side. The grading process only starts the block process, hands it the module text
on its stdin and ends it with the worker: no block call runs in the grader, so no call, however
large the arrays it makes, can exhaust the grader's memory or time. The block process runs with a
memory limit (:data:`MEMORY`), a CPU-time limit (the worker's time limit), a minimal environment
and no file of the grader's but its pipes; a call over a limit fails in the student's code with a
message that says which limit. The reference draws its random numbers from a generator of its
own. Nothing of the reference's code crosses the pipe, only its outputs on arguments the student's
code chose; the blocks are the step-by-step assignment's, which the student has already handed in
when the application is graded.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

from autograder.boundary import launcher
from layerlab.building_blocks import SERVER_VARIABLE

PROCESS_SCRIPT = Path(__file__).with_name("block_process.py")

#: a graded call that uses served blocks gets this many times the usual call time limit: each
#: block call is a round trip between two processes, and a hidden training case makes a few
#: thousand of them.
CALL_TIME_FACTOR = 4
#: the address space of the block process (NumPy and the reference take about 150 MB of it; the
#: course's largest arrays, the cat pictures, 20 MB).
MEMORY = 2**30
#: CPU seconds of the block process when the caller gives none.
CPU_SECONDS = 600


class BlockServerError(RuntimeError):
    """The block process could not be started (the message says why)."""


class BlockServer:
    """A served set of reference functions for one worker run (a context manager).

    ``memory`` (bytes of address space) and ``cpu_seconds`` limit the block process;
    ``python`` runs it.
    """

    def __init__(self, module_text: str, memory: int = MEMORY, cpu_seconds: float = CPU_SECONDS,
                 python: str = sys.executable):
        self.module_text = module_text
        self.memory, self.cpu_seconds, self.python = int(memory), int(cpu_seconds), python
        self.requests = 0
        self.seconds = 0.0
        self.returncode: int | None = None
        self._request_r, self._request_w = os.pipe()   # the worker writes, the block process reads
        self._reply_r, self._reply_w = os.pipe()       # the block process writes, the worker reads
        self._process: subprocess.Popen | None = None

    def attach(self, command: launcher.WorkerCommand) -> launcher.WorkerCommand:
        """``command`` with the worker's pipe ends passed on and named in its environment."""
        popen = dict(command.popen)
        popen["pass_fds"] = tuple(popen.get("pass_fds", ())) + (self._reply_r, self._request_w)
        env = dict(command.env, **{SERVER_VARIABLE: f"{self._reply_r},{self._request_w}"})
        return dataclasses.replace(command, env=env, popen=popen)

    def __enter__(self) -> "BlockServer":
        argv = [self.python, "-I", str(PROCESS_SCRIPT), str(launcher.layerlab_package().parent),
                str(self._request_r), str(self._reply_w), str(self.memory), str(self.cpu_seconds)]
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "OMP_NUM_THREADS": "1",
               "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        try:
            self._process = subprocess.Popen(
                argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                env=env, cwd="/", pass_fds=(self._request_r, self._reply_w), start_new_session=True)
        except OSError as exc:
            self._close("_request_w", "_reply_r")
            raise BlockServerError(f"could not start the building blocks' process: {exc}") from None
        finally:
            # its ends now live in the block process only: once the worker has gone too, the
            # block process reads the end of its requests and exits
            self._close("_request_r", "_reply_w")
        try:
            self._process.stdin.write(self.module_text.encode("utf-8"))
            self._process.stdin.close()
        except OSError:
            pass  # it died at once: the worker's first block call says so
        self._process.stdin = None
        return self

    def __exit__(self, *exc) -> None:
        self._close("_request_w", "_reply_r")   # the worker's ends (the worker has ended)
        process, self._process = self._process, None
        if process is None:
            return
        try:
            out, _ = process.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            out, _ = process.communicate()
        self.returncode = process.returncode
        try:
            stats = json.loads(out.decode("utf-8").splitlines()[-1])
            self.requests, self.seconds = int(stats["requests"]), float(stats["seconds"])
        except (ValueError, IndexError, KeyError, TypeError):
            pass  # it was killed (a limit): no figures

    def _close(self, *names: str) -> None:
        """Close these pipe ends, once (a number closed twice could be another thread's file)."""
        for name in names:
            fd = getattr(self, name)
            if fd >= 0:
                setattr(self, name, -1)
                try:
                    os.close(fd)
                except OSError:
                    pass
