"""Exceptions of lookups turned into one sentence: a missing dict key (a layer's parameter, a
gradient, any other), a list or shape index past its end, a boolean mask of the wrong shape.

Registered in :data:`layerlab.judge.errors.RECOGNISERS` after the recognisers of that module, which
imports this one; each takes an :class:`~layerlab.judge.outcome.ErrorInfo` and returns a sentence
or None.
"""

from __future__ import annotations

import re

from layerlab.judge.errors import recogniser
from layerlab.judge.outcome import ErrorInfo

_LAYER_KEY = re.compile(r"[Wb]\d+")
_GRAD_KEY = re.compile(r"d[AWb]\d+")


def _key(error: ErrorInfo) -> str:
    return error.message.strip().strip("'\"")


@recogniser("error.missing-layer-key", "a loop over layers that starts or stops one off",
             "model-assembly")
def _layer_key(error: ErrorInfo) -> str | None:
    """KeyError 'W<n>' or 'b<n>'."""
    key = _key(error)
    if error.is_a("KeyError") and _LAYER_KEY.fullmatch(key):
        zero = (" ('W0' is looked up when a loop starts at 0, or when L = len(parameters) // 2 came "
                "out 0 because the loop that filled parameters created no layer)") if key in ("W0", "b0") else ""
        return (f"there is no entry {key!r}{zero}: the layers are numbered 1 to L and the dict holds "
                f"'W1', 'b1', ..., 'WL', 'bL', so L = len(parameters) // 2 (two entries per layer); "
                f"check where your loop over the layers starts and stops")
    return None


@recogniser("error.missing-grad-key", "a backward step reading a gradient not stored yet",
             "model-assembly")
def _grad_key(error: ErrorInfo) -> str | None:
    """KeyError 'dA<n>', 'dW<n>' or 'db<n>'."""
    key = _key(error)
    if error.is_a("KeyError") and key in ("dW0", "db0"):
        return (f"grads has no entry {key!r}: the layers and their gradients are numbered 1 to L, so "
                f"an index is off by one: the gradient of 'W' + str(l) is 'dW' + str(l)")
    if error.is_a("KeyError") and _GRAD_KEY.fullmatch(key):
        return (f"grads has no entry {key!r} (yet): the backward pass goes from layer L down to 1 and "
                f"stores dA{{l-1}}, dW{{l}} and db{{l}} at layer l, so layer l reads its dA{{l}} from "
                f"the entry the layer above it stored")
    return None


@recogniser("error.missing-key", "a dict key that is not there", "python-basics")
def _other_key(error: ErrorInfo) -> str | None:
    """Any other KeyError."""
    if error.is_a("KeyError"):
        return (f"a dictionary has no entry {_key(error)!r}: print its keys (`print(d.keys())`) and "
                f"compare; keys are case-sensitive and must match exactly (f'W{{l}}' gives 'W1', 'W2', ...)")
    return None


@recogniser("error.list-index", "a list index past the end (a loop bound off by one)",
             "model-assembly")
def _list_index(error: ErrorInfo) -> str | None:
    """IndexError: "list index out of range"."""
    if error.is_a("IndexError") and "list index out of range" in error.message:
        return ("a list index is past its end: a list of n items has the indices 0 to n - 1 "
                "(caches[l - 1] holds layer l's cache); check where your loop starts and stops")
    return None


@recogniser("error.rank-1-shape-index", "shape[1] of a rank-1 array", "rank-1-and-keepdims")
def _rank_1_shape_index(error: ErrorInfo) -> str | None:
    """IndexError: "tuple index out of range" (most often X.shape[1] of an array of shape (n,))."""
    if error.is_a("IndexError") and "tuple index out of range" in error.message:
        return ("a tuple index is past its end, most often .shape[1] of a rank-1 array (shape (n,) "
                "has no second entry): keep two-dimensional shapes such as (n, 1), e.g. "
                "np.zeros((n, 1)) and keepdims=True")
    return None


@recogniser("error.mask-shape", "a boolean mask of another shape than the array it indexes",
            "shapes-and-transposes")
def _mask_shape(error: ErrorInfo) -> str | None:
    """IndexError: "boolean index did not match indexed array" (such as dZ[Z <= 0] with a dZ and
    a Z of different layers)."""
    if error.is_a("IndexError") and "boolean index did not match" in error.message:
        return ("an array was indexed with a True/False mask of another shape, such as dZ[Z <= 0] "
                "with dA and Z of different layers: check that each step gets the dA and the cache "
                "of the same layer (caches[l - 1] for layer l)")
    return None


@recogniser("error.text-plus-number", "a number joined to text with + (a key such as \"W\" + l)",
             "python-basics")
def _text_plus_number(error: ErrorInfo) -> str | None:
    """TypeError: 'can only concatenate str (not "int") to str'."""
    if error.is_a("TypeError") and re.search(r'can only concatenate str \(not "(int|float|numpy\.\w+)"\)', error.message):
        return ("text and a number were joined with `+` (such as \"W\" + l): turn the number into "
                "text first, \"W\" + str(l), or write f\"W{l}\"")
    return None
