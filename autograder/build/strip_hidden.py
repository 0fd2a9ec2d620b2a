"""The ``layerlab`` package without its hidden cases: the only form that leaves the instructor.

Each graded function's contract (``layerlab/checks/<notebook>``) holds its public and its hidden
cases side by side (``FunctionSpec(..., hidden=Hidden([...]))``). Every copy of the package that
reaches a student or a student's code is made by :func:`strip_package`: the student kit's wheel
(:mod:`autograder.build.student_kit`), the hub's wheel (``hub/hubsetup/environment.py``) and the
package the sandboxed worker imports (:func:`stripped_package`, used by
``autograder/boundary/sandbox.py``).

Stripping works on the source (the ``ast`` module gives the spans; what is kept is kept byte for
byte, comments included):

1. every ``hidden=`` keyword argument is removed, with the comma before it;
2. every module named ``hidden_inputs.py`` (how a package draws its hidden inputs) is dropped, with
   the ``import`` lines that name it;
3. top-level private helpers (``def _x``, ``class _X``, ``_X = ...``) that nothing references any
   more are removed, again and again until none is left, and so are the imported names that only
   the removed code used.

:func:`verify` then scans the result's syntax trees and refuses it (:class:`StripError`) if any
hidden part is left: a ``hidden=`` argument, a ``Hidden(...)`` or ``HiddenCase(...)`` call outside
the module that defines them, a ``hidden_inputs`` module or import, or a file that does not parse.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
import shutil
import tempfile
import threading
from pathlib import Path

from autograder.build.source import PARSE_LOCK

#: the module that defines the hidden-case types (it may name them; nothing else may call them)
DEFINING_MODULE = Path("judge") / "contract.py"
HIDDEN_TYPES = {"Hidden", "HiddenCase"}
HIDDEN_MODULE = "hidden_inputs"
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")


class StripError(RuntimeError):
    """A hidden part could not be removed, or is still there after stripping."""


# ----------------------------------------------------------------------------- one module

def strip_source(text: str, where: str = "<module>") -> str:
    """``text`` (a module's source) without its ``hidden=`` arguments, its imports of a
    ``hidden_inputs`` module and the private helpers and imported names only they used."""
    tree = _parse(text, where)
    before = _used_names(tree)
    spans = [_keyword_span(call, kw, where) for call in ast.walk(tree) if isinstance(call, ast.Call)
             for kw in call.keywords if kw.arg == "hidden"]
    spans += [_line_span(node) for node in tree.body if _imports_hidden_module(node)]
    text = _cut(text, spans)
    while True:  # private helpers that nothing uses any more, until none is left
        tree = _parse(text, where)
        used = _used_names(tree)
        unused = [node for node in tree.body if _defined_private(node) and not _defined_private(node) & used]
        if not unused:
            break
        text = _cut(text, [_line_span(node) for node in unused])
    return _drop_imports(text, where, before - _used_names(_parse(text, where)))


def _parse(text: str, where: str) -> ast.Module:
    try:
        with PARSE_LOCK:  # ast.parse is not thread-safe in Python 3.11 (see source.py)
            return ast.parse(text)
    except SyntaxError as exc:
        raise StripError(f"{where} does not parse ({exc}): fix it before building") from exc


def _used_names(tree: ast.AST) -> set[str]:
    """Names read anywhere in ``tree`` (and the first part of dotted attribute reads)."""
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}


def _defined_private(node: ast.stmt) -> set[str]:
    """The private names a top-level statement defines (empty for anything else)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        names = {node.name}
    elif isinstance(node, (ast.Assign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names = {t.id for t in targets if isinstance(t, ast.Name)}
        if len(names) != len(targets):
            return set()
    else:
        return set()
    return names if all(n.startswith("_") and not n.startswith("__") for n in names) else set()


def _imports_hidden_module(node: ast.stmt) -> bool:
    if isinstance(node, ast.ImportFrom):
        return HIDDEN_MODULE in (node.module or "").split(".") or any(
            a.name == HIDDEN_MODULE for a in node.names)
    if isinstance(node, ast.Import):
        return any(HIDDEN_MODULE in a.name.split(".") for a in node.names)
    return False


def _keyword_span(call: ast.Call, keyword: ast.keyword, where: str) -> tuple[tuple, tuple]:
    """From the end of the argument before ``keyword`` to the end of its value."""
    earlier = [n for n in [*call.args, *call.keywords] if n is not keyword
               and (n.end_lineno, n.end_col_offset) <= (keyword.lineno, keyword.col_offset)]
    if not earlier:
        raise StripError(f"{where}, line {keyword.lineno}: hidden= is the call's first argument; "
                         f"put it after the public ones (the stripper removes it with the comma before)")
    last = max(earlier, key=lambda n: (n.end_lineno, n.end_col_offset))
    return (last.end_lineno, last.end_col_offset), (keyword.value.end_lineno, keyword.value.end_col_offset)


def _line_span(node: ast.stmt) -> tuple[tuple, tuple]:
    """Whole lines, from the first decorator to the end of the statement (and its newline)."""
    first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
    return (first, 0), (node.end_lineno + 1, 0)


def _cut(text: str, spans: list[tuple[tuple, tuple]]) -> str:
    """``text`` without the (line, UTF-8 byte column) spans; where a cut leaves more than two blank
    lines in a row, two stay (nothing else changes)."""
    data = text.encode("utf-8")
    starts = [0]
    for line in data.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(position: tuple[int, int]) -> int:
        line, column = position
        return len(data) if line > len(starts) - 1 else starts[line - 1] + column

    for start, end in sorted(spans, key=lambda s: s[0], reverse=True):
        at = offset(start)
        data = data[:at] + data[offset(end):]
        before = len(data[:at]) - len(data[:at].rstrip(b"\n"))
        after = len(data[at:]) - len(data[at:].lstrip(b"\n"))
        if before + after > 3:
            data = data[:at - before] + b"\n" * 3 + data[at + after:]
    return data.decode("utf-8")


def _drop_imports(text: str, where: str, gone: set[str]) -> str:
    """``text`` without the imported names in ``gone`` (names only the removed code read)."""
    tree = _parse(text, where)
    edits = []
    for node in tree.body:
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        kept = [a for a in node.names if (a.asname or a.name.split(".")[0]) not in gone]
        if len(kept) == len(node.names):
            continue
        replacement = "" if not kept else ast.unparse(type(node)(**{**node.__dict__, "names": kept})) + "\n"
        edits.append((_line_span(node), replacement))
    lines = text.encode("utf-8").splitlines(keepends=True)
    for ((first, _), (after, _)), replacement in sorted(edits, key=lambda e: e[0][0], reverse=True):
        lines[first - 1:after - 1] = [replacement.encode("utf-8")]
    return b"".join(lines).decode("utf-8")


# ----------------------------------------------------------------------------- a package

def strip_package(source: Path, target: Path) -> Path:
    """Copy the package folder ``source`` to ``target`` (which must not exist) without its hidden
    parts, check the copy with :func:`verify`, and return ``target``."""
    source, target = Path(source), Path(target)
    shutil.copytree(source, target, ignore=IGNORED)
    for path in sorted(target.rglob("*.py")):
        if path.stem == HIDDEN_MODULE:
            path.unlink()
            continue
        text = path.read_text(encoding="utf-8")
        if "hidden" in text:
            stripped = strip_source(text, str(path.relative_to(target)))
            if stripped != text:
                path.write_text(stripped, encoding="utf-8")
    verify(target)
    return target


def verify(package: Path) -> None:
    """:class:`StripError` naming every hidden part left in the package folder ``package``."""
    package = Path(package)
    left = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if path.stem == HIDDEN_MODULE:
            left.append(f"{relative}: a module of hidden inputs")
            continue
        try:
            with PARSE_LOCK:
                tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError) as exc:
            left.append(f"{relative}: does not parse ({exc})")
            continue
        for node in ast.walk(tree):
            line = getattr(node, "lineno", "?")
            if isinstance(node, ast.keyword) and node.arg == "hidden":
                left.append(f"{relative}, line {node.value.lineno}: a hidden= argument")
            elif isinstance(node, ast.Call) and _called_name(node) in HIDDEN_TYPES and relative != DEFINING_MODULE:
                left.append(f"{relative}, line {line}: a {_called_name(node)}(...) call")
            elif isinstance(node, ast.stmt) and _imports_hidden_module(node):
                left.append(f"{relative}, line {line}: an import of {HIDDEN_MODULE}")
    if left:
        raise StripError("the stripped layerlab still holds hidden parts, so it was not built:\n  "
                         + "\n  ".join(left) + "\nmove them into a hidden= argument of the contract "
                         "(see autograder/build/strip_hidden.py)")


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


# ----------------------------------------------------------------------------- the sandbox's copy

def fingerprint(package: Path) -> str:
    """A hash of every file of the package folder (relative names and bytes)."""
    digest = hashlib.sha256()
    package = Path(package)
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        name = path.relative_to(package).as_posix().encode("utf-8", "surrogateescape")
        data = path.read_bytes()
        digest.update(len(name).to_bytes(8, "little") + name + len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def default_cache() -> Path:
    """``stripped/`` in layerlab's cache folder (``$LAYERLAB_CACHE`` or ``~/.cache/layerlab``)."""
    from layerlab.datasets.config import cache_dir

    return Path(cache_dir()) / "stripped"


#: one thread of a process makes the copy, the others wait for it and use it: the grader's first
#: workers ask for it at the same time
_MAKING = threading.Lock()


@functools.lru_cache(maxsize=None)
def stripped_package(package: Path, cache: Path | None = None) -> Path:
    """A stripped copy of the package folder ``package``, readable by every user, made once per
    content: ``<cache>/<fingerprint>/layerlab`` (``cache``: :func:`default_cache`). A copy that is
    there already is used as it is; a new one is written beside it and renamed into place, so
    two graders that make it at once both end with one whole copy."""
    with _MAKING:
        return _make_stripped(package, cache)


def _make_stripped(package: Path, cache: Path | None) -> Path:
    package = Path(package).resolve()
    cache = Path(cache) if cache is not None else default_cache()
    final = cache / fingerprint(package)
    if (final / "layerlab" / "__init__.py").is_file():
        return final / "layerlab"
    cache.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=".partial-", dir=cache))
    try:
        strip_package(package, partial / "layerlab")
        _make_readable(partial)
        try:
            os.rename(partial, final)
        except OSError:  # another grader put its copy there first
            if not (final / "layerlab" / "__init__.py").is_file():
                raise
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return final / "layerlab"


def _make_readable(root: Path) -> None:
    """Folders 0755, files 0644: the sandbox's worker runs as a user of its own."""
    for folder, _, files in os.walk(root):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
