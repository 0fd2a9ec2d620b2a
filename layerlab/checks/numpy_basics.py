"""Public checks of the week-2 NumPy basics assignment (``week2_numpy_basics/numpy_basics.ipynb``).

In the notebook::

    from layerlab.checks import numpy_basics as checks
    checks.check_sigmoid(sigmoid)

Each ``check_<name>`` runs the student's function on the cases below, compares with the expected
outputs generated from the reference solution, and names the likely mistake when it recognises one.
The recognisers test relations between the input, the expected and the returned values; they do
not contain the solutions.

The grader's hidden cases sit beside the public ones (``hidden=``, see
:mod:`layerlab.judge.contract`); every copy of layerlab that leaves the instructor's repository is
stripped of them, and of what describes them.
"""

from __future__ import annotations

import numpy as np

from layerlab.checks import numpy_basics_hints as numpy_hints
from layerlab.checks.runner import Case, FunctionSpec, make_check
from layerlab.checks.sigmoid_family import DERIVATIVE_HINTS, sigmoid_hints
from layerlab.judge.contract import Hidden, HiddenCase

NOTEBOOK = "numpy_basics"


# --------------------------------------------------------------------------- the cases

def _a(values) -> np.ndarray:
    return np.array(values, dtype=float)


def _randn(seed: int, *shape: int) -> np.ndarray:
    return np.random.RandomState(seed).randn(*shape)


def _rng(seed: int) -> np.random.RandomState:
    return np.random.RandomState(seed)


def _normal(seed: int, *shape: int, scale: float = 1.0) -> np.ndarray:
    return _rng(seed).randn(*shape) * scale


def _uniform(seed: int, low: float, high: float, *shape: int) -> np.ndarray:
    return _rng(seed).uniform(low, high, size=shape)


def _labels(seed: int, m: int) -> np.ndarray:
    return (_rng(seed).rand(m) > 0.5).astype(float)


def _hidden(*makers) -> Hidden:
    """Hidden cases, one per zero-argument function that builds the argument (or, for several
    arguments, their tuple). They use other sizes, ranks and dtypes than the public cases: scalars
    given as int and float, 1-D to 3-D arrays, a single row or column, integer and uint8 inputs,
    every input in the range the notebook teaches (softmax scores within ±20: the max-subtraction
    trick is optional there)."""
    def case(make) -> HiddenCase:
        def arguments() -> tuple:
            made = make()
            return made if isinstance(made, tuple) else (made,)
        return HiddenCase(arguments)
    return Hidden([case(make) for make in makers])


