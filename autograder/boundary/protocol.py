"""What crosses between the grader (trusted) and its worker (untrusted): plain data only.

The worker imports this module as a plain file next to ``worker.py`` (it must not need the
``autograder`` package, which a sandbox hides from it), so it imports only the standard library and
:mod:`layerlab.plaindata`. Values (function arguments, outputs, inputs after the call) are encoded
with :mod:`layerlab.plaindata`; the envelopes around them are small JSON objects with a fixed schema
that :class:`Session` checks field by field as they arrive. Nothing is ever unpickled.

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

The grader checks the messages as they arrive (:class:`Session`): cells must come in order, a
call's answer must carry the sequence number and id of the one call outstanding, and a second
answer to a call makes the grader trust neither. A line longer than the budget of what is
expected next (:func:`Session.budget`) is not parsed at all. Whatever the student's code prints
or forges can therefore only make its own results missing, never wrong in its favour. Student
code shares the worker's process, so everything the worker reports is a claim: the grader scores
outputs against its own reference, and uses the worker's account of the arguments after a call
only as evidence against the submission (see the README's security section).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from layerlab import plaindata
from layerlab.judge.outcome import ErrorInfo  # an exception as plain data, as the judge reads it

PROTOCOL = 2
STATUSES = frozenset(["ok", "error", "timeout", "missing", "not_callable", "not_plain"])

#: bounds on what the grader keeps of the worker's free text (error messages, traceback lines).
MAX_TEXT = 2000
MAX_TRACEBACK_LINES = 60


class ProtocolError(ValueError):
    """A message that does not follow the schema above."""


# ----------------------------------------------------------------------------- grader side: requests

#: the budget of a line that is not the answer to a call (ready, a cell, done).
LINE_BYTES = 256 * 1024
#: the budget of a call's answer without a ``max_bytes`` of its own (a quiz answer).
CALL_BYTES = 1 << 20


def header(cells: list[dict], limits: dict) -> bytes:
    """The first line the worker reads: the cells to run (``{"filename", "source"}`` dicts)."""
    doc = {"protocol": PROTOCOL, "cells": [{"filename": c["filename"], "source": c["source"]} for c in cells],
           "limits": {k: float(v) for k, v in limits.items()}}
    return json.dumps(doc).encode("utf-8") + b"\n"


def call_line(seq: int, call: dict) -> bytes:
    """The line that asks for one call; ``call["args"]`` is a tuple and ``["kwargs"]`` a dict of
    plain data (encoded here)."""
    encoded = {"id": call["id"], "function": call["function"], "args": plaindata.encode(tuple(call["args"])),
               "kwargs": plaindata.encode(dict(call.get("kwargs", {}))), "seed": call.get("seed"),
               "isolated": bool(call.get("isolated", False)), "read": bool(call.get("read", False))}
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


# ----------------------------------------------------------------------------- grader side: response

#: bounds on a cell's outputs as the grader keeps them: count, text and base64 PNG characters
MAX_OUTPUTS = 24
MAX_OUTPUT_TEXT = 16_000
MAX_OUTPUT_PNG = 160_000
OUTPUT_KINDS = frozenset(["stdout", "stderr", "result", "note", "png"])


@dataclass
class CellReport:
    index: int
    seconds: float
    error: ErrorInfo | None
    outputs: list[tuple[str, str]] = field(default_factory=list)   # (kind, text), checked


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
    oversized: int = 0                                     # lines too long to parse
    oversized_calls: dict[str, int] = field(default_factory=dict)   # call id -> its budget


class Session:
    """Grader side: the messages of one worker, checked one line at a time as they arrive.

    ``cells`` is how many cells the header holds. :meth:`ask` records the call just sent;
    :meth:`accept` takes each line and returns True when it answered the outstanding call (then
    the next may be sent). Never raises on the worker's lines.
    """

    def __init__(self, cells: int):
        self.response = Response()
        self.cells = cells
        self.outstanding: tuple[int, str, int] | None = None   # (seq, id, budget in bytes)
        self.asked: dict[int, str] = {}

    @property
    def cells_done(self) -> bool:
        return self.response.ready and len(self.response.cells) >= self.cells

    def ask(self, seq: int, call_id: str, max_bytes: int | None) -> None:
        self.outstanding = (seq, call_id, int(max_bytes or CALL_BYTES))
        self.asked[seq] = call_id

    def budget(self) -> int:
        """The longest line parsed now: the outstanding call's budget, else :data:`LINE_BYTES`."""
        return max(LINE_BYTES, self.outstanding[2]) if self.outstanding else LINE_BYTES

    def accept(self, line: str | bytes) -> bool:
        if len(line) > self.budget():
            self.response.malformed += 1
            self.response.oversized += 1
            if self.outstanding:  # the answer to this call was too large to read: it failed
                seq, call_id, limit = self.outstanding
                self._conflict(call_id, oversized=limit)
                self.outstanding = None
                return True
            return False
        if not line.strip():
            return False
        try:
            return self._accept(json.loads(line))
        except (ProtocolError, ValueError, TypeError, KeyError, RecursionError, ArithmeticError,
                MemoryError):
            self.response.malformed += 1
            return False

    def _conflict(self, call_id: str, oversized: int = 0) -> None:
        self.response.calls.pop(call_id, None)  # two answers for one call: trust neither
        self.response.conflicting.add(call_id)
        if oversized:
            self.response.oversized_calls[call_id] = oversized

    def _accept(self, msg: Any) -> bool:
        response = self.response
        if not isinstance(msg, dict) or not isinstance(msg.get("type"), str):
            raise ProtocolError("not a message")
        kind = msg["type"]
        if kind == "ready":
            _keys(msg, {"type", "protocol"})
            if msg["protocol"] != PROTOCOL or response.ready:
                raise ProtocolError("wrong protocol, or ready twice")
            response.ready = True
        elif kind == "done":
            _keys(msg, {"type"})
            response.done = True
        elif kind == "cell":
            _keys(msg, {"type", "index", "seconds", "error"} | ({"outputs"} if "outputs" in msg else set()))
            index = _int(msg["index"])
            if not response.ready or index != len(response.cells) or index >= self.cells or self.asked:
                raise ProtocolError("a cell out of order, twice, or after the calls began")
            response.cells[index] = CellReport(index, _seconds(msg["seconds"]), _error(msg["error"]),
                                               _outputs(msg.get("outputs", [])))
        elif kind == "call":
            _keys(msg, {"type", "seq", "id", "status", "seconds", "output", "args_after", "error",
                        "removed"})
            seq, call_id = _int(msg["seq"]), _str(msg["id"], 200)
            if self.asked.get(seq) != call_id:
                raise ProtocolError("an answer to a call that was not asked")
            if self.outstanding is None or self.outstanding[0] != seq:
                self._conflict(call_id)  # a second answer, or one out of turn
                return False
            self.outstanding = None
            if call_id in response.conflicting:
                return True
            response.calls[call_id] = _call(call_id, msg)
            return True
        else:
            raise ProtocolError(f"unknown message type {kind[:40]!r}")
        return False


