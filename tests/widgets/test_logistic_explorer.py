"""Does the week-2 explorer train runs with the student's functions, overlay their cost curves,
report accuracies, browse the pictures with the model's probability, and explain stubs?"""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from layerlab.widgets import LogisticRegressionExplorer

from .conftest import reference, stub


def build(week2, small_pictures, **settings) -> LogisticRegressionExplorer:
    settings.setdefault("num_iterations", 300)
    return LogisticRegressionExplorer(**week2, data=small_pictures, headless=True, **settings)


def finish(explorer) -> int:
    frames = 0
    while explorer.step():
        frames += 1
    return frames


def test_nothing_trains_until_asked(week2, small_pictures):
    explorer = build(week2, small_pictures)
    assert explorer.runs == [] and explorer.problem is None
    assert "press Train" in explorer.status.text


def test_a_run_equals_the_students_model(week2, small_pictures):
    explorer = build(week2, small_pictures, learning_rate=0.01, num_iterations=300, chunk=100)
    run = explorer.train()
    assert finish(explorer) == 2 and run.done and run.iteration == 300
    train_x, train_y, test_x, test_y, _ = small_pictures
    X_train = train_x.reshape(len(train_x), -1).T / 255
    X_test = test_x.reshape(len(test_x), -1).T / 255
    d = reference("week2_logistic_regression").model(X_train, train_y, X_test, test_y,
                                                      num_iterations=300, learning_rate=0.01)
    assert run.cost_iterations == [0, 100, 200]
    np.testing.assert_allclose(run.costs, d["costs"], rtol=1e-12)
    np.testing.assert_allclose(run.w, d["w"], rtol=1e-12)
    assert run.train_accuracy == pytest.approx(np.mean(d["Y_prediction_train"] == train_y))
    assert run.test_accuracy == pytest.approx(np.mean(d["Y_prediction_test"] == test_y))


def test_chunks_smaller_than_the_recording_interval_keep_the_iterations_right(week2, small_pictures):
    explorer = build(week2, small_pictures, chunk=50, num_iterations=200)
    run = explorer.train()
    finish(explorer)
    assert run.cost_iterations == [0, 50, 100, 150]
    x, y = run.line.get_data()
    np.testing.assert_array_equal(x, [0, 50, 100, 150])
    np.testing.assert_allclose(y, run.costs)


def test_moving_a_slider_trains_a_new_run_and_keeps_the_old_curves(week2, small_pictures):
    explorer = build(week2, small_pictures, max_runs=3)
    explorer.train()
    finish(explorer)
    figure, ax = explorer.figure, explorer.cost_ax
    explorer.learning_rate.value = 0.001
    assert len(explorer.runs) == 2 and explorer.current.learning_rate == pytest.approx(0.001)
    finish(explorer)
    assert len(ax.get_lines()) == 2 and explorer.figure is figure
    labels = [t.get_text() for t in explorer.legend.get_texts()]
    assert labels[1].startswith("α = 0.001: train")
    assert "0.001" in explorer.table.value and explorer.table.value.count("<tr>") == 3
    explorer.num_iterations.value = 100
    finish(explorer)
    explorer.learning_rate.value = 0.05
    finish(explorer)
    assert len(explorer.runs) == 3 and len(ax.get_lines()) == 3     # the oldest run was dropped
    explorer.clear_button.click()
    assert len(explorer.runs) == 1 and len(ax.get_lines()) == 1


def test_the_picture_browser_shows_label_and_probability(week2, small_pictures):
    explorer = build(week2, small_pictures)
    train_x, train_y, test_x, test_y, _ = small_pictures
    explorer.picture.value = 3
    np.testing.assert_allclose(explorer.picture_image.get_array(), test_x[3])
    label = ["non-cat", "cat"][test_y[0, 3]]
    assert f"test picture #3: {label}" in explorer.picture_title.get_text()
    assert "train a model" in explorer.picture_title.get_text()

    explorer.train()
    finish(explorer)
    run = explorer.current
    p = 1 / (1 + np.exp(-(run.w.T @ (test_x[3].reshape(-1, 1) / 255) + run.b)))
    assert f"p(cat) = {p.item():.2f}" in explorer.picture_title.get_text()

    explorer.picture_set.value = "train"
    explorer.picture.value = 5
    np.testing.assert_allclose(explorer.picture_image.get_array(), train_x[5])
    assert explorer.picture.max == len(train_x) - 1

    explorer.only_mistakes.value = True
    wrong = np.flatnonzero(explorer.predictions["train"].ravel() != train_y.ravel())
    assert explorer.picture.max == max(len(wrong) - 1, 0)
    if len(wrong):
        explorer.picture.value = 0
        np.testing.assert_allclose(explorer.picture_image.get_array(), train_x[wrong[0]])
        assert "(wrong)" in explorer.picture_title.get_text()


def test_stubs_are_named_and_nothing_trains(week2, small_pictures):
    released = dict(week2, optimize=stub("optimize"), predict=stub("predict"))
    explorer = build(released, small_pictures)
    assert "Not implemented yet: `optimize`, `predict`" in explorer.problem
    assert explorer.train() is None and explorer.runs == []
    explorer.learning_rate.value = 0.02                              # a slider: same message
    assert "`optimize`" in explorer.problem and explorer.runs == []


def test_training_in_the_background_and_stopping(week2, small_pictures):
    explorer = build(week2, small_pictures, chunk=10, num_iterations=4000)

    async def scenario():
        explorer.train_button.click()
        await asyncio.sleep(0.3)
        assert explorer.runner.running and explorer.current.iteration > 0
        explorer.learning_rate.value = 0.002                         # a new run replaces it
        await asyncio.sleep(0.3)
        assert len(explorer.runs) == 1 and explorer.current.learning_rate == pytest.approx(0.002)
        assert explorer.runner.running and explorer.current.iteration > 0
        explorer.stop_button.click()
        await asyncio.sleep(0.2)
        assert not explorer.runner.running
        (run,) = explorer.runs                                       # a stopped run stays, marked
        assert run.stopped and run.done and 0 < run.iteration < 4000
        assert f"(stopped at {run.iteration})" in explorer.legend.get_texts()[0].get_text()
        assert "stopped" in explorer.status.text

    asyncio.run(scenario())
