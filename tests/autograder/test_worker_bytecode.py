"""The byte-compiled copy of the code a sandboxed worker imports (autograder/boundary/bytecode.py):
made once per content, used by Python without compiling, replaced when a file changes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from autograder.boundary import bytecode

MOUNT = "/opt/layerlab-test/pkg"


def _package(folder: Path, body: str = "VALUE = 1\n") -> Path:
    pkg = folder / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "mod.py").write_text(body)
    (pkg / "sub" / "__init__.py").write_text("from pkg.mod import VALUE\n")
    (pkg / "expected.json").write_text('{"a": 1}')
    return pkg


def test_the_copy_holds_every_file_and_the_bytecode_and_is_made_once(tmp_path):
    pkg = _package(tmp_path / "src")
    root = tmp_path / "cache"
    first = bytecode.compiled(bytecode.folder_files(pkg), MOUNT, root)
    assert first is not None and first.parent == root
    assert (first / "expected.json").read_text() == '{"a": 1}'
    tag = sys.implementation.cache_tag
    assert (first / "__pycache__" / f"mod.{tag}.pyc").is_file()
    assert (first / "sub" / "__pycache__" / f"__init__.{tag}.pyc").is_file()
    assert bytecode.compiled(bytecode.folder_files(pkg), MOUNT, root) == first
    # existing bytecode next to the sources is not copied
    assert "__pycache__" not in "".join(bytecode.folder_files(first))


def test_a_changed_file_gives_a_new_copy_and_old_ones_are_pruned(tmp_path):
    root = tmp_path / "cache"
    copies = []
    for version in range(bytecode.KEPT + 2):
        pkg = _package(tmp_path / f"v{version}", body=f"VALUE = {version}\n")
        copies.append(bytecode.compiled(bytecode.folder_files(pkg), MOUNT, root))
        last_used = time.time() - 2 * bytecode.IN_USE_SECONDS + version  # unused for hours, in order
        os.utime(copies[-1], (last_used, last_used))
    assert len(set(copies)) == len(copies)
    assert copies[-1].is_dir() and not copies[0].exists()
    assert len([p for p in root.iterdir() if not p.name.startswith(".")]) <= bytecode.KEPT
    assert "VALUE = 5" in (copies[5] / "mod.py").read_text()


def test_a_copy_used_lately_is_kept_however_many_versions_come_after_it(tmp_path):
    root = tmp_path / "cache"
    first = bytecode.compiled(bytecode.folder_files(_package(tmp_path / "v0", body="VALUE = 0\n")), MOUNT, root)
    for version in range(1, bytecode.KEPT + 3):   # e.g. other graders of this machine, other code
        pkg = _package(tmp_path / f"v{version}", body=f"VALUE = {version}\n")
        bytecode.compiled(bytecode.folder_files(pkg), MOUNT, root)
    assert "VALUE = 0" in (first / "mod.py").read_text()   # a worker may have it mounted now


def test_python_imports_the_copy_without_compiling_anything(tmp_path):
    pkg = _package(tmp_path / "src", body="VALUE = 41 + 1\n")
    copy = bytecode.compiled(bytecode.folder_files(pkg), MOUNT, tmp_path / "cache")
    place = tmp_path / "mounted"
    place.mkdir()
    os.symlink(copy, place / "pkg")  # where the sandbox would mount it
    proc = subprocess.run([sys.executable, "-I", "-B", "-v", "-c",
                           f"import sys; sys.path.insert(0, {str(place)!r}); import pkg.sub; "
                           f"print(pkg.sub.VALUE)"], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "42"
    loaded = [line for line in proc.stderr.splitlines() if line.startswith("# code object from")]
    ours = [line for line in loaded if str(place) in line]
    assert len(ours) == 3 and all(".pyc" in line for line in ours), ours


def test_a_cache_that_cannot_be_written_gives_none(tmp_path):
    pkg = _package(tmp_path / "src")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert bytecode.compiled(bytecode.folder_files(pkg), MOUNT, blocked / "cache") is None
