"""How a generated cat looks: fur colours and pattern, eye colour (:class:`Coat`).

Colours are RGB triples in [0, 1]. :mod:`.cat_drawings` draws a cat wearing a coat.
"""

import numpy as np

from . import raster

# Fur colours (RGB in [0, 1]) and the darker colour of their stripes.
FURS = {
    "ginger": ((0.86, 0.52, 0.22), (0.62, 0.30, 0.10)),
    "cream": ((0.93, 0.82, 0.62), (0.80, 0.62, 0.40)),
    "black": ((0.10, 0.10, 0.11), (0.05, 0.05, 0.05)),
    "grey": ((0.52, 0.54, 0.57), (0.32, 0.33, 0.36)),
    "brown": ((0.52, 0.40, 0.28), (0.25, 0.18, 0.12)),
    "silver": ((0.74, 0.74, 0.75), (0.30, 0.30, 0.32)),
    "white": ((0.95, 0.94, 0.91), (0.80, 0.80, 0.78)),
}
EYES = [(0.50, 0.74, 0.22), (0.92, 0.80, 0.18), (0.92, 0.58, 0.14), (0.38, 0.64, 0.92),
        (0.62, 0.78, 0.30)]
DARK_FURS = ("black", "brown", "grey")
LIGHT_FURS = ("ginger", "cream", "silver", "white")
PINK = np.array([0.93, 0.60, 0.62])
WHITE_FUR = np.array([0.96, 0.95, 0.92])


class Coat:
    """How one cat looks: fur colours, pattern and eyes, chosen at random.

    Arguments:
        rng: np.random.RandomState.
        size: size of the picture in pixels (for the patch map).
        dark: True for a dark coat (black, brown, grey; solid, tabby or tuxedo), False for a
            light one (ginger, cream, silver, white; solid, tabby, calico or colour-pointed),
            None to toss a coin.

    Attributes:
        base, stripe: (3,) fur colour and stripe colour.
        luma: mean of ``base``, the coat's brightness in [0, 1].
        pattern: "solid", "tabby", "tuxedo" (white chest, muzzle and paws), "calico" (patches of
            ginger and black on white), "pointed" (a pale body with dark face, ears, paws and tail).
        eye: (3,) iris colour.
        patches: (64, 64) noise map in picture coordinates for patchy coats, values in [0, 1].
    """

    def __init__(self, rng, size=64, dark=None):
        if dark is None:
            dark = rng.uniform() < 0.5
        patterns = ("solid", "tabby", "tabby", "tuxedo") if dark else \
            ("solid", "tabby", "tabby", "calico", "pointed")
        self.pattern = patterns[rng.randint(len(patterns))]
        if self.pattern == "tuxedo":
            fur = ("black", "grey", "black")[rng.randint(3)]
        elif self.pattern == "calico":
            fur = "white"
        elif self.pattern == "pointed":
            fur = "cream"
        else:
            furs = DARK_FURS if dark else LIGHT_FURS
            fur = furs[rng.randint(len(furs))]
        base, stripe = FURS[fur]
        shade = rng.uniform(0.85, 1.12)
        self.base = np.clip(np.array(base) * shade + rng.uniform(-0.04, 0.04, 3), 0, 1)
        self.stripe = np.clip(np.array(stripe) * shade, 0, 1)
        self.dark = dark
        self.luma = float(self.base.mean())
        self.eye = np.array(EYES[rng.randint(len(EYES))]) * rng.uniform(0.85, 1.1)
        self.point_colour = np.array([0.30, 0.20, 0.14]) * rng.uniform(0.8, 1.2)
        self.patches = raster.value_noise(rng, (size, size), cells=rng.randint(3, 6), octaves=2)
        self.stripe_period = rng.uniform(0.45, 0.65)

    def paint(self, cx, cy, r, stripe_angle=0.0, light_strength=0.25, stripes=True):
        """Colour callable for a body part centred at (cx, cy), r pixels across.

        Stripes (tabby coats, unless ``stripes`` is False) run across the direction
        ``stripe_angle``; patches (calico) follow the coat's noise map; everything is shaded as if
        lit from the upper left.
        """
        base, stripe = self.base, self.stripe
        period = self.stripe_period * r
        ca, sa = np.cos(stripe_angle), np.sin(stripe_angle)

        def rgb(x, y):
            col = np.broadcast_to(base, x.shape + (3,)).copy()
            if self.pattern == "tabby" and stripes:
                along = ((x - cx) * ca + (y - cy) * sa) / period
                wobble = 0.6 * np.sin((-(x - cx) * sa + (y - cy) * ca) / (0.7 * r))
                band = np.clip((np.sin(2 * np.pi * along + wobble) - 0.2) * 2.0, 0, 1)
                col += band[..., None] * (stripe - base)
            elif self.pattern == "calico":
                h, w = self.patches.shape
                n = self.patches[np.clip(y.astype(int), 0, h - 1), np.clip(x.astype(int), 0, w - 1)]
                ginger = np.clip((n - 0.55) * 8, 0, 1)[..., None]
                black = np.clip((0.30 - n) * 8, 0, 1)[..., None]
                col += ginger * (np.array(FURS["ginger"][0]) - col)
                col += black * (np.array(FURS["black"][0]) - col)
            t = np.clip(((x - cx) * -0.5 + (y - cy) * -0.8) / (r + 1e-9), -1, 1)
            return np.clip(col * (1 + light_strength * t)[..., None], 0, 1)

        return rgb

    @property
    def extremity(self):
        """Colour of paws and tail tip: dark for pointed coats, white for tuxedos."""
        if self.pattern == "pointed":
            return self.point_colour
        if self.pattern == "tuxedo":
            return WHITE_FUR
        return None

    @property
    def whisker(self):
        """Whisker colour: white, or grey where white would vanish on pale fur."""
        light_fur = self.base.mean() > 0.7 and self.pattern != "pointed"
        return np.array([0.35, 0.33, 0.32]) if light_fur else np.array([0.97, 0.97, 0.95])
