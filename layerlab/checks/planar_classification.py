"""Public checks of the week-3 planar classification assignment
(``week3_planar_classification/planar_classification.ipynb``).

In the notebook::

    from layerlab.checks import planar_classification as checks
    checks.check_forward_propagation(forward_propagation)

Each ``check_<name>`` runs the student's function on the cases below, compares with the expected
outputs generated from the reference solution, and names the likely mistake when it recognises one.
The recognisers look at relations between the inputs, the expected and the returned values (a
ratio, a sign, a range, a linear relation); they do not contain the solutions.

The backward-propagation cases are built so that mistakes stay visible: every case has
``m = n_x + 1`` examples, so the gradients ``dW1`` and ``db1`` together determine ``dZ1`` (the
matrix ``[X; 1]`` is square and invertible) and a wrong derivative factor shows up entry by entry;
and two cases have ``m = n_h``, so a missing ``.T`` in ``dW2`` gives the right shape with the
wrong values instead of an error. Their cache is consistent (``Z1 = arctanh(A1)``, parameters
solved from the cache), so a function that recomputes the forward pass gets the same answer.
"""

from __future__ import annotations


import numpy as np

from layerlab.checks.relations import as_float_array, close, factor, item
from layerlab.checks.runner import Case, FunctionSpec, make_check

NOTEBOOK = "planar_classification"
PARAMETER_KEYS = ("W1", "b1", "W2", "b2")

#: Seeds tried when recognising a student who seeds inside a function.
_COMMON_SEEDS = tuple(range(101)) + (123, 1234, 12345, 2024, 2025, 2026)


# --------------------------------------------------------------------------- helpers

def _square_inverse(M: np.ndarray) -> np.ndarray | None:
    if M.ndim != 2 or M.shape[0] != M.shape[1]:
        return None
    try:
        return np.linalg.inv(M)
    except np.linalg.LinAlgError:
        return None


def _a(values) -> np.ndarray:
    return np.array(values, dtype=np.float64)


# --------------------------------------------------------------------------- layer_sizes

def _layer_sizes_hints(args, want, got):
    X, Y = args
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        return None
    n_x, n_h, n_y = got
    notes = []
    if n_x != X.shape[0]:
        if n_x == X.shape[1]:
            notes.append("n_x is the number of rows of X (features per example); the number of "
                         "columns is m, the number of examples")
        else:
            notes.append(f"n_x must be read from X.shape[0] (here {X.shape[0]}), not written as a "
                         f"fixed number such as {n_x}: the function must work for any data")
    if n_y != Y.shape[0]:
        if n_y == Y.shape[1]:
            notes.append("n_y is the number of rows of Y; its number of columns is m")
        else:
            notes.append(f"n_y must be read from Y.shape[0] (here {Y.shape[0]}), not fixed at {n_y}")
    if n_h != 4:
        notes.append("the hidden layer has n_h = 4 units in this exercise")
    return "; ".join(notes) or None


def _returns_a_tuple(args, got):
    if isinstance(got, list):
        return "layer_sizes must return a tuple (n_x, n_h, n_y), not a list: `return (a, b, c)`"
    return None


# --------------------------------------------------------------------------- initialize_parameters

def _seeded_inside(args, want, got):
    n_x, n_h, n_y = args
    W1 = as_float_array(item(got, "W1"))
    if W1 is None or W1.shape != (n_h, n_x) or close(W1, item(want, "W1")):
        return None
    for seed in _COMMON_SEEDS:
        if close(W1, np.random.RandomState(seed).randn(n_h, n_x) * 0.01):
            return (f"your W1 is exactly what np.random.seed({seed}) gives: do not call np.random.seed "
                    f"inside initialize_parameters. The caller seeds (this check seeds before each "
                    f"call with another number; nn_model seeds with 3), and your function must draw "
                    f"from wherever the generator stands")
    return None


def _drawing_order(args, want, got):
    W1, W2 = as_float_array(item(got, "W1")), as_float_array(item(got, "W2"))
    W1w, W2w = as_float_array(item(want, "W1")), as_float_array(item(want, "W2"))
    if W1 is None or W2 is None or W2.shape != W2w.shape or close(W2, W2w):
        return None
    stream = np.concatenate([W1w.ravel(), W2w.ravel()])  # the draws, in the expected order
    if close(W2.ravel(), stream[:W2.size]):
        return "W2 was drawn before W1: draw W1 first, then W2, so that everyone gets the same numbers"
    return None


