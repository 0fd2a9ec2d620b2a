"""Do the public checks of the deep network step by step pass the reference, and name the mistake
when a student makes a typical one?

Each buggy version below is the reference with one mistake put in, the way students make it.
"""

import re

import numpy as np
import pytest

from conftest import reference
from layerlab.checks import CheckFailed
from layerlab.checks import deep_nn_step_by_step as checks

ASSIGNMENT = "week4_deep_nn_step_by_step"


@pytest.fixture(scope="module")
def ref():
    return reference(ASSIGNMENT)


@pytest.mark.parametrize("name", sorted(checks.SPECS))
def test_reference_passes_every_public_check(ref, name, capsys):
    getattr(checks, f"check_{name}")(getattr(ref, name))
    assert f"✓ {name} passed " in capsys.readouterr().out


def test_public_cases_cover_several_depths_and_small_batches():
    for name in ("L_model_forward", "L_model_backward"):
        depths, batches = set(), set()
        for case in checks.SPECS[name].cases:
            args = case.make()
            if name == "L_model_forward":
                X, params = args
                depths.add(len(params) // 2)
                batches.add(X.shape[1])
            else:
                AL, Y, caches = args
                depths.add(len(caches))
                batches.add(AL.shape[1])
        assert depths == {1, 2, 3, 4}, name
        assert batches <= set(range(2, 6)), name


def _diagnosis(name, fn):
    with pytest.raises(CheckFailed) as info:
        getattr(checks, f"check_{name}")(fn)
    return re.sub(r"\x1b\[[0-9;]*m", "", info.value.report)  # without terminal colours


# ------------------------------------------------------------------------------ buggy versions
# Each factory takes the reference namespace and returns a function with one typical mistake.

def init_without_seed(r):
    def initialize_parameters(n_x, n_h, n_y):
        return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
                "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}
    return initialize_parameters


def init_without_scale(r):
    def initialize_parameters(n_x, n_h, n_y):
        np.random.seed(1)
        return {"W1": np.random.randn(n_h, n_x), "b1": np.zeros((n_h, 1)),
                "W2": np.random.randn(n_y, n_h), "b2": np.zeros((n_y, 1))}
    return initialize_parameters


def deep_init_seeded_outside(r):
    def initialize_parameters_deep(layer_dims):
        params = {}
        for l in range(1, len(layer_dims)):
            params[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
            params[f"b{l}"] = np.zeros((layer_dims[l], 1))
        return params
    return initialize_parameters_deep


def deep_init_misses_last_layer(r):
    def initialize_parameters_deep(layer_dims):
        np.random.seed(3)
        params = {}
        for l in range(1, len(layer_dims) - 1):
            params[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
            params[f"b{l}"] = np.zeros((layer_dims[l], 1))
        return params
    return initialize_parameters_deep


def deep_init_from_zero(r):
    def initialize_parameters_deep(layer_dims):
        np.random.seed(3)
        params = {}
        for l in range(len(layer_dims) - 1):
            params[f"W{l}"] = np.random.randn(layer_dims[l + 1], layer_dims[l]) * 0.01
            params[f"b{l}"] = np.zeros((layer_dims[l + 1], 1))
        return params
    return initialize_parameters_deep


def linear_forward_without_bias(r):
    return lambda A, W, b: (np.dot(W, A), (A, W, b))


def linear_forward_cache_order(r):
    return lambda A, W, b: (np.dot(W, A) + b, (W, A, b))


def activation_always_sigmoid(r):
    def linear_activation_forward(A_prev, W, b, activation):
        Z, linear_cache = r.linear_forward(A_prev, W, b)
        A, Z = r.sigmoid(Z)
        return A, (linear_cache, Z)
    return linear_activation_forward


def activation_cache_not_unpacked(r):
    def linear_activation_forward(A_prev, W, b, activation):
        Z, linear_cache = r.linear_forward(A_prev, W, b)
        out = r.sigmoid(Z) if activation == "sigmoid" else r.relu(Z)
        return out[0], (linear_cache, out)
    return linear_activation_forward


def _forward(r, *, hidden="relu", output="sigmoid", layers=lambda parameters: len(parameters) // 2,
             loop_end=0, keep_output_cache=True):
    """An L_model_forward written as a student would, with the given mistake switched on: other
    activations, another count of layers, a loop over the hidden layers that ends ``loop_end``
    layers late, or the output layer's cache left out."""
    def L_model_forward(X, parameters):
        caches, A, L = [], X, layers(parameters)
        for l in range(1, L + loop_end):
            A, cache = r.linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], hidden)
            caches.append(cache)
        AL, cache = r.linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], output)
        if keep_output_cache:
            caches.append(cache)
        return AL, caches
    return L_model_forward


