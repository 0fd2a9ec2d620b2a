"""Helpers of the autograder tests: a temporary nbgrader course, submissions made from the released
notebook, and one shared grading run (``python -m autograder grade``) over many submissions.

This folder has neither ``__init__.py`` (it would be a package named ``autograder`` and hide the
real one) nor ``conftest.py`` (it would shadow ``tests/conftest.py`` for ``from conftest import``);
the shared run is therefore cached per process here.
"""

from __future__ import annotations

import atexit
import copy
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

import grading_corpus as corpus

REPO = Path(__file__).resolve().parents[2]
ASSIGNMENT = "week2_numpy_basics"
NOTEBOOK = "numpy_basics"
SOURCE = REPO / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
RELEASE = REPO / "assignments" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
FUNCTIONS = list(corpus.ARGS)


def grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def release_with(solutions: dict[str, str], extra: str | None = None, demos: bool = False,
                 release: Path = RELEASE):
    """The released notebook, its solution cells replaced by ``solutions`` (function -> cell code),
    an ``extra`` cell after the setup cell, and (unless ``demos``) without the ungraded demo cells,
    as a student may delete them (it keeps the tests fast)."""
    nb = nbformat.read(release, as_version=4)
    cells = []
    for cell in nb.cells:
        gid = grade_id(cell)
        if cell.cell_type == "code" and gid is None and not demos:
            continue
        if gid in solutions:
            cell.source = solutions[gid]
        cells.append(cell)
        if gid == "setup" and extra:
            cells.append(nbformat.v4.new_code_cell(extra))
    nb.cells = cells
    return nb


def groups(entries: list[tuple]) -> list[dict[str, tuple]]:
    """Spread (function, ...) entries over as few notebooks as possible, one per function each."""
    out: list[dict[str, tuple]] = []
    for entry in entries:
        target = next((g for g in out if entry[0] not in g), None)
        if target is None:
            target = {}
            out.append(target)
        target[entry[0]] = entry
    return out


def new_course(folder: Path, assignment: str = ASSIGNMENT) -> Path:
    """A course directory: the repository's nbgrader_config.py and this assignment's source (and
    the source of the assignment whose building blocks it builds on)."""
    from autograder.build.helper_modules import helper_for

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "nbgrader_config.py", folder / "nbgrader_config.py")
    shutil.copytree(REPO / "source" / assignment, folder / "source" / assignment)
    helper = helper_for(assignment)
    if helper is not None:
        shutil.copytree(REPO / "source" / helper.source, folder / "source" / helper.source)
    return folder


def submit(course: Path, student: str, notebook, assignment: str = ASSIGNMENT,
           name: str = NOTEBOOK) -> Path:
    """Put ``notebook`` (a NotebookNode, or the raw text of the file) into submitted/."""
    path = course / "submitted" / student / assignment / f"{name}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(notebook if isinstance(notebook, str) else nbformat.writes(notebook))
    return path


#: runs ``python -m autograder`` and reports its own peak memory on stderr (KiB: VmHWM, the high-water
#: mark of this process's own memory; ``ru_maxrss`` would not do: Linux carries it across exec, so it
#: counts the memory of the pytest process that started the grader)
PEAK = ("import atexit, runpy, sys\n"
        "def peak():\n"
        "    with open('/proc/self/status') as status:\n"
        "        return next(line.split()[1] for line in status if line.startswith('VmHWM:'))\n"
        "atexit.register(lambda: sys.stderr.write('PEAK %s\\n' % peak()))\n"
        "sys.argv = ['autograder'] + sys.argv[1:]\n"
        "runpy.run_module('autograder', run_name='__main__')\n")


