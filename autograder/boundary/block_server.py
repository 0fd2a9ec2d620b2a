"""Serve the reference building blocks to a worker, call by call, from the trusted side.

The week-4 application is graded with the course's own building blocks (so a grade never depends
on the student's step-by-step answers), but their code must not be where the student's code runs:
whatever the sandbox holds, the student's code can read. So the worker gets stubs
(:mod:`layerlab.block_client`) and this server, a thread of the process that runs the worker,
computes each call with the reference and sends back plain data:

    with BlockServer(module_text) as server:               # the reference blocks, as module text
        command = server.attach(command)                   # + two pipe ends and their numbers
        run = launcher.run_worker(command, ...)

The worker writes requests on one pipe and reads replies on the other (the format is in
:mod:`layerlab.block_client`). Requests are decoded strictly (:mod:`layerlab.plaindata`), only the
blocks of the module are served, a line longer than :data:`MAX_LINE_BYTES` ends the service, and
an error of the reference (wrong shapes sent by the student's code) goes back as its type and
message. The reference draws its random numbers from a generator of its own, never from the
grading process's global one. Nothing of the reference's code crosses the pipe, only its outputs
on arguments the student's code chose; the blocks are the step-by-step assignment's, which the
student has already handed in when the application is graded.
"""

from __future__ import annotations

import dataclasses
import json
import os
import threading
import types

import numpy as np

from autograder.boundary import launcher
from layerlab import plaindata
from layerlab.building_blocks import SERVER_VARIABLE

#: a graded call that uses served blocks gets this many times the usual call time limit: each
#: block call is a round trip between two processes (about 0.5 ms on an idle 2-core machine, several
#: ms when the machine is busy), and a hidden training case makes a few thousand of them.
CALL_TIME_FACTOR = 4

#: the longest request the server reads (a few million numbers); a longer one ends the service.
MAX_LINE_BYTES = 64 * 2**20
#: the largest array a request may ask the reference to create from sizes it passes: the product
#: of the two largest integers in its arguments (layer sizes, also inside integer arrays) is at most
#: this many numbers (128 MiB of float64; the cat data set's first layer is 12288 x 20), and its
#: arrays have at most 2 dimensions. (Arrays it passes can still broadcast to a large product:
#: only a memory limit on the reference's process would bound that.)
MAX_ELEMENTS = 2**24
#: errors reported by name (the client raises the same builtin); others become RuntimeError.
REPORTED_ERRORS = (ValueError, TypeError, KeyError, IndexError, ZeroDivisionError,
                   FloatingPointError, AssertionError)


