"""A fourth held-out corpus, written blind: 43 realistic single mistakes across the five notebooks,
written on 2026-12-06 while the recognisers of issue 19's fourth round were being written by others,
without reading any recogniser (the hint modules, the properties, the judge, the catalogue
docs/mistakes.md or the notebooks' corpora in tests/corpus): only the reference notebooks in
source/, the course outline and the three other held-out corpora (for the format; the mistakes
here differ from theirs) were read.

The words that name each real cause were fixed with the code, before anything was run. The entries
were then run once only to see that each one's public check fails (a script printing "fails",
"PASSES" or "harness error" per entry, never the report); an entry was to be replaced only if its
check passed or the harness could not run it, and no words were changed after that run.
Before anything was measured, the team lead (who had not seen a report either) narrowed two
words that would have counted a report as naming the cause when it does not: "sign" became " sign"
(it matched inside "assign") and "result" (generic) was replaced by "ignored" in the entry that
throws away update_parameters' result.
That run (with the checks of main at 8daa5ba): all 43 fail, none passed or broke the harness, so
none was replaced. Per notebook: numpy_basics 8, logistic_regression 9, planar_classification 10,
deep_nn_step_by_step 10, deep_nn_application 6.

Each entry is (notebook, function, code of the mistaken function, words naming the real cause), run
and counted by :func:`checks.heldout_mistakes.measure` like the other three.
"""

from __future__ import annotations

from checks.heldout_mistakes_second import APP, MODEL, NN_MODEL, OPTIMIZE


def _f(name: str, args: str, body: str) -> str:
    return f"def {name}({args}):\n" + "\n".join("    " + line for line in body.strip("\n").splitlines()) + "\n"


GRAPH = "a, b, c"


def _graph(da: str, db: str, dc: str) -> str:
    return _f("graph_forward_backward", GRAPH, f"""
u = b * c
v = a + u
J = 3 * v
dv = 3.0
du = dv * np.ones_like(u, dtype=float)
da = {da}
db = {db}
dc = {dc}
return J, {{"da": da, "db": db, "dc": dc}}""")


def _propagate(forward: str, cost: str) -> str:
    return _f("propagate", "w, b, X, Y", f"""
m = X.shape[1]
A = {forward}
cost = {cost}
dZ = A - Y
dw = np.dot(X, dZ.T) / m
db = float(np.sum(dZ) / m)
return {{"dw": dw, "db": db}}, float(np.squeeze(cost))""")


def _optimize(step: str) -> str:
    return _f("optimize", OPTIMIZE, f"""
costs = []
for i in range(num_iterations):
    grads, cost = propagate(w, b, X, Y)
    dw = grads["dw"]
    db = grads["db"]
{step}
    if i % 100 == 0:
        costs.append(cost)
return {{"w": w, "b": b}}, {{"dw": dw, "db": db}}, costs""")


def _planar_backward(dZ1: str, db2: str) -> str:
    return _f("backward_propagation", "parameters, cache, X, Y", f"""
m = X.shape[1]
W2 = parameters["W2"]
A1, A2 = cache["A1"], cache["A2"]
dZ2 = A2 - Y
dW2 = np.dot(dZ2, A1.T) / m
db2 = {db2}
dZ1 = {dZ1}
dW1 = np.dot(dZ1, X.T) / m
db1 = np.sum(dZ1, axis=1, keepdims=True) / m
return {{"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}}""")


def _nn_model(seed: str = "np.random.seed(3)\n", init: str = "initialize_parameters(n_x, n_h, n_y)") -> str:
    return _f("nn_model", NN_MODEL, f"""
{seed}n_x, _, n_y = layer_sizes(X, Y)
parameters = {init}
for i in range(num_iterations):
    A2, cache = forward_propagation(X, parameters)
    cost = compute_cost(A2, Y)
    grads = backward_propagation(parameters, cache, X, Y)
    parameters = update_parameters(parameters, grads)
return parameters""")


def _two_layer(loop: str = "range(num_iterations)", update: str = "parameters = update_parameters",
               unpack_once: bool = False) -> str:
    unpack = 'W1, b1 = parameters["W1"], parameters["b1"]\nW2, b2 = parameters["W2"], parameters["b2"]'
    inside = "" if unpack_once else "\n".join("    " + line for line in unpack.splitlines()) + "\n"
    return _f("two_layer_model", APP, f"""
np.random.seed(1)
costs = []
n_x, n_h, n_y = layers_dims
parameters = initialize_parameters(n_x, n_h, n_y)
{unpack if unpack_once else ""}
for i in {loop}:
{inside}    A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
    A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
    cost = compute_cost(A2, Y)
    dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
    dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
    dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
    grads = {{"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}}
    {update}(parameters, grads, learning_rate)
    if i % 100 == 0:
        costs.append(cost)
return parameters, costs""")


