"""The grader's side of the worker protocol (:mod:`protocol`): its messages, checked as they come.

:class:`Session` takes the worker's stdout one line at a time and keeps what follows the schema of
:mod:`protocol` in a :class:`Response`: cells in order, a call's answer only while that call is
outstanding (a second answer makes the grader trust neither), every field of the expected type and
bounded in size, values rebuilt by the strict plain-data decoder. A line longer than the budget of
what is expected next is not parsed at all. It never raises on the worker's lines.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from autograder.boundary.protocol import PROTOCOL, ProtocolError
from layerlab import plaindata
from layerlab.judge.outcome import ErrorInfo  # an exception as plain data, as the judge reads it

STATUSES = frozenset(["ok", "error", "timeout", "missing", "not_callable", "not_plain"])

#: bounds on what the grader keeps of the worker's free text (error messages, traceback lines).
MAX_TEXT = 2000
MAX_TRACEBACK_LINES = 60
#: the budget of a line that is not the answer to a call (ready, a cell, done).
LINE_BYTES = 256 * 1024
#: bounds on a cell's outputs as the grader keeps them: count, text and base64 PNG characters
MAX_OUTPUTS = 24
MAX_OUTPUT_TEXT = 16_000
MAX_OUTPUT_PNG = 160_000
OUTPUT_KINDS = frozenset(["stdout", "stderr", "result", "note", "png"])
#: the budget of a call's answer without a ``max_bytes`` of its own (a quiz answer).
CALL_BYTES = 1 << 20


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
            msg = json.loads(line)
        except (ValueError, RecursionError, MemoryError) as exc:
            self.response.malformed += 1
            return self._unreadable(exc)
        try:
            return self._accept(msg)
        except (ProtocolError, ValueError, TypeError, KeyError, RecursionError, ArithmeticError,
                MemoryError):
            self.response.malformed += 1
            return False

    def _unreadable(self, exc: BaseException) -> bool:
        """A line that is not JSON the grader can read (not JSON at all, or nested too deeply),
        while a call is outstanding, is that call's answer: the call fails at once as unreadable,
        rather than after its time limit with a wrong reason. (Only the worker writes this
        channel, so such a line comes from the code under test, and fails only its own call.)"""
        if self.outstanding is None:
            return False
        _, call_id, _ = self.outstanding
        self.outstanding = None
        if call_id not in self.response.conflicting:
            why = "nested too deeply" if isinstance(exc, RecursionError) else "not valid JSON"
            self.response.calls[call_id] = CallReport(call_id, "not_plain", 0.0,
                                                      undecodable=f"the answer could not be read ({why})")
        return True

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
