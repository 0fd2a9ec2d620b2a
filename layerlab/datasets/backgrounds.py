"""Backgrounds for the generated pictures: outdoor, indoor, fabric, studio and textured walls.

Each function takes a ``np.random.RandomState`` and returns ``(picture, floor_y)``: a (64, 64, 3)
float picture in [0, 1] and the row (in pixels) where things standing in the scene rest, the
horizon or the line between wall and floor. Cats and non-cats are drawn over every kind of
background, so the background alone does not give the label away.
"""

import numpy as np

from . import raster

SIZE = 64


def _blank(colour):
    return np.broadcast_to(np.asarray(colour, dtype=float), (SIZE, SIZE, 3)).copy()


def _jitter(rng, colour, amount=0.06):
    return np.clip(np.asarray(colour, dtype=float) + rng.uniform(-amount, amount, 3), 0, 1)


def _texture(img, rng, rows, strength, cells=8, octaves=3):
    """Modulate the rows ``rows`` (a slice) of ``img`` with value noise."""
    n = raster.value_noise(rng, (SIZE, SIZE), cells, octaves)[rows]
    factor = (1 + strength * (n - 0.5))[..., None]
    img[rows] = np.clip(img[rows] * factor, 0, 1)


def outdoor(rng):
    """Sky (day, dusk or overcast) above grass, sand or a path; sometimes hills and clouds."""
    horizon = rng.uniform(0.3, 0.62) * SIZE
    sky = [((0.35, 0.58, 0.9), (0.75, 0.87, 0.98)), ((0.62, 0.66, 0.72), (0.85, 0.86, 0.88)),
           ((0.45, 0.4, 0.65), (0.98, 0.7, 0.45))][rng.choice(3, p=[0.6, 0.25, 0.15])]
    img = _blank(0)
    raster.paint(img, raster.box(32, 32, 64, 64),
                 raster.vertical_gradient(_jitter(rng, sky[0]), _jitter(rng, sky[1]), 0, horizon))
    for _ in range(rng.randint(0, 4)):
        cx, cy = rng.uniform(0, 64), rng.uniform(2, horizon - 4)
        for k in range(3):
            raster.paint(img, raster.ellipse(cx + 5 * k - 5, cy + rng.uniform(-2, 2),
                                             rng.uniform(4, 8), rng.uniform(2, 4)), (0.96, 0.96, 0.97), 0.8)
    if rng.uniform() < 0.5:
        hill = _jitter(rng, (0.35, 0.5, 0.35), 0.08)
        for _ in range(rng.randint(1, 3)):
            raster.paint(img, raster.ellipse(rng.uniform(0, 64), horizon + 2, rng.uniform(15, 35),
                                             rng.uniform(5, 14)), hill * rng.uniform(0.8, 1.1))
    ground = [(0.35, 0.6, 0.25), (0.82, 0.74, 0.52), (0.5, 0.45, 0.35), (0.45, 0.55, 0.3)][rng.randint(4)]
    g = _jitter(rng, ground, 0.08)
    raster.paint(img, raster.box(32, horizon + 40, 80, 80),
                 raster.vertical_gradient(g * 0.85, g * 1.1, horizon, 64))
    _texture(img, rng, slice(int(horizon), SIZE), 0.45, cells=12, octaves=3)
    return img, horizon + rng.uniform(0.35, 0.8) * (SIZE - horizon)


def indoor(rng):
    """A wall (plain, striped or with a window or picture) above a wooden floor, tiles or carpet."""
    floor_y = rng.uniform(0.45, 0.75) * SIZE
    wall = _jitter(rng, [(0.9, 0.86, 0.76), (0.75, 0.82, 0.88), (0.88, 0.78, 0.7), (0.7, 0.75, 0.65),
                         (0.55, 0.5, 0.55), (0.95, 0.95, 0.93)][rng.randint(6)], 0.06)
    img = _blank(wall)
    style = rng.randint(4)
    if style == 1:  # wallpaper stripes
        period = rng.uniform(4, 9)
        x = np.arange(SIZE) + 0.5
        stripes = (np.sin(2 * np.pi * x / period) > 0.3)[None, :, None]
        img = np.where(stripes, img * rng.uniform(0.82, 0.92), img)
    elif style == 2:  # window
        wx, wy = rng.uniform(8, 56), rng.uniform(4, max(6, floor_y - 22))
        w, h = rng.uniform(14, 24), rng.uniform(14, 22)
        raster.paint(img, raster.box(wx, wy + h / 2, w + 3, h + 3), (0.95, 0.95, 0.95))
        raster.paint(img, raster.box(wx, wy + h / 2, w, h),
                     raster.vertical_gradient((0.5, 0.7, 0.95), (0.8, 0.9, 1.0), wy, wy + h))
        raster.paint(img, raster.box(wx, wy + h / 2, 1.5, h), (0.95, 0.95, 0.95))
        raster.paint(img, raster.box(wx, wy + h / 2, w, 1.5), (0.95, 0.95, 0.95))
    elif style == 3:  # framed picture
        px, py = rng.uniform(8, 56), rng.uniform(6, max(8, floor_y - 14))
        w, h = rng.uniform(10, 18), rng.uniform(8, 14)
        raster.paint(img, raster.box(px, py, w + 3, h + 3), _jitter(rng, (0.35, 0.22, 0.12), 0.1))
        raster.paint(img, raster.box(px, py, w, h), _jitter(rng, (0.5, 0.6, 0.5), 0.3))
    img *= np.linspace(rng.uniform(0.85, 1.0), rng.uniform(0.85, 1.05), SIZE)[None, :, None]
    floor = rng.randint(3)
    top = int(floor_y)
    if floor == 0:  # wooden boards
        wood = _jitter(rng, (0.6, 0.42, 0.25), 0.08)
        raster.paint(img, raster.box(32, floor_y + 40, 80, 80), wood)
        y = np.arange(top, SIZE) + 0.5
        lines = (np.abs((np.maximum(y - floor_y, 0) ** 0.8 * 1.6) % 4 - 2) < 0.35)[:, None, None]
        img[top:] = np.where(lines, img[top:] * 0.75, img[top:])
        _texture(img, rng, slice(top, SIZE), 0.3, cells=4, octaves=3)
    elif floor == 1:  # carpet
        raster.paint(img, raster.box(32, floor_y + 40, 80, 80), _jitter(rng, (0.55, 0.5, 0.5), 0.2))
        _texture(img, rng, slice(top, SIZE), 0.5, cells=16, octaves=2)
    else:  # tiles
        tile = _jitter(rng, (0.8, 0.78, 0.74), 0.1)
        raster.paint(img, raster.box(32, floor_y + 40, 80, 80), tile)
        y, x = np.mgrid[top:SIZE, 0:SIZE] + 0.5
        grout = ((x % 12 < 0.8) | ((y - floor_y) % 8 < 0.8))[..., None]
        img[top:] = np.where(grout, img[top:] * 0.7, img[top:])
    raster.paint(img, raster.box(32, floor_y, 64, 1.6), (0.95, 0.93, 0.9), 0.7)  # skirting board
    return img, floor_y + rng.uniform(0.3, 0.75) * (SIZE - floor_y)


