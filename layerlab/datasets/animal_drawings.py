"""Drawings of animals and toys that share features with cats (label 0): dogs, teddy bears, birds.

They are there on purpose, so that a classifier has to learn the shape of a cat, not only "furry
thing in the middle". Every function has the signature ``draw(img, rng, ground, size=64)``: it
draws in place on ``img`` ((size, size, 3) float in [0, 1]), and things that stand rest near row
``ground``.
"""

import numpy as np

from . import raster
from .frames import Frame
from .sketch import DARK, pick_colour, shadow, stand_row

# ------------------------------------------------------------------------------------------------
# Animals and toys that share some features with cats
# ------------------------------------------------------------------------------------------------

DOG_FURS = [(0.85, 0.65, 0.35), (0.55, 0.35, 0.18), (0.12, 0.1, 0.09), (0.92, 0.9, 0.85),
            (0.7, 0.5, 0.3), (0.5, 0.5, 0.52), (0.86, 0.52, 0.22)]


def dog_face(img, rng, ground, size=64):
    """A dog's face: floppy ears, a long pale muzzle, a big black nose, round dark eyes."""
    r = rng.uniform(12, 18)
    f = Frame(rng.uniform(0.38, 0.62) * size, rng.uniform(0.42, 0.58) * size, r,
              angle=rng.uniform(-0.25, 0.25))
    fur = pick_colour(rng, DOG_FURS)
    ear = np.clip(fur * rng.uniform(0.55, 0.9), 0, 1)
    cx, cy = f.xy(0, 0)
    raster.paint(img, f.ellipse(0, 1.7, 1.4, 0.9), raster.lit(fur, *f.xy(0, 1.7), 1.4 * r))
    raster.paint(img, f.ellipse(0, 0, 0.92, 1.05) | f.ellipse(0, 0.45, 0.75, 0.7),
                 raster.lit(fur, cx, cy, r))
    muzzle = np.clip(fur * 0.4 + 0.6 * np.array([0.93, 0.9, 0.85]), 0, 1) if rng.uniform() < 0.6 else fur
    raster.paint(img, f.ellipse(0, 0.52, 0.5, 0.45), raster.lit(muzzle, *f.xy(0, 0.5), 0.5 * r))
    for side in (-1, 1):
        raster.paint(img, f.ellipse(side * 0.95, 0.2, 0.32, 0.78, angle=side * 0.35),
                     raster.lit(ear, *f.xy(side * 0.95, 0.2), 0.8 * r))
        raster.paint(img, f.circle(side * 0.36, -0.18, 0.14), (0.2, 0.12, 0.06))
        raster.paint(img, f.circle(side * 0.36, -0.18, 0.09), DARK)
        raster.paint(img, f.circle(side * 0.33, -0.22, 0.035), (1, 1, 1), 0.9)
    raster.paint(img, f.ellipse(0, 0.32, 0.2, 0.13), DARK)
    raster.paint(img, f.circle(-0.05, 0.28, 0.05), (0.6, 0.6, 0.6), 0.6)
    raster.paint(img, f.stroke([(0, 0.42), (0, 0.62)], 0.03), DARK, 0.8)
    raster.paint(img, f.stroke(raster.bezier((-0.3, 0.62), (0, 0.78), (0.3, 0.62), n=8), 0.03), DARK, 0.8)
    if rng.uniform() < 0.5:
        raster.paint(img, f.ellipse(0, 0.82, 0.14, 0.2), (0.9, 0.4, 0.45))


def dog_standing(img, rng, ground, size=64):
    """A dog seen from the side: long snout in profile, hanging ear, short tail."""
    r = rng.uniform(5.5, 8.0)
    f = Frame(rng.uniform(0.4, 0.6) * size, 0, r, mirror=rng.uniform() < 0.5)
    f = Frame(f.cx, stand_row(rng, ground, size, 2.6, r) - 2.6 * r, r, mirror=f.sign < 0)
    fur = pick_colour(rng, DOG_FURS)
    col = raster.lit(fur, *f.xy(0, 0), 2 * r)
    shadow(img, f, 0, 2.6, 2.8, 0.35)
    for k, u in enumerate((-1.5, 1.5, -1.1, 1.9)):
        leg = f.stroke([(u, 0.2), (u + 0.05, 2.5)], [0.38, 0.3])
        raster.paint(img, leg, (lambda x, y: col(x, y) * 0.8) if k < 2 else col)
    raster.paint(img, f.curve([(2.1, -0.3), (2.8, -0.9), (3.0, -1.5)], [0.25, 0.15]), col)
    raster.paint(img, f.ellipse(0.1, 0, 2.3, 0.95) | f.ellipse(-1.8, -0.7, 0.7, 0.9, 0.4), col)
    head = f.ellipse(-2.3, -1.6, 0.85, 0.75) | f.box(-3.2, -1.35, 1.5, 0.75, angle=0.15, radius=0.3)
    raster.paint(img, head, col)
    raster.paint(img, f.circle(-3.9, -1.45, 0.2), DARK)
    raster.paint(img, f.circle(-2.7, -1.85, 0.13), DARK)
    ear = np.clip(fur * 0.6, 0, 1)
    raster.paint(img, f.ellipse(-1.95, -1.3, 0.3, 0.75, angle=0.25), ear)
    raster.paint(img, f.stroke([(-3.8, -1.05), (-3.2, -1.0)], 0.05), DARK, 0.7)


