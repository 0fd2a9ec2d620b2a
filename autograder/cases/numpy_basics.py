"""Hidden cases of ``week2_numpy_basics/numpy_basics.ipynb`` (see :mod:`autograder.cases`).

Other sizes, ranks and dtypes than the public checks use: scalars given as int and float, 1-D to
3-D arrays, a single row or column, integer and uint8 inputs. Every input stays in the range the
notebook teaches (softmax scores within ±20: the max-subtraction trick is optional there).
"""

from __future__ import annotations

import numpy as np

from autograder.cases import HiddenCase, HiddenSpec
from layerlab.judge.catalogue import mistake


def _rng(seed: int) -> np.random.RandomState:
    return np.random.RandomState(seed)


def _normal(seed: int, *shape: int, scale: float = 1.0) -> np.ndarray:
    return _rng(seed).randn(*shape) * scale


def _uniform(seed: int, low: float, high: float, *shape: int) -> np.ndarray:
    return _rng(seed).uniform(low, high, size=shape)


def _labels(seed: int, m: int) -> np.ndarray:
    return (_rng(seed).rand(m) > 0.5).astype(float)


def _case(*builders, **kwargs) -> HiddenCase:
    """A case whose arguments are built fresh by the given zero-argument functions."""
    return HiddenCase(make=lambda: tuple(build() for build in builders), **kwargs)


# --------------------------------------------------------------------------- output contracts

@mistake("basic-sigmoid.returns-an-array", "basic_sigmoid returns an array instead of a float",
         topic="python-basics")
def _python_float(args, got):
    """Property: basic_sigmoid returns a Python float, never a NumPy array."""
    if isinstance(got, np.ndarray):
        return (f"basic_sigmoid must return a Python float, not a NumPy array (of shape {got.shape}): "
                "compute it with math.exp")
    return None


@mistake("numpy-basics.int-array-result", "an array of ints where floats belong",
         topic="python-basics")
def _float_array(args, got):
    """Property: an array result holds floats (an int dtype means fractions were lost)."""
    if isinstance(got, np.ndarray) and got.dtype.kind != "f":
        return (f"the result is an array of {got.dtype}: it must hold floats (the fractions were lost; "
                "divide with `/`, and don't write into an integer array)")
    return None


CASES = {
    "basic_sigmoid": HiddenSpec([
        _case(lambda: -4),
        _case(lambda: 2.5),
        _case(lambda: float(_uniform(11, -8, 8))),
        _case(lambda: 12),
        _case(lambda: -0.125),
    ], properties=[_python_float]),
    "sigmoid": HiddenSpec([
        _case(lambda: _normal(21, 7, scale=3)),
        _case(lambda: _normal(22, 4, 6, scale=2)),
        _case(lambda: _normal(23, 2, 3, 4)),
        _case(lambda: np.arange(-3, 3)),                    # an int array
        _case(lambda: -1.25),                               # a Python float
        _case(lambda: _uniform(24, -30, 30, 1, 5)),        # saturating values
    ], properties=[_float_array]),
    "sigmoid_derivative": HiddenSpec([
        _case(lambda: _normal(31, 6, scale=2)),
        _case(lambda: _normal(32, 3, 5)),
        _case(lambda: _normal(33, 2, 2, 3, scale=4)),
        _case(lambda: 1.7),
        _case(lambda: np.array([-2, 0, 1, 5])),
    ], properties=[_float_array]),
    "image2vector": HiddenSpec([
        _case(lambda: _normal(41, 4, 5, 3)),
        _case(lambda: np.array([[[0.5]]])),
        _case(lambda: _rng(42).randint(0, 256, size=(2, 7, 3)).astype(np.uint8)),  # a picture
        _case(lambda: _uniform(43, 0, 1, 8, 8, 3)),
        _case(lambda: np.arange(30.0).reshape(3, 2, 5)),
    ]),
    "normalize_rows": HiddenSpec([
        _case(lambda: _normal(51, 5, 4)),
        _case(lambda: _normal(52, 1, 6)),
        _case(lambda: _normal(53, 6, 1)),
        _case(lambda: _rng(54).randint(1, 9, size=(3, 3))),  # an int array, square
        _case(lambda: _normal(55, 7, 2, scale=10)),
    ], properties=[_float_array]),
    "softmax": HiddenSpec([
        _case(lambda: _normal(61, 3, 5, scale=2)),
        _case(lambda: _normal(66, 1, 7, scale=3)),         # a single row
        _case(lambda: _normal(62, 4, 1)),
        _case(lambda: _uniform(63, -20, 20, 2, 8)),
        _case(lambda: _normal(64, 4, 4)),
        _case(lambda: _rng(65).randint(-5, 6, size=(6, 3))),  # an int array
    ], properties=[_float_array]),
    "L1": HiddenSpec([
        _case(lambda: _uniform(71, 0, 1, 10), lambda: _labels(72, 10)),
        _case(lambda: np.array([0.25]), lambda: np.array([1.0])),
        _case(lambda: _uniform(73, 0, 1, 25), lambda: _labels(74, 25)),
        _case(lambda: _normal(75, 6), lambda: _normal(76, 6)),
        _case(lambda: np.array([0.1, 0.9, 0.8, 0.3]), lambda: np.array([0, 1, 1, 0])),
    ]),
    "L2": HiddenSpec([
        _case(lambda: _uniform(81, 0, 1, 10), lambda: _labels(82, 10)),
        _case(lambda: np.array([0.25]), lambda: np.array([1.0])),
        _case(lambda: _uniform(83, 0, 1, 25), lambda: _labels(84, 25)),
        _case(lambda: _normal(85, 6), lambda: _normal(86, 6)),
        _case(lambda: np.array([0.1, 0.9, 0.8, 0.3]), lambda: np.array([0, 1, 1, 0])),
    ]),
}
