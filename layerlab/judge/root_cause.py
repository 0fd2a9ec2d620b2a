"""Root cause first: when a graded function that another one calls fails its own checks, the
caller's feedback says so before anything else ("your `sigmoid` fails its own checks").

Which graded functions a function calls is read from its code: the public checks look at the
student's function object (:func:`called_names`), the grader at the solution cell's source
(:func:`called_in_source`); a spec's ``calls`` overrides both.
"""

from __future__ import annotations

import ast
from typing import Any, Callable, Sequence

from layerlab.judge.catalogue import mistake
from layerlab.judge.outcome import Diagnosis

CALLEE_FAILS = "call.callee-fails"


@mistake(CALLEE_FAILS, "a graded function it calls fails its own checks", topic="model-assembly")
def callee_fails(caller: str, callee: str) -> str:
    """The sentence for ``caller`` when its callee ``callee`` fails its own checks."""
    return (f"your `{callee}` fails its own checks, and `{caller}` depends on it: fix `{callee}` "
            f"first (its check says what is wrong), then check `{caller}` again")


#: the recognisers of this module (registered in the catalogue).
RECOGNISERS = (callee_fails,)


def called_names(fn: Any, graded: Sequence[str]) -> list[str]:
    """The graded functions (names in ``graded``) that ``fn``'s code uses, nested functions
    included, in the order of ``graded``; empty when ``fn`` has no code object."""
    code = getattr(fn, "__code__", None)
    names: set[str] = set()
    stack = [code] if code is not None else []
    while stack:
        current = stack.pop()
        names.update(current.co_names)
        stack.extend(c for c in current.co_consts if hasattr(c, "co_names"))
    own = getattr(fn, "__name__", None)
    return [g for g in graded if g in names and g != own]


def called_in_source(source: str, name: str, graded: Sequence[str]) -> list[str]:
    """The graded functions that the function ``name`` defined in ``source`` uses by name;
    empty when the source does not parse or does not define it."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            used.update(n.id for n in ast.walk(node) if isinstance(n, ast.Name))
    return [g for g in graded if g in used and g != name]


def root_causes(name: str, calls: Callable[[str], Sequence[str]],
                fails: Callable[[str], bool]) -> list[str]:
    """The failing functions that ``name`` depends on, deepest first: for each callee that fails,
    the failing callees of that callee when it has any, else the callee itself."""
    found: list[str] = []

    def visit(current: str, seen: frozenset) -> list[str]:
        deeper = [c for c in calls(current) if c not in seen and fails(c)]
        if not deeper:
            return [current]
        return [root for c in deeper for root in visit(c, seen | {c})]

    for callee in calls(name):
        if callee != name and fails(callee):
            found += visit(callee, frozenset({name, callee}))
    return list(dict.fromkeys(found))


def diagnosis(caller: str, roots: Sequence[str]) -> Diagnosis | None:
    """The root-cause diagnosis for ``caller`` (the first root named), or None without roots."""
    return Diagnosis(CALLEE_FAILS, callee_fails(caller, roots[0])) if roots else None
