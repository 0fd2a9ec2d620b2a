"""A tiny anti-aliased rasterizer in pure NumPy, used to draw the generated cat / non-cat pictures.

Every shape is a *signed distance function* (SDF): ``sdf(x, y)`` returns, for arrays of pixel-centre
coordinates, the distance in pixels to the shape's outline, negative inside. Painting a shape covers
each pixel by ``clip(0.5 - distance, 0, 1)``, the fraction of a one-pixel-wide box filter that lies
inside the outline, which gives smooth (anti-aliased) edges without supersampling. Shapes combine
with ``|`` (union), ``&`` (intersection) and ``-`` (difference).

Coordinates are in pixels: x grows to the right, y grows *downwards* (row index), and the centre of
pixel (row i, column j) is at (x, y) = (j + 0.5, i + 0.5). Pictures are float arrays of shape
(H, W, 3) with values in [0, 1] while they are drawn.

Only NumPy arithmetic is used (no PIL drawing), so the output does not change with library versions.
"""

import numpy as np

_EPS = 1e-9


class Shape:
    """A signed distance function together with a bounding box.

    Attributes:
        sdf: callable(x, y) -> distances, all three arrays of the same shape (h, w).
        bbox: (x0, y0, x1, y1), a box in pixels outside which the shape is surely empty.
    """

    def __init__(self, sdf, bbox):
        self.sdf = sdf
        self.bbox = tuple(float(v) for v in bbox)

    def __or__(self, other):
        a, b = self.bbox, other.bbox
        return Shape(lambda x, y: np.minimum(self.sdf(x, y), other.sdf(x, y)),
                     (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])))

    def __and__(self, other):
        a, b = self.bbox, other.bbox
        return Shape(lambda x, y: np.maximum(self.sdf(x, y), other.sdf(x, y)),
                     (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])))

    def __sub__(self, other):
        return Shape(lambda x, y: np.maximum(self.sdf(x, y), -other.sdf(x, y)), self.bbox)

    def grow(self, amount):
        """The shape inflated by ``amount`` pixels (negative shrinks it)."""
        x0, y0, x1, y1 = self.bbox
        m = max(amount, 0)
        return Shape(lambda x, y: self.sdf(x, y) - amount, (x0 - m, y0 - m, x1 + m, y1 + m))

    def outline(self, width):
        """A band of ``width`` pixels centred on the outline."""
        x0, y0, x1, y1 = self.bbox
        h = width / 2
        return Shape(lambda x, y: np.abs(self.sdf(x, y)) - h, (x0 - h, y0 - h, x1 + h, y1 + h))


def _rotate(x, y, cx, cy, angle):
    """Coordinates of points (x, y) in a frame centred at (cx, cy) and turned by ``angle`` radians."""
    c, s = np.cos(angle), np.sin(angle)
    dx, dy = x - cx, y - cy
    return c * dx + s * dy, -s * dx + c * dy


def ellipse(cx, cy, rx, ry, angle=0.0):
    """An ellipse with centre (cx, cy), semi-axes rx, ry (pixels), turned by ``angle`` radians."""
    rx, ry = max(rx, 0.05), max(ry, 0.05)

    def sdf(x, y):
        u, v = _rotate(x, y, cx, cy, angle)
        k0 = np.sqrt((u / rx) ** 2 + (v / ry) ** 2)
        k1 = np.sqrt((u / rx ** 2) ** 2 + (v / ry ** 2) ** 2)
        return k0 * (k0 - 1.0) / (k1 + _EPS)  # first-order distance estimate, exact on the outline

    r = max(rx, ry)
    return Shape(sdf, (cx - r, cy - r, cx + r, cy + r))


def circle(cx, cy, r):
    """A disc of radius r pixels centred at (cx, cy)."""
    return Shape(lambda x, y: np.hypot(x - cx, y - cy) - r, (cx - r, cy - r, cx + r, cy + r))


def box(cx, cy, w, h, angle=0.0, radius=0.0):
    """A w-by-h rectangle centred at (cx, cy), turned by ``angle``, corners rounded by ``radius``."""
    hw, hh = w / 2 - radius, h / 2 - radius

    def sdf(x, y):
        u, v = _rotate(x, y, cx, cy, angle)
        qx, qy = np.abs(u) - hw, np.abs(v) - hh
        outside = np.hypot(np.maximum(qx, 0), np.maximum(qy, 0))
        return outside + np.minimum(np.maximum(qx, qy), 0) - radius

    r = np.hypot(w, h) / 2
    return Shape(sdf, (cx - r, cy - r, cx + r, cy + r))


def polygon(points):
    """A (possibly concave) polygon through ``points``, an (n, 2) sequence of (x, y) vertices."""
    pts = np.asarray(points, dtype=float)

    def sdf(x, y):
        d2 = (x - pts[0, 0]) ** 2 + (y - pts[0, 1]) ** 2
        sign = np.ones_like(x)
        for i in range(len(pts)):
            (ax, ay), (bx, by) = pts[i], pts[i - 1]
            ex, ey = bx - ax, by - ay
            wx, wy = x - ax, y - ay
            t = np.clip((wx * ex + wy * ey) / (ex * ex + ey * ey + _EPS), 0.0, 1.0)
            d2 = np.minimum(d2, (wx - ex * t) ** 2 + (wy - ey * t) ** 2)
            c1, c2, c3 = y >= ay, y < by, ex * wy > ey * wx
            flip = (c1 & c2 & c3) | (~c1 & ~c2 & ~c3)
            sign = np.where(flip, -sign, sign)
        return sign * np.sqrt(d2)

    return Shape(sdf, (*pts.min(axis=0), *pts.max(axis=0)))


