"""A seventh held-out corpus, written blind: 40 realistic single mistakes across the five notebooks,
written on 2026-12-06 while the team lead was writing new recognisers for issue 19, without reading
any recogniser (the hint modules, the properties, the judge, the catalogue docs/mistakes.md or the
notebooks' corpora in tests/corpus): only the reference notebooks in source/, the course outline
and the six other held-out corpora (for the format and, skimmed, their mistakes, which those here
must not repeat) were read.

Each mistake is one slip a student of the course makes in the function's own code, the notebook's
other functions called as the notebook calls them. The words that name each real cause were fixed
with the code, before anything was run, and kept narrow, with several alternatives and short stems
so that any sentence naming the cause contains one: the count is a lower-case substring test on
the report's "Likely mistake:" and "Hint:" lines, so words such as "sign", "order" or "result" that
many sentences contain are avoided. The entries were then run once only to see that each one's
public check fails (a script printing "fails", "PASSES" or "harness error" per entry, never the
report); an entry was to be replaced, by a replacement also written with its words before it was
run, only if its check passed or the harness could not run it, and no words or entries were
changed after that run.
That first run (with the checks of main at a998f52): all 40 failed and none broke the harness
(five replacements written beforehand, for the entries thought most likely to pass, were not
needed and are not in this file). The corpora's own test then showed that six entries were the
very code of entries of the fourth and fifth corpora, and a comparison with those corpora (read
in full only then) found eight more that repeated one of their mistakes in the same function in
other code. Those 14 were replaced by new slips, each written with its words before it was run,
for that reason only (no report was read): normalize_rows dividing in place, the planar
initialisation drawing W2 first, tanh replaced by the sigmoid in the planar forward pass, the
planar update reading grads without the "d", the planar predict's arguments swapped, layer_sizes
returning (n_x, n_y, n_h), logistic predict thresholding at 0, db = du * b in the graph, W * A in
linear_forward, L_model_forward appending no hidden cache, the deep cost summed with axis=1 and
not squeezed, linear_activation_backward handing dA to linear_backward, the deep update
stopping one layer early and dA2 = A2 - Y in two_layer_model. The second run, same script: all 40 fail, none broke the harness.

Per notebook: numpy_basics 7, logistic_regression 8, planar_classification 9,
deep_nn_step_by_step 10, deep_nn_application 6. Each entry is (notebook, function, code of the
mistaken function, words naming the real cause), run and counted by
:func:`checks.heldout_mistakes.measure` like the other six.
"""

from __future__ import annotations

from checks.heldout_mistakes_fifth import (DEEP_FORWARD_BODY, DEEP_INIT_BODY, GRAPH_BODY, MODEL_BODY,
                                           NN_MODEL_BODY, PLANAR_FORWARD_BODY, PLANAR_INIT_BODY, PROPAGATE_BODY,
                                           _f, _slip)
from checks.heldout_mistakes_second import APP, MODEL, NN_MODEL
from checks.heldout_mistakes_sixth import CROSS_ENTROPY, _wrong

L_LAYER_INIT = """for l in range(1, L + 1):
    parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) / np.sqrt(layers_dims[l - 1])
    parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))"""

L_LAYER_INIT_FROM_0 = """for l in range(L):
    parameters["W" + str(l)] = np.random.randn(layers_dims[l + 1], layers_dims[l]) / np.sqrt(layers_dims[l])
    parameters["b" + str(l)] = np.zeros((layers_dims[l + 1], 1))"""

SAME_ORDER = ["argument order", "arguments swapped", "swapped"]

