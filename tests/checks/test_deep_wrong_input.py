"""The recognisers of the right arrays put together wrongly (layerlab.checks.deep_wrong_input) on
what the corpus cannot show: a network whose layers all have as many units as the input (X given
to every layer raises no error there), and products whose shapes leave the cause open (they stay
silent)."""

import numpy as np
import pytest

from conftest import reference
from layerlab.checks import deep_wrong_input as wrong_input
from layerlab.judge.outcome import ErrorInfo


@pytest.fixture(scope="module")
def ref():
    return reference("week4_deep_nn_step_by_step")


def _square_network(seed=0, n=3, m=4, L=3):
    rng = np.random.RandomState(seed)
    sizes = [n] * L + [1]
    parameters = {}
    for l in range(1, L + 1):
        parameters[f"W{l}"] = rng.randn(sizes[l], sizes[l - 1])
        parameters[f"b{l}"] = rng.randn(sizes[l], 1)
    return rng.randn(n, m), parameters


def test_x_given_to_every_layer_of_a_square_network_is_named(ref):
    X, parameters = _square_network()
    L = len(parameters) // 2
    caches, A = [], X
    for l in range(1, L):
        A, cache = ref.linear_activation_forward(X, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = ref.linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    want = ref.L_model_forward(X, parameters)
    said = wrong_input.layer_input_value((X, parameters), want, (AL, caches + [cache]))
    assert said and said.startswith("layer 2 gets X") and "(or W" not in said


def test_the_right_forward_pass_is_not_named(ref):
    X, parameters = _square_network(seed=1)
    want = ref.L_model_forward(X, parameters)
    assert wrong_input.layer_input_value((X, parameters), want, want) is None


def _dot_error(first, second):
    return ErrorInfo("ValueError", ["ValueError", "Exception", "BaseException"],
                     f"shapes ({first[0]},{first[1]}) and ({second[0]},{second[1]}) not aligned: "
                     f"{first[1]} (dim 1) != {second[0]} (dim 0)")


def test_a_product_with_x_is_named_with_the_other_reading_of_the_same_error():
    X = np.zeros((5, 4))
    parameters = {"W1": np.zeros((4, 5)), "b1": np.zeros((4, 1)), "W2": np.zeros((3, 4)),
                  "b2": np.zeros((3, 1)), "W3": np.zeros((1, 3)), "b3": np.zeros((1, 1))}
    said = wrong_input.layer_input_error((X, parameters), _dot_error((3, 4), (5, 4)))
    assert said.startswith("layer 2 gets X") and "or W2 was used in layer 1" in said


def test_a_product_whose_second_array_could_be_x_or_a_hidden_output_stays_silent():
    X = np.zeros((4, 6))  # n[0] = n[2] = 4: X and A2 cannot be told apart by their shape
    parameters = {"W1": np.zeros((3, 4)), "b1": np.zeros((3, 1)), "W2": np.zeros((4, 3)),
                  "b2": np.zeros((4, 1)), "W3": np.zeros((2, 4)), "b3": np.zeros((2, 1)),
                  "W4": np.zeros((1, 2)), "b4": np.zeros((1, 1))}
    error = _dot_error((4, 3), (4, 6))
    assert wrong_input.layer_input_error((X, parameters), error) is None
    assert wrong_input.own_output_error((X, parameters), error) is None


def test_the_weights_of_the_layer_before_are_named():
    X = np.zeros((5, 2))
    parameters = {"W1": np.zeros((4, 5)), "b1": np.zeros((4, 1)), "W2": np.zeros((1, 4)), "b2": np.zeros((1, 1))}
    said = wrong_input.own_output_error((X, parameters), _dot_error((4, 5), (4, 2)))
    assert said.startswith("W1 (shape (4, 5)) is applied to A1") and "uses W2 and b2" in said