def _weight_scale(args, want, got):
    W1, W1w = as_float_array(item(got, "W1")), as_float_array(item(want, "W1"))
    if W1 is None or W1w is None or W1.shape != W1w.shape:
        return None
    if not np.any(W1):
        return ("W1 is all zeros: then every hidden unit computes the same thing and gets the same "
                "update forever (symmetry); draw random weights with np.random.randn")
    c = factor(W1, W1w)
    if c is not None and np.isclose(c, 100):
        return "the weights are 100 times too large: multiply the random numbers by 0.01"
    if np.all(W1 >= 0) and np.any(W1w < 0):
        return ("all your weights are positive: np.random.rand draws uniformly from [0, 1); use "
                "np.random.randn (standard normal, both signs)")
    return None


def _random_biases(args, want, got):
    for key in ("b1", "b2"):
        b = as_float_array(item(got, key))
        if b is not None and b.size and np.any(b):
            return "the biases start at zero (np.zeros with shape (n, 1)); only the weights are random"
    return None


# --------------------------------------------------------------------------- forward_propagation

def _forward_parts(got):
    """(A2, cache) from what forward_propagation returned, or (None, None)."""
    if isinstance(got, (tuple, list)) and len(got) == 2 and isinstance(got[1], dict):
        return as_float_array(got[0]), got[1]
    return None, None


def _return_order(args, want, got):
    if isinstance(got, (tuple, list)) and len(got) == 2 and isinstance(got[0], dict):
        return "return A2 first and the cache second: `return A2, cache`"
    return None


def _hidden_activation(args, want, got):
    _, cache = _forward_parts(got)
    A1, Z1 = as_float_array(item(cache, "A1")), as_float_array(item(cache, "Z1"))
    A1w = want[1]["A1"]
    if A1 is None or A1.shape != A1w.shape or close(A1, A1w):
        return None
    if Z1 is not None and close(A1, Z1):
        return "cache['A1'] equals cache['Z1']: apply the hidden layer's activation, A1 = tanh(Z1)"
    if np.all((A1 > 0) & (A1 < 1)) and np.any(A1w < 0):
        return ("cache['A1'] lies between 0 and 1 although some Z1 are negative: that is the sigmoid. "
                "The hidden layer uses tanh (np.tanh), the output layer the sigmoid")
    return None


def _output_activation(args, want, got):
    A2, cache = _forward_parts(got)
    if A2 is None or A2.shape != want[0].shape or close(A2, want[0]):
        return None
    Z2 = as_float_array(item(cache, "Z2"))
    if np.any(A2 < 0) or (Z2 is not None and Z2.shape == A2.shape and close(A2, np.tanh(Z2))):
        return ("A2 is tanh(Z2), which can be negative and so is not a probability: the output layer "
                "uses the sigmoid (given in the notebook), the hidden layer tanh")
    if np.any(A2 > 1):
        return "A2 has values above 1, so it is not a probability: apply the sigmoid to Z2"
    return None


def _missing_bias(args, want, got):
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


# --------------------------------------------------------------------------- compute_cost

def _cost_hints(args, want, got):
    A2, Y = args
    m = Y.shape[1]
    g = as_float_array(got)
    if g is None or g.size != 1:
        return None
    g, w = float(g.reshape(())), float(want)
    if np.isclose(g, -w, rtol=1e-6):
        return ("the cost came out negative: the logarithm of a probability is negative, so the "
                "cross-entropy has a minus sign in front, J = −(1/m) Σ (...)")
    if np.isclose(g, m * w, rtol=1e-6):
        return f"this is the sum over the m = {m} examples: the cost is their average, divide by m"
    if np.isclose(g, -m * w, rtol=1e-6):
        return f"both the minus sign in front and the division by m = {m} are missing"
    if np.isclose(g, w / m, rtol=1e-6):
        return f"divided by m = {m} twice? np.mean already divides by m"
    return None


