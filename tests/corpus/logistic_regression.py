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
    ("sigmoid", fn("sigmoid", "z", "return 1 / (1 + np.exp(z))"), "the exponent must be −z", "sigmoid.flipped-sign"),
    ("sigmoid", fn("sigmoid", "z", "return 1 / 1 + np.exp(-z)"), "", "sigmoid.missing-parentheses"),
    ("initialize_with_zeros", fn("initialize_with_zeros", "dim", "return np.zeros(dim), 0.0"),
     "np.zeros(dim) is rank-1", "initialize-with-zeros.w-not-a-column"),
    ("initialize_with_zeros", fn("initialize_with_zeros", "dim", "return np.zeros((dim, 1)), 0"),
     "b must be the Python float 0.0", "initialize-with-zeros.b-not-a-float"),
    ("initialize_with_zeros", fn("initialize_with_zeros", "dim", "return np.zeros(dim, 1), 0.0"),
     "np.zeros((n, 1)) with two pairs", "error.shape-not-a-tuple"),
    ("graph_forward_backward", fn("graph_forward_backward", "a, b, c",
                                  'return 3 * (a + b * c), {"da": 3 * np.ones_like(a), "db": 3 * b, "dc": 3 * c}'),
     "db and dc are swapped", "graph.chain-rule"),
    ("propagate", _propagate(cost="np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m"),
     "the cost has the wrong sign", "propagate.cost-sign-or-scale"),
    ("propagate", _propagate(dw="np.dot(X, (A - Y).T)"), "dw is m times too large", "propagate.dw-shape-sign-or-scale"),
    ("propagate", _propagate(dw="np.dot(A - Y, X.T) / m"), "gives the transpose (1, n_x)", "propagate.dw-shape-sign-or-scale"),
    ("propagate", _propagate(forward="sigmoid(np.dot(w, X) + b)"), "matrix product", "error.matmul-shapes"),
    ("optimize", _optimize(UPDATE, record="costs.append(cost)"), "you recorded the cost at every iteration", "optimize.cost-history"),
    ("optimize", _optimize("    w -= learning_rate * grads['dw']\n    b -= learning_rate * grads['db']"),
     "changed its input in place", "input.changed-in-place"),
    ("optimize", _optimize(UPDATE.replace(" - ", " + ")), "the cost grows", "optimize.cost-history"),
    ("predict", fn("predict", "w, b, X", "return (sigmoid(np.dot(w.T, X) + b) >= 0.5).astype(float)"),
     "use A > 0.5, not A >= 0.5", "predict.threshold-or-swapped"),
    ("predict", fn("predict", "w, b, X", "return (sigmoid(np.dot(w.T, X) + b) <= 0.5).astype(float)"),
     "every label is swapped", "predict.threshold-or-swapped"),
    ("model", _model(train="optimize(w, b, X_train, Y_train, num_iterations)"),
     "did not pass learning_rate on to optimize", "model.arguments-not-passed-on"),
    ("model", _model(test_on="X_train"), "Y_prediction_test has one label per training example", "model.arguments-not-passed-on"),
    ("model", _model().replace('"Y_prediction_train": predict(w, b, X_train)', '"Y_prediction_train": Y_prediction_train')
     .replace('w, b = params["w"], params["b"]', 'w, b = params["w"], params["b"]\n    Y_prediction_train = predict(w, b, X_test)'),
     "belong to the same set", "code.train-and-test-mixed"),
    ("optimize", _optimize("    w = w - learning_rate * grads['dW']\n    b = b - learning_rate * grads['db']"),
     "a dictionary has no entry", "error.missing-key"),
    ("predict", fn("predict", "w, b, X", "A = sigmoid(np.dot(w.T, X) + b)\nY_prediction = np.zeros((1, X.shape[1]))\n"
                   "for i in range(len(A)):\n    Y_prediction[0, i] = 1.0 if A[0, i] > 0.5 else 0.0\n"
                   "return Y_prediction"), "only the first 1 of the m", "predict.loop-stops-early"),
    # one mistake for each catalogue entry the ones above do not name
    ("initialize_with_zeros", fn("initialize_with_zeros", "dim", "return np.zeros((dim, 1), dtype=int), 0.0"), "float", "initialize-with-zeros.w-not-float"),
    ("graph_forward_backward", fn("graph_forward_backward", "a, b, c",
                                  'return 3 * (a + b * c), {"dA": 3 * np.ones_like(a), "dB": 3 * c, "dC": 3 * b}'), "keys", "graph.grads-keys"),
    ("propagate", _propagate().replace('"dw":', '"dW":'), "keys", "propagate.grads-keys"),
    ("propagate", _propagate(db="float(np.sum(A - Y))"), "db", "propagate.db-shape-sign-or-scale"),
    ("optimize", _optimize(UPDATE.replace('grads["db"]', 'grads["db"] * np.ones((1, 1))')), "b", "optimize.b-became-an-array"),
    ("optimize", _optimize(UPDATE, record="if i % 10 == 0:\n    costs.append(cost)"), "10 instead of 100", "near-miss.number"),
    ("optimize", _optimize(UPDATE, record="if i % 50 == 0:\n    costs.append(cost)"), "100", "optimize.costs-count"),
    ("optimize", _optimize(UPDATE).replace("return {\"w\": w, \"b\": b}, grads, costs", "grads, cost = propagate(w, b, X, Y)\n    return {\"w\": w, \"b\": b}, grads, costs"),
     "grads", "optimize.stale-grads"),
    ("predict", fn("predict", "w, b, X", "return sigmoid(np.dot(w.T, X) + b)"), "labels", "predict.shape-or-probabilities"),
    ("model", _model().replace('"num_iterations": num_iterations}', '}'), "keys", "model.keys"),
    ("model", _model().replace('"learning_rate": learning_rate,', '"learning_rate": 0.5,'), "learning_rate", "model.records-other-arguments"),
    ("propagate", _propagate().replace("m = X.shape[1]", "m = X.shape[0]"), "m is the number of examples",
     "propagate.m-from-wrong-axis"),
    ("optimize", _optimize("    new_w = w - learning_rate * grads['dw']\n    new_b = b - learning_rate * grads['db']")
     .replace('return {"w": w, "b": b}', 'return {"w": new_w, "b": new_b}'), "moved only one step",
     "optimize.updates-not-carried"),
    ("predict", fn("predict", "w, b, X", "Z = np.dot(w.T, X) + b\nreturn np.where(Z > 0.5, 1.0, 0.0)"),
     "apply the sigmoid first", "predict.sigmoid-skipped"),
    # what moved and what should have; the forward pass read back from the gradients
    ("optimize", _optimize('    w = w - learning_rate * grads["dw"]'), "update b too", "optimize.parameter-never-updated"),
    ("optimize", _optimize(UPDATE.replace('grads["dw"]', 'grads["db"]')), "w was updated with db",
     "optimize.w-moved-with-db"),
    ("optimize", fn("optimize", OPTIMIZE, """
costs = []
grads, cost = propagate(w, b, X, Y)
for i in range(num_iterations):
    w = w - learning_rate * grads["dw"]
    b = b - learning_rate * grads["db"]
    if i % 100 == 0:
        costs.append(cost)
return {"w": w, "b": b}, grads, costs"""), "call propagate inside the loop", "optimize.gradients-computed-once"),
    ("propagate", _propagate(db="float(np.sum(A - Y) / X.shape[0])"), "db is divided by X.shape[0]",
     "propagate.m-from-wrong-axis"),
    ("propagate", _propagate(cost="-np.sum(Y * np.log(A) + (1 - Y) * np.log(A)) / m"), "log of 1 − a",
     "cost.wrong-log-term"),
    # moved here from the public checks' own tests
    ("initialize_with_zeros", fn("initialize_with_zeros", "dim", "return np.zeros((dim, 1)), np.zeros((1, 1))"),
     "got an array of shape (1, 1)", "initialize-with-zeros.b-not-a-float"),
    ("initialize_with_zeros", fn("initialize_with_zeros", "dim", "return np.zeros((1, dim)), 0.0"), "not (1, dim)",
     "initialize-with-zeros.w-not-a-column"),
    ("graph_forward_backward", fn("graph_forward_backward", "a, b, c",
                                  'return 3 * (a + b * c), {"da": 3 * np.ones_like(a), "db": c, "dc": b}'),
     "multiplies it by dJ/du = 3", "graph.chain-rule"),
    ("graph_forward_backward", fn("graph_forward_backward", "a, b, c",
                                  'return 3 * (a + b * c), {"da": np.ones_like(a), "db": 3 * c, "dc": 3 * b}'),
     "the 3 of J = 3v carries back", "graph.chain-rule"),
    ("graph_forward_backward", fn("graph_forward_backward", "a, b, c",
                                  'return 3 * (a + b * c), {"da": 3.0, "db": 3 * c, "dc": 3 * b}'), "da", None),
    ("graph_forward_backward", fn("graph_forward_backward", "a, b, c", "return 3 * (a + b * c), (3.0, 3 * c, 3 * b)"),
     'grads = {"da"', "graph.grads-keys"),
    ("propagate", _propagate(dw="np.dot(X, (Y - A).T) / m"), "A − Y, not Y − A", "propagate.dw-shape-sign-or-scale"),
    ("propagate", _propagate(db="float(np.sum(Y - A) / m)"), "db has the wrong sign", "propagate.db-shape-sign-or-scale"),
    ("propagate", _propagate(db="np.sum(A - Y, axis=1, keepdims=True) / m"), "db is one number",
     "propagate.db-shape-sign-or-scale"),
    ("propagate", _propagate(cost="-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))"), "divide by m",
     "propagate.cost-sign-or-scale"),
    ("propagate", _propagate().replace("cost = float(np.squeeze(", "cost = ((").replace(
        "-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m", "-(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m"),
     "the cost is a (1, 1) array", "propagate.cost-sign-or-scale"),
    ("optimize", fn("optimize", OPTIMIZE, """
costs = []
for i in range(num_iterations):
    w, b = initialize_with_zeros(X.shape[0])
    grads, cost = propagate(w, b, X, Y)
    w = w - learning_rate * grads["dw"]
    b = b - learning_rate * grads["db"]
    if i % 100 == 0:
        costs.append(cost)
return {"w": w, "b": b}, grads, costs"""), "reset inside the loop", "optimize.cost-history"),
    ("optimize", _optimize(UPDATE).replace("costs = []", "costs = []\n    w, b = initialize_with_zeros(X.shape[0])"),
     "the first recorded cost (iteration 0)", "optimize.cost-history"),
    ("predict", fn("predict", "w, b, X", "return (sigmoid(np.dot(w.T, X) + b) > 0.5).astype(float).ravel()"), "rank-1",
     "predict.shape-or-probabilities"),
    ("model", _model(train="optimize(w, b, X_train, Y_train)"), "pass num_iterations on to optimize",
     "model.arguments-not-passed-on"),
]

