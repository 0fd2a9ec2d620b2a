"""Byte-compiled copies of the code a sandboxed worker imports, made once and mounted read-only.

A worker imports the ``layerlab`` package and the files next to ``worker.py`` from read-only
mounts, so Python can neither find nor write their bytecode there: without this, every worker
compiled some thirty modules again (tens of milliseconds of each worker's start). :func:`compiled`
copies such a folder once, with each module's bytecode (``__pycache__``, compiled for the path
where the sandbox mounts it), into a cache folder named after a hash of the files' names and
contents, the mount point and this Python's bytecode version; later workers and later runs mount
that copy instead. The bytecode is "unchecked hash" bytecode (PEP 552): the copy never changes
(a change to a file gives another folder), so the worker does not even compare timestamps.

Nothing here is trusted more than before: the worker could read the sources anyway, and the copy
is mounted read-only. A cache that cannot be written is no error: the original folder is mounted,
as before.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import py_compile
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

#: the cache folder: ``$LAYERLAB_CACHE/worker-bytecode`` (``~/.cache/layerlab`` by default)
SUBFOLDER = "worker-bytecode"
#: how many versions of the code the cache keeps
KEPT = 8
#: a copy used this recently is never pruned: a worker of another grader may have it mounted
IN_USE_SECONDS = 3600
#: held while a copy is looked up or made (see :func:`compiled`)
_MAKING = threading.Lock()


def compiled(files: dict[str, Path], mount: str, root: Path | None = None) -> Path | None:
    """A folder holding ``files`` (relative path -> file on this machine) and the bytecode of their
    ``.py`` files, compiled for the folder's place in the sandbox (``mount``); made once under
    ``root`` (default: :func:`cache_root`) and reused while the files are the same. None when it
    cannot be made (the caller then mounts the files themselves)."""
    root = Path(root) if root is not None else cache_root()
    try:
        signature = tuple(sorted((rel, _stat(path)) for rel, path in files.items()))
    except OSError:
        return None
    args = (signature, tuple(sorted((rel, str(p)) for rel, p in files.items())), mount, str(root))
    with _MAKING:  # the first workers of a run ask at once: one thread compiles, the others wait
        folder = _compiled(*args)
        if folder is not None and not folder.is_dir():  # removed meanwhile (by hand, or pruned)
            _compiled.cache_clear()
            folder = _compiled(*args)
    if folder is not None:
        try:
            os.utime(folder)  # in use: other graders' pruning spares it (see _prune)
        except OSError:
            pass
    return folder


def folder_files(folder: Path) -> dict[str, Path]:
    """Every file below ``folder`` (relative path -> path), without existing bytecode."""
    folder = Path(folder)
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in filenames:
            if not name.endswith((".pyc", ".pyo")):
                path = Path(dirpath, name)
                found[path.relative_to(folder).as_posix()] = path
    return found


def cache_root() -> Path:
    base = os.environ.get("LAYERLAB_CACHE") or str(Path.home() / ".cache" / "layerlab")
    return Path(base).expanduser() / SUBFOLDER


def _stat(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_mtime_ns, info.st_size


@functools.lru_cache(maxsize=32)
def _compiled(signature: tuple, files: tuple[tuple[str, str], ...], mount: str, root: str) -> Path | None:
    """:func:`compiled`, once per process for the same files at the same modification times."""
    digest = hashlib.sha256()
    for part in (sys.implementation.cache_tag or "", importlib.util.MAGIC_NUMBER.hex(), mount):
        digest.update(part.encode() + b"\0")
    try:
        for rel, path in files:
            digest.update(rel.encode() + b"\0" + Path(path).read_bytes() + b"\0")
        target = Path(root) / digest.hexdigest()[:32]
        if target.is_dir():
            return target
        Path(root).mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=".building-", dir=root))
        try:
            for rel, path in files:
                copy = building / rel
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, copy)
                if rel.endswith(".py"):
                    py_compile.compile(str(copy), dfile=f"{mount}/{rel}", doraise=True,
                                       invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
            _readable(building)
            os.rename(building, target)  # atomic; another run may have made the same folder meanwhile
        finally:
            shutil.rmtree(building, ignore_errors=True)
        _prune(Path(root), keep=target)
        return target if target.is_dir() else None
    except (OSError, py_compile.PyCompileError, SyntaxError, ValueError):
        return None


def _prune(root: Path, keep: Path, newest: int = KEPT) -> None:
    """Remove all but the ``newest`` folders of the cache (old versions of the code), except those
    used in the last :data:`IN_USE_SECONDS`: another grader of this machine (another course, or
    another version of the code) may be running workers that mount them."""
    try:
        folders = sorted((p for p in root.iterdir() if p.is_dir() and p != keep and not p.name.startswith(".")),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        recent = time.time() - IN_USE_SECONDS
        old = [p for p in folders[newest - 1:] if p.stat().st_mtime < recent]
    except OSError:
        return
    for folder in old:
        shutil.rmtree(folder, ignore_errors=True)


def _readable(root: Path) -> None:
    """Folders 0755, files 0644: the worker runs as a user of its own."""
    for dirpath, _, filenames in os.walk(root):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), 0o644)
