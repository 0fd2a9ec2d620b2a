"""The catalogue of mistakes the course recognises, one identifier per kind of mistake.

A recogniser (a hint of a graded function, or an explanation of an exception) is registered with
:func:`mistake`; the judge reports the identifier of every recogniser that fired, next to its
sentence, so feedback, ``results.json`` and the class insights can count mistakes, not texts::

    @mistake("sigmoid.flipped-sign", "σ(−z) computed instead of σ(z)", topic="sigmoid")
    def _sigmoid_flipped(args, want, got): ...

Identifiers are ``<area>.<what-went-wrong>`` in lower case with dashes; ``topic`` is one of
:data:`TOPICS` (the course ideas, so a quiz question and a programming mistake about the same idea
can be linked). Registering the same identifier twice with different words is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, TypeVar

#: The course's ideas a mistake (or a quiz question) is about.
TOPICS = {
    "python-basics": "Python and NumPy basics (functions of one number vs arrays, dicts, lists)",
    "broadcasting": "broadcasting and compatible shapes",
    "rank-1-and-keepdims": "rank-1 arrays, keepdims and explicit (n, 1) shapes",
    "shapes-and-transposes": "matrix shapes, products and transposes",
    "vectorisation": "vectorised code instead of loops over examples",
    "activations": "sigmoid, tanh, ReLU and where each belongs",
    "derivatives": "derivatives of the activations and the chain rule",
    "computation-graph": "forward and backward passes on a computation graph",
    "cost": "the cross-entropy cost and its average over m examples",
    "gradients": "the gradients dW, db, dA and their factor 1/m",
    "gradient-descent": "parameter updates and the learning rate",
    "initialisation": "seeding, random draws and the scale of initial weights",
    "model-assembly": "putting the pieces together: loops over iterations and layers",
    "in-place-changes": "modifying the caller's arrays or dicts",
    "prediction": "turning probabilities into 0/1 predictions",
    "return-values": "what a function returns: types, order, keys and structure",
    "error-messages": "reading Python's and NumPy's error messages",
}

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+")


@dataclass(frozen=True)
class Mistake:
    """One kind of mistake: ``id`` (``"cost.missing-mean"``), ``title`` (a short phrase an
    instructor reads in a table), ``topic`` (a key of :data:`TOPICS`)."""

    id: str
    title: str
    topic: str


#: Every registered mistake, by identifier.
MISTAKES: dict[str, Mistake] = {}

F = TypeVar("F", bound=Callable)


def mistake(id: str, title: str, topic: str) -> Callable[[F], F]:
    """Register a recogniser under ``id`` (see the module docstring); returns it unchanged except
    for its ``mistake_id`` attribute."""
    if not _ID.fullmatch(id):
        raise ValueError(f"mistake identifier {id!r} is not of the form area.what-went-wrong")
    if topic not in TOPICS:
        raise ValueError(f"mistake {id!r}: unknown topic {topic!r}; add it to TOPICS first")
    entry = Mistake(id, title, topic)
    if MISTAKES.get(id, entry) != entry:
        raise ValueError(f"mistake {id!r} is registered twice with different words")
    MISTAKES[id] = entry

    def register(recogniser: F) -> F:
        recogniser.mistake_id = id
        return recogniser

    return register


def identify(recogniser: Callable) -> str | None:
    """The identifier a recogniser was registered with, or None."""
    return getattr(recogniser, "mistake_id", None)
