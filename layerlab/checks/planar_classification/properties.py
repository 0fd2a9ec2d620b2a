"""Output contracts of week 3's graded functions that the values cannot show (types, dict keys,
labels), checked on every public and hidden case (see :mod:`layerlab.checks.planar_classification`).
A property takes ``(args, got)``: the call's arguments and the function's output (a tuple, dict
or array of the notebook's shapes), and returns a sentence when the contract is broken, else None.
"""

from __future__ import annotations

import numpy as np

from layerlab.checks.parameter_keys import exact_parameter_keys
from layerlab.judge.catalogue import mistake


@mistake("layer-sizes.not-python-ints", "sizes returned as floats or NumPy values",
         topic="python-basics")
def python_ints(args, got):
    """Property: the three sizes are Python ints."""
    if isinstance(got, (tuple, list)) and len(got) == 3:
        bad = [type(v).__name__ for v in got if isinstance(v, bool) or not isinstance(v, int)]
        if bad:
            return (f"the sizes must be Python ints (as X.shape[0] gives them), got {', '.join(bad)}: "
                    f"no float(...) or NumPy values")
    return None


@mistake("initialize.b-not-float", "biases created with an integer dtype", topic="initialisation")
def float_biases(args, got):
    """Property: every b{l} of the parameters holds floats (week 4's initialisations share it)."""
    if not isinstance(got, dict):
        return None
    for key, value in got.items():
        if str(key).startswith("b") and isinstance(value, np.ndarray) and value.dtype.kind != "f":
            return (f"{key} must hold floats (np.zeros((n, 1)) gives float64 zeros), its dtype is "
                    f"{value.dtype}")
    return None


@mistake("forward.cache-keys", "the cache without exactly the keys Z1, A1, Z2, A2",
         topic="return-values")
def cache_keys(args, got):
    """Property: the cache has exactly the keys "Z1", "A1", "Z2", "A2"."""
    cache = got[1] if isinstance(got, (tuple, list)) and len(got) == 2 else None
    if isinstance(cache, dict) and set(cache) != {"Z1", "A1", "Z2", "A2"}:
        return f'the cache must have exactly the keys "Z1", "A1", "Z2", "A2", it has {sorted(map(str, cache))}'
    return None


@mistake("backward.grads-keys", "grads without exactly the expected keys",
         topic="return-values")
def grads_keys(args, got):
    """Property: grads has exactly the keys "dW1", "db1", "dW2", "db2"."""
    if isinstance(got, dict) and set(got) != {"dW1", "db1", "dW2", "db2"}:
        return (f'grads must have exactly the keys "dW1", "db1", "dW2", "db2" (a "d" before the '
                f'parameter\'s name), it has {sorted(map(str, got))}')
    return None


#: the parameters of the 2-layer network: exactly W1, b1, W2, b2 (the rule of every week)
parameter_keys = exact_parameter_keys(lambda args: 2)


@mistake("predict.not-labels", "predictions that are not 0/1 labels", topic="prediction")
def predict_labels(args, got):
    """Property: predict returns only 0 and 1 (or booleans)."""
    if isinstance(got, np.ndarray) and got.dtype.kind in "biuf" and got.size:
        if not np.isin(np.unique(got.astype(np.float64)), [0.0, 1.0]).all():
            return "predict must return labels (True/False or 0/1), not probabilities: compare A2 with 0.5"
    return None
