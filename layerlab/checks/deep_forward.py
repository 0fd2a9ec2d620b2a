"""Recognisers of the week-4 step-by-step checks, first half: the initialisers, the forward pass
and ``compute_cost``'s shape (its value recognisers are shared with week 3 in
:mod:`layerlab.checks.cross_entropy`).

Each takes ``(args, want, got)`` (a hint) or ``(args, got)`` (a property), see
:mod:`layerlab.checks.runner`. They look at relations between the inputs, the expected and the
returned values (which rows are exactly zero, a flipped sign, activations outside (0, 1), a key
numbered from 0, ...); they contain no solution. Shapes: layer l has W{l} (n[l], n[l-1]),
b{l} (n[l], 1), Z and A (n[l], m); a cache is ((A_prev, W, b), Z).
"""

from __future__ import annotations

import numpy as np

from layerlab.checks.planar_setup import rand_not_randn_of
from layerlab.checks.relations import as_float_array, close, item
from layerlab.judge.catalogue import mistake


def looks_like_probabilities(a) -> bool:
    """Every entry strictly between 0 and 1 (what a sigmoid gives)."""
    a = as_float_array(a)
    return a is not None and a.size > 0 and bool(np.all((a > 0) & (a < 1)))


def has_relu_signature(a) -> bool:
    """Exact zeros, nothing negative: what a ReLU output looks like (a sigmoid is never 0)."""
    a = as_float_array(a)
    return a is not None and a.size > 0 and bool(np.all(a >= 0) and np.any(a == 0))


# --------------------------------------------------------------------------- initialisation

def _weights(want, got):
    """(returned, expected) weights of every layer, flattened into one vector each, when every
    returned parameter has the expected shape; else None."""
    if not isinstance(got, dict) or set(got) != set(want):
        return None
    if any(as_float_array(got[k]) is None or as_float_array(got[k]).shape != want[k].shape for k in want):
        return None
    w_keys = [k for k in want if k.startswith("W")]
    return tuple(np.concatenate([as_float_array(d[k]).ravel() for k in w_keys]) for d in (got, want))


#: week 3's recogniser, on the weights of every layer
rand_not_randn = rand_not_randn_of(_weights)


def seed_hint(seed: int, first: str, then: str):
    """The recogniser of other random numbers of the right size, for an initialiser that must call
    ``np.random.seed(seed)`` and draw ``first`` then ``then``."""

    @mistake("initialize.not-seeded-inside", "the initialiser does not seed NumPy itself",
             topic="initialisation")
    def hint(args, want, got):
        """The weights have the expected shapes, both signs and about the expected spread (within a
        factor 5), but other values."""
        pair = _weights(want, got)
        if pair is None or np.all(pair[0] >= 0):
            return None
        g, e = pair
        same_size = 0.2 < np.std(g) / max(np.std(e), 1e-300) < 5
        if same_size and not np.allclose(g, e):
            return (f"the weights have the right size but are other random numbers: call "
                    f"np.random.seed({seed}) inside the function, before the first draw, and draw "
                    f"{first} then {then} (the check sets another seed before calling, so a seed "
                    f"set outside the function does not count)")
        return None
    return hint


@mistake("initialize.weights-not-scaled", "random weights not multiplied by 0.01", topic="initialisation")
def scale_hint(args, want, got):
    """Some W{l} is exactly 100 times the expected one."""
    if not isinstance(got, dict):
        return None
    for key in want:
        if key.startswith("W") and key in got:
            g, e = as_float_array(got[key]), as_float_array(want[key])
            if g is not None and g.shape == e.shape and close(g, e * 100):
                return "the weights are 100 times too large: multiply np.random.randn(...) by 0.01"
    return None


@mistake("initialize-deep.layer-count", "layers numbered from 0, or one layer too few or too many",
         topic="model-assembly")
def deep_keys_hint(args, want, got):
    """The keys hold W0/b0, miss W{L} (or everything when L = 1), or hold W{L+1}."""
    if not isinstance(got, dict):
        return None
    layer_dims = args[0]
    L = len(layer_dims[1:])
    if "W0" in got or "b0" in got:
        return ("layers with parameters are numbered from 1: W1, b1 connect layer 0 (the input) "
                "to layer 1, so loop over l = 1, ..., L")
    if f"W{L}" not in got and f"W{L - 1}" in got or L == 1 and not got:
        return (f"the last layer is missing: layer_dims has {len(layer_dims)} entries, so there "
                f"are L = len(layer_dims) - 1 = {L} layers; range(1, len(layer_dims)) visits them all")
    if f"W{L + 1}" in got:
        return (f"one layer too many: layer_dims has {len(layer_dims)} entries (input included), "
                f"so there are L = {L} layers with parameters")
    return None


