"""Exceptions turned into one sentence, from the type names and the message alone.

Each recogniser looks at an :class:`~layerlab.judge.outcome.ErrorInfo` (the exception as plain
data: the same in the student's kernel and on the grader's side of the sandbox) and returns the
sentence a student reads, or None. :func:`explain` tries them in order and returns the first
:class:`~layerlab.judge.outcome.Diagnosis`; every recogniser is registered in the catalogue, so
``results.json`` counts which exceptions students meet.

The grader computes these from the message as the worker sent it, before the message is
redacted; sentences quote at most a key or a shape, which the redaction then checks again.
"""

from __future__ import annotations

import re
from typing import Callable

from layerlab.judge.catalogue import mistake
from layerlab.judge.outcome import Diagnosis, ErrorInfo

#: how the worker describes a call stopped at its time limit.
TIME_LIMIT = ErrorInfo("TimeLimit", [], "")

#: every exception recogniser, in the order :func:`explain` tries them.
RECOGNISERS: list[Callable[[ErrorInfo], "str | None"]] = []


def recogniser(id: str, title: str, topic: str):
    """Register an exception recogniser in the catalogue and in :data:`RECOGNISERS` (in order)."""
    def register(fn):
        RECOGNISERS.append(mistake(id, title, topic)(fn))
        return fn
    return register


def explain(error: ErrorInfo | None) -> Diagnosis | None:
    """The first recognised mistake behind ``error``, or None (say nothing rather than guess)."""
    if error is None:
        return None
    for recognise in RECOGNISERS:
        try:
            sentence = recognise(error)
        except Exception:  # a recogniser must never break a check
            sentence = None
        if sentence:
            return Diagnosis(recognise.mistake_id, sentence)
    return None


#: how NumPy words a write into an array that was passed read-only.
READ_ONLY = ("assignment destination is read-only", "output array is read-only", "array is read-only",
             "cannot set WRITEABLE flag")
#: the advice for any change of a caller's input (also used for inputs found changed after a call).
IN_PLACE = ("compute new arrays (`x = x / n`, `np.copy`, `dict(params)`) instead of modifying the "
            "caller's (`x /= n`, `x[...] = `, `params[k] -= `)")


#: the identifier of every change of a caller's input, whether found after the call or raised by
#: writing into an input the grader passed read-only (one mistake, seen two ways).
CHANGED_IN_PLACE = "input.changed-in-place"
#: the catalogue's words for it: title and topic.
CHANGED_IN_PLACE_WORDS = ("the caller's array or dict modified in place", "in-place-changes")


def wrote_read_only(error: ErrorInfo | None) -> bool:
    """True when ``error`` was raised by writing into a read-only array (the grader's inputs)."""
    return error is not None and error.is_a("ValueError") and any(w in error.message for w in READ_ONLY)


@recogniser(CHANGED_IN_PLACE, *CHANGED_IN_PLACE_WORDS)
def _read_only(error: ErrorInfo) -> str | None:
    """ValueError: a write into an input the grader passed read-only."""
    return IN_PLACE if wrote_read_only(error) else None


@recogniser(CHANGED_IN_PLACE, *CHANGED_IN_PLACE_WORDS)
def _in_place_cast(error: ErrorInfo) -> str | None:
    """"Cannot cast ufunc ... same_kind": an in-place operation on an integer array."""
    if "Cannot cast ufunc" in error.message and "same_kind" in error.message:
        return ("an in-place operation such as `x /= n` on an integer array: compute a new array "
                "(`x = x / n`) instead of writing into the caller's")
    return None


@recogniser("error.math-on-array", "a math-module function, float() or int() given an array", "python-basics")
def _math_on_array(error: ErrorInfo) -> str | None:
    """TypeError: "only length-1 arrays" / "only size-1 arrays" / "0-dimensional arrays" (the same
    words for math.exp(array) and float(array))."""
    words = ("length-1 arrays", "0-dimensional arrays", "only size-1 arrays")
    if error.is_a("TypeError") and any(w in error.message for w in words):
        return ("a function that takes one number got an array: `math` works on one number at a "
                "time, use the NumPy version (`np.exp`, `np.log`, ...) for arrays; float() and "
                "int() also take one value only (a cost, or a 1 × 1 array squeezed with "
                "np.squeeze), not a whole array")
    return None


@recogniser("error.shape-not-a-tuple", "np.zeros(n, 1) instead of np.zeros((n, 1))",
             "python-basics")
