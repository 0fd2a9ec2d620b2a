"""The hidden cases of ``week4_deep_nn_step_by_step/deep_nn_step_by_step.ipynb``: do they cover
every graded function, differ from the public ones, go deeper than the public ones, honour the
seeding conventions, and, in one grading run, give full marks to the source and to
correct-but-different solutions, zero to the release, and lose points with the right diagnosis for
common mistakes?"""

from __future__ import annotations

import functools

import numpy as np

from autograder.grading.plan import build_plan, hidden_cases_of
from autograder.build.source import SourceNotebook
from grading_corpus import fn
from grading_tools import REPO, corpus_tests, hidden_case_tests
from layerlab.checks import deep_nn_step_by_step as public

ASSIGNMENT = "week4_deep_nn_step_by_step"
NOTEBOOK = "deep_nn_step_by_step"
SOURCE = REPO / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
FUNCTIONS = ["initialize_parameters", "initialize_parameters_deep", "linear_forward",
             "linear_activation_forward", "L_model_forward", "compute_cost", "linear_backward",
             "linear_activation_backward", "L_model_backward", "update_parameters"]
POINTS = 12


def _initialize(first: str = "np.random.randn(n_h, n_x) * 0.01", second: str = "np.random.randn(n_y, n_h) * 0.01",
                seed: str = "np.random.seed(1)", b1: str = "np.zeros((n_h, 1))") -> str:
    return fn("initialize_parameters", "n_x, n_h, n_y", f"""
{seed}
W1 = {first}
W2 = {second}
return {{"W1": W1, "b1": {b1}, "W2": W2, "b2": np.zeros((n_y, 1))}}
""")


def _deep(seed: str = "np.random.seed(3)", layers: str = "range(1, len(layer_dims))", key: str = "l",
          weight: str = "np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01") -> str:
    return fn("initialize_parameters_deep", "layer_dims", f"""
{seed}
parameters = {{}}
for l in {layers}:
    parameters["W" + str({key})] = {weight}
    parameters["b" + str({key})] = np.zeros((layer_dims[l], 1))
return parameters
""")


def _linear_forward(z: str = "np.dot(W, A) + b", cache: str = "(A, W, b)") -> str:
    return fn("linear_forward", "A, W, b", f"return {z}, {cache}")


def _activation_forward(body: str) -> str:
    return fn("linear_activation_forward", "A_prev, W, b, activation", f"""
Z, linear_cache = linear_forward(A_prev, W, b)
{body}
""")


def _L_forward(hidden: str = "relu", output: str = "sigmoid", layers: str = "range(1, L)",
               L: str = "len(parameters) // 2", keep_last: bool = True, caches: str = "caches") -> str:
    last = "caches.append(cache)" if keep_last else ""
    return fn("L_model_forward", "X, parameters", f"""
caches = []
A = X
L = {L}
for l in {layers}:
    A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "{hidden}")
    caches.append(cache)
AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "{output}")
{last}
return AL, {caches}
""")


def _cost(expression: str) -> str:
    return fn("compute_cost", "AL, Y", f"""
m = Y.shape[1]
return {expression}
""")


CROSS_ENTROPY = "-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))"


def _linear_backward(dW: str = "np.dot(dZ, A_prev.T) / m", db: str = "np.sum(dZ, axis=1, keepdims=True) / m",
                     dA: str = "np.dot(W.T, dZ)", m: str = "A_prev.shape[1]", out: str = "dA_prev, dW, db") -> str:
    return fn("linear_backward", "dZ, cache", f"""
A_prev, W, b = cache
m = {m}
dW = {dW}
db = {db}
dA_prev = {dA}
return {out}
""")


def _activation_backward(relu: str = "relu_backward", sigmoid: str = "sigmoid_backward") -> str:
    return fn("linear_activation_backward", "dA, cache, activation", f"""
linear_cache, activation_cache = cache
if activation == "relu":
    dZ = {relu}(dA, activation_cache)
else:
    dZ = {sigmoid}(dA, activation_cache)
return linear_backward(dZ, linear_cache)
""")


def _L_backward(dAL: str = "-(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))", output: str = "sigmoid",
                hidden: str = "relu", layers: str = "reversed(range(1, L))", first: str = "1") -> str:
    return fn("L_model_backward", "AL, Y, caches", f"""
grads = {{}}
L = len(caches)
Y = Y.reshape(AL.shape)
dAL = {dAL}
grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "{output}")
for l in {layers}:
    dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "{hidden}")
    grads["dA" + str(l - 1)] = dA_prev
    grads["dW" + str(l - 1 + {first})] = dW
    grads["db" + str(l - 1 + {first})] = db
return grads
""")


