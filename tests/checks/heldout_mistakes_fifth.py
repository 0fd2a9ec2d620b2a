"""A fifth held-out corpus, written blind: 40 realistic single mistakes across the five notebooks,
written on 2026-12-06 while the team lead was writing the recognisers of issue 19's fifth round,
without reading any recogniser (the hint modules, the properties, the judge, the catalogue
docs/mistakes.md or the notebooks' corpora in tests/corpus): only the reference notebooks in
source/, the course outline and the four other held-out corpora (for the format; the mistakes
here differ from theirs) were read.

Each mistake is written as a student of the course makes it: one slip in the function's own code,
the notebook's other functions called as the notebook calls them. The words that name each real
cause were fixed with the code, before anything was run, and chosen narrow (the count is a
lower-case substring test on the report's "Likely mistake:" and "Hint:" lines, so a word such as
"sign" or "order" would match sentences about other causes). The entries were then run once only
to see that each one's public check fails (a script printing "fails", "PASSES" or "harness error"
per entry, never the report); an entry was to be replaced only if its check passed or the harness
could not run it, and no words were changed after that run. (Before that run, two word lists were
narrowed: "//" could match a web address, and "sigmoid" alone any sentence about the output layer.)
That run (with the checks of main at 45c2578): 39 failed at once and one passed, so two
replacements were made, each written with its words before it was run: the predict of
logistic_regression returning booleans (`A > 0.5` without `.astype(float)`) passed, and so did its
first replacement, a predict that forgets `+ b`; the second replacement, `np.dot(X.T, w)` instead of
`np.dot(w.T, X)`, fails. None broke the harness. Then all 40 fail.

Per notebook: numpy_basics 7, logistic_regression 8, planar_classification 9,
deep_nn_step_by_step 10, deep_nn_application 6. Each entry is (notebook, function, code of the
mistaken function, words naming the real cause), run and counted by
:func:`checks.heldout_mistakes.measure` like the other four.
"""

from __future__ import annotations

from checks.heldout_mistakes_second import APP, MODEL, NN_MODEL, OPTIMIZE


def _f(name: str, args: str, body: str) -> str:
    return f"def {name}({args}):\n" + "\n".join("    " + line for line in body.strip("\n").splitlines()) + "\n"


def _slip(name: str, args: str, body: str, right: str, wrong: str) -> str:
    """The function ``name`` with the one line ``right`` of its correct ``body`` written as ``wrong``."""
    if body.count(right) != 1:
        raise ValueError(f"the slip {right!r} must occur exactly once in the body of {name}")
    return _f(name, args, body.replace(right, wrong))


GRAPH_BODY = """
u = b * c
v = a + u
J = 3 * v
dv = 3.0
du = dv
da = dv * np.ones_like(a, dtype=float)
db = du * c
dc = du * b
return J, {"da": da, "db": db, "dc": dc}"""

PROPAGATE_BODY = """
m = X.shape[1]
A = sigmoid(np.dot(w.T, X) + b)
cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
dZ = A - Y
dw = np.dot(X, dZ.T) / m
db = np.sum(dZ) / m
return {"dw": dw, "db": float(db)}, float(np.squeeze(cost))"""

OPTIMIZE_STEP = """
    w = w - learning_rate * grads["dw"]
    b = b - learning_rate * grads["db"]
    if i % 100 == 0:
        costs.append(cost)
return {"w": w, "b": b}, grads, costs"""

MODEL_BODY = """
w, b = initialize_with_zeros(X_train.shape[0])
params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
w, b = params["w"], params["b"]
d = {"costs": costs, "Y_prediction_test": predict(w, b, X_test), "Y_prediction_train": predict(w, b, X_train)}
d.update({"w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations})
return d"""

PLANAR_INIT_BODY = """
W1 = np.random.randn(n_h, n_x) * 0.01
b1 = np.zeros((n_h, 1))
W2 = np.random.randn(n_y, n_h) * 0.01
b2 = np.zeros((n_y, 1))
return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}"""

PLANAR_FORWARD_BODY = """
Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
A1 = np.tanh(Z1)
Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
A2 = sigmoid(Z2)
cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
return A2, cache"""

