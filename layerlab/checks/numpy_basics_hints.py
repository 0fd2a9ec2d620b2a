"""Recognisers of the week-2 NumPy basics checks (:mod:`layerlab.checks.numpy_basics`), except the
sigmoid family's (:mod:`layerlab.checks.sigmoid_slips`, :mod:`layerlab.checks.sigmoid_family`).

Each takes ``(args, want, got)`` (a hint) or ``(args, got)`` (a property) and tests relations between
the input, the expected and the returned values; none contains a solution. Shapes: image2vector
takes an image (h, w, c) and returns the column (h·w·c, 1); normalize_rows and softmax take and
return (n, d) arrays; L1 and L2 take two vectors (m,) and return one number.
"""

from __future__ import annotations

import numpy as np

from layerlab.checks.relations import close
from layerlab.judge.catalogue import mistake


# --------------------------------------------------------------------------- sigmoid family

@mistake("basic-sigmoid.returns-an-array", "basic_sigmoid returns an array instead of a float",
         topic="python-basics")
def python_float(args, got):
    """Property: basic_sigmoid (one number in, one number out) returns a Python float, never a
    NumPy array (the public hint and the hidden property were one recogniser said twice)."""
    if isinstance(got, np.ndarray):
        return ("basic_sigmoid takes and returns one number: use `math.exp` (the point of this "
                f"exercise) and return a Python float, not a NumPy array (of shape {got.shape})")
    return None


@mistake("numpy-basics.int-array-result", "an array of ints where floats belong",
         topic="python-basics")
def float_array(args, got):
    """Property: an array result holds floats (an int dtype means fractions were lost)."""
    if isinstance(got, np.ndarray) and got.dtype.kind != "f":
        return (f"the result is an array of {got.dtype}: it must hold floats (the fractions were lost; "
                "divide with `/`, and don't write into an integer array)")
    return None


# --------------------------------------------------------------------------- reshaping

@mistake("image2vector.wrong-order", "image flattened in another order than row-major", topic="shapes-and-transposes")
def image_order(args, want, got):
    """The returned entries are the image's, in column-major or transposed order."""
    if close(got, want):  # a right value (e.g. the inputs were what changed): nothing to name
        return None
    image = args[0]
    if isinstance(got, np.ndarray) and got.size == image.size:
        flat = got.ravel()
        if np.array_equal(flat, image.ravel()):  # the right order (only the shape can be wrong)
            return None
        if np.array_equal(flat, image.ravel(order="F")) or np.array_equal(flat, image.T.ravel()):
            return ("the entries are in the wrong order: you flattened in column-major order or "
                    "transposed first; keep NumPy's default (row-major, 'C') order")
        if np.array_equal(np.sort(flat), np.sort(image.ravel())):
            return "the right numbers in the wrong order: reshape the image directly, without transposing"
    return None


@mistake("image2vector.not-a-column", "the image reshaped to a matrix or a row, not one column",
         topic="shapes-and-transposes")
def image_not_a_column(args, want, got):
    """A 2-D result holds the image's entries in the right order but is not the column (n, 1):
    a row (1, n), or (image.shape[0], n / image.shape[0]) from reshape(image.shape[0], -1)."""
    image = np.asarray(args[0])
    if not isinstance(got, np.ndarray) or got.ndim != 2 or got.shape == np.shape(want) \
            or got.size != image.size or not np.array_equal(got.ravel(), image.ravel()):
        return None
    n = image.size
    if got.shape == (1, n):
        return (f"a row (1, {n}) is the transpose of the vector asked for: one column of all "
                f"{n} entries, image.reshape(-1, 1), shape ({n}, 1)")
    kept = (" reshape(image.shape[0], -1) keeps the image's first dimension as rows;"
            if got.shape[0] == image.shape[0] else "")
    return (f"the result {got.shape} is a matrix:{kept} the vector is one column of all {n} entries, "
            f"image.reshape(-1, 1), shape ({n}, 1)")


# --------------------------------------------------------------------------- normalization

@mistake("normalize-rows.wrong-norm", "rows divided by the wrong norm (columns, whole matrix, squared, rank-1)", topic="broadcasting")
def normalized_columns(args, want, got):
    """Columns of length 1, or got × (norm of the matrix / the row norms as a row / the squared row norms) gives x back."""
    if close(got, want):  # a right value (e.g. the inputs were what changed): nothing to name
        return None
    got = np.asarray(got, dtype=float)
    x = np.asarray(args[0], dtype=float)
    if got.shape != x.shape or got.ndim != 2:
        return None
    if np.allclose(np.linalg.norm(got, axis=0), 1) and not np.allclose(np.linalg.norm(got, axis=1), 1):
        return "your columns have length 1, not your rows: take the norm along axis=1"
    if np.allclose(got * np.linalg.norm(x), x):
        return ("you divided by the norm of the whole matrix; each row needs its own norm: "
                "np.linalg.norm(x, axis=1, keepdims=True)")
    row_norms = np.linalg.norm(x, axis=1)
    if x.shape[0] == x.shape[1] and np.allclose(got * row_norms[np.newaxis, :], x):
        return ("the row norms were used as if they were a row: a (n,) array broadcasts along the "
                "rows; keep the (n, 1) shape with keepdims=True")
    if np.allclose(got * (row_norms ** 2)[:, np.newaxis], x):
        return "you divided by the squared norm: the norm is the square root of the sum of squares"
    return None


