"""Output contracts of week 4's step-by-step functions that the values cannot show (dict keys;
the biases' dtype is week 3's ``float_biases``), checked on every public and hidden case (see :mod:`layerlab.checks.deep_nn_step_by_step`).
A property takes ``(args, got)``: the call's arguments and the function's output, and returns a
sentence when the contract is broken, else None.
"""

from __future__ import annotations

from layerlab.judge.catalogue import mistake


def layers(parameters: dict) -> int:
    """L of a parameters dict {"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...}."""
    return len(parameters) // 2


def parameter_names(L: int) -> list[str]:
    return [f"{p}{l}" for l in range(1, L + 1) for p in ("W", "b")]


def exact_parameter_keys(L_of):
    @mistake("parameters.keys", "parameters without exactly the keys W1, b1, ..., WL, bL",
             topic="return-values")
    def check(args, got):
        """Property: the parameters of an L-layer network have exactly the keys W1, b1, ..., WL, bL."""
        if not isinstance(got, dict):
            return None
        L = L_of(args)
        names = parameter_names(L)
        if set(got) != set(names):
            return (f"the parameters of this {L}-layer network must be exactly the keys "
                    f"{', '.join(repr(k) for k in names)} (\"W\" or \"b\" and the layer number, "
                    f"from 1), the dict has {sorted(map(str, got))}")
        return None
    return check


@mistake("backward.grads-keys", "grads without exactly the expected keys", topic="return-values")
def grads_keys(args, got):
    """Property: grads of an L-layer network has exactly dA0..dA{L-1}, dW1..dWL, db1..dbL."""
    if not isinstance(got, dict):
        return None
    L = len(args[2])
    names = ([f"dA{l}" for l in range(L)] + [f"dW{l}" for l in range(1, L + 1)]
             + [f"db{l}" for l in range(1, L + 1)])
    if set(got) != set(names):
        return (f"grads of this {L}-layer network must have exactly the keys dA0..dA{L - 1}, "
                f"dW1..dW{L} and db1..db{L}, it has {sorted(map(str, got))}")
    return None
