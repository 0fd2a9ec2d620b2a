"""Mistakes in ``week3_planar_classification/planar_classification.ipynb`` (see :mod:`corpus`), and solutions that are correct in
another way; run through both judges (tests/judge) and the sandboxed grader (tests/autograder)."""

from __future__ import annotations

from corpus import fn

ASSIGNMENT = "week3_planar_classification"
NOTEBOOK = "planar_classification"


def _initialize(first: str = "np.random.randn(n_h, n_x) * 0.01",
                second: str = "np.random.randn(n_y, n_h) * 0.01", before: str = "") -> str:
    return fn("initialize_parameters", "n_x, n_h, n_y", f"""
{before}
W1 = {first}
W2 = {second}
return {{"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}}
""")


def _forward(hidden: str = "np.tanh(Z1)", z1: str = "np.dot(W1, X) + b1") -> str:
    return fn("forward_propagation", "X, parameters", f"""
W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
Z1 = {z1}
A1 = {hidden}
Z2 = np.dot(W2, A1) + b2
A2 = sigmoid(Z2)
return A2, {{"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}}
""")


def _backward(derivative: str = "1 - np.power(A1, 2)", dW2: str = "np.dot(dZ2, A1.T) / m",
              db: str = "np.sum({}, axis=1, keepdims=True) / m", keys: str = "dW1 db1 dW2 db2") -> str:
    names = keys.split()
    return fn("backward_propagation", "parameters, cache, X, Y", f"""
m = X.shape[1]
A1, A2 = cache["A1"], cache["A2"]
dZ2 = A2 - Y
dW2 = {dW2}
db2 = {db.format("dZ2")}
dZ1 = np.dot(parameters["W2"].T, dZ2) * ({derivative})
dW1 = np.dot(dZ1, X.T) / m
db1 = {db.format("dZ1")}
return {{"{names[0]}": dW1, "{names[1]}": db1, "{names[2]}": dW2, "{names[3]}": db2}}
""")


def _nn_model(before: str = "np.random.seed(3)\nparameters = initialize_parameters(n_x, n_h, n_y)",
              inside: str = "", hidden: str = "n_h") -> str:
    inside = "\n".join("    " + line for line in inside.splitlines())
    return fn("nn_model", "X, Y, n_h, num_iterations=10000, print_cost=False", f"""
n_x, _, n_y = layer_sizes(X, Y)
n_h = {hidden}
{before}
for i in range(num_iterations):
{inside}
    A2, cache = forward_propagation(X, parameters)
    grads = backward_propagation(parameters, cache, X, Y)
    parameters = update_parameters(parameters, grads)
return parameters
""")