@mistake("normalize-rows.wrong-operation", "rows multiplied by their norm, or divided by another row measure",
         topic="vectorisation")
def normalized_otherwise(args, want, got):
    """got is x times the row norms, or x divided by the row sums, the sums of absolute values or
    the largest absolute values (each row by its own, as an (n, 1) column)."""
    if close(got, want):
        return None
    x = np.asarray(args[0], dtype=float)
    got = np.asarray(got, dtype=float)
    if got.shape != x.shape or got.ndim != 2:
        return None
    if close(got, x * np.linalg.norm(x, axis=1, keepdims=True)):
        return "you multiplied each row by its norm: divide it by its norm, x / norm"
    divisors = [
        (np.sum(np.abs(x), axis=1, keepdims=True), "the sum of absolute values (the L1 norm)"),
        (np.sum(x, axis=1, keepdims=True), "the row sums"),
        (np.max(np.abs(x), axis=1, keepdims=True), "the largest absolute value of each row"),
    ]
    for divisor, what in divisors:
        if np.all(divisor != 0) and close(got, x / divisor):
            return (f"you divided each row by {what}: the norm is the square root of the sum of "
                    f"squares, np.linalg.norm(x, axis=1, keepdims=True)")
    return None


@mistake("softmax.wrong-axis-or-no-exp", "softmax normalised over the wrong axis, or without exponentiating", topic="broadcasting")
def softmax_axis(args, want, got):
    """Columns (or the whole matrix) sum to 1 instead of each row; or x divided by its row sums; or non-positive outputs."""
    if close(got, want):  # a right value (e.g. the inputs were what changed): nothing to name
        return None
    got = np.asarray(got, dtype=float)
    if got.ndim != 2:
        return None
    rows_ok = np.allclose(got.sum(axis=1), 1)
    if not rows_ok and np.allclose(got.sum(axis=0), 1):
        return ("your columns sum to 1, not your rows: each row is one vector to turn into "
                "probabilities, so sum over axis=1 (keepdims=True)")
    if not rows_ok and np.isclose(got.sum(), 1):
        return "the whole matrix sums to 1: sum over each row (axis=1, keepdims=True), not over everything"
    x = np.asarray(args[0], dtype=float)
    if rows_ok and np.allclose(got, x / x.sum(axis=1, keepdims=True)):
        return "you divided x by its row sums without exponentiating first"
    if rows_ok and not np.all(got > 0):
        return "softmax outputs are all positive: exponentiate before normalising"
    return None


# --------------------------------------------------------------------------- losses

def _loss_slip(args, want, got, numbers, differences) -> str | None:
    """The sentence of the first slip a loss matches: ``numbers`` are (formula of d = y − ŷ giving
    one number, sentence), ``differences`` (formula giving d's shape, sentence) for a vector
    returned where one number belongs."""
    if close(got, want):  # a right value (e.g. the inputs were what changed): nothing to name
        return None
    yhat, y = (np.asarray(a, dtype=float) for a in args)
    d = y - yhat
    if not isinstance(got, np.ndarray) or got.ndim == 0:
        g = float(np.asarray(got))
        return next((sentence for formula, sentence in numbers if np.isclose(g, formula(d))), None)
    if got.shape == d.shape:
        return next((sentence for formula, sentence in differences if np.allclose(got, formula(d))), None)
    return None


_CANCELLED = "positive and negative errors cancelled out: take the absolute value of each difference"


@mistake("l1.wrong-reduction", "L1 loss without abs, averaged, or not summed", topic="vectorisation")
def l1_hints(args, want, got):
    """The returned value is Σ(y − ŷ) (no abs), the mean of |y − ŷ|, Σ(y − ŷ)², or the vector |y − ŷ| itself."""
    return _loss_slip(args, want, got, *_L1)


_L1 = ([
    (lambda d: d.sum(), _CANCELLED),
    (lambda d: -d.sum(), _CANCELLED),
    (lambda d: np.abs(d).mean(), "you averaged; this loss is the sum of absolute differences"),
    (lambda d: (d ** 2).sum(), "that is the L2 loss; take the absolute value of each difference instead "
                               "of squaring it"),
], [(np.abs, "you returned the differences themselves; the loss is their sum (one number)")])
l1_hints.sentences = [sentence for table in _L1 for _, sentence in table]  # for docs/mistakes.md


@mistake("l2.wrong-formula", "L2 loss as the norm, the L1 loss, a mean, a squared sum or not summed", topic="vectorisation")
def l2_hints(args, want, got):
    """The returned value is ‖y − ŷ‖, Σ|y − ŷ|, the mean of squares, (Σ(y − ŷ))², Σ(y − ŷ), or the squares themselves."""
    return _loss_slip(args, want, got, *_L2)


_L2 = ([
    (lambda d: np.sqrt((d ** 2).sum()),
     "that is the Euclidean norm; the L2 loss is its square, the sum of squared differences"),
    (lambda d: np.abs(d).sum(), "that is the L1 loss; square each difference instead of taking its absolute value"),
    (lambda d: (d ** 2).mean(), "you averaged; this loss is the sum of squared differences"),
    (lambda d: d.sum() ** 2, "you squared the sum; square each difference, then sum"),
    (lambda d: d.sum(), "you summed the differences without squaring them: square each one, then sum"),
], [(np.square, "you returned the squared differences themselves; the loss is their sum (one number)")])
l2_hints.sentences = [sentence for table in _L2 for _, sentence in table]  # for docs/mistakes.md
