"""Recognisers of week 4's step-by-step checks for the right arrays put together wrongly: a
layer of ``L_model_forward`` given X instead of the previous layer's output, a part of
``linear_activation_backward``'s cache given where the other belongs, ``W * A`` (entry by entry)
where the matrix product belongs.

Hints take ``(args, want, got)``; error hints take ``(args, error)`` with ``error`` an
:class:`~layerlab.judge.outcome.ErrorInfo` (see :mod:`layerlab.judge.contract`). Shapes: layer l
has W{l} (n[l], n[l-1]) and output A{l} (n[l], m); X = A0 is (n[0], m); a cache is
((A_prev, W, b), Z).
"""

from __future__ import annotations

import re

import numpy as np

from layerlab.checks.parameter_keys import layers
from layerlab.checks.relations import as_float_array, close, item
from layerlab.judge.catalogue import mistake

_DOT = re.compile(r"shapes \((\d+),(\d+)\) and \((\d+),(\d+)\) not aligned")
_MATMUL = re.compile(r"matmul: Input operand 1 has a mismatch in its core dimension 0.*\(size (\d+) is different from (\d+)\)")


def _layer_sizes(parameters: dict) -> list[int]:
    """[n[0], n[1], ..., n[L]] of a parameters dict W1, b1, ..., WL, bL."""
    return [parameters["W1"].shape[1]] + [parameters[f"W{l}"].shape[0] for l in range(1, layers(parameters) + 1)]


def _input_words(layer: int, sizes: list[int], m: int, certain: bool) -> str:
    words = (f"layer {layer} gets X, the input of the network (shape ({sizes[0]}, {m})), where it "
             f"needs A{layer - 1}, the output of the layer before it (shape ({sizes[layer - 1]}, {m})): "
             f"every layer takes as A_prev the A that the previous layer returned; A = X only "
             f"before the first layer")
    if certain:
        return words
    return (words + f" (or W{layer} was used in layer 1: each layer uses the W and b of its own "
            f"number l)")


@mistake("forward.layer-input-skipped", "a layer given X instead of the output of the layer before it",
         topic="model-assembly")
def layer_input_error(args, error):
    """Error hint of L_model_forward: a matrix product of some W{l} (l >= 2) with an array of
    n[0] rows and m columns (X: no other layer has n[0] units)."""
    X, parameters = args[:2]
    sizes, m = _layer_sizes(parameters), X.shape[1]
    if not error.is_a("ValueError"):
        return None
    dot, matmul = _DOT.search(error.message), _MATMUL.search(error.message)
    if dot:
        a, b, rows, columns = map(int, dot.groups())
        layers = [l for l in range(2, len(sizes)) if (sizes[l], sizes[l - 1]) == (a, b)]
    elif matmul:
        rows, b = map(int, matmul.groups())
        columns = m
        layers = [l for l in range(2, len(sizes)) if sizes[l - 1] == b]
    else:
        return None
    # X is the only array of the forward pass with n[0] rows and m columns
    if columns != m or not layers or rows != sizes[0] or sizes[0] in sizes[1:-1]:
        return None
    # the first layer (in the order of the forward pass) whose W fits the product is where it
    # failed; the same product comes from W{l} used in layer 1, which the error cannot tell apart
    return _input_words(layers[0], sizes, m, certain=False)


def _own_output(sizes: list[int], w_shape: tuple, rows: int) -> bool:
    """True when ``w_shape`` is the shape of exactly one W{j} and ``rows`` the size of A{j} and
    of no other array the forward pass passes on (X, A1, ..., A{L-1})."""
    shapes = [(sizes[l], sizes[l - 1]) for l in range(1, len(sizes))]
    if shapes.count(w_shape) != 1 or sizes[:-1].count(rows) != 1:
        return False
    j = shapes.index(w_shape) + 1
    return rows == sizes[j] and j < len(sizes) - 1 and w_shape[1] != rows


@mistake("forward.weights-of-another-layer", "a layer computed with the W and b of the layer before",
         topic="model-assembly")
def own_output_error(args, error):
    """Error hint of L_model_forward: np.dot of the one W{j} of its shape with an array of m
    columns and the rows of A{j} alone: layer j + 1 used W{j}."""
    X, parameters = args[:2]
    sizes, m = _layer_sizes(parameters), X.shape[1]
    dot = _DOT.search(error.message) if error.is_a("ValueError") else None
    if not dot:
        return None
    a, b, rows, columns = map(int, dot.groups())
    if columns != m or not _own_output(sizes, (a, b), rows):
        return None
    j = sizes.index(rows)
    return (f"W{j} (shape ({a}, {b})) is applied to A{j}, the output of layer {j} itself: the "
            f"layer after it, {j + 1}, uses W{j + 1} and b{j + 1}; each layer uses the W and b of "
            f"its own number (the output layer those of L = len(parameters) // 2)")