# ----------------------------------------------------------------------------- common mistakes
# (function, solution cell, words the grader's messages must contain, mistake id or None)
MISTAKES = [
    ("layer_sizes", fn("layer_sizes", "X, Y", "return (X.shape[1], 4, Y.shape[0])"),
     "n_x is the number of rows of X", "layer-sizes.wrong-size"),
    ("layer_sizes", fn("layer_sizes", "X, Y", "return [X.shape[0], 4, Y.shape[0]]"),
     "must return a tuple", "layer-sizes.returns-a-list"),
    ("initialize_parameters", _initialize(before="np.random.seed(2)"), "do not call np.random.seed", "initialize.seeded-inside"),
    ("initialize_parameters", _initialize(before="W2 = np.random.randn(n_y, n_h) * 0.01",
                                          second="W2"), "W2 was drawn before W1", "initialize.drawing-order"),
    ("initialize_parameters", _initialize(first="np.zeros((n_h, n_x))", second="np.zeros((n_y, n_h))"),
     "symmetry", "initialize.zero-weights"),
    ("forward_propagation", _forward(hidden="sigmoid(Z1)"), "that is the sigmoid", "forward.sigmoid-in-hidden-layer"),
    ("forward_propagation", _forward(z1="np.dot(W1, X)"), "Z1 is missing the bias", "forward.missing-bias"),
    ("compute_cost", fn("compute_cost", "A2, Y", "return float(np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))"),
     "the cost came out negative", "cost.wrong-sign"),
    ("compute_cost", fn("compute_cost", "A2, Y", "return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))"),
     "this is the sum over the m", "cost.sum-not-mean"),
    ("backward_propagation", _backward(derivative="1 - A1"), "not 1 − A1", "backward.tanh-derivative-1-minus-a"),
    ("backward_propagation", _backward(dW2="np.dot(dZ2, A1) / m"), "needs A1 transposed", "backward.dw2-missing-transpose"),
    ("backward_propagation", _backward(db="np.sum({}, axis=1) / m"), "must keep its column shape", "backward.bias-gradient-shape"),
    ("update_parameters", fn("update_parameters", "parameters, grads, learning_rate=1.2", """
for name in ("W1", "b1", "W2", "b2"):
    parameters[name] = parameters[name] - learning_rate * grads["d" + name]
return parameters
"""), "changed its input in place", "input.changed-in-place"),
    ("update_parameters", fn("update_parameters", "parameters, grads, learning_rate=1.2",
                             "return {k: parameters[k] + learning_rate * grads['d' + k] for k in parameters}"),
     "you added the gradients", "update.added-gradients"),
    ("update_parameters", fn("update_parameters", "parameters, grads, learning_rate=1.2",
                             "return {k: parameters[k] - 1.2 * grads['d' + k] for k in parameters}"),
     "as if the learning rate were", "update.fixed-learning-rate"),
    ("nn_model", _nn_model(before="parameters = initialize_parameters(n_x, n_h, n_y)"), "np.random.seed(3)", "nn-model.seed"),
    ("nn_model", _nn_model(hidden="4"), "use the n_h argument", "nn-model.n-h-ignored"),
    ("nn_model", _nn_model(inside="np.random.seed(3)\nparameters = initialize_parameters(n_x, n_h, n_y)"),
     "each with the parameters of the step before", "nn-model.another-path"),
    ("predict", fn("predict", "parameters, X", "return forward_propagation(X, parameters)[0]"),
     "returns labels, not probabilities", "predict.probabilities"),
    ("predict", fn("predict", "parameters, X", "return forward_propagation(X, parameters)[0] < 0.5"),
     "every prediction is flipped", "predict.flipped"),
    ("update_parameters", fn("update_parameters", "parameters, grads, learning_rate=1.2", """
W1 = parameters["W1"] - learning_rate * grads["dW1"]
b1 = parameters["b1"] - learning_rate * grads["db2"]
W2 = parameters["W2"] - learning_rate * grads["dW2"]
b2 = parameters["b2"] - learning_rate * grads["db2"]
return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
"""), "b1 was moved with db2", "update.wrong-gradient"),
    # one mistake for each catalogue entry the ones above do not name
    ("initialize_parameters", _initialize(first="np.random.rand(n_h, n_x) * 0.01", second="np.random.rand(n_y, n_h) * 0.01"),
     "np.random.rand", "initialize.rand-not-randn"),
    ("forward_propagation", _forward(hidden="Z1"), "A1 = tanh(Z1)", "forward.hidden-activation-skipped"),
    ("forward_propagation", _forward(hidden="np.maximum(0, Z1)"), "ReLU", "forward.relu-in-hidden-layer"),
    ("forward_propagation", _forward().replace("A2 = sigmoid(Z2)", "A2 = Z2"), "sigmoid", "forward.output-sigmoid-skipped"),
    ("forward_propagation", _forward().replace("A2 = sigmoid(Z2)", "A2 = np.tanh(Z2)"), "tanh", "forward.tanh-in-output-layer"),
    ("forward_propagation", _forward().replace('return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}',
                                               'return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}, A2'), "A2", "forward.return-order"),
    ("compute_cost", fn("compute_cost", "A2, Y", "m = Y.shape[1]\nreturn float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m / m)"),
     "divided", "cost.divided-twice"),
    ("compute_cost", fn("compute_cost", "A2, Y", "m = Y.shape[1]\nreturn float(-np.sum(Y * np.log10(A2) + (1 - Y) * np.log10(1 - A2)) / m)"),
     "np.log10", "cost.log10"),
    ("compute_cost", fn("compute_cost", "A2, Y", "m = Y.shape[1]\nreturn float(-np.sum(Y * np.log(A2)) / m)"), "term", "cost.missing-term"),
    ("compute_cost", fn("compute_cost", "A2, Y", "m = Y.shape[1]\nreturn float(-np.sum(Y * np.log(1 - A2) + (1 - Y) * np.log(A2)) / m)"),
     "log", "cost.wrong-log-term"),
    ("compute_cost", fn("compute_cost", "A2, Y", "m = Y.shape[1]\nreturn np.array(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)"),
     "float", "cost.not-a-python-float"),
    ("backward_propagation", _backward(derivative="1 - np.power(cache['Z1'], 2)"), "Z1", "backward.derivative-of-z"),
    ("backward_propagation", _backward(dW2="np.dot(dZ2, cache['Z1'].T) / m"), "Z1", "backward.dw2-uses-z1"),
    ("backward_propagation", _backward().replace("dZ2 = A2 - Y", "dZ2 = cache['Z2'] - Y"), "Z2", "backward.dz2-from-z2"),
    ("backward_propagation", _backward().replace("dZ2 = A2 - Y", "dZ2 = Y - A2"), "A2 − Y", "backward.dz2-sign"),
    ("backward_propagation", _backward(derivative="1"), "dZ1 is missing the factor", "backward.missing-derivative"),
    ("backward_propagation", _backward(derivative="A1 > 0"), "ReLU", "backward.relu-derivative-in-hidden-layer"),
    ("backward_propagation", _backward(derivative="A1 * (1 - A1)"), "sigmoid", "backward.sigmoid-derivative-in-hidden-layer"),
    ("nn_model", _nn_model().replace("    parameters = update_parameters(parameters, grads)", "    update_parameters(parameters, grads)"),
     "parameters = update_parameters(parameters, grads)", "nn-model.updates-thrown-away"),
    ("forward_propagation", _forward().replace("A2 = sigmoid(Z2)", "A2 = 1 + np.exp(-Z2)"), "not a probability",
     "forward.output-not-a-probability"),
    ("compute_cost", fn("compute_cost", "A2, Y", "m = Y.shape[1]\n"
                        "return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(A2 - 1)) / m)"), "the cost is NaN",
     "cost.log-of-negative"),
    ("predict", fn("predict", "parameters, X", "A2 = forward_propagation(X, parameters)\nreturn (A2 > 0.5) * 1"),
     "must be unpacked into names", "error.tuple-in-arithmetic"),
    ("backward_propagation", _backward(derivative="1 - np.tanh(A1) ** 2"), "tanh applied twice",
     "backward.tanh-applied-twice"),
    ("update_parameters", fn("update_parameters", "parameters, grads, learning_rate=1.2",
                             "return {k: parameters[k] - grads['d' + k] / learning_rate for k in parameters}"),
     "divided by the learning rate", "update.divided-by-rate"),
    ("backward_propagation", _backward(derivative="(1 - A1) ** 2"), "not (1 − A1)**2",
     "backward.tanh-derivative-squared-difference"),
    ("backward_propagation", _backward().replace("* (1 - np.power(A1, 2))", "* 1 - np.power(A1, 2)"),
     "multiplies first", "backward.derivative-missing-parentheses"),
    # one array where another of the same shape belongs
    ("forward_propagation", _forward().replace("Z2 = np.dot(W2, A1) + b2", "Z2 = np.dot(W2, Z1) + b2"),
     "its input is the hidden layer's activation", "forward.wrong-layer-input"),
    ("predict", fn("predict", "parameters, X", "A2, cache = forward_propagation(X, parameters)\n"
                   "return (cache['A1'] >= 0.5).astype(float)"), "one row per hidden unit", "predict.hidden-layer-output"),
    ("predict", fn("predict", "parameters, X", "A2, cache = forward_propagation(X, parameters)\n"
                   "return (cache['Z2'] > 0.5).astype(int)"), "a stricter test than A2 > 0.5", "predict.threshold-too-strict"),
    ("nn_model", _nn_model().replace("backward_propagation(parameters, cache, X, Y)",
                                     "backward_propagation(parameters, cache, X, A2)"),
     "pass Y, not A2", "nn-model.updates-thrown-away"),
    # a call with the callee's own parameter names in another order (read from the code, not the values)
    ("nn_model", _nn_model().replace("backward_propagation(parameters, cache, X, Y)",
                                     "backward_propagation(cache, parameters, X, Y)"),
     "passes its arguments in another order than its def line", "call.arguments-out-of-order"),
]

