"""Read the instructor notebooks in ``source/``: graded functions, their points, and the reference.

The reference solution of every graded function is the code of its solution cell in the source
notebook, and nowhere else. :meth:`SourceNotebook.reference` executes the notebook's imports and
its solution cells (nothing else: no demos, no training) in a fresh namespace and returns it.
"""

from __future__ import annotations

import ast
import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "source"


@dataclass(frozen=True)
class GradedFunction:
    """A graded function: defined in a solution cell, checked by the locked test cell after it."""

    name: str
    solution_cell: str  # nbgrader grade_id of the solution cell
    test_cell: str      # nbgrader grade_id of the test cell
    points: float


class SourceError(ValueError):
    """A source notebook that breaks the course's conventions."""


class SourceNotebook:
    """One instructor notebook ``source/<assignment>/<name>.ipynb``."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.assignment = self.path.parent.name
        self.name = self.path.stem
        self.nb = nbformat.read(self.path, as_version=4)

    def __repr__(self) -> str:
        return f"SourceNotebook({self.assignment}/{self.name})"

    @staticmethod
    def nbgrader_meta(cell) -> dict:
        return cell.get("metadata", {}).get("nbgrader", {})

    def solution_cells(self) -> list:
        return [c for c in self.nb.cells
                if c.cell_type == "code" and self.nbgrader_meta(c).get("solution")]

    @property
    def graded_functions(self) -> list[GradedFunction]:
        """Each solution cell defines one function; the next graded cell is its test cell."""
        found = []
        cells = self.nb.cells
        for i, cell in enumerate(cells):
            meta = self.nbgrader_meta(cell)
            if cell.cell_type != "code" or not meta.get("solution"):
                continue
            names = _defined_functions(cell.source)
            if len(names) != 1:
                raise SourceError(f"{self.path.name}: solution cell {meta.get('grade_id')!r} must "
                                  f"define exactly one function, it defines {names or 'none'}")
            test = next((c for c in cells[i + 1:] if self.nbgrader_meta(c).get("grade")
                         and not self.nbgrader_meta(c).get("solution")), None)
            if test is None:
                raise SourceError(f"{self.path.name}: no test cell after the solution of {names[0]}")
            tmeta = self.nbgrader_meta(test)
            found.append(GradedFunction(names[0], meta.get("grade_id"), tmeta.get("grade_id"),
                                        float(tmeta.get("points", 0))))
        return found

    def reference(self) -> SimpleNamespace:
        """A namespace holding the notebook's imports, the functions its locked cells provide to
        students (e.g. a given ``sigmoid``), and every function of its solution cells."""
        namespace: dict = {"__name__": f"reference_{self.name}"}
        imports, provided = [], []
        for cell in self.nb.cells:
            meta = self.nbgrader_meta(cell)
            if cell.cell_type == "code" and not meta.get("solution") and not meta.get("grade"):
                body = _parse(cell.source).body
                imports += [node for node in body if isinstance(node, (ast.Import, ast.ImportFrom))]
                if meta.get("locked"):
                    provided += [node for node in body if isinstance(node, ast.FunctionDef)]
        with _beside(self.path.parent):
            exec(compile(ast.Module(body=imports + provided, type_ignores=[]), f"<{self.name} imports>",
                         "exec"), namespace)
            for cell in self.solution_cells():
                exec(compile(_parse(cell.source), f"<{self.name} solution>", "exec"), namespace)
        return SimpleNamespace(**{k: v for k, v in namespace.items() if not k.startswith("__")})


def source_notebooks(source_dir: Path = SOURCE_DIR) -> list[SourceNotebook]:
    """Every ``source/<assignment>/*.ipynb``, sorted by assignment."""
    return [SourceNotebook(p) for p in sorted(source_dir.glob("*/*.ipynb"))
            if ".ipynb_checkpoints" not in p.parts]


@contextlib.contextmanager
def _beside(folder: Path):
    """Let imports find modules that sit beside the notebook, as its kernel does (whose working
    directory is the notebook's folder), e.g. a generated helper module; such modules are read
    afresh on entry and forgotten on exit, so a regenerated one is never served from a cache."""

    here = str(Path(folder).resolve())

    def forget():
        for name, module in list(sys.modules.items()):
            if os.path.dirname(os.path.abspath(getattr(module, "__file__", None) or "/")) == here:
                del sys.modules[name]

    forget()
    sys.path.insert(0, here)
    try:
        yield
    finally:
        sys.path.remove(here)
        forget()


def _parse(source: str) -> ast.Module:
    """Parse a code cell, first turning IPython syntax (``%magic``, ``!cmd``) into plain Python."""
    from IPython.core.inputtransformer2 import TransformerManager

    return ast.parse(TransformerManager().transform_cell(source))


def _defined_functions(source: str) -> list[str]:
    return [n.name for n in _parse(source).body if isinstance(n, ast.FunctionDef)]
