"""Does the week-3 playground train the student's network, redraw it in place, respond to its
controls, and name unimplemented functions instead of showing a traceback?"""

from __future__ import annotations

import asyncio

import ipywidgets as widgets
import numpy as np
import pytest

from layerlab.datasets import load_planar_dataset
from layerlab.widgets import NotReady, Playground
from layerlab.widgets import planar_data
from layerlab.widgets.other_activations import variant_forward
from layerlab.widgets.planar_trainer import LARGE_SCALE

from .conftest import reference, stub


def build(week3, **settings) -> Playground:
    return Playground(**week3, headless=True, **settings)


def test_default_settings_follow_nn_model_step_by_step(week3):
    playground = build(week3, steps_per_frame=50)
    assert playground.step() and playground.step()
    assert playground.iteration == 100 and len(playground.costs) == 100
    ns = reference("week3_planar_classification")
    expected = ns.nn_model(playground.data.X, playground.data.Y, 4, num_iterations=100)
    for name, value in expected.items():
        np.testing.assert_allclose(playground.parameters[name], value, rtol=0, atol=1e-12)
    assert playground.costs[0] == pytest.approx(np.log(2), abs=1e-3)  # tiny weights: every output ~0.5


def test_a_frame_updates_the_same_artists_in_place(week3):
    playground = build(week3, steps_per_frame=30)
    figure, axes = playground.figures.main, list(playground.figures.main.axes)
    image, scatter, line = playground.figures.boundary.image, playground.figures.boundary.scatter, playground.figures.cost_line
    before = image.get_array().copy()
    requests = figure.canvas.draw_requests
    assert playground.step()
    assert playground.figures.main is figure and playground.figures.main.axes == axes
    assert playground.figures.boundary.image is image and playground.figures.boundary.scatter is scatter
    assert playground.figures.cost_line is line
    assert not np.allclose(image.get_array(), before)          # the heat map moved
    x, y = line.get_data()
    np.testing.assert_array_equal(x, np.arange(30))
    np.testing.assert_allclose(y, playground.costs)
    assert playground.figures.boundary_line is not None               # the 0.5 contour exists now
    assert "iteration 30" in playground.figures.boundary_title.value
    assert f"{playground.train_accuracy:.1%}" in playground.figures.boundary_title.value
    assert figure.canvas.draw_requests > requests             # a redraw was asked for
    assert "iteration 30" in playground.status.text and playground.problem is None


def test_accuracies_are_measured_on_the_training_and_the_test_points(week3):
    playground = build(week3, steps_per_frame=100)
    for _ in range(10):
        playground.step()
    ns = reference("week3_planar_classification")
    data = playground.data
    assert playground.train_accuracy == pytest.approx(np.mean(ns.predict(playground.parameters, data.X) == data.Y))
    assert playground.test_accuracy == pytest.approx(np.mean(ns.predict(playground.parameters, data.X_test) == data.Y_test))
    assert data.X_test.shape == (2, 400) and not np.allclose(data.X_test, data.X)
    assert playground.train_accuracy > 0.85 and playground.test_accuracy > 0.8


def test_hidden_units_slider_starts_a_new_network(week3):
    playground = build(week3)
    playground.step()
    playground.hidden_units.value = 10
    assert playground.iteration == 0 and playground.costs == []
    assert playground.parameters["W1"].shape == (10, 2) and playground.parameters["W2"].shape == (1, 10)
    assert playground.figures.cost_line.get_data()[0].size == 0
    assert "10 tanh units" in playground.figures.boundary_title.value


def test_a_new_learning_rate_applies_from_the_next_step(week3):
    playground = build(week3, steps_per_frame=1)
    playground.step()
    before = {k: v.copy() for k, v in playground.parameters.items()}
    playground.learning_rate.value = 0.05
    assert playground.iteration == 1                           # no reset
    playground.step()
    ns = reference("week3_planar_classification")
    A2, cache = ns.forward_propagation(playground.data.X, before)
    expected = ns.update_parameters(before, ns.backward_propagation(before, cache, playground.data.X,
                                                                    playground.data.Y), learning_rate=0.05)
    for name, value in expected.items():
        np.testing.assert_allclose(playground.parameters[name], value, rtol=0, atol=1e-14)


def test_every_slider_reports_only_when_released(week3):
    playground = build(week3)
    sliders = (playground.noise, playground.hidden_units, playground.learning_rate,
               playground.steps_per_frame)
    assert all(s.continuous_update is False for s in sliders)
    assert isinstance(playground.learning_rate, widgets.FloatLogSlider) and playground.learning_rate.base == 10


