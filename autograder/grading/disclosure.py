"""What a student may learn about a hidden case: what its inputs were like, never their values.

During a hidden call the student's code holds the hidden arguments, so every text it produces
then (an exception's message, its type's name, the traceback, the keys of a returned dict, a
returned string, the numbers it returns) can carry them out. The grader therefore rebuilds or
redacts all of it with what it knows on its own side:

* traceback lines are rebuilt from the grader's own copy of the cells it sent (cell number and
  line number are all it takes from the worker; the function name only if the course names it, or
  the cells define it and it has no digits), the innermost :data:`FRAMES` frames only;
* an exception's type name is kept when it is one of this Python's built-in exceptions, one of
  NumPy's, or a class the notebook's cells define (a name without digits), else replaced by its
  nearest built-in base (the worker's list of bases is checked against the real builtins too);
* text the student's code produced during the call (an exception's message, why its answer could
  not be read) keeps no number that could be a value: every word holding a digit is masked
  (``…``) unless it is a dtype (``float64``), a name the course or the case gives (``W1``), or an
  integer that reads as a shape: one of the case's dimensions, lengths or sizes, in a tuple or
  after "axis", "size", ..., outside square brackets, at most :data:`KEPT_NUMBERS` of them
  (:func:`scrub`); so shapes stay, and data dumps and values do not (digits spelled out one by one
  can carry a few at most);
* problem lines the grader writes itself keep small integers (sizes, indices, axes: no larger
  than the case's largest dimension, or an array's size) and the course's own numbers, and round
  other numbers to two significant digits (integers masked) (:func:`redact`);
* quoted text is kept only when it is a name the grader knows (an expected dict key, a name in
  the cells or the source notebook), else shown as ``'…'``;
* a returned dict's keys that the expected output does not have are renamed ``<key 1>``, ... before
  comparing (so "unexpected keys" are counted and placed, not listed);
* messages are cut short.
"""

from __future__ import annotations

import builtins
import re
from typing import Any

import numpy as np

#: exception names of NumPy's that a message may name (the built-in ones come with the bases).
NUMPY_ERRORS = frozenset(["AxisError", "LinAlgError", "UFuncTypeError", "DTypePromotionError",
                          "ComplexWarning", "TooHardError", "RankWarning"])
#: type names of values that are not plain data, which a message may name.
KNOWN_TYPES = frozenset(["set", "frozenset", "complex", "bytes", "bytearray", "range", "function",
                         "generator", "map", "filter", "zip", "object", "type", "module", "matrix",
                         "MaskedArray", "Fraction", "Decimal", "Series", "DataFrame", "Tensor",
                         "memoryview", "method", "builtin_function_or_method", "NoneType"])
#: characters kept of a hidden case's error message.
MESSAGE = 240
#: numbers kept of one text the student's code produced (shapes in an error need a few).
KEPT_NUMBERS = 4
#: frames kept of a traceback (the innermost): which functions and lines a call went through are
#: the student's choice, so each kept frame could carry a few bits.
FRAMES = 5
#: words after which an integer reads as a size ("axis 1", "size 3"), and what may follow one.
SHAPE_WORDS = frozenset(["axis", "axes", "dimension", "dim", "dims", "size", "index", "operand",
                         "ndim", "length", "len", "expected", "got", "indices"])
SHAPE_AFTER = ("-dimensional", "-d ", "d array", " dimensions", " were ", " was ", " positional",
               " is different", " elements", " (dim")

_FILE_LINE = re.compile(r'^File "<cell (\d+)>", line (\d+), in (.{1,100})$')
_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.])")
_QUOTED = re.compile(r"'([^'\n]{0,200})'|\"([^\"\n]{0,200})\"")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_WORD = re.compile(r"[\w.]+")
_SHAPE = re.compile(r"\(\s*\d+\s*(?:,\s*\d+\s*){0,2},?\s*\)")
_DTYPE = re.compile(r"(?:np|numpy|u?int|float|complex|bool|str|bytes|object|datetime|timedelta)(?:8|16|32|64|128|256)?_?")


