"""Plain data in JSON: the only way values cross between student code and trusted code.

Values allowed: ``None``, ``bool``, ``int``, ``float``, ``str``, NumPy arrays of numbers or booleans,
NumPy scalars, and tuples, lists and dicts (string keys) of those. Nothing is ever unpickled, no
object is rebuilt from a class name, and decoding checks every tag, dtype and shape strictly.

Encoding, as JSON values:
    None, bool, int, float, str     themselves (floats keep full precision; NaN/inf as JSON extensions)
    list                            a JSON list
    tuple                           {"tuple": [...]}
    dict                            {"dict": [[key, value], ...]}   (order kept)
    numpy array                     {"ndarray": {"dtype": "float64", "shape": [3, 1], "data": [...]}}
    numpy scalar                    {"npscalar": {"dtype": "float64", "value": 0.5}}

With ``raw=True`` (both sides must ask for it; the grader's plan cache uses it), arrays travel as
their little-endian bytes instead, which is exact and several times faster to write and read than
lists of numbers (the building-block channel goes further: :mod:`layerlab.block_wire`):

    numpy array                     {"ndbytes": {"dtype": "float64", "shape": [3, 1], "base64": "..."}}
"""

from __future__ import annotations

import base64
import json
import math
from typing import Any

import numpy as np

#: dtypes that may cross the boundary (numbers and booleans only: no objects, no strings).
ALLOWED_DTYPES = frozenset(
    ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
     "float16", "float32", "float64"]
)

#: decoding refuses arrays larger than this many elements (a guard against absurd payloads).
MAX_ELEMENTS = 50_000_000


class PlainDataError(ValueError):
    """A value that is not plain data, or a malformed encoding."""


def encode(value: Any, _path: str = "value", *, raw: bool = False) -> Any:
    """Turn plain data into JSON-ready Python values (see the module docstring for the tags)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, np.generic):
        dtype = _checked_dtype(value.dtype, _path)
        return {"npscalar": {"dtype": dtype, "value": value.item()}}
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, np.ndarray):
        dtype = _checked_dtype(value.dtype, _path)
        if raw:
            data = np.ascontiguousarray(value, dtype=np.dtype(dtype).newbyteorder("<")).tobytes()
            return {"ndbytes": {"dtype": dtype, "shape": list(value.shape),
                                "base64": base64.b64encode(data).decode("ascii")}}
        return {"ndarray": {"dtype": dtype, "shape": list(value.shape),
                            "data": value.ravel(order="C").tolist()}}
    if isinstance(value, tuple):
        return {"tuple": [encode(v, f"{_path}[{i}]", raw=raw) for i, v in enumerate(value)]}
    if isinstance(value, list):
        return [encode(v, f"{_path}[{i}]", raw=raw) for i, v in enumerate(value)]
    if isinstance(value, dict):
        items = []
        for key, v in value.items():
            if not isinstance(key, str):
                raise PlainDataError(f"{_path} has a key {key!r} of type {type(key).__name__}; "
                                     "only string keys are plain data")
            items.append([key, encode(v, f"{_path}[{key!r}]", raw=raw)])
        return {"dict": items}
    raise PlainDataError(f"{_path} is a {type(value).__module__}.{type(value).__qualname__}, which is "
                         "not plain data (numbers, strings, NumPy arrays, and tuples/lists/dicts of them)")


def decode(data: Any, _path: str = "value", *, raw: bool = False) -> Any:
    """Rebuild a value from :func:`encode`'s output, checking every tag, dtype and shape; raw
    arrays (``ndbytes``) only with ``raw=True``."""
    if data is None or isinstance(data, (bool, str, int)):
        return data
    if isinstance(data, float):
        return data
    if isinstance(data, list):
        return [decode(v, f"{_path}[{i}]", raw=raw) for i, v in enumerate(data)]
    if not isinstance(data, dict) or len(data) != 1:
        raise PlainDataError(f"{_path}: malformed plain data {str(data)[:80]!r}")
    (tag, body), = data.items()
    if tag == "tuple" and isinstance(body, list):
        return tuple(decode(v, f"{_path}[{i}]", raw=raw) for i, v in enumerate(body))
    if tag == "dict" and isinstance(body, list):
        out = {}
        for item in body:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
                raise PlainDataError(f"{_path}: malformed dict item {str(item)[:80]!r}")
            out[item[0]] = decode(item[1], f"{_path}[{item[0]!r}]", raw=raw)
        return out
    if tag == "ndarray" and isinstance(body, dict) and set(body) == {"dtype", "shape", "data"}:
        return _decode_array(body, _path)
    if raw and tag == "ndbytes" and isinstance(body, dict) and set(body) == {"dtype", "shape", "base64"}:
        return _decode_raw_array(body, _path)
    if tag == "npscalar" and isinstance(body, dict) and set(body) == {"dtype", "value"}:
        dtype = _checked_dtype(body["dtype"], _path)
        value = body["value"]
        if not isinstance(value, (bool, int, float)):
            raise PlainDataError(f"{_path}: numpy scalar value must be a number")
        return _numbers(value, dtype, (), _path)[()]
    raise PlainDataError(f"{_path}: unknown or malformed tag {tag!r}")


def dumps(value: Any, **kwargs: Any) -> str:
    """``json.dumps(encode(value))``."""
    return json.dumps(encode(value), **kwargs)


def loads(text: str) -> Any:
    """``decode(json.loads(text))``."""
    return decode(json.loads(text))


#: the allowed dtypes by NumPy dtype object: a dict look-up is much faster than ``dtype.name``.
_DTYPE_NAMES = {np.dtype(name): name for name in ALLOWED_DTYPES}


def _checked_dtype(dtype: Any, path: str) -> str:
    if isinstance(dtype, str):
        name = dtype
    else:
        name = _DTYPE_NAMES.get(dtype) if isinstance(dtype, np.dtype) else None
        name = name or np.dtype(dtype).name
    if name not in ALLOWED_DTYPES:
        raise PlainDataError(f"{path} has dtype {name!r}; plain data allows only "
                             f"{', '.join(sorted(ALLOWED_DTYPES))}")
    return name


def _checked_shape(body: dict, path: str) -> tuple[str, list, int]:
    """(dtype, shape, number of elements) of an array's body, all checked."""
    dtype = _checked_dtype(body["dtype"], path)
    shape = body["shape"]
    if not (isinstance(shape, list) and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0
                                            for n in shape)):
        raise PlainDataError(f"{path}: array shape must be a list of non-negative integers")
    size = math.prod(shape)
    if size > MAX_ELEMENTS:
        raise PlainDataError(f"{path}: array of {size} elements exceeds the {MAX_ELEMENTS} limit")
    return dtype, shape, size


