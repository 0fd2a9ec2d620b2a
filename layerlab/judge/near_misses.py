"""Mistakes named by their outputs: the student's output is exactly that of the reference with one
small change (a near miss).

At build time each reference solution is changed in every small way a student's slip changes code
(``autograder/build/mutations.py``: an operator, two arguments, a dropped ``.T`` or ``/ m``, a
variable of the same family, a loop bound...), and each changed function runs on the cases. What
it gave on a case (its output, or the last line of the error it raised) is reduced to a
:func:`fingerprint`: numbers rounded to :data:`DIGITS` significant digits, so float noise of
another CPU does not change it. A near miss is stored *sealed*: a lookup key and the sentence
encrypted, both derived from the fingerprint (:func:`seal`). Only an output with the same
fingerprint finds and opens it, so the public file (``expected/<notebook>.near.json``) tells a
student nothing about the reference unless their own output already matches a near miss; the
grader seals its hidden cases' near misses the same way. :meth:`CaseNearMisses.named` is the
judge's side.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from layerlab.judge.catalogue import mistake
from layerlab.judge.outcome import Diagnosis, ErrorInfo

#: the kinds of change, with the title and topic of their catalogue entries
KINDS = {
    "operator": ("one operator where another belongs (+ for *, > for <...)", "python-basics"),
    "operands": ("the two sides of -, / or ** exchanged (a fraction upside down)", "python-basics"),
    "dropped-part": ("a term, factor, division or minus sign left out, or an off-by-one", "python-basics"),
    "arguments": ("the arguments of a call in the other order", "return-values"),
    "dropped-call": ("a call left out (Z for sigmoid(Z))", "activations"),
    "other-call": ("a function of the same family where another belongs (relu for sigmoid)", "activations"),
    "keyword": ("keepdims or axis left out or on the other axis", "rank-1-and-keepdims"),
    "transpose": ("a .T left out", "shapes-and-transposes"),
    "shape": ("a shape written with its sizes swapped or repeated ((n, n) for (n, 1))", "shapes-and-transposes"),
    "name": ("a variable of the same family where another belongs (A1 for A2)", "model-assembly"),
    "text": ("a key or string where another belongs (params[\"w\"] for params[\"b\"])", "return-values"),
    "number": ("a number ten times too large or too small", "gradient-descent"),
    "index": ("a loop bound or a shape index off by one", "model-assembly"),
    "unpacked": ("values unpacked or returned in another order", "return-values"),
    "returned": ("only part of the values returned", "return-values"),
    "dropped-line": ("a line left out: a result not kept, a seed not set", "model-assembly"),
    "sign": ("the opposite sign of a whole value", "gradients"),
}

#: significant digits kept by a fingerprint (float noise is far below, real slips far above)
DIGITS = 6
#: numbers smaller than this (in absolute value) count as zero in a fingerprint
ZERO = 1e-10
#: more changes than this sharing one fingerprint name none of them
MOST = 2
#: the words after a near miss's sentence
WHY = "your output is exactly what this one change of a correct solution gives"
#: the same when two changes give the student's output
WHY_EITHER = "your output is exactly what either of two changes of a correct solution gives"


def is_near_miss(text: str) -> bool:
    """Whether a diagnosis's sentence or identifier is a near miss's."""
    return text.startswith("near-miss.") or text.endswith((f"({WHY})", f"({WHY_EITHER})"))


def change_named(sentence: str) -> str:
    """A near miss's sentence without the words saying why it is named (the change alone)."""
    for why in (WHY, WHY_EITHER):
        if sentence.endswith(f" ({why})"):
            return sentence[:-len(why) - 3]
    return sentence


