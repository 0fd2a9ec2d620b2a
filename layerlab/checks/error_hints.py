"""Plain words for the exceptions beginners meet most in these notebooks.

Each recogniser takes the exception and returns a sentence or None; :func:`explain_error` returns
the first sentence. They read the exception's type and message, so they also work on an exception
rebuilt from its description (the grader's worker sends only that). In the student's kernel the
exception still carries its traceback: then the recognisers of a missing dictionary entry also
look at the dictionaries of the frame that raised it (``parameters`` empty, or holding layers 1 to
k only), to name the loop that stopped early instead of the entry that is missing.
"""

from __future__ import annotations

import re
from typing import Callable

from layerlab.judge.catalogue import mistake

_SHAPES = re.compile(r"shapes \((\d+),(\d+)\) and \((\d+),(\d+)\) not aligned")


def _innermost_dicts(exc: BaseException) -> dict[str, dict]:
    """The dicts among the local variables of the frame that raised ``exc`` (empty without a
    traceback, e.g. an exception rebuilt from its description)."""
    tb = exc.__traceback__
    if tb is None:
        return {}
    while tb.tb_next is not None:
        tb = tb.tb_next
    return {name: value for name, value in tb.tb_frame.f_locals.items() if isinstance(value, dict)}


def _missing_key(exc: BaseException) -> str | None:
    if not isinstance(exc, KeyError) or not exc.args:
        return None
    return str(exc.args[0]).strip("'\"")


@mistake("errors.math-on-array", "a math-module function given an array", topic="error-messages")
def math_on_array(exc: BaseException) -> str | None:
    """TypeError: "only length-1 arrays" / "only size-1 arrays" / "0-dimensional arrays"."""
    message = str(exc)
    if isinstance(exc, TypeError) and ("length-1 arrays" in message or "0-dimensional arrays" in message
                                       or "only size-1 arrays" in message):
        return ("a function from the `math` module got an array; `math` works on one number at a "
                "time, use the NumPy version (`np.exp`, `np.log`, ...) for arrays")
    return None


@mistake("errors.shape-not-a-tuple", "np.zeros(n, m): the shape not given as one tuple",
         topic="error-messages")
def shape_not_a_tuple(exc: BaseException) -> str | None:
    """TypeError: "Cannot interpret '<number>' as a data type" (np.zeros(dim, 1) passes 1 as dtype)."""
    match = re.search(r"Cannot interpret '(\d+)' as a data type|data type '?(\d+)'? not understood", str(exc))
    if isinstance(exc, TypeError) and match:
        return ("np.zeros (and np.ones) take the shape as one tuple: np.zeros((dim, 1)), with two "
                "pairs of parentheses; np.zeros(dim, 1) passes the 1 as the data type")
    return None


@mistake("errors.randn-given-a-tuple", "np.random.randn((n, m)): sizes given as one tuple",
         topic="error-messages")
def randn_given_a_tuple(exc: BaseException) -> str | None:
    """TypeError: "'tuple' object cannot be interpreted as an integer" (randn/rand take separate sizes)."""
    if isinstance(exc, TypeError) and "'tuple' object cannot be interpreted as an integer" in str(exc):
        return ("np.random.randn and np.random.rand take the sizes as separate numbers, "
                "np.random.randn(n_h, n_x), while np.zeros takes one tuple, np.zeros((n_h, 1))")
    return None


@mistake("errors.broadcast", "arrays of incompatible shapes combined", topic="broadcasting")
def broadcast(exc: BaseException) -> str | None:
    """ValueError: "operands could not be broadcast together"."""
    if isinstance(exc, ValueError) and "could not be broadcast" in str(exc):
        return ("two arrays with incompatible shapes were combined; print their `.shape`s. A "
                "reduction such as np.sum or np.linalg.norm needs `keepdims=True` to keep an (n, 1) shape")
    return None


@mistake("errors.matrix-product-shapes", "a matrix product whose inner dimensions differ",
         topic="shapes-and-transposes")
