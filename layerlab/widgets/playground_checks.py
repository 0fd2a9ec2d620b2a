"""Checks of the student's week-3 functions for the playground's trainer, in words.

Before a network starts (:class:`~layerlab.widgets.planar_trainer.PlanarTrainer` ``start``):
:func:`probe` tries every function the settings need on a tiny problem, so that unfinished ones
are named together; :func:`two_call_notice` checks that two calls of ``backward_propagation`` give
the gradient for a ReLU, leaky ReLU or sigmoid layer (else the playground goes back to tanh);
:func:`tanh_notice` checks ``backward_propagation`` against finite differences of the cost.
While it trains: :func:`check_shapes` names the function whose gradients or weights have a wrong
shape, before a later call trips over them.

Each function takes the :class:`~layerlab.widgets.planar_trainer.PlanarTrainer` whose settings and
student functions it checks. Shapes: parameters "W1" (n_h, 2), "b1" (n_h, 1), "W2" (1, n_h), "b2" (1, 1); gradients "dW1", ...
of the same shapes.
"""

from __future__ import annotations

import numpy as np

from .other_activations import TOLERANCE, check_tanh, check_two_calls
from .student import NotReady, try_each

__all__ = ["probe", "two_call_notice", "tanh_mismatch", "tanh_notice", "shapes_of", "check_shapes"]

#: hidden activations: key -> name in sentences
ACTIVATION_NAMES = {"tanh": "tanh", "relu": "ReLU", "leaky relu": "leaky ReLU", "sigmoid": "sigmoid"}


def probe(trainer) -> NotReady | None:
    """Try the student's functions the settings need on a tiny problem, so that missing ones
    are named before training starts. Returns the problem, or None."""
    n_h, tanh = trainer.hidden_units, trainer.activation == "tanh"
    X = np.array([[0.5, -1.0, 2.0], [1.0, 0.0, -0.5]])
    Y = np.array([[1.0, 0.0, 1.0]])
    rng = np.random.RandomState(0)
    params = {"W1": rng.randn(n_h, 2), "b1": np.zeros((n_h, 1)), "W2": rng.randn(1, n_h),
              "b2": np.zeros((1, 1))}
    A2 = np.full((1, 3), 0.5)
    cache = {"Z1": np.zeros((n_h, 3)), "A1": np.zeros((n_h, 3)), "Z2": np.zeros((1, 3)), "A2": A2}
    grads = {"d" + k: np.zeros_like(v) for k, v in params.items()}
    call = trainer.functions.call
    checks = []
    if trainer.initialization == "small random":
        checks.append(("initialize_parameters", trainer.initial_parameters))
    if tanh:
        checks.append(("forward_propagation", lambda: call("forward_propagation", X, params)))
    checks.append(("compute_cost", lambda: call("compute_cost", A2, Y)))
    checks.append(("backward_propagation", lambda: call("backward_propagation", params, cache, X, Y)))
    checks.append(("update_parameters", lambda: call("update_parameters", params, grads, learning_rate=0.1)))
    missing, other = try_each(checks)
    if missing:
        names = ", ".join(f"`{name}`" for name in missing)
        one = len(missing) == 1
        setting = "" if tanh else f" (with a {trainer.activation} hidden layer)"
        return NotReady(f"Not implemented yet: {names}. The playground trains your network with "
                        f"{'this function' if one else 'these functions'}{setting}: complete "
                        f"{'it' if one else 'them'} above, run {'its cell' if one else 'their cells'}, "
                        "then run the cell of this widget again.", missing[0], missing=True)
    return other


def two_call_notice(trainer) -> str | None:
    """None if two calls of the student's backward_propagation give the gradient of their
    compute_cost for the chosen activation (checked on a small fixed network), else the notice
    that says why the playground goes back to tanh. Raises NotReady if a function raises."""
    call, label = trainer.functions.call, ACTIVATION_NAMES[trainer.activation]
    try:
        with np.errstate(all="ignore"):
            mismatch = check_two_calls(lambda A2, Y: call("compute_cost", A2, Y), trainer.backward,
                                       trainer.activation)
    except NotReady:
        raise
    except Exception:  # noqa: BLE001 (e.g. a cost that is not a number: the check fails)
        mismatch = float("inf")
    if mismatch < TOLERANCE:
        return None
    if tanh_mismatch(trainer) >= TOLERANCE:
        return (f"The {label} hidden layer is trained with gradients from your "
                "`backward_propagation`, but they do not match the slope of your `compute_cost` "
                "(checked with finite differences on a small network, for tanh too), so the "
                "playground went back to tanh. Check `backward_propagation` with its graded test "
                "above, run its cell, then run the cell of this widget again.")
    return ("The ReLU, leaky ReLU and sigmoid hidden layers need your `backward_propagation` to "
            "compute tanh's slope as 1 - A1² from the cache's A1, as the notebook's equations do: "
            f"the playground passes it an A1 that turns this slope into {label}'s. Yours seems to "
            "compute the slope from Z1, so the playground went back to tanh (your functions). To try "
            f"{label}, take the slope from cache[\"A1\"], run its cell, then run the cell of this "
            "widget again.")


def tanh_mismatch(trainer) -> float:
    call = trainer.functions.call
    try:
        with np.errstate(all="ignore"):
            return check_tanh(lambda X, p: call("forward_propagation", X, p),
                              lambda A2, Y: call("compute_cost", A2, Y), trainer.backward)
    except Exception:  # noqa: BLE001 (NotReady too: training reports it itself)
        return 0.0


def tanh_notice(trainer) -> str | None:
    """For tanh: None if the student's backward_propagation is the gradient of their cost, else
    a notice naming it (training goes on: the student sees what wrong gradients do)."""
    if tanh_mismatch(trainer) < TOLERANCE:
        return None
    return ("Your `backward_propagation` does not give the slope of your `compute_cost` (checked "
            "with finite differences on a small network), so the cost may not come down. The "
            "playground trains with it anyway; check it with its graded test above, run its cell, "
            "then run the cell of this widget again.")


def shapes_of(n_h: int) -> dict:
    return {"W1": (n_h, 2), "b1": (n_h, 1), "W2": (1, n_h), "b2": (1, 1)}


def check_shapes(values, shapes: dict, function: str, prefix: str) -> None:
    """NotReady naming ``function`` unless ``values`` is a dict with ``prefix + name`` of each
    expected shape (e.g. "dW1" (n_h, 2) for backward_propagation)."""
    what = "gradients" if prefix else "parameters"
    if not isinstance(values, dict):
        raise NotReady(f"`{function}` returned {type(values).__name__}, not a dict of the {what} "
                       f"{', '.join(prefix + k for k in shapes)}.", function)
    for name, shape in shapes.items():
        key = prefix + name
        if key not in values:
            raise NotReady(f"`{function}` returned no \"{key}\" (it returned {', '.join(map(str, values))}).",
                           function)
        got = np.shape(values[key])
        if got != shape:
            whose = f", the shape of {name}" if prefix else ""
            raise NotReady(f"`{function}` returned \"{key}\" of shape {got}; it should have shape "
                           f"{shape}{whose}.", function)