@mistake("initialize.random-biases", "biases drawn at random instead of zeros", topic="initialisation")
def bias_hint(args, want, got):
    """Some b{l} of the expected shape has a nonzero entry."""
    if not isinstance(got, dict):
        return None
    for key in want:
        if key.startswith("b") and key in got:
            g = as_float_array(got[key])
            if g is not None and g.shape == want[key].shape and np.any(g != 0):
                return "the biases start at zero: np.zeros((n, 1)); only the weights are random"
    return None


@mistake("initialize.bias-shape", "b{l} with one entry per unit of the previous layer",
         topic="shapes-and-transposes")
def bias_shape_hint(args, want, got):
    """Some b{l} has the shape (n[l-1], 1) where (n[l], 1) is expected."""
    if not isinstance(got, dict):
        return None
    for key in want:
        g = as_float_array(got.get(key)) if key.startswith("b") else None
        W = want.get("W" + key[1:])
        if g is not None and W is not None and g.shape != want[key].shape and g.shape == (W.shape[1], 1):
            return (f"{key} has one entry per unit of the layer before (shape {g.shape}): a bias has "
                    f"one entry per unit of its own layer, shape {want[key].shape}, like the rows "
                    f"of W{key[1:]}")
    return None


# --------------------------------------------------------------------------- forward

@mistake("forward.missing-bias", "Z = W A without the bias", topic="shapes-and-transposes")
def forgot_bias(args, want, got):
    """The returned Z plus b is the expected Z."""
    b = args[2]
    z = as_float_array(item(got, 0))
    if z is not None and z.shape == want[0].shape and np.any(b != 0) and close(z + b, want[0]):
        return "Z is missing the bias: Z = W A + b"
    return None


@mistake("forward.linear-cache-order", "the linear cache in another order than (A, W, b)",
         topic="return-values")
def linear_cache_order(args, want, got):
    """The cache holds three arrays with the shapes of A, W and b, in another order."""
    cache = item(got, 1)
    if isinstance(cache, (tuple, list)) and len(cache) == 3:
        A, W, b = args[:3]
        shapes = [getattr(c, "shape", None) for c in cache]
        if shapes != [A.shape, W.shape, b.shape] and sorted(map(str, shapes)) == sorted(
                map(str, [A.shape, W.shape, b.shape])):
            return "the cache holds the right arrays in the wrong order: return cache = (A, W, b)"
    return None


@mistake("forward.cache-pair-swapped", "(activation_cache, linear_cache) instead of (linear_cache, activation_cache)",
         topic="return-values")
def cache_pair_swapped(args, want, got):
    """The returned cache is a pair whose first part has the shape of the expected second (Z) and
    whose second part is the expected first (the three-part linear cache)."""
    cache, expected = item(got, 1), item(want, 1)
    if isinstance(cache, tuple) and len(cache) == 2 and isinstance(cache[1], tuple) \
            and len(cache[1]) == 3 and np.shape(cache[0]) == np.shape(expected[1]):
        return ("the cache's two parts are in the other order: return cache = (linear_cache, "
                "activation_cache), the linear part (A_prev, W, b) first")
    return None


@mistake("forward.cache-part-missing", "only the linear cache or only Z returned as the cache",
         topic="return-values")
def cache_part_missing(args, want, got):
    """The returned cache is the expected linear cache (A_prev, W, b) alone, or Z alone."""
    cache, expected = item(got, 1), item(want, 1)
    if isinstance(cache, (tuple, list)) and len(cache) == 3:
        alone = "the linear cache (A_prev, W, b)"
    elif isinstance(cache, np.ndarray) and cache.shape == np.shape(expected[1]):
        alone = "the activation cache Z"
    else:
        return None
    return (f"the cache holds only {alone}: backward needs both parts, so return "
            f"cache = (linear_cache, activation_cache)")


@mistake("forward.activation-skipped", "A = Z: the activation not applied", topic="activations")
def activation_skipped(args, want, got):
    """The returned A equals the returned activation cache Z (and differs from the expected A)."""
    A, Z = as_float_array(item(got, 0)), as_float_array(item(got, 1, 1))
    if A is not None and Z is not None and A.shape == want[0].shape and close(A, Z) \
            and not close(A, want[0]):
        return (f'A equals Z: apply the activation, A, activation_cache = {args[3]}(Z) for '
                f'activation == "{args[3]}"')
    return None