def _python_float(args, got):
    if isinstance(got, np.ndarray):
        if got.ndim == 0:
            return "compute_cost must return a Python float, not a 0-d NumPy array: return float(cost)"
        return None  # arrays of other shapes are explained by the value comparison
    if isinstance(got, (int, np.number)) and not isinstance(got, (bool, float)):
        return (f"compute_cost must return a Python float, got {type(got).__name__}: "
                f"return float(cost)")
    return None


# --------------------------------------------------------------------------- backward_propagation

def _backward_case(seed: int, n_x: int, n_h: int, m: int, labels) -> tuple:
    """(parameters, cache, X, Y) with a consistent cache, built without a forward pass.

    The activations are drawn; Z = arctanh(A1), logit(A2); and the parameters are solved from
    Z1 = W1 X + b1 and Z2 = W2 A1 + b2, which have exact solutions because m <= n_x + 1 and
    m <= n_h + 1.
    """
    rs = np.random.RandomState(seed)
    X = rs.randn(n_x, m)
    A1 = rs.uniform(-0.9, 0.9, size=(n_h, m))
    A2 = rs.uniform(0.1, 0.9, size=(1, m))
    Z1, Z2 = np.arctanh(A1), np.log(A2 / (1 - A2))
    augmented_X = np.vstack([X, np.ones((1, m))])        # (n_x + 1, m)
    augmented_A1 = np.vstack([A1, np.ones((1, m))])      # (n_h + 1, m)
    first = np.linalg.lstsq(augmented_X.T, Z1.T, rcond=None)[0].T     # (n_h, n_x + 1)
    second = np.linalg.lstsq(augmented_A1.T, Z2.T, rcond=None)[0].T   # (1, n_h + 1)
    parameters = {"W1": first[:, :n_x], "b1": first[:, n_x:], "W2": second[:, :n_h], "b2": second[:, n_h:]}
    return parameters, dict(Z1=Z1, A1=A1, Z2=Z2, A2=A2), X, _a([labels])


def _recovered_dZ1(grads, X) -> np.ndarray | None:
    """dZ1 (n_h, m) such that dW1 = dZ1 Xᵀ / m and db1 = Σ dZ1 / m, when the cases make it unique."""
    dW1, db1 = as_float_array(item(grads, "dW1")), as_float_array(item(grads, "db1"))
    n_x, m = X.shape
    if dW1 is None or db1 is None or dW1.ndim != 2 or dW1.shape[1] != n_x or db1.size != dW1.shape[0]:
        return None
    inverse = _square_inverse(np.vstack([X, np.ones((1, m))]).T)   # (m, n_x + 1) when m = n_x + 1
    if inverse is None:
        return None
    return m * np.hstack([dW1, db1.reshape(-1, 1)]) @ inverse


def _hidden_derivative(args, want, got):
    parameters, cache, X, Y = args
    dZ1, dZ1w = _recovered_dZ1(got, X), _recovered_dZ1(want, X)
    if dZ1 is None or dZ1.shape != dZ1w.shape or close(dZ1, dZ1w):
        return None
    A1, Z1 = cache["A1"], cache["Z1"]
    slope = 1 - A1 ** 2          # what the expected dZ1 was multiplied by
    relations = [
        (dZ1w / (1 + A1), "tanh's derivative is 1 − tanh²(Z1) = 1 − A1**2, not 1 − A1"),
        (dZ1w * A1 / (1 + A1), "A1 * (1 − A1) is the sigmoid's derivative; the hidden layer is tanh, "
                               "whose derivative is 1 − A1**2"),
        (dZ1w * (1 - Z1 ** 2) / slope, "the derivative must use A1, not Z1: 1 − A1**2 (with A1 = tanh(Z1))"),
        (dZ1w / slope, "dZ1 is missing the factor g'(Z1) = 1 − A1**2 (element-wise `*`)"),
    ]
    for candidate, message in relations:
        if factor(dZ1, candidate) is not None:
            return message
    return None