class Context:
    """What the grader knows of one notebook's run: the cells it sent (``<cell N>`` -> source),
    and the course's own text (``trusted``: the source notebook), whose names, numbers and quoted
    words the course's hints may show verbatim (``np.random.seed(3)``, ``"relu"``, ``0.0``)."""

    def __init__(self, cells: list[dict], trusted: str = ""):
        self.sources = {c["filename"]: c["source"].splitlines() for c in cells}
        self.trusted = set(_IDENT.findall(trusted))  # the course's names (not the student's)
        self.words = self.trusted | set(_NUMBER.findall(trusted))
        for cell in cells:
            self.words.update(_IDENT.findall(cell["source"]))

    def traceback(self, lines: list[str]) -> list[str]:
        """The student's traceback, each frame rebuilt from the grader's copy of the cell; the
        innermost :data:`FRAMES` frames only."""
        frames = []
        for line in lines:
            match = _FILE_LINE.match(line)
            if not match:
                continue
            filename, number, name = f"<cell {match[1]}>", int(match[2]), match[3]
            source = self.sources.get(filename)
            if source is None or not 1 <= number <= len(source):
                continue
            if not (name in ("<module>", "<lambda>", "<listcomp>", "<dictcomp>", "<genexpr>")
                    or _IDENT.fullmatch(name) and self.vouched(name)):
                name = "?"
            frames.append([f'File "{filename}", line {number}, in {name}']
                          + (["    " + source[number - 1].strip()] if source[number - 1].strip() else []))
        return [line for frame in frames[-FRAMES:] for line in frame]

    def vouched(self, name: str) -> bool:
        """``name`` is the course's, or the notebook's without digits (a notebook can define
        ``f0`` ... ``f9`` to spell numbers with the names it shows)."""
        return name in self.trusted or name in self.words and not any(c.isdigit() for c in name)

    def type_name(self, name: str, bases: list[str]) -> str:
        """An exception's (or a returned object's) type name, if the grader can vouch that it
        carries nothing of the call's inputs."""
        if _IDENT.fullmatch(name) and (_builtin(name) or name in NUMPY_ERRORS or name in KNOWN_TYPES
                                       or self.vouched(name)):
            return name
        # the bases are the worker's word too (a class can say its module is "builtins"): only a
        # name that is an exception of this very Python's builtins is shown
        return next((b for b in bases if _builtin(b)), "Exception" if bases else "object")


def _builtin(name: str) -> bool:
    """``name`` is a built-in exception class of this Python."""
    value = getattr(builtins, name, None) if _IDENT.fullmatch(name) else None
    return isinstance(value, type) and issubclass(value, BaseException)


_GRADER_ONLY = re.compile(r"^[ \t]*### BEGIN (SOLUTION|HIDDEN TESTS).*?^[ \t]*### END \1[^\n]*\n?",
                          re.MULTILINE | re.DOTALL)


def released_text(nb) -> str:
    """The text of a source notebook as students have it (without its solution and hidden-test
    regions): what the grader may repeat verbatim."""
    return _GRADER_ONLY.sub("", "\n".join(cell.source for cell in nb.cells))


def limits_of(*values: Any) -> tuple[int, set[str]]:
    """What a message about these values may show: the largest integer (their largest dimension,
    number of dimensions or length; 0 for scalars), and the names it may quote (dict keys) together
    with the exact integers it may show besides (their dimensions, numbers of dimensions, lengths
    and sizes, as text)."""
    largest, names, stack = 0, set(), list(values)
    while stack:
        item = stack.pop()
        if isinstance(item, np.ndarray):
            largest = max([largest, item.ndim, *item.shape])
            names.update(str(n) for n in (item.size, item.ndim, *item.shape))
        elif isinstance(item, dict):
            largest = max(largest, len(item))
            names.add(str(len(item)))
            names.update(k for k in item if isinstance(k, str))
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            largest = max(largest, len(item))
            names.add(str(len(item)))
            stack.extend(item)
    return largest, names


def redact(text: str, largest: int, names: set[str], limit: int | None = None) -> str:
    """``text`` with the numbers that are not in ``names`` redacted (integers above ``largest``
    masked, other numbers rounded to two significant digits) and quoted text that is not in
    ``names`` masked; cut to ``limit``."""
    def number(match: re.Match) -> str:
        token = match.group()
        if token.lstrip("+") in names:
            return token
        try:
            value = float(token)
        except ValueError:
            return "…"
        if re.fullmatch(r"[-+]?\d+", token):
            return token if abs(value) <= largest else "…"
        return f"{value:.2g}"

    def quoted(match: re.Match) -> str:
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        return match.group() if inner in names else "'…'"

    text = _QUOTED.sub(quoted, text)
    text = _NUMBER.sub(number, text)
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    return text