@mistake("forward.sigmoid-for-relu", "the sigmoid where ReLU was asked for", topic="activations")
def sigmoid_for_relu(args, want, got):
    """activation is "relu" and the returned A lies in (0, 1) while the expected A has exact zeros."""
    if args[3] == "relu" and looks_like_probabilities(item(got, 0)) and not looks_like_probabilities(want[0]):
        return "for activation == \"relu\" use relu(Z); these values look like a sigmoid's"
    return None


@mistake("forward.relu-for-sigmoid", "ReLU where the sigmoid was asked for", topic="activations")
def relu_for_sigmoid(args, want, got):
    """activation is "sigmoid" and the returned A has the right shape but not every entry in (0, 1)."""
    a = as_float_array(item(got, 0))
    if args[3] == "sigmoid" and a is not None and a.shape == want[0].shape \
            and not looks_like_probabilities(a) and not close(a, item(got, 1, 1)):
        return ("for activation == \"sigmoid\" use sigmoid(Z): A must lie strictly between 0 "
                "and 1 (exact zeros or values >= 1 come from relu)")
    return None


@mistake("forward.activation-cache-not-unpacked", "the pair (A, Z) stored as the activation cache",
         topic="return-values")
def activation_cache_unpacked(args, want, got):
    """The activation cache is a pair: relu(Z) / sigmoid(Z)'s whole result was stored."""
    activation_cache = item(got, 1, 1)
    if isinstance(activation_cache, tuple) and len(activation_cache) == 2:
        return ("sigmoid(Z) and relu(Z) return a pair (A, activation_cache): unpack it with "
                "`A, activation_cache = relu(Z)` and store only activation_cache (Z) in the cache")
    return None


@mistake("forward.caches-not-a-list", "caches returned as a tuple, not a list", topic="return-values")
def caches_are_a_list(args, got):
    """Property: L_model_forward's caches are a list (of ((A_prev, W, b), Z) pairs)."""
    caches = item(got, 1)
    first = item(caches, 0)
    if isinstance(caches, tuple) and isinstance(first, tuple) and len(first) == 2 \
            and isinstance(first[0], tuple):
        return "caches must be a list: start with caches = [] and append each layer's cache"
    return None


@mistake("forward.output-not-sigmoid", "the output layer without the sigmoid", topic="activations")
def output_not_sigmoid(args, want, got):
    """AL has the expected shape but not every entry strictly between 0 and 1."""
    AL = item(got, 0)
    if as_float_array(AL) is not None and as_float_array(AL).shape == want[0].shape \
            and not looks_like_probabilities(AL):
        return ("AL must hold probabilities strictly between 0 and 1: the output layer L uses "
                "\"sigmoid\" (and only that layer)")
    return None


@mistake("forward.sigmoid-in-hidden-layers", "the sigmoid in the hidden layers instead of ReLU",
         topic="activations")
def sigmoid_in_hidden_layers(args, want, got):
    """A1 (layer 2's input, in the caches) lies in (0, 1) where the expected A1 has exact zeros."""
    hidden, want_hidden = item(got, 1, 1, 0, 0), item(want, 1, 1, 0, 0)
    if want_hidden is not None and looks_like_probabilities(hidden) and has_relu_signature(want_hidden):
        return "the hidden layers 1, ..., L-1 use \"relu\"; these activations look like a sigmoid's"
    return None


@mistake("forward.layer-count", "the forward loop visits too few or too many layers", topic="model-assembly")
def forward_layer_count(args, want, got):
    """caches holds another number of entries than the L layers."""
    caches = item(got, 1)
    L = len(want[1])
    if isinstance(caches, (list, tuple)) and len(caches) != L:
        return (f"this network has L = len(parameters) // 2 = {L} layers, so caches must hold {L} "
                f"caches (got {len(caches)}): the loop range(1, L) covers the {L - 1} ReLU "
                f"layer{'s' if L != 2 else ''}, then the sigmoid layer adds the last one")
    return None


@mistake("forward.flat-cache", "each cache flattened to (A_prev, W, b, Z)", topic="return-values")
def forward_cache_structure(args, want, got):
    """The first cache has four items instead of the pair (linear_cache, activation_cache)."""
    first = item(got, 1, 0)
    if isinstance(first, (tuple, list)) and len(first) == 4:
        return ("each cache is the pair (linear_cache, activation_cache) returned by "
                "linear_activation_forward: append it as it is, ((A_prev, W, b), Z)")
    return None


# --------------------------------------------------------------------------- cost

@mistake("cost.not-summed", "the per-example losses returned instead of their mean", topic="cost")
def cost_not_summed(args, want, got):
    """The returned cost has more than one entry."""
    g = as_float_array(got)
    if g is not None and g.size > 1:
        return ("the cost is one number for the whole training set: sum the per-example losses "
                "over the m examples (np.sum), then divide by m")
    return None
