"""Does plain data survive the trip through JSON exactly, and is everything else refused?"""

import json

import numpy as np
import pytest

from layerlab import plaindata
from layerlab.plaindata import PlainDataError


@pytest.mark.parametrize("value", [
    None, True, 3, -2.5, "text", float("inf"),
    np.array([[1.0, 2.0], [3.0, 4.5]]),
    np.arange(6, dtype=np.uint8).reshape(1, 2, 3),
    np.array([True, False]),
    np.zeros((0, 3)),
    np.float64(0.1), np.int32(7),
    (np.ones((2, 1)), 0.0),
    {"dW1": np.eye(2), "db1": np.zeros((2, 1))},
    [1, (2, 3), {"a": [4]}],
])
def test_round_trip_is_exact(value):
    back = plaindata.loads(plaindata.dumps(value))
    assert _identical(value, back)


def test_floats_keep_every_bit():
    x = np.random.RandomState(0).randn(50)
    assert np.array_equal(plaindata.loads(plaindata.dumps(x)), x)


@pytest.mark.parametrize("value", [
    object(), np.array(["a", "b"]), np.array([1, None], dtype=object), {1: 2}, {1.5}, lambda: 0,
    np.array([1 + 2j]),
])
def test_non_plain_values_are_refused(value):
    with pytest.raises(PlainDataError):
        plaindata.encode(value)


@pytest.mark.parametrize("payload", [
    {"pickle": "..."},
    {"ndarray": {"dtype": "object", "shape": [1], "data": [1]}},
    {"ndarray": {"dtype": "float64", "shape": [2, 2], "data": [1, 2, 3]}},
    {"ndarray": {"dtype": "float64", "shape": [-1], "data": []}},
    {"ndarray": {"dtype": "float64", "shape": [1], "data": ["1"]}},
    {"ndarray": {"dtype": "float64", "shape": [10 ** 6, 10 ** 6], "data": []}},
    {"tuple": [1], "extra": 2},
    {"dict": [[1, 2]]},
    {"npscalar": {"dtype": "float64", "value": "nan"}},
])
def test_malformed_payloads_are_refused(payload):
    with pytest.raises(PlainDataError):
        plaindata.decode(json.loads(json.dumps(payload)))


def _identical(a, b):
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b)
    if isinstance(a, np.generic):
        return type(a) is type(b) and a == b
    if isinstance(a, dict):
        return isinstance(b, dict) and list(a) == list(b) and all(_identical(a[k], b[k]) for k in a)
    if isinstance(a, (tuple, list)):
        return type(a) is type(b) and len(a) == len(b) and all(map(_identical, a, b))
    return type(a) is type(b) and (a == b or (a != a and b != b))