def forward_activations_swapped(r):
    return _forward(r, hidden="sigmoid", output="relu")


def forward_forgets_the_output_cache(r):
    return _forward(r, keep_output_cache=False)


def forward_loop_one_layer_too_far(r):
    return _forward(r, loop_end=1)


def forward_counts_every_entry_as_a_layer(r):
    return _forward(r, layers=len)  # two entries per layer: L is twice too large


def forward_reads_caches_past_the_end(r):
    def L_model_forward(X, parameters):
        AL, caches = r.L_model_forward(X, parameters)
        return AL, [caches[l] for l in range(1, len(caches) + 1)]
    return L_model_forward


def forward_flat_caches(r):
    def L_model_forward(X, parameters):
        AL, caches = r.L_model_forward(X, parameters)
        return AL, [(*linear, Z) for linear, Z in caches]
    return L_model_forward


def forward_caches_as_tuple(r):
    def L_model_forward(X, parameters):
        AL, caches = r.L_model_forward(X, parameters)
        return AL, tuple(caches)
    return L_model_forward


def cost_as_1_by_1(r):
    def compute_cost(AL, Y):
        m = Y.shape[1]
        return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return compute_cost


def cost_not_summed(r):
    return lambda AL, Y: -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / Y.shape[1]


def cost_wrong_sign(r):
    return lambda AL, Y: np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / Y.shape[1]


def backward_without_transpose(r):
    def linear_backward(dZ, cache):
        A_prev, W, b = cache
        m = A_prev.shape[1]
        return np.dot(W, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m
    return linear_backward


def backward_without_1_over_m(r):
    def linear_backward(dZ, cache):
        A_prev, W, b = cache
        m = A_prev.shape[1]
        return np.dot(W.T, dZ), np.dot(dZ, A_prev.T), np.sum(dZ, axis=1, keepdims=True) / m
    return linear_backward


def backward_db_without_keepdims(r):
    def linear_backward(dZ, cache):
        A_prev, W, b = cache
        m = A_prev.shape[1]
        return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1) / m
    return linear_backward


def activation_backward_swapped(r):
    def linear_activation_backward(dA, cache, activation):
        linear_cache, Z = cache
        dZ = r.sigmoid_backward(dA, Z) if activation == "relu" else r.relu_backward(dA, Z)
        return r.linear_backward(dZ, linear_cache)
    return linear_activation_backward


def model_backward_swapped(r):
    def L_model_backward(AL, Y, caches):
        grads, L = {}, len(caches)
        dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        grads[f"dA{L-1}"], grads[f"dW{L}"], grads[f"db{L}"] = r.linear_activation_backward(dAL, caches[L - 1], "relu")
        for l in reversed(range(1, L)):
            grads[f"dA{l-1}"], grads[f"dW{l}"], grads[f"db{l}"] = r.linear_activation_backward(
                grads[f"dA{l}"], caches[l - 1], "sigmoid")
        return grads
    return L_model_backward


