"""Recognisers of the week-2 logistic-regression checks of ``predict`` and ``model`` (the other
functions' are in :mod:`layerlab.checks.logistic_hints`, which re-exports these for the specs).

Each takes ``(args, want, got)`` (a hint) or ``(args, got)`` (a property). Shapes: w (n_x, 1),
b a number, X (n_x, m), Y_prediction (1, m); model's arguments are X_train (n_x, m_train),
Y_train (1, m_train), X_test (n_x, m_test), Y_test (1, m_test), num_iterations, learning_rate.
"""

from __future__ import annotations

import math

import numpy as np

from layerlab.checks.relations import as_float_array, close, cost_series, scalar
from layerlab.judge.catalogue import mistake


# --------------------------------------------------------------------------- predict

@mistake("predict.shape-or-probabilities", "predictions not of shape (1, m), or not 0/1 labels",
         topic="prediction")
def predict_shape_and_values(args, got):
    """Property: Y_prediction has the shape (1, m) and holds only 0 and 1."""
    m = args[2].shape[1]
    if not isinstance(got, np.ndarray):
        return None
    problems = []
    if got.shape != (1, m):
        problems.append(f"Y_prediction must have shape (1, m) = (1, {m}), got {got.shape}")
    values = np.unique(np.asarray(got, dtype=float)) if got.dtype.kind in "biuf" else None
    if values is not None and not np.isin(values, [0.0, 1.0]).all():
        problems.append("Y_prediction must hold only 0 and 1 (labels), not probabilities: "
                        "compare the probabilities with 0.5")
    return "; ".join(problems) or None


@mistake("predict.threshold-or-swapped", "A >= 0.5 instead of A > 0.5, or labels swapped",
         topic="prediction")
def predict_threshold(args, want, got):
    """With w = 0, b = 0 every label is 1 (>= 0.5); or every label is 1 − the expected one."""
    w, b = args[0], args[1]
    if not (isinstance(got, np.ndarray) and got.shape == np.shape(want)):
        return None
    g = np.asarray(got, dtype=float)
    if not np.any(w) and b == 0 and np.all(g == 1):
        return ("here w = 0 and b = 0, so every probability is exactly 0.5, which is not a cat: "
                "use A > 0.5, not A >= 0.5")
    if close(g, 1 - np.asarray(want, dtype=float)):
        return "every label is swapped: predict 1 (cat) when the probability is above 0.5, else 0"
    return None


@mistake("predict.sigmoid-skipped", "the threshold applied to z = wᵀX + b instead of A = σ(z)",
         topic="activations")
def predict_without_sigmoid(args, want, got):
    """The returned labels are (wᵀX + b > 0.5), the linear part thresholded, not the expected ones."""
    w, b, X = args[0], args[1], args[2]
    if not (isinstance(got, np.ndarray) and got.shape == np.shape(want)) or close(got, want):
        return None
    if close(np.asarray(got, dtype=float), (np.dot(np.asarray(w).T, X) + b > 0.5).astype(float)):
        return ("the labels threshold z = wᵀX + b itself: apply the sigmoid first, A = sigmoid(z), "
                "and compare the probabilities A > 0.5")
    return None


@mistake("predict.loop-stops-early", "a loop over the examples that stops early (wrong axis or bound)",
         topic="vectorisation")
def predict_loop_stops_early(args, want, got):
    """The first k < m labels are the expected ones and every later label is still 0 (the value of
    an np.zeros array a loop did not reach), while some expected later label is 1."""
    if not (isinstance(got, np.ndarray) and got.shape == np.shape(want) and got.ndim == 2):
        return None
    g, w = np.asarray(got, dtype=float)[0], np.asarray(want, dtype=float)[0]
    differs = np.flatnonzero(g != w)
    k = int(differs[0]) if differs.size else g.size
    if 0 < k < g.size and not np.any(g[k:]) and np.any(w[k:]):
        return (f"only the first {k} of the m = {g.size} labels are set, the later ones stay 0: a loop "
                f"over the examples must run over every example, range(X.shape[1]) (the columns), or "
                f"compare without a loop, (A > 0.5)")
    return None


# --------------------------------------------------------------------------- model

MODEL_KEYS = ("costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "learning_rate",
              "num_iterations")


@mistake("model.keys", "the model dict without exactly the expected keys", topic="return-values")
def model_keys(args, got):
    """Property: the returned dict has exactly the keys costs, Y_prediction_test, Y_prediction_train, w, b, learning_rate, num_iterations."""
    if isinstance(got, dict) and set(got) != set(MODEL_KEYS):
        return "the dict must have exactly the keys " + ", ".join(f'"{k}"' for k in MODEL_KEYS)
    return None


@mistake("model.records-other-arguments", "learning_rate or num_iterations stored other than given",
         topic="return-values")
def model_records_its_arguments(args, got):
    """Property: d["learning_rate"] and d["num_iterations"] are the arguments model was given."""
    num_iterations, learning_rate = args[4], args[5]
    if not isinstance(got, dict):
        return None
    problems = []
    if "learning_rate" in got and scalar(got["learning_rate"]) != learning_rate:
        problems.append(f'd["learning_rate"] must be the learning_rate model was given ({learning_rate})')
    if "num_iterations" in got and scalar(got["num_iterations"]) != num_iterations:
        problems.append(f'd["num_iterations"] must be the num_iterations model was given ({num_iterations})')
    return "; ".join(problems) or None


@mistake("model.arguments-not-passed-on", "model does not pass its arguments or data on to optimize and predict",
         topic="model-assembly")
def model_hints(args, want, got):
    """Test predictions with the training set's size, another number of costs, right first cost then another path, another first cost, or right costs but other w."""
    if not isinstance(got, dict):
        return None
    m_train, m_test = args[0].shape[1], args[2].shape[1]
    test_shape = np.shape(got.get("Y_prediction_test"))
    if m_train != m_test and test_shape == (1, m_train):
        return ("Y_prediction_test has one label per training example: predict on X_test for the "
                "test predictions and on X_train for the training ones")
    got_costs, want_costs = cost_series(got.get("costs")), cost_series(want["costs"])
    if got_costs is None:
        return None
    if got_costs.size != want_costs.size:
        return (f"{got_costs.size} costs were recorded instead of {want_costs.size}: pass "
                f"num_iterations on to optimize (otherwise it runs its default 100 iterations)")
    if got_costs.size > 1 and math.isclose(got_costs[0], want_costs[0], rel_tol=1e-6) \
            and not close(got_costs, want_costs):
        return ("the first cost is right but the later ones differ: if optimize passes its checks, "
                "model did not pass learning_rate on to optimize (it then uses its default 0.009)")
    if got_costs.size and not math.isclose(got_costs[0], want_costs[0], rel_tol=1e-6):
        return "the first cost differs: start from w and b from initialize_with_zeros(X_train.shape[0])"
    w = as_float_array(got.get("w"))
    if close(got_costs, want_costs) and w is not None and not close(w.ravel(), np.ravel(want["w"])):
        return 'the costs are right but w is not: return the learned params["w"], params["b"] from optimize'
    predictions = [as_float_array(got.get(k)) for k in ("Y_prediction_test", "Y_prediction_train")]
    if close(got_costs, want_costs) and all(p is not None and p.size and not p.any() for p in predictions) \
            and np.any(want["Y_prediction_train"]):
        return ("every prediction is 0, the labels of w = 0 and b = 0 (every probability 0.5): "
                'predict with the learned params["w"] and params["b"] that optimize returned, not '
                "with the zeros you started from")
    return None