# Mistakes only the grader can see: the hidden cases check contracts the public checks do not.
GRADER_ONLY = [
    ("backward_propagation", _backward(keys="dw1 db1 dw2 db2"), "exactly the keys", "backward.grads-keys"),
    ("layer_sizes", fn("layer_sizes", "X, Y", "return (X.shape[0], 4.0, Y.shape[0])"), "int", "layer-sizes.not-python-ints"),
    ("forward_propagation", _forward().replace('{"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}', '{"z1": Z1, "a1": A1, "z2": Z2, "a2": A2}'),
     "keys", "forward.cache-keys"),
    ("initialize_parameters", _initialize().replace('"b2": np.zeros((n_y, 1))}', '"b2": np.zeros((n_y, 1)), "n_h": n_h}'),
     "keys", "parameters.keys"),
    ("predict", fn("predict", "parameters, X", "return (forward_propagation(X, parameters)[0] > 0.5) * 2"), "0", "predict.not-labels"),
]

# ----------------------------------------------------------------------------- correct, differently
VARIANTS = [
    ("layer_sizes", fn("layer_sizes", "X, Y", "return len(X), 4, len(Y)")),
    ("initialize_parameters", _initialize(first="np.random.normal(0, 1, size=(n_h, n_x)) / 100",
                                          second="0.01 * np.random.standard_normal((n_y, n_h))")),
    ("forward_propagation", _forward(hidden="2 * sigmoid(2 * Z1) - 1", z1="W1 @ X + b1")),
    ("compute_cost", fn("compute_cost", "A2, Y", """
m = Y.shape[1]
cost = -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m
return np.squeeze(cost).item()
""")),
    ("compute_cost", fn("compute_cost", "A2, Y", "return -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))")),
    ("backward_propagation", fn("backward_propagation", "parameters, cache, X, Y", """
m = Y.shape[1]
dZ2 = cache["A2"] - Y
dZ1 = (parameters["W2"].T @ dZ2) * (1 - np.tanh(cache["Z1"]) ** 2)
return {"dW1": dZ1 @ X.T / m, "db1": dZ1.mean(axis=1, keepdims=True),
        "dW2": dZ2 @ cache["A1"].T / m, "db2": dZ2.mean(axis=1).reshape(-1, 1)}
""")),
    ("update_parameters", fn("update_parameters", "parameters, grads, learning_rate=1.2", """
import copy
new = copy.deepcopy(parameters)
for key in new:
    new[key] -= learning_rate * grads["d" + key]
return new
""")),
    ("nn_model", fn("nn_model", "X, Y, n_h, num_iterations=10000, print_cost=False", """
np.random.seed(3)
sizes = layer_sizes(X, Y)
parameters = initialize_parameters(sizes[0], n_h, sizes[2])
i = 0
while i < num_iterations:
    A2, cache = forward_propagation(X, parameters)
    cost = compute_cost(A2, Y)
    parameters = update_parameters(parameters, backward_propagation(parameters, cache, X, Y), learning_rate=1.2)
    if print_cost and i % 1000 == 0:
        print("Cost after iteration %i: %f" % (i, cost))
    i += 1
return parameters
""")),
    ("predict", fn("predict", "parameters, X", "return np.round(forward_propagation(X, parameters)[0])")),
    ("predict", fn("predict", "parameters, X", "return (forward_propagation(X, parameters)[0] > 0.5).astype(int)")),
]
