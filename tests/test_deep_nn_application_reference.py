"""Do the reference models of the deep network application follow the course's conventions (seed 1,
the initialisations, a cost every 100 iterations), and do they learn?

The fast tests use small made-up problems. The slow ones train on the cat pictures: on the course's
own files (``../shared/data/catvnoncat``, skipped when absent) the first 500 iterations must give
the costs the course publishes, which pins down every seeding and initialisation convention.
"""

import math

import numpy as np
import pytest

from conftest import SHARED_DATA, reference


@pytest.fixture(scope="module")
def app():
    return reference("week4_deep_nn_application")


@pytest.fixture(scope="module")
def dnn():
    return reference("week4_deep_nn_step_by_step")


def _problem(seed=0, n_x=4, m=12):
    rng = np.random.RandomState(seed)
    X = rng.randn(n_x, m)
    Y = (X[0:1] + 0.5 * X[1:2] > 0).astype(int)
    return X, Y


# ------------------------------------------------------------------------------ initialisation

def test_two_layer_model_starts_from_the_seed_1_initialiser(app, dnn):
    X, Y = _problem()
    np.random.seed(99)
    parameters, costs = app.two_layer_model(X, Y, (4, 3, 1), num_iterations=0)
    assert costs == []
    expected = dnn.initialize_parameters(4, 3, 1)
    assert all(np.array_equal(parameters[k], expected[k]) for k in expected)


def test_L_layer_model_starts_from_seed_1_weights_scaled_by_one_over_sqrt_n(app):
    X, Y = _problem()
    np.random.seed(99)
    parameters, _ = app.L_layer_model(X, Y, [4, 3, 2, 1], num_iterations=0)
    draws = np.random.RandomState(1)
    for l, (n_prev, n) in enumerate([(4, 3), (3, 2), (2, 1)], start=1):
        np.testing.assert_array_equal(parameters[f"W{l}"], draws.randn(n, n_prev) / math.sqrt(n_prev))
        np.testing.assert_array_equal(parameters[f"b{l}"], np.zeros((n, 1)))


# ------------------------------------------------------------------------------ one iteration by hand

def test_one_iteration_of_two_layer_model_is_forward_cost_backward_update(app, dnn):
    X, Y = _problem(1)
    parameters, costs = app.two_layer_model(X, Y, (4, 3, 1), learning_rate=0.5, num_iterations=1)
    start = dnn.initialize_parameters(4, 3, 1)
    AL, caches = dnn.L_model_forward(X, start)
    assert len(costs) == 1 and float(costs[0]) == pytest.approx(float(dnn.compute_cost(AL, Y)))
    assert float(costs[0]) == pytest.approx(math.log(2), abs=1e-3)  # tiny weights: every output ~ 0.5
    expected = dnn.update_parameters(start, dnn.L_model_backward(AL, Y, caches), 0.5)
    for k in expected:
        np.testing.assert_allclose(parameters[k], expected[k], rtol=1e-12, atol=1e-15)


def test_one_iteration_of_L_layer_model_is_forward_cost_backward_update(app, dnn):
    X, Y = _problem(2)
    start, _ = app.L_layer_model(X, Y, [4, 3, 2, 1], num_iterations=0)
    parameters, costs = app.L_layer_model(X, Y, [4, 3, 2, 1], learning_rate=0.3, num_iterations=1)
    AL, caches = dnn.L_model_forward(X, start)
    assert float(costs[0]) == pytest.approx(float(dnn.compute_cost(AL, Y)))
    expected = dnn.update_parameters(start, dnn.L_model_backward(AL, Y, caches), 0.3)
    for k in expected:
        np.testing.assert_allclose(parameters[k], expected[k], rtol=1e-12, atol=1e-15)


# ------------------------------------------------------------------------------ recording and printing

