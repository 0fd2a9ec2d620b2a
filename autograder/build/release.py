"""Generate the student release in ``assignments/`` with nbgrader, and check it is current.

``nbgrader generate_assignment`` replaces every solution region with a stub, locks the read-only
and test cells and clears outputs. ``assignments/`` is committed so students can clone and start;
:func:`stale_release` regenerates into a temporary folder and lists what differs.

Quiz answer cells are the one exception to nbgrader's stub (``raise NotImplementedError()``, which
would stop the notebook at the first question): a quiz cell is released as the lines around its
solution region, i.e. ``q3 = None  # your answer ...`` (:func:`release_answer_cells`).
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from autograder.build import helper_modules
from autograder.build.source import ROOT, SOURCE_DIR, SourceNotebook

RELEASE_DIR = ROOT / "assignments"


class ReleaseError(RuntimeError):
    """nbgrader could not generate an assignment."""


def assignment_ids() -> list[str]:
    return sorted(p.name for p in SOURCE_DIR.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def generate(release_dir: Path = RELEASE_DIR, assignments: list[str] | None = None,
             ship_helpers: bool = False) -> list[str]:
    """Run ``nbgrader generate_assignment`` for every assignment (or only ``assignments``) into
    ``release_dir``; a full run also removes released folders that have no source any more.
    ``ship_helpers`` adds the reference building blocks that an assignment builds on (the
    instructor's opt-in, see :func:`autograder.build.helper_modules.write_helpers`)."""
    release_dir = Path(release_dir).resolve()
    release_dir.mkdir(parents=True, exist_ok=True)
    ids = assignment_ids()
    unknown = sorted(set(assignments or []) - set(ids))
    if unknown:
        raise ReleaseError(f"no such assignment in source/: {', '.join(unknown)} (have: {', '.join(ids)})")
    if assignments is not None:
        ids = sorted(assignments)
    for aid in ids:
        shutil.rmtree(release_dir / aid, ignore_errors=True)
        cmd = [sys.executable, "-m", "nbgrader", "generate_assignment", aid, "--force", "--no-db",
               f"--CourseDirectory.root={ROOT}",
               f"--CourseDirectory.release_directory={release_dir}"]
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if proc.returncode != 0 or not (release_dir / aid).is_dir():
            raise ReleaseError(f"nbgrader generate_assignment {aid} failed:\n{proc.stdout}\n{proc.stderr}")
        release_answer_cells(aid, release_dir / aid)
    if ship_helpers:
        helper_modules.write_helpers(release_dir, ids)
    if assignments is None:
        for stray in release_dir.iterdir():
            if stray.is_dir() and stray.name not in ids:
                shutil.rmtree(stray)
    return ids


def release_answer_cells(aid: str, folder: Path) -> None:
    """In the released notebooks of ``aid``, replace nbgrader's stub in every quiz answer cell by
    the cell's lines outside its solution region (and update nbgrader's checksum of the cell)."""
    from nbgrader.utils import compute_checksum

    for source in (SourceNotebook(p) for p in sorted((SOURCE_DIR / aid).glob("*.ipynb"))):
        answers = {a.solution_cell for a in source.graded_answers}
        path = folder / source.path.name
        if not answers or not path.is_file():
            continue
        originals = {SourceNotebook.nbgrader_meta(c).get("grade_id"): c.source for c in source.nb.cells}
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            meta = SourceNotebook.nbgrader_meta(cell)
            if meta.get("grade_id") in answers and meta.get("solution"):
                original = originals[meta["grade_id"]]
                if "BEGIN SOLUTION" not in original:  # the whole cell is the answer: nothing to show
                    raise ReleaseError(f"{source.path.name}: the answer cell {meta['grade_id']!r} has no "
                                       f"### BEGIN SOLUTION region (write `q = None` above it)")
                cell.source = without_solution(original)
                meta["checksum"] = compute_checksum(cell)
        path.write_text(nbformat.writes(nb) + "\n")  # as nbgrader writes it


def without_solution(text: str) -> str:
    """``text`` without its ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` regions."""
    kept, inside = [], False
    for line in text.split("\n"):
        if "BEGIN SOLUTION" in line:
            inside = True
        elif "END SOLUTION" in line:
            inside = False
        elif not inside:
            kept.append(line)
    return "\n".join(kept).rstrip("\n")


def stale_release(release_dir: Path = RELEASE_DIR, ship_helpers: bool = False) -> list[str]:
    """Paths under ``release_dir`` that differ from a fresh generation (missing, extra or changed)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "assignments"
        generate(fresh, ship_helpers=ship_helpers)
        return _differences(fresh, Path(release_dir))


def _differences(fresh: Path, current: Path) -> list[str]:
    if not current.is_dir():
        return [current.name + "/"]
    out = []
    cmp = filecmp.dircmp(fresh, current, ignore=["__pycache__", ".ipynb_checkpoints"])
    stack = [(cmp, Path(current.name))]
    while stack:
        c, rel = stack.pop()
        out += [str(rel / n) + " (missing)" for n in c.left_only]
        out += [str(rel / n) + " (not generated from source/)" for n in c.right_only]
        for name in c.common_files:
            if (Path(c.left) / name).read_bytes() != (Path(c.right) / name).read_bytes():
                out.append(str(rel / name) + " (out of date)")
        stack += [(sub, rel / name) for name, sub in c.subdirs.items()]
    return sorted(out)