def kind_id(kind: str) -> str:
    """The catalogue identifier of a kind of change, e.g. ``"near-miss.operator"``."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of near miss {kind!r}; the kinds are {', '.join(KINDS)}")
    return f"near-miss.{kind}"


for _kind, (_title, _topic) in KINDS.items():
    mistake(kind_id(_kind), _title, _topic)


@dataclass(frozen=True)
class NearMiss:
    """One sealed near miss of one case: ``lookup`` (hex) and ``box`` (base64), see :func:`seal`."""

    lookup: str
    box: str


def fingerprint(output: Any = None, error: ErrorInfo | str | None = None) -> bytes:
    """What a call gave, reduced to bytes that float noise does not change: the output's structure
    (dict keys, sequence lengths, array shapes) and its numbers rounded to :data:`DIGITS`
    significant digits; or the error's last line (``"KeyError: 'W0'"``)."""
    if error is not None:
        return b"error\0" + (error if isinstance(error, str) else error.last_line()).encode()
    parts: list[bytes] = []
    _reduce(output, parts)
    return b"\0".join(parts)


def _reduce(value: Any, parts: list[bytes]) -> None:
    if isinstance(value, dict):
        parts.append(b"dict%d" % len(value))
        for key in sorted(value, key=repr):
            parts.append(repr(key).encode())
            _reduce(value[key], parts)
    elif isinstance(value, (list, tuple)):
        parts.append(b"seq%d" % len(value))
        for item in value:
            _reduce(item, parts)
    elif isinstance(value, (np.ndarray, np.generic, int, float, bool)) and not isinstance(value, str):
        array = np.asarray(value)
        if array.dtype.kind not in "biuf":
            parts.append(repr(value).encode())
            return
        parts.append(b"num" + repr(array.shape).encode())
        parts.append(_rounded(array.astype(np.float64).ravel()))
    else:
        parts.append(repr(type(value).__name__).encode() + repr(value)[:200].encode())


def _rounded(x: np.ndarray) -> bytes:
    """Each number as (exponent, DIGITS-digit mantissa); NaN and ±inf as themselves."""
    finite = np.isfinite(x)
    small = finite & (np.abs(x) < ZERO)
    safe = np.where(finite & ~small, x, 1.0)
    exponent = np.floor(np.log10(np.abs(safe)))
    mantissa = np.round(safe / 10.0 ** (exponent - (DIGITS - 1)))
    special = np.where(np.isnan(x), 7, np.where(x > 0, 8, 9))  # NaN, +inf, -inf
    mantissa = np.where(small, 0, np.where(finite, mantissa, special))
    exponent = np.where(finite & ~small, exponent, 0)
    return np.stack([exponent, mantissa]).astype(np.int64).tobytes()


def _keys(where: str, print_: bytes) -> tuple[str, bytes]:
    digest = hashlib.sha256(b"near-miss\0" + where.encode() + b"\0" + print_).digest()
    return hashlib.sha256(b"lookup\0" + digest).hexdigest()[:24], hashlib.sha256(b"key\0" + digest).digest()