@pytest.mark.parametrize("num_iterations, recorded", [(1, 1), (100, 1), (101, 2), (250, 3)])
def test_a_cost_is_recorded_at_iterations_0_100_200(app, num_iterations, recorded):
    X, Y = _problem(3)
    for model, dims in [(app.two_layer_model, (4, 3, 1)), (app.L_layer_model, [4, 3, 1])]:
        _, costs = model(X, Y, dims, num_iterations=num_iterations)
        assert len(costs) == recorded
        assert all(np.ndim(c) == 0 for c in costs)


def test_print_cost_reports_every_100_iterations_and_the_last(app, capsys):
    X, Y = _problem(4)
    app.L_layer_model(X, Y, [4, 3, 1], num_iterations=250, print_cost=True)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Cost after iteration 0", "Cost after iteration 100", "Cost after iteration 200",
        "Cost after iteration 249"]
    app.L_layer_model(X, Y, [4, 3, 1], num_iterations=250)
    assert capsys.readouterr().out == ""


def test_both_models_learn_a_small_problem(app):
    X, Y = _problem(5, m=20)
    for model, dims, rate in [(app.two_layer_model, (4, 5, 1), 0.5), (app.L_layer_model, [4, 5, 3, 1], 0.1)]:
        parameters, costs = model(X, Y, dims, learning_rate=rate, num_iterations=1001)
        costs = [float(c) for c in costs]
        assert costs[-1] < 0.5 * costs[0] and costs == sorted(costs, reverse=True)
        assert np.mean(app.predict(X, parameters) == Y) >= 0.9


def test_inputs_are_not_modified(app):
    X, Y = _problem(6)
    X0, Y0 = X.copy(), Y.copy()
    app.L_layer_model(X, Y, [4, 3, 1], num_iterations=5)
    app.two_layer_model(X, Y, (4, 3, 1), num_iterations=5)
    assert np.array_equal(X, X0) and np.array_equal(Y, Y0)


def test_provided_predict_and_accuracy(app):
    params = {"W1": np.array([[1.0, -1.0]]), "b1": np.array([[0.0]])}
    X = np.array([[2.0, 0.0, 1.0], [1.0, 3.0, 1.0]])
    predictions = app.predict(X, params)
    np.testing.assert_array_equal(predictions, [[1, 0, 0]])  # outputs sigma(1), sigma(-3), sigma(0)
    assert app.accuracy(predictions, np.array([[1, 1, 0]])) == pytest.approx(2 / 3)


# ------------------------------------------------------------------------------ the cat pictures

COURSE_COSTS = {  # published by the course for its own files, iterations 0, 100, ..., 500
    "two_layer_model": [0.693050, 0.646432, 0.632514, 0.601502, 0.560197, 0.515830],
    "L_layer_model": [0.771749, 0.672053, 0.648263, 0.611507, 0.567047, 0.540138],
}


def _flattened(data_dir=None):
    from layerlab.datasets import load_dataset

    train_x_orig, train_y, test_x_orig, test_y, _ = load_dataset(data_dir)
    flat = lambda x: x.reshape(x.shape[0], -1).T / 255
    return flat(train_x_orig), train_y, flat(test_x_orig), test_y


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED_DATA / "catvnoncat").is_dir(), reason="../shared/data/catvnoncat not present")
@pytest.mark.parametrize("model, dims", [("two_layer_model", (12288, 7, 1)),
                                         ("L_layer_model", [12288, 20, 7, 5, 1])])
def test_the_first_500_iterations_on_the_course_files_give_the_published_costs(app, model, dims):
    train_x, train_y, _, _ = _flattened(SHARED_DATA / "catvnoncat")
    _, costs = getattr(app, model)(train_x, train_y, dims, num_iterations=501)
    np.testing.assert_allclose([float(c) for c in costs], COURSE_COSTS[model], atol=5e-7)


@pytest.mark.slow
def test_the_4_layer_network_learns_the_generated_pictures(app):
    train_x, train_y, _, _ = _flattened()
    parameters, costs = app.L_layer_model(train_x, train_y, [12288, 20, 7, 5, 1], num_iterations=301)
    costs = [float(c) for c in costs]
    assert costs[-1] < costs[0]
    assert np.mean(app.predict(train_x, parameters) == train_y) > 0.6
