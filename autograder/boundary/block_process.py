"""The block server's own process: computes the reference building blocks for one worker.

Started by :class:`block_server.BlockServer` as ``python -I block_process.py LIB READ_FD WRITE_FD
MEMORY CPU_SECONDS`` (``LIB``: the folder that holds the ``layerlab`` package), it reads the text
of the reference module on its stdin, limits itself (address space ``MEMORY`` bytes, ``CPU_SECONDS``
of CPU time, no files written, no core dump), then answers the worker's frames
(:mod:`layerlab.block_wire`) on the two pipe ends until the worker closes its end. At the end it
prints ``{"requests": N, "seconds": S}`` on stdout.

So whatever the student's code asks of a block (arrays that broadcast to billions of numbers, a
loop that never ends), the cost falls on this process, not on the grader: a call that needs more
memory than the limit fails with a MemoryError in the student's code, one that runs past the CPU
time ends the service, and the grader, which only starts and stops this process, is untouched.
Nothing here knows of a gradebook, a course folder or another student: its environment is
minimal, it inherits no file of the grader's but its pipes, and it holds only the reference blocks.

It imports only the standard library, NumPy and ``layerlab`` (never the ``autograder`` package), so
it runs the same from a checkout, a wheel or a Dask worker.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
import types

import numpy as np

#: the largest array a request may ask the reference to create from sizes it passes: the product
#: of the two largest integers in its arguments (layer sizes, also inside integer arrays) is at most
#: this many numbers (128 MiB of float64; the cat data set's first layer is 12288 x 20), and its
#: arrays have at most 2 dimensions. Arrays that broadcast to a larger product are stopped by the
#: process's memory limit instead; this check only gives the usual case a clearer message, sooner.
MAX_ELEMENTS = 2**24
#: errors reported by name (the client raises the same builtin); others become RuntimeError.
REPORTED_ERRORS = (ValueError, TypeError, KeyError, IndexError, ZeroDivisionError,
                   FloatingPointError, AssertionError)


#: set by the SIGXCPU handler: the process has used its CPU time (see :func:`limit_self`).
_cpu_time = {"used up": False}


class References:
    """The reference blocks of one module text, answering one request frame at a time."""

    def __init__(self, module_text: str, memory: int | None = None):
        namespace: dict = {"__name__": "reference_blocks"}
        exec(compile(module_text, "<reference building blocks>", "exec"), namespace)
        namespace["np"] = _numpy_with_own_random()
        self.functions = {name: namespace[name] for name in namespace["__all__"]}
        self.memory = memory

    def answer(self, skeleton: bytes, data: bytearray) -> list:
        """The reply frame (:func:`block_wire.encode`) to one request; never raises."""
        return self.reply(skeleton, data)[1]

    def reply(self, skeleton: bytes, data: bytearray) -> tuple[int, list]:
        """``(request id, reply frame)`` of one request (id -1 when the request is malformed)."""
        from layerlab import block_wire

        try:
            request, (args, kwargs) = block_wire.decode(skeleton, data)
            request_id = request["id"]
            if not isinstance(request_id, int) or isinstance(request_id, bool):
                raise ValueError("the request id must be an integer")
            name = request["block"]
            if not isinstance(name, str) or name not in self.functions:
                raise KeyError(f"no building block named {str(name)[:60]!r}")
            if not isinstance(args, tuple) or not isinstance(kwargs, dict):
                raise TypeError("the value must be (tuple of arguments, dict of keyword arguments)")
        except Exception as exc:
            return -1, block_wire.encode({"id": -1, "error": ["RuntimeError", f"a malformed request: {_text(exc)}"]})
        try:
            if _largest_array(args, kwargs) > MAX_ELEMENTS:
                raise ValueError(f"these arguments could make the reference build an array of more "
                                 f"than {MAX_ELEMENTS:,} numbers (or of more than 2 dimensions); the "
                                 f"building blocks work on 2-D arrays of the course's sizes")
            return request_id, block_wire.encode({"id": request_id}, self.functions[name](*args, **kwargs))
        except MemoryError as exc:
            error = ["MemoryError", f"{name} needed more memory than the grader allows the building "
                     f"blocks ({_size(self.memory)}): {_text(exc)}; do arrays of these shapes "
                     f"broadcast to a huge one?"]
        except REPORTED_ERRORS as exc:
            kind = next(t.__name__ for t in type(exc).__mro__ if t in REPORTED_ERRORS)
            error = [kind, _text(exc)]
        except Exception as exc:
            error = ["RuntimeError", f"{type(exc).__name__}: {_text(exc)}"]
        return request_id, block_wire.encode({"id": request_id, "error": error})


def serve(references: References, read_fd: int, write_fd: int) -> dict:
    """Answer frames from ``read_fd`` on ``write_fd`` until the other end closes (or sends a frame
    that is too long, or the CPU time is used up); return how many and how long they took."""
    from layerlab import block_wire

    requests, seconds = 0, 0.0
    with os.fdopen(read_fd, "rb", closefd=False) as stream:
        while True:
            try:
                frame = block_wire.read_frame(stream)
            except (block_wire.ChannelClosed, OSError):
                break
            start = time.perf_counter()
            request_id, reply = references.reply(*frame)
            stop = _cpu_time["used up"]
            if stop:  # this call (or those before) used the CPU time: say so, then stop serving
                reply = block_wire.encode({"id": request_id, "error": [
                    "RuntimeError", "the building blocks used the CPU time the grader allows them "
                    "for this notebook; they stop serving it"]})
            seconds += time.perf_counter() - start
            requests += 1
            try:
                block_wire.write_frame(write_fd, reply)
            except OSError:
                break
            if stop:
                break
    return {"requests": requests, "seconds": seconds}


def limit_self(memory: int, cpu_seconds: int) -> None:
    """Limit this process: address space, CPU time (SIGXCPU marks it used up, so that the call
    under way is answered with an error and the service ends; the hard limit a few seconds later
    kills a call that does not end), no file written, no core dump, few open files."""
    def out_of_time(signum, frame):
        _cpu_time["used up"] = True

    signal.signal(signal.SIGXCPU, out_of_time)
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = int(used.ru_utime + used.ru_stime) + max(1, int(cpu_seconds))
    for which, soft, hard in ((resource.RLIMIT_AS, memory, memory), (resource.RLIMIT_CPU, cpu, cpu + 5),
                              (resource.RLIMIT_FSIZE, 0, 0), (resource.RLIMIT_CORE, 0, 0),
                              (resource.RLIMIT_NOFILE, 16, 16)):
        resource.setrlimit(which, (soft, hard))


def main(argv: list[str]) -> int:
    lib, read_fd, write_fd, memory, cpu_seconds = argv
    sys.path.insert(0, lib)   # layerlab: the functions above import block_wire when they run
    references = References(sys.stdin.read(), int(memory))
    sys.stdin.close()
    limit_self(int(memory), int(cpu_seconds))
    stats = serve(references, int(read_fd), int(write_fd))
    print(json.dumps(stats), flush=True)
    return 0


def _numpy_with_own_random() -> types.ModuleType:
    """A stand-in for ``numpy`` whose ``np.random`` is a private RandomState: the reference's
    ``np.random.seed(1); np.random.randn(...)`` gives the usual numbers and leaves every other
    generator alone."""
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


def _size(n: int | None) -> str:
    return "no limit" if n is None else f"{n / 2**30:.1f} GiB" if n >= 2**30 else f"{n / 2**20:.0f} MiB"


def _text(exc: BaseException) -> str:
    return str(exc)[:2000]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