def _stream(key: bytes, n: int) -> bytes:
    out = b"".join(hashlib.sha256(key + i.to_bytes(4, "big")).digest() for i in range(n // 32 + 1))
    return out[:n]


def seal(where: str, print_: bytes, changes: Sequence[tuple[str, str]]) -> list[str]:
    """The sealed near miss of the case ``where`` (e.g. ``"propagate/2"``) whose fingerprint is
    ``print_``; ``changes``: the ``(kind, sentence)`` of every change giving it (at most
    :data:`MOST`). Returns ``[lookup, box]``, plain data (see :class:`NearMiss`)."""
    lookup, key = _keys(where, print_)
    unique = dict.fromkeys((kind_id(kind), sentence) for kind, sentence in changes)
    text = json.dumps([list(pair) for pair in unique]).encode()
    box = bytes(a ^ b for a, b in zip(text, _stream(key, len(text))))
    return [lookup, base64.b64encode(box).decode()]


@dataclass(frozen=True)
class CaseNearMisses:
    """The sealed near misses of one case; ``where`` names the case (``"propagate/public/2"``),
    the same when they were sealed and when they are opened."""

    where: str
    misses: tuple[NearMiss, ...] = ()
    only: frozenset[str] | None = None  # when set: the only sentences that may be named

    def named(self, output: Any = None, error: ErrorInfo | None = None) -> list[Diagnosis]:
        """The changes whose output (or error) on this case is the student's, as diagnoses; none
        when the student's output matches none (or cannot be reduced)."""
        found = [(id, sentence) for id, sentence in self._opened(output, error) or ()
                 if self.only is None or sentence in self.only]
        why = WHY if len(found) == 1 else WHY_EITHER
        return [Diagnosis(id, f"{sentence} ({why})") for id, sentence in found]

    def _opened(self, output: Any, error: ErrorInfo | None) -> list[tuple[str, str]] | None:
        """The ``(id, sentence)`` of the changes that give ``output`` (or ``error``): ``[]``
        when too many do to name one, None when none does."""
        if not self.misses:
            return None
        try:
            lookup, key = _keys(self.where, fingerprint(output, error))
        except Exception:  # an output that cannot be reduced matches nothing
            return None
        for miss in self.misses:
            if miss.lookup == lookup:
                box = base64.b64decode(miss.box)
                return [tuple(pair) for pair in json.loads(bytes(a ^ b for a, b in zip(box, _stream(key, len(box)))))]
        return None


def gave_expected(want: Any, output: Any, error: ErrorInfo | None) -> bool:
    """Whether a call gave the expected output, as far as fingerprints tell (no error, the same
    fingerprint); False for an output that cannot be reduced."""
    try:
        return error is None and fingerprint(output) == fingerprint(want)
    except Exception:
        return False


def agreeing(cases: Sequence[tuple[CaseNearMisses | None, Any, Any, ErrorInfo | None]]
             ) -> list[CaseNearMisses | None]:
    """The near misses of each case of one function, keeping only the changes that give what
    the student's code gave on *every* case it got wrong: a change that matches one case by
    coincidence (m = 1 makes a mean a sum) but not the others is not the student's. ``cases``:
    per case ``(near misses, expected output, the student's output, the error it raised)``; a
    case with neither output nor error (it timed out, say), or whose output too many changes
    give, says nothing."""
    agreed: set[str] | None = None
    for near, want, output, error in cases:
        if near is None or (error is None and output is None):
            continue
        right = gave_expected(want, output, error)
        opened = None if right else near._opened(output, error)
        if not right and opened != []:
            found = {sentence for _, sentence in opened or ()}
            agreed = found if agreed is None else agreed & found
    keep = frozenset(agreed or ())
    return [None if near is None else dataclasses.replace(near, only=keep) for near, *_ in cases]


def case_near_misses(function: str, which: str, cases: Sequence[Sequence[Sequence[str]]]) -> list[CaseNearMisses]:
    """The near misses of each of ``function``'s ``which`` (``"public"``/``"hidden"``) cases
    from their plain form: per case, ``[lookup, box]`` pairs."""
    return [CaseNearMisses(case_name(function, which, number), tuple(NearMiss(*pair) for pair in pairs))
            for number, pairs in enumerate(cases, start=1)]


def case_name(function: str, which: str, number: int) -> str:
    """How a case is named when its near misses are sealed and opened: ``"propagate/public/2"``."""
    return f"{function}/{which}/{number}"


def file_for(expected: Path) -> Path:
    """The near-miss file beside an expected-outputs file ``<notebook>.json``."""
    return expected.with_name(expected.stem + ".near.json")


def load(path: Path) -> dict[str, list[CaseNearMisses]]:
    """``{function: [near misses of public case 1, of case 2, ...]}`` from a generated near-miss
    file; empty when there is none (a course without them still checks)."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text())
    return {function: case_near_misses(function, "public", cases) for function, cases in data["functions"].items()}