@mistake("forward.layer-input-skipped", "a layer given X instead of the output of the layer before it",
         topic="model-assembly")
def layer_input_value(args, want, got):
    """Hint of L_model_forward: the cache of some layer l >= 2 holds its own W{l} and X as A_prev,
    where the expected cache holds another array (X and A{l-1} of the same shape, so no error was
    raised)."""
    X, parameters = args[:2]
    caches, expected = item(got, 1), want[1]
    sizes = _layer_sizes(parameters)
    for l in range(2, len(expected) + 1):
        stored, right = as_float_array(item(caches, l - 1, 0, 0)), as_float_array(expected[l - 1][0][0])
        W = as_float_array(item(caches, l - 1, 0, 1))  # the layer's own W: not a cache of layer 1
        if stored is not None and stored.shape == X.shape and close(stored, X) and not close(right, X) \
                and W is not None and W.shape == parameters[f"W{l}"].shape and close(W, parameters[f"W{l}"]):
            return _input_words(l, sizes, X.shape[1], certain=True)
    return None


@mistake("backward.cache-part-swapped", "the linear cache where the activation cache belongs, or the other way",
         topic="computation-graph")
def cache_part_error(args, error):
    """Error hint of linear_activation_backward: a tuple reached arithmetic (relu_backward or
    sigmoid_backward got the linear cache or the whole cache), or an unpacking into three names
    failed or gave rank-1 rows (linear_backward got Z or the whole cache)."""
    message = error.message
    tuple_math = error.is_a("TypeError") and "'tuple'" in message
    unpacked = error.is_a("ValueError") and re.search(r"values to unpack \(expected 3", message)
    if not isinstance(args[1], tuple) or len(args[1]) != 2:
        return None
    # a Z of three rows unpacks into three rank-1 rows, and A_prev.shape[1] then fails
    rows_of_z = error.is_a("IndexError") and "tuple index out of range" in message \
        and np.shape(args[1][1])[:1] == (3,)
    if not (tuple_math or unpacked or rows_of_z):
        return None
    return ("cache = (linear_cache, activation_cache) holds two parts, each for one step: "
            f"{args[2]}_backward(dA, activation_cache) takes the second (Z), and "
            "linear_backward(dZ, linear_cache) the first (A_prev, W, b); unpack it with "
            "`linear_cache, activation_cache = cache` and pass each part to its step")


_BROADCAST = re.compile(r"could not be broadcast together with shapes \((\d+),(\d+)\) \((\d+),(\d+)\)")


@mistake("forward.elementwise-product", "W * A entry by entry instead of the matrix product",
         topic="shapes-and-transposes")
def elementwise_product_error(args, error):
    """Error hint of linear_forward: arrays of the shapes of W and A (in either order) could not
    be broadcast together: they were multiplied entry by entry."""
    found = _BROADCAST.search(error.message) if error.is_a("ValueError") else None
    if not found:
        return None
    a, b, c, d = map(int, found.groups())
    A, W = args[0], args[1]
    if {(a, b), (c, d)} != {tuple(A.shape), tuple(W.shape)} or A.shape == W.shape:
        return None
    return ("W * A multiplies entry by entry, which needs arrays of one shape; the linear step is "
            "the matrix product, np.dot(W, A) (or W @ A), then + b")


@mistake("backward.activation-step-skipped", "dA passed on where dZ belongs: the activation's backward step skipped",
         topic="derivatives")
def activation_step_skipped(args, want, got):
    """Hint of linear_activation_backward: the returned db is the mean of dA over the examples
    (what it is of dZ), where the expected db is not: dA went into linear_backward as it was."""
    dA, db, expected = args[0], as_float_array(item(got, 2)), as_float_array(item(want, 2))
    mean = np.mean(dA, axis=1, keepdims=True)
    if db is None or db.shape != mean.shape or not close(db, mean) or close(expected, mean):
        return None
    return (f"dW and db are those of dA itself: compute dZ = {args[2]}_backward(dA, activation_cache) "
            f"first and pass dZ, not dA, to linear_backward(dZ, linear_cache)")
