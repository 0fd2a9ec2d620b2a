"""Drawings of objects, plants and places (label 0): cars, houses, trees, flowers, balls, mugs,
boats, fruit and landscapes, easy to tell from a cat.

Every function has the signature ``draw(img, rng, ground, size=64)``: it draws in place on ``img``
((size, size, 3) float in [0, 1]), and things that stand rest near row ``ground``.
"""

import numpy as np

from . import raster
from .frames import Frame
from .sketch import DARK, pick_colour, shadow, stand_row

# Objects, plants and places
# ------------------------------------------------------------------------------------------------

def car(img, rng, ground, size=64):
    """A car seen from the side: body, cabin with windows, two wheels, a headlight."""
    r = rng.uniform(9, 14)
    y0 = stand_row(rng, ground, size, 0.95, r) - 0.95 * r
    f = Frame(rng.uniform(0.4, 0.6) * size, y0, r, mirror=rng.uniform() < 0.5)
    paint_col = pick_colour(rng, [(0.8, 0.1, 0.1), (0.1, 0.25, 0.7), (0.9, 0.9, 0.9), (0.15, 0.15, 0.15),
                              (0.95, 0.8, 0.1), (0.3, 0.6, 0.35), (0.6, 0.6, 0.65)])
    col = raster.lit(paint_col, *f.xy(0, 0), 1.5 * r, strength=0.35)
    shadow(img, f, 0, 0.95, 2.4, 0.18)
    raster.paint(img, f.polygon([(-1.1, -0.2), (-0.7, -0.85), (0.8, -0.85), (1.3, -0.2)]).grow(0.06 * r), col)
    glass = (0.55, 0.7, 0.85)
    raster.paint(img, f.polygon([(-0.95, -0.25), (-0.64, -0.75), (0.0, -0.75), (0.0, -0.25)]), glass)
    raster.paint(img, f.polygon([(0.12, -0.25), (0.12, -0.75), (0.74, -0.75), (1.1, -0.25)]), glass)
    raster.paint(img, f.box(0, 0.2, 4.0, 0.8, radius=0.3), col)
    raster.paint(img, f.stroke([(-1.6, 0.15), (1.7, 0.15)], 0.03), DARK, 0.4)
    raster.paint(img, f.ellipse(-1.9, 0.05, 0.12, 0.1), (1.0, 0.95, 0.6))
    raster.paint(img, f.box(2.0, 0.0, 0.1, 0.2), (0.8, 0.1, 0.1))
    for u in (-1.2, 1.25):
        raster.paint(img, f.circle(u, 0.6, 0.43), (0.08, 0.08, 0.08))
        raster.paint(img, f.circle(u, 0.6, 0.2), (0.7, 0.7, 0.72))


def house(img, rng, ground, size=64):
    """A house: walls, a pointed roof, a door, windows and sometimes a chimney."""
    r = rng.uniform(9, 15)
    y0 = stand_row(rng, ground, size, 1.0, r) - 1.0 * r
    f = Frame(rng.uniform(0.35, 0.65) * size, y0, r)
    w = rng.uniform(1.6, 2.4)
    wall = pick_colour(rng, [(0.9, 0.85, 0.7), (0.75, 0.35, 0.25), (0.85, 0.85, 0.88), (0.6, 0.7, 0.8),
                         (0.95, 0.9, 0.6)])
    roof = pick_colour(rng, [(0.6, 0.15, 0.12), (0.3, 0.3, 0.35), (0.4, 0.25, 0.15)])
    if rng.uniform() < 0.6:
        raster.paint(img, f.box(0.55 * w, -2.1, 0.35, 0.8), np.clip(roof * 0.8, 0, 1))
    raster.paint(img, f.box(0, 0, 2 * w, 2.0), raster.lit(wall, *f.xy(0, 0), 2 * r, 0.15))
    raster.paint(img, f.polygon([(-w - 0.3, -0.95), (0, -1.1 - 0.9 * w), (w + 0.3, -0.95)]), roof)
    raster.paint(img, f.box(-0.35 * w, 0.4, 0.55, 1.2), pick_colour(rng, [(0.45, 0.25, 0.12), (0.2, 0.35, 0.6)]))
    for u in (0.45 * w, -0.75 * w):
        if abs(u + 0.35 * w) < 0.6:
            continue
        raster.paint(img, f.box(u, -0.25, 0.62, 0.55), (0.95, 0.95, 0.95))
        raster.paint(img, f.box(u, -0.25, 0.5, 0.45), (0.55, 0.72, 0.9))
        raster.paint(img, f.box(u, -0.25, 0.05, 0.45) | f.box(u, -0.25, 0.5, 0.05), (0.95, 0.95, 0.95))