def matrix_product_shapes(exc: BaseException) -> str | None:
    """ValueError from np.dot ("shapes (a,b) and (c,d) not aligned", read to tell a swapped order
    from a missing .T) or from matmul / @ ("mismatch in its core dimension")."""
    message = str(exc)
    if not isinstance(exc, ValueError) or not ("matmul" in message or "not aligned" in message):
        return None
    shapes = _SHAPES.search(message)
    if shapes:
        a, b, c, d = map(int, shapes.groups())
        start = (f"the inner dimensions of a matrix product don't match: np.dot of ({a}, {b}) and "
                 f"({c}, {d}), {b} vs {c}")
        if d == a and a != c and b != d:
            return (f"{start}; the other order fits, ({c}, {d}) · ({a}, {b}): are the two factors "
                    f"swapped? (W comes first, np.dot(W, A))")
        fits = [f"the first transposed, ({b}, {a})" for _ in [0] if a == c]
        fits += [f"the second transposed, ({d}, {c})" for _ in [0] if b == d]
        fits += [f"the other order, ({c}, {d}) · ({a}, {b})" for _ in [0] if d == a]
        if fits:
            return (f"{start}; check whether one operand needs `.T` or the order is swapped "
                    f"({' or '.join(fits)} would fit), and whether both are the arrays you meant "
                    f"(a loop one layer off gives arrays of another layer)")
        return (f"{start}, and neither another order nor a `.T` fits: one of the two is not the "
                f"array you meant (a loop one layer off gives arrays of another layer)")
    return ("the inner dimensions of a matrix product don't match: (a, b) @ (b, c); print both "
            "shapes, then check the order of the two factors (W comes first) and whether one needs `.T`")


@mistake("errors.name-not-defined", "a name used before its cell was run (or misspelt)",
         topic="error-messages")
def name_not_defined(exc: BaseException) -> str | None:
    """NameError."""
    if isinstance(exc, NameError):
        return ("a name is not defined: run the cells above this one (a function you call may live "
                "in an earlier cell), and check its spelling")
    return None


@mistake("errors.empty-parameters", "parameters empty: the loop that built them created no layer",
         topic="model-assembly")
def empty_parameters(exc: BaseException) -> str | None:
    """KeyError 'W0' or 'b0', raised where a local dict of parameters is empty (so L = 0)."""
    if _missing_key(exc) not in ("W0", "b0"):
        return None
    empty = [name for name, d in _innermost_dicts(exc).items() if not d and "param" in name]
    if empty:
        return (f"`{empty[0]}` is empty, so L = len({empty[0]}) // 2 = 0 and the last layer is looked "
                f"up as 'W0': the function that built {empty[0]} created no layer. Check its loop: "
                f"range(1, len(layer_dims)) visits every layer 1, ..., L (range(1, L) stops one early)")
    return None


@mistake("errors.layer-key", "a parameter looked up with a layer number outside 1..L",
         topic="model-assembly")
def layer_key(exc: BaseException) -> str | None:
    """KeyError 'W<n>' or 'b<n>' (when the dict is known and empty, errors.empty-parameters says more)."""
    key = _missing_key(exc)
    if key is None or not re.fullmatch(r"[Wb]\d+", key) or empty_parameters(exc):
        return None
    held = [sorted(map(str, d)) for d in _innermost_dicts(exc).values() if d and any(
        re.fullmatch(r"[Wb]\d+", str(k)) for k in d)]
    holds = f" (the dict holds {', '.join(held[0])})" if held else ""
    if key in ("W0", "b0") and not held:
        holds = (" ('W0' is looked up when a loop starts at 0, or when L = len(parameters) // 2 "
                 "came out 0 because parameters is empty)")
    return (f"there is no entry {key!r}{holds}: the layers are numbered 1 to L and the dict holds "
            f"'W1', 'b1', ..., 'WL', 'bL', so L = len(parameters) // 2 (two entries per layer); "
            f"check where your loop over the layers starts and stops, and the loop that filled the dict")


