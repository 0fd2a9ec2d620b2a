"""The computation of a gradient check: centred differences, the relative error, and
:func:`gradient_check`, which runs both over every parameter and collects a
:class:`~layerlab.gradcheck.report.GradientCheckResult`.

Arrays: a parameter ``x`` of any shape (e.g. ``(n_h, n_x)``) is nudged in place, one entry at a
time, in a float64 working copy; the numerical gradient has the shape of ``x``.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

import numpy as np

from layerlab.gradcheck.inputs import (GradientCheckError, check_arguments, check_epsilon, check_float_dtype,
                                       index_text, scalar_cost)
from layerlab.gradcheck.report import WORST_KEPT, EntryCheck, GradientCheckResult, ParameterCheck


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
    check_float_dtype(x, "x")
    if not x.flags.writeable:
        raise ValueError("numerical_gradient: x is read-only, so it cannot be nudged; pass a writable copy (x.copy()).")
    check_epsilon(epsilon)
    values = centred_differences(f, x, range(x.size), float(epsilon), where=lambda idx: f"x{index_text(idx)}")
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
    working, kinds, analytic = check_arguments(cost, parameters, grads, epsilon, threshold,
                                               max_entries_per_parameter)
    epsilon = float(epsilon)

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

    cost_value = scalar_cost(cost(trial()), "at the unchanged parameters")
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

        approx = centred_differences(
            f, x, flat, epsilon, where=lambda idx, name=name: f"{name}{index_text(idx)}", cost_label=True
        )
        exact = analytic[name].ravel()[flat]
        numerical = np.full(x.shape, np.nan)
        numerical.ravel()[flat] = approx  # numerical is a fresh contiguous array, ravel() is a view

        error = relative_error(exact, approx)
        differences = np.abs(exact - approx)
        max_difference = float(differences.max()) if differences.size else 0.0
        passed = bool(error < threshold)
        order = np.argsort(-differences, kind="stable")[:WORST_KEPT]
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


def centred_differences(f, x, flat_indices, epsilon, where, cost_label=False) -> np.ndarray:
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
            plus = scalar_cost(f(), f"with {where(idx)} nudged by +epsilon", label)
            x[idx] = original - epsilon
            minus = scalar_cost(f(), f"with {where(idx)} nudged by -epsilon", label)
        finally:
            x[idx] = original
        out[j] = (plus - minus) / (2.0 * epsilon)
    return out
