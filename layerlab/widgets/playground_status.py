"""The playground's status line: where training got to, and a hint above it when there is one.

Pure functions of the trainer's state (:class:`~layerlab.widgets.planar_trainer.PlanarTrainer`), so
the line reads the same in the status bar, in the announcements and in :meth:`Playground.result`.
"""

from __future__ import annotations

from .planar_trainer import ACTIVATION_NAMES
from .student import NotReady

__all__ = ["status_parts", "layer_text", "notice_html"]


def layer_text(trainer) -> str:
    """The hidden layer in words: ``"4 tanh units"``."""
    return f"{trainer.hidden_units} {ACTIVATION_NAMES[trainer.activation]} units"


def status_parts(trainer, accuracies: tuple[float, float] | None, learning_rate: float) -> list[str]:
    """The parts of the status line: iteration, last cost, training and test accuracy (fractions,
    when the network was drawn), the hidden layer, the learning rate and the seed."""
    parts = [f"iteration {trainer.iteration:,}"] + ([f"cost {trainer.costs[-1]:.4f}"] if trainer.costs else [])
    if accuracies is not None:
        parts += [f"train accuracy {accuracies[0]:.1%}", f"test accuracy {accuracies[1]:.1%}"]
    return parts + [layer_text(trainer), f"learning rate {learning_rate:.3g}", f"seed {trainer.seed}"]


def notice_html(notice: str) -> str:
    """A hint (e.g. the units all died) as an orange box, shown above the status line."""
    return ("<div style='border-left: 4px solid #e08214; background: #fdf3e6; padding: 0.3em "
            f"0.6em; margin-bottom: 0.2em; max-width: 60em'>{NotReady(notice).html()}</div>")