def _shape_not_a_tuple(error: ErrorInfo) -> str | None:
    """TypeError: "Cannot interpret '1' as a data type" (np.zeros(n, 1))."""
    if error.is_a("TypeError") and "Cannot interpret" in error.message and "data type" in error.message:
        return ("np.zeros and np.ones take the shape as one tuple: np.zeros((n, 1)) with two pairs "
                "of parentheses; in np.zeros(n, 1) the 1 is read as the dtype")
    return None


@recogniser("error.size-not-an-int", "a tuple or float where NumPy wants whole numbers",
             "python-basics")
def _size_not_an_int(error: ErrorInfo) -> str | None:
    """TypeError: "... cannot be interpreted as an integer" (a tuple to randn, or a float size)."""
    message = error.message
    if not (error.is_a("TypeError") and "cannot be interpreted as an integer" in message):
        return None
    if "tuple" in message:
        return ("np.random.randn takes each dimension as its own argument: np.random.randn(n, 1), "
                "not np.random.randn((n, 1)) (np.zeros is the one that takes a tuple)")
    return ("a size or a loop bound got a float where a whole number belongs: `/` always gives a "
            "float (use `//` or int(...)), or arguments were passed in another order than the "
            "called function's def line takes them (positional arguments go by position: pass "
            "them in that order, or by name, num_iterations=...)")


@recogniser("error.axis-out-of-range", "an axis the array does not have", "rank-1-and-keepdims")
def _axis(error: ErrorInfo) -> str | None:
    """AxisError, or "is out of bounds for array of dimension"."""
    if "AxisError" in error.type or "is out of bounds for array of dimension" in error.message:
        return ("the array has fewer dimensions than the `axis` you used: check its shape, "
                "and the shapes the docstring promises")
    return None


_DOT_SHAPES = re.compile(r"shapes \((\d+),(\d+)\) and \((\d+),(\d+)\) not aligned")


@recogniser("error.matmul-shapes", "a matrix product of shapes that don't fit", "shapes-and-transposes")
def _matmul(error: ErrorInfo) -> str | None:
    """ValueError from np.dot or matmul; np.dot's shapes tell a swapped order from a missing .T."""
    message = error.message
    if not (error.is_a("ValueError") and ("matmul" in message or "not aligned" in message)):
        return None
    base = "the inner dimensions of a matrix product don't match: (a, b) @ (b, c) needs the same b"
    shapes = _DOT_SHAPES.search(message)
    if shapes:
        a, b, c, d = map(int, shapes.groups())
        if a == c == 1 and b == d and b > 1:
            return (f"{base}, here two row vectors ({a}, {b}) and ({c}, {d}): a sum of their products "
                    f"is np.dot(u, v.T) with the second transposed, or np.sum(u * v) element-wise")
        fits = []
        if d == a:
            fits.append("the other order of the two operands would fit: check which comes first")
        if a == c:
            fits.append("the first operand transposed would fit: is a `.T` missing there?")
        if b == d:
            fits.append("the second operand transposed would fit: is a `.T` missing there?")
        if len(fits) == 1:
            return f"{base}, here ({a}, {b}) and ({c}, {d}): {fits[0]}"
        return f"{base}, here ({a}, {b}) and ({c}, {d}): compare them with the formula"
    return f"{base}; print both shapes and compare with the formula (the order of the operands, a `.T`)"


_BROADCAST_SHAPES = re.compile(r"shapes \((\d+),(\d+)\) \((\d+),(\d+)\)")


def _fits(first: tuple, second: tuple) -> bool:
    """True when two 2-D shapes broadcast together."""
    return all(x == y or 1 in (x, y) for x, y in zip(first, second))


@recogniser("error.broadcast", "arrays of incompatible shapes combined", "broadcasting")
def _broadcast(error: ErrorInfo) -> str | None:
    """ValueError: "operands could not be broadcast together"; with two 2-D shapes, says which
    operand transposed would fit (such as a bias b of shape (n, 1) written b.T)."""
    if not (error.is_a("ValueError") and "could not be broadcast" in error.message):
        return None
    shapes = _BROADCAST_SHAPES.search(error.message)
    if shapes:
        a, b, c, d = map(int, shapes.groups())
        first, second = (a, b), (c, d)
        # a row or column whose transpose fits: most often a bias or a label row with a `.T`
        swapped = [(name, shape[::-1]) for name, shape, other in (("first", first, second), ("second", second, first))
                   if 1 in shape and _fits(shape[::-1], other)]
        if len(swapped) == 1:
            name, fits = swapped[0]
            return (f"two arrays of shapes ({a}, {b}) and ({c}, {d}) were combined: they don't "
                    f"broadcast, but the {name} one transposed, {fits}, would; is a `.T` there too many "
                    f"or missing? (a bias b of shape (n, 1) is added as it is: W @ A + b)")
        return (f"two arrays of shapes ({a}, {b}) and ({c}, {d}) were combined, and they don't "
                f"broadcast (each dimension must be equal or 1): compare each operand's shape with "
                f"the one the docstring gives")
    return ("two arrays with incompatible shapes were combined; print their `.shape`s. A "
            "reduction such as np.sum or np.linalg.norm needs `keepdims=True` to keep an (n, 1) shape")


