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
    {"ndarray": {"dtype": "float64", "shape": [3], "data": [1.0, 2, None]}},   # one item is not
    {"ndarray": {"dtype": "float64", "shape": [2], "data": [0.5, [1.0]]}},
    {"ndarray": {"dtype": "float64", "shape": [10 ** 6, 10 ** 6], "data": []}},
    {"tuple": [1], "extra": 2},
    {"dict": [[1, 2]]},
    {"npscalar": {"dtype": "float64", "value": "nan"}},
])
def test_malformed_payloads_are_refused(payload):
    with pytest.raises(PlainDataError):
        plaindata.decode(json.loads(json.dumps(payload)))


def test_numbers_of_a_subclass_of_int_are_numbers_too():
    class Count(int):
        pass

    body = {"ndarray": {"dtype": "int64", "shape": [3], "data": [Count(1), 2, True]}}
    assert plaindata.decode(body).tolist() == [1, 2, 1]


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


@pytest.mark.parametrize("array", [np.arange(6, dtype=np.float64).reshape(2, 3).T,   # not contiguous
                                   np.array([[1.5, -2.0]], dtype=">f8"),             # big-endian
                                   np.array([True, False]), np.zeros((0, 3), np.int32),
                                   np.array(7, dtype=np.uint8), np.random.RandomState(0).randn(4, 5)])
def test_raw_arrays_round_trip_exactly(array):
    value = {"a": (array, [array]), "n": 3}
    text = json.dumps(plaindata.encode(value, raw=True))
    back = plaindata.decode(json.loads(text), raw=True)
    for got in (back["a"][0], back["a"][1][0]):
        assert got.dtype == array.dtype.newbyteorder("=") and got.shape == array.shape
        assert np.array_equal(got, array) and got.flags.writeable


def test_raw_arrays_are_accepted_only_when_asked_for_and_only_when_well_formed():
    good = plaindata.encode(np.ones((2, 2)), raw=True)
    with pytest.raises(PlainDataError, match="tag 'ndbytes'"):
        plaindata.decode(good)
    body = good["ndbytes"]
    for bad in ({**body, "base64": body["base64"][:-4]}, {**body, "base64": "!!!!"},
                {**body, "dtype": "object"}, {**body, "shape": [3, 2]}, {**body, "base64": 5}):
        with pytest.raises(PlainDataError):
            plaindata.decode({"ndbytes": bad}, raw=True)
