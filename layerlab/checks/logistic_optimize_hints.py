"""Recognisers of the week-2 logistic-regression check of ``optimize`` (re-exported by
:mod:`layerlab.checks.logistic_hints` for the specs).

Each takes ``(args, want, got)`` (a hint) or ``(args, got)`` (a property). Arguments: w (n_x, 1),
b a number, X (n_x, m), Y (1, m), num_iterations, learning_rate; optimize returns
({"w": (n_x, 1), "b": number}, {"dw": (n_x, 1), "db": number}, costs: one per 100 iterations).
They compare what moved with what should have, and the recorded costs with the expected ones.
"""

from __future__ import annotations

import math

import numpy as np

from layerlab.checks.relations import as_float_array, close, cost_series, item, scalar
from layerlab.judge.catalogue import mistake


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
    if optimize_w_with_db(args, want, got) or optimize_gradients_once(args, want, got):
        return None  # the costs' symptom has a cause named already (not a sign or a reset)
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
    expected one moved and its returned gradient is not 0: compares what moved with what should have."""
    given = {"w": args[0], "b": args[1]}
    if args[4] < 1:
        return None
    # a returned gradient of 0 would leave a rightly updated parameter in place too: not this
    frozen = [name for name, start in given.items()
              if close(item(got, 0, name), start) and not close(item(want, 0, name), start)
              and np.any(np.abs(as_float_array(item(got, 1, "d" + name))) > 1e-12)]
    if len(frozen) == 2:
        return ("w and b are never updated: they come back exactly as given; update both on every "
                "iteration (w = w − learning_rate · dw, b = b − learning_rate · db) and return the "
                "updated ones")
    moved = [name for name, start in given.items() if not close(item(got, 0, name), start)]
    if frozen == ["b"] and moved == ["w"]:
        return ("b is never updated: it comes back exactly as given while w moved; update b too on "
                "every iteration, b = b − learning_rate · db")
    if frozen == ["w"] and moved == ["b"]:
        return ("w is never updated: it comes back exactly as given while b moved; update w too on "
                "every iteration, w = w − learning_rate · dw")
    return None


@mistake("optimize.w-moved-with-db", "w updated with db (one number) instead of dw", topic="gradient-descent")
def optimize_w_with_db(args, want, got):
    """w has several entries and every one moved by the same amount from the given w, while the
    expected ones moved by different amounts: w took steps of the number db, not of the vector dw."""
    w0, w, w_want = (as_float_array(v) for v in (args[0], item(got, 0, "w"), item(want, 0, "w")))
    if w is None or w_want is None or w.shape != w0.shape or w0.size < 2 or close(w, w0):
        return None
    moved, moved_want = (w - w0).ravel(), (w_want - w0).ravel()
    if np.allclose(moved, moved[0], rtol=1e-9, atol=1e-12) and not np.allclose(moved_want, moved_want[0]):
        return ("every entry of w moved by the same amount: w was updated with db, one number; "
                "w moves with its own gradient, w = w − learning_rate · dw")
    return None


@mistake("optimize.gradients-computed-once", "propagate called once, before the loop: every step uses the first gradients",
         topic="model-assembly")
def optimize_gradients_once(args, want, got):
    """Over several iterations, the returned w and b are exactly num_iterations equal steps with the
    returned grads from the given ones (w − num_iterations · learning_rate · dw): the gradients
    were never recomputed."""
    w, b, n, rate = args[0], args[1], args[4], args[5]
    dw, db = item(got, 1, "dw"), item(got, 1, "db")
    if n < 2 or dw is None or scalar(db) is None or close(item(got, 0, "w"), item(want, 0, "w")):
        return None
    if close(item(got, 0, "w"), np.asarray(w) - n * rate * np.asarray(dw)) and close(
            item(got, 0, "b"), scalar(b) - n * rate * scalar(db)):
        return ("every step used the same gradients, those of the w and b you were given: call "
                "propagate inside the loop, so that each iteration takes the gradients (and the cost) "
                "at the current w and b")
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