def _dW2_hints(args, want, got):
    parameters, cache, X, Y = args
    dW2, dW2w = as_float_array(item(got, "dW2")), as_float_array(item(want, "dW2"))
    if dW2 is None or dW2w is None or dW2.shape != dW2w.shape or close(dW2, dW2w):
        return None
    A1, Z1 = cache["A1"], cache["Z1"]
    inv_A1T, inv_A1, inv_Z1T = _square_inverse(A1.T), _square_inverse(A1), _square_inverse(Z1.T)
    if inv_A1T is None:
        return None
    per_example = dW2w @ inv_A1T    # the expected dZ2 / m
    if inv_A1 is not None and factor(dW2 @ inv_A1, per_example) is not None:
        return ("dW2 = (1/m) dZ2 A1ᵀ needs A1 transposed: np.dot(dZ2, A1.T). Without .T the shapes "
                "only fit because n_h = m in this case")
    if inv_Z1T is not None and factor(dW2 @ inv_Z1T, per_example) is not None:
        return "dW2 uses the hidden layer's output A1 (cache['A1']), not Z1"
    return None


def _dZ2_from_Z2(args, want, got):
    parameters, cache, X, Y = args
    db2, db2w = as_float_array(item(got, "db2")), as_float_array(item(want, "db2"))
    if db2 is None or db2.size != 1 or close(db2.reshape(-1), db2w.reshape(-1)):
        return None
    if np.isclose(float(db2.reshape(())) - float(db2w.reshape(())), float(np.mean(cache["Z2"] - cache["A2"])),
                  rtol=1e-6, atol=1e-12):
        return "dZ2 = A2 − Y uses the output A2 = σ(Z2) (cache['A2']), not Z2"
    return None


def _backward_scale_and_sign(args, want, got):
    parameters, cache, X, Y = args
    m = X.shape[1]
    if not isinstance(got, dict):
        return None
    factors = {k: factor(got.get(k), want[k]) for k in want if k in got}
    too_large = [k for k, c in factors.items() if c is not None and np.isclose(c, m)]
    if too_large:
        return (f"{', '.join(too_large)} {'is' if len(too_large) == 1 else 'are'} m = {m} times too "
                f"large: every gradient is an average over the m examples, so divide by m")
    flipped = [k for k, c in factors.items() if c is not None and np.isclose(c, -1)]
    if len(flipped) == len(want):
        return "every gradient has the wrong sign: dZ2 = A2 − Y (prediction minus label), not Y − A2"
    return None


def _bias_shapes(args, want, got):
    for key in ("db1", "db2"):
        value = item(got, key)
        expected = want[key].shape
        if isinstance(value, (float, int, np.number)) or (isinstance(value, np.ndarray) and value.shape != expected
                                                           and value.size == int(np.prod(expected))):
            return (f"{key} must keep its column shape {expected}: sum over the examples with "
                    f"np.sum(..., axis=1, keepdims=True), then divide by m")
    return None


# --------------------------------------------------------------------------- update_parameters

def _update_case(seed: int, n_x: int, n_h: int, n_y: int, *learning_rate) -> tuple:
    rs = np.random.RandomState(seed)
    shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    parameters = {k: rs.randn(*s) for k, s in shapes.items()}
    grads = {"d" + k: rs.randn(*s) * 0.1 for k, s in shapes.items()}
    return (parameters, grads) + tuple(learning_rate)


def _update_hints(args, want, got):
    parameters, grads = args[0], args[1]
    learning_rate = args[2] if len(args) > 2 else 1.2
    if not isinstance(got, dict):
        return None
    factors = []
    for k in PARAMETER_KEYS:
        if k in got and k in want:
            factors.append(factor(as_float_array(got[k]) - parameters[k], want[k] - parameters[k]))
    if not factors or any(c is None for c in factors) or not np.allclose(factors, factors[0]):
        return None
    c = factors[0]
    if np.isclose(c, -1):
        return ("you added the gradients: gradient descent moves against them, "
                "θ = θ − learning_rate · dθ (adding climbs the cost)")
    if not np.isclose(c, 1):
        used = abs(c) * learning_rate
        return (f"every step is {abs(c):.4g} times the expected one (as if the learning rate were "
                f"{used:.4g}, not {learning_rate:g}): use the learning_rate argument, don't write a "
                f"fixed number")
    return None


# --------------------------------------------------------------------------- nn_model

