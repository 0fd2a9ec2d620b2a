"""A third held-out corpus: 31 realistic single mistakes across the five notebooks, written after
the recognisers of issue 19's third round and not used to write or tune any of them (different
from heldout_mistakes.py, heldout_mistakes_second.py and the notebooks' corpora in tests/corpus).
The words that name each real cause were fixed before the corpus was first measured.

Each entry is (notebook, function, code of the mistaken function, words naming the real cause), run
and counted by :func:`checks.heldout_mistakes.measure` like the other two.
"""

from __future__ import annotations

from checks.heldout_mistakes_second import APP, DEEP_INIT, MODEL, NN_MODEL, OPTIMIZE


def _f(name: str, args: str, body: str) -> str:
    return f"def {name}({args}):\n" + "\n".join("    " + line for line in body.strip("\n").splitlines()) + "\n"


def _optimize(update_w: str, update_b: str) -> str:
    return _f("optimize", OPTIMIZE, f"""
costs = []
for i in range(num_iterations):
    grads, cost = propagate(w, b, X, Y)
    {update_w}
    {update_b}
    if i % 100 == 0:
        costs.append(cost)
return {{"w": w, "b": b}}, grads, costs""")


def _nn_model(backward: str = "backward_propagation(parameters, cache, X, Y)") -> str:
    return _f("nn_model", NN_MODEL, f"""
np.random.seed(3)
n_x = layer_sizes(X, Y)[0]
n_y = layer_sizes(X, Y)[2]
parameters = initialize_parameters(n_x, n_h, n_y)
for i in range(0, num_iterations):
    A2, cache = forward_propagation(X, parameters)
    cost = compute_cost(A2, Y)
    grads = {backward}
    parameters = update_parameters(parameters, grads)
return parameters""")


def _two_layer(dA2: str = "-(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))",
               update: str = "update_parameters(parameters, grads, learning_rate)") -> str:
    return _f("two_layer_model", APP, f"""
np.random.seed(1)
grads = {{}}
costs = []
(n_x, n_h, n_y) = layers_dims
parameters = initialize_parameters(n_x, n_h, n_y)
W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
for i in range(0, num_iterations):
    A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
    A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
    cost = compute_cost(A2, Y)
    dA2 = {dA2}
    dA1, grads["dW2"], grads["db2"] = linear_activation_backward(dA2, cache2, "sigmoid")
    dA0, grads["dW1"], grads["db1"] = linear_activation_backward(dA1, cache1, "relu")
    parameters = {update}
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    if i % 100 == 0:
        costs.append(cost)
return parameters, costs""")


def _deep(init_inside: bool = False, cost: str = "compute_cost(AL, Y)") -> str:
    init = "\n".join(line for line in DEEP_INIT.splitlines() if not line.startswith(("np.random", "costs")))
    loop = "\n".join("    " + line for line in init.splitlines()) + "\n" if init_inside else ""
    return _f("L_layer_model", APP, f"""
np.random.seed(1)
costs = []
{"" if init_inside else init}
for i in range(0, num_iterations):
{loop}    AL, caches = L_model_forward(X, parameters)
    cost = {cost}
    grads = L_model_backward(AL, Y, caches)
    parameters = update_parameters(parameters, grads, learning_rate)
    if i % 100 == 0:
        costs.append(cost)
return parameters, costs""")


