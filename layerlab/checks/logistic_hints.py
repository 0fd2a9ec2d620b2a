"""Recognisers of the week-2 logistic-regression checks of ``initialize_with_zeros``, ``propagate``
and ``optimize`` (``predict``'s and ``model``'s: :mod:`layerlab.checks.logistic_model_hints`); the
sigmoid's are shared with NumPy basics
(:mod:`layerlab.checks.sigmoid_family`), the computation graph's live in
:mod:`layerlab.checks.computation_graph`.

Each takes ``(args, want, got)`` (a hint) or ``(args, got)`` (a property), see
:mod:`layerlab.checks.runner`; they look at relations between the inputs, the expected and the
returned values (a factor of m, a flipped sign, a transpose, a constant cost curve) and contain no
solution. Shapes: w (n_x, 1), b a number, X (n_x, m), Y (1, m), dw (n_x, 1), db a number.
"""

from __future__ import annotations

import math

import numpy as np

from layerlab.checks.relations import close, item, cost_series, scalar
from layerlab.judge.catalogue import mistake



# --------------------------------------------------------------------------- initialize_with_zeros

@mistake("initialize-with-zeros.b-not-a-float", "b is an int or an array, not the float 0.0",
         topic="python-basics")
def b_is_a_float(args, got):
    """Property: b is the Python float 0.0 (not the int 0, a bool or an array)."""
    b = item(got, 1)
    if isinstance(got, tuple) and len(got) == 2:
        if isinstance(b, (bool, np.bool_)) or not isinstance(b, float):
            if isinstance(b, np.ndarray):
                kind = f"an array of shape {b.shape}"
            else:
                name = type(b).__name__
                kind = f"{'an' if name[0] in 'aeiou' else 'a'} {name}"
            return (f"b must be the Python float 0.0, got {kind}: write `b = 0.0` (with the point), "
                    f"not `b = 0` or an array; the bias is one number shared by all examples")
    return None


@mistake("initialize-with-zeros.w-not-float", "w created with an integer dtype",
         topic="python-basics")
def w_holds_floats(args, got):
    """Property: w holds floats (np.zeros gives float64 unless dtype=int is passed)."""
    w = item(got, 0)
    if isinstance(w, np.ndarray) and w.dtype.kind != "f":
        return (f"w must hold floats, its dtype is {w.dtype}: np.zeros(shape) gives float64 zeros, "
                f"don't pass dtype=int (gradient steps add fractions to w)")
    return None


@mistake("initialize-with-zeros.w-not-a-column", "w rank-1 (np.zeros(dim)) or a row",
         topic="rank-1-and-keepdims")
def w_shape(args, want, got):
    """w has the shape (dim,) or (1, dim) instead of the column (dim, 1)."""
    w, dim = item(got, 0), args[0]
    if isinstance(w, np.ndarray) and w.shape == (dim,):
        return "np.zeros(dim) is rank-1; np.zeros((dim, 1)) (note the double parentheses) is a column"
    if isinstance(w, np.ndarray) and w.shape == (1, dim) and dim > 1:
        return "w is a column, one row per feature: shape (dim, 1), not (1, dim)"
    return None


# --------------------------------------------------------------------------- propagate

def _m(args) -> int:
    return args[2].shape[1]


@mistake("propagate.cost-sign-or-scale", "the cost as a (1, 1) array, with the wrong sign, or not averaged",
         topic="cost")
def propagate_cost(args, want, got):
    """The cost is a one-entry array, or −J, m·J or −m·J (m > 1 for the factors)."""
    want_cost, got_cost = item(want, 1), item(got, 1)
    if isinstance(got_cost, np.ndarray) and got_cost.ndim > 0 and got_cost.size == 1:
        return ("the cost is a (1, 1) array (e.g. from np.dot(Y, np.log(A).T)); return one number: "
                "cost = float(np.squeeze(cost))")
    g = scalar(got_cost)
    if g is None or want_cost is None:
        return None
    if math.isclose(g, want_cost, rel_tol=1e-6):
        return None
    if math.isclose(g, -want_cost, rel_tol=1e-6):
        return ("the cost has the wrong sign: log of a probability is negative, so the cross-entropy "
                "J = −(1/m) Σ [y log a + (1 − y) log(1 − a)] needs the minus in front to be positive")
    if _m(args) > 1 and math.isclose(g, want_cost * _m(args), rel_tol=1e-6):
        return "the cost is a sum over the m examples; J is their average: divide by m"
    if _m(args) > 1 and math.isclose(g, -want_cost * _m(args), rel_tol=1e-6):
        return "the cost misses both the minus sign and the division by m"
    return None


