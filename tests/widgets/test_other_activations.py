"""Does the playground train ReLU, leaky ReLU and sigmoid hidden layers with the student's own
``backward_propagation`` (two calls per step), with right gradients, no backward pass of its own,
and a clear message plus a fallback to tanh when the student's function takes tanh's slope from
Z1?"""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

from layerlab.widgets import Playground
from layerlab.widgets import other_activations
from layerlab.widgets.other_activations import (OTHER_ACTIVATIONS, TOLERANCE, check_tanh,
                                                check_two_calls, slope_cache, variant_forward,
                                                variant_gradients)

from .conftest import reference

WEEK3 = "week3_planar_classification"


def build(functions, **settings) -> Playground:
    return Playground(**functions, headless=True, **settings)


def slope_from_Z1(backward_propagation):
    """A correct tanh backward_propagation that takes tanh's slope from cache["Z1"] (as
    1 - tanh(Z1)**2) instead of from cache["A1"]: made of two calls of ``backward_propagation``
    (the outer layer's gradients with the cache's A1, the hidden layer's with A1 = tanh(Z1))."""
    def backward(parameters, cache, X, Y):
        outer = backward_propagation(parameters, cache, X, Y)
        inner = backward_propagation(parameters, dict(cache, A1=np.tanh(cache["Z1"])), X, Y)
        return {"dW1": inner["dW1"], "db1": inner["db1"], "dW2": outer["dW2"], "db2": outer["db2"]}
    return backward


def numerical_gradients(cost, params, eps=1e-6):
    grads = {}
    for name, value in params.items():
        numeric = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            plus = {k: v.copy() for k, v in params.items()}
            minus = {k: v.copy() for k, v in params.items()}
            plus[name][index] += eps
            minus[name][index] -= eps
            numeric[index] = (cost(plus) - cost(minus)) / (2 * eps)
        grads["d" + name] = numeric
    return grads


