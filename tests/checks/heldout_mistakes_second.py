"""A second held-out corpus: 37 realistic single mistakes across the five notebooks, written after
the recognisers of issue 19's second round and not used to write or tune any of them (different
from the first held-out corpus, heldout_mistakes.py, and from the notebooks' corpora in
tests/corpus). The words that name each real cause were fixed before the corpus was first measured.

Each entry is (notebook, function, code of the mistaken function, words naming the real cause), run
and counted by :func:`checks.heldout_mistakes.measure`: NumPy, ``math`` and the notebook's
reference functions are in scope, and the feedback names the cause when one of the words appears
(case-insensitive) in its "Likely mistake:" or "Hint:" lines.
"""

from __future__ import annotations


def _f(name: str, args: str, body: str) -> str:
    return f"def {name}({args}):\n" + "\n".join("    " + line for line in body.strip("\n").splitlines()) + "\n"


OPTIMIZE = "w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False"
MODEL = "X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False"
NN_MODEL = "X, Y, n_h, num_iterations=10000, print_cost=False"
APP = "X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False"


def _two_layer(hidden: str = "relu", dW2_cache: str = "cache2", record: str = "if i % 100 == 0:\n        ") -> str:
    """two_layer_model as a student writes it; the arguments change one place."""
    return _f("two_layer_model", APP, f"""
np.random.seed(1)
costs = []
n_x, n_h, n_y = layers_dims
parameters = initialize_parameters(n_x, n_h, n_y)
for i in range(num_iterations):
    A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "{hidden}")
    A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
    cost = compute_cost(A2, Y)
    dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
    dA1, dW2, db2 = linear_activation_backward(dA2, {dW2_cache}, "sigmoid")
    dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "{hidden}")
    parameters = update_parameters(parameters, {{"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}}, learning_rate)
    {record}costs.append(cost)
return parameters, costs""")


DEEP_INIT = """np.random.seed(1)
costs = []
parameters = {}
for l in range(1, len(layers_dims)):
    parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) / np.sqrt(layers_dims[l - 1])
    parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
"""

