"""A mistake that is one small change of a reference solution is named as that change by the
public checks and by the grader (tests/corpus/near_misses.py has one per kind of change)."""

from __future__ import annotations

import importlib

import pytest

from both_paths import grade, grader_mistakes, namespace, public_mistakes
from corpus.near_misses import ENTRIES, NOTEBOOKS, changed
from layerlab.checks.runner import check_function
from layerlab.judge.near_misses import KINDS, kind_id


@pytest.mark.parametrize("notebook, function, old, new, words, kind", ENTRIES,
                         ids=[f"{e[-1]}-{e[1]}" for e in ENTRIES])
def test_both_paths_name_the_change(notebook, function, old, new, words, kind):
    cell = changed(notebook, function, old, new)
    assignment = NOTEBOOKS[notebook]
    names = namespace(assignment, notebook, {function: cell})
    public = public_mistakes(notebook, names, function)
    result = grade(assignment, notebook, names, {function: cell})[function]
    assert kind_id(kind) in public and kind_id(kind) in grader_mistakes(result), (public, grader_mistakes(result))
    spec = importlib.import_module(f"layerlab.checks.{notebook}").SPECS[function]
    if words is not None:
        assert words in "\n".join(result.messages), result.messages
        assert words in check_function(notebook, spec, names[function]).text


def test_every_kind_of_change_has_an_entry():
    assert sorted({e[-1] for e in ENTRIES}) == sorted(KINDS)
