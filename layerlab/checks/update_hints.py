"""The recogniser shared by the gradient-descent steps of weeks 3 and 4 (``update_parameters``):
a parameter moved with another parameter's gradient (``b2`` with ``db1``, ``W1`` with ``dW2``).

Arguments: parameters {"W1": (n1, n0), "b1": (n1, 1), ...}, grads {"dW1": (n1, n0), "db1": (n1, 1),
..., possibly "dA0"} and, in some cases, learning_rate; ``want`` and ``got`` are the updated dicts.
The learning rate is read from the expected update itself, so the recogniser works with a default
rate as well as a given one.
"""

from __future__ import annotations

from layerlab.checks.relations import as_float_array, close, factor
from layerlab.judge.catalogue import mistake


def _rate(params: dict, grads: dict, want: dict) -> float | None:
    """The learning rate of the expected update: params[k] − want[k] = rate · grads["d" + k]."""
    for key in want:
        if key in params and "d" + key in grads:
            rate = factor(as_float_array(params[key]) - as_float_array(want[key]), grads["d" + key])
            if rate is not None:
                return rate
    return None


@mistake("update.wrong-gradient", "a parameter moved with another parameter's gradient",
         topic="gradient-descent")
def wrong_gradient(args, want, got):
    """A returned θ is θ − rate · dφ for the gradient dφ of another parameter φ (broadcasting
    included), with the rate the expected update used."""
    params, grads = args[0], args[1]
    rate = _rate(params, grads, want)
    if rate is None or not isinstance(got, dict):
        return None
    for key in want:
        if key not in got or key not in params or close(got[key], want[key]):
            continue
        for other in grads:
            if other == "d" + key or other[1:] not in params:
                continue
            try:
                moved = as_float_array(params[key]) - rate * as_float_array(grads[other])
            except ValueError:  # shapes that do not broadcast: not this mistake
                continue
            if close(got[key], moved):
                return (f"{key} was moved with {other}: each parameter moves against its own "
                        f"gradient, {key} with d{key}")
    return None


@mistake("update.divided-by-rate", "the gradient divided by the learning rate instead of multiplied",
         topic="gradient-descent")
def divided_by_rate(args, want, got):
    """Every returned θ that differs from the expected one is θ − dθ / rate (rate ≠ 1), with the
    rate the expected update used."""
    params, grads = args[0], args[1]
    rate = _rate(params, grads, want)
    if rate is None or abs(rate) < 1e-12 or abs(rate - 1) < 1e-9 or not isinstance(got, dict):
        return None
    wrong = [key for key in want if key in got and not close(got[key], want[key])]
    if not wrong or not all(key in params and "d" + key in grads for key in wrong):
        return None
    if all(close(got[key], as_float_array(params[key]) - as_float_array(grads["d" + key]) / rate)
           for key in wrong):
        return (f"each parameter moved by its gradient divided by the learning rate ({rate:g}): "
                f"multiply instead, θ = θ − learning_rate * dθ")
    return None
