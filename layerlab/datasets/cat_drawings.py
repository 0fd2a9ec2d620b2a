"""Drawings of cats (label 1) for the generated cat / non-cat pictures.

A cat is a :class:`~.cat_coat.Coat` (fur colours and pattern, eye colour) drawn in one of several
poses: a close-up of the face, sitting seen from the front, lying down, walking seen from the side
and curled up asleep. Every pose reuses :func:`draw_head`, which draws the features that say "cat":
pointed ears with pink insides, almond eyes with slit pupils, a small pink nose, a "w" mouth and
whiskers. All sizes are in units of the head radius, placed with :class:`~.frames.Frame`.
"""

import numpy as np

from . import raster
from .cat_coat import PINK, WHITE_FUR
from .frames import Frame
from .sketch import shadow


# ------------------------------------------------------------------------------------------------
# The head: what makes a drawing a cat
# ------------------------------------------------------------------------------------------------

def draw_head(img, rng, coat, f, eyes_closed=False, look=(0.0, 0.0)):
    """Draw a cat's head in frame ``f`` (unit = head radius, origin = head centre).

    Arguments:
        img: (64, 64, 3) float picture, drawn on in place.
        rng: np.random.RandomState for the small variations (ear size, eye shape, whiskers).
        coat: the cat's :class:`Coat`.
        f: a :class:`~.frames.Frame`; the head spans about u in [-1.1, 1.1], v in [-1.4, 0.8].
        eyes_closed: draw sleeping eyes (curved lines).
        look: (du, dv) shift of the pupils, in head radii.
    """
    r = f.scale
    cx, cy = f.xy(0, 0)
    fur = coat.paint(cx, cy, r, stripes=False)
    ear_len = rng.uniform(0.9, 1.2)
    ear_spread = rng.uniform(-0.08, 0.12)
    eye_y = rng.uniform(-0.12, 0.0)
    dark_line = np.array([0.08, 0.07, 0.07])

    # Ears (behind the head), with pink insides.
    for side in (-1, 1):
        tip = (side * (0.80 + ear_spread), -0.62 - 0.72 * ear_len)
        outer = (side * 1.00, -0.22)
        inner = (side * 0.18, -0.90)
        ear_col = coat.point_colour if coat.pattern == "pointed" else fur
        raster.paint(img, f.polygon([outer, tip, inner]).grow(0.03 * r), ear_col)
        cu, cv = (outer[0] + tip[0] + inner[0]) / 3, (outer[1] + tip[1] + inner[1]) / 3
        inside = [(cu + 0.62 * (p[0] - cu), cv + 0.05 + 0.62 * (p[1] - cv)) for p in (outer, tip, inner)]
        raster.paint(img, f.polygon(inside), PINK * (0.75 if coat.dark else 0.95), 0.9)

    # Head: a round skull over wider, fluffy cheeks.
    head = f.circle(0, -0.05, 0.95) | f.ellipse(0, 0.15, 1.12, 0.72)
    raster.paint(img, head, fur)
    if coat.pattern == "pointed":
        raster.paint(img, f.ellipse(0, 0.25, 0.6, 0.55), coat.point_colour, 0.85)
    if coat.pattern == "tabby":  # the forehead "M"
        for k in (-1, 0, 1):
            raster.paint(img, f.stroke([(0.22 * k, -0.88), (0.12 * k, -0.42)], 0.055), coat.stripe)
        for side in (-1, 1):
            raster.paint(img, f.stroke([(side * 0.75, 0.05), (side * 1.05, 0.12)], 0.045), coat.stripe)
    if coat.pattern in ("tuxedo", "calico") or rng.uniform() < 0.25:
        raster.paint(img, f.ellipse(0, 0.42, 0.42, 0.32), WHITE_FUR)
        if coat.pattern == "tuxedo":
            raster.paint(img, f.polygon([(-0.2, 0.35), (0.2, 0.35), (0, -0.3)]).grow(0.05 * r),
                         WHITE_FUR)

    # Eyes: almond shapes, slanted up at the outer corner, with vertical slit pupils.
    eye_rx, eye_ry = rng.uniform(0.17, 0.23), rng.uniform(0.12, 0.17)
    pupil = rng.uniform(0.035, 0.11)
    for side in (-1, 1):
        ex, ey = side * 0.38, eye_y
        slant = -side * 0.25
        if eyes_closed:
            pts = raster.bezier((ex - 0.18, ey), (ex, ey + 0.12), (ex + 0.18, ey), n=8)
            raster.paint(img, f.stroke(pts, 0.045), dark_line)
            continue
        raster.paint(img, f.ellipse(ex, ey, eye_rx + 0.045, eye_ry + 0.04, slant), dark_line)
        raster.paint(img, f.ellipse(ex, ey, eye_rx, eye_ry, slant), coat.eye)
        px, py = ex + look[0] * eye_rx, ey + look[1] * eye_ry
        raster.paint(img, f.ellipse(px, py, pupil, eye_ry * 0.95), (0.02, 0.02, 0.02))
        raster.paint(img, f.circle(px + 0.05, py - 0.05, 0.035), (1, 1, 1), 0.9)

    # Muzzle: nose, mouth, whiskers.
    nose_col = PINK * 0.9 if not coat.dark else np.array([0.35, 0.25, 0.27])
    raster.paint(img, f.polygon([(-0.11, 0.20), (0.11, 0.20), (0, 0.32)]).grow(0.02 * r), nose_col)
    mouth = [(-0.2, 0.42), (-0.1, 0.46), (0, 0.38), (0.1, 0.46), (0.2, 0.42)]
    raster.paint(img, f.stroke([(0, 0.32), (0, 0.39)], 0.025), dark_line, 0.8)
    raster.paint(img, f.stroke(mouth, 0.025), dark_line, 0.8)
    for side in (-1, 1):
        for k in range(3):
            droop = rng.uniform(-0.05, 0.05)
            start = (side * 0.28, 0.34 + 0.06 * k)
            mid = (side * 0.8, 0.22 + 0.13 * k + droop)
            end = (side * 1.35, 0.18 + 0.26 * k + 2 * droop)
            pts = raster.bezier(start, mid, end, n=6)
            raster.paint(img, f.stroke(pts, max(0.022, 0.3 / r)), coat.whisker, 0.85)