PLANAR_BACKWARD_BODY = """
m = X.shape[1]
W2 = parameters["W2"]
A1 = cache["A1"]
A2 = cache["A2"]
dZ2 = A2 - Y
dW2 = 1 / m * np.dot(dZ2, A1.T)
db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)
dZ1 = np.multiply(np.dot(W2.T, dZ2), 1 - np.power(A1, 2))
dW1 = 1 / m * np.dot(dZ1, X.T)
db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)
return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}"""

PLANAR_UPDATE_BODY = """
W1 = parameters["W1"] - learning_rate * grads["dW1"]
b1 = parameters["b1"] - learning_rate * grads["db1"]
W2 = parameters["W2"] - learning_rate * grads["dW2"]
b2 = parameters["b2"] - learning_rate * grads["db2"]
return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}"""

NN_MODEL_BODY = """
np.random.seed(3)
n_x, _, n_y = layer_sizes(X, Y)
parameters = initialize_parameters(n_x, n_h, n_y)
for i in range(num_iterations):
    A2, cache = forward_propagation(X, parameters)
    grads = backward_propagation(parameters, cache, X, Y)
    parameters = update_parameters(parameters, grads)
return parameters"""

DEEP_INIT_BODY = """
np.random.seed(3)
parameters = {}
L = len(layer_dims) - 1
for l in range(1, L + 1):
    parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
    parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
return parameters"""

DEEP_FORWARD_BODY = """
caches = []
A = X
L = len(parameters) // 2
for l in range(1, L):
    A_prev = A
    A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
    caches.append(cache)
AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
caches.append(cache)
return AL, caches"""

DEEP_BACKWARD_BODY = """
grads = {}
L = len(caches)
Y = Y.reshape(AL.shape)
dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
current_cache = caches[L - 1]
dA_prev, dW, db = linear_activation_backward(dAL, current_cache, "sigmoid")
grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
for l in reversed(range(L - 1)):
    current_cache = caches[l]
    dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
    grads["dA" + str(l)] = dA_prev
    grads["dW" + str(l + 1)] = dW
    grads["db" + str(l + 1)] = db
return grads"""

TWO_LAYER_BODY = """
np.random.seed(1)
costs = []
n_x, n_h, n_y = layers_dims
parameters = initialize_parameters(n_x, n_h, n_y)
for i in range(num_iterations):
    A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
    cost = compute_cost(A2, Y)
    dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
    dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
    dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    parameters = update_parameters(parameters, grads, learning_rate)
    if i % 100 == 0:
        costs.append(cost)
return parameters, costs"""

L_LAYER_BODY = """
np.random.seed(1)
costs = []
parameters = {}
L = len(layers_dims) - 1
for l in range(1, L + 1):
    parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) / np.sqrt(layers_dims[l - 1])
    parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
for i in range(num_iterations):
    AL, caches = L_model_forward(X, parameters)
    cost = compute_cost(AL, Y)
    grads = L_model_backward(AL, Y, caches)
    parameters = update_parameters(parameters, grads, learning_rate)
    if i % 100 == 0:
        costs.append(cost)
return parameters, costs"""


def _two_layer(right: str, wrong: str) -> str:
    return _slip("two_layer_model", APP, TWO_LAYER_BODY, right, wrong)


def _l_layer(right: str, wrong: str) -> str:
    return _slip("L_layer_model", APP, L_LAYER_BODY, right, wrong)


