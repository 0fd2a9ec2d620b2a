"""Near misses of a reference solution: the reference with one small change each, as students make them.

:func:`mutations` takes a graded function's definition (its solution cell's ``def``) and yields
every :class:`Mutation`: the whole definition with exactly one change, and the sentence that names
that change in the student's terms ("+ instead of * in the line that sets dZ1"). Two changes that
give the same code are one. :mod:`autograder.build.near_miss_runs` runs them on a function's
cases; the judge names a change whose output the student's code reproduces
(:mod:`layerlab.judge.near_misses`, where the kinds and their catalogue identifiers are).

The changes, by kind (expressions: :mod:`autograder.build.expression_changes`; lines: here):

  operator       + - * / replaced by one another (also in ``x -= y``); > and < exchanged
  operands       the two sides of -, / or ** exchanged (an upside-down fraction)
  dropped-part   one side of + - * / left out: a missing term, factor or division; a missing
                 minus sign; an off-by-one (``L`` for ``L - 1``)
  arguments      the first two arguments of a call in the other order
  dropped-call   ``f(x)`` written as ``x`` (no ``sigmoid``, no ``np.squeeze``...)
  other-call     a function of the same family (``sigmoid``/``relu``/``np.tanh``, ``np.dot``/
                 ``np.multiply``, ``np.sum``/``np.mean``, ``np.random.randn``/``rand``...)
  keyword        ``keepdims``/``axis`` left out, ``axis=0`` for ``axis=1``
  transpose      ``.T`` left out
  shape          ``(a, b)`` written ``(b, a)``, ``(a, a)`` or ``(b, b)``
  name           a variable of the same family where another belongs (``A1`` for ``A2``)
  text           a key or string of the function where another belongs (``params["w"]`` for
                 ``params["b"]``, ``"relu"`` for ``"sigmoid"``)
  number         a number of two digits or more ten times too large or too small
  index          ``shape[0]`` for ``shape[1]``; a ``range`` bound one higher or lower
  unpacked       names unpacked, or values returned, in another order
  returned       one of several returned values returned alone
  dropped-line   one line of the function left out (a result never stored, a seed not set)
  sign           the whole value of an assignment negated
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass
from typing import Iterator

from autograder.build.expression_changes import WORDS, changes, code, reordered, short, with_fields
from layerlab.judge.near_misses import kind_id


@dataclass(frozen=True)
class Mutation:
    """One near miss: ``kind`` (a key of :data:`layerlab.judge.near_misses.KINDS`), the sentence
    naming the change, and the changed ``def`` (a fresh tree)."""

    kind: str
    sentence: str
    tree: ast.FunctionDef

    @property
    def id(self) -> str:
        return kind_id(self.kind)


def mutations(fdef: ast.FunctionDef) -> Iterator[Mutation]:
    """Every single-change mutation of ``fdef`` (never changed itself), in a stable order, each
    distinct code once."""
    seen = {ast.dump(fdef)}
    for mutation in _all(fdef):
        text = ast.dump(mutation.tree)
        if text not in seen:
            seen.add(text)
            yield mutation


def _all(fdef: ast.FunctionDef) -> Iterator[Mutation]:
    nodes = list(ast.walk(fdef))
    names = {a.arg for a in fdef.args.args + fdef.args.kwonlyargs}
    names |= {n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    texts = sorted({n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)
                    and 0 < len(n.value) <= 8} | set(WORDS))
    for index, node in enumerate(nodes):
        where = _where(fdef, node)
        if where is None:
            continue
        for kind, sentence, make in [*changes(node, where, names, texts), *_statement_changes(node, where)]:
            tree = copy.deepcopy(fdef)
            target = list(ast.walk(tree))[index]
            if _replace(tree, target, make(target)):
                ast.fix_missing_locations(tree)
                yield Mutation(kind, sentence, tree)
    yield from _line_mutations(fdef)


def _statement_changes(node: ast.AST, where: str):
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Tuple):
        yield from reordered([code(e) for e in node.targets[0].elts], f"unpacked in another order {where}",
                             lambda n, order: with_fields(n, targets=[with_fields(n.targets[0], elts=[
                                 n.targets[0].elts[i] for i in order])]))
    elif isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
        items = [code(e) for e in node.value.elts]
        yield from reordered(items, "the values returned in another order",
                             lambda n, order: with_fields(n, value=with_fields(n.value, elts=[n.value.elts[i] for i in order])))
        for i, item in enumerate(items):
            yield ("returned", f"returns only {item} instead of {', '.join(items)} (return all "
                               f"{len(items)} values, as a tuple)", lambda n, i=i: with_fields(n, value=n.value.elts[i]))
    if isinstance(node, ast.Assign) and not isinstance(node.value, (ast.Constant, ast.Dict, ast.List, ast.Tuple)):
        yield ("sign", f"the opposite sign (an extra minus) {where}",
               lambda n: with_fields(n, value=ast.UnaryOp(ast.USub(), n.value)))


def _line_mutations(fdef: ast.FunctionDef) -> Iterator[Mutation]:
    """Lines left out, and ``range`` bounds one higher or lower."""
    def statements(tree):
        return [s for s in ast.walk(tree) if isinstance(s, ast.stmt) and s is not tree]

    for index, statement in enumerate(statements(fdef)):
        if _is_docstring(fdef, statement) or _is_print(statement) or isinstance(statement, ast.Return):
            continue
        tree = copy.deepcopy(fdef)
        if _remove(tree, statements(tree)[index]):
            yield Mutation("dropped-line", f"the line {_line(statement)} is missing, or its result is "
                                           f"not kept", tree)
        if isinstance(statement, ast.For) and isinstance(statement.iter, ast.Call) \
                and code(statement.iter.func) == "range":
            loop = f"the loop for {code(statement.target)} in {short(code(statement.iter), 48)}"
            for i, arg in enumerate(statement.iter.args):
                end = "stops" if i == len(statement.iter.args) - 1 else "starts"
                for op, sign, how in ((ast.Add(), "+", "one later"), (ast.Sub(), "-", "one earlier")):
                    tree = copy.deepcopy(fdef)
                    target = statements(tree)[index]
                    target.iter.args[i] = ast.BinOp(target.iter.args[i], op, ast.Constant(1))
                    ast.fix_missing_locations(tree)
                    yield Mutation("index", f"off by one: {loop} {end} {how} than it should "
                                            f"({code(arg)} {sign} 1 instead of {code(arg)})", tree)


def _where(fdef: ast.FunctionDef, node: ast.AST) -> str | None:
    """Where ``node`` is, in words (``"in the line that sets dZ1"``); None: not changed."""
    statement = None
    for candidate in ast.walk(fdef):
        if isinstance(candidate, ast.stmt) and candidate is not fdef:
            parts = [candidate.test] if isinstance(candidate, (ast.If, ast.While)) else \
                [candidate.iter] if isinstance(candidate, ast.For) else [candidate]
            if any(node is sub for part in parts for sub in ast.walk(part)):
                statement = candidate
    if statement is None or _is_docstring(fdef, statement) or _is_print(statement):
        return None
    if isinstance(statement, ast.Assign):
        return f"in the line that sets {short(code(statement.targets[0]).strip('()'))}"
    if isinstance(statement, ast.AugAssign):
        return f"in the update of {short(code(statement.target))}"
    if isinstance(statement, ast.Return):
        return "in what the function returns"
    if isinstance(statement, (ast.If, ast.While)):
        return f"in the condition {short(code(statement.test), 40)}"
    if isinstance(statement, ast.For):
        return f"in the loop over {short(code(statement.iter))}"
    if isinstance(statement, ast.Expr):
        return f"in the call {short(code(statement.value))}"
    return None


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> bool:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return True
            if isinstance(value, list) and any(v is old for v in value):
                setattr(parent, field, [new if v is old else v for v in value])
                return True
    return False


def _remove(tree: ast.AST, statement: ast.stmt) -> bool:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if isinstance(value, list) and any(v is statement for v in value):
                setattr(parent, field, [v for v in value if v is not statement] or [ast.Pass()])
                return True
    return False


def _is_docstring(fdef: ast.FunctionDef, statement: ast.stmt) -> bool:
    return (statement is fdef.body[0] and isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str))


def _is_print(statement: ast.stmt) -> bool:
    return (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)
            and code(statement.value.func) == "print") or (
        isinstance(statement, ast.If) and "print" in code(statement.test))


def _line(statement: ast.stmt) -> str:
    return short(ast.unparse(statement).splitlines()[0].rstrip(":"), 60)