def _update(step: str = "params[key] - learning_rate * grads['d' + key]", layers: str = "range(1, L + 1)",
            args: str = "params, grads, learning_rate") -> str:
    return fn("update_parameters", args, f"""
L = len(params) // 2
parameters = {{}}
for l in {layers}:
    for key in ("W" + str(l), "b" + str(l)):
        parameters[key] = {step}
return parameters
""")


# ----------------------------------------------------------------------------- common mistakes
# (function, solution cell, words the function's messages must contain)
MISTAKES = [
    ("initialize_parameters", _initialize(seed=""), "np.random.seed(1) inside the function"),
    ("initialize_parameters", _initialize(first="np.random.randn(n_h, n_x)", second="np.random.randn(n_y, n_h)"),
     "multiply np.random.randn(...) by 0.01"),
    ("initialize_parameters", _initialize(first="np.random.randn(n_x, n_h) * 0.01"), "is the transpose of"),
    ("initialize_parameters", _initialize(b1="np.random.randn(n_h, 1) * 0.01"), "the biases start at zero"),
    ("initialize_parameters", _initialize(b1="np.zeros((n_h, 1), dtype=int)"), "must hold floats"),
    ("initialize_parameters_deep", _deep(seed=""), "np.random.seed(3) inside the function"),
    ("initialize_parameters_deep", _deep(layers="range(1, len(layer_dims) - 1)"), "the last layer is missing"),
    ("initialize_parameters_deep", _deep(key="l - 1"), "numbered from 1"),
    ("initialize_parameters_deep", _deep(weight="np.random.randn(layer_dims[l], layer_dims[l - 1])"),
     "multiply np.random.randn(...) by 0.01"),
    ("linear_forward", _linear_forward(z="np.dot(W, A)"), "Z is missing the bias"),
    ("linear_forward", _linear_forward(cache="(W, A, b)"), "cache = (A, W, b)"),
    ("linear_forward", _linear_forward(z="np.dot(A.T, W.T) + b.T"), "exactly the transpose of the expected"),
    ("linear_activation_forward", _activation_forward("A, activation_cache = sigmoid(Z)\n"
                                                      "return A, (linear_cache, activation_cache)"),
     'for activation == "relu" use relu(Z)'),
    ("linear_activation_forward", _activation_forward("out = relu(Z) if activation == 'relu' else sigmoid(Z)\n"
                                                      "return out[0], (linear_cache, out)"),
     "A, activation_cache = relu(Z)"),
    ("linear_activation_forward", _activation_forward("A, activation_cache = relu(Z) if activation == 'sigmoid' "
                                                      "else sigmoid(Z)\nreturn A, (linear_cache, activation_cache)"),
     'for activation == "sigmoid" use sigmoid(Z)'),
    ("L_model_forward", _L_forward(hidden="sigmoid", output="relu"), 'the output layer L uses "sigmoid"'),
    ("L_model_forward", _L_forward(keep_last=False), "caches must hold"),
    ("L_model_forward", _L_forward(layers="range(1, L + 1)"), "matrix product don't match"),
    ("L_model_forward", _L_forward(caches="tuple(caches)"), "caches must be a list"),
    ("L_model_forward", _L_forward(caches="[(*linear, Z) for linear, Z in caches]"), "((A_prev, W, b), Z)"),
    ("compute_cost", _cost(f"{CROSS_ENTROPY} / m * np.ones((1, 1))"), "np.squeeze"),
    ("compute_cost", _cost("-(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m"), "sum the per-example losses"),
    ("compute_cost", _cost(f"-{CROSS_ENTROPY} / m"), "minus sign in front"),
    ("compute_cost", _cost(f"float(np.squeeze({CROSS_ENTROPY}))"), "divide by m"),
    ("linear_backward", _linear_backward(dA="np.dot(W, dZ)"), "np.dot(W.T, dZ)"),
    ("linear_backward", _linear_backward(dW="np.dot(dZ, A_prev.T)"), "times too large: dW and db are averages"),
    ("linear_backward", _linear_backward(db="np.sum(dZ, axis=1) / m"), "keepdims=True"),
    ("linear_backward", _linear_backward(m="A_prev.shape[0]"), "m is the number of examples"),
    ("linear_backward", _linear_backward(out="dW, db, dA_prev"), "in the wrong order: return dA_prev, dW, db"),
    ("linear_activation_backward", _activation_backward(relu="sigmoid_backward", sigmoid="relu_backward"),
     "use relu_backward for"),
    ("L_model_backward", _L_backward(output="relu", hidden="sigmoid"), "relu_backward"),
    ("L_model_backward", _L_backward(dAL="np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)"),
     "dAL = -(np.divide(Y, AL)"),
    ("L_model_backward", _L_backward(first="0"), "number the gradients like the layers"),
    ("L_model_backward", _L_backward(layers="reversed(range(2, L))"), "the loop stops before layer 1"),
    ("update_parameters", _update(step="params[key] + learning_rate * grads['d' + key]"), "gradient descent subtracts"),
    ("update_parameters", fn("update_parameters", "params, grads, learning_rate", """
for key in list(params):
    params[key] -= learning_rate * grads["d" + key]
return params
"""), "changed its input in place"),
    ("update_parameters", _update(layers="range(1, L)"), "the last one, is not updated"),
    ("update_parameters", _update(step="params[key] - 0.01 * grads['d' + key]"), "as if the learning rate were 0.01"),
    ("update_parameters", "learning_rate = 0.05\n\n" + _update(args="params, grads, alpha=0.05"),
     "uses the notebook variable `learning_rate`"),
]

