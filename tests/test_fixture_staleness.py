"""Does the staleness check of the generated fixtures ignore float noise from another CPU, and still
catch a real change of a case or a solution?"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys

import numpy as np
import pytest

from autograder.build import fixtures
from autograder.build.source import SourceNotebook
from conftest import REPO

EXPECTED = REPO / "layerlab/checks/expected"
NUMPY_BASICS = REPO / "source/week2_numpy_basics/numpy_basics.ipynb"


def _nudge_floats(value, ulps: int):
    """The parsed JSON ``value`` with every float moved by ``ulps`` units in the last place, as a
    BLAS kernel of another CPU may move it."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return value
        for _ in range(ulps):
            value = float(np.nextafter(value, np.inf))
        return value
    if isinstance(value, list):
        return [_nudge_floats(v, ulps) for v in value]
    if isinstance(value, dict):
        return {k: _nudge_floats(v, ulps) for k, v in value.items()}
    return value


def _count_floats(value) -> int:
    if isinstance(value, float):
        return 1
    if isinstance(value, list):
        return sum(_count_floats(v) for v in value)
    if isinstance(value, dict):
        return sum(_count_floats(v) for v in value.values())
    return 0


@pytest.mark.parametrize("path", sorted(p for p in EXPECTED.glob("*.json") if not p.name.endswith(".near.json")),
                         ids=lambda p: p.stem)
def test_last_bit_differences_in_every_fixture_are_not_stale(path, tmp_path):
    data = json.loads(path.read_text())
    assert _count_floats(data) > 0
    nudged = tmp_path / path.name
    nudged.write_text(json.dumps(_nudge_floats(data, ulps=4), indent=1) + "\n")
    assert nudged.read_text() != path.read_text()
    assert fixtures.is_current(nudged, path.read_text())


def test_real_changes_are_stale():
    base = {"functions": {"f": [{"ndarray": {"dtype": "float64", "shape": [2],
                                             "data": [0.25, -0.06285652721877195]}}, 3]}}

    def changed(edit):
        copy = json.loads(json.dumps(base))
        edit(copy["functions"]["f"])
        return copy

    assert fixtures.same_generated_values(base, changed(lambda f: f[0]["ndarray"]["data"].__setitem__(
        1, -0.06285652721877197)))
    real_changes = [
        lambda f: f[0]["ndarray"]["data"].__setitem__(1, -0.0628565),      # a number, at 1e-7
        lambda f: f[0]["ndarray"]["data"].__setitem__(0, 0.5),             # a number
        lambda f: f[0]["ndarray"].__setitem__("shape", [2, 1]),            # a shape
        lambda f: f[0]["ndarray"].__setitem__("dtype", "float32"),         # a dtype
        lambda f: f.__setitem__(1, 3.0),                                   # an int became a float
        lambda f: f.append(4),                                             # a case added
        lambda f: f[0]["ndarray"]["data"].__setitem__(0, float("nan")),    # a NaN
    ]
    for edit in real_changes:
        assert not fixtures.same_generated_values(base, changed(edit))


def test_a_changed_solution_makes_its_fixture_stale(monkeypatch):
    notebook = SourceNotebook(NUMPY_BASICS)
    real_reference = notebook.reference()
    (path, fresh), = fixtures.expected_outputs(notebook).items()
    assert fixtures.is_current(REPO / path, fresh)

    wrong = vars(real_reference).copy()
    wrong["normalize_rows"] = lambda x: x / np.linalg.norm(x, axis=0, keepdims=True)
    monkeypatch.setattr(SourceNotebook, "reference", lambda self: type(real_reference)(**wrong))
    (_, changed), = fixtures.expected_outputs(notebook).items()
    assert not fixtures.is_current(REPO / path, changed)


def test_a_changed_public_case_makes_its_fixture_stale(monkeypatch):
    from layerlab.checks import numpy_basics

    first_case = numpy_basics.SPECS["basic_sigmoid"].cases[0]
    monkeypatch.setattr(first_case, "make", lambda: (3.5,))  # was x = 3
    (path, changed), = fixtures.expected_outputs(SourceNotebook(NUMPY_BASICS)).items()
    assert not fixtures.is_current(REPO / path, changed)


@pytest.mark.slow
def test_fixtures_rebuilt_with_another_blas_thread_count_are_current():
    """The fixtures built in a process whose BLAS uses two threads (other kernels, other summation
    orders) are current with the committed ones."""
    script = ("import json, sys; from autograder.build import fixtures; "
              "json.dump(fixtures.all_fixtures(), sys.stdout)")
    env = dict(os.environ, LAYERLAB_BLAS_THREADS="2", OPENBLAS_NUM_THREADS="2")
    run = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True,
                         text=True, timeout=600, check=True)
    fresh = json.loads(run.stdout)
    assert sorted(fresh) == sorted(p.relative_to(REPO).as_posix() for p in EXPECTED.glob("*.json"))
    assert [p for p, text in fresh.items() if not fixtures.is_current(REPO / p, text)] == []


def test_a_near_miss_file_is_current_when_a_few_entries_differ_and_stale_when_many_do():
    near = json.loads((EXPECTED / "logistic_regression.near.json").read_text())
    entries = [e for case in near["functions"]["propagate"] for e in case]
    assert len(entries) > 20

    def with_lookups_changed(n: int) -> dict:
        changed = json.loads(json.dumps(near))
        flat = [e for case in changed["functions"]["propagate"] for e in case]
        for entry in flat[:n]:
            entry[0] = "0" * len(entry[0])
        return changed

    # a rounding digit that flips on another CPU changes an entry or two
    assert fixtures.same_near_misses(near, with_lookups_changed(1))
    # a changed solution or case changes most of them
    assert not fixtures.same_near_misses(near, with_lookups_changed(len(entries) // 2))
    fewer = json.loads(json.dumps(near))
    fewer["functions"]["propagate"].pop()
    assert not fixtures.same_near_misses(near, fewer)
