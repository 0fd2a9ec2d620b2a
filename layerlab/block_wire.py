"""The frames of the building-block channel: a small JSON skeleton, then the arrays' raw bytes.

Both ends of :mod:`layerlab.block_client` (the worker) and the grader's block server use it. One
message is one frame::

    8 bytes      two little-endian unsigned 32-bit lengths: the skeleton's, then the data's
    skeleton     UTF-8 JSON, e.g. {"id": 7, "block": "relu", "args": SKELETON}
    data         every array's little-endian bytes, in the order the skeleton names them, each
                 padded to a multiple of 8 bytes (so an array read in place is aligned)

A skeleton is plain data (:mod:`layerlab.plaindata`) in which an array is ``{"nd": [dtype,
shape]}`` instead of a list of numbers or base64 text: an array of a (209, 20) float64 crosses
as its 33,440 bytes, copied once into the pipe and once out of it, instead of being written as
44,600 characters of base64 and parsed back.

:func:`decode` is strict, as the grader's side needs: only the tags of plain data and ``nd``,
only the dtypes of :data:`plaindata.ALLOWED_DTYPES`, shapes of non-negative integers, every byte
of the data used exactly once. It raises :class:`plaindata.PlainDataError` otherwise.
"""

from __future__ import annotations

import json
import math
import os
import struct
from typing import Any

import numpy as np

from layerlab import plaindata

#: the two lengths in front of every frame.
HEAD = struct.Struct("<II")
#: the longest frame either side reads (a few million numbers); a longer one ends the channel.
MAX_FRAME_BYTES = 64 * 2**20

#: NumPy dtype -> its name, for the allowed dtypes only (a dict look-up is the fast check).
_NAMES = {np.dtype(name): name for name in plaindata.ALLOWED_DTYPES}
_LITTLE = {name: np.dtype(name).newbyteorder("<") for name in plaindata.ALLOWED_DTYPES}


def encode(envelope: dict, value: Any = None) -> list:
    """The frame of ``envelope`` (a small dict of JSON values: an id, a name, an error) carrying
    ``value`` (plain data) under the key ``"value"``, as a list of byte buffers to be written in
    order (``os.writev``); arrays are not copied unless they are not contiguous."""
    buffers: list = []
    doc = dict(envelope, value=_skeleton(value, buffers))
    skeleton = json.dumps(doc, allow_nan=True).encode("utf-8")
    size = sum(len(b) for b in buffers)
    return [HEAD.pack(len(skeleton), size), skeleton, *buffers]


def decode(skeleton: bytes, data: bytearray | bytes) -> tuple[dict, Any]:
    """``(envelope, value)`` of a frame (its skeleton and data), checked strictly. Arrays are read
    in place from ``data`` (writeable when ``data`` is a bytearray)."""
    try:
        doc = json.loads(skeleton)
    except (ValueError, RecursionError) as exc:
        raise plaindata.PlainDataError(f"the skeleton is not JSON ({str(exc)[:100]})") from None
    if not isinstance(doc, dict) or "value" not in doc:
        raise plaindata.PlainDataError("the skeleton is not an object with a value")
    reader = _Reader(memoryview(data))
    try:
        value = _rebuild(doc.pop("value"), reader)
    except RecursionError:
        raise plaindata.PlainDataError("the message is nested too deeply") from None
    if reader.offset != len(data):
        raise plaindata.PlainDataError(f"the frame has {len(data) - reader.offset} bytes of data "
                                       "that no array uses")
    return doc, value


def _skeleton(value: Any, buffers: list) -> Any:
    if isinstance(value, np.ndarray):
        name = _NAMES.get(value.dtype) or _NAMES.get(value.dtype.newbyteorder("="))
        if name is None:
            raise plaindata.PlainDataError(f"an array of dtype {value.dtype} is not plain data; "
                                           f"allowed: {', '.join(sorted(plaindata.ALLOWED_DTYPES))}")
        if not value.flags.c_contiguous or value.dtype != _LITTLE[name]:
            value = np.ascontiguousarray(value, dtype=_LITTLE[name])
        raw = memoryview(value.reshape(-1).view(np.uint8)) if value.size else b""
        buffers.append(raw)
        pad = -len(raw) % 8
        if pad:
            buffers.append(bytes(pad))
        return {"nd": [name, list(value.shape)]}
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                return plaindata.encode(value)  # raises the usual error about the key
        return {"dict": [[key, _skeleton(v, buffers)] for key, v in value.items()]}
    if isinstance(value, tuple):
        return {"tuple": [_skeleton(v, buffers) for v in value]}
    if isinstance(value, list):
        return [_skeleton(v, buffers) for v in value]
    return plaindata.encode(value)   # scalars and strings as plain data (raises if not plain)


