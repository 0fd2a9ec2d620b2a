"""What crosses between the grader (trusted) and its worker (untrusted): plain data only.

The worker imports this module as a plain file next to ``worker.py`` (it must not need the
``autograder`` package, which a sandbox hides from it), so it imports only the standard library and
:mod:`layerlab.plaindata`. Values (function arguments, outputs, inputs after the call) are encoded
with :mod:`layerlab.plaindata`; the envelopes around them are small JSON objects with a fixed schema
that :func:`parse_messages` checks field by field. Nothing is ever unpickled.

Request, grader → worker, one JSON document on the worker's stdin::

    {"protocol": 1,
     "cells":  [{"filename": "<cell 3>", "source": "..."}, ...],          # run in this order
     "calls":  [{"id": "softmax/2", "function": "softmax", "args": PLAIN, "kwargs": PLAIN,
                 "seed": null or int, "isolated": false, "read": false}, ...],
     "limits": {"cell_seconds": 60.0, "call_seconds": 10.0}}

Messages, worker → grader, one JSON object per line on the worker's stdout::

    {"type": "ready", "protocol": 1}
    {"type": "cell", "index": 0, "seconds": 0.01, "error": null or ERROR}
    {"type": "call", "id": "softmax/2", "status": STATUS, "seconds": 0.001, "output": PLAIN or null,
     "args_after": PLAIN or null, "error": null or ERROR, "removed": ["x", ...]}
    {"type": "done"}

    STATUS  ok | error | timeout | missing | not_callable | not_plain
    ERROR   {"type": "ValueError", "bases": ["ValueError", "Exception"], "message": "...",
             "traceback": ["File \"<cell 5>\", line 3, in softmax", "    return x / s", ...]}

``removed`` lists the notebook variables taken away during an ``isolated`` call. A ``read`` call
(a quiz answer) calls nothing: its ``output`` is the value of the variable named ``function``, as
``("set", [items])`` for a set and ``("value", x)`` otherwise, and ``args_after`` is ``((), {})``.
A line that is not a well-formed message is counted and ignored, so whatever the student's code
prints or forges can only make its own results missing, never wrong in its favour.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from layerlab import plaindata

PROTOCOL = 1
STATUSES = frozenset(["ok", "error", "timeout", "missing", "not_callable", "not_plain"])

#: bounds on what the grader keeps of the worker's free text (error messages, traceback lines).
MAX_TEXT = 2000
MAX_TRACEBACK_LINES = 60


class ProtocolError(ValueError):
    """A message that does not follow the schema above."""


# ----------------------------------------------------------------------------- grader side: request

def request(cells: list[dict], calls: list[dict], limits: dict) -> bytes:
    """The request document. ``calls[i]["args"]`` is a tuple and ``["kwargs"]`` a dict of plain data
    (encoded here); ``cells`` are ``{"filename", "source"}`` dicts."""
    encoded_calls = [{"id": c["id"], "function": c["function"], "args": plaindata.encode(tuple(c["args"])),
                      "kwargs": plaindata.encode(dict(c.get("kwargs", {}))), "seed": c.get("seed"),
                      "isolated": bool(c.get("isolated", False)), "read": bool(c.get("read", False))}
                     for c in calls]
    doc = {"protocol": PROTOCOL, "cells": [{"filename": c["filename"], "source": c["source"]} for c in cells],
           "calls": encoded_calls, "limits": {k: float(v) for k, v in limits.items()}}
    return json.dumps(doc).encode("utf-8")


# ----------------------------------------------------------------------------- worker side

def read_request(data: bytes) -> dict:
    """Worker side: the request, with arguments decoded (the grader is trusted, so no deep checks)."""
    doc = json.loads(data.decode("utf-8"))
    if doc.get("protocol") != PROTOCOL:
        raise ProtocolError(f"protocol {doc.get('protocol')!r}, expected {PROTOCOL}")
    for call in doc["calls"]:
        call["args"] = plaindata.decode(call["args"])
        call["kwargs"] = plaindata.decode(call["kwargs"])
    return doc


def message_line(message: dict) -> str:
    """Worker side: one message as one line of JSON."""
    return json.dumps(message, allow_nan=True) + "\n"


# ----------------------------------------------------------------------------- grader side: response

@dataclass
class ErrorInfo:
    """An exception raised by the student's code, with their own traceback lines only."""

    type: str
    bases: list[str]
    message: str
    traceback: list[str]


@dataclass
class CellReport:
    index: int
    seconds: float
    error: ErrorInfo | None


