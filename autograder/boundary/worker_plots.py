"""The worker's matplotlib: a seeded font list, a deferred import, and figures closed after cells.

Imported by ``worker.py`` as a plain file next to it (standard library only; matplotlib is
imported only when the notebook uses it). The grader draws nothing: these only keep a worker's
start cheap and its memory flat.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
import sys
import types


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
    """Make ``import matplotlib.pyplot as plt`` (and ``import matplotlib``) cheap until a cell
    actually uses them.

    Most notebooks import pyplot in their first cell only to draw, and the grader does not draw;
    the import costs ~0.4 s of every worker (0.1 s of it matplotlib itself). Stand-ins
    (:class:`DeferredModule`) wait in ``sys.modules`` for both; the first attribute a cell reads
    from either imports the real module, exactly as usual. Should matplotlib be imported some
    other way first, a finder still hands pyplot's import to Python's lazy loader."""
    sys.meta_path.insert(0, LazyPyplotFinder())
    if "matplotlib" in sys.modules or importlib.util.find_spec("matplotlib") is None:
        return  # not installed: importing it fails as usual
    parent = DeferredModule("matplotlib", is_package=True)
    child = DeferredModule("matplotlib.pyplot")
    object.__setattr__(parent, "pyplot", child)  # `import matplotlib.pyplot as plt` reads this
    sys.modules["matplotlib"], sys.modules["matplotlib.pyplot"] = parent, child


class DeferredModule(types.ModuleType):
    """Stands in for a module in ``sys.modules`` until one of its attributes is read: then the
    stand-ins leave ``sys.modules``, the real module is imported, and this object answers every
    later read from it (a name bound to the stand-in keeps working)."""

    def __init__(self, name: str, is_package: bool = False):
        super().__init__(name)
        spec = importlib.machinery.ModuleSpec(name, None, is_package=is_package)
        object.__setattr__(self, "__spec__", spec)
        object.__setattr__(self, "_deferred_real", None)

    def __getattr__(self, attr: str):  # only for what the stand-in does not hold itself
        return getattr(self._real(), attr)

    def __setattr__(self, attr: str, value) -> None:
        setattr(self._real(), attr, value)

    def __dir__(self):
        return dir(self._real())

    def _real(self) -> types.ModuleType:
        real = object.__getattribute__(self, "_deferred_real")
        if real is None:
            for name in ("matplotlib.pyplot", "matplotlib"):
                if isinstance(sys.modules.get(name), DeferredModule):
                    del sys.modules[name]
            real = importlib.import_module(self.__name__)
            object.__setattr__(self, "_deferred_real", real)
        return real


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


def pyplot_in_use():
    """The real ``matplotlib.pyplot`` when a cell has used it, else None (a stand-in or a lazily
    loaded pyplot drew nothing, and asking it would import it)."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is None or type(pyplot).__name__ in ("_LazyModule", "DeferredModule"):
        return None
    return pyplot


def close_figures() -> None:
    """Close what a cell drew (a pyplot that is still lazy drew nothing)."""
    pyplot = pyplot_in_use()
    if pyplot is not None:
        try:
            pyplot.close("all")
        except Exception:
            pass
