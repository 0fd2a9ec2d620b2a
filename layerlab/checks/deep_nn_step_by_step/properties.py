"""Output contracts of week 4's step-by-step functions that the values cannot show (dict keys;
the parameters' keys are :mod:`layerlab.checks.parameter_keys`'s rule, the biases' dtype is week
3's ``float_biases``), checked on every public and hidden case (see :mod:`layerlab.checks.deep_nn_step_by_step`).
A property takes ``(args, got)``: the call's arguments and the function's output, and returns a
sentence when the contract is broken, else None.
"""

from __future__ import annotations

from layerlab.judge.catalogue import mistake


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
