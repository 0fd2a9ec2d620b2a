"""A sixth held-out corpus, written blind: 41 realistic single mistakes across the five notebooks,
written on 2026-12-06 while the team lead was writing new recognisers for issue 19, without reading
any recogniser (the hint modules, the properties, the judge, the catalogue docs/mistakes.md or the
notebooks' corpora in tests/corpus): only the reference notebooks in source/, the course outline
and the five other held-out corpora (for the format; the mistakes here differ from theirs) were
read.

Each mistake is one slip a student of the course makes in the function's own code, the notebook's
other functions called as the notebook calls them. The words that name each real cause were fixed
with the code, before anything was run, and kept narrow: the count is a lower-case substring test
on the report's "Likely mistake:" and "Hint:" lines, so words such as "sign", "order" or "result"
that many sentences contain are avoided. The entries were then run once only to see that each
one's public check fails (a script printing "fails", "PASSES" or "harness error" per entry, never
the report); an entry was to be replaced, by a replacement also written with its words before
that run, only if its check passed or the harness could not run it, and no words or entries were
changed after that run.
That run (with the checks of main at 3d8e8e0): all 41 failed and none broke the harness, so
none was replaced (seven replacements written beforehand, for the entries thought most likely to
pass, were not needed and are not in this file). The helpers that build the code were then
merged into one (``_wrong``), the 41 code strings checked identical, and the same script run
again: 41 fail.

Per notebook: numpy_basics 7, logistic_regression 8, planar_classification 9,
deep_nn_step_by_step 11, deep_nn_application 6. Each entry is (notebook, function, code of the
mistaken function, words naming the real cause), run and counted by
:func:`checks.heldout_mistakes.measure` like the other five.
"""

from __future__ import annotations

from checks.heldout_mistakes_fifth import (DEEP_BACKWARD_BODY, DEEP_FORWARD_BODY, DEEP_INIT_BODY, GRAPH_BODY,
                                           L_LAYER_BODY, MODEL_BODY, NN_MODEL_BODY, PLANAR_BACKWARD_BODY,
                                           PLANAR_FORWARD_BODY, PLANAR_INIT_BODY, PROPAGATE_BODY, TWO_LAYER_BODY,
                                           _f, _slip)
from checks.heldout_mistakes_second import APP, MODEL, NN_MODEL, OPTIMIZE

OPTIMIZE_LOOP = """
costs = []
for i in range(num_iterations):
    grads, cost = propagate(w, b, X, Y)
    w = w - learning_rate * grads["dw"]
    b = b - learning_rate * grads["db"]
    if i % 100 == 0:
        costs.append(cost)
return {"w": w, "b": b}, grads, costs"""

CROSS_ENTROPY = "cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m"
L_LAYER_UPDATE = "    parameters = update_parameters(parameters, grads, learning_rate)\n"


BODIES = {
    "optimize": (OPTIMIZE, OPTIMIZE_LOOP),
    "backward_propagation": ("parameters, cache, X, Y", PLANAR_BACKWARD_BODY),
    "L_model_backward": ("AL, Y, caches", DEEP_BACKWARD_BODY),
    "two_layer_model": (APP, TWO_LAYER_BODY),
    "L_layer_model": (APP, L_LAYER_BODY),
}


def _wrong(name: str, right: str, wrong: str) -> str:
    """The correct ``name`` of :data:`BODIES` with its one line ``right`` written as ``wrong``."""
    args, body = BODIES[name]
    return _slip(name, args, body, right, wrong)


