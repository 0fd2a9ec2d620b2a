"""Mistakes in ``week2_logistic_regression/logistic_regression.ipynb`` (see :mod:`corpus`), and
solutions that are correct in another way."""

from __future__ import annotations

from corpus import fn

ASSIGNMENT = "week2_logistic_regression"
NOTEBOOK = "logistic_regression"

PROPAGATE = "w, b, X, Y"
OPTIMIZE = "w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False"
MODEL = "X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False"


def _propagate(cost: str = "-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m",
               dw: str = "np.dot(X, (A - Y).T) / m", db: str = "float(np.sum(A - Y) / m)",
               forward: str = "sigmoid(np.dot(w.T, X) + b)") -> str:
    return fn("propagate", PROPAGATE, f"""
m = X.shape[1]
A = {forward}
cost = float(np.squeeze({cost}))
return {{"dw": {dw}, "db": {db}}}, cost
""")


def _optimize(step: str, record: str = "if i % 100 == 0:\n    costs.append(cost)") -> str:
    record = "\n".join("    " + line for line in record.splitlines())
    return fn("optimize", OPTIMIZE, f"""
costs = []
for i in range(num_iterations):
    grads, cost = propagate(w, b, X, Y)
{step}
{record}
return {{"w": w, "b": b}}, grads, costs
""")


UPDATE = """    w = w - learning_rate * grads["dw"]
    b = b - learning_rate * grads["db"]"""


def _model(train: str = "optimize(w, b, X_train, Y_train, num_iterations, learning_rate)",
           test_on: str = "X_test") -> str:
    return fn("model", MODEL, f"""
w, b = initialize_with_zeros(X_train.shape[0])
params, grads, costs = {train}
w, b = params["w"], params["b"]
return {{"costs": costs, "Y_prediction_test": predict(w, b, {test_on}),
        "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
        "learning_rate": learning_rate, "num_iterations": num_iterations}}
""")


# ----------------------------------------------------------------------------- common mistakes
# (function, solution cell, words the grader's messages must contain, mistake id or None)
MISTAKES = [
    ("sigmoid", fn("sigmoid", "z", "return 1 / (1 + np.exp(z))"), "the exponent must be −z", None),
    ("sigmoid", fn("sigmoid", "z", "return 1 / 1 + np.exp(-z)"), "", None),
    ("initialize_with_zeros", fn("initialize_with_zeros", "dim", "return np.zeros(dim), 0.0"),
     "np.zeros(dim) is rank-1", None),
    ("initialize_with_zeros", fn("initialize_with_zeros", "dim", "return np.zeros((dim, 1)), 0"),
     "b must be the Python float 0.0", None),
    ("initialize_with_zeros", fn("initialize_with_zeros", "dim", "return np.zeros(dim, 1), 0.0"),
     "np.zeros((n, 1)) with two pairs", "error.shape-not-a-tuple"),
    ("graph_forward_backward", fn("graph_forward_backward", "a, b, c",
                                  'return 3 * (a + b * c), {"da": 3 * np.ones_like(a), "db": 3 * b, "dc": 3 * c}'),
     "db and dc are swapped", None),
    ("propagate", _propagate(cost="np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m"),
     "the cost has the wrong sign", None),
    ("propagate", _propagate(dw="np.dot(X, (A - Y).T)"), "dw is m times too large", None),
    ("propagate", _propagate(dw="np.dot(A - Y, X.T) / m"), "gives the transpose (1, n_x)", None),
    ("propagate", _propagate(forward="sigmoid(np.dot(w, X) + b)"), "matrix product", "error.matmul-shapes"),
    ("optimize", _optimize(UPDATE, record="costs.append(cost)"), "you recorded the cost at every iteration", None),
    ("optimize", _optimize("    w -= learning_rate * grads['dw']\n    b -= learning_rate * grads['db']"),
     "changed its input in place", "input.changed-in-place"),
    ("optimize", _optimize(UPDATE.replace(" - ", " + ")), "the cost grows", None),
    ("predict", fn("predict", "w, b, X", "return (sigmoid(np.dot(w.T, X) + b) >= 0.5).astype(float)"),
     "use A > 0.5, not A >= 0.5", None),
    ("predict", fn("predict", "w, b, X", "return (sigmoid(np.dot(w.T, X) + b) <= 0.5).astype(float)"),
     "every label is swapped", None),
    ("model", _model(train="optimize(w, b, X_train, Y_train, num_iterations)"),
     "did not pass learning_rate on to optimize", None),
    ("model", _model(test_on="X_train"), "Y_prediction_test has one label per training example", None),
]

# Mistakes only the grader can see: it also calls a function without the notebook's variables.
GRADER_ONLY = [
    ("predict", "threshold = 0.5\n\n" + fn("predict", "w, b, X",
                                            "return (sigmoid(np.dot(w.T, X) + b) > threshold) * 1.0"),
     "uses the notebook variable `threshold`", "input.notebook-variable"),
]

# A mistake in one function that makes a function calling it fail: (function with the mistake,
# its cell, the caller whose feedback must name the callee first, words, mistake id).
ROOT_CAUSES = [
    ("sigmoid", fn("sigmoid", "z", "return 1 / (1 + np.exp(z))"), "propagate",
     "your `sigmoid` fails its own checks", "call.callee-fails"),
    ("propagate", _propagate(dw="np.dot(X, (A - Y).T)"), "optimize",
     "your `propagate` fails its own checks", "call.callee-fails"),
]

# ----------------------------------------------------------------------------- correct, differently
VARIANTS = [
    ("sigmoid", fn("sigmoid", "z", "return 0.5 * (1 + np.tanh(z / 2))")),
    ("sigmoid", fn("sigmoid", "z", "from scipy.special import expit\nreturn expit(z)")),
    ("initialize_with_zeros", fn("initialize_with_zeros", "dim",
                                 "return np.zeros(shape=(dim, 1), dtype=np.float64), float(0)")),
    ("graph_forward_backward", fn("graph_forward_backward", "a, b, c", """
J = 3 * a + 3 * b * c
return J, {"da": np.full(np.shape(a), 3.0), "db": 3.0 * c, "dc": 3.0 * b}""")),
    ("propagate", _propagate(cost="-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))",
                             dw="X @ (A - Y).T / m", db="np.mean(A - Y)")),
    ("optimize", _optimize("""    dw, db = grads["dw"], grads["db"]
    w = np.subtract(w, learning_rate * dw)
    b -= learning_rate * db""", record="if i % 100 == 0:\n    costs.append(cost)\n    if print_cost:\n"
                                       "        print(f'Cost after iteration {i}: {cost:f}')")),
    ("predict", fn("predict", "w, b, X", """
A = sigmoid(w.T @ X + b)
Y_prediction = np.zeros((1, X.shape[1]))
for i in range(A.shape[1]):
    Y_prediction[0, i] = 1 if A[0, i] > 0.5 else 0
return Y_prediction
""")),
    ("predict", fn("predict", "w, b, X", "return sigmoid(np.dot(w.T, X) + b) > 0.5")),  # booleans
    ("model", fn("model", MODEL, """
params, grads, costs = optimize(*initialize_with_zeros(len(X_train)), X_train, Y_train,
                                num_iterations=num_iterations, learning_rate=learning_rate)
d = dict(num_iterations=num_iterations, learning_rate=learning_rate, b=params["b"], w=params["w"])
d["Y_prediction_train"] = predict(params["w"], params["b"], X_train)
d["Y_prediction_test"] = predict(params["w"], params["b"], X_test)
d["costs"] = costs
return d
""")),
]


