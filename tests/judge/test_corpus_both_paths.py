"""Every mistake of the corpus gets the same diagnosis from the public checks and from the grader:
the same first mistake identifier (or none from both), the one the corpus names."""

from __future__ import annotations

import functools

import pytest

from both_paths import grade, grader_mistakes, namespace, public_mistakes
from corpus import (deep_nn_application, deep_nn_step_by_step, logistic_regression, numpy_basics,
                    planar_classification)
from layerlab.judge.catalogue import MISTAKES

CORPORA = [numpy_basics, logistic_regression, planar_classification, deep_nn_step_by_step,
           deep_nn_application]
ENTRIES = [(c, i, m) for c in CORPORA for i, m in enumerate(c.MISTAKES)]


@functools.lru_cache(maxsize=None)
def _both(corpus, i: int):
    function, cell = corpus.MISTAKES[i][:2]
    names = namespace(corpus.ASSIGNMENT, corpus.NOTEBOOK, {function: cell})
    public = public_mistakes(corpus.NOTEBOOK, names, function)
    result = grade(corpus.ASSIGNMENT, corpus.NOTEBOOK, names, {function: cell})[function]
    return public, result


@pytest.mark.parametrize("corpus, i, entry", ENTRIES, ids=[f"{c.NOTEBOOK}-{m[0]}-{i}" for c, i, m in ENTRIES])
def test_both_paths_name_the_same_mistake(corpus, i, entry):
    function, _, words, expected = entry
    public, result = _both(corpus, i)
    graded = grader_mistakes(result)
    assert result.score < result.max_score
    first = (public[:1] or [None])[0]
    assert first == (graded[:1] or [None])[0], (public, graded)
    if expected is not None:  # None: the corpus names no id yet, both paths must still agree
        assert first == expected, (public, graded)
    assert words in "\n".join(result.messages), result.messages


@pytest.mark.parametrize("corpus, entry", [(c, m) for c in CORPORA for m in getattr(c, "GRADER_ONLY", [])])
def test_mistakes_only_the_grader_sees(corpus, entry):
    function, cell, words, expected = entry
    result = grade(corpus.ASSIGNMENT, corpus.NOTEBOOK, namespace(corpus.ASSIGNMENT, corpus.NOTEBOOK,
                                                                 {function: cell}), {function: cell})[function]
    assert expected in grader_mistakes(result) and words in "\n".join(result.messages)


@pytest.mark.parametrize("corpus, entry", [(c, m) for c in CORPORA for m in getattr(c, "ROOT_CAUSES", [])])
def test_a_failing_callee_is_named_first_by_both_paths(corpus, entry):
    function, cell, caller, words, expected = entry
    names = namespace(corpus.ASSIGNMENT, corpus.NOTEBOOK, {function: cell})
    public = public_mistakes(corpus.NOTEBOOK, names, caller)
    result = grade(corpus.ASSIGNMENT, corpus.NOTEBOOK, names, {function: cell})[caller]
    assert public[:1] == grader_mistakes(result)[:1] == [expected]
    assert words in result.messages[1], result.messages


@pytest.mark.parametrize("corpus, entry", [(c, m) for c in CORPORA for m in getattr(c, "PATHS_DIFFER", [])])
def test_mistakes_the_paths_name_differently_still_lose_points_in_both(corpus, entry):
    function, cell, words, _ = entry
    names = namespace(corpus.ASSIGNMENT, corpus.NOTEBOOK, {function: cell})
    public = public_mistakes(corpus.NOTEBOOK, names, function)
    result = grade(corpus.ASSIGNMENT, corpus.NOTEBOOK, names, {function: cell})[function]
    assert public and result.score < result.max_score and words in "\n".join(result.messages)


def test_the_corpus_names_only_catalogued_mistakes():
    named = {m[-1] for c in CORPORA for m in [*c.MISTAKES, *getattr(c, "GRADER_ONLY", []),
                                               *getattr(c, "ROOT_CAUSES", [])] if m[-1]}
    assert named <= set(MISTAKES)


#: catalogue entries of the judge's own recognisers that no corpus here names yet, and why.
NOT_IN_THE_CORPUS_YET = {
    "error.too-slow": "a time limit stops calls only in the sandboxed worker (tests/autograder)",
}


def test_every_mistake_the_judge_itself_recognises_is_in_the_corpus():
    from layerlab.judge import errors, inputs, root_cause
    from layerlab.judge.catalogue import identify

    own = {identify(r) for r in [*errors.RECOGNISERS, *inputs.RECOGNISERS, *root_cause.RECOGNISERS]}
    named = {m[-1] for c in CORPORA for m in [*c.MISTAKES, *getattr(c, "GRADER_ONLY", []),
                                               *getattr(c, "ROOT_CAUSES", [])]}
    assert sorted(own - named - set(NOT_IN_THE_CORPUS_YET)) == []
    assert not named & set(NOT_IN_THE_CORPUS_YET)
