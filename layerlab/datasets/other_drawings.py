"""Drawings of things that are not cats (label 0) for the generated cat / non-cat pictures.

Some are easy to tell from a cat (cars, houses, trees, flowers, balls, mugs, boats, fruit), some
are other animals or cat-like toys on purpose (dogs, birds, teddy bears), so that a classifier has
to look at the shape of a cat, not only at "furry thing in the middle".

Every drawing function has the signature ``draw(img, rng, ground, size=64)``: it draws in place on
``img`` ((size, size, 3) float in [0, 1]), and things that stand rest near row ``ground``.
The drawings themselves are in :mod:`.animal_drawings` and :mod:`.object_drawings`; this module
chooses one (:data:`WEIGHTS`) and draws it.
"""

import numpy as np

from .animal_drawings import bird, dog_face, dog_standing, teddy_bear
from .object_drawings import ball, boat, car, flowers, fruit, house, landscape, mug, tree

THINGS = {"dog_face": dog_face, "dog_standing": dog_standing, "teddy_bear": teddy_bear, "bird": bird,
          "car": car, "house": house, "tree": tree, "flowers": flowers, "ball": ball, "mug": mug,
          "boat": boat, "fruit": fruit, "landscape": landscape}
WEIGHTS = {"dog_face": 0.12, "dog_standing": 0.09, "teddy_bear": 0.07, "bird": 0.08, "car": 0.08,
           "house": 0.07, "tree": 0.07, "flowers": 0.08, "ball": 0.08, "mug": 0.08, "boat": 0.06,
           "fruit": 0.07, "landscape": 0.05}


def choose_thing(rng):
    """A random kind of non-cat, a key of :data:`THINGS`."""
    names = list(THINGS)
    weights = np.array([WEIGHTS[n] for n in names])
    return names[rng.choice(len(names), p=weights / weights.sum())]


def draw_other(img, rng, ground, name, size=64):
    """Draw the non-cat ``name`` (a key of :data:`THINGS`) on ``img``, in place."""
    THINGS[name](img, rng, ground, size)
