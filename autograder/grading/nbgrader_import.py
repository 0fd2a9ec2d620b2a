"""nbgrader's modules without its package's start-up, for the commands of ``python -m autograder``.

Importing any module of nbgrader (``nbgrader.api``, ``nbgrader.coursedir``) first runs
``nbgrader/__init__.py``, which loads nbgrader's Jupyter Server extensions: Jupyter Server,
Tornado's web stack, the exchange, the apps and every preprocessor with nbconvert. The grader uses
none of them, and they cost each run about 0.4 s of CPU. :func:`defer_package_start` puts the
package in ``sys.modules`` without running that file: its modules import as usual, one by one, and
the first time anything asks the package for another name (``nbgrader.__version__``, a
server-extension hook) the file runs, so nothing else changes.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

PACKAGE = "nbgrader"


class DeferredPackage(types.ModuleType):
    """A package whose ``__init__.py`` has not run yet (see :func:`defer_package_start`)."""

    def __getattr__(self, name: str):  # only for names the package does not hold yet
        if not name.startswith("__"):
            try:
                submodule = importlib.util.find_spec(f"{self.__name__}.{name}")
            except (ImportError, ValueError):
                submodule = None
            if submodule is not None:  # `from nbgrader import utils`: that module alone
                return importlib.import_module(f"{self.__name__}.{name}")
        self.__class__ = types.ModuleType  # from now on an ordinary module, started below
        self.__spec__.loader.exec_module(self)
        return getattr(self, name)


def defer_package_start() -> None:
    """Install :class:`DeferredPackage` for nbgrader, unless it is imported already or missing."""
    if PACKAGE in sys.modules:
        return
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        return
    package = importlib.util.module_from_spec(spec)
    package.__class__ = DeferredPackage
    sys.modules[PACKAGE] = package
