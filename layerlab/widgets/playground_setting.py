"""A playground setting as a short string: what a student sends the teacher to show what they saw.

A :class:`Setting` is everything that decides what the week-3 playground shows: the data set and
its noise, the hidden units, their activation, how the weights start, the seed of the start, the
learning rate, and the gradient steps taken so far with the learning rate of each (the rate can
change while it trains). The same setting with the same student functions gives the same
weights and the same cost curve, step for step. As a string::

    layerlab-playground/1 data=flower noise=0.2 units=4 activation=tanh start=small-random seed=3 rate=1.2 trained=300@1.2,200@0.5

``trained`` lists runs of steps as ``steps@rate`` (``0`` before any step); ``rate`` is the
learning rate the next step uses. Numbers are written so that they read back exactly. The
playground's **Share** button shows the string and a cell that reopens the playground with it;
``playground(..., setting="...")`` (or pasting it into the playground and pressing **Load**)
restores it, retraining the listed steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import planar_data
from .planar_trainer import ACTIVATION_NAMES, INITIALIZATIONS

__all__ = ["Setting", "PREFIX", "MAX_STEPS"]

PREFIX = "layerlab-playground/1"
#: the most gradient steps a shared string may ask to retrain (a few seconds with 50 units)
MAX_STEPS = 50_000
_KEYS = ("data", "noise", "units", "activation", "start", "seed", "rate", "trained")


@dataclass(frozen=True)
class Setting:
    """What the playground shows (see the module's docstring). ``history`` is a tuple of
    ``(learning_rate, steps)`` runs, in order; ``iterations`` is their total."""

    dataset: str = "flower"
    noise: float = planar_data.DEFAULT_NOISE["flower"]
    hidden_units: int = 4
    activation: str = "tanh"
    initialization: str = "small random"
    seed: int = 3
    learning_rate: float = 1.2
    history: tuple = field(default=())

    def __post_init__(self):
        if self.dataset not in planar_data.DEFAULT_NOISE:
            raise ValueError(f"unknown data set {self.dataset!r}; the playground has "
                             f"{', '.join(planar_data.DEFAULT_NOISE)}")
        if not 0 <= self.noise <= 0.6:
            raise ValueError(f"noise must be between 0 and 0.6, got {self.noise}")
        if not 1 <= self.hidden_units <= 50:
            raise ValueError(f"hidden units must be between 1 and 50, got {self.hidden_units}")
        if self.activation not in ACTIVATION_NAMES:
            raise ValueError(f"unknown activation {self.activation!r}; the playground has "
                             f"{', '.join(ACTIVATION_NAMES)}")
        if self.initialization not in INITIALIZATIONS:
            raise ValueError(f"unknown start {self.initialization!r}; the playground has "
                             f"{', '.join(INITIALIZATIONS)}")
        if not 0 <= self.seed < 2**32:
            raise ValueError(f"the seed must be between 0 and 2**32 - 1, got {self.seed}")
        for rate in [self.learning_rate] + [rate for rate, _ in self.history]:
            if not 1e-3 <= rate <= 10:
                raise ValueError(f"learning rates must be between 0.001 and 10, got {rate}")
        if any(steps < 1 for _, steps in self.history):
            raise ValueError("every run of steps must have at least one step")
        if self.iterations > MAX_STEPS:
            raise ValueError(f"{self.iterations} steps is more than the {MAX_STEPS} a setting may retrain")

    @property
    def iterations(self) -> int:
        """Gradient steps taken so far."""
        return sum(steps for _, steps in self.history)

    def to_string(self) -> str:
        """The short string (one line) that :meth:`from_string` reads back to this setting."""
        trained = ",".join(f"{steps}@{rate!r}" for rate, steps in self.history) or "0"
        values = (self.dataset, repr(float(self.noise)), self.hidden_units,
                  self.activation.replace(" ", "-"), self.initialization.replace(" ", "-"),
                  self.seed, repr(float(self.learning_rate)), trained)
        return " ".join([PREFIX] + [f"{key}={value}" for key, value in zip(_KEYS, values)])

    @classmethod
    def from_string(cls, text: str) -> "Setting":
        """The setting a :meth:`to_string` string describes; ValueError saying what is wrong with
        any other text."""
        words = str(text).strip().strip("'\"").split()
        if not words or words[0] != PREFIX:
            raise ValueError(f"a playground setting starts with {PREFIX!r}; paste the whole line "
                             "that Share wrote")
        pairs = dict(word.partition("=")[::2] for word in words[1:])
        missing = [key for key in _KEYS if key not in pairs]
        unknown = [key for key in pairs if key not in _KEYS]
        if missing or unknown:
            raise ValueError("the setting " + (f"lacks {', '.join(missing)}" if missing else "")
                             + ("; " if missing and unknown else "")
                             + (f"has unknown parts {', '.join(unknown)}" if unknown else ""))
        try:
            history = () if pairs["trained"] == "0" else tuple(
                (float(rate), int(steps)) for steps, rate in
                (run.split("@") for run in pairs["trained"].split(",")))
            return cls(dataset=pairs["data"], noise=float(pairs["noise"]),
                       hidden_units=int(pairs["units"]), activation=pairs["activation"].replace("-", " "),
                       initialization=pairs["start"].replace("-", " "), seed=int(pairs["seed"]),
                       learning_rate=float(pairs["rate"]), history=history)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"this setting cannot be read: {exc}") from None