def tree(img, rng, ground, size=64):
    """One or two trees: a round leafy crown on a trunk, or a pine made of stacked triangles."""
    for _ in range(rng.randint(1, 3)):
        r = rng.uniform(7, 14)
        f = Frame(rng.uniform(0.2, 0.8) * size, stand_row(rng, ground, size, 0, r), r)
        trunk = pick_colour(rng, [(0.4, 0.27, 0.15), (0.5, 0.4, 0.3)])
        green = pick_colour(rng, [(0.2, 0.5, 0.15), (0.35, 0.6, 0.2), (0.15, 0.4, 0.25), (0.75, 0.5, 0.1)])
        shadow(img, f, 0, 0, 1.0, 0.2, 0.25)
        if rng.uniform() < 0.6:
            raster.paint(img, f.stroke([(0, 0), (0, -1.6)], [0.22, 0.15]), trunk)
            for _ in range(7):
                u, v = rng.uniform(-0.8, 0.8), rng.uniform(-3.0, -1.6)
                raster.paint(img, f.circle(u, v, rng.uniform(0.6, 0.95)),
                             raster.lit(green * rng.uniform(0.8, 1.15), *f.xy(u, v), 0.8 * r))
        else:
            raster.paint(img, f.stroke([(0, 0), (0, -0.6)], 0.15), trunk)
            for k in range(3):
                top, half = -1.6 - 0.9 * k, 1.0 - 0.22 * k
                raster.paint(img, f.polygon([(-half, -0.5 - 0.9 * k), (0, top - 0.4), (half, -0.5 - 0.9 * k)]),
                             green * (0.9 + 0.06 * k))


def flowers(img, rng, ground, size=64):
    """A few flowers on stems with leaves, sometimes in a pot."""
    potted = rng.uniform() < 0.4
    r = rng.uniform(6, 10)
    base_x = rng.uniform(0.3, 0.7) * size
    base_y = stand_row(rng, ground, size, 0, r)
    if potted:
        f = Frame(base_x, base_y, r)
        pot = pick_colour(rng, [(0.75, 0.4, 0.25), (0.3, 0.45, 0.7), (0.9, 0.9, 0.88)])
        raster.paint(img, f.polygon([(-1.1, -1.6), (1.1, -1.6), (0.8, 0), (-0.8, 0)]),
                     raster.lit(pot, *f.xy(0, -0.8), r))
        base_y -= 1.6 * r
    for _ in range(rng.randint(1, 4)):
        f = Frame(base_x + rng.uniform(-1.2, 1.2) * r, base_y, r)
        lean, h = rng.uniform(-0.6, 0.6), rng.uniform(2.2, 3.6)
        head = (lean, -h)
        raster.paint(img, f.curve([(0, 0), (lean * 0.2, -h / 2), head], 0.1), (0.25, 0.5, 0.2))
        raster.paint(img, f.ellipse(lean * 0.3 + 0.35, -h * 0.4, 0.4, 0.15, angle=-0.5), (0.3, 0.55, 0.22))
        petal = pick_colour(rng, [(0.95, 0.3, 0.4), (0.95, 0.85, 0.2), (0.6, 0.3, 0.8), (0.98, 0.98, 0.98),
                              (0.95, 0.5, 0.15)])
        n = rng.randint(5, 9)
        size_k = rng.uniform(0.8, 1.3)
        for k in range(n):
            a = 2 * np.pi * k / n
            raster.paint(img, f.ellipse(lean + 0.45 * size_k * np.cos(a), -h + 0.45 * size_k * np.sin(a),
                                        0.42 * size_k, 0.2 * size_k, angle=a), petal)
        raster.paint(img, f.circle(lean, -h, 0.25 * size_k), pick_colour(rng, [(0.95, 0.8, 0.1), (0.4, 0.25, 0.1)]))