def _l_layer(start: str = "", scale: str = "np.sqrt(layers_dims[l - 1])", result: str = "costs") -> str:
    return _f("L_layer_model", APP, f"""
np.random.seed(1)
{start}costs = []
parameters = {{}}
for l in range(1, len(layers_dims)):
    parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) / {scale}
    parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
for i in range(num_iterations):
    AL, caches = L_model_forward(X, parameters)
    cost = compute_cost(AL, Y)
    grads = L_model_backward(AL, Y, caches)
    parameters = update_parameters(parameters, grads, learning_rate)
    if i % 100 == 0:
        costs.append(cost)
return parameters, {result}""")


CORPUS = [
    # ------------------------------------------------------------------ numpy_basics
    ("numpy_basics", "basic_sigmoid", _f("basic_sigmoid", "x", "s = 1 / (1 + math.exp(-x))"),
     ["return s", "no `return`", "return statement", "None", "returns nothing"]),
    ("numpy_basics", "sigmoid", _f("sigmoid", "x", "s = 1 / (1 + np.exp(-np.abs(x)))\nreturn s"),
     ["abs", "negative", " sign"]),
    ("numpy_basics", "sigmoid_derivative", _f("sigmoid_derivative", "x", "s = sigmoid(x)\nds = s * (1 - s)\nreturn s"),
     ["`ds`", "return ds", "s itself", "sigmoid itself", "the sigmoid, not", "instead of its derivative"]),
    ("numpy_basics", "image2vector", _f("image2vector", "image",
                                        "a, b, c = image.shape\nv = image.reshape(1, a * b * c)\nreturn v"),
     ["column", "row vector", "(a*b*c, 1)", "(a * b * c, 1)", "(-1, 1)"]),
    ("numpy_basics", "normalize_rows", _f("normalize_rows", "x", """
x_norm = np.linalg.norm(x, axis=1, keepdims=True)
x /= x_norm
return x"""), ["in place", "in-place", "modif", "/=", "changes x", "new array", "your input"]),
    ("numpy_basics", "softmax", _f("softmax", "x", """
x_exp = np.exp(x)
x_sum = np.sum(x, axis=1, keepdims=True)
s = x_exp / x_sum
return s"""), ["x_exp", "exponentials", "np.exp", "sum of the exp"]),
    ("numpy_basics", "L1", _f("L1", "yhat, y", "loss = np.sum(y - yhat)\nreturn loss"), ["abs", "absolute"]),
    ("numpy_basics", "L2", _f("L2", "yhat, y", "d = y - yhat\nloss = np.sum(d * 2)\nreturn loss"),
     ["** 2", "**2", "square", "times 2 instead", "multiplied by 2"]),
    # ------------------------------------------------------------------ logistic_regression
    ("logistic_regression", "initialize_with_zeros", _f("initialize_with_zeros", "dim",
                                                        "w = np.zeros((dim, 1), dtype=int)\nb = 0.0\nreturn w, b"),
     ["float", "dtype", "integer"]),
    ("logistic_regression", "graph_forward_backward", _graph("dv * np.ones_like(a, dtype=float)", "du * b", "du * c"),
     ["swapped", "3c", "3 * c", "3·c", "the other factor", "db and dc"]),
    ("logistic_regression", "graph_forward_backward", _graph("np.ones_like(a, dtype=float)", "c", "b"),
     ["chain rule", "dv", "times 3", "3 times", "factor 3", "factor of 3"]),
    ("logistic_regression", "propagate",
     _propagate("sigmoid(np.dot(w.T, X) + b)", "np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m"),
     ["minus", " sign", "negat"]),
    ("logistic_regression", "propagate",
     _propagate("sigmoid(np.dot(w.T, X)) + b", "-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m"),
     ["inside", "before the sigmoid", "parenthes", "+ b"]),
    ("logistic_regression", "optimize", _optimize("    w -= learning_rate * dw\n    b -= learning_rate * db"),
     ["in place", "in-place", "-=", "modif", "caller", "changes w"]),
    ("logistic_regression", "optimize", _optimize("    w = w + learning_rate * dw\n    b = b + learning_rate * db"),
     ["minus", "subtract", "ascent", " sign", "opposite direction", "uphill", "- learning_rate"]),
    ("logistic_regression", "predict", _f("predict", "w, b, X", """
A = sigmoid(np.dot(w.T, X) + b)
Y_prediction = (A > 0).astype(float)
return Y_prediction"""), ["0.5", "threshold"]),
    ("logistic_regression", "model", _f("model", MODEL, """
w, b = initialize_with_zeros(X_train.shape[0])
params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
w = params["w"]
b = params["b"]
Y_prediction_test = predict(w, b, X_train)
Y_prediction_train = predict(w, b, X_train)
return {"costs": costs, "Y_prediction_test": Y_prediction_test, "Y_prediction_train": Y_prediction_train,
        "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}"""),
     ["X_test", "test set", "test examples", "test data"]),
    # ------------------------------------------------------------------ planar_classification
    ("planar_classification", "layer_sizes", _f("layer_sizes", "X, Y", """
n_x = X.shape[0]
n_h = 4
n_y = Y.shape
return (n_x, n_h, n_y)"""), ["shape[0]", "an int", "a number", "not an integer", "integer"]),
    ("planar_classification", "initialize_parameters", _f("initialize_parameters", "n_x, n_h, n_y", """
W2 = np.random.randn(n_y, n_h) * 0.01
W1 = np.random.randn(n_h, n_x) * 0.01
b1 = np.zeros((n_h, 1))
b2 = np.zeros((n_y, 1))
return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}"""), ["order", "W1 first", "before W2", "drawn in", "after W1"]),
    ("planar_classification", "forward_propagation", _f("forward_propagation", "X, parameters", """
W1, b1 = parameters["W1"], parameters["b1"]
W2, b2 = parameters["W2"], parameters["b2"]
Z1 = np.dot(W1, X) + b1
A1 = sigmoid(Z1)
Z2 = np.dot(W2, A1) + b2
A2 = sigmoid(Z2)
return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}"""), ["tanh"]),
    ("planar_classification", "compute_cost", _f("compute_cost", "A2, Y", """
m = Y.shape[1]
logprobs = np.multiply(Y, np.log(A2)) + np.multiply(1 - Y, np.log(1 - Y))
cost = -np.sum(logprobs) / m
return float(np.squeeze(cost))"""), ["log(1 - A2)", "log(1 − A2)", "1 - A2", "1 − A2", "log(1 − a)", "log(1 - a)"]),
    ("planar_classification", "backward_propagation",
     _planar_backward("np.dot(W2.T, dZ2) * A1 * (1 - A1)", "np.sum(dZ2, axis=1, keepdims=True) / m"),
     ["tanh", "1 - A1²", "1 − A1²", "np.power(A1, 2)", "1 - A1**2", "A1 ** 2", "sigmoid's derivative",
      "sigmoid derivative"]),
    ("planar_classification", "backward_propagation",
     _planar_backward("np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))", "np.sum(dZ2, axis=1) / m"),
     ["keepdims", "rank-1", "(n_y, 1)"]),
    ("planar_classification", "update_parameters", _f("update_parameters", "parameters, grads, learning_rate=1.2", """
new_parameters = {}
for name in ("W1", "b1", "W2", "b2"):
    new_parameters[name] = parameters[name] - learning_rate * grads[name]
return new_parameters"""), ["dW1", '"d" +', "'d' +", "d-prefixed", "prefix"]),
    ("planar_classification", "nn_model", _nn_model(init="initialize_parameters(n_x, n_y, n_h)"),
     ["order", "swapped", "(n_x, n_h, n_y)"]),
    ("planar_classification", "nn_model", _nn_model(seed=""), ["seed"]),
    ("planar_classification", "predict", _f("predict", "parameters, X", """
A2, _ = forward_propagation(parameters, X)
predictions = A2 > 0.5
return predictions"""), ["order", "swapped", "(X, parameters)"]),
    # ------------------------------------------------------------------ deep_nn_step_by_step
    ("deep_nn_step_by_step", "initialize_parameters", _f("initialize_parameters", "n_x, n_h, n_y", """
np.random.seed(1)
W1 = np.random.randn(n_h, n_x) / np.sqrt(n_x)
b1 = np.zeros((n_h, 1))
W2 = np.random.randn(n_y, n_h) / np.sqrt(n_h)
b2 = np.zeros((n_y, 1))
return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}"""), ["0.01", "scale"]),
    ("deep_nn_step_by_step", "initialize_parameters_deep", _f("initialize_parameters_deep", "layer_dims", """
parameters = {}
L = len(layer_dims) - 1
for l in range(1, L + 1):
    np.random.seed(3)
    parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
    parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
return parameters"""), ["seed", "once", "before the loop", "inside the loop"]),
    ("deep_nn_step_by_step", "linear_forward", _f("linear_forward", "A, W, b", """
Z = W * A + b
cache = (A, W, b)
return Z, cache"""), ["np.dot", "matrix product", "element-wise", "@", "matrix multiplication"]),
    ("deep_nn_step_by_step", "linear_activation_forward", _f("linear_activation_forward", "A_prev, W, b, activation", """
Z, linear_cache = linear_forward(A_prev, W, b)
if activation == "sigmoid":
    A, activation_cache = relu(Z)
elif activation == "relu":
    A, activation_cache = relu(Z)
cache = (linear_cache, activation_cache)
return A, cache"""), ["sigmoid(Z)", "sigmoid"]),
    ("deep_nn_step_by_step", "L_model_forward", _f("L_model_forward", "X, parameters", """
caches = []
A = X
L = len(parameters) // 2
for l in range(1, L):
    A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
caches.append(cache)
return AL, caches"""), ["append", "every layer", "each layer", "one cache per layer", "L caches"]),
    ("deep_nn_step_by_step", "compute_cost", _f("compute_cost", "AL, Y", """
m = Y.shape[1]
cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL), axis=1, keepdims=True) / m
return cost"""), ["squeeze", "0-d", "single number", "(1, 1)", "a number"]),
    ("deep_nn_step_by_step", "linear_backward", _f("linear_backward", "dZ, cache", """
A_prev, W, b = cache
m = A_prev.shape[1]
dA_prev = np.dot(W.T, dZ)
dW = np.dot(A_prev, dZ.T) / m
db = np.sum(dZ, axis=1, keepdims=True) / m
return dA_prev, dW, db"""), ["order", "swapped", "np.dot(dZ, A_prev.T)", "dZ first", "transpose of"]),
    ("deep_nn_step_by_step", "linear_activation_backward", _f("linear_activation_backward", "dA, cache, activation", """
linear_cache, activation_cache = cache
if activation == "relu":
    dZ = sigmoid_backward(dA, activation_cache)
elif activation == "sigmoid":
    dZ = relu_backward(dA, activation_cache)
dA_prev, dW, db = linear_backward(dZ, linear_cache)
return dA_prev, dW, db"""), ["swapped", "relu_backward", "sigmoid_backward", "the other activation"]),
    ("deep_nn_step_by_step", "L_model_backward", _f("L_model_backward", "AL, Y, caches", """
grads = {}
L = len(caches)
dAL = -(Y / AL - (1 - Y) / (1 - AL))
dA_prev, dW, db = linear_activation_backward(dAL, caches[-1], "sigmoid")
grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = dA_prev, dW, db
for l in range(1, L):
    dA_prev, dW, db = linear_activation_backward(grads[f"dA{l}"], caches[l - 1], "relu")
    grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db
return grads"""), ["reversed", "backward order", "last layer first", "from the last", "from layer L"]),
    ("deep_nn_step_by_step", "update_parameters", _f("update_parameters", "params, grads, learning_rate", """
parameters = dict(params)
L = len(params) // 2
for l in range(1, L):
    parameters["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + str(l)]
    parameters["b" + str(l)] = params["b" + str(l)] - learning_rate * grads["db" + str(l)]
return parameters"""), ["L + 1", "last layer", "range(1, L + 1)"]),
    # ------------------------------------------------------------------ deep_nn_application
    ("deep_nn_application", "two_layer_model", _two_layer(update="update_parameters"),
     ["assign", "thrown away", "discard", "parameters =", "ignored"]),
    ("deep_nn_application", "two_layer_model", _two_layer(unpack_once=True),
     ["inside the loop", "every iteration", "stale", "updated parameters", "refresh"]),
    ("deep_nn_application", "two_layer_model", _two_layer(loop="range(num_iterations + 1)"),
     ["range(num_iterations)", "one iteration", "one extra", "one more", "too many"]),
    ("deep_nn_application", "L_layer_model", _l_layer(start="X = X / 255\n"),
     ["255", "already scaled", "scaled twice", "rescal"]),
    ("deep_nn_application", "L_layer_model", _l_layer(scale="np.sqrt(layers_dims[l])"),
     ["l - 1", "l-1", "previous layer", "fan-in", "inputs of the layer", "layers_dims[l - 1]"]),
    ("deep_nn_application", "L_layer_model", _l_layer(result="cost"),
     ["list of costs", "costs list", "return costs", "`costs`", "last cost", "single cost"]),
]
