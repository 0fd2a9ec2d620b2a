"""The worker's matplotlib: a seeded font list, a deferred pyplot, and figures closed after cells.

Imported by ``worker.py`` as a plain file next to it (standard library only; matplotlib is
imported only when the notebook uses it). The grader draws nothing: these only keep a worker's
start cheap and its memory flat.
"""

from __future__ import annotations

import os
import sys


def seed_font_cache() -> None:
    """Copy the font list the grader built (``LAYERLAB_FONT_CACHE``) into matplotlib's empty
    config folder, so importing pyplot does not scan the system's fonts again."""
    source, target = os.environ.get("LAYERLAB_FONT_CACHE"), os.environ.get("MPLCONFIGDIR")
    if not source or not target or not os.path.isdir(source):
        return
    try:
        import shutil

        os.makedirs(target, exist_ok=True)
        for name in os.listdir(source):
            if name.startswith("fontlist") and not os.path.exists(os.path.join(target, name)):
                shutil.copyfile(os.path.join(source, name), os.path.join(target, name))
    except OSError:
        pass  # matplotlib builds its own list


def defer_pyplot() -> None:
    """Make the first ``import matplotlib.pyplot`` cheap until a cell actually uses pyplot.

    Most notebooks import pyplot in their first cell only to draw, and the grader does not draw;
    the import costs ~0.3 s of every worker. A finder hands that first import to Python's lazy
    loader: the module is executed, exactly as usual, on the first access of one of its
    attributes (or by a second import statement)."""
    sys.meta_path.insert(0, LazyPyplotFinder())


class LazyPyplotFinder:
    """A one-shot meta path finder for ``matplotlib.pyplot`` (see :func:`defer_pyplot`)."""

    name = "matplotlib.pyplot"

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        import importlib.machinery
        import importlib.util

        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


def close_figures() -> None:
    """Close what a cell drew (a pyplot that is still lazy drew nothing)."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None and type(pyplot).__name__ != "_LazyModule":
        try:
            pyplot.close("all")
        except Exception:
            pass
