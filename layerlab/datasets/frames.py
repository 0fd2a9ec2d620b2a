"""Local drawing frames: describe a drawing in its own units, place it anywhere in the picture.

A cat's head, for example, is drawn in units of its radius with (0, 0) at its centre; a
:class:`Frame` scales, turns, mirrors and moves those coordinates into pixels, so one drawing
serves every size, tilt and facing direction.
"""

import numpy as np

from . import raster


class Frame:
    """Maps local (u, v) coordinates to picture pixels (x, y).

    Arguments:
        cx, cy: pixel position of the local origin.
        scale: pixels per local unit.
        angle: rotation in radians (positive turns clockwise on screen, since y points down).
        mirror: if True, u is negated first (the drawing faces the other way).
    """

    def __init__(self, cx, cy, scale, angle=0.0, mirror=False):
        self.cx, self.cy, self.scale, self.angle = cx, cy, scale, angle
        self.sign = -1.0 if mirror else 1.0
        self._c, self._s = np.cos(angle), np.sin(angle)

    def xy(self, u, v):
        """Pixel coordinates of local point (u, v)."""
        u = u * self.sign * self.scale
        v = v * self.scale
        return self.cx + self._c * u - self._s * v, self.cy + self._s * u + self._c * v

    def points(self, uv):
        """Pixel coordinates of an (n, 2) sequence of local points; returns (n, 2)."""
        return np.array([self.xy(u, v) for u, v in np.asarray(uv, dtype=float)])

    def child(self, u, v, scale=1.0, angle=0.0):
        """A frame at local (u, v), ``scale`` local units per child unit, turned by ``angle``."""
        x, y = self.xy(u, v)
        return Frame(x, y, self.scale * scale, self.angle + self.sign * angle, self.sign < 0)

    # Shapes given in local units ---------------------------------------------------------------

    def ellipse(self, u, v, ru, rv, angle=0.0):
        x, y = self.xy(u, v)
        return raster.ellipse(x, y, ru * self.scale, rv * self.scale,
                              self.angle + self.sign * angle)

    def circle(self, u, v, r):
        x, y = self.xy(u, v)
        return raster.circle(x, y, r * self.scale)

    def box(self, u, v, w, h, angle=0.0, radius=0.0):
        x, y = self.xy(u, v)
        return raster.box(x, y, w * self.scale, h * self.scale, self.angle + self.sign * angle,
                          radius * self.scale)

    def polygon(self, uv):
        return raster.polygon(self.points(uv))

    def stroke(self, uv, radius):
        return raster.stroke(self.points(uv), np.asarray(radius, dtype=float) * self.scale)

    def curve(self, control_uv, radius, n=12):
        """A thick Bezier curve through 3 or 4 local control points; radius per end or constant."""
        pts = raster.bezier(*[self.xy(u, v) for u, v in control_uv], n=n)
        r = np.asarray(radius, dtype=float) * self.scale
        if r.ndim == 1 and len(r) == 2:
            r = np.linspace(r[0], r[1], n)
        return raster.stroke(pts, r)
