"""The single changes of one node of a reference function, each with the sentence that names it.

:func:`changes` is asked about every node of a graded function's ``def`` by
:mod:`autograder.build.mutations`; it yields ``(kind, sentence, make)`` where ``make(node)`` builds
the changed node from a copy of the original. Sentences say what the student wrote and what
belongs there, in plain text ("Z1 instead of Z2 in the line that sets A2"), and a short
gloss where the code alone is terse ("adding where it should multiply"). A sentence is only ever
read by a student whose output is exactly that of the change (:mod:`layerlab.judge.near_misses`).
"""

from __future__ import annotations

import ast
import copy
import itertools
import re
from typing import Callable, Iterator

OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}
_VERBS = {"+": "adding", "-": "subtracting", "*": "multiplying", "/": "dividing"}
_INFINITIVE = {"+": "add", "-": "subtract", "*": "multiply", "/": "divide"}
_OTHER_OPS = {ast.Add: (ast.Sub, ast.Mult), ast.Sub: (ast.Add,), ast.Mult: (ast.Add, ast.Div),
              ast.Div: (ast.Mult, ast.Sub)}
_COMPARE = {ast.Gt: ast.Lt, ast.Lt: ast.Gt, ast.GtE: ast.LtE, ast.LtE: ast.GtE}
_FAMILIES = [("sigmoid", "relu", "np.tanh"), ("np.dot", "np.multiply"), ("np.sum", "np.mean"),
             ("np.random.randn", "np.random.rand"), ("np.exp", "np.log"), ("np.max", "np.sum"),
             ("sigmoid_backward", "relu_backward")]
#: calls that are never left out or swapped (their arguments are mutated instead)
_PLAIN = ("print", "range", "str", "len", "int", "list", "dict", "tuple", "enumerate", "zip")
#: strings that may stand for each other even if the function has only one of them
WORDS = ("relu", "sigmoid", "tanh")

Change = tuple[str, str, Callable[[ast.AST], ast.AST]]


def changes(node: ast.AST, where: str, names: set[str], texts: list[str]) -> Iterator[Change]:
    """Every single change of ``node``; ``where`` says where it is ("in the line that sets dZ1"),
    ``names`` the function's variables, ``texts`` the strings it uses."""
    if isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in _OTHER_OPS:
        old = OPS[type(node.op)]
        for op in _OTHER_OPS[type(node.op)]:
            new = OPS[op]
            yield ("operator", f"{new} instead of {old} {where} ({_VERBS[new]} where it should "
                               f"{_INFINITIVE[old]})", lambda n, op=op: with_fields(n, op=op()))
    if isinstance(node, ast.BinOp):
        yield from _binop_changes(node, where)
    elif isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _COMPARE:
        new = _COMPARE[type(node.ops[0])]()
        yield ("operator", f"{code(ast.Compare(node.left, [new], node.comparators))} instead of "
                           f"{code(node)} {where} (the comparison the other way round)",
               lambda n: with_fields(n, ops=[new]))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        yield ("dropped-part", f"a minus sign missing {where}: {short(code(node.operand))} instead of "
                               f"{short(code(node))} (the opposite sign)", lambda n: n.operand)
    elif isinstance(node, ast.Call):
        yield from _call_changes(node, where)
    elif isinstance(node, ast.Attribute) and node.attr == "T" and isinstance(node.ctx, ast.Load):
        yield ("transpose", f"{code(node.value)} instead of {code(node)} {where}: the .T is missing "
                            f"(not transposed)", lambda n: n.value)
    elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
        for other in sorted(names):
            if other != node.id and family(other) & family(node.id):
                yield ("name", f"{other} instead of {node.id} {where}", lambda n, o=other: ast.Name(o, ast.Load()))
    elif isinstance(node, ast.Subscript):
        yield from _subscript_changes(node, where, texts)
    elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in texts:
        for other in texts:
            if other != node.value and similar_texts(node.value, other):
                yield ("text", f'"{other}" instead of "{node.value}" {where}', lambda n, o=other: ast.Constant(o))
    elif isinstance(node, ast.Constant) and type(node.value) in (int, float) and abs(node.value) >= 10:
        for factor, how in ((10, "ten times too large"), (0.1, "ten times too small")):
            value = type(node.value)(node.value * factor) if factor > 1 else node.value / 10
            value = int(value) if isinstance(node.value, int) and value == int(value) else value
            yield ("number", f"{value} instead of {node.value} {where} ({how})", lambda n, v=value: ast.Constant(v))
    elif isinstance(node, ast.Tuple) and isinstance(node.ctx, ast.Load) and len(node.elts) == 2:
        yield from _shape_changes(node, where)