# ------------------------------------------------------------------------------------------------
# Poses
# ------------------------------------------------------------------------------------------------

def _tail(img, coat, f, control, r0=0.22, r1=0.13):
    pts = raster.bezier(*control, n=14)
    shape = f.stroke(pts, np.linspace(r0, r1, len(pts)))
    cx, cy = f.xy(*np.mean(pts, axis=0))
    raster.paint(img, shape, coat.paint(cx, cy, f.scale * 1.5, stripe_angle=f.angle))
    if coat.extremity is not None:
        tip = f.stroke(pts[-4:], np.linspace(r0, r1, len(pts))[-4:] + 0.01)
        raster.paint(img, tip, coat.extremity)


def _paw(img, coat, f, u, v, ru=0.3, rv=0.17):
    col = coat.extremity if coat.extremity is not None else coat.base * 1.05
    raster.paint(img, f.ellipse(u, v, ru, rv), np.clip(col, 0, 1))



def _rest(ground, bottom, top, r, size):
    """Row of a frame's origin so that local row ``bottom`` rests near ``ground`` (pixels) while
    local row ``top`` (negative, above the origin) stays inside the picture."""
    return float(np.clip(ground - bottom * r, -top * r + 1, size - 0.6 * bottom * r))


def face_closeup(img, rng, coat, ground, size=64):
    """A head filling much of the picture, often with shoulders below it."""
    r = rng.uniform(13, 20)
    cx = rng.uniform(0.38, 0.62) * size
    cy = rng.uniform(0.48, 0.62) * size
    f = Frame(cx, cy, r, angle=rng.uniform(-0.3, 0.3))
    if rng.uniform() < 0.8:
        body = Frame(cx, cy, r).ellipse(rng.uniform(-0.3, 0.3), 1.6, 1.5, 1.0)
        raster.paint(img, body, coat.paint(cx, cy + 1.6 * r, 1.5 * r, stripe_angle=np.pi / 2))
        if coat.pattern == "tuxedo":
            raster.paint(img, Frame(cx, cy, r).ellipse(0, 1.3, 0.5, 0.7), WHITE_FUR)
    look = (rng.uniform(-0.4, 0.4), rng.uniform(-0.3, 0.3))
    draw_head(img, rng, coat, f, look=look)


def sitting(img, rng, coat, ground, size=64):
    """Sitting upright, seen from the front, tail curled beside the paws."""
    r = rng.uniform(6.5, 10.0)
    cx = rng.uniform(0.3, 0.7) * size
    f = Frame(cx, _rest(ground, 3.5, -2.2, r, size), r, mirror=rng.uniform() < 0.5)
    tilt = rng.uniform(-0.25, 0.25)
    shadow(img, f, 0.2, 3.55, 1.8, 0.35)
    _tail(img, coat, f, [(0.9, 3.2), (2.0, 3.5), (1.9, 2.2), (1.5, 1.7)])
    body_col = coat.paint(*f.xy(0, 2.0), 1.6 * r, stripe_angle=np.pi / 2)
    haunches = f.ellipse(-0.75, 2.85, 0.6, 0.65) | f.ellipse(0.75, 2.85, 0.6, 0.65)
    body = f.ellipse(0, 2.1, 1.15, 1.45) | haunches
    raster.paint(img, body, body_col)
    if coat.pattern in ("tuxedo", "calico") or rng.uniform() < 0.3:
        raster.paint(img, f.ellipse(0, 1.75, 0.5, 0.85), WHITE_FUR)
    for side in (-1, 1):
        raster.paint(img, f.stroke([(side * 0.33, 2.0), (side * 0.36, 3.3)], [0.24, 0.2]), body_col)
        raster.paint(img, f.stroke([(side * 0.05, 2.4), (side * 0.08, 3.2)], 0.02), coat.stripe, 0.5)
        _paw(img, coat, f, side * 0.38, 3.4)
    draw_head(img, rng, coat, f.child(0, 0, angle=tilt), look=(rng.uniform(-0.3, 0.3), 0.1))


