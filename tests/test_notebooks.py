"""Do the notebooks run as students and instructors run them?

* every source notebook runs top to bottom without an error, and its sentences that predict what
  a student will see hold for what it printed (``notebook_claims.py``);
* every released notebook runs with its stubs and fails only in the graded test cells, each time
  saying the function is not implemented yet (or, in a quiz, that the question is not answered yet);
* a release completed with the reference solutions runs clean and passes ``nbgrader validate``,
  while an untouched release fails validation.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import nbformat
import pytest

from conftest import REPO
from notebook_claims import CLAIMS
from notebook_tools import CELL_TIMEOUT, completed, errors, execute, grade_meta

SOURCES = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "source").glob("*/*.ipynb"))
GRADED = [p for p in SOURCES if any(grade_meta(c).get("grade") for c in nbformat.read(REPO / p, 4).cells)]

pytestmark = pytest.mark.slow

#: what a public check says about a stub: a function still raising NotImplementedError, or a quiz
#: answer still None (a quiz's answer cells are released as ``q3 = None``, not as a raising stub)
STUB_MESSAGE = re.compile("not implemented yet|not answered yet")


def _release_of(source: str):
    return REPO / source.replace("source/", "assignments/", 1)


@pytest.mark.parametrize("source", SOURCES)
def test_source_notebook_runs_top_to_bottom(source):
    nb = nbformat.read(REPO / source, as_version=4)
    seconds = execute(nb, (REPO / source).parent)
    assert errors(nb) == [], f"{source} raised: {errors(nb)[0][1]['ename']}"
    print(f"{source}: {seconds:.1f} s")
    false = CLAIMS[source](nb) if source in CLAIMS else []
    assert false == [], f"{source} says what its run does not show: {false}"


@pytest.mark.parametrize("source", SOURCES)
def test_release_fails_only_in_graded_checks(source):
    path = _release_of(source)
    nb = nbformat.read(path, as_version=4)
    execute(nb, path.parent, allow_errors=True)
    graded = [c for c in nb.cells if grade_meta(c).get("grade")]
    failed = errors(nb)
    outside = [cell.id for cell, _ in failed if not grade_meta(cell).get("grade")]
    assert outside == [], f"cells outside the graded checks failed in {path.name}: {outside}"
    assert len(failed) == len(graded), "every graded check should fail while its stub is in place"
    for cell, out in failed:
        text = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(out["traceback"]))
        assert out["ename"] == "CheckFailed" and STUB_MESSAGE.search(text), text


def _validate(path) -> subprocess.CompletedProcess:
    # the course's nbgrader_config.py raises nbgrader's 30 s cell timeout, as this does (training cells)
    return subprocess.run([sys.executable, "-m", "nbgrader", "validate", str(path),
                           f"--Execute.timeout={CELL_TIMEOUT}"],
                          cwd=path.parent, capture_output=True, text=True, timeout=900)


def _lay_out(source: str, folder, complete: bool):
    """The release of ``source`` (completed with the source's solutions, or untouched) in
    ``folder/<assignment>/``, with what ships next to it and, for an assignment that builds on an
    earlier one, that one's notebook (completed or untouched) in its sibling folder, as students
    have them. Returns the notebook's path."""
    from autograder.build.helper_modules import helper_for

    release = _release_of(source)
    notebooks = [(release, REPO / source)]
    helper = helper_for(release.parent.name)
    if helper is not None:
        (earlier,) = (REPO / "assignments" / helper.source).glob("*.ipynb")
        notebooks.append((earlier, REPO / "source" / helper.source / earlier.name))
    for released, original in notebooks:
        target = folder / released.parent.name
        target.mkdir(parents=True, exist_ok=True)
        for other in released.parent.iterdir():
            if other.is_file() and other.suffix != ".ipynb":
                shutil.copy(other, target / other.name)
        nbformat.write(completed(released, original) if complete else nbformat.read(released, 4),
                       target / released.name)
    return folder / release.parent.name / release.name


@pytest.mark.parametrize("source", GRADED)
def test_completed_release_passes_nbgrader_validate(source, tmp_path):
    result = _validate(_lay_out(source, tmp_path, complete=True))
    assert "Success! Your notebook passes all the tests." in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize("source", GRADED)
def test_untouched_release_fails_nbgrader_validate(source, tmp_path):
    result = _validate(_lay_out(source, tmp_path, complete=False))
    assert "VALIDATION FAILED" in result.stdout, result.stdout + result.stderr
    assert STUB_MESSAGE.search(result.stdout)
