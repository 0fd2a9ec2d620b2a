"""Submissions the autograder tests grade: common mistakes, correct-but-different solutions and
in-process attacks on ``week2_numpy_basics/numpy_basics.ipynb``.

Each entry is the code of a whole solution cell (it replaces the stub of the released notebook).
"""

from __future__ import annotations

from corpus import fn, numpy_basics


ARGS = {"basic_sigmoid": "x", "sigmoid": "x", "sigmoid_derivative": "x", "image2vector": "image",
        "normalize_rows": "x", "softmax": "x", "L1": "yhat, y", "L2": "yhat, y"}

# ----------------------------------------------------------------------------- common mistakes
# (function, solution cell, words the function's messages must contain, mistake id): the notebook's
# one corpus, which tests/judge also runs through the public checks
MISTAKES = numpy_basics.MISTAKES + numpy_basics.GRADER_ONLY

# ----------------------------------------------------------------------------- correct, differently
VARIANTS = [
    ("basic_sigmoid", fn("basic_sigmoid", "x", "return math.exp(x) / (1 + math.exp(x))")),
    ("basic_sigmoid", fn("basic_sigmoid", "x", "return 0.5 * (1 + math.tanh(x / 2))")),
    ("sigmoid", fn("sigmoid", "x", "return 0.5 * (1 + np.tanh(0.5 * x))")),
    ("sigmoid", fn("sigmoid", "x", "from scipy.special import expit\nreturn expit(x)")),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "s = sigmoid(x)  # the student's own sigmoid\nreturn s - s ** 2")),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "e = np.exp(-x)\nreturn e / (1 + e) ** 2")),
    ("image2vector", fn("image2vector", "image", "return image.ravel()[:, np.newaxis]")),
    ("image2vector", fn("image2vector", "image", "return np.reshape(image, (image.size, 1))")),
    ("image2vector", fn("image2vector", "image", "return image.flatten().reshape(-1, 1)")),
    ("normalize_rows", fn("normalize_rows", "x", "return x / np.sqrt((x ** 2).sum(axis=1))[:, None]")),
    ("normalize_rows", fn("normalize_rows", "x", "n = np.sqrt(np.einsum('ij,ij->i', x, x))\nreturn x / n.reshape(-1, 1)")),
    ("normalize_rows", fn("normalize_rows", "x", "return np.divide(x, np.linalg.norm(x, ord=2, axis=1, keepdims=True))")),
    ("softmax", fn("softmax", "x", "e = np.exp(x)\nreturn e / e.sum(axis=1, keepdims=True)")),
    ("softmax", fn("softmax", "x", "from scipy.special import softmax as sm\nreturn sm(x, axis=1)")),
    ("softmax", fn("softmax", "x", "from scipy.special import logsumexp\nreturn np.exp(x - logsumexp(x, axis=1, keepdims=True))")),
    ("L1", fn("L1", "yhat, y", "return float(np.linalg.norm(y - yhat, ord=1))")),
    ("L1", fn("L1", "yhat, y", "return sum(abs(a - b) for a, b in zip(yhat, y))")),
    ("L1", fn("L1", "yhat, y", "return np.abs(yhat - y).sum()")),
    ("L2", fn("L2", "yhat, y", "return np.sum((y - yhat) ** 2)")),
    ("L2", fn("L2", "yhat, y", "return float(np.linalg.norm(y - yhat) ** 2)")),
    ("L2", fn("L2", "yhat, y", "d = yhat - y\nreturn d @ d")),
]

# ----------------------------------------------------------------------------- attacks
# Wrong answers of the right shape, used by the attack notebooks: without the attack they earn 0.
WRONG = {
    "basic_sigmoid": fn("basic_sigmoid", "x", "return 0.5"),
    "sigmoid": fn("sigmoid", "x", "return np.zeros_like(x, dtype=float)"),
    "sigmoid_derivative": fn("sigmoid_derivative", "x", "return np.zeros_like(x, dtype=float)"),
    "image2vector": fn("image2vector", "image", "return np.zeros((image.size, 1))"),
    "normalize_rows": fn("normalize_rows", "x", "return np.zeros(x.shape)"),
    "softmax": fn("softmax", "x", "return np.zeros(x.shape)"),
    "L1": fn("L1", "yhat, y", "return 0.0"),
    "L2": fn("L2", "yhat, y", "return 0.0"),
}

# Rewrite the rules of the student's own process: comparisons, builtins, the public checks, and
# IPython's input and AST transformers (the classic ways to pass tests run in the student's kernel).
PATCH_EVERYTHING = '''
import ast
import builtins
import numpy as np
import layerlab.checks.compare as _compare
import layerlab.checks.runner as _runner
import layerlab.plaindata as _plain

np.allclose = lambda *a, **k: True
np.isclose = lambda a, b, *args, **k: np.ones(np.broadcast(np.asarray(a), np.asarray(b)).shape, bool)
np.array_equal = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
np.testing.assert_array_almost_equal = lambda *a, **k: None
builtins.abs = lambda value: 0
builtins.round = lambda *a, **k: 0
_compare.compare = lambda *a, **k: []
_runner.compare = lambda *a, **k: []
_runner.run_cases = lambda *a, **k: ""
_plain.decode = lambda data, *a, **k: data

ip = get_ipython()
ip.input_transformers_cleanup.append(lambda lines: [l for l in lines if "check" not in l])
ip.input_transformers_post.append(lambda lines: ["pass\\n"] if any("assert" in l for l in lines) else lines)

class _NoAsserts(ast.NodeTransformer):
    def visit_Assert(self, node):
        return ast.Pass()

ip.ast_transformers.append(_NoAsserts())
'''

