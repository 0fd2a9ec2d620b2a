"""Building blocks served by the grader: the worker's side of :mod:`autograder.boundary.block_server`.

While the autograder grades the week-4 application, the student's notebook runs in a sandbox that
holds neither the student's step-by-step notebook nor any reference solution. The grader passes
two pipe ends in ``LAYERLAB_BLOCK_SERVER`` (``"<read fd>,<write fd>"``), connected to a process of
its own that holds the reference blocks; each block here is a stub that sends its arguments and
returns what the reference computed from them, or raises the error the reference raised.

One request, one frame (:mod:`layerlab.block_wire`):  {"id": 7, "block": "linear_forward"} + (args, kwargs)
One reply, one frame:   {"id": 7} + output   or   {"id": 7, "error": [TYPE, MESSAGE]}
Ids grow by one; a reply to an earlier request (one interrupted by a time limit) is skipped.
"""

from __future__ import annotations

import builtins
import itertools
import os
import threading

from layerlab import block_wire

#: errors the grader may report by name; anything else arrives as a RuntimeError.
_ERRORS = {name: getattr(builtins, name) for name in
           ("ValueError", "TypeError", "KeyError", "IndexError", "ZeroDivisionError",
            "FloatingPointError", "AssertionError", "MemoryError", "RuntimeError")}


class BlockServerError(RuntimeError):
    """The grader's block server did not answer as expected."""


class _Connection:
    def __init__(self, fds: str):
        read_fd, write_fd = (int(fd) for fd in fds.split(","))
        self.reader = os.fdopen(read_fd, "rb")
        self.write_fd = write_fd
        self.ids = itertools.count(1)
        self.lock = threading.Lock()

    def call(self, block: str, args: tuple, kwargs: dict):
        with self.lock:
            request_id = next(self.ids)
            frame = block_wire.encode({"id": request_id, "block": block}, (tuple(args), dict(kwargs)))
            try:
                block_wire.write_frame(self.write_fd, frame)
                while True:
                    reply, output = block_wire.decode(*block_wire.read_frame(self.reader))
                    if reply.get("id") == request_id:
                        break
            except (OSError, block_wire.ChannelClosed) as exc:
                raise BlockServerError(
                    f"the grader's building blocks stopped answering during {block} ({exc}): they "
                    f"run under a memory and CPU-time limit, and an earlier call may have used it "
                    f"all up; call the blocks with arrays of the sizes the course uses") from None
        if "error" in reply:
            kind, message = reply["error"]
            raise _ERRORS.get(kind, RuntimeError)(message)
        return output


_connection: _Connection | None = None


def remote_blocks(names) -> dict:
    """``{name: stub}`` for every name, all talking to the server named in the environment."""
    global _connection
    if _connection is None:
        _connection = _Connection(os.environ["LAYERLAB_BLOCK_SERVER"])
    return {name: _stub(name) for name in names}


def _stub(name: str):
    def block(*args, **kwargs):
        return _connection.call(name, args, kwargs)

    block.__name__ = block.__qualname__ = name
    block.__doc__ = f"{name}, computed by the grader (the course's reference) from these arguments."
    return block
