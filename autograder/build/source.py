"""Read the instructor notebooks in ``source/``: graded functions, their points, and the reference.

The reference solution of every graded function is the code of its solution cell in the source
notebook, and nowhere else. :meth:`SourceNotebook.reference` executes the notebook's imports and
its solution cells (nothing else: no demos, no training) in a fresh namespace and returns it.

A solution cell either defines one graded function or, in a quiz, sets one answer variable
(``q3 = "b"``): a :class:`GradedAnswer`, whose reference (the answer key) is that variable in the
same namespace, and whose explanation is the hidden-tests region of its test cell (stripped from
the release by nbgrader).
"""

from __future__ import annotations

import ast
import contextlib
import functools
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
import types
from types import SimpleNamespace

import nbformat

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIR = ROOT / "source"


@dataclass(frozen=True)
class GradedFunction:
    """A graded function: defined in a solution cell, checked by the locked test cell after it."""

    name: str
    solution_cell: str  # nbgrader grade_id of the solution cell
    test_cell: str      # nbgrader grade_id of the test cell
    points: float


@dataclass(frozen=True)
class GradedAnswer:
    """A quiz answer: a variable set in a solution cell, checked (format only) by the locked test
    cell after it. ``hidden`` is the source of that test cell's ``### BEGIN HIDDEN TESTS`` region,
    which explains the answer and never reaches the release."""

    name: str
    solution_cell: str
    test_cell: str
    points: float
    hidden: str = ""


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

    def solution_definitions(self) -> dict[str, ast.FunctionDef]:
        """The syntax tree of every function its solution cells define, by name."""
        return {node.name: node for cell in self.solution_cells() for node in _parse(cell.source).body
                if isinstance(node, ast.FunctionDef)}

    @property
    def graded_functions(self) -> list[GradedFunction]:
        """Each solution cell defines one function (or sets one quiz answer, see
        :attr:`graded_answers`); the next graded cell is its test cell."""
        return [GradedFunction(name, meta.get("grade_id"), tmeta.get("grade_id"),
                               float(tmeta.get("points", 0)))
                for name, is_answer, meta, test, tmeta in self._graded_cells() if not is_answer]

    @property
    def graded_answers(self) -> list[GradedAnswer]:
        """The quiz answers: solution cells that define no function and set one variable."""
        return [GradedAnswer(name, meta.get("grade_id"), tmeta.get("grade_id"),
                             float(tmeta.get("points", 0)), hidden_tests(test.source))
                for name, is_answer, meta, test, tmeta in self._graded_cells() if is_answer]

    def _graded_cells(self):
        """(name, is_answer, solution metadata, test cell, test metadata) per solution cell."""
        cells = self.nb.cells
        for i, cell in enumerate(cells):
            meta = self.nbgrader_meta(cell)
            if cell.cell_type != "code" or not meta.get("solution"):
                continue
            names = _defined_functions(cell.source)
            answer = _answer_variable(cell.source) if not names else None
            if len(names) != 1 and answer is None:
                raise SourceError(f"{self.path.name}: solution cell {meta.get('grade_id')!r} must "
                                  f"define exactly one function (or, in a quiz, set exactly one answer "
                                  f"variable), it defines {list(names) or 'none'}")
            name = answer or names[0]
            test = next((c for c in cells[i + 1:] if self.nbgrader_meta(c).get("grade")
                         and not self.nbgrader_meta(c).get("solution")), None)
            if test is None:
                raise SourceError(f"{self.path.name}: no test cell after the solution of {name}")
            yield name, answer is not None, meta, test, self.nbgrader_meta(test)

    def reference(self) -> SimpleNamespace:
        """A namespace holding the notebook's imports, the functions its locked cells provide to
        students (e.g. a given ``sigmoid``), the reference building blocks of an earlier
        assignment it builds on (:mod:`autograder.build.helper_modules`), and every function of its
        solution cells."""
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
            if any(alias.name == "matplotlib.pyplot" for node in imports if isinstance(node, ast.Import)
                   for alias in node.names):
                defer_pyplot()
            exec(compile(ast.Module(body=imports + provided, type_ignores=[]), f"<{self.name} imports>",
                         "exec"), namespace)
            blocks = _blocks_built_on(self)
            if blocks:  # the earlier assignment's reference blocks, as the grader serves them
                exec(compile(blocks, f"<blocks of {self.name}>", "exec"), namespace)
            for cell in self.solution_cells():
                exec(compile(_parse(cell.source), f"<{self.name} solution>", "exec"), namespace)
        return SimpleNamespace(**{k: v for k, v in namespace.items() if not k.startswith("__")})


