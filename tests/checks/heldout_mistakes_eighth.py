"""An eighth held-out corpus, written blind: 42 realistic single mistakes in the notebooks of weeks 2
and 3 (numpy_basics, logistic_regression, planar_classification), written on 2026-12-06 while the
team lead was writing a new way of diagnosing mistakes for issue 19 (a ninth corpus, for week 4,
was written by someone else at the same time). Nothing that diagnoses was read: not the hint
modules, the properties, the judge, the grader, the ``@mistake`` functions, the catalogue
docs/mistakes.md, the notebooks' corpora in tests/corpus or tests/judge, nor the history after
1c41478. Only the reference notebooks in source/, the course outline and the seven other held-out
corpora (for the format, and for their mistakes, which the ones here do not repeat) were read.

Each mistake is one slip a student of the course makes in the function's own code, the notebook's
other functions called as the notebook calls them. The words that name each real cause were fixed
with the code, before anything was run, with several alternatives and short stems so that any
sentence naming the cause contains one, and none that a sentence about something else would (the
count is a lower-case substring test on the report's "Likely mistake:" and "Hint:" lines; "of y"
would match "of your", "-z" would match "non-zero", "except" would match "exception").
The entries were then run once only to see that each one's public check fails (a script printing
"fails", "PASSES" or "harness error" per entry, never a report); an entry was to be replaced, by
a replacement also written with its words before it was run, only if its check passed or the
harness could not run it, and no words or entries were changed after that run.
Before that run, four entries were replaced because a comparison with the other corpora showed
them too close to one of their mistakes in the same function (a sigmoid derivative with the
opposite sign, softmax's max taken without keepdims, model's optimize call with its positional
arguments out of line, update_parameters iterating over the d-prefixed names; replaced by
np.dot(s, 1 - s), softmax divided by the row maximum, initialize_with_zeros(X_train.shape) and
new_parameters never created, each with its words written first), and the optimize
entry's code was rebuilt from the reference body (same code string).
That first run (with the checks of 1c41478, the commit this branch starts from): 41 failed, none
broke the harness, and one passed: softmax without subtracting the row maximum (the public
check gives no input large enough to overflow). It was replaced by one of four replacements
written with their words before the run (the sum taken over unshifted exponentials while the
numerator is shifted); the three not needed are not in this file. The second run, same script:
all 42 fail, none broke the harness.

Per notebook: numpy_basics 10, logistic_regression 14, planar_classification 18. Each entry is
(notebook, function, code of the mistaken function, words naming the real cause), run and counted
by :func:`checks.heldout_mistakes.measure` like the other seven.
"""

from __future__ import annotations


def _f(name: str, args: str, body: str) -> str:
    """The source of ``def name(args):`` with ``body`` (unindented lines) as its body."""
    return f"def {name}({args}):\n" + "\n".join("    " + line for line in body.strip("\n").splitlines()) + "\n"


# The reference bodies a slip is made in (written here, from the notebooks in source/).
GRAPH = ("a, b, c", """
u = b * c
v = a + u
J = 3 * v
dv = 3.0
da = dv * np.ones_like(a, dtype=float)
du = dv * np.ones_like(u, dtype=float)
db = du * c
dc = du * b
return J, {"da": da, "db": db, "dc": dc}""")

PROPAGATE = ("w, b, X, Y", """
m = X.shape[1]
A = sigmoid(np.dot(w.T, X) + b)
cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
dZ = A - Y
dw = np.dot(X, dZ.T) / m
db = float(np.sum(dZ) / m)
cost = float(np.squeeze(cost))
grads = {"dw": dw, "db": db}
return grads, cost""")

OPTIMIZE = ("w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False", """
costs = []
for i in range(num_iterations):
    grads, cost = propagate(w, b, X, Y)
    dw = grads["dw"]
    db = grads["db"]
    w = w - learning_rate * dw
    b = b - learning_rate * db
    if i % 100 == 0:
        costs.append(cost)
params = {"w": w, "b": b}
grads = {"dw": dw, "db": db}
return params, grads, costs""")

PREDICT = ("w, b, X", """
w = w.reshape(X.shape[0], 1)
A = sigmoid(np.dot(w.T, X) + b)
Y_prediction = (A > 0.5).astype(float)
return Y_prediction""")

