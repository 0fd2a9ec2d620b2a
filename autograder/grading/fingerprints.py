"""Fingerprints that make grading runs resumable and idempotent.

A submission's fingerprint hashes every file of its folder (names and bytes) together with the
grader's version for its assignment: the code of the grader and of layerlab (checks, expected
values, plain-data codec), the hidden cases, the assignment's source notebooks and shipped files,
and the settings that can change a grade. ``results.json`` records it; a later run that finds the
same fingerprint there keeps that result instead of grading again. ``results.json`` is written last
and atomically, so a run killed at any moment leaves each submission either done (with a current
fingerprint) or to do.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import layerlab
from autograder.grading import safe_files

#: source trees whose content is part of the grader's version: the autograder package (found from
#: this file: a folder named ``autograder`` elsewhere on sys.path may shadow the package name) and
#: layerlab.
CODE_TREES = (Path(__file__).resolve().parents[1], Path(layerlab.__file__).resolve().parent)
_SUFFIXES = {".py", ".json"}


def grader_version(sources: list[Path], shipped: dict[str, Path], settings: str,
                   trees: tuple[Path, ...] = CODE_TREES) -> str:
    """A hash of the grader's code (the ``.py`` and ``.json`` files of ``trees``), the assignment's
    source notebooks and shipped files, and the grading settings."""
    digest = hashlib.sha256()
    for tree in trees:
        for path in sorted(p for p in tree.rglob("*") if p.suffix in _SUFFIXES and p.is_file()
                           and "__pycache__" not in p.parts):
            _add(digest, f"{tree.name}/{path.relative_to(tree).as_posix()}", path.read_bytes())
    for path in sources:
        _add(digest, f"source/{Path(path).name}", Path(path).read_bytes())
    for relative, path in sorted(shipped.items()):
        _add(digest, f"shipped/{relative}", Path(path).read_bytes())
    _add(digest, "settings", settings.encode())
    return digest.hexdigest()


def submission(folder: Path, version: str, root: Path | None = None) -> str:
    """A hash of every entry in the submission folder (recursively, names and the bytes of its
    regular files, read in chunks; links and special files by name and kind only, never followed
    below ``root``, by default the folder itself) and the grader's version."""
    digest = hashlib.sha256(version.encode())
    folder = Path(folder)
    root = Path(root) if root is not None else folder
    safe_files.tree_digest(root, folder.relative_to(root), digest)
    return digest.hexdigest()


def _add(digest, name: str, data: bytes) -> None:
    digest.update(len(name).to_bytes(8, "little") + name.encode("utf-8", "surrogateescape"))
    digest.update(len(data).to_bytes(8, "little") + data)