def fabric(rng):
    """A close-up of a sofa, blanket or bed: soft colour with folds and a weave or a checked print."""
    img = _blank(_jitter(rng, [(0.7, 0.3, 0.3), (0.3, 0.4, 0.65), (0.8, 0.75, 0.65), (0.4, 0.55, 0.4),
                               (0.55, 0.45, 0.6), (0.85, 0.85, 0.85)][rng.randint(6)], 0.08))
    folds = raster.value_noise(rng, (SIZE, SIZE), cells=3, octaves=1)
    img *= (0.75 + 0.4 * folds)[..., None]
    if rng.uniform() < 0.4:
        y, x = np.mgrid[0:SIZE, 0:SIZE] + 0.5
        period = rng.uniform(8, 16)
        check = ((x // period + y // period) % 2)[..., None]
        img = img * (1 - 0.18 * check)
    _texture(img, rng, slice(0, SIZE), 0.25, cells=24, octaves=2)
    return img, rng.uniform(0.75, 0.95) * SIZE


def studio(rng):
    """A plain backdrop: a soft vertical or radial gradient, light or dark."""
    a = rng.uniform(0.1, 0.95, 3) if rng.uniform() < 0.5 else np.full(3, rng.uniform(0.1, 0.95))
    b = np.clip(a * rng.uniform(0.6, 1.3) + rng.uniform(-0.1, 0.1, 3), 0, 1)
    if rng.uniform() < 0.5:
        img = _blank(0)
        raster.paint(img, raster.box(32, 32, 64, 64), raster.vertical_gradient(a, b))
    else:
        y, x = np.mgrid[0:SIZE, 0:SIZE] + 0.5
        t = np.clip(np.hypot(x - rng.uniform(16, 48), y - rng.uniform(16, 48)) / 45, 0, 1)[..., None]
        img = a + (b - a) * t
    return img, rng.uniform(0.7, 0.95) * SIZE


def brick_wall(rng):
    """A brick or stone wall, sometimes above a pavement."""
    brick = _jitter(rng, [(0.65, 0.3, 0.2), (0.6, 0.58, 0.55), (0.75, 0.6, 0.45)][rng.randint(3)], 0.06)
    img = _blank(brick)
    h, w = rng.uniform(4, 7), rng.uniform(9, 15)
    y, x = np.mgrid[0:SIZE, 0:SIZE] + 0.5
    row = np.floor(y / h)
    mortar = ((y % h) < 0.9) | (((x + (row % 2) * w / 2) % w) < 0.9)
    img *= (0.85 + 0.3 * raster.value_noise(rng, (SIZE, SIZE), cells=10))[..., None]
    img = np.where(mortar[..., None], np.array([0.78, 0.76, 0.72]) * rng.uniform(0.7, 1.0), img)
    floor_y = rng.uniform(0.6, 0.85) * SIZE
    if rng.uniform() < 0.6:
        raster.paint(img, raster.box(32, floor_y + 40, 80, 80), _jitter(rng, (0.55, 0.55, 0.55), 0.1))
        _texture(img, rng, slice(int(floor_y), SIZE), 0.35, cells=20, octaves=2)
    return img, floor_y + rng.uniform(0.2, 0.7) * (SIZE - floor_y)


BACKGROUNDS = {"outdoor": outdoor, "indoor": indoor, "fabric": fabric, "studio": studio,
               "brick_wall": brick_wall}
WEIGHTS = {"outdoor": 0.3, "indoor": 0.3, "fabric": 0.15, "studio": 0.15, "brick_wall": 0.1}


def random_background(rng, weights=None):
    """A random background.

    Arguments:
        rng: np.random.RandomState.
        weights: dict kind -> relative weight (kinds are the keys of :data:`BACKGROUNDS`);
            missing kinds get weight 0. Default :data:`WEIGHTS`.

    Returns:
        (picture (64, 64, 3) float in [0, 1], floor_y in pixels, the kind's name).
    """
    weights = WEIGHTS if weights is None else weights
    names = list(BACKGROUNDS)
    p = np.array([weights.get(n, 0.0) for n in names], dtype=float)
    kind = names[rng.choice(len(names), p=p / p.sum())]
    img, floor_y = BACKGROUNDS[kind](rng)
    return np.clip(img, 0, 1), float(floor_y), kind
