"""Clutter and occluders: small props behind the subject and things that partly hide it.

Props (a potted plant, a lamp, a cushion, books, a ball of yarn, a bottle) are drawn before the
subject; occluders (a table edge, grass, leaves, the arm of a chair, a box) after it, so the
subject is not always complete. Both appear with cats and with non-cats alike.
Every function has the signature ``draw(img, rng, ground, size=64)`` and draws in place.
"""

import numpy as np

from . import raster
from .frames import Frame


def _colour(rng, palette):
    c = np.asarray(palette[rng.randint(len(palette))], dtype=float)
    return np.clip(c * rng.uniform(0.8, 1.1), 0, 1)


def _x_near_edge(rng, size):
    """An x position in the left or right fifth of the picture, where props do not hide much."""
    x = rng.uniform(0.02, 0.2) * size
    return x if rng.uniform() < 0.5 else size - x


# Props behind the subject ----------------------------------------------------------------------

def potted_plant(img, rng, ground, size=64):
    r = rng.uniform(3, 6)
    f = Frame(_x_near_edge(rng, size), ground, r)
    for _ in range(6):
        a = rng.uniform(-1.2, 1.2)
        tip = (2.2 * np.sin(a), -1.5 - 2.0 * np.cos(a))
        raster.paint(img, f.curve([(0, -1.4), (tip[0] * 0.3, tip[1] * 0.7), tip], [0.3, 0.05]),
                     _colour(rng, [(0.2, 0.5, 0.2), (0.3, 0.6, 0.25)]))
    raster.paint(img, f.polygon([(-0.9, -1.5), (0.9, -1.5), (0.65, 0), (-0.65, 0)]),
                 _colour(rng, [(0.7, 0.4, 0.25), (0.85, 0.85, 0.85), (0.3, 0.3, 0.4)]))


def lamp(img, rng, ground, size=64):
    r = rng.uniform(3, 5)
    f = Frame(_x_near_edge(rng, size), ground, r)
    raster.paint(img, f.ellipse(0, 0, 1.0, 0.25), (0.2, 0.2, 0.2))
    raster.paint(img, f.stroke([(0, 0), (0, -5.5)], 0.12), (0.25, 0.25, 0.25))
    raster.paint(img, f.polygon([(-0.9, -5.2), (0.9, -5.2), (0.55, -7.0), (-0.55, -7.0)]),
                 _colour(rng, [(0.95, 0.9, 0.7), (0.9, 0.6, 0.3), (0.6, 0.7, 0.8)]))


def cushion(img, rng, ground, size=64):
    r = rng.uniform(5, 9)
    f = Frame(_x_near_edge(rng, size), ground - r * 0.8, r, angle=rng.uniform(-0.4, 0.4))
    col = _colour(rng, [(0.8, 0.3, 0.3), (0.3, 0.5, 0.8), (0.9, 0.8, 0.4), (0.5, 0.7, 0.5)])
    raster.paint(img, f.box(0, 0, 2.0, 1.6, radius=0.5), raster.lit(col, f.cx, f.cy, r))


def books(img, rng, ground, size=64):
    x = _x_near_edge(rng, size)
    y = ground
    for _ in range(rng.randint(2, 5)):
        w, h = rng.uniform(9, 14), rng.uniform(1.8, 3.0)
        raster.paint(img, raster.box(x + rng.uniform(-1.5, 1.5), y - h / 2, w, h),
                     _colour(rng, [(0.7, 0.15, 0.15), (0.15, 0.3, 0.6), (0.2, 0.5, 0.3), (0.85, 0.75, 0.5)]))
        y -= h


def yarn(img, rng, ground, size=64):
    r = rng.uniform(2.5, 4.5)
    x = _x_near_edge(rng, size)
    col = _colour(rng, [(0.9, 0.3, 0.4), (0.3, 0.6, 0.9), (0.95, 0.8, 0.3), (0.6, 0.4, 0.8)])
    raster.paint(img, raster.circle(x, ground - r, r), raster.lit(col, x, ground - r, r))
    for k in range(3):
        a = rng.uniform(0, np.pi)
        d = np.array([np.cos(a), np.sin(a)]) * r * 0.9
        raster.paint(img, raster.stroke([(x, ground - r) - d, (x, ground - r) + d], 0.3), col * 0.7)
    loose_end = raster.bezier((x, ground), (x + 6, ground + 2), (x + 10, ground))
    raster.paint(img, raster.stroke(loose_end, 0.3), col)