@pytest.mark.parametrize("activation", sorted(OTHER_ACTIVATIONS))
def test_two_calls_of_the_students_backward_give_the_finite_difference_gradient(activation):
    ns = reference(WEEK3)
    rng = np.random.RandomState(1)
    X, Y = rng.randn(2, 7), (rng.rand(1, 7) > 0.5).astype(float)
    params = {"W1": rng.randn(5, 2), "b1": rng.randn(5, 1), "W2": rng.randn(1, 5), "b2": rng.randn(1, 1)}
    assert np.abs(params["W1"] @ X + params["b1"]).min() > 1e-3   # no ReLU kink within eps

    def cost(p):
        return ns.compute_cost(variant_forward(X, p, activation)[0], Y)

    _, cache = variant_forward(X, params, activation)
    grads = variant_gradients(ns.backward_propagation, params, cache, X, Y, activation)
    numeric = numerical_gradients(cost, params)
    for name in params:
        assert grads["d" + name].shape == params[name].shape
        np.testing.assert_allclose(grads["d" + name], numeric["d" + name], rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("activation", sorted(OTHER_ACTIVATIONS))
def test_the_second_cache_turns_tanhs_slope_into_the_activations(activation):
    z = np.linspace(-4, 4, 81).reshape(3, 27) + 1e-3            # no z exactly at 0
    value = OTHER_ACTIVATIONS[activation].value
    cache = {"Z1": z, "A1": value(z), "Z2": np.zeros((1, 27)), "A2": np.full((1, 27), 0.5)}
    second = slope_cache(cache, activation)
    eps = 1e-6
    expected = (value(z + eps) - value(z - eps)) / (2 * eps)
    np.testing.assert_allclose(1 - second["A1"] ** 2, expected, atol=1e-8)
    assert second["Z1"] is z and cache["A1"] is not second["A1"]  # the caller's cache is kept


def test_the_check_accepts_the_notebooks_backward_and_rejects_a_slope_from_Z1():
    ns = reference(WEEK3)
    Z1_version = slope_from_Z1(ns.backward_propagation)
    for activation in OTHER_ACTIVATIONS:
        assert check_two_calls(ns.compute_cost, ns.backward_propagation, activation) < 1e-8
        assert check_two_calls(ns.compute_cost, Z1_version, activation) > 0.3
    # both are right for tanh: the check of the student's own network cannot tell them apart
    assert check_tanh(ns.forward_propagation, ns.compute_cost, ns.backward_propagation) < 1e-8
    assert check_tanh(ns.forward_propagation, ns.compute_cost, Z1_version) < 1e-8
    assert TOLERANCE <= 1e-3


def test_a_slope_from_Z1_gets_the_message_and_the_playground_goes_back_to_tanh(week3):
    students = dict(week3, backward_propagation=slope_from_Z1(week3["backward_propagation"]))
    playground = build(students)
    assert playground.notice is None
    playground.activation.value = "relu"
    assert playground.activation.value == "tanh"                # fell back
    notice = playground.notice
    assert "take the slope from cache[\"A1\"]" in notice and "from the cache's A1" in notice
    assert "notebook's equations" in notice and "went back to tanh" in notice
    assert "`backward_propagation`" in notice and "ReLU" in notice
    assert playground.problem is None                           # training goes on, with tanh
    assert notice in playground.status.text
    assert "<code>backward_propagation</code>" in playground.status.widget.value
    assert "Traceback" not in playground.status.widget.value
    assert playground.step() and playground.iteration == 20
    assert notice in playground.status.text and "4 tanh units" in playground.status.text
    expected = reference(WEEK3).nn_model(playground.data.X, playground.data.Y, 4, num_iterations=20)
    for name, value in expected.items():                        # the student's tanh network
        np.testing.assert_allclose(playground.parameters[name], value, rtol=0, atol=1e-12)

    playground.reset_button.click()                             # a new start: the notice goes
    assert playground.notice is None and notice not in playground.status.text

    started_with_sigmoid = build(students, activation="sigmoid")
    assert started_with_sigmoid.activation.value == "tanh" and "sigmoid's" in started_with_sigmoid.notice


def test_a_wrong_gradient_gets_another_message(week3):
    def backward_propagation(parameters, cache, X, Y):          # a typical mistake: no 1/m
        grads = week3["backward_propagation"](parameters, cache, X, Y)
        return {name: value * X.shape[1] for name, value in grads.items()}

    playground = build(dict(week3, backward_propagation=backward_propagation), activation="leaky relu")
    assert playground.activation.value == "tanh"
    assert "do not match the slope of your `compute_cost`" in playground.notice
    assert "graded test" in playground.notice


def test_a_backward_that_raises_is_named(week3):
    calls = {"n": 0}

    def backward_propagation(parameters, cache, X, Y):
        calls["n"] += 1
        if calls["n"] > 1:                                      # the probe's call works
            raise KeyError("dZ1")
        return week3["backward_propagation"](parameters, cache, X, Y)

    playground = build(dict(week3, backward_propagation=backward_propagation), activation="relu")
    assert "`backward_propagation` raised KeyError" in playground.problem
    assert playground.step() is False


@pytest.mark.parametrize("activation", sorted(OTHER_ACTIVATIONS))
def test_training_with_the_other_activations_lowers_the_cost(week3, activation):
    playground = build(week3, activation=activation, learning_rate=0.5, steps_per_frame=100)
    for _ in range(10):
        assert playground.step()
    assert playground.activation.value == activation and playground.notice is None
    costs = np.asarray(playground.costs)
    assert costs[0] == pytest.approx(np.log(2), abs=1e-3)
    assert costs[-1] < 0.9 * costs[0]
    assert np.all(np.diff(costs[:100]) < 0)                    # downhill from the start
    assert playground.train_accuracy > 0.6


def test_there_is_no_backward_pass_in_the_playgrounds_modules():
    """No product with a transposed array (dZ2 A1ᵀ, W2ᵀ dZ2, dZ1 Xᵀ: what a backward pass
    computes) and no gradient written in the modules that train the other activations or draw the units."""
    folder = Path(other_activations.__file__).parent
    for module in ("other_activations.py", "planar_trainer.py", "playground_checks.py", "planar_playground.py",
                   "playground_figures.py", "unit_views.py"):
        tree = ast.parse((folder / module).read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
                for side in (node.left, node.right):
                    assert not (isinstance(side, ast.Attribute) and side.attr == "T"), module
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("dot", "matmul", "outer"):
                raise AssertionError(f"{module} calls {node.func.attr}")
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                assert not keys & {"dW1", "db1", "dW2", "db2"} or all(
                    isinstance(v, ast.Subscript) for v in node.values), module
