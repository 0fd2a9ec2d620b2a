"""Recognisers of the week-3 planar classification check of ``forward_propagation`` (the other
set-up functions' are in :mod:`layerlab.checks.planar_setup`).

Arguments: X (n_x, m) and parameters W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1); the
expected output is A2 (n_y, m) and the cache {"Z1", "A1" (n_h, m), "Z2", "A2" (n_y, m)}. Each
recogniser compares the returned cache with the expected one (an activation applied or not, a
bias left out, another array fed to a layer) and contains no solution.
"""

from __future__ import annotations

import numpy as np

from layerlab.checks.relations import as_float_array, close, item
from layerlab.judge.catalogue import mistake


# --------------------------------------------------------------------------- forward_propagation

def _forward_parts(got):
    """(A2, cache) from what forward_propagation returned, or (None, None)."""
    if isinstance(got, (tuple, list)) and len(got) == 2 and isinstance(got[1], dict):
        return as_float_array(got[0]), got[1]
    return None, None


@mistake("forward.return-order", "cache returned before A2", topic="return-values")
def return_order(args, want, got):
    """A pair whose first item is a dict."""
    if isinstance(got, (tuple, list)) and len(got) == 2 and isinstance(got[0], dict):
        return "return A2 first and the cache second: `return A2, cache`"
    return None


def _hidden(want, got):
    """(returned A1, returned Z1, expected A1) when the returned A1 has the right shape but other
    values, else None."""
    _, cache = _forward_parts(got)
    A1, Z1 = as_float_array(item(cache, "A1")), as_float_array(item(cache, "Z1"))
    A1w = want[1]["A1"]
    if A1 is None or A1.shape != A1w.shape or close(A1, A1w):
        return None
    return A1, Z1, A1w


@mistake("forward.hidden-activation-skipped", "A1 = Z1: the hidden layer's tanh skipped",
         topic="activations")
def hidden_activation_skipped(args, want, got):
    """cache["A1"] equals cache["Z1"]."""
    hidden = _hidden(want, got)
    if hidden and hidden[1] is not None and close(hidden[0], hidden[1]):
        return "cache['A1'] equals cache['Z1']: apply the hidden layer's activation, A1 = tanh(Z1)"
    return None


@mistake("forward.sigmoid-in-hidden-layer", "the sigmoid where tanh belongs (hidden layer)",
         topic="activations")
def sigmoid_in_hidden_layer(args, want, got):
    """cache["A1"] lies strictly between 0 and 1 although the expected A1 has negative entries."""
    hidden = _hidden(want, got)
    if hidden and np.all((hidden[0] > 0) & (hidden[0] < 1)) and np.any(hidden[2] < 0):
        return ("cache['A1'] lies between 0 and 1 although some Z1 are negative: that is the sigmoid. "
                "The hidden layer uses tanh (np.tanh), the output layer the sigmoid")
    return None


@mistake("forward.relu-in-hidden-layer", "ReLU where tanh belongs (hidden layer)", topic="activations")
def relu_in_hidden_layer(args, want, got):
    """cache["A1"] is max(0, cache["Z1"]) (with some exact zeros where Z1 < 0)."""
    hidden = _hidden(want, got)
    if not hidden or hidden[1] is None or hidden[1].shape != hidden[0].shape:
        return None
    A1, Z1 = hidden[0], hidden[1]
    if np.any(Z1 < 0) and close(A1, np.maximum(Z1, 0)):
        return ("cache['A1'] is max(0, Z1), the ReLU: the hidden layer of this network uses tanh, "
                "A1 = np.tanh(Z1) (ReLU comes in week 4)")
    return None


def _output(want, got):
    """(returned A2, returned Z2 or None) when A2 has the right shape but other values, else None."""
    A2, cache = _forward_parts(got)
    if A2 is None or A2.shape != want[0].shape or close(A2, want[0]):
        return None
    Z2 = as_float_array(item(cache, "Z2"))
    return A2, Z2 if Z2 is not None and Z2.shape == A2.shape else None