def lying(img, rng, coat, ground, size=64):
    """Lying down like a loaf, head up, front paws stretched forward, tail along the side."""
    r = rng.uniform(6.0, 8.5)
    mirror = rng.uniform() < 0.5
    width = 5.5 * r
    x_head = rng.uniform(0.12 * size + 1.2 * r, size - width + 1.2 * r)
    if mirror:
        x_head = size - x_head
    f = Frame(x_head, _rest(ground, 2.1, -2.2, r, size), r, mirror=mirror)
    shadow(img, f, 1.8, 2.0, 3.0, 0.45)
    body_col = coat.paint(*f.xy(2.0, 1.0), 2.0 * r, stripe_angle=0.0)
    _tail(img, coat, f, [(3.7, 1.2), (4.6, 2.2), (3.0, 2.3), (2.0, 2.1)], 0.22, 0.15)
    raster.paint(img, f.ellipse(2.0, 1.0, 2.2, 1.05, angle=-0.08) | f.ellipse(3.3, 1.2, 1.0, 0.9),
                 body_col)
    for k, dv in enumerate((1.55, 1.9)):
        raster.paint(img, f.stroke([(0.9, dv - 0.1), (-0.5 - 0.3 * k, dv + 0.1)], 0.22), body_col)
        _paw(img, coat, f, -0.6 - 0.3 * k, dv + 0.1, 0.3, 0.2)
    draw_head(img, rng, coat, f.child(0, 0, angle=rng.uniform(-0.3, 0.2)),
              look=(rng.uniform(-0.3, 0.3), 0))


def walking(img, rng, coat, ground, size=64):
    """Walking, seen from the side, tail raised, head turned towards the viewer."""
    r = rng.uniform(5.5, 8.0)
    mirror = rng.uniform() < 0.5
    f = Frame(rng.uniform(0.4, 0.6) * size, _rest(ground, 2.0, -3.0, r, size), r, mirror=mirror)
    shadow(img, f, 0, 2.0, 2.6, 0.35)
    body_col = coat.paint(*f.xy(0, 0), 2.0 * r, stripe_angle=0.0)
    far = coat.paint(*f.xy(0, 0), 2.0 * r, light_strength=0.0)
    swing = rng.uniform(-0.3, 0.3)
    legs = [(-1.3, swing), (1.2, -swing), (-1.0, -swing), (1.5, swing)]
    for k, (u, s) in enumerate(legs):
        leg = f.stroke([(u, 0.1), (u + s * 0.5, 1.0), (u + s * 0.8, 1.85)], [0.36, 0.28, 0.24])
        raster.paint(img, leg, body_col if k >= 2 else (lambda x, y: far(x, y) * 0.8))
        _paw(img, coat, f, u + s * 0.8 - 0.1, 1.95, 0.28, 0.15)
    _tail(img, coat, f, [(1.9, -0.3), (2.9, -0.6), (2.3, -2.0), (3.0, -2.7)], 0.22, 0.14)
    raster.paint(img, f.ellipse(0, 0, 2.1, 0.85) | f.ellipse(-1.6, -0.6, 0.7, 0.75), body_col)
    draw_head(img, rng, coat, f.child(-2.1, -1.15, angle=rng.uniform(-0.2, 0.2)),
              look=(rng.uniform(-0.4, 0.4), 0))


def sleeping(img, rng, coat, ground, size=64):
    """Curled up asleep: a round body, the tail wrapped around, eyes shut."""
    r = rng.uniform(7.0, 9.5)
    f = Frame(rng.uniform(0.38, 0.62) * size, _rest(ground, 1.7, -1.9, r, size), r,
              mirror=rng.uniform() < 0.5)
    shadow(img, f, 0, 1.2, 2.3, 0.7)
    raster.paint(img, f.ellipse(0.2, 0, 2.0, 1.45), coat.paint(*f.xy(0.2, 0), 2.0 * r))
    _tail(img, coat, f, [(1.9, 0.3), (1.6, 1.7), (-0.8, 1.75), (-1.8, 0.9)], 0.3, 0.2)
    draw_head(img, rng, coat, f.child(-0.9, -0.1, scale=rng.uniform(0.9, 1.05),
                                     angle=rng.uniform(-0.6, -0.2)), eyes_closed=True)


POSES = {"face": face_closeup, "sitting": sitting, "lying": lying, "walking": walking,
         "sleeping": sleeping}
POSE_WEIGHTS = {"face": 0.55, "sitting": 0.2, "lying": 0.1, "walking": 0.06, "sleeping": 0.09}


def choose_pose(rng):
    """A random pose name, a key of :data:`POSES`."""
    names = list(POSES)
    return names[rng.choice(len(names), p=[POSE_WEIGHTS[n] for n in names])]


def draw_cat(img, rng, ground, pose, coat, size=64):
    """Draw one cat with the given :class:`Coat` and ``pose`` on ``img`` ((size, size, 3), in place).

    Cats that sit, lie, walk or sleep rest near row ``ground`` (pixels).
    """
    POSES[pose](img, rng, coat, ground, size)
