"""The playground's lessons: each loads the setting it names, and what its sentence says happens
does happen with the reference solutions (trained by the playground's trainer, no drawing)."""

from __future__ import annotations

import html

import numpy as np
import pytest

from layerlab.widgets import Playground, planar_data
from layerlab.widgets.planar_trainer import PlanarTrainer
from layerlab.widgets.playground_controls import NO_LESSON
from layerlab.widgets.playground_presets import PRESETS, preset
from layerlab.widgets.student import StudentFunctions


@pytest.mark.parametrize("lesson", PRESETS, ids=lambda p: p.name)
def test_a_lesson_loads_the_setting_it_names(week3, lesson):
    playground = Playground(**week3, headless=True, hidden_units=7, learning_rate=0.05)
    playground.step()
    playground.share.lesson.value = lesson.name               # one choice in the dropdown
    assert playground.setting() == lesson.setting and playground.iteration == 0
    wanted = lesson.setting
    assert (playground.dataset.value, playground.noise.value, playground.hidden_units.value,
            playground.activation.value, playground.initialization.value, playground.seed_box.value,
            playground.learning_rate.value) == (wanted.dataset, wanted.noise, wanted.hidden_units,
                                                wanted.activation, wanted.initialization, wanted.seed,
                                                wanted.learning_rate)
    assert html.escape(lesson.sentence) in playground.share.sentence.value and playground.problem is None
    playground.hidden_units.value = 9                          # changed by hand: no lesson any more
    assert playground.share.lesson.value == NO_LESSON and playground.share.sentence.value == ""


def trained(week3, name: str, steps: int):
    setting = preset(name).setting
    trainer = PlanarTrainer(StudentFunctions(week3), planar_data.load(setting.dataset, setting.noise),
                            hidden_units=setting.hidden_units, activation=setting.activation,
                            initialization=setting.initialization, seed=setting.seed)
    trainer.start()
    with np.errstate(all="ignore"):
        for _ in range(steps // 100):
            trainer.train(100, setting.learning_rate)
            if not trainer.finite():
                break
    return trainer


def test_what_the_lesson_sentences_say_happens(week3):
    zero = trained(week3, "zero start", 2000)
    assert not np.any(zero.parameters["W1"]) and zero.accuracies() == (0.5, 0.5)
    assert zero.costs[-1] == pytest.approx(0.693, abs=5e-4)

    large = trained(week3, "saturated tanh", 2000)
    start = trained(week3, "saturated tanh", 0)
    assert np.mean(np.abs(start.hidden(start.data.X)) > 0.99) > 0.5      # most units saturated
    assert large.costs[-1] == pytest.approx(0.47, abs=0.01) and 0.65 < large.accuracies()[0] < 0.75

    assert trained(week3, "1 unit, flower", 2000).accuracies()[0] == pytest.approx(0.67, abs=0.01)
    assert trained(week3, "4 units, flower", 2000).accuracies()[0] == pytest.approx(0.90, abs=0.01)
    assert trained(week3, "50 units, flower", 2000).accuracies()[0] == pytest.approx(0.90, abs=0.01)

    train, test = trained(week3, "ReLU, circles", 2000).accuracies()
    assert train == pytest.approx(0.85, abs=0.015) and test == pytest.approx(0.75, abs=0.015)

    diverging = trained(week3, "rate that diverges", 500)
    costs = np.asarray(diverging.costs)
    assert np.all(np.diff(costs[9:15]) > 0) and np.all(np.isfinite(costs[:15]))   # climbs from step ~10
    assert not np.all(np.isfinite(costs[:30]))                                    # then not a number
    assert not diverging.finite() and diverging.iteration <= 500