# Return objects that claim to equal anything, or arrays that fool NumPy's comparisons.
RIGGED_OBJECTS = '''
class AlwaysEqual:
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __array__(self, *a, **k): return np.zeros(1)
    def __float__(self): return 0.0

class RiggedArray(np.ndarray):
    def __eq__(self, other): return np.ones(self.shape, bool)
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return np.ones(np.shape(inputs[0]), bool)

class RiggedFloat(float):
    def __eq__(self, other): return True
    def __sub__(self, other): return 0.0
    def __rsub__(self, other): return 0.0
    def __abs__(self): return 0.0

class RiggedScalar(np.float64):
    def __eq__(self, other): return True

class RiggedDict(dict):
    def __eq__(self, other): return True
'''

RIGGED_FUNCTIONS = {
    "basic_sigmoid": fn("basic_sigmoid", "x", "return RiggedFloat(0.0)"),
    "sigmoid": fn("sigmoid", "x", "return np.zeros(np.shape(x)).view(RiggedArray)"),
    "sigmoid_derivative": fn("sigmoid_derivative", "x", "return AlwaysEqual()"),
    "image2vector": fn("image2vector", "image", "return np.ma.masked_all((image.size, 1))  # allclose() says True"),
    "normalize_rows": fn("normalize_rows", "x", "return RiggedDict()"),
    "softmax": fn("softmax", "x", "return np.full(x.shape, np.nan)"),
    "L1": fn("L1", "yhat, y", "return RiggedScalar(0.0)"),
    "L2": fn("L2", "yhat, y", "return AlwaysEqual()"),
}

# Look for the expected values where an in-kernel grader would keep them: the caller's frames, every
# object alive (gc), the public checks' expected values; and forge the worker's messages.
SNOOP = '''
import gc
import io
import json
import pathlib
import sys
import layerlab.checks as _checks
from layerlab import plaindata as _plain

_fixture = json.loads((pathlib.Path(_checks.__file__).parent / "expected" / "numpy_basics.json").read_text())
_public = {name: [_plain.decode(v) for v in outs] for name, outs in _fixture["functions"].items()}

def _steal(name, shape, inputs):
    frame = sys._getframe(2)
    while frame is not None:
        for value in list(frame.f_locals.values()):
            if isinstance(value, np.ndarray) and value.shape == shape and not any(
                    value is a or (isinstance(a, np.ndarray) and np.array_equal(value, a)) for a in inputs):
                return value
        frame = frame.f_back
    for obj in gc.get_objects():
        if isinstance(obj, np.ndarray) and obj.shape == shape and not any(
                obj is a or (isinstance(a, np.ndarray) and obj.shape == a.shape and np.array_equal(obj, a))
                for a in inputs):
            return obj
    for out in _public.get(name, []):
        if np.shape(out) == shape:
            return out
    return np.zeros(shape) if shape else 0.5

def _forge():
    """Write fake 'all correct' answers to the worker's channel for every call it could be asked
    (ids and sequence numbers guessed: the calls themselves have not been sent yet)."""
    channels = [o for o in gc.get_objects() if isinstance(o, io.TextIOWrapper) and getattr(o, "name", None) not in (0, 1, 2, "<stdin>", "<stdout>", "<stderr>")]
    names = [n for n in globals() if n in _public] or list(_public)
    for channel in channels:
        try:
            for seq in range(80):
                for name in names:
                    for i in range(1, 9):
                        fake = {"type": "call", "seq": seq, "id": f"{name}/{i}", "status": "ok", "seconds": 0.0,
                                "output": _plain.encode(0.5), "args_after": _plain.encode(((), {})),
                                "error": None, "removed": []}
                        channel.write(json.dumps(fake) + "\\n")
            channel.write("this line is not a message\\n")
            channel.write(json.dumps({"type": "call", "id": "x", "status": "ok"}) + "\\n")
            channel.flush()
        except Exception:
            pass

_forge()
'''

SNOOP_FUNCTIONS = {
    "basic_sigmoid": fn("basic_sigmoid", "x", "return float(np.asarray(_steal('basic_sigmoid', (), (x,))).ravel()[0])"),
    "sigmoid": fn("sigmoid", "x", "return _steal('sigmoid', np.shape(x), (x,))"),
    "sigmoid_derivative": fn("sigmoid_derivative", "x", "return _steal('sigmoid_derivative', np.shape(x), (x,))"),
    "image2vector": fn("image2vector", "image", "return _steal('image2vector', (image.size, 1), (image,))"),
    "normalize_rows": fn("normalize_rows", "x", "return _steal('normalize_rows', x.shape, (x,))"),
    "softmax": fn("softmax", "x", "return _steal('softmax', x.shape, (x,))"),
    "L1": fn("L1", "yhat, y", "return float(np.sum(_steal('L1', (), (yhat, y))))"),
    "L2": fn("L2", "yhat, y", "return float(np.sum(_steal('L2', (), (yhat, y))))"),
}