@mistake("forward.output-sigmoid-skipped", "A2 = Z2: the output layer's sigmoid skipped",
         topic="activations")
def output_sigmoid_skipped(args, want, got):
    """A2 equals cache["Z2"]."""
    output = _output(want, got)
    if output and output[1] is not None and close(output[0], output[1]):
        return ("A2 equals Z2: the sigmoid was skipped. The output layer turns Z2 into a probability, "
                "A2 = sigmoid(Z2)")
    return None


@mistake("forward.tanh-in-output-layer", "tanh where the sigmoid belongs (output layer)",
         topic="activations")
def tanh_in_output_layer(args, want, got):
    """A2 is tanh(cache["Z2"])."""
    output = _output(want, got)
    if output and output[1] is not None and close(output[0], np.tanh(output[1])):
        return ("A2 is tanh(Z2), which can be negative and so is not a probability: the output layer "
                "uses the sigmoid (given in the notebook), the hidden layer tanh")
    return None


@mistake("forward.output-not-a-probability", "A2 outside [0, 1]: no sigmoid at the output",
         topic="activations")
def output_not_a_probability(args, want, got):
    """A2 has entries below 0 or above 1, and is neither Z2 nor tanh(Z2) (named by the others)."""
    output = _output(want, got)
    if not output or (output[1] is not None and (close(output[0], output[1])
                                                 or close(output[0], np.tanh(output[1])))):
        return None
    if np.any(output[0] < 0) or np.any(output[0] > 1):
        return ("A2 has values outside [0, 1], so it is not a probability: the output layer applies "
                "the sigmoid to Z2")
    return None


@mistake("forward.missing-bias", "Z = W A without the bias", topic="shapes-and-transposes")
def missing_bias(args, want, got):
    """cache["Z1"] is the expected Z1 − b1, or Z2 is the expected Z2 − b2 (with A1 right)."""
    X, parameters = args
    _, cache = _forward_parts(got)
    Z1, Z2 = as_float_array(item(cache, "Z1")), as_float_array(item(cache, "Z2"))
    Z1w, Z2w = want[1]["Z1"], want[1]["Z2"]
    if Z1 is not None and Z1.shape == Z1w.shape and close(Z1, Z1w - parameters["b1"]):
        return "Z1 is missing the bias: Z1 = W1 X + b1"
    A1 = as_float_array(item(cache, "A1"))
    if (A1 is not None and close(A1, want[1]["A1"]) and Z2 is not None and Z2.shape == Z2w.shape
            and close(Z2, Z2w - parameters["b2"])):
        return "Z2 is missing the bias: Z2 = W2 A1 + b2"
    return None


@mistake("forward.wrong-layer-input", "the output layer fed Z1 (or X) where A1 belongs",
         topic="shapes-and-transposes")
def wrong_layer_input(args, want, got):
    """The returned Z2 is the expected one plus W2 · (C − A1) for C = the expected Z1 or X (same
    shape as A1): the output layer took C as its input instead of the hidden layer's activation."""
    X, parameters = args
    _, cache = _forward_parts(got)
    Z2 = as_float_array(item(cache, "Z2"))
    Z2w, A1w = want[1]["Z2"], want[1]["A1"]
    if Z2 is None or Z2.shape != Z2w.shape or close(Z2, Z2w):
        return None
    W2 = as_float_array(parameters["W2"])
    for name, candidate in (("Z1", want[1]["Z1"]), ("X", as_float_array(X))):
        if candidate is not None and candidate.shape == A1w.shape and close(Z2, Z2w + W2 @ (candidate - A1w)):
            return (f"Z2 = W2 · {name} + b2 feeds {name} to the output layer: its input is the hidden "
                    f"layer's activation, Z2 = W2 · A1 + b2 (A1 = tanh(Z1))")
    return None
