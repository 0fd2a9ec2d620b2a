"""Recognisers of the week-3 planar classification checks of ``nn_model`` and ``predict`` (the
backward pass's and the update's are in :mod:`layerlab.checks.planar_training`, which re-exports
these for the specs).

Shapes: X (n_x, m), Y (1, m); nn_model returns the dict W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h),
b2 (n_y, 1); predict returns labels (1, m).
"""

from __future__ import annotations

import numpy as np

from layerlab.checks.planar_setup import COMMON_SEEDS
from layerlab.checks.relations import as_float_array, close, item
from layerlab.judge.catalogue import mistake


# --------------------------------------------------------------------------- nn_model

@mistake("nn-model.n-h-ignored", "nn_model ignores its n_h argument", topic="model-assembly")
def n_h_ignored(args, want, got):
    """W1 has another number of rows than the n_h argument."""
    W1 = as_float_array(item(got, "W1"))
    if W1 is not None and W1.ndim == 2 and W1.shape[0] != args[2]:
        return f"W1 has {W1.shape[0]} rows but n_h = {args[2]}: use the n_h argument for the hidden layer"
    return None


@mistake("nn-model.seed", "nn_model does not seed with 3 before initialising", topic="initialisation")
def nn_seed(args, want, got):
    """With 0 iterations the returned W1 differs from the expected initial W1 (named seed when it is
    np.random.RandomState(s).randn(...) * 0.01 for a common seed s)."""
    W1 = as_float_array(item(got, "W1"))
    if args[3] != 0 or W1 is None or W1.shape != want["W1"].shape or close(W1, want["W1"]):
        return None
    for seed in COMMON_SEEDS:
        if seed != 3 and close(W1, np.random.RandomState(seed).randn(*W1.shape) * 0.01):
            return (f"the initial parameters are what np.random.seed({seed}) gives: nn_model must call "
                    f"np.random.seed(3) as its first line")
    return ("with 0 iterations nn_model returns its initial parameters, and they differ: call "
            "np.random.seed(3) first, then initialize_parameters(n_x, n_h, n_y)")


@mistake("nn-model.updates-thrown-away", "the result of update_parameters thrown away",
         topic="model-assembly")
def updates_thrown_away(args, want, got):
    """After at least one iteration both biases are still exactly zero (their initial value) while
    the expected ones moved: no update ever reached the parameters, or every update was 0 (the
    output cannot tell the two apart, so the sentence names both)."""
    if args[3] == 0 or not isinstance(got, dict):
        return None
    biases = [as_float_array(got.get(k)) for k in ("b1", "b2")]
    if all(b is not None and b.size and not np.any(b) for b in biases) and np.any(want["b1"]):
        return ("your parameters never change (the biases are still exactly 0 after "
                f"{args[3]} iterations): either the result of update_parameters is thrown away (keep "
                "it, parameters = update_parameters(parameters, grads)), or every gradient is 0 "
                "because backward_propagation got A2 where the labels belong (pass Y, not A2: "
                "dZ2 = A2 − A2 is 0)")
    return None


@mistake("nn-model.another-path", "training takes another path (the check cannot tell which step)",
         topic="model-assembly")
def nn_another_path(args, want, got):
    """After at least one iteration W1 has the right shape but other values, and neither the n_h
    nor the thrown-away-updates recogniser applies: says it is not sure, and what to check."""
    W1 = as_float_array(item(got, "W1"))
    if args[3] == 0 or W1 is None or W1.shape != want["W1"].shape or close(W1, want["W1"]) \
            or updates_thrown_away(args, want, got):
        return None
    return ("the parameters differ after training, and the check cannot tell which step differs "
            "(if your other functions pass their checks): seed with 3 once, initialise once before "
            "the loop, and run exactly num_iterations steps, each with the parameters of the step before")


# --------------------------------------------------------------------------- predict

def _labels(want, got):
    g = as_float_array(got)
    w = want.astype(np.float64)
    if g is None or g.size != w.size:
        return None
    return g.reshape(w.shape), w


@mistake("predict.probabilities", "probabilities returned instead of 0/1 labels", topic="prediction")
def returns_probabilities(args, want, got):
    """Some returned values lie strictly between 0 and 1."""
    pair = _labels(want, got)
    if pair is not None and np.any((pair[0] > 0) & (pair[0] < 1)):
        return "predict returns labels, not probabilities: class 1 where A2 > 0.5, else 0"
    return None


@mistake("predict.flipped", "every predicted label flipped", topic="prediction")
def flipped_labels(args, want, got):
    """The returned labels are 1 − the expected ones."""
    pair = _labels(want, got)
    if pair is not None and close(pair[0], 1 - pair[1]):
        return "every prediction is flipped: class 1 is where A2 > 0.5, class 0 where A2 <= 0.5"
    return None


@mistake("predict.hidden-layer-output", "the hidden layer's A1 thresholded instead of the output A2",
         topic="prediction")
def thresholds_hidden_layer(args, want, got):
    """The labels have one row per hidden unit, (n_h, m) with n_h = W1's rows ≠ 1, where the
    output layer gives one row (1, m)."""
    g, n_h = as_float_array(got), np.shape(item(args[0], "W1"))[:1]
    if g is None or g.ndim != 2 or n_h in ((), (1,)) or g.shape != (n_h[0], np.shape(want)[-1]):
        return None
    return (f"the labels have one row per hidden unit, {g.shape}: that is the hidden layer's A1 "
            f"thresholded; predictions come from the output layer's A2 (1, m), the first thing "
            f"forward_propagation returns")


@mistake("predict.threshold-too-strict", "a stricter test than A2 > 0.5 (Z2 > 0.5, or a larger threshold)",
         topic="prediction")
def threshold_too_strict(args, want, got):
    """The returned labels are 0/1 of the right shape, every returned 1 is an expected 1, and some
    expected 1s came back 0 (never the reverse): the test is stricter than A2 > 0.5."""
    pair = _labels(want, got)
    if pair is None or not np.all(np.isin(pair[0], (0.0, 1.0))):
        return None
    g, w = pair
    if np.all(g <= w) and np.any(g < w):
        return ("some examples whose probability A2 is above 0.5 are labelled 0 (never the other way): "
                "the labels come from a stricter test than A2 > 0.5 (Z2 > 0.5, another array than A2, "
                "or a larger threshold); threshold the probability A2 at 0.5")
    return None