def model_backward_dAL_sign(r):
    def L_model_backward(AL, Y, caches):
        grads, L = {}, len(caches)
        dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
        grads[f"dA{L-1}"], grads[f"dW{L}"], grads[f"db{L}"] = r.linear_activation_backward(dAL, caches[L - 1], "sigmoid")
        for l in reversed(range(1, L)):
            grads[f"dA{l-1}"], grads[f"dW{l}"], grads[f"db{l}"] = r.linear_activation_backward(
                grads[f"dA{l}"], caches[l - 1], "relu")
        return grads
    return L_model_backward


def model_backward_keys_from_zero(r):
    def L_model_backward(AL, Y, caches):
        grads = r.L_model_backward(AL, Y, caches)
        L = len(caches)
        out = {f"dA{l}": grads[f"dA{l}"] for l in range(L)}
        out.update({f"dW{l - 1}": grads[f"dW{l}"] for l in range(1, L + 1)})
        out.update({f"db{l - 1}": grads[f"db{l}"] for l in range(1, L + 1)})
        return out
    return L_model_backward


def model_backward_stores_dAL(r):
    def L_model_backward(AL, Y, caches):
        grads = r.L_model_backward(AL, Y, caches)
        grads[f"dA{len(caches)}"] = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        return grads
    return L_model_backward


def model_backward_without_1_over_m(r):
    def linear_backward(dZ, cache):
        A_prev, W, b = cache
        return np.dot(W.T, dZ), np.dot(dZ, A_prev.T), np.sum(dZ, axis=1, keepdims=True) / A_prev.shape[1]

    def linear_activation_backward(dA, cache, activation):
        linear_cache, Z = cache
        dZ = r.relu_backward(dA, Z) if activation == "relu" else r.sigmoid_backward(dA, Z)
        return linear_backward(dZ, linear_cache)

    def L_model_backward(AL, Y, caches):
        grads, L = {}, len(caches)
        dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        grads[f"dA{L-1}"], grads[f"dW{L}"], grads[f"db{L}"] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
        for l in reversed(range(1, L)):
            grads[f"dA{l-1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
                grads[f"dA{l}"], caches[l - 1], "relu")
        return grads
    return L_model_backward


def model_backward_reads_the_wrong_dA(r):
    def L_model_backward(AL, Y, caches):
        grads, L = {}, len(caches)
        dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        grads[f"dA{L-1}"], grads[f"dW{L}"], grads[f"db{L}"] = r.linear_activation_backward(
            dAL, caches[L - 1], "sigmoid")
        for l in reversed(range(1, L)):
            grads[f"dA{l-1}"], grads[f"dW{l}"], grads[f"db{l}"] = r.linear_activation_backward(
                grads[f"dA{l-1}"], caches[l - 1], "relu")  # the layer's own output, not yet stored
        return grads
    return L_model_backward


def update_with_plus(r):
    def update_parameters(params, grads, learning_rate):
        return {k: v + learning_rate * grads["d" + k] for k, v in params.items()}
    return update_parameters


def update_in_place(r):
    def update_parameters(params, grads, learning_rate):
        for k in list(params):
            params[k] -= learning_rate * grads["d" + k]
        return params
    return update_parameters


def update_replaces_callers_entries(r):
    def update_parameters(params, grads, learning_rate):
        for k in list(params):
            params[k] = params[k] - learning_rate * grads["d" + k]
        return params
    return update_parameters


