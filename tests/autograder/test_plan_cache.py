"""Does the plan cache give back the plans the reference computes, and is it rebuilt whenever what
it was computed from changes (the source notebook, a hidden case) or it cannot be read?"""

from __future__ import annotations

import json
import shutil

import nbformat
import numpy as np
import pytest

from layerlab.checks import numpy_basics as contract
from autograder.build.source import SourceNotebook
from autograder.grading import fingerprints, plan_cache
from autograder.grading.plan import build_plan
from grading_tools import REPO

ASSIGNMENT = "week2_numpy_basics"


@pytest.fixture
def course(tmp_path):
    folder = tmp_path / "source" / ASSIGNMENT
    folder.mkdir(parents=True)
    shutil.copy(REPO / "source" / ASSIGNMENT / "numpy_basics.ipynb", folder)
    return tmp_path


def _sources(course):
    return [SourceNotebook(p) for p in sorted((course / "source" / ASSIGNMENT).glob("*.ipynb"))]


def _load_or_build(course):
    return plan_cache.load_or_build(course, ASSIGNMENT, _sources(course), [], lambda: None)


def _cases(plans):
    return [(f.name, c.call_id, c.args, c.kwargs, c.seed, c.label, c.expected, f.parameters)
            for p in plans for f in p.functions for c in f.cases]


def _assert_same(a, b):
    if isinstance(a, np.ndarray):
        assert isinstance(b, np.ndarray) and a.dtype == b.dtype and a.shape == b.shape
        np.testing.assert_array_equal(a, b)
    elif isinstance(a, (tuple, list)):
        assert type(a) is type(b) and len(a) == len(b)
        for x, y in zip(a, b):
            _assert_same(x, y)
    elif isinstance(a, dict):
        assert list(a) == list(b)
        for k in a:
            _assert_same(a[k], b[k])
    else:
        assert type(a) is type(b) and (a == b or (a != a and b != b))


def test_cached_plans_equal_the_plans_the_reference_builds(course):
    built, blocks, was_built = _load_or_build(course)
    assert was_built and blocks is None
    assert plan_cache.cache_file(course, ASSIGNMENT).is_file()
    cached, _, was_built = _load_or_build(course)
    assert not was_built
    fresh = [build_plan(s) for s in _sources(course)]
    assert len(_cases(fresh)) > 5
    _assert_same(_cases(cached), _cases(fresh))
    assert [f.name for p in cached for f in p.functions] == [f.name for p in fresh for f in p.functions]


def test_changing_the_source_notebook_rebuilds_the_plans(course):
    _load_or_build(course)
    path = course / "source" / ASSIGNMENT / "numpy_basics.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("One more sentence from the instructor."))
    nbformat.write(nb, path)
    _, _, was_built = _load_or_build(course)
    assert was_built
    _, _, was_built = _load_or_build(course)
    assert not was_built


def test_a_changed_hidden_case_changes_the_key(tmp_path):
    contract_file = contract.__file__  # the hidden cases live in the notebook's contract module
    assert any(str(contract_file).startswith(str(tree)) for tree in fingerprints.CODE_TREES)
    tree = tmp_path / "layerlab"
    shutil.copytree(REPO / "layerlab" / "checks", tree / "checks")
    source = REPO / "source" / ASSIGNMENT / "numpy_basics.ipynb"
    before = plan_cache.cache_key([source], [], trees=(tree,))
    assert plan_cache.cache_key([source], [], trees=(tree,)) == before
    case = tree / "checks" / "numpy_basics.py"
    edited = case.read_text().replace("lambda: 12,", "lambda: 13,", 1)
    assert edited != case.read_text()
    case.write_text(edited)
    assert plan_cache.cache_key([source], [], trees=(tree,)) != before


def test_the_plans_of_the_served_blocks_assignment_depend_on_the_notebook_it_builds_on(tmp_path):
    source = REPO / "source" / "week4_deep_nn_application" / "deep_nn_application.ipynb"
    helper = REPO / "source" / "week4_deep_nn_step_by_step" / "deep_nn_step_by_step.ipynb"
    changed = tmp_path / "deep_nn_step_by_step.ipynb"
    changed.write_bytes(helper.read_bytes() + b"\n")
    assert plan_cache.cache_key([source], [helper]) != plan_cache.cache_key([source], [changed])


@pytest.mark.parametrize("damage", ["garbage", "cut short", "wrong entry", "other key"])
def test_a_damaged_cache_file_is_ignored_and_rebuilt(course, damage):
    _load_or_build(course)
    path = plan_cache.cache_file(course, ASSIGNMENT)
    text = path.read_text()
    data = json.loads(text)
    path.write_text({"garbage": "\x00not json at all",
                     "cut short": text[: len(text) // 2],
                     "wrong entry": json.dumps({**data, "entry": {"dict": [["notebooks", 3]]}}),
                     "other key": json.dumps({**data, "key": "0" * 64})}[damage])
    plans, _, was_built = _load_or_build(course)
    assert was_built and _cases(plans)
    assert json.loads(path.read_text())["key"] == data["key"]   # written again, whole
    _, _, was_built = _load_or_build(course)
    assert not was_built


def test_cache_entries_of_other_notebooks_are_not_used(course):
    _load_or_build(course)
    path = plan_cache.cache_file(course, ASSIGNMENT)
    data = json.loads(path.read_text())
    entry = json.dumps(data["entry"]).replace('"numpy_basics"', '"another_notebook"')
    path.write_text(json.dumps({**data, "entry": json.loads(entry)}))
    _, _, was_built = _load_or_build(course)
    assert was_built


def test_the_hidden_cases_near_misses_are_computed_once_and_kept_beside_the_plans(course, monkeypatch):
    from autograder.build import near_miss_runs

    plans, _, _ = _load_or_build(course)
    softmax = plans[0].near_misses("softmax")
    assert softmax and any(case.misses for case in softmax)
    kept = course / plan_cache.STATE_DIR / "plans" / f"{ASSIGNMENT}.numpy_basics.near.json"
    assert kept.exists()

    def not_again(*args, **kwargs):
        raise AssertionError("the near misses were computed again")

    monkeypatch.setattr(near_miss_runs, "near_misses", not_again)
    again, _, was_built = _load_or_build(course)
    assert not was_built and again[0].near_misses("softmax") == softmax
    # a changed source notebook changes the key: they are not read back
    notebook = course / "source" / ASSIGNMENT / "numpy_basics.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("one more note"))
    nbformat.write(nb, notebook)
    changed, _, _ = _load_or_build(course)
    with pytest.raises(AssertionError, match="computed again"):
        changed[0].near_misses("softmax")
