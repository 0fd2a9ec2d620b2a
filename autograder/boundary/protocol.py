"""What crosses between the grader (trusted) and its worker (untrusted): plain data only.

The worker imports this module as a plain file next to ``worker.py`` (it must not need the
``autograder`` package, which a sandbox hides from it), so it imports only the standard library and
:mod:`layerlab.plaindata`. Values (function arguments, outputs, inputs after the call) are encoded
with :mod:`layerlab.plaindata`; the envelopes around them are small JSON objects with a fixed schema
that the grader's :class:`session.Session` checks field by field as they arrive. Nothing is ever unpickled.

Grader → worker, on the worker's stdin, one JSON document per line. First the header::

    {"protocol": 2,
     "cells":  [{"filename": "<cell 3>", "source": "..."}, ...],          # run in this order
     "limits": {"cell_seconds": 60.0, "call_seconds": 10.0}}

then, one at a time, each call, sent only after the worker answered the one before (so a call's
hidden arguments exist in the worker only while that call runs), and finally ``{"end": true}``::

    {"seq": 0, "call": {"id": "softmax/2", "function": "softmax", "args": PLAIN, "kwargs": PLAIN,
                        "seed": null or int, "isolated": false, "read": false}}

Messages, worker → grader, one JSON object per line on the worker's stdout::

    {"type": "ready", "protocol": 2}
    {"type": "cell", "index": 0, "seconds": 0.01, "error": null or ERROR, "outputs": [OUTPUT, ...]}
    {"type": "call", "seq": 0, "id": "softmax/2", "status": STATUS, "seconds": 0.001,
     "output": PLAIN or null, "args_after": PLAIN or null, "error": null or ERROR, "removed": [...]}
    {"type": "done"}

    STATUS  ok | error | timeout | missing | not_callable | not_plain
    OUTPUT  {"kind": "stdout" | "stderr" | "result" | "note" | "png", "text": "..."} (worker_outputs.py)
    ERROR   {"type": "ValueError", "bases": ["ValueError", "Exception"], "message": "...",
             "traceback": ["File \"<cell 5>\", line 3, in softmax", "    return x / s", ...]}

``removed`` lists the notebook variables taken away during an ``isolated`` call. A ``read`` call
(a quiz answer) calls nothing: its ``output`` is the value of the variable named ``function``, as
``("set", [items])`` for a set and ``("value", x)`` otherwise, and ``args_after`` is ``((), {})``.

The grader checks the messages as they arrive (:class:`session.Session`, in ``session.py``, which
the worker does not need; its names are also reachable here, e.g. ``protocol.Session``): cells must come in order, a
call's answer must carry the sequence number and id of the one call outstanding, and a second
answer to a call makes the grader trust neither. A line longer than the budget of what is
expected next (``Session.budget``) is not parsed at all. Whatever the student's code prints
or forges can therefore only make its own results missing, never wrong in its favour. Student
code shares the worker's process, so everything the worker reports is a claim: the grader scores
outputs against its own reference, and uses the worker's account of the arguments after a call
only as evidence against the submission (see the README's security section).
"""

from __future__ import annotations

import json

from layerlab import plaindata

PROTOCOL = 2


class ProtocolError(ValueError):
    """A message that does not follow the schema above."""


# ----------------------------------------------------------------------------- grader side: requests


def header(cells: list[dict], limits: dict) -> bytes:
    """The first line the worker reads: the cells to run (``{"filename", "source"}`` dicts)."""
    doc = {"protocol": PROTOCOL, "cells": [{"filename": c["filename"], "source": c["source"]} for c in cells],
           "limits": {k: float(v) for k, v in limits.items()}}
    return json.dumps(doc).encode("utf-8") + b"\n"


def call_line(seq: int, call: dict) -> bytes:
    """The line that asks for one call; ``call["args"]`` is a tuple and ``["kwargs"]`` a dict of
    plain data, encoded here unless ``call["encoded"]`` holds them encoded already (a plan's
    cases are encoded once per run)."""
    args, kwargs = call.get("encoded") or (plaindata.encode(tuple(call["args"])),
                                           plaindata.encode(dict(call.get("kwargs", {}))))
    encoded = {"id": call["id"], "function": call["function"], "args": args, "kwargs": kwargs,
               "seed": call.get("seed"), "isolated": bool(call.get("isolated", False)),
               "read": bool(call.get("read", False))}
    return json.dumps({"seq": seq, "call": encoded}).encode("utf-8") + b"\n"


END = b'{"end": true}\n'


# ----------------------------------------------------------------------------- worker side

def read_header(line: bytes) -> dict:
    """Worker side: the header (the grader is trusted, so no deep checks)."""
    doc = json.loads(line.decode("utf-8"))
    if doc.get("protocol") != PROTOCOL:
        raise ProtocolError(f"protocol {doc.get('protocol')!r}, expected {PROTOCOL}")
    return doc


def read_call(line: bytes) -> tuple[int, dict] | None:
    """Worker side: ``(seq, call)`` with its arguments decoded, or None at the end."""
    if not line:
        return None
    doc = json.loads(line.decode("utf-8"))
    if doc.get("end"):
        return None
    call = doc["call"]
    call["args"] = plaindata.decode(call["args"])
    call["kwargs"] = plaindata.decode(call["kwargs"])
    return doc["seq"], call


def message_line(message: dict) -> str:
    """Worker side: one message as one line of JSON."""
    return json.dumps(message, allow_nan=True) + "\n"


#: the grader's side of the protocol, kept in session.py (the worker imports this file alone).
_GRADER_SIDE = frozenset(["STATUSES", "MAX_TEXT", "MAX_TRACEBACK_LINES", "LINE_BYTES", "CALL_BYTES",
                          "CellReport", "CallReport", "Response", "Session", "parse_messages", "ErrorInfo"])


def __getattr__(name: str):
    """``protocol.Session`` and the other names of the grader's side, from session.py (imported
    only when the grader asks for one, never in the worker)."""
    if name in _GRADER_SIDE:
        from autograder.boundary import session

        return getattr(session, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