MISTAKES = [
    ("initialize_parameters", init_without_seed, "np.random.seed(1) inside the function"),
    ("initialize_parameters", init_without_scale, "multiply np.random.randn(...) by 0.01"),
    ("initialize_parameters_deep", deep_init_seeded_outside, "np.random.seed(3) inside the function"),
    ("initialize_parameters_deep", deep_init_misses_last_layer, "the last layer is missing"),
    ("initialize_parameters_deep", deep_init_from_zero, "numbered from 1"),
    ("linear_forward", linear_forward_without_bias, "Z is missing the bias"),
    ("linear_forward", linear_forward_cache_order, "cache = (A, W, b)"),
    ("linear_activation_forward", activation_always_sigmoid, 'for activation == "relu" use relu(Z)'),
    ("linear_activation_forward", activation_cache_not_unpacked, "A, activation_cache = relu(Z)"),
    ("L_model_forward", forward_activations_swapped, 'the output layer L uses "sigmoid"'),
    ("L_model_forward", forward_forgets_the_output_cache, "caches must hold 2 caches (got 1)"),
    ("L_model_forward", forward_loop_one_layer_too_far, "matrix product don't match"),
    ("L_model_forward", forward_counts_every_entry_as_a_layer, "L = len(parameters) // 2"),
    ("L_model_forward", forward_reads_caches_past_the_end, "a list index is past its end"),
    ("L_model_forward", forward_flat_caches, "((A_prev, W, b), Z)"),
    ("L_model_forward", forward_caches_as_tuple, "caches must be a list"),
    ("compute_cost", cost_as_1_by_1, "np.squeeze"),
    ("compute_cost", cost_not_summed, "sum the per-example losses"),
    ("compute_cost", cost_wrong_sign, "minus sign in front"),
    ("linear_backward", backward_without_transpose, ".T"),
    ("linear_backward", backward_without_1_over_m, "dW is m = 4 times too large: dW and db are averages"),
    ("linear_backward", backward_db_without_keepdims, "keepdims=True"),
    ("linear_activation_backward", activation_backward_swapped, "use relu_backward for"),
    ("L_model_backward", model_backward_swapped, "relu_backward"),
    ("L_model_backward", model_backward_dAL_sign, "dAL = -(np.divide(Y, AL)"),
    ("L_model_backward", model_backward_keys_from_zero, "number the gradients like the layers"),
    ("L_model_backward", model_backward_stores_dAL, "is where the backward pass starts"),
    ("L_model_backward", model_backward_without_1_over_m, "times too large: every dW and db is an average"),
    ("L_model_backward", model_backward_reads_the_wrong_dA, "grads has no entry 'dA"),
    ("update_parameters", update_with_plus, "gradient descent subtracts"),
    ("update_parameters", update_in_place, "changed its input in place"),
    ("update_parameters", update_replaces_callers_entries, "changed its input in place"),
]


@pytest.mark.parametrize("name, make_buggy, words", MISTAKES,
                         ids=[f"{m[0]}-{m[1].__name__}" for m in MISTAKES])
def test_typical_mistake_is_named(ref, name, make_buggy, words):
    report = _diagnosis(name, make_buggy(ref))
    assert f"✗ {name}" in report
    assert words in report, report


def test_the_sigmoid_branch_of_a_swap_is_named_too(ref):
    def relu_everywhere(A_prev, W, b, activation):
        Z, linear_cache = ref.linear_forward(A_prev, W, b)
        A, Z = ref.relu(Z)
        return A, (linear_cache, Z)
    report = _diagnosis("linear_activation_forward", relu_everywhere)
    assert 'for activation == "sigmoid" use sigmoid(Z)' in report


def test_stub_says_not_implemented_yet():
    def stub(X, parameters):
        raise NotImplementedError()
    report = _diagnosis("L_model_forward", stub)
    assert "not implemented yet" in report and "Traceback" not in report


def test_grads_with_wrong_keys_list_the_missing_and_unexpected_ones(ref):
    report = _diagnosis("L_model_backward", model_backward_keys_from_zero(ref))
    assert "missing: " in report and "'dW0'" in report


def test_a_correct_function_is_not_blamed_for_the_global_seed(ref, capsys):
    """The initialisers' checks set other global seeds first: the reference still passes, and the
    global state they leave behind does not change the next check's outcome."""
    np.random.seed(123)
    checks.check_initialize_parameters_deep(ref.initialize_parameters_deep)
    checks.check_initialize_parameters(ref.initialize_parameters)
    assert capsys.readouterr().out.count("✓ ") == 2