@mistake("errors.grads-key", "a gradient read before the layer above stored it", topic="model-assembly")
def grads_key(exc: BaseException) -> str | None:
    """KeyError 'dA<n>', 'dW<n>' or 'db<n>'."""
    key = _missing_key(exc)
    if key is None or not re.fullmatch(r"d[AWb]\d+", key):
        return None
    return (f"grads has no entry {key!r} (yet): the backward pass goes from layer L down to 1 and "
            f"stores dA{{l-1}}, dW{{l}} and db{{l}} at layer l, so layer l reads its dA{{l}} from "
            f"the entry the layer above it stored")


@mistake("errors.missing-key", "a dictionary key that is not there", topic="error-messages")
def missing_key(exc: BaseException) -> str | None:
    """Any other KeyError."""
    key = _missing_key(exc)
    if key is None or re.fullmatch(r"[Wb]\d+|d[AWb]\d+", key):
        return None
    return (f"a dictionary has no entry {key!r}: print its keys (`print(d.keys())`) and compare; "
            f"keys are case-sensitive and must match exactly (f'W{{l}}' gives 'W1', 'W2', ...)")


@mistake("errors.list-index", "a list index past the end (caches[l] vs caches[l - 1])", topic="model-assembly")
def list_index(exc: BaseException) -> str | None:
    """IndexError: "list index out of range"."""
    if isinstance(exc, IndexError) and "list index out of range" in str(exc):
        return ("a list index is past its end: a list of n items has the indices 0 to n - 1 "
                "(caches[l - 1] holds layer l's cache); check where your loop starts and stops")
    return None


@mistake("errors.rank-1-shape-index", "shape[1] of a rank-1 array", topic="rank-1-and-keepdims")
def rank_1_shape_index(exc: BaseException) -> str | None:
    """IndexError: "tuple index out of range" (most often X.shape[1] of an array of shape (n,))."""
    if isinstance(exc, IndexError) and "tuple index out of range" in str(exc):
        return ("a tuple index is past its end, most often .shape[1] of a rank-1 array (shape (n,) "
                "has no second entry): keep two-dimensional shapes such as (n, 1), e.g. "
                "np.zeros((n, 1)) and keepdims=True")
    return None


@mistake("errors.tuple-not-unpacked", "a returned pair used as one value", topic="return-values")
def tuple_not_unpacked(exc: BaseException) -> str | None:
    """TypeError: unsupported (or bad) operand type ... 'tuple' (a function returning (A, cache) used
    as if it returned A)."""
    message = str(exc)
    if isinstance(exc, TypeError) and ("unsupported operand" in message or "bad operand" in message) \
            and "'tuple'" in message:
        return ("a tuple was used in arithmetic: a function that returns several values (such as "
                "`A, cache = linear_activation_forward(...)`) must be unpacked into names")
    return None


@mistake("errors.none-returned", "a function without return used as a value", topic="return-values")
def none_returned(exc: BaseException) -> str | None:
    """TypeError mentioning 'NoneType' (subscripting or combining the None a function returned)."""
    if isinstance(exc, TypeError) and "'NoneType'" in str(exc):
        return ("None was used as a value: a function you call (maybe your own) has no `return` "
                "statement, or returns before the end")
    return None


RECOGNISERS: list[Callable[[BaseException], "str | None"]] = [
    math_on_array, shape_not_a_tuple, randn_given_a_tuple, broadcast, matrix_product_shapes,
    name_not_defined, empty_parameters, layer_key, grads_key, missing_key, list_index,
    rank_1_shape_index, tuple_not_unpacked, none_returned]


def explain_error(exc: BaseException) -> str | None:
    """The first recogniser's sentence for ``exc``, or None."""
    for recognise in RECOGNISERS:
        try:
            sentence = recognise(exc)
        except Exception:  # a recogniser must never break the check
            sentence = None
        if sentence:
            return sentence
    return None
