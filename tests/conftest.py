"""Shared test helpers: paths of the repo and of the shared test data, and the source references."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@functools.lru_cache(maxsize=None)
def source_notebook(assignment: str):
    """The parsed instructor notebook of an assignment (``source/<assignment>/*.ipynb``)."""
    from autograder.build.source import SourceNotebook

    paths = sorted((REPO / "source" / assignment).glob("*.ipynb"))
    assert len(paths) == 1, f"expected one notebook in source/{assignment}, found {paths}"
    return SourceNotebook(paths[0])


@functools.lru_cache(maxsize=None)
def reference(assignment: str):
    """The reference functions of an assignment, extracted from its solution cells."""
    return source_notebook(assignment).reference()


@pytest.fixture
def numpy_basics():
    return reference("week2_numpy_basics")