MODEL = ("X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False", """
w, b = initialize_with_zeros(X_train.shape[0])
params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
w = params["w"]
b = params["b"]
Y_prediction_test = predict(w, b, X_test)
Y_prediction_train = predict(w, b, X_train)
d = {"costs": costs, "Y_prediction_test": Y_prediction_test, "Y_prediction_train": Y_prediction_train,
     "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}
return d""")

LAYER_SIZES = ("X, Y", """
n_x = X.shape[0]
n_h = 4
n_y = Y.shape[0]
return (n_x, n_h, n_y)""")

INIT = ("n_x, n_h, n_y", """
W1 = np.random.randn(n_h, n_x) * 0.01
b1 = np.zeros((n_h, 1))
W2 = np.random.randn(n_y, n_h) * 0.01
b2 = np.zeros((n_y, 1))
parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
return parameters""")

FORWARD = ("X, parameters", """
W1, b1 = parameters["W1"], parameters["b1"]
W2, b2 = parameters["W2"], parameters["b2"]
Z1 = np.dot(W1, X) + b1
A1 = np.tanh(Z1)
Z2 = np.dot(W2, A1) + b2
A2 = sigmoid(Z2)
cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
return A2, cache""")

COST = ("A2, Y", """
m = Y.shape[1]
logprobs = np.multiply(Y, np.log(A2)) + np.multiply(1 - Y, np.log(1 - A2))
cost = -np.sum(logprobs) / m
return float(np.squeeze(cost))""")

BACKWARD = ("parameters, cache, X, Y", """
m = X.shape[1]
W2 = parameters["W2"]
A1, A2 = cache["A1"], cache["A2"]
dZ2 = A2 - Y
dW2 = np.dot(dZ2, A1.T) / m
db2 = np.sum(dZ2, axis=1, keepdims=True) / m
dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
dW1 = np.dot(dZ1, X.T) / m
db1 = np.sum(dZ1, axis=1, keepdims=True) / m
grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
return grads""")

UPDATE = ("parameters, grads, learning_rate=1.2", """
new_parameters = {}
for name in ("W1", "b1", "W2", "b2"):
    new_parameters[name] = parameters[name] - learning_rate * grads["d" + name]
return new_parameters""")

NN_MODEL = ("X, Y, n_h, num_iterations=10000, print_cost=False", """
np.random.seed(3)
n_x, _, n_y = layer_sizes(X, Y)
parameters = initialize_parameters(n_x, n_h, n_y)
for i in range(num_iterations):
    A2, cache = forward_propagation(X, parameters)
    cost = compute_cost(A2, Y)
    grads = backward_propagation(parameters, cache, X, Y)
    parameters = update_parameters(parameters, grads)
return parameters""")

PLANAR_PREDICT = ("parameters, X", """
A2, _ = forward_propagation(X, parameters)
predictions = A2 > 0.5
return predictions""")

BODIES = {
    ("logistic_regression", "graph_forward_backward"): GRAPH,
    ("logistic_regression", "propagate"): PROPAGATE,
    ("logistic_regression", "optimize"): OPTIMIZE,
    ("logistic_regression", "predict"): PREDICT,
    ("logistic_regression", "model"): MODEL,
    ("planar_classification", "layer_sizes"): LAYER_SIZES,
    ("planar_classification", "initialize_parameters"): INIT,
    ("planar_classification", "forward_propagation"): FORWARD,
    ("planar_classification", "compute_cost"): COST,
    ("planar_classification", "backward_propagation"): BACKWARD,
    ("planar_classification", "update_parameters"): UPDATE,
    ("planar_classification", "nn_model"): NN_MODEL,
    ("planar_classification", "predict"): PLANAR_PREDICT,
}


def _slip(notebook: str, name: str, right: str, wrong: str) -> tuple[str, str, str]:
    """(notebook, name, code): the reference ``name`` of :data:`BODIES` with the text ``right``,
    which occurs once in it, written as ``wrong``."""
    args, body = BODIES[(notebook, name)]
    if body.count(right) != 1:
        raise ValueError(f"{right!r} must occur exactly once in the body of {name}; pick a longer piece of it")
    return notebook, name, _f(name, args, body.replace(right, wrong))


SWAPPED_RETURN = ["return order", "order it returns", "returned in the wrong", "swapped", "the other way round"]