def _nn_case(seed: int, n_x: int, m: int, n_h: int, num_iterations: int) -> tuple:
    rs = np.random.RandomState(seed)
    X = rs.randn(n_x, m)
    Y = (np.arange(m) % 2).reshape(1, m).astype(np.float64)
    np.random.seed(0)  # nn_model must reseed with 3 itself
    return X, Y, n_h, num_iterations


def _nn_hints(args, want, got):
    X, Y, n_h, num_iterations = args
    W1 = as_float_array(item(got, "W1"))
    if W1 is None or W1.ndim != 2:
        return None
    if W1.shape[0] != n_h:
        return f"W1 has {W1.shape[0]} rows but n_h = {n_h}: use the n_h argument for the hidden layer"
    if num_iterations == 0 and W1.shape == want["W1"].shape and not close(W1, want["W1"]):
        for seed in _COMMON_SEEDS:
            if seed != 3 and close(W1, np.random.RandomState(seed).randn(*W1.shape) * 0.01):
                return (f"the initial parameters are what np.random.seed({seed}) gives: nn_model must call "
                        f"np.random.seed(3) as its first line")
        return ("with 0 iterations nn_model returns its initial parameters, and they differ: call "
                "np.random.seed(3) first, then initialize_parameters(n_x, n_h, n_y)")
    return ("if your other functions pass their checks: seed with 3 first, take n_x and n_y from "
            "layer_sizes, update with the default learning rate 1.2, and run exactly "
            "num_iterations steps, each with the parameters of the step before")


# --------------------------------------------------------------------------- predict

def _predict_case(seed: int, n_x: int, n_h: int, m: int) -> tuple:
    rs = np.random.RandomState(seed)
    parameters = {"W1": rs.randn(n_h, n_x), "b1": rs.randn(n_h, 1), "W2": rs.randn(1, n_h) * 2,
                  "b2": rs.randn(1, 1) * 0.5}
    return parameters, rs.randn(n_x, m)


def _predict_hints(args, want, got):
    g = as_float_array(got)
    w = want.astype(np.float64)
    if g is None or g.size != w.size:
        return None
    g = g.reshape(w.shape)
    if np.any((g > 0) & (g < 1)):
        return "predict returns labels, not probabilities: class 1 where A2 > 0.5, else 0"
    if close(g, 1 - w):
        return "every prediction is flipped: class 1 is where A2 > 0.5, class 0 where A2 <= 0.5"
    return None


# --------------------------------------------------------------------------- the cases

def _rs(seed: int) -> np.random.RandomState:
    return np.random.RandomState(seed)


def _seeded(seed: int, *args):
    np.random.seed(seed)
    return args


def _forward_case(seed: int, n_x: int, n_h: int, m: int) -> tuple:
    rs = _rs(seed)
    X = rs.randn(n_x, m)
    parameters = {"W1": rs.randn(n_h, n_x), "b1": rs.randn(n_h, 1), "W2": rs.randn(1, n_h),
                  "b2": rs.randn(1, 1)}
    return X, parameters


SPECS = {
    "layer_sizes": FunctionSpec("layer_sizes", [
        Case("X of shape (5, 3), Y of shape (2, 3)", lambda: (_rs(1).randn(5, 3), _a([[1, 0, 1], [0, 1, 1]]))),
        Case("X of shape (2, 7), Y of shape (1, 7)", lambda: (_rs(2).randn(2, 7), _a([[0, 1, 1, 0, 1, 0, 0]]))),
        Case("X of shape (3, 2), Y of shape (1, 2)", lambda: (_rs(3).randn(3, 2), _a([[1, 0]]))),
    ], hints=[_layer_sizes_hints], properties=[_returns_a_tuple]),
    "initialize_parameters": FunctionSpec("initialize_parameters", [
        Case("n_x = 2, n_h = 4, n_y = 1, called right after np.random.seed(2)", lambda: _seeded(2, 2, 4, 1)),
        Case("n_x = 3, n_h = 5, n_y = 2, called right after np.random.seed(7)", lambda: _seeded(7, 3, 5, 2)),
        Case("n_x = 4, n_h = 1, n_y = 1, called right after np.random.seed(11)", lambda: _seeded(11, 4, 1, 1)),
    ], hints=[_seeded_inside, _drawing_order, _weight_scale, _random_biases]),
    "forward_propagation": FunctionSpec("forward_propagation", [
        Case("X of shape (2, 3), n_h = 4, unit-sized random parameters", lambda: _forward_case(1, 2, 4, 3)),
        Case("X of shape (3, 5), n_h = 4, unit-sized random parameters", lambda: _forward_case(2, 3, 4, 5)),
        Case("X of shape (2, 4), n_h = 3, unit-sized random parameters", lambda: _forward_case(3, 2, 3, 4)),
    ], hints=[_return_order, _hidden_activation, _output_activation, _missing_bias]),
    "compute_cost": FunctionSpec("compute_cost", [
        Case("A2 = np.array([[0.8, 0.3, 0.6]]), Y = np.array([[1, 0, 1]])",
             lambda: (_a([[0.8, 0.3, 0.6]]), np.array([[1, 0, 1]]))),
        Case("A2 of shape (1, 5) between 0.05 and 0.95, Y of shape (1, 5)",
             lambda: (_rs(4).uniform(0.05, 0.95, size=(1, 5)), _a([[0, 1, 1, 0, 1]]))),
        Case("A2 of shape (1, 4), Y of shape (1, 4) with dtype uint8 (as the flower's labels)",
             lambda: (_a([[0.5, 0.9, 0.2, 0.7]]), np.array([[1, 1, 0, 0]], dtype=np.uint8))),
    ], hints=[_cost_hints], properties=[_python_float]),
    "backward_propagation": FunctionSpec("backward_propagation", [
        Case("n_x = 3, n_h = 4, m = 4 (parameters, cache, X, Y)", lambda: _backward_case(5, 3, 4, 4, [1, 0, 1, 0])),
        Case("n_x = 2, n_h = 4, m = 3 (parameters, cache, X, Y)", lambda: _backward_case(6, 2, 4, 3, [0, 1, 1])),
        Case("n_x = 4, n_h = 5, m = 5 (parameters, cache, X, Y)",
             lambda: _backward_case(7, 4, 5, 5, [1, 1, 0, 0, 1])),
    ], hints=[_bias_shapes, _backward_scale_and_sign, _hidden_derivative, _dW2_hints, _dZ2_from_Z2]),
    "update_parameters": FunctionSpec("update_parameters", [
        Case("n_x = 2, n_h = 3, n_y = 1, default learning rate (1.2)", lambda: _update_case(8, 2, 3, 1)),
        Case("n_x = 3, n_h = 4, n_y = 1, learning_rate = 0.5", lambda: _update_case(9, 3, 4, 1, 0.5)),
    ], hints=[_update_hints]),
    "nn_model": FunctionSpec("nn_model", [
        Case("X (2, 5), Y (1, 5), n_h = 4, num_iterations = 0: the initial parameters "
             "(np.random.seed(0) was called before)", lambda: _nn_case(10, 2, 5, 4, 0)),
        Case("X (2, 6), Y (1, 6), n_h = 3, num_iterations = 20", lambda: _nn_case(11, 2, 6, 3, 20)),
        Case("X (3, 8), Y (1, 8), n_h = 2, num_iterations = 100", lambda: _nn_case(12, 3, 8, 2, 100)),
    ], hints=[_nn_hints]),
    "predict": FunctionSpec("predict", [
        Case("X of shape (2, 6), n_h = 4", lambda: _predict_case(13, 2, 4, 6)),
        Case("X of shape (3, 5), n_h = 2", lambda: _predict_case(14, 3, 2, 5)),
    ], hints=[_predict_hints]),
}

check_layer_sizes = make_check(NOTEBOOK, SPECS["layer_sizes"])
check_initialize_parameters = make_check(NOTEBOOK, SPECS["initialize_parameters"])
check_forward_propagation = make_check(NOTEBOOK, SPECS["forward_propagation"])
check_compute_cost = make_check(NOTEBOOK, SPECS["compute_cost"])
check_backward_propagation = make_check(NOTEBOOK, SPECS["backward_propagation"])
check_update_parameters = make_check(NOTEBOOK, SPECS["update_parameters"])
check_nn_model = make_check(NOTEBOOK, SPECS["nn_model"])
check_predict = make_check(NOTEBOOK, SPECS["predict"])

__all__ = ["SPECS"] + [f"check_{name}" for name in SPECS]
