"""Lessons as presets: named playground settings, each with the sentence that says what to watch.

A preset is a :class:`~layerlab.widgets.playground_setting.Setting` (not trained yet) with a name
and one or two sentences; the playground's *lesson* dropdown loads it (Run then trains it). Each
sentence states what the reference solutions do in that setting, with seed 3, on this course's
data (``tests/widgets/test_playground_lessons.py`` checks the numbers it gives).
"""

from __future__ import annotations

from dataclasses import dataclass

from .playground_setting import Setting

__all__ = ["Preset", "PRESETS", "preset"]


@dataclass(frozen=True)
class Preset:
    """A named setting and what it teaches."""

    name: str
    sentence: str
    setting: Setting


PRESETS = (
    Preset("zero start",
           "Every weight starts at 0, so every hidden unit gets the same update and they stay "
           "identical forever (with tanh they even stay 0): the unit maps are all alike, the cost "
           "stays at 0.693 and the accuracy at 50 %.",
           Setting(initialization="zeros")),
    Preset("saturated tanh",
           "The weights start 4 times too large, so most tanh units sit on their flat ends (their "
           "maps are sharp steps from -1 to +1) where the slope is almost 0: after 2,000 steps the "
           "cost is still near 0.47 and the accuracy near 70 %, where the small start reaches 90 %.",
           Setting(initialization="large random")),
    Preset("1 unit, flower",
           "One hidden unit draws one straight line across the plane: the boundary is that line, "
           "and about 67 % of the flower's points is the best it reaches.",
           Setting(hidden_units=1)),
    Preset("4 units, flower",
           "Four units draw four lines, and the output unit combines them into petals: about 90 % "
           "after 2,000 steps. Each unit's map shows its line.",
           Setting(hidden_units=4)),
    Preset("50 units, flower",
           "Fifty units fit the flower no better than four (about 90 % after 2,000 steps), and "
           "every step costs more: more units are not always better.",
           Setting(hidden_units=50)),
    Preset("ReLU, circles",
           "Each ReLU unit is 0 on one side of a line and grows on the other, so the boundary "
           "around the inner disc is built of straight pieces: about 85 % of the training points "
           "and 75 % of the test points after 2,000 steps.",
           Setting(dataset="noisy_circles", noise=0.3, activation="relu", hidden_units=4)),
    Preset("rate that diverges",
           "At learning rate 10 the steps overshoot: after about ten steps the cost climbs "
           "instead of falling, a few steps later it is no longer a number, and within a few "
           "hundred steps the weights overflow; the playground stops and says so.",
           Setting(activation="leaky relu", learning_rate=10.0)),
)


def preset(name: str) -> Preset:
    """The preset called ``name`` (KeyError listing the names otherwise)."""
    for candidate in PRESETS:
        if candidate.name == name:
            return candidate
    raise KeyError(f"no preset {name!r}; there are: {', '.join(p.name for p in PRESETS)}")
