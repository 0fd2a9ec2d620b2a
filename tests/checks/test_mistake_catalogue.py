"""Every recogniser carries a catalogue identifier, and every identifier is reached by a mistake.

The mistakes come from the notebooks' own lists (test_<notebook>_checks.py) and from
catalogue_mistakes*.py, which hold one mistake for each identifier the others do not reach; each of
those must be named by its identifier (with its sentence) when run through the public and hidden
cases (mistake_harness.fired).
"""

from __future__ import annotations

import pytest

from autograder.build import mistakes_doc
from checks import catalogue_mistakes, catalogue_mistakes_planar
from checks.mistake_harness import fired
from conftest import reference
from layerlab.judge.catalogue import MISTAKES, identify

CORPUS = ([("planar_classification",) + m for m in catalogue_mistakes_planar.MISTAKES]
          + catalogue_mistakes.MISTAKES)


def _notebook_lists():
    """(notebook, function, mistaken implementation) from the notebooks' own mistake lists."""
    from checks import (test_deep_nn_step_by_step_checks, test_logistic_regression_checks,
                        test_numpy_basics_checks)
    deep = reference("week4_deep_nn_step_by_step")
    out = [("numpy_basics", m[0], m[1]) for m in test_numpy_basics_checks.MISTAKES]
    out += [("logistic_regression", m[0], m[1]) for m in test_logistic_regression_checks.MISTAKES]
    out += [("deep_nn_step_by_step", m[0], m[1](deep)) for m in test_deep_nn_step_by_step_checks.MISTAKES]
    return out


def test_every_recogniser_carries_a_catalogue_identifier():
    unnamed = [f"{where}: {r.__qualname__}" for where, r in mistakes_doc.recognisers() if identify(r) is None]
    assert not unnamed


def test_every_identifier_of_a_recogniser_is_in_the_catalogue_with_a_docstring():
    for where, recogniser in mistakes_doc.recognisers():
        assert identify(recogniser) in MISTAKES
        assert (recogniser.__doc__ or "").strip(), f"{where}: {recogniser.__qualname__} has no docstring"


@pytest.mark.parametrize("notebook, name, mistaken, mistake_id", CORPUS, ids=[m[3] for m in CORPUS])
def test_the_mistake_is_named_by_its_identifier(notebook, name, mistaken, mistake_id):
    said = fired(notebook, name, mistaken)
    assert mistake_id in said, said
    assert said[mistake_id] in mistakes_doc.catalogue_uses()[mistake_id].sentences or "{" in " ".join(
        mistakes_doc.catalogue_uses()[mistake_id].sentences)


def test_every_catalogue_entry_is_named_by_some_mistake():
    ids = {identify(r) for _, r in mistakes_doc.recognisers()}
    reached = {m[3] for m in CORPUS}
    for notebook, name, mistaken in _notebook_lists():
        reached |= set(fired(notebook, name, mistaken))
    assert ids - reached == set()