def _binop_changes(node: ast.BinOp, where: str) -> Iterator[Change]:
    op = OPS.get(type(node.op))
    if op is None:
        return
    if op in ("-", "/", "**"):
        what = "the fraction upside down: " if op == "/" else "the two sides exchanged: "
        yield ("operands", f"{what}{short(code(ast.BinOp(node.right, node.op, node.left)))} instead of "
                           f"{short(code(node))} {where}", lambda n: with_fields(n, left=n.right, right=n.left))
    right, left = short(code(node.right)), short(code(node.left))
    small = isinstance(node.right, ast.Constant) and node.right.value in (1, 2) and op in "+-"
    if small:
        yield ("dropped-part", f"off by one: {left} instead of {code(node)} {where}", lambda n: n.left)
    elif op == "/":
        yield ("dropped-part", f"no division by {right} {where} (the result is {right} times too large)",
               lambda n: n.left)
    elif op == "*":
        yield ("dropped-part", f"the factor {right} is missing {where} ({left} alone, not times {right})",
               lambda n: n.left)
        yield ("dropped-part", f"the factor {left} is missing {where} ({right} alone, not {left} times it)",
               lambda n: n.right)
    elif op in "+-":
        yield ("dropped-part", f"the term {op} {right} is missing {where} ({left} alone)", lambda n: n.left)
        if op == "+":
            yield ("dropped-part", f"the term {left} is missing {where} ({right} alone)", lambda n: n.right)


def _call_changes(node: ast.Call, where: str) -> Iterator[Change]:
    name = code(node.func)
    if name in _PLAIN:
        return
    positional = [a for a in node.args if not isinstance(a, ast.Starred)]
    if len(positional) >= 2 and len(positional) == len(node.args):
        swapped = ast.Call(node.func, [node.args[1], node.args[0], *node.args[2:]], node.keywords)
        yield ("arguments", f"the arguments of {name} swapped: {short(code(swapped), 48)} instead of "
                            f"{short(code(node), 48)} {where}",
               lambda n: with_fields(n, args=[n.args[1], n.args[0], *n.args[2:]]))
    if len(node.args) == 1 and not isinstance(node.args[0], ast.Starred):
        argument = code(node.args[0])
        what = f"{argument} without the call to {name}" if len(argument) <= 24 else f"the call to {name} left out"
        yield ("dropped-call", f"{what} {where} (the {name} is missing)", lambda n: n.args[0])
    for group in _FAMILIES:
        if name in group:
            for other in group:
                if other != name:
                    yield ("other-call", f"{other} instead of {name} {where}",
                           lambda n, o=other: with_fields(n, func=ast.parse(o, mode="eval").body))
    for i, keyword in enumerate(node.keywords):
        if keyword.arg in ("keepdims", "axis"):
            yield ("keyword", f"{name} without {keyword.arg}={code(keyword.value)} {where} "
                              f"(the {keyword.arg} is missing)",
                   lambda n, i=i: with_fields(n, keywords=n.keywords[:i] + n.keywords[i + 1:]))
        if keyword.arg == "axis" and isinstance(keyword.value, ast.Constant) and keyword.value.value in (0, 1):
            other = 1 - keyword.value.value
            yield ("keyword", f"axis={other} instead of axis={keyword.value.value} in {name} {where} "
                              f"(the other axis)",
                   lambda n, i=i, o=other: with_fields(n, keywords=[*n.keywords[:i], ast.keyword("axis", ast.Constant(o)),
                                                              *n.keywords[i + 1:]]))