@mistake("propagate.dw-shape-sign-or-scale", "dw transposed, with the wrong sign, or not averaged",
         topic="gradients")
def propagate_dw(args, want, got):
    """dw has the shape (1, n_x), or is −dw or m·dw of the expected one (m > 1)."""
    want_dw, got_dw = item(want, 0, "dw"), item(got, 0, "dw")
    if not isinstance(got_dw, np.ndarray) or want_dw is None:
        return None
    m = _m(args)
    if got_dw.shape == want_dw.shape[::-1] and want_dw.shape[0] > 1:
        return ("dw must have the shape of w, (n_x, 1): multiply X (n_x, m) by (A − Y)ᵀ (m, 1), "
                "in that order; (A − Y) Xᵀ gives the transpose (1, n_x)")
    if close(got_dw, want_dw):
        return None
    if close(got_dw, -want_dw):
        return "dw has the wrong sign: the derivative of the cost with respect to z is A − Y, not Y − A"
    if m > 1 and close(got_dw, want_dw * m):
        return "dw is m times too large: it is an average over the examples, (1/m) X (A − Y)ᵀ"
    return None


@mistake("propagate.db-shape-sign-or-scale", "db an array, with the wrong sign, or not averaged",
         topic="gradients")
def propagate_db(args, want, got):
    """db is an array with dimensions, or −db or m·db of the expected one (m > 1)."""
    want_db, got_db = item(want, 0, "db"), item(got, 0, "db")
    g = scalar(got_db)
    if g is None or want_db is None or want_db == 0:
        return None
    if isinstance(got_db, np.ndarray) and got_db.ndim > 0:
        return "db is one number (like b): np.sum(...) without an axis, then float(...)"
    if math.isclose(g, want_db, rel_tol=1e-6):
        return None
    if math.isclose(g, -want_db, rel_tol=1e-6):
        return "db has the wrong sign: db = (1/m) Σ (a − y), with A − Y, not Y − A"
    if _m(args) > 1 and math.isclose(g, want_db * _m(args), rel_tol=1e-6):
        return "db is m times too large: it is the mean of A − Y, (1/m) Σ (a − y)"
    return None


@mistake("propagate.grads-keys", "grads without exactly the keys dw and db", topic="return-values")
def grads_keys(args, got):
    """Property: grads has exactly the keys "dw" and "db"."""
    grads = item(got, 0)
    if isinstance(got, tuple) and isinstance(grads, dict) and set(grads) != {"dw", "db"}:
        return f'grads must have exactly the keys "dw" and "db", it has {sorted(map(str, grads))}'
    return None


@mistake("propagate.m-from-wrong-axis", "m read from X.shape[0] (the features) instead of X.shape[1]",
         topic="gradients")
def propagate_m_from_wrong_axis(args, want, got):
    """X is not square, and the returned cost and dw are the expected ones times m / n_x: they
    were divided by n_x = X.shape[0] instead of m = X.shape[1]."""
    n_x, m = args[2].shape
    cost, grads = item(got, 1), item(got, 0)
    if n_x == m or scalar(cost) is None or not isinstance(grads, dict):
        return None
    ratio = m / n_x
    if math.isclose(scalar(cost), want[1] * ratio, rel_tol=1e-6) and close(grads.get("dw"), want[0]["dw"] * ratio):
        return (f"the cost and dw are divided by X.shape[0] = {n_x} (the number of features): m is the "
                f"number of examples, the columns of X, m = X.shape[1] = {m}")
    return None


# --------------------------------------------------------------------------- optimize

def expected_recordings(num_iterations: int) -> int:
    """How many costs num_iterations iterations record (at i = 0, 100, 200, ...)."""
    return math.ceil(num_iterations / 100)


@mistake("optimize.costs-count", "not one recorded cost per 100 iterations", topic="model-assembly")
def costs_recorded_every_100(args, got):
    """Property: costs holds ceil(num_iterations / 100) entries (i = 0, 100, 200, ...)."""
    n = args[4]
    costs = item(got, 2)
    if isinstance(costs, (list, tuple)) and len(costs) != expected_recordings(n):
        return (f"costs must hold one cost per 100 iterations (at i = 0, 100, 200, ...): "
                f"{expected_recordings(n)} for num_iterations = {n}, got {len(costs)}")
    return None


@mistake("optimize.cost-history", "costs recorded every iteration, constant, from the wrong start, or growing",
         topic="gradient-descent")