def parse_messages(text: str, cells: int = 1 << 30) -> Response:
    """The checked messages of a whole output (tests and tools): every ``call`` line is taken as
    the answer to the call it names, once."""
    session = Session(cells)
    for line in text.splitlines():
        try:
            msg = json.loads(line)
            if isinstance(msg, dict) and msg.get("type") == "call" and isinstance(msg.get("seq"), int) \
                    and msg["seq"] not in session.asked:
                session.ask(msg["seq"], str(msg.get("id")), CALL_BYTES * 64)
        except (ValueError, RecursionError):
            pass
        session.accept(line)
    return session.response


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
        except (plaindata.PlainDataError, TypeError, ValueError, RecursionError, ArithmeticError) as exc:
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


def _outputs(value: Any) -> list[tuple[str, str]]:
    """A cell's outputs as ``(kind, text)`` pairs; more than the bounds allow is cut, a malformed
    one fails the whole message. The grader checks each picture again before it shows it."""
    if not isinstance(value, list):
        raise ProtocolError("outputs must be a list")
    out = []
    for item in value[:MAX_OUTPUTS]:
        if not isinstance(item, dict):
            raise ProtocolError("an output must be an object")
        _keys(item, {"kind", "text"})
        if item["kind"] not in OUTPUT_KINDS:
            raise ProtocolError("unknown kind of output")
        if item["kind"] == "png":
            if isinstance(item["text"], str) and len(item["text"]) <= MAX_OUTPUT_PNG:
                out.append(("png", item["text"]))
            continue
        out.append((item["kind"], _str(item["text"], MAX_OUTPUT_TEXT)))
    return out


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