@dataclass
class CallReport:
    """The outcome of one call. ``output`` and ``args_after`` are rebuilt by the strict plain-data
    decoder; when that fails, ``status`` becomes ``"not_plain"`` and ``undecodable`` says why."""

    id: str
    status: str
    seconds: float
    output: Any = None
    args_after: Any = None
    error: ErrorInfo | None = None
    removed: list[str] = field(default_factory=list)
    undecodable: str | None = None


@dataclass
class Response:
    """Everything the worker reported, checked. ``malformed`` counts lines that were ignored."""

    ready: bool = False
    done: bool = False
    cells: dict[int, CellReport] = field(default_factory=dict)
    calls: dict[str, CallReport] = field(default_factory=dict)
    conflicting: set[str] = field(default_factory=set)
    malformed: int = 0


def parse_messages(text: str) -> Response:
    """Grader side: check every line of the worker's output against the schema; never raises."""
    response = Response()
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            _accept(response, json.loads(line))
        except (ProtocolError, ValueError, TypeError, KeyError, RecursionError):
            response.malformed += 1
    return response


def _accept(response: Response, msg: Any) -> None:
    if not isinstance(msg, dict) or not isinstance(msg.get("type"), str):
        raise ProtocolError("not a message")
    kind = msg["type"]
    if kind == "ready":
        _keys(msg, {"type", "protocol"})
        if msg["protocol"] != PROTOCOL:
            raise ProtocolError("wrong protocol")
        response.ready = True
    elif kind == "done":
        _keys(msg, {"type"})
        response.done = True
    elif kind == "cell":
        _keys(msg, {"type", "index", "seconds", "error"})
        index = _int(msg["index"])
        if index in response.cells:
            raise ProtocolError("cell reported twice")
        response.cells[index] = CellReport(index, _seconds(msg["seconds"]), _error(msg["error"]))
    elif kind == "call":
        _keys(msg, {"type", "id", "status", "seconds", "output", "args_after", "error", "removed"})
        call_id = _str(msg["id"], 200)
        if call_id in response.calls or call_id in response.conflicting:
            response.calls.pop(call_id, None)  # two answers for one call: trust neither
            response.conflicting.add(call_id)
            return
        response.calls[call_id] = _call(call_id, msg)
    else:
        raise ProtocolError(f"unknown message type {kind[:40]!r}")


def _call(call_id: str, msg: dict) -> CallReport:
    status = msg["status"]
    if status not in STATUSES:
        raise ProtocolError("unknown status")
    removed = msg["removed"]
    if not (isinstance(removed, list) and all(isinstance(n, str) for n in removed)):
        raise ProtocolError("removed must be a list of names")
    report = CallReport(call_id, status, _seconds(msg["seconds"]), error=_error(msg["error"]),
                        removed=[n[:100] for n in removed[:50]])
    if status == "ok":
        try:
            report.output = _bounded(plaindata.decode(msg["output"]))
            report.args_after = _bounded(plaindata.decode(msg["args_after"]))
        except (plaindata.PlainDataError, TypeError, ValueError, RecursionError) as exc:
            report.status, report.output, report.args_after = "not_plain", None, None
            report.undecodable = str(exc)[:MAX_TEXT]
    return report


def _bounded(value: Any) -> Any:
    """``value`` itself, after checking that its Python ints fit in 64 bits (JSON allows any size,
    which NumPy cannot compare)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, int) and not isinstance(item, bool) and not -2**63 <= item < 2**64:
            raise plaindata.PlainDataError("an integer too large for a NumPy number")
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return value


def _error(value: Any) -> ErrorInfo | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ProtocolError("error must be an object")
    _keys(value, {"type", "bases", "message", "traceback"})
    bases, lines = value["bases"], value["traceback"]
    if not (isinstance(bases, list) and isinstance(lines, list)):
        raise ProtocolError("bases and traceback must be lists")
    return ErrorInfo(_str(value["type"], 100), [_str(b, 100) for b in bases[:20]],
                     _str(value["message"], MAX_TEXT),
                     [_str(line, 300) for line in lines[-MAX_TRACEBACK_LINES:]])


def _keys(msg: dict, keys: set) -> None:
    if set(msg) != keys:
        raise ProtocolError(f"expected the fields {sorted(keys)}")


def _str(value: Any, limit: int) -> str:
    if not isinstance(value, str):
        raise ProtocolError("expected a string")
    return value if len(value) <= limit else value[:limit - 1] + "…"


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ProtocolError("expected a non-negative integer")
    return value


def _seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ProtocolError("expected a number of seconds")
    return float(value)