def _subscript_changes(node: ast.Subscript, where: str, texts: list[str]) -> Iterator[Change]:
    key = node.slice
    if isinstance(node.value, ast.Attribute) and node.value.attr == "shape" and isinstance(key, ast.Constant) \
            and key.value in (0, 1):
        other = ast.Subscript(node.value, ast.Constant(1 - key.value), node.ctx)
        yield ("index", f"{code(other)} instead of {code(node)} {where} (the other dimension)",
               lambda n: with_fields(n, slice=ast.Constant(1 - n.slice.value)))
    if isinstance(key, ast.Constant) and isinstance(key.value, str) and isinstance(node.ctx, ast.Load):
        for other in texts:
            if other != key.value and similar_texts(key.value, other):
                changed = ast.Subscript(node.value, ast.Constant(other), node.ctx)
                yield ("text", f"{code(changed)} instead of {code(node)} {where}",
                       lambda n, o=other: with_fields(n, slice=ast.Constant(o)))


def _shape_changes(node: ast.Tuple, where: str) -> Iterator[Change]:
    """A shape ``(a, b)`` written ``(b, a)``, ``(a, a)`` or ``(b, b)``."""
    first, second = code(node.elts[0]), code(node.elts[1])
    if first == second:
        return
    for order, how in (((1, 0), "its sizes swapped"), ((0, 0), f"{second} replaced by {first}"),
                       ((1, 1), f"{first} replaced by {second}")):
        text = ", ".join(code(node.elts[i]) for i in order)
        yield ("shape", f"({text}) instead of ({first}, {second}) {where}: {how}",
               lambda n, order=order: with_fields(n, elts=[copy.deepcopy(n.elts[i]) for i in order]))


def reordered(items: list[str], what: str, rebuilt: Callable[[ast.AST, tuple[int, ...]], ast.AST]
              ) -> Iterator[Change]:
    """Every other order of 2 to 4 items (names unpacked, values returned); ``rebuilt(statement,
    order)``: the statement with its items in that order."""
    if not 2 <= len(items) <= 4:
        return
    for order in itertools.permutations(range(len(items))):
        if list(order) != sorted(order):
            text = ", ".join(items[i] for i in order)
            yield ("unpacked", f"{text} instead of {', '.join(items)}: {what} (swapped)",
                   lambda n, order=order: rebuilt(n, order))


def family(name: str) -> set[str]:
    """Keys shared by names that stand for each other in slips: ``A1``, ``A2``, ``AL``, ``A_prev``
    and ``dA2`` share ``A``; ``X_train``/``X_test`` share ``X``; ``w`` and ``b`` share ``wb``."""
    base = re.sub(r"(_prev|_train|_test|_orig|\d+|L)$", "", name) or name
    base = re.sub(r"\d+$", "", base) or base
    keys = {base, base[1:] if base.startswith("d") and len(base) > 1 else base}
    if name in ("w", "b", "W", "db", "dw"):
        keys.add("wb")
    return keys


def similar_texts(a: str, b: str) -> bool:
    """Strings a slip puts for each other: activation names, keys that differ in a digit
    (``"W1"``/``"W2"``), ``"w"``/``"b"``."""
    if a in WORDS and b in WORDS:
        return True
    digits = lambda s: re.sub(r"\d", "#", s.lower())  # noqa: E731
    return len(a) <= 4 and len(b) <= 4 and (digits(a) == digits(b) or {a.lower(), b.lower()} <= {"w", "b", "dw", "db"})


def with_fields(node: ast.AST, **fields) -> ast.AST:
    """A shallow copy of ``node`` with ``fields`` replaced."""
    new = copy.copy(node)
    for key, value in fields.items():
        setattr(new, key, value)
    return new


def code(node: ast.AST) -> str:
    """The code of ``node``, its short strings in double quotes as the notebooks write them."""
    return re.sub(r"'([^'\"\\]*)'", r'"\1"', ast.unparse(node))


def short(text: str, limit: int = 32) -> str:
    """``text``, cut to ``limit`` characters."""
    return text if len(text) <= limit else text[:limit - 1] + "…"
