"""The hidden cases of ``week3_planar_classification/planar_classification.ipynb``: do they cover
every graded function, differ from the public ones, honour the seeding conventions, and, in one
grading run, give full marks to the source and to correct-but-different solutions, zero to the
release, and lose points with the right diagnosis for common mistakes?"""

from __future__ import annotations

import functools

import numpy as np

from autograder.grading.plan import build_plan, hidden_cases_of
from autograder.build.source import SourceNotebook
from grading_corpus import fn
from grading_tools import REPO, corpus_tests, hidden_case_tests
from layerlab.checks import planar_classification as public

ASSIGNMENT = "week3_planar_classification"
NOTEBOOK = "planar_classification"
SOURCE = REPO / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
FUNCTIONS = ["layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
             "backward_propagation", "update_parameters", "nn_model", "predict"]


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
# (function, solution cell, words the function's messages must contain)
MISTAKES = [
    ("layer_sizes", fn("layer_sizes", "X, Y", "return (X.shape[1], 4, Y.shape[0])"),
     "n_x is the number of rows of X"),
    ("layer_sizes", fn("layer_sizes", "X, Y", "return [X.shape[0], 4, Y.shape[0]]"),
     "must return a tuple"),
    ("initialize_parameters", _initialize(before="np.random.seed(2)"), "do not call np.random.seed"),
    ("initialize_parameters", _initialize(before="W2 = np.random.randn(n_y, n_h) * 0.01",
                                          second="W2"), "W2 was drawn before W1"),
    ("initialize_parameters", _initialize(first="np.zeros((n_h, n_x))", second="np.zeros((n_y, n_h))"),
     "symmetry"),
    ("forward_propagation", _forward(hidden="sigmoid(Z1)"), "that is the sigmoid"),
    ("forward_propagation", _forward(z1="np.dot(W1, X)"), "Z1 is missing the bias"),
    ("compute_cost", fn("compute_cost", "A2, Y", "return float(np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))"),
     "the cost came out negative"),
    ("compute_cost", fn("compute_cost", "A2, Y", "return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))"),
     "this is the sum over the m"),
    ("backward_propagation", _backward(derivative="1 - A1"), "not 1 − A1"),
    ("backward_propagation", _backward(dW2="np.dot(dZ2, A1) / m"), "needs A1 transposed"),
    ("backward_propagation", _backward(db="np.sum({}, axis=1) / m"), "must keep its column shape"),
    ("backward_propagation", _backward(keys="dw1 db1 dw2 db2"), "exactly the keys"),
    ("update_parameters", fn("update_parameters", "parameters, grads, learning_rate=1.2", """
for name in ("W1", "b1", "W2", "b2"):
    parameters[name] = parameters[name] - learning_rate * grads["d" + name]
return parameters
"""), "changed its input in place"),
    ("update_parameters", fn("update_parameters", "parameters, grads, learning_rate=1.2",
                             "return {k: parameters[k] + learning_rate * grads['d' + k] for k in parameters}"),
     "you added the gradients"),
    ("update_parameters", fn("update_parameters", "parameters, grads, learning_rate=1.2",
                             "return {k: parameters[k] - 1.2 * grads['d' + k] for k in parameters}"),
     "as if the learning rate were"),
    ("nn_model", _nn_model(before="parameters = initialize_parameters(n_x, n_h, n_y)"), "np.random.seed(3)"),
    ("nn_model", _nn_model(hidden="4"), "use the n_h argument"),
    ("nn_model", _nn_model(inside="np.random.seed(3)\nparameters = initialize_parameters(n_x, n_h, n_y)"),
     "each with the parameters of the step before"),
    ("predict", fn("predict", "parameters, X", "return forward_propagation(X, parameters)[0]"),
     "returns labels, not probabilities"),
    ("predict", fn("predict", "parameters, X", "return forward_propagation(X, parameters)[0] < 0.5"),
     "every prediction is flipped"),
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


# ----------------------------------------------------------------------------- the cases (no worker)

@functools.lru_cache(maxsize=None)
def plan():
    return build_plan(SourceNotebook(SOURCE))


globals().update(hidden_case_tests(NOTEBOOK, SOURCE, FUNCTIONS, public, min_cases=5, other_shapes=False))


def test_seeding_conventions_are_graded():
    specs = hidden_cases_of(NOTEBOOK)
    # initialize_parameters draws from the global generator: the grader seeds it, never with 3
    assert all(c.seed is not None and c.seed != 3 for c in specs["initialize_parameters"].cases)
    # nn_model seeds with 3 itself: the grader seeds with something else first
    assert all(c.seed is not None and c.seed != 3 for c in specs["nn_model"].cases)
    p = plan()
    init = next(f for f in p.functions if f.name == "initialize_parameters")
    for case in init.cases:
        n_x, n_h, n_y = case.args
        rs = np.random.RandomState(case.seed)
        assert np.array_equal(case.expected["W1"], rs.randn(n_h, n_x) * 0.01)


def test_backward_cases_let_the_hints_see_the_mistakes():
    """Some cases have m = n_x + 1 (dZ1 is recoverable from dW1, db1) and n_h = m (a missing .T
    keeps the shape), and their cache is consistent with the parameters."""
    backward = next(f for f in plan().functions if f.name == "backward_propagation")
    solved = 0
    for case in backward.cases:
        parameters, cache, X, Y = case.args
        n_x, m = X.shape
        assert np.allclose(cache["Z1"], parameters["W1"] @ X + parameters["b1"])
        assert np.allclose(cache["A1"], np.tanh(cache["Z1"]))
        assert np.allclose(cache["Z2"], parameters["W2"] @ cache["A1"] + parameters["b2"])
        assert np.all((cache["A2"] > 0) & (cache["A2"] < 1))
        solved += m == n_x + 1 == cache["A1"].shape[0]
    assert solved >= 3


def test_no_expected_probability_is_0_or_1():
    for f in plan().functions:
        for case in f.cases:
            if f.name == "forward_propagation":
                assert np.all((case.expected[0] > 1e-6) & (case.expected[0] < 1 - 1e-6))
            if f.name == "compute_cost":
                assert np.isfinite(case.expected) and case.expected > 0


# ----------------------------------------------------------------------------- one grading run

globals().update(corpus_tests(ASSIGNMENT, NOTEBOOK, FUNCTIONS, 11, MISTAKES, VARIANTS))