def count_calls(functions):
    calls = {name: 0 for name in functions}

    def counted(name, fn):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return fn(*args, **kwargs)
        return wrapper

    return {name: counted(name, fn) for name, fn in functions.items()}, calls


def test_tanh_trains_with_the_students_functions_and_relu_with_two_backward_calls(week3):
    spied, calls = count_calls(week3)
    playground = build(spied, steps_per_frame=10)
    calls.update({name: 0 for name in calls})
    playground.step()
    assert calls["forward_propagation"] >= 10 and calls["backward_propagation"] == 10
    assert calls["compute_cost"] == 10 and calls["update_parameters"] == 10

    playground.activation.value = "relu"
    calls.update({name: 0 for name in calls})
    assert playground.step()
    assert calls["forward_propagation"] == 0 and calls["backward_propagation"] == 20
    assert calls["compute_cost"] == 10 and calls["update_parameters"] == 10
    assert "ReLU" in playground.status.text and playground.notice is None


def test_the_widget_side_passes_refuse_tanh():
    with pytest.raises(ValueError, match="student's own functions"):
        variant_forward(np.zeros((2, 1)), {}, "tanh")


def test_starting_weights(week3):
    playground = build(week3, initialization="zeros", steps_per_frame=50)
    assert all(not np.any(v) for v in playground.parameters.values())
    playground.step()
    W1 = playground.parameters["W1"]
    assert np.allclose(W1, W1[0])                              # symmetric units stay identical
    assert playground.train_accuracy == 0.5

    playground.initialization.value = "large random"
    assert np.std(playground.parameters["W1"]) > LARGE_SCALE / 3

    playground.initialization.value = "small random"
    np.random.seed(3)
    expected = reference("week3_planar_classification").initialize_parameters(2, 4, 1)
    for name, value in expected.items():
        np.testing.assert_array_equal(playground.parameters[name], value)


def test_the_students_initialization_leaves_the_global_random_state_alone(week3):
    np.random.seed(123)
    expected = np.random.rand()
    np.random.seed(123)
    build(week3)
    assert np.random.rand() == expected


def test_data_set_and_noise_controls_replace_the_points(week3):
    playground = build(week3)
    playground.step()
    playground.dataset.value = "noisy_moons"
    data = playground.data
    assert data.name == "noisy_moons" and playground.noise.value == pytest.approx(0.2)
    assert data.X.shape == (2, 200) and data.X_test.shape == (2, 200)
    np.testing.assert_allclose(playground.figures.boundary.scatter.get_offsets(), data.X.T)
    np.testing.assert_allclose(playground.figures.test_points.get_offsets(), data.X_test.T)
    grid = playground.figures.boundary.grid
    assert grid.x1[0] < data.X[0].min() and grid.x1[-1] > data.X[0].max()
    assert playground.figures.boundary.image.get_extent() == list(grid.extent) or \
        tuple(playground.figures.boundary.image.get_extent()) == grid.extent
    assert playground.iteration == 0                             # a new data set: a new network

    playground.noise.value = 0.4
    assert playground.data.noise == pytest.approx(0.4)
    assert not np.allclose(playground.data.X, data.X)
    playground.show_test.value = True
    assert playground.figures.test_points.get_visible()


