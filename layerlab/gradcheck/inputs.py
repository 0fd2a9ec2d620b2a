"""What :func:`~layerlab.gradcheck.gradient_check` accepts: its arguments checked, copied and
explained before the first (possibly slow) cost evaluation, and every cost value turned into one
finite float or a :class:`GradientCheckError` that says what to fix.

Parameters are float arrays of any shape (``W1`` is ``(n_h, n_x)``, ``b1`` is ``(n_h, 1)``) or
single numbers (``b`` in logistic regression); the gradient of parameter ``k`` is ``grads["d" + k]``
and has the shape of ``parameters[k]``.
"""

from __future__ import annotations

import math
import numbers
from typing import Mapping

import numpy as np


class GradientCheckError(ValueError):
    """The inputs of a gradient check are wrong; the message says what and how to fix it."""


class MissingGradientError(GradientCheckError, KeyError):
    """``grads`` has no entry for one of the parameters."""

    def __str__(self) -> str:  # KeyError would show the message with quotes around it
        return str(self.args[0]) if self.args else ""


def check_arguments(cost, parameters: Mapping, grads: Mapping, epsilon, threshold,
                    max_entries_per_parameter) -> tuple[dict, dict, dict]:
    """Check every argument of :func:`~layerlab.gradcheck.gradient_check` before the first
    (possibly slow) cost evaluation, and copy what it works on.

    Returns ``(working, kinds, analytic)``, each keyed by parameter name: float64 copies of the
    parameters (nudged in place later; the caller's arrays are never touched), how to hand each
    back to ``cost`` (``"array"``, ``"float"`` or ``"numpy"``), and float64 copies of the
    gradients, each of its parameter's shape.
    """
    if not callable(cost):
        raise TypeError(f"gradient_check: cost must be a function cost(parameters) -> float, got {type(cost).__name__}.")
    if not isinstance(parameters, Mapping):
        raise TypeError(f"gradient_check: parameters must be a dict such as {{'W1': ..., 'b1': ...}}, got {type(parameters).__name__}.")
    if not isinstance(grads, Mapping):
        raise TypeError(f"gradient_check: grads must be a dict such as {{'dW1': ..., 'db1': ...}}, got {type(grads).__name__}.")
    if len(parameters) == 0:
        raise GradientCheckError("gradient_check: parameters is empty, so there is nothing to check.")
    check_epsilon(epsilon)
    if not (isinstance(threshold, numbers.Real) and threshold > 0):
        raise ValueError(f"gradient_check: threshold must be a positive number such as 1e-7, got {threshold!r}.")
    if max_entries_per_parameter is not None and (
        isinstance(max_entries_per_parameter, bool)
        or not isinstance(max_entries_per_parameter, numbers.Integral)
        or max_entries_per_parameter < 1
    ):
        raise ValueError(
            f"gradient_check: max_entries_per_parameter must be None (check everything) or a positive "
            f"integer, got {max_entries_per_parameter!r}."
        )

    working: dict = {}     # float64 copies, nudged in place; the caller's arrays are never touched
    kinds: dict = {}       # how to hand each parameter to cost(): "array", "float" or "numpy"
    analytic: dict = {}    # float64 copies of the gradients
    for name, value in parameters.items():
        working[name], kinds[name] = copy_parameter(name, value)
        analytic[name] = copy_gradient(name, working[name].shape, kinds[name], grads)
    return working, kinds, analytic


def scalar_cost(value, when: str, label: str = "cost") -> float:
    """Turn what the cost returned into a float, or explain why it cannot be one."""
    if value is None:
        raise GradientCheckError(f"{label} returned None {when}: did you forget 'return cost'?")
    if isinstance(value, (bool, np.bool_)):
        raise GradientCheckError(f"{label} returned a bool ({value}) {when}; it must return the cost, a single number.")
    try:
        arr = np.asarray(value)
    except Exception:  # pragma: no cover - exotic objects
        arr = np.asarray(value, dtype=object)
    if arr.shape != ():
        hint = (
            "np.squeeze(cost) or float(cost) turns it into one"
            if arr.size == 1
            else "average the per-example losses (np.sum(losses) / m), then squeeze"
        )
        raise GradientCheckError(
            f"{label} must return a single number, but {when} it returned an array of shape {arr.shape}; {hint}."
        )
    if arr.dtype.kind not in "iuf":
        raise GradientCheckError(
            f"{label} must return a real number, but {when} it returned {type(value).__name__} (dtype {arr.dtype})."
        )
    result = float(arr)
    if not math.isfinite(result):
        raise GradientCheckError(
            f"{label} returned {result} {when}. A NaN or infinite cost cannot be differentiated: "
            "look for log(0) (predictions of exactly 0 or 1) or an overflow in exp."
        )
    return result