def ball(img, rng, ground, size=64):
    """A ball: a beach ball, a tennis ball, a football or a basketball."""
    r = rng.uniform(7, 17)
    cy = stand_row(rng, ground, size, 1, r) - r
    cx = rng.uniform(r * 0.6, size - r * 0.6)
    f = Frame(cx, cy, r, angle=rng.uniform(0, 2 * np.pi))
    shadow(img, Frame(cx, cy, r), 0.1, 0.95, 0.9, 0.18)
    kind = rng.randint(4)
    disc = f.circle(0, 0, 1)
    if kind == 0:
        raster.paint(img, disc, (0.97, 0.97, 0.97))
        for k, c in enumerate([(0.9, 0.15, 0.15), (0.2, 0.4, 0.9), (0.95, 0.8, 0.1)]):
            a = 2 * np.pi * k / 3
            wedge = f.polygon([(0, 0), (1.5 * np.cos(a), 1.5 * np.sin(a)),
                               (1.5 * np.cos(a + 1.05), 1.5 * np.sin(a + 1.05))])
            raster.paint(img, wedge & disc, c)
    elif kind == 1:
        raster.paint(img, disc, (0.8, 0.9, 0.25))
        raster.paint(img, f.curve([(-0.9, -0.5), (0, 0.2), (0.9, -0.5)], 0.06) & disc, (0.97, 0.97, 0.95))
    elif kind == 2:
        raster.paint(img, disc, (0.96, 0.96, 0.96))
        pentagon = [(0.3 * np.cos(a), 0.3 * np.sin(a)) for a in np.arange(5) * 2 * np.pi / 5]
        raster.paint(img, f.polygon(pentagon), DARK)
        for a in np.arange(5) * 2 * np.pi / 5 + np.pi / 5:
            c = (0.85 * np.cos(a), 0.85 * np.sin(a))
            raster.paint(img, f.circle(*c, 0.25) & disc, DARK)
    else:
        raster.paint(img, disc, (0.9, 0.45, 0.12))
        lines = (f.stroke([(-1, 0), (1, 0)], 0.04) | f.stroke([(0, -1), (0, 1)], 0.04)
                 | f.curve([(-0.6, -0.9), (-0.2, 0), (-0.6, 0.9)], 0.04)
                 | f.curve([(0.6, -0.9), (0.2, 0), (0.6, 0.9)], 0.04))
        raster.paint(img, lines & disc, DARK)
    # Shade the side away from the light, then add a highlight.
    upright = Frame(cx, cy, r)
    raster.paint(img, upright.circle(0, 0, 1) - upright.circle(-0.2, -0.2, 1.0), (0, 0, 0), 0.3)
    raster.paint(img, upright.circle(-0.4, -0.4, 0.15), (1, 1, 1), 0.5)


def mug(img, rng, ground, size=64):
    """A mug or cup on a table, sometimes with a saucer and steam."""
    r = rng.uniform(8, 14)
    f = Frame(rng.uniform(0.35, 0.65) * size, stand_row(rng, ground, size, 0.1, r), r,
              mirror=rng.uniform() < 0.5)
    body = pick_colour(rng, [(0.9, 0.9, 0.88), (0.8, 0.2, 0.2), (0.2, 0.35, 0.7), (0.95, 0.75, 0.2),
                         (0.3, 0.6, 0.5), (0.2, 0.2, 0.2)])
    col = raster.lit(body, *f.xy(0, -1), 1.2 * r, 0.35, light=(-1, 0))
    if rng.uniform() < 0.4:
        raster.paint(img, f.ellipse(0, 0, 1.7, 0.3), np.clip(body * 1.05, 0, 1))
        raster.paint(img, f.ellipse(0, -0.05, 1.2, 0.15), np.clip(body * 0.85, 0, 1))
    raster.paint(img, f.circle(1.0, -1.1, 0.5).outline(0.24 * r), col)
    raster.paint(img, f.box(0, -1.1, 1.8, 2.2, radius=0.25), col)
    raster.paint(img, f.ellipse(0, -2.2, 0.9, 0.2), np.clip(body * 0.7, 0, 1))
    raster.paint(img, f.ellipse(0, -2.17, 0.78, 0.14), pick_colour(rng, [(0.35, 0.2, 0.1), (0.6, 0.4, 0.25)]))
    if rng.uniform() < 0.5:
        for k in (-1, 1):
            pts = raster.bezier((0.25 * k, -2.5), (0.6 * k, -3.0), (0.1 * k, -3.6), n=8)
            raster.paint(img, f.stroke(pts, 0.09), (1, 1, 1), 0.5)