CORPUS = [
    # ------------------------------------------------------------------ numpy_basics
    ("numpy_basics", "basic_sigmoid", _f("basic_sigmoid", "x", "return 1 / (1 + math.e ** x)"),
     ["−x", "exponent", "σ(−x)"]),
    ("numpy_basics", "sigmoid", _f("sigmoid", "x", "return np.array([1 / (1 + math.exp(-v)) for v in x])"),
     ["`math`", "one number", "np.exp"]),
    ("numpy_basics", "sigmoid_derivative", _f("sigmoid_derivative", "x", "s = sigmoid(x)\nreturn s * (1 + s)"),
     ["1 − s", "1 - s"]),
    ("numpy_basics", "image2vector", _f("image2vector", "image",
                                        "return image.reshape(image.shape[0] * image.shape[1], image.shape[2])"),
     ["reshape to", "one column"]),
    ("numpy_basics", "normalize_rows", _f("normalize_rows", "x", "return x / np.linalg.norm(x)"),
     ["axis=1", "each row", "whole matrix"]),
    ("numpy_basics", "softmax", _f("softmax", "x", "e = np.exp(x)\nreturn e / e.sum(axis=1)"), ["keepdims"]),
    ("numpy_basics", "L1", _f("L1", "yhat, y", "return np.sum(abs(yhat - y)) / len(y)"), ["averag", "mean"]),
    ("numpy_basics", "L2", _f("L2", "yhat, y", "return np.sum(np.square(y - yhat)) ** 0.5"),
     ["its square", "square root", "square of the norm"]),
    # ------------------------------------------------------------------ logistic_regression
    ("logistic_regression", "initialize_with_zeros", _f("initialize_with_zeros", "dim",
                                                        "w = np.zeros([dim, 1])\nb = np.zeros(1)\nreturn w, b"),
     ["float", "0.0"]),
    ("logistic_regression", "propagate", _f("propagate", "w, b, X, Y", """
m = X.shape[1]
A = sigmoid(np.dot(w.T, X) + b)
cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
dw = np.dot(X, (A - Y).T) / m
db = np.sum(A - Y)
return {"dw": dw, "db": float(db)}, float(cost)"""), ["times too large", "divide", "/ m", "average"]),
    ("logistic_regression", "propagate", _f("propagate", "w, b, X, Y", """
m = X.shape[1]
A = sigmoid(np.dot(w.T, X) + b)
cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
return {"dw": np.dot(X, (A - Y).T) / m, "db": float(np.sum(A - Y) / m)}, float(cost)"""),
     ["twice", "divided by m"]),
    ("logistic_regression", "optimize", _f("optimize", OPTIMIZE, """
costs = []
for i in range(num_iterations):
    grads, cost = propagate(w, b, X, Y)
    w_new = w - learning_rate * grads["dw"]
    b_new = b - learning_rate * grads["db"]
    if i % 100 == 0:
        costs.append(cost)
return {"w": w_new, "b": b_new}, grads, costs"""),
     ["next iteration", "keep the updated", "only one step", "first update", "never change"]),
    ("logistic_regression", "predict", _f("predict", "w, b, X", "return (np.dot(w.T, X) + b > 0.5) * 1.0"),
     ["sigmoid", "probabilit"]),
    ("logistic_regression", "model", _f("model", MODEL, """
w, b = initialize_with_zeros(X_train.shape[0])
params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate)
return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
        "Y_prediction_train": predict(w, b, X_train), "w": params["w"], "b": params["b"],
        "learning_rate": learning_rate, "num_iterations": num_iterations}"""),
     ['params["w"]', "params['w']", "learned"]),
    ("logistic_regression", "model", _f("model", MODEL, """
w, b = initialize_with_zeros(X_train.shape[0])
params, grads, costs = optimize(w, b, X_train, Y_train, learning_rate, num_iterations)
w, b = params["w"], params["b"]
return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
        "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
        "learning_rate": learning_rate, "num_iterations": num_iterations}"""),
     ["order", "swapped", "positional"]),
    # ------------------------------------------------------------------ planar_classification
    ("planar_classification", "layer_sizes", _f("layer_sizes", "X, Y", "return (X.shape[0], X.shape[0], Y.shape[0])"),
     ["n_h"]),
    ("planar_classification", "initialize_parameters", _f("initialize_parameters", "n_x, n_h, n_y", """
W1 = np.random.randn(n_h, n_x) * 0.01
W2 = np.random.randn(n_y, n_h) * 0.01
return {"W1": W1, "b1": np.zeros(n_h), "W2": W2, "b2": np.zeros((n_y, 1))}"""), ["rank-1", "column"]),
    ("planar_classification", "forward_propagation", _f("forward_propagation", "X, parameters", """
W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
Z1 = np.dot(X.T, W1.T).T + b1.T
A1 = np.tanh(Z1)
Z2 = np.dot(W2, A1) + b2
A2 = sigmoid(Z2)
return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}"""), ["b1", "bias", ".T"]),
    ("planar_classification", "compute_cost", _f("compute_cost", "A2, Y", """
logprobs = np.multiply(Y, np.log(A2)) + np.multiply(1 - Y, np.log(1 - A2))
return float(-np.sum(logprobs) / Y.shape[0])"""), ["shape[1]", "number of examples", "divide by m"]),
    ("planar_classification", "backward_propagation", _f("backward_propagation", "parameters, cache, X, Y", """
m = X.shape[1]
A1, A2 = cache["A1"], cache["A2"]
dZ2 = A2 - Y
dW2 = np.dot(dZ2, A1.T) / m
db2 = np.sum(dZ2, axis=1, keepdims=True) / m
dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - np.tanh(A1) ** 2)
dW1 = np.dot(dZ1, X.T) / m
db1 = np.sum(dZ1, axis=1, keepdims=True) / m
return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}"""), ["1 − A1", "1 - A1", "np.power(A1, 2)", "tanh twice"]),
    ("planar_classification", "update_parameters", _f("update_parameters", "parameters, grads, learning_rate=1.2",
                                                      "return {k: parameters[k] - grads['d' + k] / learning_rate "
                                                      "for k in parameters}"),
     ["multiply", "learning_rate *", "times the learning rate"]),
    ("planar_classification", "nn_model", _f("nn_model", NN_MODEL, """
np.random.seed(3)
n_x, _, n_y = layer_sizes(X, Y)
parameters = initialize_parameters(n_x, n_h, n_y)
for i in range(1, num_iterations):
    A2, cache = forward_propagation(X, parameters)
    grads = backward_propagation(parameters, cache, X, Y)
    parameters = update_parameters(parameters, grads)
return parameters"""), ["num_iterations", "one iteration", "range("]),
    ("planar_classification", "predict", _f("predict", "parameters, X",
                                            "A2, cache = forward_propagation(X, parameters)\nreturn (A2 > 0.5).astype(int).T"),
     ["transpose", ".T", "(1, m)"]),
    # ------------------------------------------------------------------ deep_nn_step_by_step
    ("deep_nn_step_by_step", "initialize_parameters_deep", _f("initialize_parameters_deep", "layer_dims", """
np.random.seed(3)
parameters = {}
for l in range(len(layer_dims)):
    parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
    parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
return parameters"""), ["range(1", "numbered from 1", "start at 1"]),
    ("deep_nn_step_by_step", "linear_forward", _f("linear_forward", "A, W, b", "Z = np.dot(W, A) + b.T\nreturn Z, (A, W, b)"),
     ["b.T", "bias"]),
    ("deep_nn_step_by_step", "linear_activation_forward", _f("linear_activation_forward", "A_prev, W, b, activation", """
Z, linear_cache = linear_forward(A_prev, W, b)
if activation == "sigmoid":
    A, activation_cache = sigmoid(Z)
else:
    A, activation_cache = relu(Z)
return A, (activation_cache, linear_cache)"""), ["(linear_cache, activation_cache)", "order"]),
    ("deep_nn_step_by_step", "L_model_forward", _f("L_model_forward", "X, parameters", """
caches = []
L = len(parameters) // 2
A = X
for l in range(1, L):
    A, cache = linear_activation_forward(X, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
    caches.append(cache)
AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
caches.append(cache)
return AL, caches"""), ["previous layer", "A_prev", "layer before"]),
    ("deep_nn_step_by_step", "compute_cost", _f("compute_cost", "AL, Y", """
m = Y.shape[1]
cost = -(np.dot(Y, np.log(AL)) + np.dot(1 - Y, np.log(1 - AL))) / m
return float(np.squeeze(cost))"""), ["transpose", "element-wise"]),
    ("deep_nn_step_by_step", "linear_backward", _f("linear_backward", "dZ, cache", """
A_prev, W, b = cache
m = A_prev.shape[1]
dW = np.dot(dZ, A_prev.T) / m
db = np.sum(dZ, axis=0, keepdims=True) / m
dA_prev = np.dot(W.T, dZ)
return dA_prev, dW, db"""), ["axis=1", "over the examples"]),
    ("deep_nn_step_by_step", "linear_activation_backward", _f("linear_activation_backward", "dA, cache, activation", """
linear_cache, activation_cache = cache
dZ = relu_backward(dA, activation_cache)
return linear_backward(dZ, linear_cache)"""), ["sigmoid_backward"]),
    ("deep_nn_step_by_step", "update_parameters", _f("update_parameters", "params, grads, learning_rate", """
parameters = dict(params)
L = len(parameters)
for l in range(1, L + 1):
    parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
    parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
return parameters"""), ["// 2", "two entries per layer"]),
    ("deep_nn_step_by_step", "L_model_backward", _f("L_model_backward", "AL, Y, caches", """
grads = {}
L = len(caches)
Y = Y.reshape(AL.shape)
dAL = -(np.divide(AL, Y) - np.divide(1 - AL, 1 - Y))
grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(
    dAL, caches[L - 1], "sigmoid")
for l in reversed(range(L - 1)):
    dA, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
    grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
return grads"""), ["dAL", "np.divide(Y, AL)"]),
    # ------------------------------------------------------------------ deep_nn_application
    ("deep_nn_application", "two_layer_model", _two_layer(record=""), ["i % 100", "every 100", "iterations 0, 100"]),
    ("deep_nn_application", "L_layer_model", _f("L_layer_model", APP, DEEP_INIT + """for i in range(num_iterations):
    AL, caches = L_model_forward(X, parameters)
    cost = compute_cost(AL, Y)
    parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)
    if i % 100 == 0 and i > 0:
        costs.append(cost)
return parameters, costs"""), ["i % 100 == 0", "iterations 0, 100"]),
    ("deep_nn_application", "two_layer_model", _two_layer(hidden="sigmoid"), ["relu"]),
    ("deep_nn_application", "L_layer_model", _f("L_layer_model", APP, DEEP_INIT + """AL, caches = L_model_forward(X, parameters)
for i in range(num_iterations):
    cost = compute_cost(AL, Y)
    parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)
    if i % 100 == 0:
        costs.append(cost)
return parameters, costs"""), ["forward", "inside the loop", "every iteration"]),
    ("deep_nn_application", "two_layer_model", _two_layer(dW2_cache="cache1"), ["cache2", "own cache", "cache of the same layer"]),
]
