"""Mistakes that are one small change of the reference solution, one per kind of near miss
(:data:`layerlab.judge.near_misses.KINDS`): each is the notebook's own solution cell with one
piece of text replaced, and both paths must name its near miss (not necessarily first: a
recogniser written for the slip may come before it)."""

from __future__ import annotations

import functools
from pathlib import Path

from autograder.build.source import SourceNotebook

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = {"numpy_basics": "week2_numpy_basics", "logistic_regression": "week2_logistic_regression",
             "planar_classification": "week3_planar_classification",
             "deep_nn_step_by_step": "week4_deep_nn_step_by_step", "deep_nn_application": "week4_deep_nn_application"}


@functools.lru_cache(maxsize=None)
def _solution(notebook: str, function: str) -> str:
    nb = SourceNotebook(REPO / "source" / NOTEBOOKS[notebook] / f"{notebook}.ipynb")
    return next(c.source for c in nb.solution_cells() if nb.nbgrader_meta(c).get("grade_id") == function)


def changed(notebook: str, function: str, old: str, new: str) -> str:
    """The reference solution cell of ``function`` with ``old`` (which must occur once) replaced."""
    code = _solution(notebook, function)
    if code.count(old) != 1:
        raise ValueError(f"{old!r} occurs {code.count(old)} times in the solution of {function}")
    return code.replace(old, new)


# (notebook, function, old text, new text, words both paths' feedback shows (None: the near miss is
# named, but after as many others as a case shows), near-miss kind)
ENTRIES = [
    ("numpy_basics", "softmax", "s = x_exp / x_sum", "s = x_exp * x_sum", "* instead of /", "operator"),
    ("numpy_basics", "softmax", "s = x_exp / x_sum", "s = x_sum / x_exp", "the fraction upside down", "operands"),
    ("logistic_regression", "initialize_with_zeros", "np.zeros((dim, 1))", "np.zeros((1, dim))", "(1, dim) instead of (dim, 1)", "shape"),
    ("logistic_regression", "propagate", "dw = np.dot(X, dZ.T) / m", "dw = -np.dot(X, dZ.T) / m",
     "the opposite sign (an extra minus)", "sign"),
    ("planar_classification", "forward_propagation", "A2 = sigmoid(Z2)", "A2 = Z2",
     "Z2 without the call to sigmoid", "dropped-call"),
    ("planar_classification", "forward_propagation", "A2 = sigmoid(Z2)", "A2 = sigmoid(Z1)", "Z1 instead of Z2", "name"),
    ("planar_classification", "forward_propagation", "A1 = np.tanh(Z1)", "A1 = sigmoid(Z1)",
     "sigmoid instead of np.tanh", "other-call"),
    ("planar_classification", "backward_propagation", "dW2 = np.dot(dZ2, A1.T) / m", "dW2 = np.dot(dZ2, A1.T)",
     "no division by m", "dropped-part"),
    ("deep_nn_step_by_step", "linear_activation_forward", "A, activation_cache = sigmoid(Z)",
     "activation_cache, A = sigmoid(Z)", "unpacked in another order", "unpacked"),
    ("deep_nn_step_by_step", "linear_backward", "db = np.sum(dZ, axis=1, keepdims=True) / m",
     "db = np.sum(dZ, axis=1) / m", "without keepdims=True", "keyword"),
    ("deep_nn_step_by_step", "linear_forward", "return Z, cache", "return Z", "returns only Z", "returned"),
    ("deep_nn_step_by_step", "L_model_forward", 'parameters[f"b{L}"], "sigmoid")',
     'parameters[f"b{L}"], "relu")', '"relu" instead of "sigmoid"', "text"),
    ("deep_nn_step_by_step", "initialize_parameters", "np.random.randn(n_h, n_x)", "np.random.randn(n_x, n_h)",
     "the arguments of np.random.randn swapped", "arguments"),
    ("logistic_regression", "optimize", "if i % 100 == 0:", "if i % 10 == 0:", "10 instead of 100", "number"),
    ("deep_nn_application", "L_layer_model", "for l in range(1, len(layers_dims)):",
     "for l in range(1, len(layers_dims) - 1):", "off by one", "index"),
    ("planar_classification", "nn_model", "parameters = update_parameters(parameters, grads)",
     "update_parameters(parameters, grads)", "is missing, or its result is not kept", "dropped-line"),
    # every .T of the course's solutions, left out, raises an error: the error's own explanation
    # ("is a `.T` missing there?") comes first, and here a second change gives the same error, so the
    # near miss is named but not among the lines shown (words None)
    ("logistic_regression", "predict", "A = sigmoid(np.dot(w.T, X) + b)", "A = sigmoid(np.dot(w, X) + b)",
     None, "transpose"),
]