SPECS = {
    "basic_sigmoid": FunctionSpec("basic_sigmoid", [
        Case("x = 3", lambda: (3,)),
        Case("x = -1.5", lambda: (-1.5,)),
        Case("x = 0.0", lambda: (0.0,)),
    ], hints=sigmoid_hints("x"), properties=[numpy_hints.python_float],
        hidden=_hidden(lambda: -4, lambda: 2.5, lambda: float(_uniform(11, -8, 8)), lambda: 12,
                       lambda: -0.125)),
    "sigmoid": FunctionSpec("sigmoid", [
        Case("x = np.array([1, 2, 3])", lambda: (np.array([1, 2, 3]),)),
        Case("x = a (2, 3) array with negative entries", lambda: (_a([[-1, 0, 4], [2, -3, 0.5]]),)),
        Case("x = 0.5 (a single number)", lambda: (0.5,)),
    ], hints=sigmoid_hints("x"), properties=[numpy_hints.float_array], hidden=_hidden(
        lambda: _normal(21, 7, scale=3),
        lambda: _normal(22, 4, 6, scale=2),
        lambda: _normal(23, 2, 3, 4),
        lambda: np.arange(-3, 3),                    # an int array
        lambda: -1.25,                               # a Python float
        lambda: _uniform(24, -30, 30, 1, 5),         # saturating values
    )),
    "sigmoid_derivative": FunctionSpec("sigmoid_derivative", [
        Case("x = np.array([1, 2, 3])", lambda: (np.array([1, 2, 3]),)),
        Case("x = a random (3, 2) array", lambda: (_randn(1, 3, 2),)),
    ], hints=DERIVATIVE_HINTS, properties=[numpy_hints.float_array], hidden=_hidden(
        lambda: _normal(31, 6, scale=2),
        lambda: _normal(32, 3, 5),
        lambda: _normal(33, 2, 2, 3, scale=4),
        lambda: 1.7,
        lambda: np.array([-2, 0, 1, 5]),
    )),
    "image2vector": FunctionSpec("image2vector", [
        Case("image of shape (3, 3, 2)", lambda: (_randn(2, 3, 3, 2),)),
        Case("image of shape (2, 4, 3)", lambda: (np.arange(24, dtype=float).reshape(2, 4, 3) / 24,)),
    ], hints=[numpy_hints.image_order, numpy_hints.image_not_a_column], hidden=_hidden(
        lambda: _normal(41, 4, 5, 3),
        lambda: np.array([[[0.5]]]),
        lambda: _rng(42).randint(0, 256, size=(2, 7, 3)).astype(np.uint8),  # a picture
        lambda: _uniform(43, 0, 1, 8, 8, 3),
        lambda: np.arange(30.0).reshape(3, 2, 5),
    )),
    "normalize_rows": FunctionSpec("normalize_rows", [
        Case("x = np.array([[0, 3, 4], [1, 6, 4]])", lambda: (_a([[0, 3, 4], [1, 6, 4]]),)),
        Case("x = a random (3, 3) array", lambda: (_randn(3, 3, 3),)),
        Case("x = a random (4, 2) array", lambda: (_randn(4, 4, 2),)),
    ], hints=[numpy_hints.normalized_columns, numpy_hints.normalized_otherwise], properties=[numpy_hints.float_array], hidden=_hidden(
        lambda: _normal(51, 5, 4),
        lambda: _normal(52, 1, 6),
        lambda: _normal(53, 6, 1),
        lambda: _rng(54).randint(1, 9, size=(3, 3)),  # an int array, square
        lambda: _normal(55, 7, 2, scale=10),
    )),
    "softmax": FunctionSpec("softmax", [
        Case("x = np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]])",
             lambda: (_a([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]]),)),
        Case("x = a random (3, 3) array", lambda: (_randn(5, 3, 3),)),
        Case("x = a (1, 4) array (a single row)", lambda: (_a([[1, 2, 3, 4]]),)),
    ], hints=[numpy_hints.softmax_axis], properties=[numpy_hints.float_array], hidden=_hidden(
        lambda: _normal(61, 3, 5, scale=2),
        lambda: _normal(66, 1, 7, scale=3),          # a single row
        lambda: _normal(62, 4, 1),
        lambda: _uniform(63, -20, 20, 2, 8),
        lambda: _normal(64, 4, 4),
        lambda: _rng(65).randint(-5, 6, size=(6, 3)),  # an int array
    )),
    "L1": FunctionSpec("L1", [
        Case("yhat = np.array([.9, .2, .1, .4, .9]), y = np.array([1, 0, 0, 1, 1])",
             lambda: (_a([.9, .2, .1, .4, .9]), _a([1, 0, 0, 1, 1]))),
        Case("yhat, y = two random vectors of length 7",
             lambda: (np.random.RandomState(6).rand(7), (np.random.RandomState(7).rand(7) > .5) * 1.0)),
    ], hints=[numpy_hints.l1_hints], hidden=_hidden(
        lambda: (_uniform(71, 0, 1, 10), _labels(72, 10)),
        lambda: (np.array([0.25]), np.array([1.0])),
        lambda: (_uniform(73, 0, 1, 25), _labels(74, 25)),
        lambda: (_normal(75, 6), _normal(76, 6)),
        lambda: (np.array([0.1, 0.9, 0.8, 0.3]), np.array([0, 1, 1, 0])),
    )),
    "L2": FunctionSpec("L2", [
        Case("yhat = np.array([.9, .2, .1, .4, .9]), y = np.array([1, 0, 0, 1, 1])",
             lambda: (_a([.9, .2, .1, .4, .9]), _a([1, 0, 0, 1, 1]))),
        Case("yhat, y = two random vectors of length 7",
             lambda: (np.random.RandomState(8).rand(7), (np.random.RandomState(9).rand(7) > .5) * 1.0)),
    ], hints=[numpy_hints.l2_hints], hidden=_hidden(
        lambda: (_uniform(81, 0, 1, 10), _labels(82, 10)),
        lambda: (np.array([0.25]), np.array([1.0])),
        lambda: (_uniform(83, 0, 1, 25), _labels(84, 25)),
        lambda: (_normal(85, 6), _normal(86, 6)),
        lambda: (np.array([0.1, 0.9, 0.8, 0.3]), np.array([0, 1, 1, 0])),
    )),
}

check_basic_sigmoid = make_check(NOTEBOOK, SPECS["basic_sigmoid"])
check_sigmoid = make_check(NOTEBOOK, SPECS["sigmoid"])
check_sigmoid_derivative = make_check(NOTEBOOK, SPECS["sigmoid_derivative"])
check_image2vector = make_check(NOTEBOOK, SPECS["image2vector"])
check_normalize_rows = make_check(NOTEBOOK, SPECS["normalize_rows"])
check_softmax = make_check(NOTEBOOK, SPECS["softmax"])
check_L1 = make_check(NOTEBOOK, SPECS["L1"])
check_L2 = make_check(NOTEBOOK, SPECS["L2"])

__all__ = ["SPECS"] + [f"check_{name}" for name in SPECS]
