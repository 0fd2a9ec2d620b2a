"""The student's own building blocks, read from their step-by-step notebook.

The week-4 application trains networks with the functions the student wrote in
``deep_nn_step_by_step.ipynb`` (``linear_activation_forward``, ``L_model_backward``, ...). Nothing
ships those functions: :func:`load_building_blocks` reads the student's saved notebook (by default
``../week4_deep_nn_step_by_step/deep_nn_step_by_step.ipynb``, the sibling assignment folder as
nbgrader and the student kit lay them out), takes the imports and function definitions of its
code cells (nothing else runs: no checks, no demos, no training) and executes them in a fresh
module. A block still holding its stub (``raise NotImplementedError``) is listed when loading and
named when called; a block that fails shows its own lines, under the notebook's name and cell.

While the autograder grades the application, it sets :data:`SERVER_VARIABLE`: the blocks then come
from the grader itself (:mod:`layerlab.block_client`), so a grade never depends on the student's
step-by-step answers and no reference solution is ever inside the student's process.
"""

from __future__ import annotations

import ast
import linecache
import os
import traceback
import types
from pathlib import Path

from layerlab import threads

#: where the application's notebook finds the step-by-step notebook, relative to its own folder.
DEFAULT_NOTEBOOK = "../week4_deep_nn_step_by_step/deep_nn_step_by_step.ipynb"

#: the graded building blocks of the step-by-step notebook, in the order it teaches them.
BLOCKS = ("initialize_parameters", "initialize_parameters_deep", "linear_forward",
          "linear_activation_forward", "L_model_forward", "compute_cost", "linear_backward",
          "linear_activation_backward", "L_model_backward", "update_parameters")
#: the activations that notebook provides (locked cells); they come along with the blocks.
PROVIDED = ("sigmoid", "relu", "sigmoid_backward", "relu_backward")

#: set by the grader: "<read fd>,<write fd>" of its block server (see layerlab.block_client).
SERVER_VARIABLE = "LAYERLAB_BLOCK_SERVER"


class BuildingBlocksError(RuntimeError):
    """The step-by-step notebook could not be read, or lacks a building block."""

    def _render_traceback_(self):  # IPython shows the message alone, no traceback into layerlab
        return [f"BuildingBlocksError: {self}"]


class BuildingBlocks(types.SimpleNamespace):
    """The blocks as attributes (``blocks.L_model_forward``), plus where they come from:

    source:      the notebook they were read from (a Path), or None when the grader serves them
    unfinished:  names of blocks whose code still raises NotImplementedError
    """

    def explain(self, error: BaseException, otherwise: str) -> str:
        """What to do about ``error`` (a NotImplementedError): finish the building block that
        raised it, in the step-by-step notebook, if one did; else ``otherwise``."""
        frames = traceback.extract_tb(error.__traceback__)
        origin = block_origin(frames[-1].filename) if frames else None
        if origin is None:
            return otherwise
        return (f"Your building block {frames[-1].name} is not finished yet: complete it in "
                f"{origin}, save that notebook, run the first cell of this notebook again, then "
                f"this cell.")


def load_building_blocks(notebook: str | os.PathLike = DEFAULT_NOTEBOOK, quiet: bool = False) -> BuildingBlocks:
    """The building blocks (and the provided activations) as defined in ``notebook``.

    Prints one line saying where they come from and which blocks are not finished yet (unless
    ``quiet``). Raises :class:`BuildingBlocksError` when the notebook is missing or unreadable or
    a block is not defined in it.
    """
    if os.environ.get(SERVER_VARIABLE):
        from layerlab import block_client

        return BuildingBlocks(source=None, unfinished=[], **block_client.remote_blocks(BLOCKS + PROVIDED))
    path = Path(notebook)
    if not path.is_file():
        raise BuildingBlocksError(
            f"{path} was not found (the folder here is {Path.cwd()}). This notebook trains with the "
            f"building blocks you wrote in the step-by-step notebook: keep its assignment folder "
            f"next to this one (both inside the same course folder), or pass its path: "
            f"load_building_blocks('path/to/deep_nn_step_by_step.ipynb').")
    namespace = _execute_definitions(path)
    missing = [name for name in BLOCKS + PROVIDED if not callable(namespace.get(name))]
    if missing:
        raise BuildingBlocksError(
            f"{path} does not define {', '.join(missing)}. Open it, check that the cells defining "
            f"them are there (undo a deletion, or fetch the assignment again), save it, then run "
            f"this cell again.")
    unfinished = [name for name in BLOCKS if _is_stub(namespace[name])]
    if not quiet:
        print(f"Building blocks: yours, from {path}.")
        if unfinished:
            print(f"Not finished there yet: {', '.join(unfinished)}. Complete them in that notebook, "
                  f"save it, then run this cell again.")
    found = {name: namespace[name] for name in BLOCKS + PROVIDED}
    # called once per iteration by every training loop of the course: BLAS threads follow the load
    found["update_parameters"] = threads.rechecking(found["update_parameters"])
    return BuildingBlocks(source=path, unfinished=unfinished, **found)


def block_origin(filename: str) -> str | None:
    """The notebook a code object's ``filename`` comes from, if it is a loaded building block."""
    head, sep, _ = filename.partition(", cell ")
    return head[1:] if sep and filename.startswith("<") and head.endswith(".ipynb") else None


def _execute_definitions(path: Path) -> dict:
    """Run the imports and function definitions of every code cell of ``path`` (not its test
    cells) in a fresh namespace, each under the name ``<path, cell N>`` so that tracebacks show
    the student's own lines."""
    import nbformat
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:
        raise BuildingBlocksError(f"{path} could not be read as a notebook ({exc}); open it in "
                                  f"JupyterLab, save it, then run this cell again.") from None
    namespace: dict = {"__name__": "step_by_step_blocks"}
    for number, cell in enumerate(nb.cells, start=1):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type != "code" or (meta.get("grade") and not meta.get("solution")):
            continue
        filename = f"<{path}, cell {number}>"
        try:
            text = TransformerManager().transform_cell(cell.source)
            tree = ast.parse(text, filename)
        except SyntaxError as exc:
            raise BuildingBlocksError(f"cell {number} of {path} has a syntax error (line {exc.lineno}: "
                                      f"{exc.msg}); fix it there, save, then run this cell again.") from None
        kept = [node for node in tree.body
                if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef))]
        if not kept:
            continue
        linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
        try:
            exec(compile(ast.Module(body=kept, type_ignores=[]), filename, "exec"), namespace)
        except Exception as exc:
            raise BuildingBlocksError(f"cell {number} of {path} failed while defining its functions "
                                      f"({type(exc).__name__}: {exc}); fix it there, save, then "
                                      f"run this cell again.") from None
    return namespace


def _is_stub(function) -> bool:
    """Whether ``function``'s own code raises NotImplementedError (nbgrader's stub)."""
    code = function.__code__
    lines = linecache.getlines(code.co_filename)
    try:
        tree = ast.parse("".join(lines))
    except SyntaxError:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == function.__name__:
            return any(isinstance(n, ast.Raise) and n.exc is not None
                       and "NotImplementedError" in ast.unparse(n.exc) for n in ast.walk(node))
    return False
