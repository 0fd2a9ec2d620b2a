"""What a graded function's code does with its names, as plain data, read the same way by both
paths: the public checks read the function object's bytecode (a notebook cell has no file to read
the source from), the grader reads the submitted cells' source. :mod:`layerlab.judge.code_mistakes`
judges the result.

Only what both readings see alike is kept: calls to the notebook's own functions whose arguments
are plain names (``f(a, b)``, ``f(a, k=b)``; not ``f(g(a), b)``), the single name a call's result
is stored in, the parameters, the local names read and stored, and the loop variables.
"""

from __future__ import annotations

import ast
import dis
import inspect
import threading
import types
from dataclasses import dataclass, field
from typing import Any, Sequence

_SIMPLE_LOADS = ("LOAD_FAST", "LOAD_DEREF", "LOAD_GLOBAL", "LOAD_NAME")
#: Python 3.11's ast.parse is not safe to run in two threads at once (the grader scores in threads).
_PARSE_LOCK = threading.Lock()


@dataclass(frozen=True)
class Call:
    """``target = callee(*args, **keywords)``: ``args`` the positional argument names, then the
    keyword arguments' value names when ``keywords``; ``target`` the one name the result is
    stored in (None: none, or several)."""

    callee: str
    args: tuple[str, ...]
    keywords: bool = False
    target: str | None = None


@dataclass
class CodeFacts:
    """One function's names. ``signatures``: the positional parameter names of the notebook's
    functions it may call (its own excluded)."""

    name: str
    params: tuple[str, ...] = ()
    calls: list[Call] = field(default_factory=list)
    loaded: set[str] = field(default_factory=set)
    stored: set[str] = field(default_factory=set)
    loop_variables: set[str] = field(default_factory=set)
    signatures: dict[str, tuple[str, ...]] = field(default_factory=dict)


# ----------------------------------------------------------------------------- the public checks

def from_function(fn: Any) -> CodeFacts:
    """The facts of a function object (its bytecode; its callees from its globals)."""
    code = fn.__code__
    facts = CodeFacts(fn.__name__, tuple(code.co_varnames[:code.co_argcount]),
                      signatures=notebook_signatures(fn))
    instructions = list(dis.get_instructions(code))
    for i, ins in enumerate(instructions):
        if ins.opname.startswith(("LOAD_FAST", "LOAD_DEREF", "LOAD_CLOSURE")):
            facts.loaded.update(ins.argval if isinstance(ins.argval, tuple) else [ins.argval])
        elif ins.opname in ("STORE_FAST", "STORE_DEREF"):
            facts.stored.add(ins.argval)
            if i and instructions[i - 1].opname == "FOR_ITER":
                facts.loop_variables.add(ins.argval)
        elif ins.opname in ("LOAD_GLOBAL", "LOAD_NAME") and ins.argval in facts.signatures:
            call = _call_at(instructions, i)
            if call:
                facts.calls.append(call)
    for const in code.co_consts:  # names a nested function or comprehension reads
        if isinstance(const, types.CodeType):
            facts.loaded.update(ins.argval for ins in dis.get_instructions(const)
                                if ins.opname.startswith(("LOAD_FAST", "LOAD_DEREF")) and isinstance(ins.argval, str))
    return facts


def _call_at(instructions: list, i: int) -> Call | None:
    names: list[str] = []
    j, keywords = i + 1, False
    while j < len(instructions) and instructions[j].opname.startswith(_SIMPLE_LOADS):
        value = instructions[j].argval
        names.extend(value if isinstance(value, tuple) else [value])
        j += 1
    while j < len(instructions) and instructions[j].opname in ("KW_NAMES", "PRECALL", "CACHE"):
        keywords = keywords or instructions[j].opname == "KW_NAMES"
        j += 1
    if j >= len(instructions) or instructions[j].opname != "CALL" or instructions[j].arg != len(names):
        return None
    after = instructions[j + 1] if j + 1 < len(instructions) else None
    target = after.argval if after is not None and after.opname in ("STORE_FAST", "STORE_DEREF") else None
    return Call(instructions[i].argval, tuple(names), keywords, target)


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
        found[name] = tuple(value.__code__.co_varnames[:value.__code__.co_argcount])
    return found


# ----------------------------------------------------------------------------- the grader

def definitions(sources: Sequence[str]) -> dict[str, ast.FunctionDef]:
    """The top-level functions defined in ``sources`` (the submitted code cells), by name; a cell
    that does not parse defines none. Parse a notebook's cells once, then read any of them."""
    return {node.name: node for source in sources for node in _parsed(source).body
            if isinstance(node, ast.FunctionDef)}


def from_definitions(defs: dict[str, ast.FunctionDef], name: str) -> CodeFacts | None:
    """The facts of the function ``name`` among ``defs`` (:func:`definitions`); None when it is
    not defined."""
    node = defs.get(name)
    if node is None:
        return None
    signatures = {n: _params(d) for n, d in defs.items() if n != name}
    facts = CodeFacts(name, _params(node), signatures=signatures)
    assigned = {id(s.value) for s in ast.walk(node) if isinstance(s, ast.Assign)}
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            (facts.loaded if isinstance(sub.ctx, ast.Load) else facts.stored).add(sub.id)
        elif isinstance(sub, (ast.For, ast.comprehension)) and isinstance(sub.target, ast.Name):
            facts.loop_variables.add(sub.target.id)
        elif isinstance(sub, ast.Assign) and isinstance(sub.value, ast.Call):
            call = _call(sub.value, signatures)
            if call:
                target = sub.targets[0].id if len(sub.targets) == 1 and isinstance(sub.targets[0], ast.Name) else None
                facts.calls.append(Call(call.callee, call.args, call.keywords, target))
        elif isinstance(sub, ast.Call) and id(sub) not in assigned:
            call = _call(sub, signatures)
            if call:
                facts.calls.append(call)
    return facts


def _call(call: ast.Call, signatures: dict) -> Call | None:
    if not (isinstance(call.func, ast.Name) and call.func.id in signatures):
        return None
    values = [*call.args, *(k.value for k in call.keywords)]
    if not all(isinstance(v, ast.Name) for v in values) or any(k.arg is None for k in call.keywords):
        return None
    return Call(call.func.id, tuple(v.id for v in values), bool(call.keywords))


def _params(node: ast.FunctionDef) -> tuple[str, ...]:
    return tuple(a.arg for a in [*node.args.posonlyargs, *node.args.args])


def _parsed(source: str) -> ast.Module:
    """``source`` parsed, its IPython lines (``%magic``, ``!command``) blanked; empty if it does not parse."""
    lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()]
    try:
        with _PARSE_LOCK:
            return ast.parse("\n".join(lines))
    except (SyntaxError, ValueError, RecursionError, MemoryError):  # a submission's code may be hostile
        return ast.Module(body=[], type_ignores=[])