@recogniser("error.unpack-count", "unpacking more or fewer values than returned", "python-basics")
def _unpack(error: ErrorInfo) -> str | None:
    """ValueError: "too many / not enough values to unpack"."""
    if error.is_a("ValueError") and re.search(r"(too many|not enough) values to unpack", error.message):
        return ("the names on the left of `=` don't match the number of values on the right: check "
                "what the function you call returns (e.g. `A, cache = ...`)")
    return None


@recogniser("error.unbound-local", "a local variable read before it gets a value", "python-basics")
def _unbound_local(error: ErrorInfo) -> str | None:
    """UnboundLocalError (a NameError): the variable is assigned later in the function."""
    found = re.search(r"variable '(\w+)'", error.message)
    if error.is_a("UnboundLocalError") and found:
        return (f"`{found.group(1)}` is read before it gets a value: it is assigned only later, on the "
                f"right of its own first `=` (e.g. `{found.group(1)} = {found.group(1)} + ...`) or inside a "
                f"loop or an `if` that did not run; give it a value first, before the loop")
    return None


@recogniser("error.undefined-name", "a name used before it is defined", "python-basics")
def _undefined(error: ErrorInfo) -> str | None:
    """NameError."""
    if error.is_a("NameError"):
        return ("a name is not defined: run the cells above this one (a function you call may live "
                "in an earlier cell), and check its spelling")
    return None


@recogniser("error.not-callable", "a value called like a function", "python-basics")
def _not_callable(error: ErrorInfo) -> str | None:
    """TypeError: "object is not callable"."""
    if error.is_a("TypeError") and "object is not callable" in error.message:
        return ("a value is called like a function: a variable took a function's name (e.g. "
                "`sigmoid = sigmoid(z)`), or a `*` is missing before a parenthesis")
    return None


@recogniser("error.none-used", "a None (a missing return) used as a value", "python-basics")
def _none_used(error: ErrorInfo) -> str | None:
    """TypeError mentioning NoneType."""
    if error.is_a("TypeError") and "NoneType" in error.message:
        return ("a value is None: a function you call has no `return` statement (it returns None), "
                "or a variable was never given a value")
    return None


@recogniser("error.tuple-in-arithmetic", "a returned pair used as one value", "python-basics")
def _tuple_in_arithmetic(error: ErrorInfo) -> str | None:
    """TypeError: unsupported (or bad) operand type, or a comparison not supported, with a 'tuple':
    a function returning (A, cache) used as if it returned A."""
    message = error.message
    if error.is_a("TypeError") and "'tuple'" in message and any(
            words in message for words in ("unsupported operand", "bad operand", "not supported between")):
        return ("a tuple was used in arithmetic: a function that returns several values (such as "
                "`Z, linear_cache = linear_forward(...)`) must be unpacked into names")
    return None


@recogniser("error.if-on-an-array", "`if`, `and` or `or` on a whole array", "python-basics")
def _truth_value(error: ErrorInfo) -> str | None:
    """ValueError: "The truth value of an array with more than one element is ambiguous"."""
    if error.is_a("ValueError") and "truth value of an array" in error.message:
        return ("an `if` (or `and`, `or`) was given a whole array, whose truth value is ambiguous: "
                "compute every entry at once, e.g. np.where(x > 0, a, b) or (A > 0.5)")
    return None


@recogniser("error.recursion", "a function that calls itself without end", "python-basics")
def _recursion(error: ErrorInfo) -> str | None:
    """RecursionError."""
    if error.is_a("RecursionError"):
        return ("the function calls itself over and over: does it call its own name where it meant "
                "another function (or a variable of that name)?")
    return None


@recogniser("error.too-slow", "a loop too slow for the time limit", "vectorisation")
def _too_slow(error: ErrorInfo) -> str | None:
    """The grader's time limit (only on the grader's side)."""
    if error.type == "TimeLimit":
        return ("look for a loop that never ends, or one that runs over every entry of a large "
                "array: use NumPy's vectorized operations")
    return None


# the recognisers of lookups (a key, a list index, a boolean mask) live in their own module
from layerlab.judge import lookup_errors  # noqa: E402,F401 (registers them, after the ones above)
from layerlab.judge import call_errors  # noqa: E402,F401 (registers them, after the lookups)
