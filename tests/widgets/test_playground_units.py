"""The playground's unit views, shared settings, Reset's new seed, and the functions it blames.

Headless: the unit maps and the large unit map equal the hidden activations computed here from the
weights; the network drawing's links follow the weights; a shared line restores the setting and,
with the same seed, the same cost curve (learning-rate changes included)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from layerlab.widgets import Playground, planar_data
from layerlab.widgets.planar_trainer import PlanarTrainer
from layerlab.widgets.playground_setting import Setting
from layerlab.widgets.student import StudentFunctions
from layerlab.widgets.unit_views import NEGATIVE, POSITIVE, TILE_RESOLUTION

from .conftest import reference, stub


def build(week3, **settings) -> Playground:
    return Playground(**week3, headless=True, **settings)


def direct(points, parameters, activation):
    """g(W1 x + b1) for every hidden unit, written out here: (n_h, k)."""
    Z1 = parameters["W1"] @ points + parameters["b1"]
    return {"tanh": np.tanh(Z1), "relu": np.maximum(Z1, 0)}[activation]


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_unit_maps_are_the_hidden_activations_of_the_current_weights(week3, activation):
    playground = build(week3, hidden_units=6, activation=activation, learning_rate=0.5, steps_per_frame=40)
    maps = playground.figures.maps
    for _ in range(2):
        assert playground.step()
        small = maps.small_grid
        expected = direct(small.points, playground.parameters, activation)
        assert maps.tiles.shape == (6, TILE_RESOLUTION, TILE_RESOLUTION)
        np.testing.assert_allclose(maps.tiles.reshape(6, -1), expected, rtol=1e-12, atol=1e-12)
        # the one image shows tile k at row k // columns, column k % columns, x2 upwards
        image, step = np.asarray(maps.mosaic.get_array()), TILE_RESOLUTION + 1
        for k in range(6):
            row, column = divmod(k, maps.columns)
            shown = image[row * step:row * step + TILE_RESOLUTION, column * step:column * step + TILE_RESOLUTION]
            np.testing.assert_allclose(shown[::-1].ravel(), expected[k], atol=1e-12)
    if activation == "tanh":  # the student's own hidden layer gives the same maps
        _, cache = reference("week3_planar_classification").forward_propagation(small.points, playground.parameters)
        np.testing.assert_allclose(maps.tiles.reshape(6, -1), cache["A1"], atol=1e-12)
    playground.unit.value = 4
    grid = playground.figures.boundary.grid
    large = direct(grid.points, playground.parameters, activation)[4].reshape(grid.shape)
    np.testing.assert_allclose(np.asarray(playground.figures.maps.large_image.get_array()), large, atol=1e-12)
    assert "hidden unit 5 of 6" in playground.figures.unit_title.value


def test_the_network_drawing_shows_every_weights_size_and_sign(week3):
    playground = build(week3, hidden_units=5, steps_per_frame=50)
    playground.step()
    links = playground.figures.drawing.links
    weights = np.concatenate([playground.parameters["W1"].ravel(), playground.parameters["W2"].ravel()])
    assert len(links.get_segments()) == 15
    widths = np.asarray(links.get_linewidths())
    assert np.argmax(widths) == np.argmax(np.abs(weights)) and np.argmin(widths) == np.argmin(np.abs(weights))
    assert np.all(np.diff(widths[np.argsort(np.abs(weights))]) >= -1e-12)   # wider for larger
    colours = links.get_colors()
    styles = links.get_linestyles()
    solid = styles[int(np.argmax(weights))]
    for k, w in enumerate(weights):
        expected = POSITIVE if w >= 0 else NEGATIVE
        np.testing.assert_allclose(colours[k][:3], np.array([int(expected[i:i + 2], 16) for i in (1, 3, 5)]) / 255)
        assert (styles[k] == solid) == (w >= 0)              # the sign is also the line style
    assert any(w < 0 for w in weights) and any(w > 0 for w in weights)


def test_pointing_at_a_units_map_or_choosing_it_shows_it_large(week3):
    playground = build(week3, hidden_units=10)
    maps = playground.figures.maps
    assert [label for label, _ in playground.unit.options] == [f"unit {k}" for k in range(1, 11)]
    step = TILE_RESOLUTION + 1
    row, column = divmod(7, maps.columns)
    event = SimpleNamespace(inaxes=maps.ax_grid, xdata=column * step + 3.0, ydata=row * step + 20.0)
    playground._on_pointer(event)
    assert maps.selected == 7 and playground.unit.value == 7
    assert playground.figures.drawing.selected == 7
    assert maps.unit_at(column * step + TILE_RESOLUTION - 0.4, 0.0) is None   # the gap between tiles
    playground.hidden_units.value = 3                         # fewer units: the choice stays valid
    assert len(playground.unit.options) == 3 and playground.unit.value == 2 and maps.selected == 2
    assert maps.tiles.shape[0] == 3


def test_fifty_units_fill_a_readable_grid(week3):
    playground = build(week3, hidden_units=50)
    maps = playground.figures.maps
    assert maps.columns * maps.rows >= 50 and maps.rows <= 5
    position = maps.ax_grid.get_position(original=True)
    tile_inches = min(position.width * 9.0 / maps.columns, position.height * 1.9 / maps.rows)
    assert tile_inches > 0.4                                   # 40 pixels or more a tile


def test_reset_draws_new_weights_with_the_next_seed(week3):
    playground = build(week3)
    first = {k: v.copy() for k, v in playground.parameters.items()}
    playground.step()
    playground.reset_button.click()
    assert playground.seed == 4 and playground.seed_box.value == 4 and playground.iteration == 0
    assert "seed 4" in playground.status.text
    np.random.seed(4)
    expected = reference("week3_planar_classification").initialize_parameters(2, 4, 1)
    for name, value in expected.items():
        np.testing.assert_array_equal(playground.parameters[name], value)
        assert not np.array_equal(value, first[name]) or name.startswith("b")
    playground.hidden_units.value = 6                         # other settings keep the seed
    assert playground.seed == 4
    playground.seed_box.value = 3
    assert playground.seed == 3 and playground.parameters["W1"].shape == (6, 2)


def test_run_and_step_are_disabled_while_it_cannot_train(week3):
    playground = build(dict(week3, backward_propagation=stub("backward_propagation")))
    assert playground.run_button.disabled and playground.step_button.disabled
    assert playground.run_button.button_style == ""
    ready = build(week3)
    assert not ready.run_button.disabled and ready.run_button.button_style == "success"


def test_a_wrong_backward_propagation_is_named_not_forward_propagation(week3):
    ns = reference("week3_planar_classification")

    def unsummed(parameters, cache, X, Y):      # db1 without the sum over the examples
        grads = ns.backward_propagation(parameters, cache, X, Y)
        dZ1 = (parameters["W2"].T @ (cache["A2"] - Y)) * (1 - cache["A1"] ** 2)
        return dict(grads, db1=dZ1 / X.shape[1])

    playground = build(dict(week3, backward_propagation=unsummed))
    assert playground.step() is False
    assert playground.problem.startswith("`backward_propagation` returned \"db1\" of shape (4, 400)")
    assert "forward_propagation" not in playground.problem

    def upside_down(parameters, cache, X, Y):   # right shapes, wrong sign: the cost goes up
        return {k: -v for k, v in ns.backward_propagation(parameters, cache, X, Y).items()}

    playground = build(dict(week3, backward_propagation=upside_down))
    assert playground.problem is None and "`backward_propagation` does not give" in playground.notice
    assert playground.step()


def test_a_shared_line_restores_the_setting_and_the_cost_curve(week3):
    playground = build(week3, dataset="noisy_moons", hidden_units=5, activation="relu", seed=11,
                       learning_rate=0.5, steps_per_frame=30)
    playground.noise.value = 0.25
    playground.step()
    playground.learning_rate.value = 0.2               # the rate changes while it trains
    playground.step()
    line = playground.share.share_setting()
    assert line == ("layerlab-playground/1 data=noisy_moons noise=0.25 units=5 activation=relu "
                    "start=small-random seed=11 rate=0.2 trained=30@0.5,30@0.2")
    assert f"setting={line!r}" in playground.share.code.value.replace("&#x27;", "'")
    copy = build(week3, setting=line)
    assert copy.setting() == playground.setting() == Setting.from_string(line)
    assert copy.iteration == 60 and copy.costs == playground.costs        # exactly the same curve
    for name, value in playground.parameters.items():
        np.testing.assert_array_equal(copy.parameters[name], value)
    assert (copy.dataset.value, copy.noise.value, copy.hidden_units.value, copy.activation.value,
            copy.seed_box.value, copy.learning_rate.value) == ("noisy_moons", 0.25, 5, "relu", 11, 0.2)
    other = build(week3)                                # pasted and loaded in another playground
    other.share.text.value = line
    other.share.load_button.click()
    assert other.costs == playground.costs and other.problem is None
    other.share.text.value = "layerlab-playground/1 data=flower units=4"
    other.share.load_button.click()
    assert "cannot be loaded" in other.problem and "lacks noise" in other.problem
    assert other.costs == playground.costs                 # a bad line changes nothing


@pytest.mark.parametrize("text, reason", [
    ("units=4", "starts with 'layerlab-playground/1'"),
    (Setting().to_string().replace("units=4", "units=60"), "between 1 and 50"),
    (Setting().to_string().replace("trained=0", "trained=10@x"), "cannot be read"),
    (Setting().to_string() + " colour=red", "unknown parts colour"),
])
def test_a_wrong_setting_line_says_what_is_wrong(text, reason):
    with pytest.raises(ValueError, match=reason):
        Setting.from_string(text)


def test_the_trainer_runs_without_widgets_and_follows_nn_model(week3):
    trainer = PlanarTrainer(StudentFunctions(week3), planar_data.load("flower"))
    trainer.start()
    trainer.train(60, 1.2)
    trainer.train(40, 1.2)
    assert trainer.history == [[1.2, 100]] and len(trainer.costs) == 100
    ns = reference("week3_planar_classification")
    expected = ns.nn_model(trainer.data.X, trainer.data.Y, 4, num_iterations=100)
    for name, value in expected.items():
        np.testing.assert_allclose(trainer.parameters[name], value, rtol=0, atol=1e-12)
