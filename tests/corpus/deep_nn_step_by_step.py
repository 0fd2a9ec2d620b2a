"""Mistakes in ``week4_deep_nn_step_by_step/deep_nn_step_by_step.ipynb`` (see :mod:`corpus`), and solutions that are correct in
another way; run through both judges (tests/judge) and the sandboxed grader (tests/autograder)."""

from __future__ import annotations

from corpus import fn

ASSIGNMENT = "week4_deep_nn_step_by_step"
NOTEBOOK = "deep_nn_step_by_step"


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
# (function, solution cell, words the grader's messages must contain, mistake id or None)
MISTAKES = [
    ("initialize_parameters", _initialize(seed=""), "np.random.seed(1) inside the function", "initialize.not-seeded-inside"),
    ("initialize_parameters", _initialize(first="np.random.randn(n_h, n_x)", second="np.random.randn(n_y, n_h)"),
     "multiply np.random.randn(...) by 0.01", "initialize.weights-not-scaled"),
    ("initialize_parameters", _initialize(first="np.random.randn(n_x, n_h) * 0.01"), "np.random.randn(n_h, n_x)", "near-miss.arguments"),
    ("initialize_parameters", _initialize(b1="np.random.randn(n_h, 1) * 0.01"), "the biases start at zero", "initialize.random-biases"),
    ("initialize_parameters_deep", _deep(seed=""), "np.random.seed(3) inside the function", "initialize.not-seeded-inside"),
    ("initialize_parameters_deep", _deep(layers="range(1, len(layer_dims) - 1)"), "the last layer is missing", "initialize-deep.layer-count"),
    ("initialize_parameters_deep", _deep(key="l - 1"), "numbered from 1", "initialize-deep.layer-count"),
    ("initialize_parameters_deep", _deep().replace('"b" + str(l)', '"b" + l'), "str(l)", "error.text-plus-number"),
    ("L_model_forward", _L_forward().replace("return AL, caches", "return A, caches"), "is computed but never used",
     "code.value-never-used"),
    ("initialize_parameters_deep", _deep(weight="np.random.randn(layer_dims[l], layer_dims[l - 1])"),
     "multiply np.random.randn(...) by 0.01", "initialize.weights-not-scaled"),
    ("linear_forward", _linear_forward(z="np.dot(W, A)"), "Z is missing the bias", "forward.missing-bias"),
    ("linear_forward", _linear_forward(cache="(W, A, b)"), "cache = (A, W, b)", "forward.linear-cache-order"),
    ("linear_forward", _linear_forward(z="np.dot(A.T, W.T) + b.T"), "exactly the transpose of the expected", None),
    ("linear_activation_forward", _activation_forward("A, activation_cache = sigmoid(Z)\n"
                                                      "return A, (linear_cache, activation_cache)"),
     'for activation == "relu" use relu(Z)', "forward.sigmoid-for-relu"),
    ("linear_activation_forward", _activation_forward("out = relu(Z) if activation == 'relu' else sigmoid(Z)\n"
                                                      "return out[0], (linear_cache, out)"),
     "A, activation_cache = relu(Z)", "forward.activation-cache-not-unpacked"),
    ("linear_activation_forward", _activation_forward("A, activation_cache = relu(Z) if activation == 'sigmoid' "
                                                      "else sigmoid(Z)\nreturn A, (linear_cache, activation_cache)"),
     'for activation == "sigmoid" use sigmoid(Z)', "forward.sigmoid-for-relu"),
    ("L_model_forward", _L_forward(hidden="sigmoid", output="relu"), 'the output layer L uses "sigmoid"', "forward.output-not-sigmoid"),
    ("L_model_forward", _L_forward(keep_last=False), "caches must hold", "forward.layer-count"),
    ("L_model_forward", _L_forward(layers="range(1, L + 1)"), "matrix product don't match", "error.matmul-shapes"),
    ("L_model_forward", _L_forward(caches="tuple(caches)"), "caches must be a list", "forward.caches-not-a-list"),
    ("L_model_forward", _L_forward(caches="[(*linear, Z) for linear, Z in caches]"), "((A_prev, W, b), Z)", "forward.flat-cache"),
    ("compute_cost", _cost(f"{CROSS_ENTROPY} / m * np.ones((1, 1))"), "np.squeeze", None),
    ("compute_cost", _cost("-(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m"), "sum the per-example losses", "cost.not-summed"),
    ("compute_cost", _cost(f"-{CROSS_ENTROPY} / m"), "minus sign in front", "cost.wrong-sign"),
    ("compute_cost", _cost(f"float(np.squeeze({CROSS_ENTROPY}))"), "divide by m", "cost.sum-not-mean"),
    ("linear_backward", _linear_backward(dA="np.dot(W, dZ)"), "np.dot(W.T, dZ)", "error.matmul-shapes"),
    ("linear_backward", _linear_backward(dW="np.dot(dZ, A_prev.T)"), "times too large: dW and db are averages", "backward.gradients-not-averaged"),
    ("linear_backward", _linear_backward(db="np.sum(dZ, axis=1) / m"), "keepdims=True", None),
    ("linear_backward", _linear_backward(m="A_prev.shape[0]"), "m is the number of examples", "backward.m-from-wrong-axis"),
    ("linear_backward", _linear_backward(out="dW, db, dA_prev"), "in the wrong order: return dA_prev, dW, db", "backward.return-order"),
    ("linear_activation_backward", _activation_backward(relu="sigmoid_backward", sigmoid="relu_backward"),
     "use relu_backward for", "backward.sigmoid-backward-for-relu"),
    ("L_model_backward", _L_backward(output="relu", hidden="sigmoid"), "relu_backward", "backward.relu-backward-for-sigmoid"),
    ("L_model_backward", _L_backward(dAL="np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)"),
     "dAL = -(np.divide(Y, AL)", "backward.dal-sign"),
    ("L_model_backward", _L_backward(first="0"), "number the gradients like the layers", "backward.grads-numbering"),
    ("L_model_backward", _L_backward(layers="reversed(range(2, L))"), "the loop stops before layer 1", "backward.loop-stops-early"),
    ("update_parameters", _update(step="params[key] + learning_rate * grads['d' + key]"), "gradient descent subtracts", "update.added-gradients"),
    ("update_parameters", fn("update_parameters", "params, grads, learning_rate", """
for key in list(params):
    params[key] -= learning_rate * grads["d" + key]
return params
"""), "changed its input in place", "input.changed-in-place"),
    ("update_parameters", _update(layers="range(1, L)"), "the last one, is not updated", "update.misses-last-layer"),
    ("update_parameters", _update(step="params[key] - 0.01 * grads['d' + key]"), "as if the learning rate were 0.01", "update.fixed-learning-rate"),
    ("update_parameters", _update(step="params[key] - learning_rate * grads['d' + key[0] + str(l - 1)]"),
     "an index is off by one", "error.missing-grad-key"),
    ("linear_activation_forward", fn("linear_activation_forward", "A_prev, W, b, activation", """
Z = linear_forward(A_prev, W, b)
if activation == "relu":
    A, activation_cache = relu(Z)
else:
    A, activation_cache = sigmoid(Z)
return A, (Z, activation_cache)
"""), "a tuple was used in arithmetic", "error.tuple-in-arithmetic"),
    ("L_model_backward", _L_backward(dAL="-(np.divide(Y, AL) + np.divide(1 - Y, 1 - AL))"),
     "already the output layer's dW", "backward.output-step"),
    # one mistake for each catalogue entry the ones above do not name
    ("initialize_parameters_deep", _deep(weight="np.random.rand(layer_dims[l], layer_dims[l - 1]) * 0.01"), "np.random.rand", "initialize.rand-not-randn"),
    ("linear_activation_forward", _activation_forward("A, activation_cache = Z, Z\nreturn A, (linear_cache, activation_cache)"),
     "activation", "forward.activation-skipped"),
    ("linear_activation_forward", _activation_forward("A, activation_cache = relu(Z)\nreturn A, (linear_cache, activation_cache)"),
     "relu", "forward.relu-for-sigmoid"),
    ("L_model_forward", _L_forward(hidden="sigmoid"), "relu", "forward.sigmoid-in-hidden-layers"),
    ("linear_backward", _linear_backward(dW="np.dot(A_prev, dZ.T) / m"), "dW", "backward.dw-argument-order"),
    ("L_model_forward", _L_forward(L="len(parameters)"), "L = len(parameters) // 2", "error.missing-layer-key"),
    ("L_model_forward", _L_forward(caches="[caches[l] for l in range(1, len(caches) + 1)]"), "a list index is past its end", "error.list-index"),
    ("L_model_backward", _L_backward().replace("return grads", "grads['dA' + str(L)] = dAL\n    return grads"),
     "is where the backward pass starts", "backward.grads-numbering"),
    ("L_model_backward", _L_backward().replace('grads["dA" + str(l)], caches[l - 1]', 'grads["dA" + str(l - 1)], caches[l - 1]'),
     "grads has no entry", "error.missing-grad-key"),
    ("update_parameters", fn("update_parameters", "params, grads, learning_rate", """
for key in list(params):
    params[key] = params[key] - learning_rate * grads["d" + key]
return params
"""), "changed its input in place", "input.changed-in-place"),
    ("L_model_backward", _L_backward().replace('caches[l - 1], "relu"', 'caches[l], "relu"'),
     "a True/False mask of another shape", "error.mask-shape"),
    ("linear_activation_forward", _activation_forward(
        "A, activation_cache = relu(Z) if activation == 'relu' else sigmoid(Z)\n"
        "return A, (activation_cache, linear_cache)"), "in the other order", "forward.cache-pair-swapped"),
    ("update_parameters", _update(step="params[key] - grads['d' + key] / learning_rate"),
     "divided by the learning rate", "update.divided-by-rate"),
    # round 4: the right computation fed the wrong array, a def line changed
    ("L_model_forward", _L_forward().replace("linear_activation_forward(A, parameters", "linear_activation_forward(X, parameters"),
     "the output of the layer before it", "forward.layer-input-skipped"),
    ("linear_activation_backward", _activation_backward().replace("relu_backward(dA, activation_cache)",
                                                                  "relu_backward(dA, linear_cache)"),
     "pass each part to its step", "backward.cache-part-swapped"),
    ("update_parameters", _update(args="params, grads", step="params[key] - 0.0075 * grads['d' + key]"),
     "restore that def line", "error.def-line-changed"),
    ("L_model_forward", _L_forward().replace('AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)]',
                                             'AL, cache = linear_activation_forward(A, parameters["W" + str(L - 1)], parameters["b" + str(L - 1)]'),
     "each layer uses the W and b of its own number", "forward.weights-of-another-layer"),
    ("initialize_parameters_deep", _deep().replace("np.zeros((layer_dims[l], 1))", "np.zeros((layer_dims[l - 1], 1))"),
     "one entry per unit of its own layer", "initialize.bias-shape"),
    ("linear_forward", _linear_forward(z="W * A + b"), "multiplies entry by entry", "forward.elementwise-product"),
    ("linear_activation_forward", _activation_forward(
        "A, activation_cache = relu(Z) if activation == 'relu' else sigmoid(Z)\nreturn A, linear_cache"),
     "the cache holds only the linear cache", "forward.cache-part-missing"),
    ("linear_activation_backward", _activation_backward().replace("linear_backward(dZ, linear_cache)",
                                                                  "linear_backward(dA, linear_cache)"),
     "pass dZ, not dA", "backward.activation-step-skipped"),
]

# Mistakes only the grader names: it also calls a function without the notebook's variables, checks
# contracts the public checks do not, and its deeper networks show what a public case stops short of.
GRADER_ONLY = [
    ("initialize_parameters", _initialize(b1="np.zeros((n_h, 1), dtype=int)"), "must hold floats", "initialize.b-not-float"),
    ("update_parameters", "learning_rate = 0.05\n\n" + _update(args="params, grads, alpha=0.05"),
     "uses the notebook variable `learning_rate`", "input.notebook-variable"),
    ("L_model_backward", _L_backward().replace('linear_activation_backward(grads["dA" + str(l)], caches[l - 1], "relu")',
                                               'linear_activation_backward(grads["dA" + str(L - 1)], caches[l - 1], "relu")'),
     "is the first that differs", "backward.hidden-step"),
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