CORPUS = [
    # ------------------------------------------------------------------ numpy_basics
    ("numpy_basics", "basic_sigmoid", _f("basic_sigmoid", "x", "s = 1 / (1 + math.exp(-x))\nreturn round(s, 2)"),
     ["round(", "rounded", "rounding", "decimals"]),
    ("numpy_basics", "sigmoid", _f("sigmoid", "x", "x *= -1\ns = 1 / (1 + np.exp(x))\nreturn s"),
     ["in place", "in-place", "*=", "modifies", "modified"]),
    ("numpy_basics", "sigmoid_derivative",
     _f("sigmoid_derivative", "x", "ds = np.exp(-x) / (1 + np.exp(-x))\nreturn ds"),
     ["squared", "** 2", "**2", "denominator", "s * (1 - s)", "s(1 − s)", "s·(1 − s)"]),
    ("numpy_basics", "image2vector",
     _f("image2vector", "image", "a, b, c = image.shape\nv = image.T.reshape(a * b * c, 1)\nreturn v"),
     ["image.t", "transpos", "row-major", "column-major", "c order", "fortran"]),
    ("numpy_basics", "normalize_rows", _f("normalize_rows", "x", """
x_norm = np.linalg.norm(x, axis=1)
x_normalized = x / x_norm
return x_normalized"""), ["keepdims", "(n, 1)", "column of norms", "rank-1"]),
    ("numpy_basics", "softmax", _f("softmax", "x", """
x_exp = np.exp(x) - np.max(x, axis=1, keepdims=True)
x_sum = np.sum(x_exp, axis=1, keepdims=True)
s = x_exp / x_sum
return s"""), ["inside the exp", "inside np.exp", "before the exp", "before exponentiat", "np.exp(x - ", "parenthes",
              "after the exp"]),
    ("numpy_basics", "L1", _f("L1", "yhat, y", "loss = np.abs(np.sum(y - yhat))\nreturn loss"),
     ["sum of the absolute", "absolute value of each", "each difference", "before summing", "np.sum(np.abs",
      "abs of the sum", "absolute value of the sum"]),
    # ------------------------------------------------------------------ logistic_regression
    ("logistic_regression", "initialize_with_zeros",
     _f("initialize_with_zeros", "dim", "w = np.random.randn(dim, 1) * 0.01\nb = 0.0\nreturn w, b"),
     ["randn", "random", "not zero", "all zeros", "must be zero"]),
    ("logistic_regression", "graph_forward_backward",
     _slip("graph_forward_backward", "a, b, c", GRAPH_BODY, "J = 3 * v", "J = 3 * a + u"),
     ["3 * (a + ", "3 * v", "3·v", "parenthes", "precedence", "whole sum", "3(a + bc)"]),
    ("logistic_regression", "propagate",
     _slip("propagate", "w, b, X, Y", PROPAGATE_BODY, CROSS_ENTROPY,
           "cost = -(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m"),
     ["np.sum", "sum over", "summed", "sum the", "add up", "one number per example"]),
    ("logistic_regression", "propagate",
     _slip("propagate", "w, b, X, Y", PROPAGATE_BODY, "A = sigmoid(np.dot(w.T, X) + b)", "A = np.dot(w.T, X) + b"),
     ["sigmoid(", "apply the sigmoid", "without the sigmoid", "skipped the sigmoid", "no sigmoid",
      "missing sigmoid", "forgot the sigmoid"]),
    ("logistic_regression", "optimize",
     _wrong("optimize", "    if i % 100 == 0:\n        costs.append(cost)", "    costs.append(cost)"),
     ["i % 100", "every 100", "every hundred", "iterations 0, 100", "100th"]),
    ("logistic_regression", "optimize",
     _wrong("optimize", '\nreturn {"w": w, "b": b}, grads, costs', '\n    return {"w": w, "b": b}, grads, costs'),
     ["indent", "inside the loop", "first iteration", "after the loop", "only one step", "single step"]),
    ("logistic_regression", "predict", _f("predict", "w, b, X", """
w = w.reshape(X.shape[0], 1)
A = sigmoid(np.dot(w.T, X) + b)
Y_prediction = (A < 0.5).astype(float)
return Y_prediction"""), ["> 0.5", "inverted", "flipped", "the other way round", "labels swapped", "less than",
                          "< 0.5"]),
    ("logistic_regression", "model",
     _slip("model", MODEL, MODEL_BODY, "X_train, Y_train, num_iterations, learning_rate, print_cost",
           "X_train, Y_train, 2000, learning_rate, print_cost"),
     ["num_iterations", "hard-coded", "hardcoded", "2000"]),
    # ------------------------------------------------------------------ planar_classification
    ("planar_classification", "layer_sizes", _f("layer_sizes", "X, Y", """
n_x = X.shape[0]
n_h = 4
n_y = Y.shape[0]
return [n_x, n_h, n_y]"""), ["tuple", "a list", "not a list"]),
    ("planar_classification", "initialize_parameters",
     _slip("initialize_parameters", "n_x, n_h, n_y", PLANAR_INIT_BODY, "W1 = np.random.randn(n_h, n_x) * 0.01",
           "W1 = np.zeros((n_h, n_x))"),
     ["symmetr", "random", "randn", "zeros for the weights", "all zero"]),
    ("planar_classification", "forward_propagation",
     _slip("forward_propagation", "X, parameters", PLANAR_FORWARD_BODY, 'A1) + parameters["b2"]',
           'A1) + parameters["b1"]'),
     ["b2", "layer 2's bias", "bias of layer 2"]),
    ("planar_classification", "compute_cost", _f("compute_cost", "A2, Y", """
m = Y.shape[1]
logprobs = np.multiply(Y, np.log10(A2)) + np.multiply(1 - Y, np.log10(1 - A2))
cost = -np.sum(logprobs) / m
return float(np.squeeze(cost))"""), ["log10", "natural log", "base 10", "base-10", "ln(10)", "ln 10"]),
    ("planar_classification", "backward_propagation",
     _wrong("backward_propagation", "np.dot(dZ2, A1.T)", "np.dot(dZ2, A2.T)"),
     ["a1.t", "a1 instead", "instead of a1", "hidden activations", "hidden layer's activations"]),
    ("planar_classification", "backward_propagation",
     _wrong("backward_propagation", "np.dot(W2.T, dZ2)", "np.dot(W2, dZ2)"),
     ["w2.t", "transpose of w2", "transposed w2", "w2 transposed"]),
    ("planar_classification", "update_parameters", _f("update_parameters", "parameters, grads, learning_rate=1.2", """
for name in ("W1", "b1", "W2", "b2"):
    parameters[name] -= learning_rate * grads["d" + name]
return parameters"""), ["in place", "in-place", "-=", "modifies", "modified", "new dict", "a copy"]),
    ("planar_classification", "nn_model",
     _slip("nn_model", NN_MODEL, NN_MODEL_BODY, "np.random.seed(3)\nn_x, _, n_y = layer_sizes(X, Y)\n"
           "parameters = initialize_parameters(n_x, n_h, n_y)",
           "n_x, _, n_y = layer_sizes(X, Y)\nparameters = initialize_parameters(n_x, n_h, n_y)\nnp.random.seed(3)"),
     ["seed(3)", "seed before", "seeded before", "before drawing", "after drawing", "seed first", "after initiali",
      "before initiali"]),
    ("planar_classification", "predict", _f("predict", "parameters, X", """
A2, cache = forward_propagation(X, parameters)
predictions = cache["Z2"] > 0.5
return predictions"""), ["z2", "probabilit", "before the sigmoid", "pre-activation"]),
    # ------------------------------------------------------------------ deep_nn_step_by_step
    ("deep_nn_step_by_step", "initialize_parameters",
     _slip("initialize_parameters", "n_x, n_h, n_y", "np.random.seed(1)" + PLANAR_INIT_BODY,
           "b2 = np.zeros((n_y, 1))", "b2 = np.zeros((n_h, 1))"),
     ["(n_y, 1)", "b2 should have n_y", "n_y rows"]),
    ("deep_nn_step_by_step", "initialize_parameters_deep",
     _slip("initialize_parameters_deep", "layer_dims", DEEP_INIT_BODY, 'parameters["W" + str(l)]',
           'parameters["W" + l]'),
     ["str(l)", "f-string", 'f"w{l}"', "turn l into", "convert l", "an int to a string", "int to str"]),
    ("deep_nn_step_by_step", "linear_forward",
     _f("linear_forward", "A, W, b", "Z = np.dot(W, A) + b\ncache = (W, A, b)\nreturn Z, cache"),
     ["(a, w, b)", "cache order", "order of the cache", "cache in the order"]),
    ("deep_nn_step_by_step", "linear_activation_forward",
     _f("linear_activation_forward", "A_prev, W, b, activation", """
Z, linear_cache = linear_forward(A_prev, W, b)
if activation == "sigmoid":
    A, activation_cache = sigmoid(Z)
elif activation == "Relu":
    A, activation_cache = relu(Z)
cache = (linear_cache, activation_cache)
return A, cache"""), ['"relu"', "'relu'", "spelled", "spelling", "capital", "lower-case", "lowercase", "typo",
                      "upper-case", "uppercase"]),
    ("deep_nn_step_by_step", "L_model_forward",
     _slip("L_model_forward", "X, parameters", DEEP_FORWARD_BODY, "for l in range(1, L):", "for l in range(1, L + 1):"),
     ["range(1, l)", "one layer too many", "l - 1 relu", "hidden layers only", "last layer twice", "extra layer"]),
    ("deep_nn_step_by_step", "compute_cost", _f("compute_cost", "AL, Y", """
m = Y.shape[1]
cost = -np.sum(Y * np.log(1 - AL) + (1 - Y) * np.log(AL)) / m
cost = np.squeeze(cost)
return cost"""), ["y * np.log(al)", "y * log(al)", "y·log(a", "terms swapped", "swapped the two log",
                  "log(al) and log(1 - al)"]),
    ("deep_nn_step_by_step", "linear_backward", _f("linear_backward", "dZ, cache", """
A_prev, W, b = cache
m = A_prev.shape[1]
dW = np.dot(dZ, A_prev.T)
db = np.sum(dZ, axis=1, keepdims=True) / m
dA_prev = np.dot(W.T, dZ)
return dA_prev, dW, db"""), ["/ m", "divide by m", "divided by m", "m times", "times too large", "average"]),
    ("deep_nn_step_by_step", "linear_activation_backward", _f("linear_activation_backward", "dA, cache, activation", """
activation_cache, linear_cache = cache
if activation == "relu":
    dZ = relu_backward(dA, activation_cache)
elif activation == "sigmoid":
    dZ = sigmoid_backward(dA, activation_cache)
dA_prev, dW, db = linear_backward(dZ, linear_cache)
return dA_prev, dW, db"""), ["(linear_cache, activation_cache)", "linear_cache first", "order of the cache",
                              "cache holds"]),
    ("deep_nn_step_by_step", "L_model_backward",
     _wrong("L_model_backward", "for l in reversed(range(L - 1)):", "for l in reversed(range(1, L - 1)):"),
     ["range(l - 1)", "first layer", "one layer short", "stops one layer", "stops early", "loop bound"]),
    ("deep_nn_step_by_step", "L_model_backward",
     _wrong("L_model_backward", "dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
                    "dAL = -(np.divide(Y, AL) + np.divide(1 - Y, 1 - AL))"),
     ["minus", "subtract", "+ instead of -", "sign of the second", "- np.divide(1 - y"]),
    ("deep_nn_step_by_step", "update_parameters", _f("update_parameters", "params, grads, learning_rate", """
L = len(params) // 2
parameters = {}
for l in range(1, L + 1):
    parameters[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]
    parameters[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]
return params"""), ["return parameters", "returned params", "returns params", "the dict you built",
                    "old parameters", "not updated", "unchanged input"]),
    # ------------------------------------------------------------------ deep_nn_application
    ("deep_nn_application", "two_layer_model",
     _wrong("two_layer_model", "A2, cache2 = linear_activation_forward(A1, ",
            "A2, cache2 = linear_activation_forward(X, "),
     ["a1 instead", "instead of a1", "(a1,", "input of layer 2", "hidden activations", "pass a1",
      "output of layer 1", "layer 1's output"]),
    ("deep_nn_application", "two_layer_model",
     _wrong("two_layer_model", 'dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")',
                'dW2, db2, dA1 = linear_activation_backward(dA2, cache2, "sigmoid")'),
     ["da_prev, dw, db", "da1, dw2, db2", "returns da_prev first", "unpack", "order it returns",
      "returned in the order"]),
    ("deep_nn_application", "two_layer_model",
     _wrong("two_layer_model", "update_parameters(parameters, grads, learning_rate)",
            "update_parameters(parameters, grads, 0.0075)"),
     ["learning_rate", "learning rate", "0.0075", "hard-coded", "hardcoded"]),
    ("deep_nn_application", "L_layer_model",
     _f("L_layer_model", APP, L_LAYER_BODY.replace(L_LAYER_UPDATE, "").replace(
         "return parameters, costs", L_LAYER_UPDATE.strip() + "\nreturn parameters, costs")),
     ["inside the loop", "indent", "only once", "every iteration", "after the loop", "each iteration"]),
    ("deep_nn_application", "L_layer_model",
     _wrong("L_layer_model", "/ np.sqrt(layers_dims[l - 1])", "* np.sqrt(layers_dims[l - 1])"),
     ["divide by the square root", "/ np.sqrt", "1/√", "1 / √", "instead of dividing",
      "multiplied by the square root", "multiply by √", "dividing by"]),
    ("deep_nn_application", "L_layer_model",
     _wrong("L_layer_model", "grads = L_model_backward(AL, Y, caches)", "grads = L_model_backward(Y, AL, caches)"),
     ["(al, y, caches)", "argument order", "arguments swapped", "swapped arguments", "y and al", "al and y"]),
]
