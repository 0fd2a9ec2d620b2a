"""A call that passes the called function's own parameters in another order than its def line.

``forward_propagation(parameters, X)`` where the def line reads ``forward_propagation(X,
parameters)``, or ``initialize_parameters(n_x, n_y, n_h)`` for ``(n_x, n_h, n_y)``: the names tell
what the student meant, and the order says what Python does. Found from the calls themselves, not
from the values, so it holds for any mistake of this kind in any graded function.

Both paths reduce a graded function to plain data first, a list of :data:`Call`, and judge that
with :func:`out_of_order`:

- the public checks read the function object's bytecode (:func:`calls_in_code`; a notebook's
  cells have no file to read the source from) and its callees' signatures (:func:`notebook_signatures`);
- the grader reads the submitted cells' source (:func:`calls_in_source`, :func:`defs_in_source`).

Only calls whose positional arguments are plain names and that have no keyword arguments are
read (``f(a, b)``, not ``f(a, b=c)`` or ``f(g(a), b)``), and only callees defined in the notebook
(not library functions), so both paths see the same calls.
"""

from __future__ import annotations

import ast
import dis
import inspect
import types
from typing import Any, Mapping, Sequence

from layerlab.judge.catalogue import mistake
from layerlab.judge.outcome import Diagnosis

#: ``(callee, positional argument names)``; an argument that is not a plain name is ``None``.
Call = tuple[str, tuple["str | None", ...]]

MISTAKE = "call.arguments-out-of-order"
_SIMPLE_LOADS = ("LOAD_FAST", "LOAD_DEREF", "LOAD_GLOBAL", "LOAD_NAME")


def calls_in_code(fn: Any, callees: Sequence[str]) -> list[Call]:
    """The calls of ``fn`` (a Python function) to the functions named in ``callees`` whose
    arguments are all plain names, read from its bytecode."""
    code = getattr(fn, "__code__", None)
    if code is None:
        return []
    instructions = list(dis.get_instructions(code))
    found = []
    for i, ins in enumerate(instructions):
        if ins.opname not in ("LOAD_GLOBAL", "LOAD_NAME") or ins.argval not in callees:
            continue
        names: list[str] = []
        j = i + 1
        while j < len(instructions) and instructions[j].opname.startswith(_SIMPLE_LOADS):
            value = instructions[j].argval
            names.extend(value if isinstance(value, tuple) else [value])
            j += 1
        while j < len(instructions) and instructions[j].opname in ("PRECALL", "CACHE"):
            j += 1
        if j < len(instructions) and instructions[j].opname == "CALL" and instructions[j].arg == len(names):
            found.append((ins.argval, tuple(names)))
    return found


def notebook_signatures(fn: Any) -> dict[str, tuple[str, ...]]:
    """The positional parameter names of the functions in ``fn``'s globals that were defined in a
    notebook (functions of a module with a file, such as NumPy's or layerlab's, are left out)."""
    found = {}
    for name, value in getattr(fn, "__globals__", {}).items():
        if not isinstance(value, types.FunctionType) or value is fn:
            continue
        module = inspect.getmodule(value)
        if module is not None and getattr(module, "__file__", None) and module.__name__ != "__main__":
            continue
        code = value.__code__
        found[name] = tuple(code.co_varnames[:code.co_argcount])
    return found


def defs_in_source(sources: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The positional parameter names of every top-level function defined in ``sources``."""
    found = {}
    for source in sources:
        for node in _parsed(source).body:
            if isinstance(node, ast.FunctionDef):
                found[node.name] = tuple(a.arg for a in [*node.args.posonlyargs, *node.args.args])
    return found


def calls_in_source(sources: Sequence[str], name: str, callees: Sequence[str]) -> list[Call]:
    """The calls that the top-level function ``name`` defined in ``sources`` makes to the
    functions named in ``callees``, when their arguments are all plain names (no keywords)."""
    for source in sources:
        for node in _parsed(source).body:
            if isinstance(node, ast.FunctionDef) and node.name == name:
                return [(call.func.id, tuple(a.id for a in call.args))
                        for call in ast.walk(node)
                        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                        and call.func.id in callees and not call.keywords
                        and all(isinstance(a, ast.Name) for a in call.args)]
    return []


@mistake(MISTAKE, "a function called with its arguments in another order than its def line",
         topic="python-basics")
def out_of_order(calls: Sequence[Call], signatures: Mapping[str, Sequence[str]]) -> Diagnosis | None:
    """The first call in ``calls`` that passes at least two of the callee's own parameter names
    at other positions than its def line has them."""
    for callee, args in calls:
        params = list(signatures.get(callee, ()))
        misplaced = [(i, a) for i, a in enumerate(args)
                     if a in params and params.index(a) != i and i < len(params)]
        if len(misplaced) < 2:
            continue
        given = ", ".join(a or "…" for a in args)
        where = "; ".join(f"`{a}` is passed where `{params[i]}` belongs" for i, a in misplaced)
        return Diagnosis(MISTAKE, f"`{callee}({given})` passes its arguments in another order than "
                                  f"its def line `{callee}({', '.join(params)})`: {where}; Python "
                                  f"matches arguments by position, so pass them in the def line's order")
    return None


def _parsed(source: str) -> ast.Module:
    """``source`` parsed, its IPython lines (``%magic``, ``!command``) blanked; empty if it does not parse."""
    lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()]
    try:
        return ast.parse("\n".join(lines))
    except (SyntaxError, ValueError):
        return ast.Module(body=[], type_ignores=[])