def grade_attacked(course: Path) -> subprocess.CompletedProcess:
    """One hostile grading run (two jobs, short time limits), its peak memory on stderr."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    return subprocess.run([sys.executable, "-c", PEAK, "grade", "--course", str(course), "--jobs", "2",
                           "--cell-timeout", "10", "--call-timeout", "5", "--timeout", "120"],
                          cwd=course, capture_output=True, text=True, timeout=900, env=env)


def peak_mib(proc: subprocess.CompletedProcess) -> float:
    """The grader's peak memory in MiB, as :data:`PEAK` reported it."""
    import re

    return int(re.search(r"PEAK (\d+)", proc.stderr)[1]) / 1024


def grade_cli(course: Path, *args: str, timeout: float = 900,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "autograder", "grade", "--course", str(course), *args],
                          cwd=course, capture_output=True, text=True, timeout=timeout, env=env)


def results(course: Path, student: str, assignment: str = ASSIGNMENT) -> dict:
    return json.loads((course / "autograded" / student / assignment / "results.json").read_text())


def written(course: Path, student: str, assignment: str = ASSIGNMENT) -> str:
    """Everything a student receives: results.json and the feedback pages."""
    pages = sorted((course / "feedback" / student / assignment).glob("*.html"))
    return "\n".join([(course / "autograded" / student / assignment / "results.json").read_text()]
                     + [p.read_text() for p in pages])


def application_course(prefix: str) -> tuple[Path, Path, dict[str, str]]:
    """A fresh course of the week-4 application (removed at exit), its released notebook and the
    reference solutions (grade id -> code)."""
    import atexit
    import shutil
    import tempfile

    app = "week4_deep_nn_application"
    course = new_course(Path(tempfile.mkdtemp(prefix=prefix)), app)
    atexit.register(shutil.rmtree, course, True)
    return (course, REPO / "assignments" / app / "deep_nn_application.ipynb",
            reference_solutions(REPO / "source" / app / "deep_nn_application.ipynb"))


def messages(result: dict, function: str) -> str:
    f = result["functions"][function]
    return "\n".join(f["messages"])


# ----------------------------------------------------------------------------- the messy submission

def messy_notebook():
    """A completed notebook that a careless student broke in many ways (graded 9 of 10)."""
    reference = {grade_id(c): c.source for c in nbformat.read(SOURCE, 4).cells
                 if c.get("metadata", {}).get("nbgrader", {}).get("solution")}
    nb = release_with(reference, demos=True)
    setup = next(c for c in nb.cells if grade_id(c) == "setup")
    setup.source = setup.source.replace("import numpy as np", "# numpy? not needed")   # edited locked cell
    nb.cells = [c for c in nb.cells if grade_id(c) not in ("test_softmax", "L2")]     # deleted cells
    at = nb.cells.index(setup) + 1
    nb.cells[at:at] = [
        nbformat.v4.new_code_cell("print(undefined_name)"),                    # NameError, goes on
        nbformat.v4.new_code_cell("import sys\nsys.exit(1)"),                  # SystemExit, goes on
        nbformat.v4.new_code_cell("name = input('your name? ')"),              # EOFError, goes on
        nbformat.v4.new_code_cell("raise RuntimeError('a heavy demo ran')", metadata={"tags": ["heavy"]}),
        copy.deepcopy(setup),                                                  # a duplicated locked cell
    ]
    nb.cells[at + 4].id = "setup-copy"
    nb.cells.append(nbformat.v4.new_code_cell("def L2(yhat, y):\n    return np.sum((y - yhat) ** 2)"))
    return nb


# ----------------------------------------------------------------------------- the shared run

@dataclass
class SharedRun:
    course: Path
    proc: subprocess.CompletedProcess
    students: list[str]


def _solutions(group: dict[str, tuple]) -> dict[str, str]:
    return {name: entry[1] for name, entry in group.items()}


