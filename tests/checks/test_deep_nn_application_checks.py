"""Do the public checks of the deep network application pass the reference, and say what only the
public check shows (the typical mistakes and their diagnoses are the notebook's corpus,
tests/corpus/deep_nn_application.py, run through both judges in tests/judge)?

The buggy models are written with the reference building blocks, as a student's would be with
correct blocks (they come through the application's reference namespace).
"""

import re

import numpy as np
import pytest

from conftest import reference
from layerlab.checks import CheckFailed
from layerlab.checks import deep_nn_application as checks


@pytest.fixture(scope="module")
def app():
    return reference("week4_deep_nn_application")


@pytest.mark.parametrize("name", sorted(checks.SPECS))
def test_reference_passes_every_public_check(app, name, capsys):
    getattr(checks, f"check_{name}")(getattr(app, name))
    out = capsys.readouterr().out
    assert f"✓ {name} passed " in out
    assert "Cost after" not in out  # print_cost stays False in the checks


def test_every_case_sets_a_global_seed_other_than_1():
    for spec in checks.SPECS.values():
        for case in spec.cases:
            case.make()
            state = np.random.get_state()[1][:5]
            np.random.seed(1)
            assert not np.array_equal(state, np.random.get_state()[1][:5]), case.label


def _diagnosis(name, fn):
    with pytest.raises(CheckFailed) as info:
        getattr(checks, f"check_{name}")(fn)
    return re.sub(r"\x1b\[[0-9;]*m", "", info.value.report)  # without terminal colours


def _deep_init(layers_dims, scale=None):
    params = {}
    for l in range(1, len(layers_dims)):
        factor = scale if scale is not None else 1 / np.sqrt(layers_dims[l - 1])
        params[f"W{l}"] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * factor
        params[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return params


def L_model(app, *, seed=True, scale=None, reinit_inside=False, keep_update=True, every=100,
            fixed_rate=None, redraw_inside=False, init_before=True):
    """An L_layer_model with the given mistake switched on."""
    def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
        if seed:
            np.random.seed(1)
        if init_before:
            parameters = _deep_init(layers_dims, scale)
        costs = []
        for i in range(num_iterations):
            if reinit_inside:
                np.random.seed(1)
                parameters = _deep_init(layers_dims, scale)
            if redraw_inside:  # new random parameters at every iteration, without a new seed
                parameters = _deep_init(layers_dims, scale)
            AL, caches = app.L_model_forward(X, parameters)
            cost = app.compute_cost(AL, Y)
            grads = app.L_model_backward(AL, Y, caches)
            updated = app.update_parameters(parameters, grads, fixed_rate or learning_rate)
            if keep_update:
                parameters = updated
            if i % every == 0:
                costs.append(cost)
        return parameters, costs
    return L_layer_model


def two_layer(app, *, init="initialize_parameters", reinit_inside=False):
    def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
        np.random.seed(1)
        n_x, n_h, n_y = layers_dims

        def start():
            if init == "deep":  # the step-by-step's other initialiser, which seeds 3
                return reference("week4_deep_nn_step_by_step").initialize_parameters_deep([n_x, n_h, n_y])
            return app.initialize_parameters(n_x, n_h, n_y)

        parameters, costs = start(), []
        for i in range(num_iterations):
            if reinit_inside:
                parameters = start()
            A1, c1 = app.linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
            A2, c2 = app.linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
            cost = app.compute_cost(A2, Y)
            dA1, dW2, db2 = app.linear_activation_backward(-(Y / A2 - (1 - Y) / (1 - A2)), c2, "sigmoid")
            _, dW1, db1 = app.linear_activation_backward(dA1, c1, "relu")
            parameters = app.update_parameters(parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2},
                                               learning_rate)
            if i % 100 == 0:
                costs.append(cost)
        return parameters, costs
    return two_layer_model


def test_parameters_drawn_anew_in_the_loop_do_not_get_the_seed_advice(app):
    """Drawing twice before the first iteration changes the first cost too; the advice is still
    about the loop, not about the seed."""
    report = _diagnosis("L_layer_model", L_model(app, redraw_inside=True))
    assert "the very first cost already differs, and the cost does not come down" in report, report
    assert "call np.random.seed(1)" not in report, report


def test_reinitialising_the_two_layer_model_inside_the_loop_is_named(app):
    report = _diagnosis("two_layer_model", two_layer(app, reinit_inside=True))
    assert "the cost never changes" in report, report


def test_the_two_layer_model_must_start_from_initialize_parameters(app):
    report = _diagnosis("two_layer_model", two_layer(app, init="deep"))
    assert "initialize_parameters(n_x, n_h, n_y)" in report, report


def test_a_reference_two_layer_model_written_independently_passes(app, capsys):
    checks.check_two_layer_model(two_layer(app))
    assert "✓ " in capsys.readouterr().out


def test_stub_says_not_implemented_yet():
    def stub(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
        raise NotImplementedError()
    report = _diagnosis("L_layer_model", stub)
    assert "not implemented yet" in report and "Traceback" not in report


def test_a_model_that_trains_another_way_gets_the_costs_not_every_weight(app):
    """The report shows the recorded costs side by side and names the parameters once, instead of
    listing every weight's differences."""
    report = _diagnosis("L_layer_model", L_model(app, fixed_rate=0.0075))
    assert "the costs: 3 of the 4 recorded costs differ, the first at entry 1 (iteration 100)" in report
    assert re.search(r"expected \[0\.825386, .*\]\n\s+got      \[0\.825386, ", report), report
    assert "the trained parameters: W1, b1, W2, b2, W3, b3 differ" in report
    assert "['W1']" not in report
    assert len(report.splitlines()) < 25, report


def test_parameter_differences_stay_in_full_when_the_costs_match():
    from layerlab.checks.compare import compare
    from layerlab.checks.training_report import condense_training

    want = ({"W1": np.ones((2, 2))}, [np.array(0.5), np.array(0.4)])
    got = ({"W1": np.zeros((2, 2))}, [np.array(0.5), np.array(0.4)])
    problems = compare(want, got)
    assert condense_training(problems, want, got) == problems