# ----------------------------------------------------------------------------- correct, differently
VARIANTS = [
    ("initialize_parameters", _initialize(first="np.random.normal(0.0, 0.01, size=(n_h, n_x))",
                                          second="0.01 * np.random.standard_normal((n_y, n_h))")),
    ("initialize_parameters", fn("initialize_parameters", "n_x, n_h, n_y", """
rng = np.random.RandomState(1)
return dict(W1=rng.randn(n_h, n_x) / 100, b1=np.zeros([n_h, 1]), W2=rng.randn(n_y, n_h) / 100,
            b2=np.zeros(shape=(n_y, 1), dtype=np.float64))
""")),
    ("initialize_parameters_deep", fn("initialize_parameters_deep", "layer_dims", """
np.random.seed(3)
parameters = {}
for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):
    parameters[f"W{l}"] = 0.01 * np.random.randn(n, n_prev)
    parameters[f"b{l}"] = np.zeros((n, 1))
return parameters
""")),
    ("linear_forward", _linear_forward(z="W @ A + b")),
    ("linear_forward", _linear_forward(z="np.einsum('ij,jk->ik', W, A) + b", cache="tuple([A, W, b])")),
    ("linear_activation_forward", fn("linear_activation_forward", "A_prev, W, b, activation", """
Z = W @ A_prev + b
A = 1 / (1 + np.exp(-Z)) if activation == "sigmoid" else np.maximum(Z, 0)
return A, ((A_prev, W, b), Z)
""")),
    ("L_model_forward", fn("L_model_forward", "X, parameters", """
L = len([key for key in parameters if key.startswith("W")])
A, caches = X, []
for l in range(1, L + 1):
    A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                         "sigmoid" if l == L else "relu")
    caches.append(cache)
return A, caches
""")),
    ("compute_cost", _cost("-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))")),
    ("compute_cost", _cost("float(np.squeeze(-(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m))")),
    ("linear_backward", _linear_backward(dW="dZ @ A_prev.T / m", db="dZ.mean(axis=1, keepdims=True)",
                                         dA="W.T @ dZ")),
    ("linear_activation_backward", fn("linear_activation_backward", "dA, cache, activation", """
(A_prev, W, b), Z = cache
if activation == "relu":
    dZ = dA * (Z > 0)
else:
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s * (1 - s)
m = A_prev.shape[1]
return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m
""")),
    ("L_model_backward", fn("L_model_backward", "AL, Y, caches", """
grads = {}
L = len(caches)
dZ = AL - Y  # sigmoid and cross-entropy together
grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_backward(dZ, caches[-1][0])
for l in range(L - 1, 0, -1):
    grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
        grads[f"dA{l}"], caches[l - 1], activation="relu")
return grads
""")),
    ("update_parameters", fn("update_parameters", "params, grads, learning_rate", """
import copy
parameters = copy.deepcopy(params)
for key in parameters:
    parameters[key] -= learning_rate * grads["d" + key]
return parameters
""")),
    ("update_parameters", fn("update_parameters", "params, grads, learning_rate",
                             "return {k: v - learning_rate * grads['d' + k] for k, v in params.items()}")),
]


# ----------------------------------------------------------------------------- the cases (no worker)

@functools.lru_cache(maxsize=None)
def plan():
    return build_plan(SourceNotebook(SOURCE))


def _function(name: str):
    return next(f for f in plan().functions if f.name == name)


# (the factory's shape test reads arguments as arrays; caches are nested tuples, see below)
globals().update(hidden_case_tests(NOTEBOOK, SOURCE, FUNCTIONS, public, min_cases=5, other_shapes=False))


def _shapes(value) -> set:
    """The shapes of every array (and the depth of every network) inside nested arguments."""
    if isinstance(value, dict):
        return {("dict", len(value))} | set().union(*(_shapes(v) for v in value.values()))
    if isinstance(value, (tuple, list)) and any(isinstance(v, (np.ndarray, tuple, list, dict)) for v in value):
        return {("sequence", len(value))} | set().union(*(_shapes(v) for v in value))
    return {np.shape(value)}