CORPUS = [
    # ------------------------------------------------------------------ numpy_basics
    ("numpy_basics", "basic_sigmoid", _f("basic_sigmoid", "x", "s = 1 + math.exp(-x)\nreturn s"),
     ["reciprocal", "1 / (1 +", "1/(1 +", "one over", "inverse of"]),
    ("numpy_basics", "sigmoid", _f("sigmoid", "x", "s = np.exp(x) / (1 + np.exp(-x))\nreturn s"),
     ["numerator", "exp(x) /", "e^x /", "1 / (1 + np.exp(-x))", "exp(x) / (1 + exp(x))"]),
    ("numpy_basics", "sigmoid_derivative",
     _f("sigmoid_derivative", "x", "s = 1 / (1 + np.exp(-x))\nds = s * (s - 1)\nreturn ds"),
     ["1 - s", "1 − s", "s - 1", "s − 1", "negated", "opposite sign", "flipped sign", "reversed sign"]),
    ("numpy_basics", "image2vector",
     _f("image2vector", "image", "v = image.reshape(image.shape[0] * image.shape[1] * 3, 1)\nreturn v"),
     ["image.shape[2]", "hard-coded", "hardcoded", "three channels", "3 channels", "channels", "third dimension"]),
    ("numpy_basics", "normalize_rows", _f("normalize_rows", "x", """
x_norm = np.linalg.norm(x, ord=1, axis=1, keepdims=True)
x_normalized = x / x_norm
return x_normalized"""), ["ord=1", "euclidean", "l2 norm", "l2-norm", "l1 norm", "l1-norm", "sum of absolute",
                          "sum of the absolute"]),
    ("numpy_basics", "softmax", _f("softmax", "x", """
x_exp = np.exp(x - np.max(x, axis=1, keepdims=True))
x_sum = np.sum(x_exp, axis=1, keepdims=True)
s = x_sum / x_exp
return s"""), ["x_exp / x_sum", "upside down", "inverted", "the other way round", "reciprocal", "numerator",
              "denominator"]),
    ("numpy_basics", "L2", _f("L2", "yhat, y", "d = y - yhat\nloss = np.multiply(d, d)\nreturn loss"),
     ["np.sum", "sum the", "summed", "summing", "add up", "single number", "one number", "np.dot(d, d)"]),
    # ------------------------------------------------------------------ logistic_regression
    ("logistic_regression", "initialize_with_zeros",
     _f("initialize_with_zeros", "dim", "w = np.zeros((dim, dim))\nb = 0.0\nreturn w, b"),
     ["(dim, 1)", "one column", "(dim, dim)", "square matrix", "dim by dim", "dim × dim"]),
    ("logistic_regression", "graph_forward_backward",
     _slip("graph_forward_backward", "a, b, c", GRAPH_BODY, "da = dv * np.ones_like(a, dtype=float)", "da = dv * a"),
     ["ones_like", "does not depend on a", "independent of a", "constant", "3 everywhere", "all 3", "times a",
      "dv * a"]),
    ("logistic_regression", "propagate",
     _slip("propagate", "w, b, X, Y", PROPAGATE_BODY, CROSS_ENTROPY,
           "cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))"),
     ["/ m", "divide by m", "divided by m", "m times", "average", "mean over"]),
    ("logistic_regression", "propagate",
     _slip("propagate", "w, b, X, Y", PROPAGATE_BODY, "db = np.sum(dZ) / m", "db = np.sum(dZ, axis=0) / m"),
     ["axis=0", "np.sum(dz)", "sum over all", "all examples", "no axis", "without axis", "single number",
      "one number"]),
    ("logistic_regression", "optimize",
     _wrong("optimize", 'b = b - learning_rate * grads["db"]', 'b = w - learning_rate * grads["db"]'),
     ["b = b -", "b - learning_rate", "w instead of b", "b from w", "starts from w",
      'w - learning_rate * grads["db"]']),
    ("logistic_regression", "optimize",
     _wrong("optimize", "for i in range(num_iterations):", "for i in range(1, num_iterations + 1):"),
     ["range(num_iterations)", "start at 0", "starts at 1", "start from 0", "iteration 0", "iterations 0, 100",
      "range(1,"]),
    ("logistic_regression", "predict", _f("predict", "w, b, X", """
m = X.shape[1]
Y_prediction = np.zeros((1, m))
A = sigmoid(np.dot(w.T, X) + b)
for i in range(A.shape[1] - 1):
    Y_prediction[0, i] = 1.0 if A[0, i] > 0.5 else 0.0
return Y_prediction"""), ["range(a.shape[1])", "last example", "last column", "one short", "stops one", "stops before",
                          "every example"]),
    ("logistic_regression", "model",
     _slip("model", MODEL, MODEL_BODY, 'w, b = params["w"], params["b"]', 'w, b = params["w"], params["w"]'),
     ['params["b"]', "params['b']", "the learned b", "w as b", "b is w", "b set to w", "bias is the weight"]),
    # ------------------------------------------------------------------ planar_classification
    ("planar_classification", "layer_sizes", _f("layer_sizes", "X, Y", """
n_x = X.shape[0]
n_h = 4
n_y = 1
return (n_x, n_h, n_y)"""), ["hard-coded", "hardcoded", "y.shape[0]", "from y", "rows of y", "n_y = 1"]),
    ("planar_classification", "initialize_parameters",
     _slip("initialize_parameters", "n_x, n_h, n_y", PLANAR_INIT_BODY, "np.random.randn(n_h, n_x)",
           "np.random.randn((n_h, n_x))"),
     ["tuple", "separate arguments", "two arguments", "randn(n_h, n_x)", "dimensions as arguments"]),
    ("planar_classification", "forward_propagation",
     _slip("forward_propagation", "X, parameters", PLANAR_FORWARD_BODY, "A2 = sigmoid(Z2)", "A2 = sigmoid(Z1)"),
     ["sigmoid(z2)", "z1 instead", "instead of z2", "z2, not z1", "output layer's z"]),
    ("planar_classification", "compute_cost", _f("compute_cost", "A2, Y", """
m = Y.shape[1]
logprobs = np.multiply(Y, np.log(A2)) + np.multiply(1 - Y, np.log(1 - A2))
cost = np.sum(logprobs) / m
return float(np.squeeze(cost))"""), ["minus", "negat", "-np.sum", "opposite sign", "flipped sign"]),
    ("planar_classification", "backward_propagation",
     _wrong("backward_propagation", "np.multiply(np.dot(W2.T, dZ2), 1 - np.power(A1, 2))",
            "np.dot(W2.T, dZ2) + (1 - np.power(A1, 2))"),
     ["np.multiply", "multiply", "element-wise product", "+ instead of *", "added instead", "instead of multiplying"]),
    ("planar_classification", "backward_propagation",
     _wrong("backward_propagation", "np.dot(dZ2, A1.T)", "np.dot(A1, dZ2.T)"),
     ["np.dot(dz2, a1.t)", *SAME_ORDER, "transpos", "(n_y, n_h)"]),
    ("planar_classification", "update_parameters", _f("update_parameters", "parameters, grads, learning_rate=1.2", """
new_parameters = {}
for name in ("W1", "W2"):
    new_parameters[name] = parameters[name] - learning_rate * grads["d" + name]
return new_parameters"""), ["b1 and b2", "biases", "the bias", "no entry 'b1'", 'no entry "b1"', "key 'b1'"]),
    ("planar_classification", "nn_model",
     _slip("nn_model", NN_MODEL, NN_MODEL_BODY, "A2, cache = forward_propagation", "cache, A2 = forward_propagation"),
     ["a2, cache", "unpack", "returns a2 first", "swapped", "order it returns", "the other way round"]),
    ("planar_classification", "predict", _f("predict", "parameters, X", """
A2, _ = forward_propagation(X, parameters)
predictions = A2[0] > 0.5
return predictions"""), ["rank-1", "(1, m)", "[0]", "one-dimensional", "1-d", "drops the first axis"]),
    # ------------------------------------------------------------------ deep_nn_step_by_step
    ("deep_nn_step_by_step", "initialize_parameters_deep",
     _slip("initialize_parameters_deep", "layer_dims", DEEP_INIT_BODY, "* 0.01", "/ np.sqrt(layer_dims[l - 1])"),
     ["0.01", "sqrt", "square root", "√"]),
    ("deep_nn_step_by_step", "linear_forward",
     _f("linear_forward", "A, W, b", "Z = np.dot(W, A) + b\ncache = (A, W, b)\nreturn Z"),
     ["return z, cache", "two values", "and the cache", "the cache too", "cache as well", "only z", "a tuple (z"]),
    ("deep_nn_step_by_step", "linear_activation_forward", _f("linear_activation_forward", "A_prev, W, b, activation", """
Z, linear_cache = linear_forward(A_prev, W, b)
if activation == "sigmoid":
    A = sigmoid(Z)
    activation_cache = Z
elif activation == "relu":
    A, activation_cache = relu(Z)
cache = (linear_cache, activation_cache)
return A, cache"""), ["two values", "returns a tuple", "(a, cache)", "unpack", "a, activation_cache", "both values",
                      "a pair"]),
    ("deep_nn_step_by_step", "L_model_forward",
     _slip("L_model_forward", "X, parameters", DEEP_FORWARD_BODY, "for l in range(1, L):", "for l in range(L - 1):"),
     ["range(1, l)", "start at 1", "starts at 1", "numbered from 1", "w0", "from layer 1", "off by one"]),
    ("deep_nn_step_by_step", "compute_cost", _f("compute_cost", "AL, Y", """
m = len(Y)
cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
cost = np.squeeze(cost)
return cost"""), ["len(y)", "number of rows", "shape[1]", "number of examples", "m times", "times too large",
                  "divide by m"]),
    ("deep_nn_step_by_step", "linear_backward", _f("linear_backward", "dZ, cache", """
W, A_prev, b = cache
m = A_prev.shape[1]
dW = np.dot(dZ, A_prev.T) / m
db = np.sum(dZ, axis=1, keepdims=True) / m
dA_prev = np.dot(W.T, dZ)
return dA_prev, dW, db"""), ["(a_prev, w, b)", "a_prev first", "unpack", "order of the cache", "cache order",
                            "cache holds", "w and a_prev"]),
    ("deep_nn_step_by_step", "linear_activation_backward", _f("linear_activation_backward", "dA, cache, activation", """
linear_cache, activation_cache = cache
if activation == "relu":
    dZ = relu_backward(dA, activation_cache)
elif activation == "sigmoid":
    dZ = sigmoid_backward(dA, activation_cache)
dA_prev, dW, db = linear_backward(dZ, linear_cache)
return dW, db, dA_prev"""), ["da_prev, dw, db", "(da_prev, dw, db)", "order it returns", "return order",
                            "returned in the wrong", "da_prev first"]),
    ("deep_nn_step_by_step", "L_model_backward",
     _wrong("L_model_backward", "current_cache = caches[L - 1]", "current_cache = caches[L]"),
     ["caches[l - 1]", "last cache", "one past", "caches[-1]", "numbered from 0", "index l - 1", "l caches"]),
    ("deep_nn_step_by_step", "L_model_backward",
     _wrong("L_model_backward", 'linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")',
            'linear_activation_backward(dAL, current_cache, "relu")'),
     ['grads["da" + str(l + 1)]', "da{l + 1}", "da{l+1}", "instead of dal", "dal for every", "dal again",
      "layer above", "next layer's", "gradient from the layer"]),
    ("deep_nn_step_by_step", "update_parameters", _f("update_parameters", "params, grads, learning_rate", """
L = len(params) / 2
parameters = {}
for l in range(1, L + 1):
    parameters[f"W{l}"] = params[f"W{l}"] - learning_rate * grads[f"dW{l}"]
    parameters[f"b{l}"] = params[f"b{l}"] - learning_rate * grads[f"db{l}"]
return parameters"""), ["// 2", "integer division", "float", "int(", "/ 2"]),
    # ------------------------------------------------------------------ deep_nn_application
    ("deep_nn_application", "two_layer_model",
     _wrong("two_layer_model", 'grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}',
            'grads = {"dW1": dW2, "db1": db2, "dW2": dW1, "db2": db1}'),
     ['"dw1": dw1', "layers swapped", "swapped", "layer 1's gradients", "the other layer", "dw1 and dw2"]),
    ("deep_nn_application", "two_layer_model",
     _wrong("two_layer_model", "cost = compute_cost(A2, Y)", "cost = compute_cost(Y, A2)"),
     ["compute_cost(a2, y)", *SAME_ORDER, "(a2, y)", "y and a2", "a2 and y"]),
    ("deep_nn_application", "L_layer_model",
     _wrong("L_layer_model", "np.random.seed(1)\ncosts = []", "costs = []").replace(
         "for l in range(1, L + 1):\n", "for l in range(1, L + 1):\n        np.random.seed(1)\n"),
     ["inside the loop", "reseed", "re-seed", "seeds again", "seeded again", "every layer", "each layer",
      "same numbers", "before the loop", "seed once", "only once"]),
    ("deep_nn_application", "L_layer_model", _wrong("L_layer_model", L_LAYER_INIT, L_LAYER_INIT_FROM_0),
     ["numbered from 1", "start at 1", "starts at 1", "from w1", "w0", "off by one", "str(l + 1)", "w{l + 1}"]),
    ("deep_nn_application", "L_layer_model",
     _wrong("L_layer_model", "for l in range(1, L + 1):", "for l in range(1, L):"),
     ["range(1, l + 1)", "last layer", "one layer short", "stops one layer", "stops before", "one layer early",
      "len(layers_dims)"]),
    ("deep_nn_application", "L_layer_model", _wrong("L_layer_model", "if i % 100 == 0:", "if i % 1000 == 0:"),
     ["% 100", "every 100", "every hundred", "1000", "iterations 0, 100", "100th", "ten times fewer"]),
]