class BlockServer:
    """A served set of reference functions for one worker run (a context manager)."""

    def __init__(self, module_text: str):
        namespace: dict = {"__name__": "reference_blocks"}
        exec(compile(module_text, "<reference building blocks>", "exec"), namespace)
        namespace["np"] = _numpy_with_own_random()
        self.functions = {name: namespace[name] for name in namespace["__all__"]}
        self.requests = 0
        self.seconds = 0.0
        self._request_r, self._request_w = os.pipe()   # the worker writes, we read
        self._reply_r, self._reply_w = os.pipe()       # we write, the worker reads
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def attach(self, command: launcher.WorkerCommand) -> launcher.WorkerCommand:
        """``command`` with the worker's pipe ends passed on and named in its environment."""
        popen = dict(command.popen)
        popen["pass_fds"] = tuple(popen.get("pass_fds", ())) + (self._reply_r, self._request_w)
        env = dict(command.env, **{SERVER_VARIABLE: f"{self._reply_r},{self._request_w}"})
        return dataclasses.replace(command, env=env, popen=popen)

    def __enter__(self) -> "BlockServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        # the worker's ends: once the worker is gone, closing ours ends the server's read
        for fd in (self._request_w, self._reply_r):
            _close(fd)
        self._thread.join(timeout=10)
        for fd in (self._request_r, self._reply_w):
            _close(fd)

    def _serve(self) -> None:
        import time

        with os.fdopen(self._request_r, "rb", closefd=False) as requests, \
                os.fdopen(self._reply_w, "wb", closefd=False) as replies:
            try:
                for line in iter(lambda: requests.readline(MAX_LINE_BYTES), b""):
                    if not line.endswith(b"\n"):
                        return  # too long: stop serving, the worker's stub reports it
                    start = time.perf_counter()
                    reply = self.answer(line)
                    self.seconds += time.perf_counter() - start
                    self.requests += 1
                    replies.write(json.dumps(reply).encode("utf-8") + b"\n")
                    replies.flush()
            except (OSError, ValueError):
                return  # the worker is gone

    def answer(self, line: bytes) -> dict:
        """The reply to one request line (never raises)."""
        try:
            request = json.loads(line)
            request_id = request["id"]
            if not isinstance(request_id, int) or isinstance(request_id, bool):
                raise ValueError("the request id must be an integer")
            name = request["block"]
            if name not in self.functions:
                raise KeyError(f"no building block named {str(name)[:60]!r}")
            args, kwargs = plaindata.decode(request["args"], raw=True)
            if not isinstance(args, tuple) or not isinstance(kwargs, dict):
                raise TypeError("args must be (tuple, dict)")
        except Exception as exc:
            return {"id": -1, "error": ["RuntimeError", f"a malformed request: {_text(exc)}"]}
        try:
            if _largest_array(args, kwargs) > MAX_ELEMENTS:
                raise ValueError(f"these arguments could make the reference build an array of more "
                                 f"than {MAX_ELEMENTS:,} numbers (or of more than 2 dimensions); the "
                                 f"building blocks work on 2-D arrays of the course's sizes")
            with _REFERENCE_LOCK:
                output = self.functions[name](*args, **kwargs)
            return {"id": request_id, "output": plaindata.encode(output, raw=True)}
        except REPORTED_ERRORS as exc:
            kind = next(t.__name__ for t in type(exc).__mro__ if t in REPORTED_ERRORS)
            return {"id": request_id, "error": [kind, _text(exc)]}
        except Exception as exc:
            return {"id": request_id, "error": ["RuntimeError", f"{type(exc).__name__}: {_text(exc)}"]}


#: one reference call at a time in this process (their generators are their own, NumPy's
#: error state is not).
_REFERENCE_LOCK = threading.Lock()


def _numpy_with_own_random() -> types.ModuleType:
    """A stand-in for ``numpy`` whose ``np.random`` is a private RandomState: the reference's
    ``np.random.seed(1); np.random.randn(...)`` gives the usual numbers without touching the
    global generator that the grader seeds for its own reference runs."""
    proxy = _NumpyStandIn("numpy")
    proxy.random = np.random.RandomState()
    return proxy


class _NumpyStandIn(types.ModuleType):
    def __getattr__(self, name):
        return getattr(np, name)


def _largest_array(*values) -> float:
    """The product of the two largest integers in ``values`` (also inside integer arrays, in any
    container): the largest matrix a block can create from sizes it was given; infinite when an
    array has more than 2 dimensions."""
    sizes, stack = [1, 1], list(values)
    while stack:
        item = stack.pop()
        if isinstance(item, np.ndarray):
            if item.ndim > 2:
                return float("inf")
            if item.dtype.kind in "iu" and item.size:  # integers a block may use as sizes
                flat = np.abs(item.astype(np.float64).ravel())
                sizes += [float(v) for v in (np.partition(flat, -2)[-2:] if flat.size > 2 else flat)]
        elif isinstance(item, (int, np.integer)) and not isinstance(item, bool):
            sizes.append(abs(float(item)))
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    first, second = sorted(sizes)[-2:]
    return float(first) * float(second)


def _text(exc: BaseException) -> str:
    return str(exc)[:2000]


def _close(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass
