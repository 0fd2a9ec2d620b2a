"""Public checks of the week-4 step-by-step assignment
(``week4_deep_nn_step_by_step/deep_nn_step_by_step.ipynb``).

In the notebook::

    from layerlab.checks import deep_nn_step_by_step as checks
    checks.check_L_model_backward(L_model_backward)

Each ``check_<name>`` runs the student's function on small seeded cases (networks of 1 to 4
layers, 2 to 5 examples), compares with the expected outputs generated from the reference solution
(``expected/deep_nn_step_by_step.json``), and names the likely mistake when it recognises one.
The recognisers look at relations between the inputs, the expected and the returned values (which
rows of a gradient are exactly zero, a flipped sign, activations outside (0, 1), a key numbered
from 0, ...); they contain no solution.

Decisions worth knowing:
  * The initialisers must seed NumPy themselves (``np.random.seed(1)`` / ``np.random.seed(3)``):
    every case sets a *different* global seed right before the call, so relying on a seed set
    outside the function fails.
  * The backward cases hand over caches with random values (not produced by a forward pass):
    backward steps only read ``A_prev``, ``W`` and ``Z`` from them. Each ReLU layer's ``Z`` has one
    unit that is negative for every example, so a correct ReLU backward step gives that unit's
    ``dW`` row and ``db`` entry exactly 0, and a sigmoid step does not; that tells the two apart.
  * ``compute_cost`` must return one number: a Python float, a NumPy scalar or a 0-d array pass;
    a ``(1, 1)`` array does not (the check says to ``np.squeeze`` it).
  * ``L_model_forward``'s caches must be a list of L pairs ``((A_prev, W, b), Z)``.
"""

from __future__ import annotations

import numpy as np

from layerlab.checks.relations import as_float_array, close, item
from layerlab.checks.runner import Case, FunctionSpec, make_check

NOTEBOOK = "deep_nn_step_by_step"


# --------------------------------------------------------------------------- small helpers

def _zero_rows(matrix) -> set:
    """Indices of the rows of a 2-D array that are exactly zero."""
    m = as_float_array(matrix)
    if m is None or m.ndim != 2:
        return set()
    return set(np.flatnonzero(np.all(m == 0, axis=1)).tolist())


def _looks_like_probabilities(a) -> bool:
    a = as_float_array(a)
    return a is not None and a.size > 0 and bool(np.all((a > 0) & (a < 1)))


def _has_relu_signature(a) -> bool:
    """Exact zeros, nothing negative: what a ReLU output looks like (a sigmoid is never 0)."""
    a = as_float_array(a)
    return a is not None and a.size > 0 and bool(np.all(a >= 0) and np.any(a == 0))


# --------------------------------------------------------------------------- initialisation

def _seed_hint(seed: int, first: str, then: str):
    def hint(args, want, got):
        if not isinstance(got, dict) or set(got) != set(want):
            return None
        shapes_ok = all(as_float_array(got[k]) is not None and as_float_array(got[k]).shape == want[k].shape for k in want)
        if not shapes_ok:
            return None
        w_keys = [k for k in want if k.startswith("W")]
        g, e = (np.concatenate([as_float_array(d[k]).ravel() for k in w_keys]) for d in (got, want))
        same_size = 0.2 < np.std(g) / max(np.std(e), 1e-300) < 5
        if same_size and not np.allclose(g, e):
            return (f"the weights have the right size but are other random numbers: call "
                    f"np.random.seed({seed}) inside the function, before the first draw, and draw "
                    f"{first} then {then} (the check sets another seed before calling, so a seed "
                    f"set outside the function does not count)")
        return None
    return hint


def _scale_hint(args, want, got):
    if not isinstance(got, dict):
        return None
    for key in want:
        if key.startswith("W") and key in got:
            g, e = as_float_array(got[key]), as_float_array(want[key])
            if g is not None and g.shape == e.shape and close(g, e * 100):
                return "the weights are 100 times too large: multiply np.random.randn(...) by 0.01"
    return None


def _deep_keys_hint(args, want, got):
    if not isinstance(got, dict):
        return None
    layer_dims = args[0]
    L = len(layer_dims[1:])
    if "W0" in got or "b0" in got:
        return ("layers with parameters are numbered from 1: W1, b1 connect layer 0 (the input) "
                "to layer 1, so loop over l = 1, ..., L")
    if f"W{L}" not in got and f"W{L - 1}" in got or L == 1 and not got:
        return (f"the last layer is missing: layer_dims has {len(layer_dims)} entries, so there "
                f"are L = len(layer_dims) - 1 = {L} layers; range(1, len(layer_dims)) visits them all")
    if f"W{L + 1}" in got:
        return (f"one layer too many: layer_dims has {len(layer_dims)} entries (input included), "
                f"so there are L = {L} layers with parameters")
    return None


def _bias_hint(args, want, got):
    if not isinstance(got, dict):
        return None
    for key in want:
        if key.startswith("b") and key in got:
            g = as_float_array(got[key])
            if g is not None and g.shape == want[key].shape and np.any(g != 0):
                return "the biases start at zero: np.zeros((n, 1)); only the weights are random"
    return None


# --------------------------------------------------------------------------- forward

def _forgot_bias(args, want, got):
    A, W, b = args[:3]
    z = as_float_array(item(got, 0))
    if z is not None and z.shape == want[0].shape and np.any(b != 0) and close(z + b, want[0]):
        return "Z is missing the bias: Z = W A + b"
    return None


def _linear_cache_order(args, want, got):
    cache = item(got, 1)
    if isinstance(cache, (tuple, list)) and len(cache) == 3:
        A, W, b = args[:3]
        shapes = [getattr(c, "shape", None) for c in cache]
        if shapes != [A.shape, W.shape, b.shape] and sorted(map(str, shapes)) == sorted(
                map(str, [A.shape, W.shape, b.shape])):
            return "the cache holds the right arrays in the wrong order: return cache = (A, W, b)"
    return None


def _activation_swapped(args, want, got):
    activation = args[3]
    a = item(got, 0)
    if activation == "relu" and _looks_like_probabilities(a) and not _looks_like_probabilities(want[0]):
        return "for activation == \"relu\" use relu(Z); these values look like a sigmoid's"
    if activation == "sigmoid" and not _looks_like_probabilities(a) and as_float_array(a) is not None \
            and as_float_array(a).shape == want[0].shape:
        return ("for activation == \"sigmoid\" use sigmoid(Z): A must lie strictly between 0 "
                "and 1 (exact zeros or values >= 1 come from relu)")
    return None


def _activation_cache_unpacked(args, want, got):
    activation_cache = item(got, 1, 1)
    if isinstance(activation_cache, tuple) and len(activation_cache) == 2:
        return ("sigmoid(Z) and relu(Z) return a pair (A, activation_cache): unpack it with "
                "`A, activation_cache = relu(Z)` and store only activation_cache (Z) in the cache")
    return None


def _caches_are_a_list(args, got):
    caches = item(got, 1)
    first = item(caches, 0)
    if isinstance(caches, tuple) and isinstance(first, tuple) and len(first) == 2 \
            and isinstance(first[0], tuple):
        return "caches must be a list: start with caches = [] and append each layer's cache"
    return None


def _forward_activations(args, want, got):
    AL = item(got, 0)
    if as_float_array(AL) is not None and as_float_array(AL).shape == want[0].shape and not _looks_like_probabilities(AL):
        return ("AL must hold probabilities strictly between 0 and 1: the output layer L uses "
                "\"sigmoid\" (and only that layer)")
    hidden = item(got, 1, 1, 0, 0)  # A1, the input of layer 2
    want_hidden = item(want, 1, 1, 0, 0)
    if want_hidden is not None and _looks_like_probabilities(hidden) and _has_relu_signature(want_hidden):
        return "the hidden layers 1, ..., L-1 use \"relu\"; these activations look like a sigmoid's"
    return None


def _forward_layer_count(args, want, got):
    caches = item(got, 1)
    L = len(want[1])
    if isinstance(caches, (list, tuple)) and len(caches) != L:
        return (f"this network has L = len(parameters) // 2 = {L} layers, so caches must hold {L} "
                f"caches (got {len(caches)}): the loop range(1, L) covers the {L - 1} ReLU "
                f"layer{'s' if L != 2 else ''}, then the sigmoid layer adds the last one")
    return None


def _forward_cache_structure(args, want, got):
    first = item(got, 1, 0)
    if isinstance(first, (tuple, list)) and len(first) == 4:
        return ("each cache is the pair (linear_cache, activation_cache) returned by "
                "linear_activation_forward: append it as it is, ((A_prev, W, b), Z)")
    return None


# --------------------------------------------------------------------------- cost

def _cost_not_summed(args, want, got):
    g = as_float_array(got)
    if g is not None and g.size > 1:
        return ("the cost is one number for the whole training set: sum the per-example losses "
                "over the m examples (np.sum), then divide by m")
    return None


# --------------------------------------------------------------------------- backward

def _transpose_of_w_missing(args, want, got):
    dZ, (A_prev, W, b) = args[0], args[1]
    dA_prev = as_float_array(item(got, 0))
    if W.shape[0] == W.shape[1] and dA_prev is not None and close(dA_prev, W @ dZ) \
            and not close(dA_prev, want[0]):
        return "dA_prev = W^T dZ: transpose W (np.dot(W.T, dZ))"
    return None


def _relu_sigmoid_rows(where: str):
    """Compare the exactly-zero rows of dW: ReLU layers with a dead unit have them, sigmoid layers not."""
    def hint(args, want, got):
        pairs = []
        if where == "layer":
            pairs.append((want[1], item(got, 1), args[2]))
        else:
            for key in want:
                if key.startswith("dW") and isinstance(got, dict) and key in got:
                    pairs.append((want[key], got[key], None))
        for expected, returned, activation in pairs:
            g = as_float_array(returned)
            if g is None or g.shape != np.shape(expected):
                continue
            missing = _zero_rows(expected) - _zero_rows(g)
            extra = _zero_rows(g) - _zero_rows(expected)
            if missing and activation in (None, "relu"):
                return ("a ReLU layer passes no gradient where Z <= 0 (relu_backward), so a unit "
                        "whose Z is negative for every example gets a zero row in dW; yours does "
                        "not: use relu_backward for the \"relu\" layers (1, ..., L-1) and "
                        "sigmoid_backward only for the output layer")
            if extra and activation in (None, "sigmoid"):
                return ("a sigmoid layer's gradient is never exactly 0, but your dW has zero rows: "
                        "use sigmoid_backward for \"sigmoid\" (the output layer) and relu_backward "
                        "for \"relu\"")
        return None
    return hint


def _dAL_sign(args, want, got):
    if not isinstance(got, dict):
        return None
    keys = [k for k in want if k.startswith("dW") and k in got]
    if keys and all(close(as_float_array(got[k]), -want[k]) for k in keys):
        return ("every gradient has the opposite sign: dAL = -(np.divide(Y, AL) - "
                "np.divide(1 - Y, 1 - AL)), with the minus sign in front")
    return None


def _grads_numbering(args, want, got):
    if not isinstance(got, dict):
        return None
    L = len(args[2])
    if any(k in got for k in ("dW0", "db0")):
        return (f"number the gradients like the layers: layer l's backward step gives dW{{l}}, "
                f"db{{l}} and dA{{l-1}}, so grads holds dW1..dW{L}, db1..db{L} and dA0..dA{L - 1}")
    if f"dA{L}" in got:
        return (f"dA{L} (dAL) is where the backward pass starts and is not stored: grads holds "
                f"dA0..dA{L - 1}, dW1..dW{L} and db1..db{L}")
    return None


def _update_direction(args, want, got):
    params = args[0]
    if not isinstance(got, dict):
        return None
    keys = [k for k in want if k in got and np.shape(as_float_array(got[k])) == want[k].shape]
    if keys and all(close(as_float_array(got[k]) - params[k], -(want[k] - params[k])) for k in keys):
        return ("you moved along the gradient, uphill: gradient descent subtracts, "
                "W = W - learning_rate * dW (and the same for b)")
    return None


# --------------------------------------------------------------------------- the cases

def _rng(seed: int) -> np.random.RandomState:
    return np.random.RandomState(seed)


def _a(values) -> np.ndarray:
    return np.array(values, dtype=float)


def _global_seed(seed: int, args: tuple) -> tuple:
    """Set NumPy's global seed (to something other than the function's own seed), return args."""
    np.random.seed(seed)
    return args


def _random_parameters(seed: int, layer_dims: list) -> dict:
    """Unit-scale random parameters (not an initialiser: the checks need non-trivial values)."""
    rng = _rng(seed)
    out = {}
    for layer in range(1, len(layer_dims)):
        out["W" + str(layer)] = rng.randn(layer_dims[layer], layer_dims[layer - 1])
        out["b" + str(layer)] = 0.5 * rng.randn(layer_dims[layer], 1)
    return out


def _forward_case(seed: int, layer_dims: list, m: int) -> tuple:
    X = _rng(seed + 100).randn(layer_dims[0], m)
    return X, _random_parameters(seed, layer_dims)


def _linear_cache(rng, n: int, n_prev: int, m: int, nonnegative: bool) -> tuple:
    A_prev = rng.randn(n_prev, m)
    if nonnegative:
        A_prev = np.abs(A_prev)
    return A_prev, rng.randn(n, n_prev), rng.randn(n, 1)


def _z_with_a_dead_unit(rng, n: int, m: int) -> np.ndarray:
    """Random Z whose unit 0 is negative for every example (if n > 1)."""
    Z = rng.randn(n, m)
    if n > 1:
        Z[0] = -np.abs(Z[0]) - 0.1
    return Z


def _backward_layer_case(seed: int, n: int, n_prev: int, m: int, activation: str) -> tuple:
    rng = _rng(seed)
    linear_cache = _linear_cache(rng, n, n_prev, m, nonnegative=False)
    Z = _z_with_a_dead_unit(rng, n, m)
    dA = rng.randn(n, m)
    return dA, (linear_cache, Z), activation


def _backward_case(seed: int, layer_dims: list, m: int) -> tuple:
    """(AL, Y, caches) of an L-layer network with random cache values."""
    rng = _rng(seed)
    L = len(layer_dims[1:])
    caches = []
    for layer in range(1, L + 1):
        linear_cache = _linear_cache(rng, layer_dims[layer], layer_dims[layer - 1], m,
                                     nonnegative=layer > 1)
        Z = _z_with_a_dead_unit(rng, layer_dims[layer], m) if layer < L else rng.randn(1, m)
        caches.append((linear_cache, Z))
    AL = rng.uniform(0.1, 0.9, size=(1, m))
    Y = np.array([[1, 0] * m])[:, :m]
    return AL, Y, caches


def _update_case(seed: int, layer_dims: list, learning_rate: float) -> tuple:
    params = _random_parameters(seed, layer_dims)
    rng = _rng(seed + 50)
    grads = {"d" + k: rng.randn(*v.shape) for k, v in params.items()}
    grads["dA0"] = rng.randn(layer_dims[0], 3)
    return params, grads, learning_rate


_EXAMPLE_A = [[1., 2.], [3., 4.], [5., 6.]]
_EXAMPLE_W = [[1., -1., 2.], [-2., 0., -1.]]

SPECS = {
    "initialize_parameters": FunctionSpec("initialize_parameters", [
        Case("n_x = 3, n_h = 2, n_y = 1 (NumPy's global seed set to 0 before the call)",
             lambda: _global_seed(0, (3, 2, 1))),
        Case("n_x = 4, n_h = 5, n_y = 2 (global seed 7 before the call)",
             lambda: _global_seed(7, (4, 5, 2))),
    ], hints=[_seed_hint(1, "W1", "W2"), _scale_hint, _bias_hint]),
    "initialize_parameters_deep": FunctionSpec("initialize_parameters_deep", [
        Case("layer_dims = [5, 4, 3] (global seed 0 before the call)", lambda: _global_seed(0, ([5, 4, 3],))),
        Case("layer_dims = [4, 3, 2, 1] (global seed 5 before the call)",
             lambda: _global_seed(5, ([4, 3, 2, 1],))),
        Case("layer_dims = [3, 1]: one layer, L = 1 (global seed 2 before the call)",
             lambda: _global_seed(2, ([3, 1],))),
    ], hints=[_deep_keys_hint, _seed_hint(3, "W1", "W2, W3, ... in layer order"), _scale_hint, _bias_hint]),
    "linear_forward": FunctionSpec("linear_forward", [
        Case("A = [[1, 2], [3, 4], [5, 6]], W = [[1, -1, 2]], b = [[0.5]]",
             lambda: (_a(_EXAMPLE_A), _a(_EXAMPLE_W[:1]), _a([[0.5]]))),
        Case("random A (5, 4), W (3, 5), b (3, 1)",
             lambda: _linear_cache(_rng(11), 3, 5, 4, nonnegative=True)),
        Case("random A (2, 2), W (4, 2), b (4, 1)",
             lambda: _linear_cache(_rng(12), 4, 2, 2, nonnegative=False)),
    ], hints=[_forgot_bias, _linear_cache_order]),
    "linear_activation_forward": FunctionSpec("linear_activation_forward", [
        Case('A_prev = [[1, 2], [3, 4], [5, 6]], W = [[1, -1, 2], [-2, 0, -1]], b = [[0.5], [0]], "relu"',
             lambda: (_a(_EXAMPLE_A), _a(_EXAMPLE_W), _a([[0.5], [0.]]), "relu")),
        Case('the same A_prev, W, b, "sigmoid"',
             lambda: (_a(_EXAMPLE_A), _a(_EXAMPLE_W), _a([[0.5], [0.]]), "sigmoid")),
        Case('random A_prev (4, 3), W (3, 4), b (3, 1), "relu"',
             lambda: _linear_cache(_rng(21), 3, 4, 3, nonnegative=False) + ("relu",)),
        Case('random A_prev (4, 3), W (3, 4), b (3, 1), "sigmoid"',
             lambda: _linear_cache(_rng(21), 3, 4, 3, nonnegative=False) + ("sigmoid",)),
    ], hints=[_activation_cache_unpacked, _activation_swapped]),
    "L_model_forward": FunctionSpec("L_model_forward", [
        Case("X (4, 3) and random parameters of a 2-layer network, layer_dims [4, 3, 1]",
             lambda: _forward_case(31, [4, 3, 1], 3)),
        Case("X (5, 4) and a 3-layer network, layer_dims [5, 4, 3, 1]",
             lambda: _forward_case(32, [5, 4, 3, 1], 4)),
        Case("X (3, 2) and a 1-layer network (logistic regression), layer_dims [3, 1]",
             lambda: _forward_case(33, [3, 1], 2)),
        Case("X (6, 5) and a 4-layer network, layer_dims [6, 5, 4, 3, 1]",
             lambda: _forward_case(34, [6, 5, 4, 3, 1], 5)),
    ], hints=[_forward_layer_count, _forward_cache_structure, _forward_activations],
        properties=[_caches_are_a_list]),
    "compute_cost": FunctionSpec("compute_cost", [
        Case("AL = [[0.8, 0.9, 0.4]], Y = [[1, 1, 0]]",
             lambda: (_a([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))),
        Case("random AL (1, 5), Y = [[1, 0, 0, 1, 1]]",
             lambda: (_rng(41).uniform(0.05, 0.95, (1, 5)), np.array([[1, 0, 0, 1, 1]]))),
        Case("AL = [[0.3, 0.6]], Y = [[0, 1]]", lambda: (_a([[0.3, 0.6]]), np.array([[0, 1]]))),
    ], hints=[_cost_not_summed]),
    "linear_backward": FunctionSpec("linear_backward", [
        Case("dZ (3, 4), cache = (A_prev (5, 4), W (3, 5), b (3, 1)), random values",
             lambda: (_rng(51).randn(3, 4), _linear_cache(_rng(52), 3, 5, 4, nonnegative=True))),
        Case("dZ (1, 2), cache = (A_prev (3, 2), W (1, 3), b (1, 1)), random values",
             lambda: (_rng(53).randn(1, 2), _linear_cache(_rng(54), 1, 3, 2, nonnegative=True))),
        Case("dZ (3, 5), cache = (A_prev (3, 5), W (3, 3), b (3, 1)), random values",
             lambda: (_rng(55).randn(3, 5), _linear_cache(_rng(56), 3, 3, 5, nonnegative=False))),
    ], hints=[_transpose_of_w_missing]),
    "linear_activation_backward": FunctionSpec("linear_activation_backward", [
        Case('dA (3, 4), random cache with A_prev (5, 4), unit 0 of Z negative everywhere, "relu"',
             lambda: _backward_layer_case(61, 3, 5, 4, "relu")),
        Case('the same dA and cache, "sigmoid"', lambda: _backward_layer_case(61, 3, 5, 4, "sigmoid")),
        Case('dA (1, 3), random cache with A_prev (2, 3), "sigmoid"',
             lambda: _backward_layer_case(62, 1, 2, 3, "sigmoid")),
        Case('dA (4, 2), random cache with A_prev (3, 2), "relu"',
             lambda: _backward_layer_case(63, 4, 3, 2, "relu")),
    ], hints=[_relu_sigmoid_rows("layer")]),
    "L_model_backward": FunctionSpec("L_model_backward", [
        Case("AL, Y (1, 3) and the caches of a 2-layer network [4, 3, 1] (random values)",
             lambda: _backward_case(71, [4, 3, 1], 3)),
        Case("AL, Y (1, 4) and the caches of a 3-layer network [5, 4, 3, 1]",
             lambda: _backward_case(72, [5, 4, 3, 1], 4)),
        Case("AL, Y (1, 2) and the cache of a 1-layer network [3, 1]",
             lambda: _backward_case(73, [3, 1], 2)),
        Case("AL, Y (1, 5) and the caches of a 4-layer network [6, 5, 4, 3, 1]",
             lambda: _backward_case(74, [6, 5, 4, 3, 1], 5)),
    ], hints=[_grads_numbering, _dAL_sign, _relu_sigmoid_rows("network")]),
    "update_parameters": FunctionSpec("update_parameters", [
        Case('parameters = {"W1": [[1, 2]], "b1": [[0.5]]}, grads = {"dW1": [[10, -10]], '
             '"db1": [[1]]}, learning_rate = 0.1',
             lambda: ({"W1": _a([[1, 2]]), "b1": _a([[0.5]])},
                      {"dW1": _a([[10, -10]]), "db1": _a([[1]])}, 0.1)),
        Case("random parameters and grads (also holding dA0) of a 2-layer network [3, 4, 1], "
             "learning_rate = 0.1", lambda: _update_case(81, [3, 4, 1], 0.1)),
        Case("random parameters and grads of a 3-layer network [4, 3, 2, 1], learning_rate = 0.5",
             lambda: _update_case(82, [4, 3, 2, 1], 0.5)),
    ], hints=[_update_direction]),
}

check_initialize_parameters = make_check(NOTEBOOK, SPECS["initialize_parameters"])
check_initialize_parameters_deep = make_check(NOTEBOOK, SPECS["initialize_parameters_deep"])
check_linear_forward = make_check(NOTEBOOK, SPECS["linear_forward"])
check_linear_activation_forward = make_check(NOTEBOOK, SPECS["linear_activation_forward"])
check_L_model_forward = make_check(NOTEBOOK, SPECS["L_model_forward"])
check_compute_cost = make_check(NOTEBOOK, SPECS["compute_cost"])
check_linear_backward = make_check(NOTEBOOK, SPECS["linear_backward"])
check_linear_activation_backward = make_check(NOTEBOOK, SPECS["linear_activation_backward"])
check_L_model_backward = make_check(NOTEBOOK, SPECS["L_model_backward"])
check_update_parameters = make_check(NOTEBOOK, SPECS["update_parameters"])

__all__ = ["SPECS"] + [f"check_{name}" for name in SPECS]
