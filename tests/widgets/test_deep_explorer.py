"""Does the week-4 explorer train deep networks with the building blocks, follow L_layer_model,
respond to its depth and width sliders, and keep its gallery of mislabeled pictures current?"""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from layerlab.widgets import DeepNetworkExplorer

from .conftest import reference, stub


def build(week4, small_pictures, **settings) -> DeepNetworkExplorer:
    settings.setdefault("steps_per_frame", 5)
    settings.setdefault("hidden_layers", (6, 4))
    settings.setdefault("num_iterations", 40)
    return DeepNetworkExplorer(**week4, data=small_pictures, headless=True, **settings)


def test_it_follows_L_layer_model_step_by_step(week4, small_pictures):
    explorer = build(week4, small_pictures, learning_rate=0.05)
    assert explorer.layers_dims == [192, 6, 4, 1]
    assert explorer.step() and explorer.step() and explorer.iteration == 10
    parameters, costs = reference("week4_deep_nn_application").L_layer_model(
        explorer.X, explorer.Y, explorer.layers_dims, learning_rate=0.05, num_iterations=10)
    for name, value in parameters.items():
        np.testing.assert_allclose(explorer.parameters[name], value, rtol=0, atol=1e-13)
    assert explorer.costs[0] == pytest.approx(costs[0])
    x, y = explorer.cost_line.get_data()
    np.testing.assert_array_equal(x, np.arange(10))


def test_depth_and_width_sliders_change_the_network(week4, small_pictures):
    explorer = build(week4, small_pictures)
    explorer.step()
    explorer.depth.value = 1
    assert explorer.layers_dims == [192, 6, 1] and explorer.iteration == 0
    assert sorted(explorer.parameters) == ["W1", "W2", "b1", "b2"]
    assert [w.disabled for w in explorer.widths] == [False, True, True, True]
    explorer.widths[0].value = 9
    assert explorer.parameters["W1"].shape == (9, 192) and "192 → 9 → 1" in explorer.architecture.value
    explorer.depth.value = 0                                        # logistic regression
    assert explorer.layers_dims == [192, 1] and explorer.step()
    assert all(s.continuous_update is False for s in (explorer.depth, *explorer.widths,
                                                      explorer.learning_rate, explorer.num_iterations))


def test_the_gallery_shows_the_mislabeled_test_pictures(week4, small_pictures):
    explorer = build(week4, small_pictures, learning_rate=0.1, num_iterations=20)
    images = list(explorer.gallery_images)
    while explorer.step():
        pass
    _, _, test_x, test_y, _ = small_pictures
    output, _ = reference("week4_deep_nn_application").L_model_forward(explorer.X_test, explorer.parameters)
    wrong = np.flatnonzero((output > 0.5).astype(int).ravel() != test_y.ravel())
    np.testing.assert_array_equal(explorer.mislabeled, wrong)
    assert explorer.gallery_images == images                          # the same artists, new data
    shown = [ax for ax in explorer.gallery_axes if ax.get_visible()]
    assert len(shown) == min(len(wrong), len(images))
    for k, index in enumerate(wrong[:len(images)]):
        np.testing.assert_array_equal(explorer.gallery_images[k].get_array(), test_x[index])
        assert explorer.gallery_captions[k].get_text().startswith(f"#{index} says ")
        assert f"p(cat) = {output[0, index]:.2f}" in explorer.gallery_captions[k].get_text()
    assert f"{len(wrong)} of 20 test pictures mislabeled" in explorer.gallery_title.get_text()
    assert explorer.test_accuracy == pytest.approx(1 - len(wrong) / 20)


def test_it_stops_at_the_number_of_iterations(week4, small_pictures):
    explorer = build(week4, small_pictures, num_iterations=100, steps_per_frame=30)
    results = []
    while True:
        results.append(explorer.step())
        if not results[-1]:
            break
    assert explorer.iteration == 100 and results == [True, True, True, False]
    assert "done" in explorer.status.text
    assert explorer.step() is False and explorer.iteration == 100
    explorer.num_iterations.value = 200                              # more: training goes on
    assert explorer.step() and explorer.iteration == 130


def test_a_stub_is_named(week4, small_pictures):
    explorer = build(dict(week4, L_model_backward=stub("L_model_backward")), small_pictures)
    assert "Not implemented yet: `L_model_backward`" in explorer.problem
    assert explorer.step() is False and explorer.iteration == 0


def test_training_in_the_background(week4, small_pictures):
    explorer = build(week4, small_pictures, num_iterations=5000, steps_per_frame=2)

    async def scenario():
        explorer.run_button.click()
        await asyncio.sleep(0.3)
        assert explorer.runner.running and explorer.iteration > 0
        explorer.widths[1].value = 3                                  # resets, keeps running
        await asyncio.sleep(0.2)
        assert explorer.parameters["W2"].shape == (3, 6) and explorer.runner.running
        explorer.pause_button.click()
        await asyncio.sleep(0.2)
        assert not explorer.runner.running

    asyncio.run(scenario())
