"""The same grading tasks run on a Dask cluster (here a local one, started by the test) give the same
results as a local run; a wrong scheduler address is a clear error."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest

import grading_corpus as corpus
from grading_tools import (ASSIGNMENT, RELEASE, SOURCE, VOLATILE, grade_cli, new_course,
                           release_with, stable, submit)

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap is not installed")


def _same(document):
    """The results without what differs between gradings (the fingerprint: not compared here)."""
    return stable(document, VOLATILE | {"fingerprint"})


def _fill(course: Path) -> list[str]:
    submit(course, "reference", nbformat.read(SOURCE, 4))
    submit(course, "untouched", nbformat.read(RELEASE, 4))
    function, code = corpus.MISTAKES[0][:2]
    submit(course, "mistake", release_with({function: code}))
    submit(course, "endless", release_with(corpus.WRONG, extra="while True:\n    pass"))
    return ["reference", "untouched", "mistake", "endless"]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as local:
        yield local.scheduler_address


def test_grading_on_a_dask_cluster_gives_the_local_results(cluster):
    base = Path(tempfile.mkdtemp(prefix="layerlab-dask-"))
    try:
        remote, local = new_course(base / "remote"), new_course(base / "local")
        students = _fill(remote)
        _fill(local)
        args = ("--cell-timeout", "5")
        on_cluster = grade_cli(remote, "--scheduler", cluster, *args)
        assert on_cluster.returncode == 0, on_cluster.stdout + on_cluster.stderr
        assert grade_cli(local, "--jobs", "2", *args).returncode == 0
        for student in students:
            path = Path("autograded") / student / ASSIGNMENT / "results.json"
            got = _same(json.loads((remote / path).read_text()))
            assert got == _same(json.loads((local / path).read_text())), student
        assert json.loads((remote / "autograded/reference" / ASSIGNMENT / "results.json").read_text())["score"] == 10
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path):
    course = new_course(tmp_path / "course")
    submit(course, "reference", nbformat.read(SOURCE, 4))
    proc = grade_cli(course, "--scheduler", "tcp://127.0.0.1:9")
    assert proc.returncode == 1
    assert "could not connect to the Dask scheduler at tcp://127.0.0.1:9" in proc.stderr
