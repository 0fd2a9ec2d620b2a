"""The procedural cat / non-cat pictures: layerlab's own stand-in for the course's photographs.

:func:`generate_cat_pictures` draws a deterministic, seeded set of 64x64 RGB pictures in the
course format. Label 1 pictures show a drawn cat (a face close-up, or sitting, lying, walking or
asleep); label 0 pictures show something else (dogs, teddy bears, birds, cars, houses, trees,
flowers, balls, mugs, boats, fruit, landscapes). Every picture gets a random background (outdoor,
indoor, fabric, studio, brick wall), sometimes props behind the subject or something in front of
it, and camera-like variations (exposure, colour cast, blur, noise).

How hard it is (measured by ``benchmarks/dataset_difficulty.py``): trained the course's way,
logistic regression fits the training pictures (about 100 %) but gets only about two thirds of
the test pictures right, and the course's 4-layer network does clearly better (by about 8 to 10
points on average over seeds; on the default set 66 % against 78 %). Two choices make it so:

* Cats stand out from their backgrounds: half of them have dark fur, half light fur, and each
  sits on a background clearly brighter or darker than its fur (see :data:`MIN_CONTRAST`), so
  some cats are darker and some lighter than their surroundings. A linear model weighs each pixel
  one way, so the two kinds of cat partly cancel out in it; a network with hidden ReLU units can
  answer "a cat-shaped region that differs from its surroundings, in either direction".
* The test set holds more cats (half) than the training set (a third), as in the course's files
  (34 % and 66 %); logistic regression, trained on mostly non-cats, answers "cat" less readily.

To keep the course's learning rates stable the "camera" darkens the drawings to the brightness of
photographs (mean pixel value about 0.4, see :data:`TONE_GAMMA`).

Determinism: picture ``i`` of a split is drawn from its own ``np.random.RandomState([seed, split,
i])`` (the legacy generator, whose stream NumPy keeps stable) with NumPy arithmetic only, no
drawing library, so the same seed gives the same pictures from one run, machine and library
version to the next (up to a rare one-level difference in a pixel where a platform's ``sin`` or
``exp`` rounds differently). Bump :data:`GENERATOR_VERSION` whenever a change alters the pictures:
it keys the cache, and ``tests/datasets`` holds fingerprints of the default set to remind you.
"""

import numpy as np

from . import backgrounds, cat_coat, cat_drawings, clutter, other_drawings, raster
from .course_format import CLASSES, NUM_PX

GENERATOR_VERSION = 1
"""Changes whenever the generator's output changes; part of the cache key."""

DEFAULT_SEED = 8
"""The seed of the set that :func:`layerlab.datasets.load_dataset` serves by default."""

CAT_FRACTION = {"train": 1 / 3, "test": 0.5}
"""Share of cats in each split (rounded to whole pictures). Like the course's files (34 % cats in
training, 66 % in the test set), the test set holds more cats than the training set."""

_SPLIT_CODE = {"train": 0, "test": 1}

# Where each subject is photographed (relative weights of background kinds). Cats are mostly
# indoors, on sofas and blankets; most non-cats are outdoors. Like in real photo collections the
# background correlates with the label, but never decides it: every kind appears with both.
SETTINGS = {
    "cat": {"indoor": 0.35, "fabric": 0.3, "studio": 0.1, "outdoor": 0.15, "brick_wall": 0.1},
    "dog_face": {"outdoor": 0.4, "indoor": 0.3, "fabric": 0.1, "studio": 0.2},
    "dog_standing": {"outdoor": 0.7, "indoor": 0.2, "brick_wall": 0.1},
    "teddy_bear": {"indoor": 0.4, "fabric": 0.3, "studio": 0.3},
    "bird": {"outdoor": 0.8, "studio": 0.2},
    "car": {"outdoor": 0.6, "brick_wall": 0.3, "studio": 0.1},
    "house": {"outdoor": 1.0},
    "tree": {"outdoor": 1.0},
    "flowers": {"outdoor": 0.6, "indoor": 0.2, "studio": 0.2},
    "ball": {"outdoor": 0.5, "indoor": 0.3, "studio": 0.2},
    "mug": {"indoor": 0.5, "studio": 0.3, "fabric": 0.2},
    "boat": {"outdoor": 1.0},
    "fruit": {"indoor": 0.5, "studio": 0.5},
    "landscape": {"outdoor": 1.0},
}


TONE_GAMMA = 1.5
"""Tone curve applied by the "camera": drawings are bright and flat, photographs darker. With it
the pictures' mean pixel value is about 0.4, like the course's photographs, which keeps the
course's learning rates stable (brighter inputs make gradient descent at 0.0075 oscillate)."""


MIN_CONTRAST = 0.35
"""How much brighter or darker than the middle of its background a cat's fur is, at least (on a
0..1 scale): a cat is photographed where it stands out, so a background is drawn again (up to
:data:`BACKGROUND_TRIES` times) until it contrasts with the coat."""

BACKGROUND_TRIES = 20