def test_the_flower_is_the_courses_at_its_noise_and_the_recipe_elsewhere():
    X, Y = load_planar_dataset()
    data = planar_data.load("flower")
    np.testing.assert_array_equal(data.X, X)
    np.testing.assert_array_equal(data.Y, Y)
    X_again, Y_again = planar_data.flower(400, 0.2, seed=1)
    np.testing.assert_allclose(X_again, X, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(Y_again, Y)
    calm = planar_data.load("flower", 0.0)
    assert not np.allclose(calm.X, X)


@pytest.mark.parametrize("name", list(planar_data.DATASETS.values()))
def test_every_data_set_has_two_classes_in_training_and_test_points(name):
    data = planar_data.load(name)
    for Y in (data.Y, data.Y_test):
        assert set(np.unique(Y)) == {0.0, 1.0}
    assert data.X.shape[0] == data.X_test.shape[0] == 2


def test_unimplemented_functions_are_named_without_a_traceback(week3):
    released = dict(week3, forward_propagation=stub("forward_propagation"),
                    backward_propagation=stub("backward_propagation"))
    playground = build(released)                                # builds: no exception
    message = playground.problem
    assert message is not None
    assert "Not implemented yet: `forward_propagation`, `backward_propagation`" in message
    assert "run the cell of this widget again" in message
    assert "Traceback" not in playground.status.widget.value
    assert "<code>forward_propagation</code>" in playground.status.widget.value
    assert playground.step() is False and playground.iteration == 0
    assert playground.train_accuracy is None
    assert "cannot train yet" in playground.figures.boundary_title.value
    # the other activations need backward_propagation (called twice per step): still named
    playground.activation.value = "relu"
    assert "Not implemented yet: `backward_propagation`" in playground.problem
    assert "with a relu hidden layer" in playground.problem
    assert playground.step() is False
    # ... but not forward_propagation: with that one alone missing, ReLU trains
    only_forward = build(dict(week3, forward_propagation=stub("forward_propagation")), activation="relu")
    assert only_forward.problem is None and only_forward.step()


def test_every_released_stub_is_listed(week3):
    playground = build({name: stub(name) for name in week3})
    for name in week3:
        assert f"`{name}`" in playground.problem


def test_a_bug_in_the_students_code_is_reported_with_its_line(week3):
    def forward_propagation(X, parameters):
        Z1 = parameters["W1"] @ X.T                              # a typical shape mistake
        return Z1, {}

    playground = build(dict(week3, forward_propagation=forward_propagation))
    assert "`forward_propagation` raised ValueError" in playground.problem
    assert 'Z1 = parameters["W1"] @ X.T' in playground.problem
    assert playground.step() is False


def test_a_too_large_learning_rate_stops_with_an_explanation(week3):
    playground = build(week3, activation="leaky relu", initialization="large random",
                       hidden_units=20, learning_rate=10)
    results = [playground.step() for _ in range(25)]
    assert results[-1] is False
    assert "learning rate is too large" in playground.problem
    assert playground.run_button.disabled and playground.step_button.disabled   # until Reset
    playground.reset_button.click()
    assert not playground.run_button.disabled and playground.problem is None


def test_run_pause_and_controls_while_training(week3):
    playground = build(week3, steps_per_frame=5)

    async def scenario():
        playground.run_button.click()
        await asyncio.sleep(0.3)
        assert playground.runner.running and playground.run_button.disabled
        assert playground.iteration > 0
        playground.hidden_units.value = 7                      # resets, keeps running
        assert playground.parameters["W1"].shape == (7, 2)
        await asyncio.sleep(0.3)
        assert playground.runner.running and playground.iteration > 0
        playground.pause_button.click()
        await asyncio.sleep(0.2)
        assert not playground.runner.running
        stopped_at = playground.iteration
        await asyncio.sleep(0.2)
        assert playground.iteration == stopped_at               # paused means paused
        assert not playground.run_button.disabled and playground.pause_button.disabled
        playground.step_button.click()
        assert playground.iteration == stopped_at + 5
        playground.reset_button.click()
        assert playground.iteration == 0

    asyncio.run(scenario())


def test_a_problem_met_while_running_stays_on_screen(week3):
    playground = build(week3, activation="leaky relu", initialization="large random",
                       hidden_units=20, learning_rate=10, steps_per_frame=50)

    async def scenario():
        playground.run()
        for _ in range(100):
            await asyncio.sleep(0.05)
            if not playground.runner.running:
                break

    asyncio.run(scenario())
    assert not playground.runner.running
    assert "learning rate is too large" in playground.problem


def test_run_with_an_unimplemented_function_shows_the_message(week3):
    playground = build(dict(week3, compute_cost=stub("compute_cost")))

    async def scenario():
        playground.run_button.click()
        await asyncio.sleep(0.1)
        assert not playground.runner.running

    asyncio.run(scenario())
    assert "`compute_cost`" in playground.problem


def test_outside_an_event_loop_run_says_what_to_do(week3):
    playground = build(week3)
    with pytest.raises(RuntimeError, match="step"):
        playground.run()


def descendants(widget) -> list:
    found = []
    for child in getattr(widget, "children", ()):
        found += [child] + descendants(child)
    return found


def test_the_interactive_figure_is_an_ipympl_canvas_in_the_widget(week3):
    from ipympl.backend_nbagg import Canvas

    playground = Playground(**week3)
    for figure in (playground.figures.main, playground.figures.units):
        assert isinstance(figure.canvas, Canvas)
        assert figure.canvas in descendants(playground.widget)
    assert playground.step()
    assert "application/vnd.jupyter.widget-view+json" in playground._repr_mimebundle_()


def test_a_missing_function_argument_is_a_clear_error(week3):
    del week3["compute_cost"]
    with pytest.raises(TypeError, match="compute_cost="):
        Playground(**week3, headless=True)


def test_not_ready_renders_code_names():
    problem = NotReady("`f` is not <ready>")
    assert problem.html() == "<code>f</code> is not &lt;ready&gt;"