@functools.lru_cache(maxsize=None)
def shared_run() -> SharedRun:
    """One grading run over every submission the tests look at (made once per test process)."""
    course = new_course(Path(tempfile.mkdtemp(prefix="layerlab-course-")))
    atexit.register(shutil.rmtree, course, True)
    submit(course, "reference", nbformat.read(SOURCE, 4))
    submit(course, "untouched", nbformat.read(RELEASE, 4))
    students = ["reference", "untouched"]
    for i, group in enumerate(groups(corpus.MISTAKES)):
        submit(course, f"mistakes{i}", release_with(_solutions(group)))
        students.append(f"mistakes{i}")
    for i, group in enumerate(groups(corpus.VARIANTS)):
        submit(course, f"variants{i}", release_with(_solutions(group)))
        students.append(f"variants{i}")
    submit(course, "attack_patches", release_with(corpus.WRONG, extra=corpus.PATCH_EVERYTHING))
    submit(course, "attack_objects", release_with(corpus.RIGGED_FUNCTIONS, extra=corpus.RIGGED_OBJECTS))
    submit(course, "attack_snoop", release_with(corpus.SNOOP_FUNCTIONS, extra=corpus.SNOOP))
    submit(course, "messy", messy_notebook())
    submit(course, "damaged", '{"cells": [')
    submit(course, "not_a_notebook", json.dumps({"hello": "world"}))
    students += ["attack_patches", "attack_objects", "attack_snoop", "messy", "damaged", "not_a_notebook"]
    jobs = str(max(1, min(4, os.cpu_count() or 1)))
    proc = grade_cli(course, "--jobs", jobs)
    return SharedRun(course, proc, students)


# ----------------------------------------------------------------------------- other assignments

def reference_solutions(source: Path) -> dict[str, str]:
    """grade_id -> code of every solution cell of a source notebook."""
    return {grade_id(c): c.source for c in nbformat.read(source, 4).cells
            if c.get("metadata", {}).get("nbgrader", {}).get("solution")}


def corpus_run(assignment: str, notebook: str, mistakes: list[tuple], variants: list[tuple]) -> SharedRun:
    """One grading run of another assignment: its source notebook ("reference"), its untouched
    release ("untouched"), and one submission per (function, solution cell, ...) entry of
    ``mistakes`` ("mistake<i>") and ``variants`` ("variant<i>"); every other function of those
    submissions holds the reference solution, so a mistake in one function cannot hide behind a
    stub in another."""
    source = REPO / "source" / assignment / f"{notebook}.ipynb"
    release = REPO / "assignments" / assignment / f"{notebook}.ipynb"
    course = new_course(Path(tempfile.mkdtemp(prefix="layerlab-course-")), assignment)
    atexit.register(shutil.rmtree, course, True)
    reference = reference_solutions(source)
    submissions = {"reference": nbformat.read(source, 4), "untouched": nbformat.read(release, 4)}
    for kind, entries in (("mistake", mistakes), ("variant", variants)):
        for i, entry in enumerate(entries):
            submissions[f"{kind}{i}"] = release_with({**reference, entry[0]: entry[1]}, release=release)
    for student, nb in submissions.items():
        submit(course, student, nb, assignment, notebook)
    jobs = str(max(1, min(4, os.cpu_count() or 1)))
    proc = grade_cli(course, "--jobs", jobs)
    return SharedRun(course, proc, list(submissions))