def bottle(img, rng, ground, size=64):
    r = rng.uniform(2, 3.5)
    f = Frame(_x_near_edge(rng, size), ground, r)
    glass = _colour(rng, [(0.2, 0.5, 0.25), (0.5, 0.3, 0.15), (0.6, 0.75, 0.85)])
    raster.paint(img, f.box(0, -2.0, 2.0, 4.0, radius=0.4) | f.box(0, -4.6, 0.7, 2.0), glass, 0.9)
    raster.paint(img, f.box(-0.5, -2.2, 0.25, 3.0), (1, 1, 1), 0.35)


PROPS = [potted_plant, lamp, cushion, books, yarn, bottle]


# Occluders in front of the subject ------------------------------------------------------------

def table_edge(img, rng, ground, size=64):
    y = rng.uniform(0.78, 0.92) * size
    col = _colour(rng, [(0.55, 0.38, 0.22), (0.9, 0.9, 0.88), (0.35, 0.25, 0.18)])
    raster.paint(img, raster.box(32, y + 20, 80, 40, angle=rng.uniform(-0.08, 0.08)),
                 raster.vertical_gradient(col * 1.1, col * 0.75, y, size))


def grass(img, rng, ground, size=64):
    for _ in range(rng.randint(15, 35)):
        x = rng.uniform(0, size)
        h = rng.uniform(4, 12)
        tip = (x + rng.uniform(-3, 3), size - h)
        raster.paint(img, raster.stroke(raster.bezier((x, size + 1), (x, size - h / 2), tip, n=5),
                                        np.linspace(0.9, 0.2, 5)),
                     _colour(rng, [(0.25, 0.55, 0.2), (0.4, 0.65, 0.25), (0.2, 0.45, 0.15)]))


def leaves(img, rng, ground, size=64):
    corner = (rng.choice([0.0, size]), rng.choice([0.0, size]))
    for _ in range(rng.randint(3, 7)):
        a = rng.uniform(0, 2 * np.pi)
        c = (corner[0] + rng.uniform(-12, 12), corner[1] + rng.uniform(-12, 12))
        raster.paint(img, raster.ellipse(c[0], c[1], rng.uniform(6, 10), rng.uniform(2.5, 4), a),
                     _colour(rng, [(0.2, 0.5, 0.2), (0.35, 0.6, 0.25), (0.15, 0.4, 0.2)]))


def chair_arm(img, rng, ground, size=64):
    x = rng.choice([rng.uniform(-6, 4), rng.uniform(60, 70)])
    col = _colour(rng, [(0.5, 0.3, 0.2), (0.3, 0.35, 0.5), (0.6, 0.55, 0.45)])
    raster.paint(img, raster.box(x, size * 0.75, rng.uniform(8, 14), size * 0.9, radius=4),
                 raster.lit(col, x, size * 0.6, 10))


def box_corner(img, rng, ground, size=64):
    w, h = rng.uniform(14, 24), rng.uniform(10, 20)
    x = rng.choice([w / 2 - rng.uniform(0, 8), size - w / 2 + rng.uniform(0, 8)])
    col = _colour(rng, [(0.75, 0.58, 0.38), (0.7, 0.7, 0.72)])
    raster.paint(img, raster.box(x, size - h / 2 + 2, w, h), raster.lit(col, x, size - h / 2, w))


OCCLUDERS = [table_edge, grass, leaves, chair_arm, box_corner]


def add_props(img, rng, ground, size=64):
    """Draw 0-2 props behind where the subject will go."""
    for _ in range(rng.choice(3, p=[0.45, 0.4, 0.15])):
        PROPS[rng.randint(len(PROPS))](img, rng, ground, size)


def add_occluder(img, rng, ground, size=64, probability=0.25):
    """With the given probability, draw one thing in front of the subject."""
    if rng.uniform() < probability:
        OCCLUDERS[rng.randint(len(OCCLUDERS))](img, rng, ground, size)