def _decode_raw_array(body: dict, path: str) -> np.ndarray:
    dtype, shape, size = _checked_shape(body, path)
    wire = np.dtype(dtype).newbyteorder("<")
    if not isinstance(body["base64"], str) or len(body["base64"]) > 4 * (size * wire.itemsize + 2) // 3 + 4:
        raise PlainDataError(f"{path}: raw array data must be a base64 string of the array's size")
    try:
        data = base64.b64decode(body["base64"], validate=True)
    except ValueError as exc:
        raise PlainDataError(f"{path}: raw array data is not base64 ({exc})") from None
    if len(data) != size * wire.itemsize:
        raise PlainDataError(f"{path}: raw array data has {len(data)} bytes, shape {tuple(shape)} "
                             f"of {dtype} needs {size * wire.itemsize}")
    return np.frombuffer(data, dtype=wire).astype(dtype).reshape(shape)


def _decode_array(body: dict, path: str) -> np.ndarray:
    dtype, shape, size = _checked_shape(body, path)
    data = body["data"]
    if not isinstance(data, list) or len(data) != size:
        raise PlainDataError(f"{path}: array data has {len(data) if isinstance(data, list) else '?'} "
                             f"elements, shape {tuple(shape)} needs {size}")
    if not _only_numbers(data):
        raise PlainDataError(f"{path}: array data must contain only numbers")
    return _numbers(data, dtype, shape, path)


_NUMBER_TYPES = frozenset({bool, int, float})


def _only_numbers(data: list) -> bool:
    """Whether every item of ``data`` is a bool, int or float. The set of the items' exact types
    settles the usual case (lists from JSON) at C speed; only a list holding other types (a
    subclass of int, or not a number) is checked item by item."""
    if set(map(type, data)) <= _NUMBER_TYPES:
        return True
    return all(isinstance(x, (bool, int, float)) for x in data)


def _numbers(data: Any, dtype: str, shape, path: str) -> np.ndarray:
    """``data`` (a number or a flat list of numbers) as an array of ``dtype`` and ``shape``; a
    number the dtype cannot hold (300 as int8, NaN as int64) is malformed data, not a crash."""
    try:
        return np.array(data, dtype=dtype).reshape(shape)
    except (OverflowError, ValueError, TypeError) as exc:
        raise PlainDataError(f"{path}: numbers that do not fit {dtype} or the shape "
                             f"({str(exc)[:100]})") from None