def stroke(points, radius):
    """A thick polyline through ``points`` ((n, 2) sequence of (x, y)); round caps and joins.

    ``radius`` is the half-width in pixels: a number, or one value per point (tapering strokes,
    e.g. tails and legs).
    """
    pts = np.asarray(points, dtype=float)
    radii = np.broadcast_to(np.asarray(radius, dtype=float), (len(pts),))

    def sdf(x, y):
        d = np.full(x.shape, np.inf)
        for i in range(len(pts) - 1):
            (ax, ay), (bx, by) = pts[i], pts[i + 1]
            ex, ey = bx - ax, by - ay
            wx, wy = x - ax, y - ay
            t = np.clip((wx * ex + wy * ey) / (ex * ex + ey * ey + _EPS), 0.0, 1.0)
            dist = np.hypot(wx - ex * t, wy - ey * t) - (radii[i] + (radii[i + 1] - radii[i]) * t)
            d = np.minimum(d, dist)
        return d

    r = radii.max()
    lo, hi = pts.min(axis=0) - r, pts.max(axis=0) + r
    return Shape(sdf, (*lo, *hi))


def bezier(p0, p1, p2, p3=None, n=12):
    """Points along a quadratic (3 control points) or cubic (4) Bezier curve. Returns (n, 2)."""
    t = np.linspace(0.0, 1.0, n)[:, None]
    p0, p1, p2 = (np.asarray(p, dtype=float) for p in (p0, p1, p2))
    if p3 is None:
        return (1 - t) ** 2 * p0 + 2 * (1 - t) * t * p1 + t ** 2 * p2
    p3 = np.asarray(p3, dtype=float)
    return (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3


def paint(image, shape, color, opacity=1.0):
    """Paint ``shape`` over ``image`` in place (painter's algorithm, anti-aliased edges).

    Arguments:
        image: (H, W, 3) float array, values in [0, 1].
        shape: a :class:`Shape`.
        color: an RGB triple in [0, 1], or a callable(x, y) -> (h, w, 3) array giving a colour per
            pixel (gradients, fur patterns, shading); x and y are (h, w) pixel-centre coordinates.
        opacity: 0..1, multiplies the coverage (for shadows and translucent things).
    """
    H, W = image.shape[:2]
    x0, y0, x1, y1 = shape.bbox
    j0, i0 = max(int(np.floor(x0)) - 1, 0), max(int(np.floor(y0)) - 1, 0)
    j1, i1 = min(int(np.ceil(x1)) + 2, W), min(int(np.ceil(y1)) + 2, H)
    if j0 >= j1 or i0 >= i1:
        return
    y, x = np.mgrid[i0:i1, j0:j1].astype(float) + 0.5
    cover = np.clip(0.5 - shape.sdf(x, y), 0.0, 1.0) * opacity
    if not cover.any():
        return
    rgb = color(x, y) if callable(color) else np.asarray(color, dtype=float)
    window = image[i0:i1, j0:j1]
    window += cover[..., None] * (rgb - window)


def value_noise(rng, size, cells, octaves=1):
    """Smooth random texture: a random grid bilinearly upsampled, summed over octaves.

    Arguments:
        rng: np.random.RandomState.
        size: (H, W) of the result.
        cells: number of grid cells across the first octave (small = large blobs).
        octaves: each further octave doubles the cell count and halves the amplitude.

    Returns:
        (H, W) float array scaled to [0, 1].
    """
    H, W = size
    total = np.zeros((H, W))
    amplitude = 1.0
    for k in range(octaves):
        n = cells * 2 ** k
        grid = rng.uniform(size=(n + 2, n + 2))
        gy = (np.arange(H) + 0.5) / H * n
        gx = (np.arange(W) + 0.5) / W * n
        iy, ix = gy.astype(int), gx.astype(int)
        fy, fx = (gy - iy)[:, None], (gx - ix)[None, :]
        fy, fx = fy * fy * (3 - 2 * fy), fx * fx * (3 - 2 * fx)  # smoothstep: no grid creases
        a = grid[iy][:, ix]
        b = grid[iy][:, ix + 1]
        c = grid[iy + 1][:, ix]
        d = grid[iy + 1][:, ix + 1]
        total += amplitude * ((a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy)
        amplitude /= 2
    lo, hi = total.min(), total.max()
    return (total - lo) / (hi - lo + _EPS)


def lit(color, cx, cy, r, strength=0.3, light=(-0.5, -0.8)):
    """A colour callable that shades ``color`` like a lit ball: brighter towards ``light``.

    (cx, cy) and r are the centre and size of the object in pixels; ``light`` is a direction.
    """
    base = np.asarray(color, dtype=float)
    lx, ly = light

    def rgb(x, y):
        t = np.clip(((x - cx) * lx + (y - cy) * ly) / (r + _EPS), -1.0, 1.0)
        return np.clip(base * (1.0 + strength * t)[..., None], 0.0, 1.0)

    return rgb


def vertical_gradient(top, bottom, y0=0.0, y1=64.0):
    """A colour callable fading from ``top`` at y0 to ``bottom`` at y1."""
    top, bottom = np.asarray(top, dtype=float), np.asarray(bottom, dtype=float)

    def rgb(x, y):
        t = np.clip((y - y0) / (y1 - y0 + _EPS), 0.0, 1.0)[..., None]
        return top + (bottom - top) * t

    return rgb


def blur(image, amount):
    """Soften ``image`` ((H, W, C) float) with a 3x3 kernel; amount in [0, 1] weighs the neighbours."""
    padded = np.pad(image, ((1, 1), (1, 1), (0, 0)), mode="edge")
    neighbours = (padded[:-2, 1:-1] + padded[2:, 1:-1] + padded[1:-1, :-2] + padded[1:-1, 2:]) / 4
    return image * (1 - amount) + neighbours * amount