CORPUS = [
    # ------------------------------------------------------------------ numpy_basics
    ("numpy_basics", "basic_sigmoid", _f("basic_sigmoid", "x", "s = 1 / (1 + 2.718 ** -x)\nreturn s"),
     ["2.718", "math.e", "math.exp", "approximat", "the constant e", "exact value of e", "euler"]),
    ("numpy_basics", "sigmoid", _f("sigmoid", "x", "s = 0.5 * (1 + np.tanh(x))\nreturn s"),
     ["x / 2", "x/2", "half of x", "tanh(x / 2)", "tanh(x/2)", "2x", "2·x", "2 * x", "twice x", "doubled input",
      "twice the input"]),
    ("numpy_basics", "sigmoid_derivative",
     _f("sigmoid_derivative", "x", "s = 1 / (1 + np.exp(-x))\nds = np.dot(s, 1 - s)\nreturn ds"),
     ["np.dot", "element-wise", "elementwise", "entry by entry", "np.multiply", "matrix product", "dot product"]),
    ("numpy_basics", "image2vector", _f("image2vector", "image", """
a, b, c = image.shape[0], image.shape[1], image.shape[1]
v = image.reshape(a * b * c, 1)
return v"""), ["shape[2]", "c = image.shape[1]", "third axis", "third dimension", "last axis", "copy-paste",
               "copied", "instead of shape[2]"]),
    ("numpy_basics", "image2vector", _f("image2vector", "image", """
a, b, c = image.shape
v = image.reshape(a * b * c, 1)
return image"""), ["return v", "returns the image", "returned the image", "the input itself", "input unchanged",
                   "unchanged input", "instead of v", "image itself"]),
    ("numpy_basics", "normalize_rows", _f("normalize_rows", "x", """
x_norm = np.linalg.norm(x, axis=1, keepdims=True)
x_normalized = x - x_norm
return x_normalized"""), ["subtract", "x / x_norm", "x - x_norm", "instead of dividing", "divide by", "divided by",
                          "division"]),
    ("numpy_basics", "softmax", _f("softmax", "x", """
x_sum = np.sum(np.exp(x), axis=1, keepdims=True)
x_exp = np.exp(x - np.max(x, axis=1, keepdims=True))
s = x_exp / x_sum
return s"""), ["same shift", "unshifted", "both the numerator", "np.sum(x_exp", "sum of x_exp", "x_exp in the sum",
              "shift the sum", "shifted sum"]),
    ("numpy_basics", "softmax", _f("softmax", "x", """
x_exp = np.exp(x - np.max(x, axis=1, keepdims=True))
s = x_exp / np.max(x_exp, axis=1, keepdims=True)
return s"""), ["np.sum", "the sum", "sum of the exp", "sum of each row", "x_sum", "instead of the sum",
              "by the maximum", "by the max", "by its max"]),
    ("numpy_basics", "L1", _f("L1", "yhat, y", "loss = np.sum(y - np.abs(yhat))\nreturn loss"),
     ["abs(y - yhat)", "abs(yhat - y)", "absolute value of the difference", "absolute difference",
      "abs of the difference", "absolute value of yhat", "only yhat", "whole difference", "parenthes"]),
    ("numpy_basics", "L2", _f("L2", "yhat, y", "loss = np.sum(y ** 2 - yhat ** 2)\nreturn loss"),
     ["square of the difference", "squared difference", "(y - yhat) ** 2", "(y - yhat)**2",
      "difference of the squares", "difference of squares", "difference first", "before squaring",
      "square the difference", "np.dot(d, d)"]),
    # ------------------------------------------------------------------ logistic_regression
    ("logistic_regression", "sigmoid", _f("sigmoid", "z", "s = 1 / (1 + np.exp(z))\nreturn s"),
     ["exp(-z)", "−z", "(-z)", "minus", "negated", "negate ", "opposite sign", "flipped sign", "mirror",
      "sigmoid(-z)", "σ(-z)", "1 - s", "1 − s"]),
    ("logistic_regression", "initialize_with_zeros",
     _f("initialize_with_zeros", "dim", "w = np.zeros(dim, 1)\nb = 0.0\nreturn w, b"),
     ["(dim, 1)", "tuple", "one argument", "second argument", "double parentheses", "extra parentheses",
      "pair of parentheses", "np.zeros((dim"]),
    (*_slip("logistic_regression", "graph_forward_backward", "return J,", "return v,"),
     ["return j", "returns v", "returned v", "v instead", "instead of j", "3 * v", "3·v", "times 3", "factor 3",
      "factor of 3", "a third", "3 times"]),
    (*_slip("logistic_regression", "graph_forward_backward", "dc = du * b", "dc = db * b"),
     ["du * b", "dc = du", "db * b", "from db", "uses db", "db instead of du", "instead of du", "du, not db"]),
    (*_slip("logistic_regression", "propagate", "dw = np.dot(X, dZ.T) / m", "dw = np.dot(X.T, dZ) / m"),
     ["np.dot(x, dz.t)", "dz.t", "transpose dz", "dz transposed", "transpose of dz", "x.t", "transposed the wrong",
      "wrong operand"]),
    (*_slip("logistic_regression", "propagate", "(1 - Y) * np.log(1 - A)) / m",
            "(1 - Y) * np.log(1 - A) / m)"),
     ["parenthes", "brackets", "only the second term", "both terms", "whole sum", "first term", "precedence",
      "the second term only"]),
    (*_slip("logistic_regression", "propagate", "return grads, cost", "return cost, grads"),
     ["grads, cost", "(grads, cost)", "grads first", *SWAPPED_RETURN]),
    (*_slip("logistic_regression", "optimize", "if i % 100 == 0:", "if i % 100:"),
     ["== 0", "i % 100 == 0", "iterations 0, 100", "except at", "every 100", "inverted condition",
      "not divisible", "all the other", "all other iterations", "every iteration but"]),
    ("logistic_regression", "optimize",
     _f("optimize", OPTIMIZE[0], OPTIMIZE[1].replace('params = {"w": w, "b": b}\n', "").replace(
         "costs = []\n", 'costs = []\nparams = {"w": w, "b": b}\n')),
     ["before the loop", "after the loop", "initial w", "initial values", "starting values", "stale", "built before",
      "the w you were given", "w passed in"]),
    (*_slip("logistic_regression", "optimize", 'dw = grads["dw"]\n    db = grads["db"]', "dw, db = grads"),
     ['grads["dw"]', "grads['dw']", "the keys", "its keys", "dict keys", "a dict", "dictionary", "unpacking a dict",
      "unpack"]),
    ("logistic_regression", "predict", _f("predict", PREDICT[0], """
m = X.shape[1]
Y_prediction = np.zeros((m, 1))
w = w.reshape(X.shape[0], 1)
A = sigmoid(np.dot(w.T, X) + b)
for i in range(m):
    if A[0, i] > 0.5:
        Y_prediction[i, 0] = 1
return Y_prediction"""), ["(1, m)", "np.zeros((1, m))", "a row", "one row", "row vector", "(m, 1)"]),
    (*_slip("logistic_regression", "predict", "w.reshape(X.shape[0], 1)", "w.reshape(1, X.shape[0])"),
     ["reshape(x.shape[0], 1)", "(n_x, 1)", "(1, n_x)", "w as a row", "w is a row", "row vector", "column vector",
      "a column"]),
    (*_slip("logistic_regression", "model", "initialize_with_zeros(X_train.shape[0])",
            "initialize_with_zeros(X_train.shape)"),
     ["shape[0]", "number of features", "the whole shape", "whole shape", "an int", "a tuple"]),
    (*_slip("logistic_regression", "model", "params, grads, costs = optimize", "params, costs = optimize"),
     ["three values", "params, grads, costs", "returns three", "3 values", "three things", "grads in the middle"]),
    # ------------------------------------------------------------------ planar_classification
    (*_slip("planar_classification", "layer_sizes", "n_y = Y.shape[0]", "n_y = X.shape[0]"),
     ["y.shape[0]", "rows of y ", "rows of y,", "n_y from x", "x instead of y", "x.shape[0] for n_y", "y's rows",
      "rows in y"]),
    (*_slip("planar_classification", "initialize_parameters", "W2 = np.random.randn(n_y, n_h) * 0.01",
            "W2 = np.random.randn(n_y, n_h)"),
     ["0.01", "scaled", "scaling", "unscaled", "not scaled", "100 times", "hundred times"]),
    (*_slip("planar_classification", "initialize_parameters", "W1 = np.random.randn(",
            "np.random.seed(2)\nW1 = np.random.randn("), ["seed"]),
    (*_slip("planar_classification", "initialize_parameters", '"b2": b2', '"b2": b1'),
     ['"b2": b2', "b1 instead", "instead of b2", "b1 under", "b1 stored", "b1 as b2", "b2 is b1", "b1 in b2"]),
    (*_slip("planar_classification", "forward_propagation", '"A1": A1', '"A1": Z1'),
     ['"a1": a1', "a1 holds z1", "z1 under", "z1 stored", "z1 as a1", "z1 instead", "instead of a1", "a1 is z1",
      "tanh(z1)", "before the tanh", "pre-activation"]),
    (*_slip("planar_classification", "forward_propagation", "return A2, cache", "return cache, A2"),
     ["a2, cache", "(a2, cache)", "cache first", *SWAPPED_RETURN]),
    (*_slip("planar_classification", "forward_propagation", "A2 = sigmoid(Z2)", "A2 = 1 / (1 + np.exp(Z2))"),
     ["exp(-z2)", "−z2", "(-z2)", "minus", "negated", "opposite sign", "flipped sign", "sigmoid(z2)", "1 - a2",
      "1 − a2", "mirror", "sigmoid(-z2)"]),
    (*_slip("planar_classification", "compute_cost", "cost = -np.sum(logprobs) / m",
            "cost = -np.sum(logprobs, axis=0) / m"),
     ["axis=0", "no axis", "without axis", "over all examples", "one number", "single number", "every example",
      "per example", "one cost per"]),
    (*_slip("planar_classification", "compute_cost",
            "logprobs = np.multiply(Y, np.log(A2)) + np.multiply(1 - Y, np.log(1 - A2))",
            "logprobs = Y * np.log(A2) + 1 - Y * np.log(1 - A2)"),
     ["parenthes", "brackets", "(1 - y)", "(1 − y)", "precedence"]),
    (*_slip("planar_classification", "backward_propagation", 'A1, A2 = cache["A1"]', 'A1, A2 = cache["Z1"]'),
     ['cache["a1"]', "cache['a1']", "z1 instead", "instead of a1", "z1 where", "reads z1", "z1 from the cache",
      "pre-activation", "before the tanh"]),
    (*_slip("planar_classification", "backward_propagation", "db1 = np.sum(dZ1,", "db1 = np.sum(dZ2,"),
     ["dz2 instead", "instead of dz1", "from dz2", "np.sum(dz1", "sum of dz1", "dz2 where", "sums dz2",
      "copied from db2", "layer 1's dz"]),
    (*_slip("planar_classification", "backward_propagation", "dW1 = np.dot(dZ1, X.T) / m",
            "dW1 = np.dot(dZ1, A1.T) / m"),
     ["x.t", "the input x", "a1 instead", "instead of x", "inputs x", "a0", "np.dot(dz1, x.t)", "a1.t instead",
      "layer 2's input"]),
    (*_slip("planar_classification", "update_parameters", "new_parameters = {}\n", ""),
     ["new_parameters = {}", "empty dict", "create the dict", "create new_parameters", "define new_parameters",
      "not defined", "never created", "before the loop"]),
    (*_slip("planar_classification", "update_parameters", "return new_parameters", "return parameters"),
     ["new_parameters", "return new", "returns the old", "old parameters", "input parameters",
      "parameters you were given", "not updated", "unchanged", "returned unchanged"]),
    (*_slip("planar_classification", "nn_model", "parameters = update_parameters(parameters, grads)",
            "update_parameters(parameters, grads)"),
     ["discard", "thrown away", "throw away", "ignored", "never stored", "not stored",
      "parameters = update_parameters", "return value", "keep the", "assign"]),
    (*_slip("planar_classification", "nn_model", "update_parameters(parameters, grads)",
            "update_parameters(parameters, grads, learning_rate=0.0075)"),
     ["learning_rate", "learning rate", "1.2", "default", "0.0075"]),
    (*_slip("planar_classification", "nn_model", "backward_propagation(parameters, cache, X, Y)",
            "backward_propagation(parameters, cache, Y, X)"),
     ["(parameters, cache, x, y)", "x and y", "y and x", "swapped", "argument order", "arguments swapped",
      "order of the arguments"]),
    (*_slip("planar_classification", "predict", "return predictions", "return A2"),
     ["return predictions", "returns a2", "returned a2", "probabilities instead", "a2 itself",
      "instead of the predictions", "unthresholded", "without the threshold", "> 0.5"]),
]
