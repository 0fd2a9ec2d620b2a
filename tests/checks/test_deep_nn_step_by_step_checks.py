"""Do the public checks of the deep network step by step pass the reference, and say what only the
public check says (the list of missing keys, a stub)? The typical mistakes and their diagnoses are
in the notebook's corpus (tests/corpus/deep_nn_step_by_step.py), run through both judges in
tests/judge."""

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


# ------------------------------------------------------------------------------ a buggy version

def model_backward_keys_from_zero(r):
    def L_model_backward(AL, Y, caches):
        grads = r.L_model_backward(AL, Y, caches)
        L = len(caches)
        out = {f"dA{l}": grads[f"dA{l}"] for l in range(L)}
        out.update({f"dW{l - 1}": grads[f"dW{l}"] for l in range(1, L + 1)})
        out.update({f"db{l - 1}": grads[f"db{l}"] for l in range(1, L + 1)})
        return out
    return L_model_backward


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