def scrub(text: str, names: set[str], known: set[str] = frozenset(), limit: int | None = None,
          quotable: set[str] = frozenset()) -> str:
    """Text the student's code produced during a hidden call, without the numbers it could carry
    out: each word (letters, digits, ``_``, ``.``) holding a digit is replaced by ``…`` unless it is
    a dtype, a word of ``known`` (the course's names), or an integer that reads as a shape: one of
    ``names`` (the case's dimensions, lengths and sizes), in a shape ``(3, 4)`` (a tuple of at most
    3 integers) or after a word such as "axis", "size" or "dimension" (:data:`SHAPE_WORDS`), never
    inside square brackets (where arrays and lists print their items), and at most
    :data:`KEPT_NUMBERS` of them. Quoted
    text not in ``names``, ``known`` or ``quotable`` (e.g. the notebook's own names, for a
    NameError) is masked, and its digits as above; the result is cut to ``limit``."""
    allowed = names | known | quotable
    text = _QUOTED.sub(lambda m: m.group() if (m.group(1) if m.group(1) is not None else m.group(2))
                       in allowed else "'…'", text)
    square = kept = at = 0
    shapes = [m.span() for m in _SHAPE.finditer(text)]
    out = []
    for match in _WORD.finditer(text):
        before = text[at:match.start()]
        square = max(0, square + before.count("[") - before.count("]"))
        out.append(before)
        at = match.end()
        word = match.group()
        if not any(c.isdigit() for c in word):
            out.append(word)
        elif all(_DTYPE.fullmatch(part) or part in known for part in word.split(".") if part) \
                and not word.startswith("."):
            out.append(word)
        elif word.isdigit() and word.isascii() and str(int(word)) == word and word in names \
                and not square and kept < KEPT_NUMBERS and (
                    any(a < match.start() < b for a, b in shapes) or _shape_context(text, match)):
            kept += 1
            out.append(word)
        else:
            out.append("…")
    out.append(text[at:])
    text = "".join(out)
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    return text


def _shape_context(text: str, match: re.Match) -> bool:
    """The integer at ``match`` follows a word of :data:`SHAPE_WORDS` or is followed by one of
    :data:`SHAPE_AFTER` ("2-dimensional", "3 were given")."""
    previous = re.search(r"(\w+)[\s:=]*$", text[max(0, match.start() - 30):match.start()])
    return bool(previous and previous.group(1).lower() in SHAPE_WORDS) or \
        text.startswith(SHAPE_AFTER, match.end())


def mask_keys(expected: Any, got: Any) -> Any:
    """``got`` with the keys of its dicts that ``expected`` does not have (at the same place)
    renamed ``<key 1>``, ``<key 2>``, ...; a key that differs from an expected one only in case
    keeps that expected key's spelling in its case pattern (so "keys are case-sensitive" still
    helps). Values are kept as they are."""
    if isinstance(got, dict):
        known = expected if isinstance(expected, dict) else {}
        lowered = {k.lower(): k for k in known if isinstance(k, str)}
        out, other = {}, 0
        for key, value in got.items():
            if key in known:
                out[key] = mask_keys(known[key], value)
            elif isinstance(key, str) and key.lower() in lowered:
                out[key] = mask_keys(None, value)
            else:
                other += 1
                out[f"<key {other}>"] = mask_keys(None, value)
        return out
    if isinstance(got, (list, tuple)):
        items = expected if isinstance(expected, (list, tuple)) and len(expected) == len(got) else None
        masked = [mask_keys(items[i] if items else None, v) for i, v in enumerate(got)]
        return tuple(masked) if isinstance(got, tuple) else masked
    if isinstance(got, str) and got != expected:
        return "<a string>"
    return got


def disclose_report(report, context: Context, largest: int, names: set[str]) -> None:
    """A worker's report of a hidden call (a protocol ``CallReport``) with its free text rebuilt
    or scrubbed in place (:func:`scrub`); ``largest`` and ``names`` are :func:`limits_of` the
    function's hidden cases."""
    known = context.trusted | {n for n in names if n.isidentifier()}
    if report.error is not None:
        error = report.error
        error.type = context.type_name(error.type, error.bases)
        error.message = scrub(error.message, names, known, MESSAGE, context.words)
        error.traceback = context.traceback(error.traceback)
    # sorted: the order of the names the worker lists must not carry anything either
    report.removed = sorted({n for n in report.removed if n.isidentifier() and n in context.words})
    if report.undecodable:
        report.undecodable = scrub(report.undecodable, names, known, MESSAGE, context.words)


def disclose_outcome(outcome, case, context: Context):
    """A hidden case's outcome (score's ``CaseOutcome``) with every line redacted against what
    the case (a ``PlannedCase``) may disclose."""
    largest, names = case.limits
    names = names | context.words
    outcome.problems = [redact(p, largest, names) for p in outcome.problems]
    outcome.hints = [redact(h, largest, names) for h in outcome.hints]
    outcome.kind = redact(outcome.kind, largest, names)
    return outcome