def teddy_bear(img, rng, ground, size=64):
    """A teddy bear sitting: round ears, button eyes, a pale snout, stubby arms and legs."""
    r = rng.uniform(7, 11)
    height = 3.7
    f = Frame(rng.uniform(0.35, 0.65) * size, stand_row(rng, ground, size, height, r) - height * r, r)
    fur = pick_colour(rng, [(0.62, 0.42, 0.22), (0.8, 0.62, 0.38), (0.92, 0.85, 0.7), (0.45, 0.3, 0.2)])
    col = raster.lit(fur, *f.xy(0, 1.6), 2 * r)
    shadow(img, f, 0, 3.6, 1.9, 0.35)
    raster.paint(img, f.ellipse(0, 2.2, 1.2, 1.35), col)
    for side in (-1, 1):
        raster.paint(img, f.ellipse(side * 1.1, 1.8, 0.4, 0.75, angle=-side * 0.5), col)
        raster.paint(img, f.ellipse(side * 0.75, 3.25, 0.55, 0.45), col)
        raster.paint(img, f.ellipse(side * 0.78, 3.3, 0.32, 0.28), np.clip(fur * 1.25, 0, 1))
        raster.paint(img, f.circle(side * 0.8, -0.75, 0.42), col)
        raster.paint(img, f.circle(side * 0.8, -0.75, 0.22), np.clip(fur * 1.25, 0, 1))
    raster.paint(img, f.circle(0, 0, 1.0), col)
    raster.paint(img, f.ellipse(0, 0.4, 0.45, 0.35), np.clip(fur * 1.3, 0, 1))
    raster.paint(img, f.ellipse(0, 0.28, 0.16, 0.11), DARK)
    for side in (-1, 1):
        raster.paint(img, f.circle(side * 0.38, -0.15, 0.11), DARK)
    if rng.uniform() < 0.6:
        bow = f.polygon([(0, 1.0), (-0.5, 0.75), (-0.5, 1.25)]) | \
            f.polygon([(0, 1.0), (0.5, 0.75), (0.5, 1.25)])
        raster.paint(img, bow, pick_colour(rng, [(0.8, 0.1, 0.15), (0.2, 0.3, 0.8)]))


BIRD_COLOURS = [((0.55, 0.4, 0.28), (0.9, 0.45, 0.2)), ((0.25, 0.4, 0.8), (0.85, 0.6, 0.4)),
                ((0.92, 0.82, 0.2), (0.95, 0.9, 0.5)), ((0.2, 0.2, 0.22), (0.9, 0.9, 0.9)),
                ((0.8, 0.15, 0.1), (0.75, 0.2, 0.15))]


def bird(img, rng, ground, size=64):
    """A small bird perched on a branch, in profile."""
    r = rng.uniform(6, 10)
    f = Frame(rng.uniform(0.35, 0.65) * size, rng.uniform(0.35, 0.6) * size, r,
              mirror=rng.uniform() < 0.5)
    back, belly = (np.array(c) * rng.uniform(0.85, 1.1) for c in BIRD_COLOURS[rng.randint(5)])
    branch = (0.4, 0.28, 0.18)
    raster.paint(img, raster.stroke([(0, f.xy(0, 1.35)[1] + rng.uniform(-2, 2)),
                                     (size, f.xy(0, 1.35)[1] + rng.uniform(-4, 4))], 1.6), branch)
    for u in (-0.2, 0.25):
        raster.paint(img, f.stroke([(u, 0.7), (u, 1.3)], 0.06), (0.3, 0.25, 0.2))
    raster.paint(img, f.polygon([(1.0, 0.1), (2.3, 0.9), (2.2, 0.3)]), np.clip(back * 0.8, 0, 1))
    raster.paint(img, f.ellipse(0.2, 0.15, 1.25, 0.8, angle=-0.2), raster.lit(back, *f.xy(0, 0), r))
    raster.paint(img, f.ellipse(-0.2, 0.4, 0.8, 0.5, angle=-0.2), np.clip(belly, 0, 1))
    raster.paint(img, f.ellipse(0.5, 0.05, 0.9, 0.45, angle=-0.35), np.clip(back * 0.75, 0, 1))
    raster.paint(img, f.circle(-0.95, -0.55, 0.6), raster.lit(back, *f.xy(-0.95, -0.55), 0.6 * r))
    raster.paint(img, f.polygon([(-1.45, -0.7), (-2.05, -0.45), (-1.45, -0.35)]), (0.95, 0.7, 0.2))
    raster.paint(img, f.circle(-1.1, -0.65, 0.13), DARK)
    raster.paint(img, f.circle(-1.13, -0.69, 0.04), (1, 1, 1), 0.8)