def test_hidden_inputs_have_other_shapes_than_the_public_ones():
    for f in plan().functions:
        public_shapes = set().union(*(_shapes(tuple(c.make())) for c in public.SPECS[f.name].cases))
        hidden_shapes = set().union(*(_shapes(c.args) for c in f.cases))
        if f.name == "initialize_parameters":  # three sizes: other sizes instead of other shapes
            public_args = {tuple(c.make()) for c in public.SPECS[f.name].cases}
            assert {c.args for c in f.cases}.isdisjoint(public_args)
            continue
        assert hidden_shapes - public_shapes, f.name


def test_seeding_conventions_are_graded():
    """Both initialisers seed NumPy themselves (1 and 3): every case sets another global seed first,
    and the expected weights are those of the function's own seed, drawn layer by layer."""
    specs = hidden_cases_of(NOTEBOOK)
    for name, own in (("initialize_parameters", 1), ("initialize_parameters_deep", 3)):
        seeds = [c.seed for c in specs[name].cases]
        assert all(s is not None and s != own for s in seeds) and len(set(seeds)) == len(seeds), name
    for case in _function("initialize_parameters").cases:
        n_x, n_h, n_y = case.args
        rs = np.random.RandomState(1)
        assert np.array_equal(case.expected["W1"], rs.randn(n_h, n_x) * 0.01)
        assert np.array_equal(case.expected["W2"], rs.randn(n_y, n_h) * 0.01)
    for case in _function("initialize_parameters_deep").cases:
        (layer_dims,) = case.args
        rs = np.random.RandomState(3)
        for l in range(1, len(layer_dims)):
            assert np.array_equal(case.expected[f"W{l}"], rs.randn(layer_dims[l], layer_dims[l - 1]) * 0.01)


def _depths(name: str, cases) -> set:
    if name == "initialize_parameters_deep":
        return {len(args[0]) - 1 for args in cases}
    if name in ("L_model_forward", "update_parameters"):
        return {len(args[1] if name == "L_model_forward" else args[0]) // 2 for args in cases}
    return {len(args[2]) for args in cases}


def test_hidden_networks_are_deeper_than_the_public_ones():
    for name in ("initialize_parameters_deep", "L_model_forward", "L_model_backward", "update_parameters"):
        public_depths = _depths(name, [c.make() for c in public.SPECS[name].cases])
        hidden_depths = _depths(name, [c.args for c in _function(name).cases])
        assert max(hidden_depths) > max(public_depths) and {1, 5} <= hidden_depths, name


def test_backward_caches_come_from_a_forward_pass_with_a_dead_and_a_live_unit():
    """So a correct pass that starts from dZ = AL - Y gets full marks, and a ReLU layer's dead unit
    (a zero row of dW) tells relu_backward from sigmoid_backward."""
    for case in _function("L_model_backward").cases:
        AL, Y, caches = case.args
        A = caches[0][0][0]
        for l, ((A_prev, W, b), Z) in enumerate(caches, start=1):
            assert np.array_equal(A_prev, A) and np.allclose(Z, W @ A_prev + b)
            A = np.maximum(0, Z) if l < len(caches) else 1 / (1 + np.exp(-Z))
            if l < len(caches):
                assert np.all(Z[-1] > 0), "the last unit must be alive"
                if Z.shape[0] > 1:
                    assert np.all(Z[0] < 0) and not case.expected[f"dW{l}"][0].any()
        assert np.allclose(A, AL) and np.all((AL > 0.01) & (AL < 0.99))
        assert all(np.abs(g).max() > 1e-3 for k, g in case.expected.items() if k.startswith("dW"))
        assert set(np.unique(Y)) == ({0, 1} if Y.size > 1 else set(np.unique(Y)))


def test_some_cases_let_the_hints_see_a_missing_transpose_and_a_wrong_m():
    square = [c for c in _function("linear_backward").cases if c.args[1][1].shape[0] == c.args[1][1].shape[1]]
    assert len(square) >= 2
    assert any(c.args[1][0].shape[0] != c.args[1][0].shape[1] for c in _function("linear_backward").cases)


def test_every_expected_cost_is_finite_and_positive():
    for case in _function("compute_cost").cases:
        assert np.ndim(case.expected) == 0 and np.isfinite(case.expected) and case.expected > 0


# ----------------------------------------------------------------------------- one grading run

globals().update(corpus_tests(ASSIGNMENT, NOTEBOOK, FUNCTIONS, POINTS, MISTAKES, VARIANTS))