def _background_behind(rng, weights, luma):
    """A background whose middle differs in brightness from ``luma`` by MIN_CONTRAST or more
    (or the last one tried). Returns (picture, ground row)."""
    for _ in range(BACKGROUND_TRIES):
        img, ground, _ = backgrounds.random_background(rng, weights)
        quarter = NUM_PX // 4
        if abs(img[quarter:-quarter, quarter:-quarter].mean() - luma) >= MIN_CONTRAST:
            break
    return img, ground


def _camera(img, rng):
    """Exposure, contrast, colour cast, vignetting, tone curve, softness and sensor noise."""
    img = img * rng.uniform(0.75, 1.15) + rng.uniform(-0.06, 0.06)
    mean = img.mean()
    img = mean + (img - mean) * rng.uniform(0.8, 1.15)
    img = img * (1 + rng.uniform(-0.08, 0.08, 3))
    img = np.clip(img, 0, 1) ** TONE_GAMMA
    if rng.uniform() < 0.3:
        y, x = np.mgrid[0:NUM_PX, 0:NUM_PX] + 0.5
        d = np.hypot(x - NUM_PX / 2, y - NUM_PX / 2) / (NUM_PX / 2)
        img = img * (1 - rng.uniform(0.1, 0.35) * np.clip(d - 0.5, 0, 1))[..., None]
    img = raster.blur(img, rng.uniform(0.0, 0.6))
    img = img + rng.normal(0, rng.uniform(0.005, 0.035), img.shape)
    return np.clip(img, 0, 1)


def render_picture(rng, label):
    """Draw one picture.

    Arguments:
        rng: np.random.RandomState that decides everything about the picture.
        label: 1 for a cat, 0 for something else.

    Returns:
        picture: (64, 64, 3) uint8 RGB array.
        subject: str naming what was drawn, e.g. "cat/sitting" or "car".
    """
    if label == 1:
        pose = cat_drawings.choose_pose(rng)
        coat = cat_coat.Coat(rng, NUM_PX, dark=rng.uniform() < 0.5)
        img, ground = _background_behind(rng, SETTINGS["cat"], coat.luma)
        clutter.add_props(img, rng, ground, NUM_PX)
        cat_drawings.draw_cat(img, rng, ground, pose, coat, NUM_PX)
        subject = "cat/" + pose
    else:
        subject = other_drawings.choose_thing(rng)
        img, ground, _ = backgrounds.random_background(rng, SETTINGS[subject])
        clutter.add_props(img, rng, ground, NUM_PX)
        other_drawings.draw_other(img, rng, ground, subject, NUM_PX)
    clutter.add_occluder(img, rng, ground, NUM_PX)
    img = _camera(img, rng)
    return (img * 255 + 0.5).astype(np.uint8), subject


def generate_split(n, seed, split, cat_fraction=None):
    """Draw the pictures of one split.

    Arguments:
        n: number of pictures.
        seed: int, the data set's seed.
        split: "train" or "test" (the two splits use different random streams).
        cat_fraction: share of cats, rounded to a whole number of pictures; None for
            ``CAT_FRACTION[split]``.

    Returns:
        x: (n, 64, 64, 3) uint8 pictures.
        y: (1, n) int64 labels, 1 = cat.
        subjects: list of n strings naming what each picture shows.
    """
    code = _SPLIT_CODE[split]
    if cat_fraction is None:
        cat_fraction = CAT_FRACTION[split]
    n_cats = int(round(cat_fraction * n))
    y = np.zeros(n, dtype=np.int64)
    y[:n_cats] = 1
    y = y[np.random.RandomState([seed, code, 2 ** 31 - 1]).permutation(n)]
    x = np.empty((n, NUM_PX, NUM_PX, 3), dtype=np.uint8)
    subjects = []
    for i in range(n):
        x[i], subject = render_picture(np.random.RandomState([seed, code, i]), y[i])
        subjects.append(subject)
    return x, y.reshape(1, n), subjects


def generate_cat_pictures(n_train=209, n_test=50, seed=DEFAULT_SEED, cat_fraction=None):
    """Generate a cat / non-cat data set, shaped like the course's files.

    Arguments:
        n_train, n_test: number of pictures in each split (the course's files have 209 and 50).
        seed: int; the same seed always gives the same pictures.
        cat_fraction: share of cats, the same in both splits; None for :data:`CAT_FRACTION`
            (a third of the training pictures, half of the test pictures).

    Returns:
        train_x_orig: (n_train, 64, 64, 3) uint8.
        train_y: (1, n_train) int64, 1 = cat, 0 = non-cat.
        test_x_orig: (n_test, 64, 64, 3) uint8.
        test_y: (1, n_test) int64.
        classes: (2,) array ``[b"non-cat", b"cat"]``.

    Takes about a second per hundred pictures.
    """
    train_x, train_y, _ = generate_split(n_train, seed, "train", cat_fraction)
    test_x, test_y, _ = generate_split(n_test, seed, "test", cat_fraction)
    return train_x, train_y, test_x, test_y, CLASSES.copy()