def check_epsilon(epsilon) -> None:
    if isinstance(epsilon, bool) or not isinstance(epsilon, numbers.Real) or not (0 < epsilon < 1):
        raise ValueError(f"epsilon must be a small positive number such as 1e-7, got {epsilon!r}.")


def check_float_dtype(x: np.ndarray, what: str) -> None:
    kind = x.dtype.kind
    if kind == "f":
        return
    if kind in "iub":
        raise GradientCheckError(
            f"{what} has integer dtype {x.dtype}: integers cannot be nudged by epsilon (storing x + 1e-7 in an integer array "
            f"truncates it back to x), so its gradient cannot be estimated. Make it a float array, e.g. "
            f"np.zeros(shape) rather than np.zeros(shape, dtype=int), or .astype(float)."
        )
    raise GradientCheckError(f"{what} must hold real floating-point numbers, but its dtype is {x.dtype}.")


def copy_parameter(name: str, value):
    """A float64 array copy of a parameter, plus how to give it back to cost()."""
    if isinstance(value, (bool, np.bool_)):
        raise GradientCheckError(f"parameters[{name!r}] is a bool ({value}); parameters must be float arrays or numbers.")
    if isinstance(value, np.ndarray):
        check_float_dtype(value, f"parameters[{name!r}]")
        return np.array(value, dtype=np.float64, copy=True), "array"
    if isinstance(value, np.floating):
        return np.array(value, dtype=np.float64), "numpy"
    if isinstance(value, np.integer):
        check_float_dtype(np.asarray(value), f"parameters[{name!r}]")
    if isinstance(value, (int, float)):  # a Python number such as b = 0.0 (or 0) in logistic regression
        return np.array(float(value), dtype=np.float64), "float"
    raise GradientCheckError(
        f"parameters[{name!r}] is a {type(value).__name__}; every parameter must be a float NumPy array "
        "or a number."
    )


def copy_gradient(name: str, shape: tuple, kind: str, grads: Mapping) -> np.ndarray:
    """The float64 copy of ``grads['d' + name]``, after checking that it is there and shaped right."""
    key = "d" + name
    if key not in grads:
        got = ", ".join(repr(k) for k in grads) or "none"
        raise MissingGradientError(
            f"grads has no {key!r}, the gradient of parameters[{name!r}]. The gradient of parameter k "
            f"must be stored under 'd' + k. Keys in grads: {got}."
        )
    value = grads[key]
    if value is None:
        raise GradientCheckError(f"grads[{key!r}] is None; store the gradient of {name!r} there.")
    try:
        g = np.asarray(value)
    except Exception:  # pragma: no cover - exotic objects
        raise GradientCheckError(f"grads[{key!r}] is a {type(value).__name__}, not an array of numbers.") from None
    if g.dtype.kind not in "iuf" or g.dtype.kind == "b":
        raise GradientCheckError(f"grads[{key!r}] must hold real numbers, but its dtype is {g.dtype}.")
    if g.shape != shape:
        raise GradientCheckError(shape_mismatch_message(name, key, shape, g.shape, kind))
    g = np.array(g, dtype=np.float64, copy=True)
    if not np.all(np.isfinite(g)):
        bad = tuple(int(i) for i in np.argwhere(~np.isfinite(g))[0])
        raise GradientCheckError(
            f"grads[{key!r}] contains NaN or inf (first at {key}{index_text(bad)}); "
            "the backward pass produced it, so fix that before checking."
        )
    return g


def shape_mismatch_message(name, key, shape, gshape, kind) -> str:
    msg = (
        f"grads[{key!r}] has shape {gshape} but parameters[{name!r}] has shape {shape}; "
        f"every gradient must have the shape of what it differentiates."
    )
    if len(gshape) == 1 and len(shape) == 2 and gshape[0] in shape and 1 in shape and shape[0] * shape[1] == gshape[0]:
        msg += (
            f" {gshape} is a rank-1 array while {shape} is a "
            f"{'column' if shape[1] == 1 else 'row'} vector: keep the 2-D shape, e.g. "
            f"np.sum(dZ, axis=1, keepdims=True) or .reshape{shape}."
        )
    elif len(shape) == 1 and len(gshape) == 2 and shape[0] in gshape and 1 in gshape and gshape[0] * gshape[1] == shape[0]:
        msg += f" The parameter is a rank-1 array {shape} and the gradient is 2-D {gshape}; use one shape for both, preferably 2-D."
    elif len(gshape) == 2 and len(shape) == 2 and gshape == shape[::-1]:
        msg += " It looks transposed: for dW = dZ A_prev^T / m the product is np.dot(dZ, A_prev.T), not the other way round."
    elif shape == () and kind in ("float", "numpy"):
        msg += f" {name!r} is a single number, so {key!r} must be one too, e.g. {key} = np.sum(dZ) / m."
    return msg


def index_text(idx) -> str:
    idx = tuple(int(i) for i in idx)
    return "" if idx == () else "[" + ", ".join(str(i) for i in idx) + "]"
