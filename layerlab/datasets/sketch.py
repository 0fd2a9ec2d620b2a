"""Small pieces shared by the drawings of the generated pictures: a colour picked from a palette,
a soft shadow under a thing, the row a standing thing rests on.

Each works in place on ``img`` ((size, size, 3) float in [0, 1]) or returns a plain value; frames
(``f``) are :class:`~.frames.Frame` objects, whose unit is the drawn thing's own size.
"""

import numpy as np

from . import raster

#: the near-black of eyes, noses and tyres (RGB in [0, 1])
DARK = np.array([0.06, 0.05, 0.05])


def pick_colour(rng, palette, jitter=0.06):
    """One colour of ``palette`` (a list of RGB triples), a little brighter or darker, shifted by
    up to ``jitter`` per channel: an array of shape (3,) in [0, 1]."""
    c = np.asarray(palette[rng.randint(len(palette))], dtype=float)
    return np.clip(c * rng.uniform(0.85, 1.1) + rng.uniform(-jitter, jitter, 3), 0, 1)


def shadow(img, f, u, v, ru, rv, strength=0.3):
    """Darken the ellipse of frame ``f`` at (``u``, ``v``) with radii ``ru``, ``rv`` by ``strength``."""
    raster.paint(img, f.ellipse(u, v, ru, rv), (0, 0, 0), strength)


def stand_row(rng, ground, size, height, scale):
    """Origin row for a thing ``height`` local units tall whose bottom rests near ``ground``."""
    return float(np.clip(ground, height * scale + 1, size + 0.1 * height * scale))
