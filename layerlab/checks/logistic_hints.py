"""Recognisers of the week-2 logistic-regression checks of ``initialize_with_zeros`` and ``propagate``
(``optimize``'s: :mod:`layerlab.checks.logistic_optimize_hints`, ``predict``'s and ``model``'s:
:mod:`layerlab.checks.logistic_model_hints`); the
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

from layerlab.checks import cross_entropy
from layerlab.checks.relations import as_float_array, close, item, scalar
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


def recovered_activations(args, output, probabilities: bool = True) -> np.ndarray | None:
    """A (1, m) read back from the gradients of an output of propagate, m·dw = X (A − Y)ᵀ and
    m·db = Σ (A − Y), when [X; 1] (n_x + 1, m) has rank m (at most n_x + 1 examples), else None
    (also when ``probabilities`` and some a is outside (0, 1)); never from a forward pass."""
    X, Y = np.asarray(args[2], dtype=float), np.asarray(args[3], dtype=float)
    dw, db = as_float_array(item(output, 0, "dw")), scalar(item(output, 0, "db"))
    n_x, m = X.shape
    if dw is None or db is None or dw.size != n_x:
        return None
    M = np.vstack([X, np.ones((1, m))])
    if np.linalg.matrix_rank(M) < m:
        return None
    diff, *_ = np.linalg.lstsq(M, m * np.append(dw.ravel(), db), rcond=None)
    A = diff.reshape(1, m) + Y.reshape(1, m)
    if not np.allclose(M @ diff, m * np.append(dw.ravel(), db), rtol=1e-6, atol=1e-9):
        return None  # gradients no single A gives
    return A if not probabilities or np.all((A > 0) & (A < 1)) else None


@mistake("propagate.wrong-activation-input", "A computed without the bias, without the sigmoid, or as σ(−z)",
         topic="activations")
def propagate_forward_slip(args, want, got):
    """The returned gradients are those of another A: σ(z − b) (no bias), z itself (no sigmoid) or
    σ(−z), with z = logit of the expected A (both A read back from the gradients)."""
    A, Ag = recovered_activations(args, want), recovered_activations(args, got, probabilities=False)
    if A is None or Ag is None or close(Ag, A):
        return None
    z, b = np.log(A / (1 - A)), scalar(args[1])
    if b is not None and abs(b) > 1e-9 and close(Ag, 1 / (1 + np.exp(b - z))):
        return "A is computed without the bias: z = wᵀX + b, then A = sigmoid(z)"
    if close(Ag, z):
        return "A is z = wᵀX + b itself: apply the sigmoid, A = sigmoid(np.dot(w.T, X) + b)"
    if close(Ag, 1 - A):
        return "A is σ(−z) = 1 − σ(z): z = wᵀX + b goes into the sigmoid with its own sign"
    return None


def _cost_parts(args, want, got):
    """((A, Y), expected cost, returned cost) for the cross-entropy recognisers, or None."""
    A = recovered_activations(args, want)
    return None if A is None else ((A, np.asarray(args[3], dtype=float).reshape(A.shape)), item(want, 1), item(got, 1))


#: the cross-entropy recognisers of compute_cost (weeks 3 and 4), on propagate's cost
COST_TERMS = [cross_entropy.adapted(r, _cost_parts) for r in (cross_entropy.missing_term,
                                                               cross_entropy.wrong_log_term,
                                                               cross_entropy.log10,
                                                               cross_entropy.log_of_negative)]


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
    """X is not square and n_x > 1, and each of the returned cost, dw and db is either right or the expected
    one times m / n_x (at least one of them): it was divided by n_x = X.shape[0] instead of
    m = X.shape[1]."""
    n_x, m = args[2].shape
    parts = {"the cost": (item(got, 1), item(want, 1)), "dw": (item(got, 0, "dw"), item(want, 0, "dw")),
             "db": (item(got, 0, "db"), item(want, 0, "db"))}
    if n_x == m or n_x == 1 or any(g is None or w is None for g, w in parts.values()):  # n_x = 1: not divided at all
        return None
    scaled = []
    for name, (g, w) in parts.items():
        w = as_float_array(w)
        if close(g, w * m / n_x) and not close(g, w):
            scaled.append(name)
        elif not close(g, w):
            return None  # another mistake as well: not this one alone
    if not scaled:
        return None
    named = " and ".join([", ".join(scaled[:-1]), scaled[-1]] if len(scaled) > 1 else scaled)
    return (f"{named} {'is' if len(scaled) == 1 else 'are'} divided by X.shape[0] = {n_x} (the number of "
            f"features): m is the number of examples, the columns of X, m = X.shape[1] = {m}")


# optimize's, predict's and model's recognisers live in their own modules; the specs find them here too
from layerlab.checks.logistic_optimize_hints import (  # noqa: E402,F401 (re-exported)
    b_stays_a_number, costs_recorded_every_100, expected_recordings, optimize_costs, optimize_grads,
    optimize_gradients_once, optimize_one_step, optimize_parameter_frozen,
    optimize_w_with_db)
from layerlab.checks.logistic_model_hints import (  # noqa: E402,F401 (re-exported)
    MODEL_KEYS, model_hints, model_keys, model_records_its_arguments, predict_shape_and_values,
    predict_loop_stops_early, predict_threshold, predict_without_sigmoid)
