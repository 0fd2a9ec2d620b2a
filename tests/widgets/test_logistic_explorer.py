"""Does the week-2 explorer train runs with the student's functions, overlay their cost curves,
report accuracies, browse the pictures with the model's probability, and explain stubs?"""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from layerlab.widgets import LogisticRegressionExplorer

from .conftest import stub


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


def test_a_run_is_the_trainers_and_its_line_shows_it(week2, small_pictures):
    """(That a run equals the notebook's model: tests/widgets/test_trainers.py.)"""
    explorer = build(week2, small_pictures, learning_rate=0.01, num_iterations=300, chunk=100)
    run = explorer.train()
    assert finish(explorer) == 2 and run.done and run.iteration == 300
    assert explorer.runs == explorer.trainer.runs == [run]
    x, y = run.line.get_data()
    np.testing.assert_array_equal(x, [0, 100, 200])
    np.testing.assert_array_equal(y, run.costs)
    assert f"<td>{run.train_accuracy:.1%}</td><td>{run.test_accuracy:.1%}</td>" in explorer.table.value


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


def test_the_legend_and_the_table_give_the_same_accuracies(week2, small_pictures):
    explorer = build(week2, small_pictures, learning_rate=0.01, num_iterations=200, chunk=100)
    run = explorer.train()
    finish(explorer)
    train, test = f"{run.train_accuracy:.1%}", f"{run.test_accuracy:.1%}"
    legend = [text.get_text() for text in explorer.legend.get_texts()]
    assert legend == [f"α = 0.01: train {train}, test {test}"]
    assert f"<td>{train}</td><td>{test}</td>" in explorer.table.value


def _noise_pictures():
    """40 training and 20 test 64 x 64 x 3 pictures of random noise, random labels: like the cat
    pictures, far more numbers per picture than pictures, so a large step makes |w'x + b| huge."""
    rng = np.random.RandomState(1)

    def pictures(m):
        return rng.randint(0, 256, size=(m, 64, 64, 3)).astype(np.uint8), rng.randint(0, 2, (1, m))

    return (*pictures(40), *pictures(20), np.array([b"non-cat", b"cat"]))


def test_a_cost_that_turns_nan_is_explained(week2):
    # One step at learning rate 1 takes w'x + b of the bright pictures past 36.7: sigmoid rounds to
    # exactly 1.0 and the cost is 0 * log(0) = nan, as on the cat pictures at learning rate 0.126.
    explorer = build(week2, _noise_pictures(), learning_rate=1.0, num_iterations=300,
                     chunk=100)
    run = explorer.train()
    finish(explorer)
    assert not np.isfinite(run.costs[-1]) and run.saturated > 0
    words = explorer.explanation.value
    assert "From iteration 100 the cost is not a number (nan)" in words, words
    assert f"{run.saturated} of the 40 training pictures get an output of exactly 0 or 1" in words
    assert "smaller learning rate than 1" in words
    assert "(cost nan)" in run.label
    assert "not a number (nan) from iteration 100 on" in explorer.figure_text.value


def test_a_healthy_run_needs_no_explanation_and_its_figure_is_in_words(week2, small_pictures):
    explorer = build(week2, small_pictures, learning_rate=0.001, num_iterations=300, chunk=100)
    run = explorer.train()
    finish(explorer)
    assert explorer.explanation.value == ""
    words = explorer.figure_text.value
    assert (f"Run 1, learning rate 0.001, 300 of 300 iterations: cost {run.costs[0]:.4f} at "
            f"iteration 0, lowest {min(run.costs):.4f} at iteration 200") in words, words
    assert "it falls at every recording" in words
    assert f"train accuracy {run.train_accuracy:.1%}, test accuracy {run.test_accuracy:.1%}" in words
    assert "Picture: test picture #0" in words and "the model says" in words


def test_runs_differ_in_line_style_as_well_as_colour(week2, small_pictures):
    explorer = build(week2, small_pictures, num_iterations=100)
    for rate in (0.001, 0.002, 0.004):
        explorer.learning_rate.value = rate
        finish(explorer)
    lines = [run.line for run in explorer.runs]
    assert len({line.get_color() for line in lines}) == len({str(line.get_linestyle()) for line in lines}) == 3