CORPUS = [
    # ------------------------------------------------------------------ numpy_basics
    ("numpy_basics", "basic_sigmoid", _f("basic_sigmoid", "x", "s = 1 / (1 - math.exp(-x))\nreturn s"),
     ["1 +", "plus", "1 − e", "1 - e"]),
    ("numpy_basics", "sigmoid_derivative", _f("sigmoid_derivative", "x", "return sigmoid(x) * (1 - x)"),
     ["1 − s", "1 - s", "σ(x)"]),
    ("numpy_basics", "image2vector", _f("image2vector", "image", "return image.reshape(image.shape[0], -1)"),
     ["one column", "(-1, 1)", "a column"]),
    ("numpy_basics", "normalize_rows", _f("normalize_rows", "x",
                                          "return x / np.linalg.norm(x, axis=0, keepdims=True)"),
     ["axis=1", "each row"]),
    ("numpy_basics", "softmax", _f("softmax", "x", "x_exp = np.exp(x)\nreturn x_exp / np.sum(x_exp)"),
     ["axis=1", "each row", "whole"]),
    ("numpy_basics", "L2", _f("L2", "yhat, y", "return np.sum(np.abs(yhat - y))"),
     ["square", "L1"]),
    # ------------------------------------------------------------------ logistic_regression
    ("logistic_regression", "initialize_with_zeros", _f("initialize_with_zeros", "dim",
                                                        "w = np.zeros((1, dim))\nb = 0.0\nreturn w, b"),
     ["(dim, 1)", "column", "transpose"]),
    ("logistic_regression", "propagate", _f("propagate", "w, b, X, Y", """
m = X.shape[1]
A = sigmoid(np.dot(w, X) + b)
cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
return {"dw": np.dot(X, (A - Y).T) / m, "db": float(np.sum(A - Y) / m)}, float(cost)"""),
     [".T", "transpose"]),
    ("logistic_regression", "propagate", _f("propagate", "w, b, X, Y", """
m = X.shape[1]
A = sigmoid(np.dot(w.T, X) + b)
cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
return {"dw": np.dot(X, (A - Y).T) / m, "db": np.sum(A - Y, axis=1, keepdims=True) / m}, float(cost)"""),
     ["a number", "float", "keepdims", "single number"]),
    ("logistic_regression", "optimize", _optimize('w = w - learning_rate * grads["dw"]', "b = b"),
     ["b is never", "b never", "update b", "b too"]),
    ("logistic_regression", "predict", _f("predict", "w, b, X",
                                          "A = sigmoid(np.dot(w.T, X) + b)\nreturn (A[0] > 0.5).astype(float)"),
     ["rank-1", "(1, m)"]),
    ("logistic_regression", "model", _f("model", MODEL, """
w, b = initialize_with_zeros(X_train.shape[0])
params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations=num_iterations, learning_rate=0.005)
w, b = params["w"], params["b"]
return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
        "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
        "learning_rate": learning_rate, "num_iterations": num_iterations}"""),
     ["learning_rate"]),
    # ------------------------------------------------------------------ planar_classification
    ("planar_classification", "layer_sizes", _f("layer_sizes", "X, Y", "return (X.shape[1], 4, Y.shape[1])"),
     ["shape[0]", "rows"]),
    ("planar_classification", "initialize_parameters", _f("initialize_parameters", "n_x, n_h, n_y", """
W1 = np.random.randn(n_h, n_x) * 0.01
W2 = np.random.randn(n_h, n_y) * 0.01
return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}"""),
     ["(n_y, n_h)", "transpose"]),
    ("planar_classification", "forward_propagation", _f("forward_propagation", "X, parameters", """
W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
Z1 = np.dot(W1, X) + b1
A1 = np.tanh(Z1)
Z2 = np.dot(W2, A1) + b2
A2 = np.tanh(Z2)
return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}"""), ["sigmoid"]),
    ("planar_classification", "compute_cost", _f("compute_cost", "A2, Y", """
m = Y.shape[1]
cost = -np.sum(np.multiply(Y, np.log(A2))) / m
return float(np.squeeze(cost))"""), ["1 - Y", "1 − Y", "log(1 - A", "log(1 − A", "missing term"]),
    ("planar_classification", "backward_propagation", _f("backward_propagation", "parameters, cache, X, Y", """
m = X.shape[1]
A1, A2 = cache["A1"], cache["A2"]
dZ2 = A2 - Y
dW2 = np.dot(dZ2, A1.T) / m
db2 = np.sum(dZ2, axis=1, keepdims=True) / m
dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - np.power(A1, 2))
dW1 = np.dot(dZ1, X.T)
db1 = np.sum(dZ1, axis=1, keepdims=True) / m
return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}"""), ["dW1", "/ m", "divid"]),
    ("planar_classification", "nn_model", _nn_model("backward_propagation(parameters, cache, X, A2)"),
     ["labels", "instead of Y", "Y, not"]),
    ("planar_classification", "predict", _f("predict", "parameters, X",
                                            "A2, cache = forward_propagation(X, parameters)\n"
                                            "return (cache['A1'] > 0.5).astype(int)"),
     ["A2", "output"]),
    # ------------------------------------------------------------------ deep_nn_step_by_step
    ("deep_nn_step_by_step", "initialize_parameters_deep", _f("initialize_parameters_deep", "layer_dims", """
np.random.seed(3)
parameters = {}
for l in range(1, len(layer_dims)):
    parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1])
    parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
return parameters"""), ["0.01", "scale"]),
    ("deep_nn_step_by_step", "linear_forward", _f("linear_forward", "A, W, b", "Z = np.dot(A, W) + b\nreturn Z, (A, W, b)"),
     ["order", "np.dot(W, A)", "W first", "other order"]),
    ("deep_nn_step_by_step", "L_model_forward", _f("L_model_forward", "X, parameters", """
caches = []
A = X
L = len(parameters) // 2
for l in range(1, L):
    A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
    caches.append(cache)
AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "relu")
caches.append(cache)
return AL, caches"""), ["sigmoid"]),
    ("deep_nn_step_by_step", "compute_cost", _f("compute_cost", "AL, Y", """
cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
return float(np.squeeze(cost))"""), ["/ m", "divi", "average", "times too large"]),
    ("deep_nn_step_by_step", "linear_backward", _f("linear_backward", "dZ, cache", """
A_prev, W, b = cache
m = A_prev.shape[1]
dW = np.dot(dZ, A_prev.T) / m
db = np.sum(dZ, axis=1, keepdims=True) / m
dA_prev = np.dot(W, dZ)
return dA_prev, dW, db"""), ["W.T", "transpose", ".T"]),
    ("deep_nn_step_by_step", "linear_activation_backward", _f("linear_activation_backward", "dA, cache, activation", """
linear_cache, activation_cache = cache
return linear_backward(dA, linear_cache)"""), ["relu_backward", "sigmoid_backward", "dZ"]),
    ("deep_nn_step_by_step", "L_model_backward", _f("L_model_backward", "AL, Y, caches", """
grads = {}
L = len(caches)
Y = Y.reshape(AL.shape)
dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(
    dAL, caches[L - 1], "sigmoid")
for l in reversed(range(L - 1)):
    grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_activation_backward(
        grads["dA" + str(l + 1)], caches[l], "sigmoid")
return grads"""), ["relu"]),
    ("deep_nn_step_by_step", "update_parameters", _f("update_parameters", "params, grads, learning_rate", """
parameters = dict(params)
L = len(parameters) // 2
for l in range(L):
    parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
    parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
return parameters"""), ["db", "own gradient"]),
    # ------------------------------------------------------------------ deep_nn_application
    ("deep_nn_application", "two_layer_model", _two_layer(update="update_parameters(parameters, grads)"),
     ["learning_rate"]),
    ("deep_nn_application", "two_layer_model", _two_layer(dA2="A2 - Y"), ["dA2", "derivative of the cost", "np.divide"]),
    ("deep_nn_application", "L_layer_model", _deep(init_inside=True),
     ["before the loop", "once", "inside the loop"]),
    ("deep_nn_application", "L_layer_model", _deep(cost="compute_cost(Y, AL)"),
     ["order", "swapped", "compute_cost(AL, Y)"]),
]