def defer_pyplot() -> None:
    """Let ``import matplotlib.pyplot`` (and ``import matplotlib``) bind stand-ins that import
    the real modules at their first use, as the worker does (:mod:`worker_plots`): notebooks
    import pyplot in their first cell, their graded functions seldom draw, and importing it costs
    the grader about half a second of CPU. Nothing changes once pyplot is imported."""
    from autograder.boundary import worker_plots

    if "matplotlib.pyplot" not in sys.modules:
        worker_plots.defer_pyplot()


def _blocks_built_on(notebook: SourceNotebook) -> str | None:
    """Module text of the reference blocks the notebook's assignment builds on, read from the
    source folder the notebook lies in (None for most assignments)."""
    from autograder.build import helper_modules

    if helper_modules.helper_for(notebook.assignment) is None:
        return None
    return helper_modules.served_blocks(notebook.assignment, notebook.path.parent.parent)


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
            if os.path.dirname(os.path.abspath(_file_of(module) or "/")) == here:
                del sys.modules[name]

    forget()
    sys.path.insert(0, here)
    try:
        yield
    finally:
        sys.path.remove(here)
        forget()


def _file_of(module) -> str | None:
    """A module's ``__file__``, read from its namespace: a module that is imported at its first
    use (see :func:`defer_pyplot`) would be imported by reading the attribute."""
    if isinstance(module, types.ModuleType):
        return object.__getattribute__(module, "__dict__").get("__file__")
    return getattr(module, "__file__", None)


#: CPython 3.11's ast.parse keeps its recursion depth in state shared by all threads; two threads
#: parsing at once can fail with "SystemError: AST constructor recursion depth mismatch"
#: (python/cpython#106905). The grader reads source cells from several threads: one at a time
#: (strip_hidden.py parses under this lock too).
PARSE_LOCK = threading.Lock()


def _parse(source: str) -> ast.Module:
    """Parse a code cell, first turning IPython syntax (``%magic``, ``!cmd``) into plain Python."""
    from IPython.core.inputtransformer2 import TransformerManager

    text = TransformerManager().transform_cell(source)
    with PARSE_LOCK:
        return ast.parse(text)


@functools.lru_cache(maxsize=1024)
def _defined_functions(source: str) -> tuple[str, ...]:
    """The functions a cell defines (cached by its text: the grader asks for every source cell
    of every submission)."""
    return tuple(n.name for n in _parse(source).body if isinstance(n, ast.FunctionDef))


@functools.lru_cache(maxsize=1024)
def _answer_variable(source: str) -> str | None:
    """The one variable a quiz answer cell sets (every statement is ``name = value`` with the
    same name, e.g. ``q3 = None`` then ``q3 = "b"``), else None."""
    body = _parse(source).body
    names = {t.id for node in body if isinstance(node, ast.Assign) for t in node.targets
             if isinstance(t, ast.Name)}
    simple = all(isinstance(node, ast.Assign) and len(node.targets) == 1
                 and isinstance(node.targets[0], ast.Name) for node in body)
    return names.pop() if body and simple and len(names) == 1 else None


def hidden_tests(source: str) -> str:
    """The lines of a test cell between ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS``
    (nbgrader's delimiters; the release does not have them), joined; "" when there are none."""
    lines, inside = [], False
    for line in source.splitlines():
        if "BEGIN HIDDEN TESTS" in line:
            inside = True
        elif "END HIDDEN TESTS" in line:
            inside = False
        elif inside:
            lines.append(line)
    return "\n".join(lines)
