"""Recognisers of week 4's step-by-step checks for the right computation fed the wrong array: a
layer of ``L_model_forward`` given X (or another layer's activations) instead of the previous
layer's output, a part of ``linear_activation_backward``'s cache given where the other belongs.

Hints take ``(args, want, got)``; error hints take ``(args, error)`` with ``error`` an
:class:`~layerlab.judge.outcome.ErrorInfo` (see :mod:`layerlab.judge.contract`). Shapes: layer l
has W{l} (n[l], n[l-1]) and output A{l} (n[l], m); X = A0 is (n[0], m); a cache is
((A_prev, W, b), Z).
"""

from __future__ import annotations

import re

import numpy as np

from layerlab.checks.relations import as_float_array, close, item
from layerlab.judge.catalogue import mistake

_DOT = re.compile(r"shapes \((\d+),(\d+)\) and \((\d+),(\d+)\) not aligned")
_MATMUL = re.compile(r"matmul: Input operand 1 has a mismatch in its core dimension 0.*\(size (\d+) is different from (\d+)\)")


def _layer_sizes(parameters: dict) -> list[int]:
    """[n[0], n[1], ..., n[L]] of a parameters dict W1, b1, ..., WL, bL."""
    L = len(parameters) // 2
    return [parameters["W1"].shape[1]] + [parameters[f"W{l}"].shape[0] for l in range(1, L + 1)]


def _input_words(layer: int, source: int, sizes: list[int], m: int) -> str:
    given = "X, the input of the network" if source == 0 else f"A{source}, the output of layer {source}"
    return (f"layer {layer} gets {given} (shape ({sizes[source]}, {m})) where it needs A{layer - 1}, "
            f"the output of the layer before it (shape ({sizes[layer - 1]}, {m})): every layer takes "
            f"as A_prev the A that the previous layer returned; A = X only before the first layer")


@mistake("forward.layer-input-skipped", "a layer given X (or another layer's output) instead of the previous layer's",
         topic="model-assembly")
def layer_input_error(args, error):
    """Error hint of L_model_forward: a matrix product of some W{l} (l >= 2) with an array of
    m columns whose rows are those of another layer's activations than A{l-1}."""
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
    sources = [k for k in range(len(sizes) - 1) if sizes[k] == rows]
    # the first layer (in the order of the forward pass) whose W fits the product is where it failed
    if columns != m or not layers or not sources or rows == sizes[layers[0] - 1]:
        return None
    source = 0 if 0 in sources else sources[0] if len(sources) == 1 else None
    return None if source is None else _input_words(layers[0], source, sizes, m)


@mistake("forward.layer-input-skipped", "a layer given X (or another layer's output) instead of the previous layer's",
         topic="model-assembly")
def layer_input_value(args, want, got):
    """Hint of L_model_forward: some layer l >= 2 has X as the A_prev of its cache, where the
    expected cache holds another array (X and A{l-1} of the same shape, so no error was raised)."""
    X, parameters = args[:2]
    caches, expected = item(got, 1), want[1]
    sizes = _layer_sizes(parameters)
    for l in range(2, len(expected) + 1):
        stored, right = as_float_array(item(caches, l - 1, 0, 0)), as_float_array(expected[l - 1][0][0])
        if stored is not None and stored.shape == X.shape and close(stored, X) and not close(right, X):
            return _input_words(l, 0, sizes, X.shape[1])
    return None


@mistake("backward.cache-part-swapped", "the linear cache where the activation cache belongs, or the other way",
         topic="computation-graph")
def cache_part_error(args, error):
    """Error hint of linear_activation_backward: a tuple reached arithmetic (relu_backward or
    sigmoid_backward got the linear cache or the whole cache), or an unpacking into three names
    failed (linear_backward got Z or the whole cache)."""
    message = error.message
    tuple_math = error.is_a("TypeError") and "'tuple'" in message
    unpacked = error.is_a("ValueError") and re.search(r"values to unpack \(expected 3", message)
    if not (tuple_math or unpacked) or not isinstance(args[1], tuple) or len(args[1]) != 2:
        return None
    return ("cache = (linear_cache, activation_cache) holds two parts, each for one step: "
            f"{args[2]}_backward(dA, activation_cache) takes the second (Z), and "
            "linear_backward(dZ, linear_cache) the first (A_prev, W, b); unpack it with "
            "`linear_cache, activation_cache = cache` and pass each part to its step")