def boat(img, rng, ground, size=64):
    """A sailing boat on water."""
    water_y = rng.uniform(0.55, 0.8) * size
    raster.paint(img, raster.box(32, water_y + 40, 80, 80),
                 raster.vertical_gradient((0.2, 0.4, 0.7), (0.1, 0.25, 0.5), water_y, size))
    for _ in range(8):
        y = rng.uniform(water_y + 2, size)
        x = rng.uniform(0, size)
        raster.paint(img, raster.stroke([(x - 4, y), (x + 4, y)], 0.4), (0.8, 0.9, 1.0), 0.5)
    r = rng.uniform(8, 13)
    f = Frame(rng.uniform(0.35, 0.65) * size, water_y, r, mirror=rng.uniform() < 0.5)
    hull = pick_colour(rng, [(0.6, 0.35, 0.2), (0.9, 0.9, 0.9), (0.7, 0.1, 0.1), (0.15, 0.2, 0.4)])
    raster.paint(img, f.polygon([(-1.6, -0.5), (1.8, -0.5), (1.2, 0.3), (-1.2, 0.3)]), hull)
    raster.paint(img, f.stroke([(0, -0.5), (0, -3.2)], 0.06), (0.3, 0.2, 0.15))
    sail = pick_colour(rng, [(0.97, 0.97, 0.95), (0.95, 0.8, 0.3), (0.9, 0.3, 0.3)])
    raster.paint(img, f.polygon([(0.12, -3.1), (0.12, -0.75), (1.5, -0.75)]), sail)
    raster.paint(img, f.polygon([(-0.12, -2.8), (-0.12, -0.75), (-1.2, -0.75)]), np.clip(sail * 0.9, 0, 1))


def fruit(img, rng, ground, size=64):
    """Apples, oranges or lemons, alone or in a bowl."""
    in_bowl = rng.uniform() < 0.5
    r = rng.uniform(6, 10) if in_bowl else rng.uniform(8, 14)
    cx = rng.uniform(0.35, 0.65) * size
    cy = stand_row(rng, ground, size, 1, r) - r
    positions = [(0, 0)] if not in_bowl else [(-1.1, -0.4), (1.1, -0.4), (0, -0.9), (0, 0)]
    for u, v in positions[:rng.randint(1, len(positions) + 1)] if in_bowl else positions:
        f = Frame(cx + u * r, cy + v * r, r)
        skin = pick_colour(rng, [(0.85, 0.12, 0.1), (0.5, 0.75, 0.2), (0.95, 0.55, 0.1), (0.95, 0.88, 0.25)])
        raster.paint(img, f.circle(0, 0, 1), raster.lit(skin, f.cx, f.cy, r, 0.4))
        raster.paint(img, f.stroke([(0, -0.85), (0.1, -1.3)], 0.07), (0.35, 0.22, 0.1))
        if rng.uniform() < 0.6:
            raster.paint(img, f.ellipse(0.4, -1.15, 0.35, 0.15, angle=-0.4), (0.3, 0.6, 0.2))
    if in_bowl:
        f = Frame(cx, cy, r)
        bowl = pick_colour(rng, [(0.9, 0.9, 0.88), (0.6, 0.4, 0.25), (0.3, 0.5, 0.7)])
        raster.paint(img, f.ellipse(0, 0.2, 2.3, 1.0) & f.box(0, 1.0, 5, 1.6),
                     raster.lit(bowl, cx, cy, 2 * r))


def landscape(img, rng, ground, size=64):
    """No single subject: mountains, a sun or moon, a road or a fence."""
    for _ in range(rng.randint(1, 4)):
        peak_x, peak_y = rng.uniform(0, size), rng.uniform(0.15, 0.45) * size
        w = rng.uniform(15, 35)
        rock = pick_colour(rng, [(0.45, 0.45, 0.5), (0.4, 0.35, 0.3), (0.35, 0.45, 0.55)])
        snow_line = peak_y + 0.22 * (ground - peak_y)
        raster.paint(img, raster.polygon([(peak_x - w, ground), (peak_x, peak_y), (peak_x + w, ground)]),
                     rock)
        raster.paint(img, raster.polygon([(peak_x - w * 0.22, snow_line), (peak_x, peak_y),
                                          (peak_x + w * 0.22, snow_line)]), (0.95, 0.95, 0.97))
    if rng.uniform() < 0.5:
        sun = raster.circle(rng.uniform(5, 59), rng.uniform(4, 16), rng.uniform(3, 6))
        raster.paint(img, sun, (1.0, 0.9, 0.5))
    if rng.uniform() < 0.5:
        road = raster.polygon([(30, ground), (34, ground), (50, size), (14, size)])
        raster.paint(img, road, (0.4, 0.4, 0.42))
    else:
        for x in np.arange(rng.uniform(0, 8), size, 8):
            raster.paint(img, raster.box(x, ground + 3, 1.5, 9), (0.55, 0.4, 0.25))
        raster.paint(img, raster.box(32, ground + 1, 64, 1.2), (0.55, 0.4, 0.25))
