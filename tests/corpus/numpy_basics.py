"""Mistakes in ``week2_numpy_basics/numpy_basics.ipynb`` (see :mod:`corpus`). The sandboxed
grading run (tests/autograder) leaves the other functions of a submission as stubs, so an entry
calls no other graded function."""

from __future__ import annotations

from corpus import fn

ASSIGNMENT = "week2_numpy_basics"
NOTEBOOK = "numpy_basics"

# (function, solution cell, words the grader's messages must contain, mistake id or None)
MISTAKES = [
    ("L1", fn("L1", "yhat, y", "return np.sum(np.abs(y - 0.5))"), "never reads its argument `yhat`",
     "code.argument-never-used"),
    ("normalize_rows", fn("normalize_rows", "x", "x_norm = np.linalg.norm(x, axis=1, keepdims=True)\n"
                          "x_normalized = x / x_norm\nreturn x"), "no division by x_norm", "code.value-never-used"),
    ("softmax", fn("softmax", "x", "return x"), "the input `x` unchanged", "values.input-returned"),
    ("sigmoid", fn("sigmoid", "x", "return 1 / (1 + np.exp(-np.maximum(x, 0)))"), "wrong wherever it is negative",
     "values.wrong-for-one-sign"),
    ("basic_sigmoid", fn("basic_sigmoid", "x", "return 1 / (1 + math.exp(x))"), "σ(−x)", "sigmoid.flipped-sign"),
    ("basic_sigmoid", fn("basic_sigmoid", "x", "return np.array([1 / (1 + math.exp(-x))])"),
     "return a Python float", "basic-sigmoid.returns-an-array"),
    ("sigmoid", fn("sigmoid", "x", "return 1 / (1 + math.exp(-x))"), "`math` works on one number",
     "error.math-on-array"),
    ("sigmoid", fn("sigmoid", "x", "return 1 / (1 + np.exp(x))"), "the exponent must be −x", "sigmoid.flipped-sign"),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "return 1 / (1 + np.exp(-x))"),
     "you returned s = σ(x) itself", "sigmoid-derivative.returned-s"),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "return x * (1 - x)"), "first compute s = σ(x)", "sigmoid-derivative.applied-to-x"),
    ("image2vector", fn("image2vector", "image", "return image.reshape(-1, 1, order='F')"), "column-major", "image2vector.wrong-order"),
    ("image2vector", fn("image2vector", "image", "return image.reshape(-1)"), "rank-1 array", None),
    ("image2vector", fn("image2vector", "image", "return image.reshape(64 * 64 * 3, 1)"), "cannot reshape", None),
    ("normalize_rows", fn("normalize_rows", "x", "return x / np.linalg.norm(x, axis=0, keepdims=True)"),
     "along axis=1", "normalize-rows.wrong-norm"),
    ("normalize_rows", fn("normalize_rows", "x", "return x / np.linalg.norm(x, axis=1)"), "keepdims=True", "error.broadcast"),
    ("normalize_rows", fn("normalize_rows", "x", "x /= np.linalg.norm(x, axis=1, keepdims=True)\nreturn x"),
     "changed its input in place", "input.changed-in-place"),
    ("softmax", fn("softmax", "x", "e = np.exp(x)\nreturn e / np.sum(e, axis=0, keepdims=True)"),
     "sum over axis=1", "softmax.wrong-axis-or-no-exp"),
    ("softmax", fn("softmax", "x", "return x / np.sum(x, axis=1, keepdims=True)"), "without exponentiating first", "softmax.wrong-axis-or-no-exp"),
    ("softmax", fn("softmax", "x", "return np.exp(x) / np.sum(np.exp(x))"), "not over everything", "softmax.wrong-axis-or-no-exp"),
    ("L1", fn("L1", "yhat, y", "return np.sum(y - yhat)"), "take the absolute value", "l1.wrong-reduction"),
    ("L1", fn("L1", "yhat, y", "return np.mean(np.abs(y - yhat))"), "you averaged", "l1.wrong-reduction"),
    ("L1", fn("L1", "yhat, y", "return np.abs(y - yhat)"), "the loss is their sum", "l1.wrong-reduction"),
    ("L1", fn("L1", "yhat, y", "return np.sum(np.abs(y - yhat), axis=2)"), "fewer dimensions than the `axis`",
     "error.axis-out-of-range"),
    ("L2", fn("L2", "yhat, y", "return np.linalg.norm(y - yhat)"), "the L2 loss is its square", "l2.wrong-formula"),
    ("L2", fn("L2", "yhat, y", "return np.sum(y - yhat) ** 2"), "square each difference, then sum", "l2.wrong-formula"),
    ("L2", fn("L2", "yhat, y", "return np.sum(np.abs(y - yhat))"), "that is the L1 loss", "l2.wrong-formula"),
    ("L2", fn("L2", "yhat, y", "d = y - yhat"), "is a `return` statement missing", None),
    # exceptions in plain words
    ("L1", fn("L1", "yhat, y", "return np.sum(np.abs(y - y_hat))"), "a name is not defined",
     "error.undefined-name"),
    ("L1", fn("L1", "yhat, y", "d = list(np.abs(y - yhat)).sort()\nreturn sum(d)"), "a value is None",
     "error.none-used"),
    ("L1", fn("L1", "yhat, y", "ys = list(y)\nreturn sum(abs(ys[i] - yhat[i]) for i in range(len(ys) + 1))"),
     "a list index is past its end", "error.list-index"),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "s = 1 / (1 + np.exp(-x))\nreturn s(1 - s)"),
     "a value is called like a function", "error.not-callable"),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "s = sigmoid_derivative(x)\nreturn s * (1 - s)"),
     "calls itself", "error.recursion"),
    ("image2vector", fn("image2vector", "image", "length, height = image.shape\nreturn image.reshape(-1, 1)"),
     "the names on the left of `=`", "error.unpack-count"),
    ("image2vector", fn("image2vector", "image", "return image.reshape(image.size / 1, 1)"),
     "a whole number belongs", "error.size-not-an-int"),
    ("image2vector", fn("image2vector", "image",
                        "return image.reshape(image.shape[0] * image.shape[1] * image.shape[2] * image.shape[3], 1)"),
     "a tuple index is past its end", "error.rank-1-shape-index"),
    ("normalize_rows", fn("normalize_rows", "x", "norm = np.linalg.norm(x, axis=1, keepdims=True)\nif norm > 0:\n"
                                                 "    return x / norm\nreturn x"),
     "truth value is ambiguous", "error.if-on-an-array"),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "s = 1 / (1 + np.exp(-x))\nds = s * 1 - s\nreturn ds"),
     "s * 1 - s multiplies first", "sigmoid-derivative.missing-parentheses"),
    # one mistake for each catalogue entry the ones above do not name
    ("sigmoid", fn("sigmoid", "x", "return 1 / (1 - np.exp(-x))"), "with a plus", "sigmoid.minus-in-denominator"),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "s = 1 / (1 + np.exp(-x))\nreturn 1 - s"), "1 − s", "sigmoid-derivative.returned-one-minus-s"),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "s = 1 / (1 + np.exp(-x))\nreturn 1 - s ** 2"), "tanh", "sigmoid-derivative.tanh-derivative"),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "s = 1 / (1 + np.exp(-x))\nreturn s + s * s"),
     "s · (1 + s)", "sigmoid-derivative.one-plus-s"),
    # the table of sigmoid slips, and the derivative's formulas in x and s
    ("sigmoid", fn("sigmoid", "x", "return np.exp(-x)"), "the piece inside the denominator", "sigmoid.exp-alone"),
    ("sigmoid", fn("sigmoid", "x", "return 1 / (1 + x)"), "the exponential is missing", "sigmoid.exp-missing"),
    ("basic_sigmoid", fn("basic_sigmoid", "x", "return math.tanh(x)"), "that is tanh(x)", "sigmoid.tanh-instead"),
    ("sigmoid", fn("sigmoid", "x", "return 1 / 1 + np.exp(x)"), "two slips", "sigmoid.missing-parentheses"),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "s = 1 / (1 + np.exp(-x))\nreturn x * (1 - s)"),
     "both factors use s = σ(x)", "sigmoid-derivative.x-for-s"),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "s = 1 / (1 + np.exp(-x))\nreturn s * (s - 1)"),
     "not s − 1", "sigmoid-derivative.wrong-sign"),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "s = 1 / (1 + np.exp(-x))\nreturn s * s"),
     "the same factor twice", "sigmoid-derivative.same-factor-twice"),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "s = np.exp(-x)\nreturn s * (1 - s)"),
     "your s is not σ(x)", "sigmoid-derivative.s-not-sigmoid"),
    ("sigmoid_derivative", fn("sigmoid_derivative", "x", "return 1 - np.tanh(x) ** 2"), "derivative of tanh",
     "sigmoid-derivative.tanh-derivative"),
    ("image2vector", fn("image2vector", "image", "return image.reshape(image.shape[0] * image.shape[1], -1)"),
     "one column of all", "image2vector.not-a-column"),
    ("image2vector", fn("image2vector", "image", "return image.reshape(1, -1)"), "transpose", "image2vector.not-a-column"),
    ("normalize_rows", fn("normalize_rows", "x", "return x / np.sum(np.abs(x), axis=1, keepdims=True)"),
     "the sum of absolute values", "normalize-rows.wrong-operation"),
    ("normalize_rows", fn("normalize_rows", "x", "return x / np.linalg.norm(x)"), "the whole matrix", "normalize-rows.wrong-norm"),
    ("normalize_rows", fn("normalize_rows", "x", "return x / np.sum(x ** 2, axis=1, keepdims=True)"), "squared norm",
     "normalize-rows.wrong-norm"),
    ("softmax", fn("softmax", "x", "e = np.exp(x)\nreturn e / np.sum(e, axis=1)"), "keepdims=True", "error.broadcast"),
    ("sigmoid", fn("sigmoid", "x", "s = 1 / (1 + np.exp(-x))"), "is a `return` statement missing", None),
    ("L1", fn("L1", "yhat, y", "return np.sum((y - yhat) ** 2)"), "that is the L2 loss", "l1.wrong-reduction"),
    ("L2", fn("L2", "yhat, y", "return np.sum(y - yhat)"), "without squaring them", "l2.wrong-formula"),
    ("L1", fn("L1", "yhat, y", "for i in range(len(y)):\n    loss = loss + abs(y[i] - yhat[i])\nreturn loss"),
     "`loss` is read before it gets a value", "error.unbound-local"),
]

# Mistakes only the grader can see: it also calls a function without the notebook's variables.
GRADER_ONLY = [
    ("softmax", "axis = 1\n\n" + fn("softmax", "x", "e = np.exp(x)\nreturn e / np.sum(e, axis=axis, keepdims=True)"),
     "uses the notebook variable `axis`", "input.notebook-variable"),
    ("softmax", fn("softmax", "x", "e = np.exp(x)\nreturn (e / np.sum(e, axis=1, keepdims=True) > 0.5).astype(int)"), "int", "numpy-basics.int-array-result"),
]