def optimize_costs(args, want, got):
    """The recorded costs: one per iteration, one short, all equal, a first cost other than at the given w and b, or growing."""
    n = args[4]
    got_costs, want_costs = cost_series(item(got, 2)), cost_series(item(want, 2))
    if got_costs is None or want_costs is None:
        return None
    if got_costs.size == n and n != expected_recordings(n):
        return "you recorded the cost at every iteration; append it only when i % 100 == 0"
    if got_costs.size == n // 100 and n % 100:
        return "the range of recorded iterations is off by one: record when i % 100 == 0, starting at i = 0"
    if got_costs.size != want_costs.size or got_costs.size == 0:
        return None
    if got_costs.size > 1 and np.allclose(got_costs, got_costs[0]) and not np.allclose(want_costs, want_costs[0]):
        return ("every recorded cost is the same: w and b are never updated, or are reset inside "
                "the loop (initialise nothing in optimize; update w and b on every iteration)")
    if not math.isclose(got_costs[0], want_costs[0], rel_tol=1e-6):
        return ("the first recorded cost (iteration 0) must be the cost at the w and b you were "
                "given, before any update: start from them (no new zeros) and record the cost "
                "returned by propagate before updating")
    if got_costs.size > 1 and got_costs[-1] > got_costs[0] and want_costs[-1] < want_costs[0]:
        return ("the cost grows: gradient descent steps against the gradient, "
                "w − learning_rate · dw (minus), the same for b")
    return None


@mistake("optimize.stale-grads", "grads not those of the last update", topic="model-assembly")
def optimize_grads(args, want, got):
    """w and b match the expected ones but the returned grads do not."""
    if not (close(item(got, 0, "w"), item(want, 0, "w")) and close(item(got, 0, "b"), item(want, 0, "b"))):
        return None
    if not close(item(got, 1, "dw"), item(want, 1, "dw")):
        return ("w and b are right but grads is not: return the gradients of the last iteration, "
                "the ones propagate returned for the last update (don't recompute them afterwards)")
    return None


@mistake("optimize.updates-not-carried", "each iteration updates a copy: w and b move one step only",
         topic="model-assembly")
def optimize_one_step(args, want, got):
    """Over several iterations, the returned w and b are exactly one step from the given ones with
    the returned grads (w − learning_rate · dw): the update never reached the next iteration."""
    w, b, n, rate = args[0], args[1], args[4], args[5]
    dw, db = item(got, 1, "dw"), item(got, 1, "db")
    if n < 2 or dw is None or db is None or close(item(got, 0, "w"), item(want, 0, "w")):
        return None
    if close(item(got, 0, "w"), np.asarray(w) - rate * np.asarray(dw)) and close(
            item(got, 0, "b"), scalar(b) - rate * scalar(db)):
        return ("w and b moved only one step from the ones you were given: each iteration must "
                "update the w and b the next iteration uses (w = w − learning_rate · dw, not a new "
                "name such as w_new), so that the updates carry over")
    return None


@mistake("optimize.parameter-never-updated", "w or b never moves: its update is missing or thrown away",
         topic="gradient-descent")
def optimize_parameter_frozen(args, want, got):
    """With at least one iteration, the returned w (or b) is still exactly the one given while the
    expected one moved: compares what moved with what should have."""
    given = {"w": args[0], "b": args[1]}
    if args[4] < 1:
        return None
    frozen = [name for name, start in given.items()
              if close(item(got, 0, name), start) and not close(item(want, 0, name), start)]
    if len(frozen) == 2:
        return ("w and b are never updated: they come back exactly as given; update both on every "
                "iteration (w = w − learning_rate · dw, b = b − learning_rate · db) and return the "
                "updated ones")
    if frozen == ["b"]:
        return ("b is never updated: it comes back exactly as given while w moved; update b too on "
                "every iteration, b = b − learning_rate · db")
    if frozen == ["w"]:
        return ("w is never updated: it comes back exactly as given while b moved; update w too on "
                "every iteration, w = w − learning_rate · dw")
    return None


@mistake("optimize.b-became-an-array", "b turned into an array during training",
         topic="rank-1-and-keepdims")
def b_stays_a_number(args, got):
    """Property: params["b"] stays a single number (no array with dimensions)."""
    b = item(got, 0, "b")
    if isinstance(b, np.ndarray) and b.ndim > 0:
        return (f'params["b"] is an array of shape {b.shape}; it must stay a single number: '
                f"is db an array (np.sum with keepdims, or a (1, 1) result)?")
    return None


# predict's and model's recognisers live in their own module; the specs find them here too
from layerlab.checks.logistic_model_hints import (  # noqa: E402,F401 (re-exported)
    MODEL_KEYS, model_hints, model_keys, model_records_its_arguments, predict_shape_and_values,
    predict_loop_stops_early, predict_threshold, predict_without_sigmoid)
