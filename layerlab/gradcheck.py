"""Numerical gradient checking: is my backward propagation right?

Backpropagation is easy to get almost right. A missing ``1/m``, a transposed matrix or the
wrong activation derivative still gives arrays of the right shape, and gradient descent may even
still lower the cost a little. This module compares the gradients your backward function
computes (the *analytic* gradients) with gradients estimated from the cost alone (the
*numerical* gradients), one parameter entry at a time.

For a parameter entry ``θ`` the numerical gradient is the centred difference

    dJ/dθ  ≈  ( J(θ + ε) − J(θ − ε) ) / (2ε)

which is accurate up to terms of order ε² (a one-sided difference is only accurate up to ε).
The two gradients ``g`` (analytic) and ``g̃`` (numerical) are compared with the relative error

    ‖g − g̃‖₂ / (‖g‖₂ + ‖g̃‖₂)

which does not depend on how large the gradients are. How to read it (with ε = 1e-7):

* below about 1e-7: the gradient is right;
* 1e-7 to 1e-5: look again. A kink (ReLU exactly at 0) or an ε that is too small for the
  precision of your cost can cause it;
* 1e-5 to 1e-3: suspicious;
* above about 1e-3: almost certainly a bug.

Course notation: examples are columns, ``X`` is ``(n_x, m)`` and ``Y`` is ``(1, m)``;
``parameters`` is a dict such as ``{"W1": (n_h, n_x), "b1": (n_h, 1), ...}`` or
``{"w": (n_x, 1), "b": float}``; the gradient of parameter ``k`` is ``grads["d" + k]`` and has the
shape of ``parameters[k]``.

Typical use, for a 2-layer network::

    from layerlab.gradcheck import gradient_check

    def cost(params):
        A2, cache = forward_propagation(X, params)
        return compute_cost(A2, Y)

    A2, cache = forward_propagation(X, parameters)
    grads = backward_propagation(parameters, cache, X, Y)
    result = gradient_check(cost, parameters, grads)   # prints a table
    result.passed                                       # True or False

Gradient checking is slow (two cost evaluations per parameter entry), so use it on a small
network or a few examples to debug, never inside the training loop.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import numpy as np

__all__ = [
    "numerical_gradient",
    "relative_error",
    "gradient_check",
    "GradientCheckResult",
    "ParameterCheck",
    "EntryCheck",
    "GradientCheckError",
    "MissingGradientError",
]

#: One line printed under every report, so the number is never read without its meaning.
HOW_TO_READ = (
    "How to read the relative error: below ~1e-7 the gradient is right; 1e-7 to 1e-5 look again "
    "(a kink such as ReLU at 0, or epsilon too small); 1e-5 to 1e-3 suspicious; "
    "above ~1e-3 almost certainly a bug."
)

_WORST_KEPT = 3  # how many worst entries each ParameterCheck keeps (and the report shows)


class GradientCheckError(ValueError):
    """The inputs of a gradient check are wrong; the message says what and how to fix it."""


class MissingGradientError(GradientCheckError, KeyError):
    """``grads`` has no entry for one of the parameters."""

    def __str__(self) -> str:  # KeyError would show the message with quotes around it
        return str(self.args[0]) if self.args else ""


# --------------------------------------------------------------------------------------------
# The two building blocks
# --------------------------------------------------------------------------------------------


def numerical_gradient(f: Callable[[], Any], x: np.ndarray, epsilon: float = 1e-7) -> np.ndarray:
    """Estimate the gradient of the scalar ``f()`` with respect to every entry of ``x``.

    Each entry ``x[i]`` is nudged in place to ``x[i] + epsilon`` and to ``x[i] - epsilon``;
    ``f`` is called after each nudge, and the entry of the result is
    ``(f_plus - f_minus) / (2 * epsilon)``. ``f`` takes no arguments: it must read ``x``
    itself (usually through a closure or a dict that holds ``x``).

    ``x`` is always put back exactly as it was, entry by entry, even when ``f`` raises.

    Arguments:
        f: callable with no arguments returning a single finite number (Python float,
            NumPy scalar or a shape ``()`` array) that depends on ``x``.
        x: float NumPy array of any shape, e.g. ``(n_h, n_x)``; modified during the call and
            restored before it returns.
        epsilon: size of the nudge, a positive float (default 1e-7).

    Returns:
        grad_approx: float64 array of the same shape as ``x``; ``grad_approx[i]`` ≈ df/dx[i].

    Example::

        x = np.array([[1.0, 2.0], [3.0, 4.0]])          # (2, 2)
        numerical_gradient(lambda: np.sum(x ** 3), x)    # ≈ 3 * x**2, shape (2, 2)
    """
    if not callable(f):
        raise TypeError(f"numerical_gradient: f must be a function with no arguments, got {type(f).__name__}.")
    if not isinstance(x, np.ndarray):
        raise TypeError(
            f"numerical_gradient: x must be a NumPy array (it is nudged in place), got {type(x).__name__}. "
            "Wrap a single number as np.array(value, dtype=float) and let f read it from there."
        )
    _check_float_dtype(x, "x")
    if not x.flags.writeable:
        raise ValueError("numerical_gradient: x is read-only, so it cannot be nudged; pass a writable copy (x.copy()).")
    _check_epsilon(epsilon)
    values = _centred_differences(f, x, range(x.size), float(epsilon), where=lambda idx: f"x{_index_text(idx)}")
    return values.reshape(x.shape)


def relative_error(grad, approx) -> float:
    """Relative error ``‖grad − approx‖₂ / (‖grad‖₂ + ‖approx‖₂)`` between two gradients.

    Arguments:
        grad: analytic gradient, array of any shape (or a number).
        approx: numerical gradient, same shape as ``grad``.

    Returns:
        A float between 0 and 1: 0.0 when both are identical (including both all zero),
        1.0 when one of them is zero and the other is not, or when they have opposite signs.
    """
    g = np.asarray(grad, dtype=np.float64)
    a = np.asarray(approx, dtype=np.float64)
    if g.shape != a.shape:
        raise ValueError(
            f"relative_error: grad has shape {g.shape} but approx has shape {a.shape}; "
            "compare arrays of the same shape (broadcasting here would hide a bug)."
        )
    g, a = g.ravel(), a.ravel()
    denominator = np.linalg.norm(g) + np.linalg.norm(a)
    if denominator == 0.0:
        return 0.0
    return float(np.linalg.norm(g - a) / denominator)


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryCheck:
    """One entry of one parameter: where it is, and the two gradient values there.

    ``index`` is a tuple usable as ``parameters[name][index]`` (``()`` for a single number).
    """

    index: tuple
    analytic: float
    numerical: float

    @property
    def difference(self) -> float:
        """``abs(analytic - numerical)``."""
        return abs(self.analytic - self.numerical)


@dataclass
class ParameterCheck:
    """The check of one parameter, e.g. ``W1`` with shape ``(n_h, n_x)``.

    Attributes:
        name: parameter key, e.g. ``"W1"`` (its gradient is ``grads["dW1"]``).
        shape: shape of the parameter (``()`` for a single number such as ``b``).
        relative_error: relative error over the checked entries of this parameter.
        passed: ``relative_error < threshold``.
        worst: up to 3 entries with the largest ``|analytic − numerical|``, largest first.
        checked: how many entries were checked.
        size: how many entries the parameter has (``checked < size`` means it was sampled).
        max_difference: largest ``|analytic − numerical|`` over the checked entries.
        rounding_noise: True when the parameter failed but every difference is no larger than
            the rounding noise of the numerical estimate (see :class:`GradientCheckResult`):
            the check could not tell, it did not find a bug.
        numerical: numerical gradient, float64 array of shape ``shape``; entries that were
            not checked (sampling) are NaN.
    """

    name: str
    shape: tuple
    relative_error: float
    passed: bool
    worst: list = field(default_factory=list)
    checked: int = 0
    size: int = 0
    max_difference: float = 0.0
    rounding_noise: bool = False
    numerical: np.ndarray = field(default=None, repr=False)

    @property
    def sampled(self) -> bool:
        """True when only a random subset of the entries was checked."""
        return self.checked < self.size


@dataclass(repr=False)
class GradientCheckResult:
    """What :func:`gradient_check` found.

    Attributes:
        checks: one :class:`ParameterCheck` per parameter, in the order of ``parameters``;
            also reachable as ``result["W1"]``.
        passed: True when every parameter's relative error is below ``threshold``.
        overall_relative_error: relative error over all checked entries of all parameters
            put together in one vector (the single number some texts report).
        threshold: the threshold used.
        epsilon: the nudge used.
        cost: the cost at the unchanged parameters.
        noise_level: how far a numerical gradient entry can be off through rounding alone,
            about ``10 * 2.2e-16 * |cost| / epsilon``. When a gradient is very small (weights
            initialised ×0.01 make ``dW1`` about 1e-4), this noise alone can push a correct
            gradient's relative error above 1e-7; such parameters get ``rounding_noise=True``
            and the report says so instead of calling it a bug.

    ``str(result)`` (or ``print(result)``) gives the same table ``verbose=True`` prints.
    """

    checks: dict
    passed: bool
    overall_relative_error: float
    threshold: float
    epsilon: float
    cost: float = float("nan")
    noise_level: float = 0.0

    @property
    def relative_errors(self) -> dict:
        """``{name: relative error}`` for every parameter."""
        return {name: c.relative_error for name, c in self.checks.items()}

    @property
    def failed(self) -> list:
        """Names of the parameters whose relative error is not below the threshold."""
        return [name for name, c in self.checks.items() if not c.passed]

    def __getitem__(self, name: str) -> ParameterCheck:
        return self.checks[name]

    def report(self) -> str:
        """The readable table: parameter, shape, relative error, verdict; details of failures."""
        rows = [("parameter", "shape", "relative error", "verdict")]
        for c in self.checks.values():
            rows.append((c.name, _shape_text(c.shape), f"{c.relative_error:.2e}", _verdict(c, self.threshold)))
        widths = [max(len(r[i]) for r in rows) for i in range(3)]

        def line(r):
            return "  ".join(cell.ljust(w) for cell, w in zip(r[:3], widths)) + "  " + r[3]

        out = [f"Gradient check (centred differences, epsilon = {self.epsilon:g}, threshold = {self.threshold:g})"]
        out.append(line(rows[0]))
        for c, row in zip(self.checks.values(), rows[1:]):
            out.append(line(row))
            if c.sampled:
                out.append(f"    (checked a random sample of {c.checked} of its {c.size} entries)")
            if not c.passed and c.worst:
                out.extend(_worst_table(c))
            if c.rounding_noise:
                out.append(
                    f"    d{c.name} is tiny and every difference is within rounding noise "
                    f"(<= {self.noise_level:.1e} at this epsilon): inconclusive, no bug found."
                )
        noisy = [n for n in self.failed if self.checks[n].rounding_noise]
        buggy = [n for n in self.failed if not self.checks[n].rounding_noise]
        if self.passed:
            out.append(f"PASSED: every relative error is below {self.threshold:g}.")
        elif buggy:
            also = f" ({', '.join(noisy)}: rounding noise only)" if noisy else ""
            out.append(f"FAILED: {', '.join(buggy)} above the threshold {self.threshold:g}; "
                       f"look at the backward step that computes {', '.join('d' + n for n in buggy)}{also}.")
        else:
            out.append(f"INCONCLUSIVE: {', '.join(noisy)} above {self.threshold:g} only by rounding noise; re-run "
                       f"with epsilon=1e-5, or at larger random parameters (e.g. randn without the x0.01).")
        out.append(HOW_TO_READ)
        return "\n".join(out)

    def __str__(self) -> str:
        return self.report()

    def __repr__(self) -> str:
        errors = ", ".join(f"{n!r}: {e:.2e}" for n, e in self.relative_errors.items())
        return f"GradientCheckResult(passed={self.passed}, relative_errors={{{errors}}})"


# --------------------------------------------------------------------------------------------
# The gradient check
# --------------------------------------------------------------------------------------------


def gradient_check(
    cost: Callable[[dict], Any],
    parameters: Mapping[str, Any],
    grads: Mapping[str, Any],
    epsilon: float = 1e-7,
    threshold: float = 1e-7,
    verbose: bool = True,
    max_entries_per_parameter: int | None = None,
) -> GradientCheckResult:
    """Compare the gradients of your backward function with numerical ones, parameter by parameter.

    Arguments:
        cost: function ``cost(params) -> float`` returning the cost J for a parameters dict
            shaped like ``parameters`` (it usually runs forward propagation on fixed ``X``, ``Y``
            and then computes the cost). It is called with a copy of ``parameters`` in which
            one entry has been nudged by ±epsilon; it must not change that copy.
        parameters: dict of float arrays or numbers, e.g. ``{"W1": (n_h, n_x), "b1": (n_h, 1),
            "W2": (n_y, n_h), "b2": (n_y, 1)}`` or ``{"w": (n_x, 1), "b": float}``.
        grads: dict holding, for every parameter ``k``, its analytic gradient ``grads["d" + k]``
            with the same shape as ``parameters[k]``. Other keys (``"dA1"``, ``"dZ1"``, ...)
            are ignored.
        epsilon: size of the nudge (default 1e-7).
        threshold: a parameter passes when its relative error is below this (default 1e-7).
        verbose: print the report table (default True).
        max_entries_per_parameter: None (default) checks every entry. An integer N checks at
            most N entries of each parameter, chosen at random with a fixed seed (the report
            says which parameters were sampled); handy for a large ``W1`` such as (7, 12288).

    Returns:
        A :class:`GradientCheckResult`: ``result.passed``, ``result.relative_errors``,
        ``result["W1"].worst`` (the entries that disagree most) and ``print(result)``.

    Neither ``parameters`` nor ``grads`` (nor any array in them) is modified. ``cost`` gets
    float64 copies (a float32 parameter is checked in float64); a parameter given as a Python
    number, such as ``b = 0.0``, reaches ``cost`` as a Python float.

    Very small gradients: rounding in the cost limits how exact a centred difference can be,
    to about ``2.2e-16 * |cost| / epsilon`` per entry. With the ×0.01 initialisation the
    gradients are so small (~1e-4) that a right gradient can exceed 1e-7 for that reason
    alone. Such a parameter still fails (``passed`` only compares with ``threshold``), but it
    gets ``rounding_noise=True`` and the verdict "rounding noise?"; re-run with
    ``epsilon=1e-5`` or at larger random parameters to get a clear answer.
    """
    if not callable(cost):
        raise TypeError(f"gradient_check: cost must be a function cost(parameters) -> float, got {type(cost).__name__}.")
    if not isinstance(parameters, Mapping):
        raise TypeError(f"gradient_check: parameters must be a dict such as {{'W1': ..., 'b1': ...}}, got {type(parameters).__name__}.")
    if not isinstance(grads, Mapping):
        raise TypeError(f"gradient_check: grads must be a dict such as {{'dW1': ..., 'db1': ...}}, got {type(grads).__name__}.")
    if len(parameters) == 0:
        raise GradientCheckError("gradient_check: parameters is empty, so there is nothing to check.")
    _check_epsilon(epsilon)
    epsilon = float(epsilon)
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

    # Validate everything before the first (possibly slow) cost evaluation.
    working: dict = {}     # float64 copies, nudged in place; the caller's arrays are never touched
    kinds: dict = {}       # how to hand each parameter to cost(): "array", "float" or "numpy"
    analytic: dict = {}    # float64 copies of the gradients
    for name, value in parameters.items():
        working[name], kinds[name] = _copy_parameter(name, value)
        analytic[name] = _copy_gradient(name, working[name].shape, kinds[name], grads)

    def trial() -> dict:
        # A fresh dict per call: cost() cannot rebind our keys. Numbers go back as numbers.
        params = {}
        for k, arr in working.items():
            if kinds[k] == "float":
                params[k] = float(arr[()])
            elif kinds[k] == "numpy":
                params[k] = np.float64(arr[()])
            else:
                params[k] = arr
        return params

    cost_value = _scalar_cost(cost(trial()), "at the unchanged parameters")
    # Rounding: each cost value is off by about (machine epsilon) * |cost|, and the centred
    # difference divides that by 2 * epsilon. Measured maxima stay near 1x this; allow 10x.
    noise_level = 10.0 * np.finfo(np.float64).eps * abs(cost_value) / epsilon

    rng = np.random.RandomState(0)
    checks: dict = {}
    all_analytic, all_numerical = [], []
    for name, x in working.items():
        size = x.size
        if max_entries_per_parameter is not None and size > max_entries_per_parameter:
            flat = np.sort(rng.choice(size, size=max_entries_per_parameter, replace=False))
        else:
            flat = np.arange(size)

        def f():
            return cost(trial())

        approx = _centred_differences(
            f, x, flat, epsilon, where=lambda idx, name=name: f"{name}{_index_text(idx)}", cost_label=True
        )
        exact = analytic[name].ravel()[flat]
        numerical = np.full(x.shape, np.nan)
        numerical.ravel()[flat] = approx  # numerical is a fresh contiguous array, ravel() is a view

        error = relative_error(exact, approx)
        differences = np.abs(exact - approx)
        max_difference = float(differences.max()) if differences.size else 0.0
        passed = bool(error < threshold)
        order = np.argsort(-differences, kind="stable")[:_WORST_KEPT]
        worst = [
            EntryCheck(
                index=tuple(int(i) for i in np.unravel_index(int(flat[j]), x.shape)),
                analytic=float(exact[j]),
                numerical=float(approx[j]),
            )
            for j in order
        ]
        checks[name] = ParameterCheck(
            name=name,
            shape=tuple(x.shape),
            relative_error=error,
            passed=passed,
            worst=worst,
            checked=int(flat.size),
            size=int(size),
            max_difference=max_difference,
            rounding_noise=(not passed) and max_difference <= noise_level,
            numerical=numerical,
        )
        all_analytic.append(exact)
        all_numerical.append(approx)

    # Every nudge was undone, so the working copies must still equal the originals. If not,
    # cost() changed its argument in place, and the numbers above cannot be trusted.
    for name, value in parameters.items():
        if not np.array_equal(working[name], np.asarray(value, dtype=np.float64)):
            raise GradientCheckError(
                f"gradient_check: cost changed the parameters it was given ({name!r} is different after "
                "the check). A cost function must only read the parameters: do not update them inside "
                "it (no 'W -= ...', no update_parameters call)."
            )

    result = GradientCheckResult(
        checks=checks,
        passed=all(c.passed for c in checks.values()),
        overall_relative_error=relative_error(np.concatenate(all_analytic), np.concatenate(all_numerical)),
        threshold=float(threshold),
        epsilon=epsilon,
        cost=cost_value,
        noise_level=float(noise_level),
    )
    if verbose:
        print(result.report())
    return result


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _centred_differences(f, x, flat_indices, epsilon, where, cost_label=False) -> np.ndarray:
    """Centred differences of ``f()`` for the given flat indices of ``x`` (1-D float64 array).

    ``x`` is nudged in place and every entry is restored to its exact original value.
    """
    flat_indices = list(flat_indices)
    out = np.empty(len(flat_indices), dtype=np.float64)
    label = "cost" if cost_label else "f"
    for j, flat in enumerate(flat_indices):
        idx = np.unravel_index(int(flat), x.shape)
        original = x[idx]
        try:
            x[idx] = original + epsilon
            plus = _scalar_cost(f(), f"with {where(idx)} nudged by +epsilon", label)
            x[idx] = original - epsilon
            minus = _scalar_cost(f(), f"with {where(idx)} nudged by -epsilon", label)
        finally:
            x[idx] = original
        out[j] = (plus - minus) / (2.0 * epsilon)
    return out


def _scalar_cost(value, when: str, label: str = "cost") -> float:
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


def _check_epsilon(epsilon) -> None:
    if isinstance(epsilon, bool) or not isinstance(epsilon, numbers.Real) or not (0 < epsilon < 1):
        raise ValueError(f"epsilon must be a small positive number such as 1e-7, got {epsilon!r}.")


def _check_float_dtype(x: np.ndarray, what: str) -> None:
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


def _copy_parameter(name: str, value):
    """A float64 array copy of a parameter, plus how to give it back to cost()."""
    if isinstance(value, (bool, np.bool_)):
        raise GradientCheckError(f"parameters[{name!r}] is a bool ({value}); parameters must be float arrays or numbers.")
    if isinstance(value, np.ndarray):
        _check_float_dtype(value, f"parameters[{name!r}]")
        return np.array(value, dtype=np.float64, copy=True), "array"
    if isinstance(value, np.floating):
        return np.array(value, dtype=np.float64), "numpy"
    if isinstance(value, np.integer):
        _check_float_dtype(np.asarray(value), f"parameters[{name!r}]")
    if isinstance(value, (int, float)):  # a Python number such as b = 0.0 (or 0) in logistic regression
        return np.array(float(value), dtype=np.float64), "float"
    raise GradientCheckError(
        f"parameters[{name!r}] is a {type(value).__name__}; every parameter must be a float NumPy array "
        "or a number."
    )


def _copy_gradient(name: str, shape: tuple, kind: str, grads: Mapping) -> np.ndarray:
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
        raise GradientCheckError(_shape_mismatch_message(name, key, shape, g.shape, kind))
    g = np.array(g, dtype=np.float64, copy=True)
    if not np.all(np.isfinite(g)):
        bad = tuple(int(i) for i in np.argwhere(~np.isfinite(g))[0])
        raise GradientCheckError(
            f"grads[{key!r}] contains NaN or inf (first at {key}{_index_text(bad)}); "
            "the backward pass produced it, so fix that before checking."
        )
    return g


def _shape_mismatch_message(name, key, shape, gshape, kind) -> str:
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


def _index_text(idx) -> str:
    idx = tuple(int(i) for i in idx)
    return "" if idx == () else "[" + ", ".join(str(i) for i in idx) + "]"


def _shape_text(shape) -> str:
    return "scalar" if shape == () else str(tuple(shape))


def _verdict(check: ParameterCheck, threshold: float) -> str:
    error = check.relative_error
    if error < threshold:
        return "✓"
    if check.rounding_noise:
        return "✗ rounding noise?"
    if error < 1e-5:
        return "✗ look again"
    if error < 1e-3:
        return "✗ suspicious"
    return "✗ likely a bug"


def _worst_table(check: ParameterCheck) -> list:
    rows = [("entry", "analytic", "numerical", "difference")]
    for e in check.worst:
        rows.append((f"{check.name}{_index_text(e.index)}", f"{e.analytic:.6g}", f"{e.numerical:.6g}", f"{e.difference:.2e}"))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["    worst entries:"]
    for r in rows:
        lines.append("      " + "  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(r, widths))))
    return lines