def corpus_tests(assignment: str, notebook: str, functions: list[str], points: float,
                 mistakes: list[tuple], variants: list[tuple]) -> dict:
    """The questions every assignment's corpus answers in one grading run, as pytest tests.

    A test module installs them with ``globals().update(corpus_tests(...))``. ``mistakes`` are
    ``(function, implementation, words the diagnosis must contain)``, ``variants`` are
    ``(function, correct implementation)``; every other function holds the reference solution.
    """
    import pytest

    @pytest.fixture(scope="module")
    def run():
        return corpus_run(assignment, notebook, mistakes, variants)

    def result_of(run, student):
        return results(run.course, student, assignment)

    def test_the_run_succeeds(run):
        assert run.proc.returncode == 0, run.proc.stderr[-3000:]

    def test_the_source_notebook_gets_full_marks(run):
        result = result_of(run, "reference")
        assert result["score"] == result["max_score"] == points
        assert set(result["functions"]) == set(functions)
        for name, f in result["functions"].items():
            assert f["score"] == f["max_score"] and f["passed"] == f["cases"], (name, f["messages"])
        assert result["errors"] == []

    def test_the_untouched_release_gets_zero(run):
        result = result_of(run, "untouched")
        assert result["score"] == 0 and result["max_score"] == points
        for name in functions:
            assert "not implemented yet" in messages(result, name)

    @pytest.mark.parametrize("i, name, words", [pytest.param(i, m[0], m[2], id=f"{m[0]}-{m[2][:30]}")
                                                for i, m in enumerate(mistakes)])
    def test_a_common_mistake_loses_points_with_its_diagnosis(run, i, name, words):
        result = result_of(run, f"mistake{i}")
        function = result["functions"][name]
        assert function["score"] < function["max_score"]
        assert words in messages(result, name)

    @pytest.mark.parametrize("i, name", [pytest.param(i, v[0], id=f"{v[0]}-{i}")
                                         for i, v in enumerate(variants)])
    def test_a_correct_but_different_solution_gets_full_marks(run, i, name):
        result = result_of(run, f"variant{i}")
        assert result["score"] == result["max_score"], {
            n: f["messages"] for n, f in result["functions"].items() if f["score"] < f["max_score"]}

    def test_the_corpus_is_big_enough():
        assert len(mistakes) >= 6 and len(variants) >= 3
        assert {m[0] for m in mistakes} == set(functions)

    return {name: value for name, value in locals().items() if name == "run" or name.startswith("test_")}


def hidden_case_tests(notebook: str, source: Path, functions: list[str], public, min_cases: int,
                      other_shapes: bool = True) -> dict:
    """The questions every assignment's hidden cases answer without running a worker, as pytest
    tests; install them with ``globals().update(hidden_case_tests(...))``. ``public`` is the
    notebook's public-check module."""
    import numpy as np

    from autograder.grading.plan import build_plan, hidden_cases_of
    from autograder.build.source import SourceNotebook
    from layerlab import plaindata

    def test_every_graded_function_has_hidden_cases():
        graded = [g.name for g in SourceNotebook(source).graded_functions]
        specs = hidden_cases_of(notebook)
        assert sorted(graded) == sorted(functions) == sorted(specs)
        for name, spec in specs.items():
            assert len(spec.cases) >= min_cases, name
            assert spec.isolation_case is None or 0 <= spec.isolation_case < len(spec.cases)

    def test_hidden_inputs_are_not_the_public_ones():
        for f in build_plan(SourceNotebook(source)).functions:
            public_cases = [tuple(c.make()) for c in public.SPECS[f.name].cases]
            public_inputs = {plaindata.dumps(args) for args in public_cases}
            hidden_inputs = [plaindata.dumps(c.args) for c in f.cases]
            assert not public_inputs & set(hidden_inputs), f.name
            assert len(set(hidden_inputs)) == len(hidden_inputs), f"{f.name} has duplicate hidden cases"
            if other_shapes:
                public_shapes = {tuple(np.shape(a)) for args in public_cases for a in args}
                hidden_shapes = {tuple(np.shape(a)) for c in f.cases for a in c.args}
                if public_shapes != {()}:
                    assert hidden_shapes - public_shapes, f"{f.name}: no hidden case has a new shape"

    return {name: value for name, value in locals().items() if name.startswith("test_")}


#: what differs between two gradings of the same submission: times and dates
VOLATILE = frozenset({"graded_at", "seconds", "slowest_cells", "output_excerpt"})


def stable(value, volatile=VOLATILE):
    """A results.json document without the parts that differ between two gradings of it."""
    if isinstance(value, dict):
        return {k: stable(v, volatile) for k, v in value.items() if k not in volatile}
    if isinstance(value, list):
        return [stable(v, volatile) for v in value]
    return value
