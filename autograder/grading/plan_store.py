"""Files the grader keeps between runs in a course's ``.autograder/plans`` folder: written
atomically (a temporary file, then a rename) and on a best-effort basis (a course folder that
cannot be written only means the next run computes them again), read back only while the key
they were written with is still the current one."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically; a failure leaves no partial file."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def write(path: Path, key: str, data: Any) -> None:
    """Keep JSON ``data`` under ``key``."""
    write_text(Path(path), json.dumps({"key": key, "data": data}))


def read(path: Path, key: str) -> Any | None:
    """What :func:`write` kept under ``key``; None when the file is missing, unreadable or
    written under another key."""
    try:
        stored = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    return stored.get("data")