# Mistakes only the grader can see: it also calls a function without the notebook's variables.
GRADER_ONLY = [
    ("predict", "threshold = 0.5\n\n" + fn("predict", "w, b, X",
                                            "return (sigmoid(np.dot(w.T, X) + b) > threshold) * 1.0"),
     "uses the notebook variable `threshold`", "input.notebook-variable"),
    ("sigmoid", fn("sigmoid", "z", "return np.round(1 / (1 + np.exp(-z))).astype(int)"), "int", "sigmoid.int-array-result"),
    ("optimize", _optimize(UPDATE).replace("return {\"w\": w, \"b\": b}, grads, costs", "return {\"w\": w, \"b\": b}, grads, np.array(costs)"),
     "list", "optimize.costs-not-a-list"),
    ("optimize", _optimize(UPDATE).replace("return {\"w\": w, \"b\": b}, grads, costs", "return {\"w\": w, \"b\": b, \"costs\": costs}, grads, costs"),
     "keys", "optimize.params-keys"),
    ("model", _model().replace('"w": w,', '"w": w.ravel(),'), "learned weight column of shape (n_x, 1)", "model.w-shape"),
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

# Mistakes both paths name, in another order: the hidden cases with one feature cannot read A back
# from the gradients, so there only the code's reading ("never reads its argument `b`") names it.
PATHS_DIFFER = [
    # The hints reading A back from propagate's gradients need m <= n_x + 1: on the hidden cases
    # with more examples only the near miss (the same slip, said as the changed line) names it,
    # so the grader's first diagnosis of the function is the near miss, the public check's the hint.
    ("propagate", _propagate(forward="np.dot(w.T, X) + b"), "apply the sigmoid", "propagate.wrong-activation-input"),
    ("propagate", _propagate(cost="-np.sum(Y * np.log(A)) / m"), "only the term y·log(a)", "cost.missing-term"),
    # Public case 4's 0/1 labels are what too many changes give to name one; the hidden cases,
    # with more examples, name the missing + b as a near miss before the code reading.
    ("predict", fn("predict", "w, b, X", "A = sigmoid(np.dot(w.T, X))\nreturn (A > 0.5).astype(float)"),
     "never reads its argument `b`", "code.argument-never-used"),
    ("propagate", _propagate(forward="sigmoid(np.dot(w.T, X))"), "never reads its argument `b`",
     "propagate.wrong-activation-input"),
]