class _Reader:
    def __init__(self, data: memoryview):
        self.data = data
        self.offset = 0

    def array(self, body: Any) -> np.ndarray:
        if not (isinstance(body, list) and len(body) == 2 and isinstance(body[0], str)
                and body[0] in _LITTLE and isinstance(body[1], list)
                and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in body[1])):
            raise plaindata.PlainDataError(f"a malformed array {str(body)[:80]!r}: expected "
                                           "[allowed dtype, list of non-negative integers]")
        name, shape = body
        size = math.prod(shape)
        if size > plaindata.MAX_ELEMENTS:
            raise plaindata.PlainDataError(f"an array of {size} elements exceeds the "
                                           f"{plaindata.MAX_ELEMENTS} limit")
        wire = _LITTLE[name]
        nbytes = size * wire.itemsize
        end = self.offset + nbytes
        if end > len(self.data):
            raise plaindata.PlainDataError(f"an array of shape {tuple(shape)} needs {nbytes} bytes; "
                                           "the frame's data ends before")
        array = np.frombuffer(self.data[self.offset:end], dtype=wire).reshape(shape)
        self.offset = end + (-nbytes % 8)
        return array if wire.isnative else array.astype(name)


def _rebuild(doc: Any, reader: _Reader) -> Any:
    if isinstance(doc, list):
        return [_rebuild(v, reader) for v in doc]
    if isinstance(doc, dict) and len(doc) == 1:
        (tag, body), = doc.items()
        if tag == "nd":
            return reader.array(body)
        if tag == "tuple" and isinstance(body, list):
            return tuple(_rebuild(v, reader) for v in body)
        if tag == "dict" and isinstance(body, list):
            out = {}
            for item in body:
                if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
                    raise plaindata.PlainDataError(f"a malformed dict item {str(item)[:80]!r}")
                out[item[0]] = _rebuild(item[1], reader)
            return out
    return plaindata.decode(doc)   # scalars, strings, NumPy scalars; refuses anything else


class ChannelClosed(EOFError):
    """The other end closed the channel, or sent a frame longer than :data:`MAX_FRAME_BYTES`."""


def write_frame(fd: int, buffers: list) -> None:
    """Write one frame (:func:`encode`'s buffers) to the file descriptor ``fd``, all of it."""
    views = [memoryview(b) for b in buffers if len(b)]
    while views:
        written = os.writev(fd, views)
        while views and written >= len(views[0]):
            written -= len(views[0])
            views.pop(0)
        if views and written:
            views[0] = views[0][written:]


def read_frame(stream) -> tuple[bytes, bytearray]:
    """``(skeleton, data)`` of the next frame of ``stream`` (a buffered binary file). Raises
    :class:`ChannelClosed` at the end of the stream or on a frame that is too long."""
    head = _read_exactly(stream, HEAD.size)
    skeleton_size, data_size = HEAD.unpack(head)
    if skeleton_size + data_size > MAX_FRAME_BYTES:
        raise ChannelClosed(f"a frame of {skeleton_size + data_size:,} bytes, more than the "
                            f"{MAX_FRAME_BYTES:,} allowed")
    return bytes(_read_exactly(stream, skeleton_size)), _read_exactly(stream, data_size)


def _read_exactly(stream, size: int) -> bytearray:
    buffer = bytearray(size)
    view, got = memoryview(buffer), 0
    while got < size:
        n = stream.readinto(view[got:])
        if not n:
            raise ChannelClosed("the channel was closed")
        got += n
    return buffer