CORPUS = [
    # ------------------------------------------------------------------ numpy_basics
    ("numpy_basics", "basic_sigmoid", _f("basic_sigmoid", "x", "s = 1 / 1 + math.exp(-x)\nreturn s"),
     ["parenthes", "precedence", "brackets", "1 / (1 +"]),
    ("numpy_basics", "sigmoid", _f("sigmoid", "x", "s = 1 // (1 + np.exp(-x))\nreturn s"),
     ["floor division", "integer division", "// instead of /", "`//`", "floor"]),
    ("numpy_basics", "sigmoid_derivative", _f("sigmoid_derivative", "x", "s = sigmoid(x)\nds = 1 - s ** 2\nreturn ds"),
     ["s * (1 - s)", "s·(1 − s)", "s(1 − s)", "s (1 - s)", "s*(1-s)", "tanh", "1 − s²", "1 - s**2",
      "1 - s ** 2"]),
    ("numpy_basics", "image2vector", _f("image2vector", "image", "v = image.flatten()\nreturn v"),
     ["rank-1", "(a*b*c, 1)", "(a * b * c, 1)", "1-d", "one-dimensional", "column vector", "(-1, 1)", "flatten"]),
    ("numpy_basics", "normalize_rows", _f("normalize_rows", "x",
                                          "x_norm = np.sum(x ** 2, axis=1, keepdims=True)\nreturn x / x_norm"),
     ["sqrt", "square root", "squared norm", "squared length", "np.linalg.norm"]),
    ("numpy_basics", "softmax",
     _f("softmax", "x", "x_exp = np.exp(x)\nreturn x_exp / np.sum(x_exp, axis=0, keepdims=True)"),
     ["axis=1", "each row", "row-wise", "per row", "axis=0"]),
    ("numpy_basics", "L2", _f("L2", "yhat, y", "loss = np.sum(y - yhat) ** 2\nreturn loss"),
     ["sum of squares", "sum of the squares", "square each", "before summing", "squared sum", "square of the sum",
      "each difference"]),
    # ------------------------------------------------------------------ logistic_regression
    ("logistic_regression", "initialize_with_zeros",
     _f("initialize_with_zeros", "dim", "w = np.zeros(dim)\nb = 0.0\nreturn w, b"),
     ["rank-1", "(dim, 1)", "1-d", "one-dimensional", "two dimensions"]),
    ("logistic_regression", "graph_forward_backward",
     _slip("graph_forward_backward", "a, b, c", GRAPH_BODY, "da = dv * np.ones_like(a, dtype=float)", "da = dv"),
     ["ones_like", "scalar", "single number", "not an array", "same shape as a", "shape of a"]),
    ("logistic_regression", "graph_forward_backward",
     _slip("graph_forward_backward", "a, b, c", GRAPH_BODY, "dc = du * b", "dc = du * a"),
     ["du * b", "3b", "3 * b", "3·b", "times b", "b, not a", "instead of b"]),
    ("logistic_regression", "propagate", _slip("propagate", "w, b, X, Y", PROPAGATE_BODY, "dZ = A - Y", "dZ = Y - A"),
     ["A - Y", "A − Y", "Y - A", "Y − A", "opposite sign", "negated", "reversed sign", "flipped sign"]),
    ("logistic_regression", "optimize", _f("optimize", OPTIMIZE, """
costs = []
grads, cost = propagate(w, b, X, Y)
for i in range(num_iterations):""" + OPTIMIZE_STEP),
     ["inside the loop", "every iteration", "recompute", "each step", "same gradient", "each iteration"]),
    ("logistic_regression", "optimize", _f("optimize", OPTIMIZE, """
costs = []
for i in range(num_iterations):
    grads, cost = propagate(w, b, X, Y)""" + OPTIMIZE_STEP.replace("learning_rate * ", "")),
     ["learning_rate", "learning rate", "step size"]),
    ("logistic_regression", "predict", _f("predict", "w, b, X", """
A = sigmoid(np.dot(X.T, w) + b)
Y_prediction = (A > 0.5).astype(float)
return Y_prediction"""), ["np.dot(w.T, X)", "w.T", "(1, m)", "(m, 1)", "transpose"]),
    ("logistic_regression", "model", _slip("model", MODEL, MODEL_BODY, "X_train, Y_train, num_iterations",
                                           "X_train, Y_test, num_iterations"),
     ["Y_train", "training labels", "test labels", "Y_test"]),
    # ------------------------------------------------------------------ planar_classification
    ("planar_classification", "layer_sizes", _f("layer_sizes", "X, Y", """
n_x = X.shape[0]
n_h = 4
n_y = Y.shape[0]
return (n_x, n_y, n_h)"""), ["(n_x, n_h, n_y)", "swapped", "n_h second", "n_y last"]),
    ("planar_classification", "initialize_parameters",
     _slip("initialize_parameters", "n_x, n_h, n_y", PLANAR_INIT_BODY, "W1 = np.random.randn(", "W1 = np.random.rand("),
     ["randn", "uniform", "normal distribution", "standard normal", "gaussian"]),
    ("planar_classification", "initialize_parameters",
     _slip("initialize_parameters", "n_x, n_h, n_y", PLANAR_INIT_BODY, "b1 = np.zeros((n_h, 1))",
           "b1 = np.random.randn(n_h, 1) * 0.01"),
     ["zeros", "zero bias", "at zero", "biases start"]),
    ("planar_classification", "forward_propagation",
     _slip("forward_propagation", "X, parameters", PLANAR_FORWARD_BODY,
           'cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}',
           "cache = (Z1, A1, Z2, A2)"),
     ["a dict", "dictionary", "dict with", "not a tuple"]),
    ("planar_classification", "compute_cost", _f("compute_cost", "A2, Y", """
m = Y.shape[1]
logprobs = np.multiply(Y, np.log(A2)) - np.multiply(1 - Y, np.log(1 - A2))
cost = -np.sum(logprobs) / m
return float(np.squeeze(cost))"""), ["+ (1 - Y)", "+ (1 − Y)", "plus", "add the two", "both terms", "second term"]),
    ("planar_classification", "backward_propagation",
     _slip("backward_propagation", "parameters, cache, X, Y", PLANAR_BACKWARD_BODY, "np.power(A1, 2)",
           "np.power(A2, 2)"),
     ["A1²", "1 - A1", "1 − A1", "A2 instead of A1", "hidden layer's activation", "np.power(A1"]),
    ("planar_classification", "update_parameters",
     _f("update_parameters", "parameters, grads, learning_rate=1.2",
        PLANAR_UPDATE_BODY.replace("learning_rate * ", "1.2 * ")),
     ["learning_rate", "learning rate", "1.2", "hard-coded", "hardcoded"]),
    ("planar_classification", "nn_model", _slip("nn_model", NN_MODEL, NN_MODEL_BODY, "n_x, _, n_y = layer_sizes",
                                                 "n_x, n_h, n_y = layer_sizes"),
     ["the n_h", "n_h you", "n_h passed", "n_h argument", "argument n_h", "overwrit", "overrid", "ignores n_h",
      "ignored n_h"]),
    ("planar_classification", "predict", _f("predict", "parameters, X", """
A2, cache = forward_propagation(X, parameters)
predictions = np.argmax(A2, axis=0)
return predictions"""), ["argmax", "threshold", "> 0.5"]),
    # ------------------------------------------------------------------ deep_nn_step_by_step
    ("deep_nn_step_by_step", "initialize_parameters",
     _f("initialize_parameters", "n_x, n_h, n_y", "np.random.seed(3)" + PLANAR_INIT_BODY),
     ["seed(1)", "seed 1", "seed of 1", "seeded with 1", "seed is 1"]),
    ("deep_nn_step_by_step", "initialize_parameters_deep",
     _slip("initialize_parameters_deep", "layer_dims", DEEP_INIT_BODY, "np.zeros((layer_dims[l], 1))",
           "np.zeros((layer_dims[l - 1], 1))"),
     ["(layer_dims[l], 1)", "layer_dims[l]", "(n[l], 1)", "units of layer l", "l - 1"]),
    ("deep_nn_step_by_step", "initialize_parameters_deep",
     _slip("initialize_parameters_deep", "layer_dims", DEEP_INIT_BODY, "range(1, L + 1)", "range(1, L)"),
     ["L + 1", "last layer", "one layer short", "one layer early", "range(1, len(layer_dims))"]),
    ("deep_nn_step_by_step", "linear_forward",
     _f("linear_forward", "A, W, b", "Z = np.dot(W, A)\ncache = (A, W, b)\nreturn Z, cache"),
     ["+ b", "add b", "adding b", "without b", "missing b", "bias"]),
    ("deep_nn_step_by_step", "linear_activation_forward",
     _f("linear_activation_forward", "A_prev, W, b, activation", """
Z, linear_cache = linear_forward(A_prev, W, b)
if activation == "sigmoid":
    A = sigmoid(Z)
elif activation == "relu":
    A = relu(Z)
activation_cache = Z
return A, (linear_cache, activation_cache)"""), ["tuple", "unpack", "two values", "(A, cache)"]),
    ("deep_nn_step_by_step", "L_model_forward",
     _slip("L_model_forward", "X, parameters", DEEP_FORWARD_BODY, "return AL, caches", "return A, caches"),
     ["return AL", "returned A", "AL instead", "instead of AL", "output layer", "last hidden", "sigmoid layer"]),
    ("deep_nn_step_by_step", "compute_cost", _f("compute_cost", "AL, Y", """
m = Y.shape[1]
cost = -np.sum(Y * np.log(AL) + np.log(1 - AL) * 1 - Y) / m
return np.squeeze(cost)"""), ["parenthes", "(1 - Y)", "(1 − Y)", "precedence", "brackets"]),
    ("deep_nn_step_by_step", "linear_backward", _f("linear_backward", "dZ, cache", """
A_prev, W, b = cache
m = A_prev.shape[1]
dW = np.dot(dZ, A_prev.T) / m
db = np.sum(dZ, keepdims=True) / m
dA_prev = np.dot(W.T, dZ)
return dA_prev, dW, db"""), ["axis=1", "each row", "per unit", "all entries", "whole matrix", "every entry of dz"]),
    ("deep_nn_step_by_step", "linear_activation_backward", _f("linear_activation_backward", "dA, cache, activation", """
linear_cache, activation_cache = cache
if activation == "relu":
    dZ = relu_backward(activation_cache, dA)
elif activation == "sigmoid":
    dZ = sigmoid_backward(dA, activation_cache)
return linear_backward(dZ, linear_cache)"""),
     ["argument order", "arguments swapped", "swapped", "(dA, activation_cache)", "(dA, cache)"]),
    ("deep_nn_step_by_step", "L_model_backward",
     _slip("L_model_backward", "AL, Y, caches", DEEP_BACKWARD_BODY, 'grads["dA" + str(l)] = dA_prev',
           'grads["dA" + str(l + 1)] = dA_prev'),
     ["dA0", "overwrit", "dA{l - 1}", "dA{l-1}", "str(l)"]),
    # ------------------------------------------------------------------ deep_nn_application
    ("deep_nn_application", "two_layer_model", _two_layer("linear_activation_backward(dA1, cache1",
                                                          "linear_activation_backward(dA2, cache1"),
     ["dA1", "layer 2's gradient", "wrong gradient"]),
    ("deep_nn_application", "two_layer_model", _two_layer('linear_activation_backward(dA2, cache2, "sigmoid")',
                                                          'linear_activation_backward(dA2, cache2, "relu")'),
     ["sigmoid_backward", '"sigmoid"', "'sigmoid'", "`sigmoid`", "sigmoid's derivative", "sigmoid derivative",
      "relu_backward", "backward activation"]),
    ("deep_nn_application", "two_layer_model", _two_layer("cost = compute_cost(A2, Y)", "cost = compute_cost(A1, Y)"),
     ["compute_cost(A2", "cost of A2", "output layer", "network's output", "hidden activations", "A1 instead",
      "instead of A2"]),
    ("deep_nn_application", "L_layer_model", _l_layer("/ np.sqrt(layers_dims[l - 1])", "* 0.01"),
     ["sqrt", "√", "square root", "0.01"]),
    ("deep_nn_application", "L_layer_model", _l_layer("np.random.seed(1)\ncosts = []\nparameters = {}\n",
                                                      "costs = []\nparameters = {}\n").replace(
        "for i in range(num_iterations):", "np.random.seed(1)\n    for i in range(num_iterations):"),
     ["seed", "before drawing", "before the weights"]),
    ("deep_nn_application", "L_layer_model", _l_layer("range(num_iterations)", "range(0, num_iterations, 100)"),
     ["range(num_iterations)", "every iteration", "times fewer", "fewer iterations", "third argument"]),
]
