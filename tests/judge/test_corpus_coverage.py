"""Every mistake the catalogue knows is named by some mistake of the notebooks' corpora: as the
first diagnosis of both paths (``MISTAKES``), or by the grader for a contract only its hidden cases
check (``GRADER_ONLY``), or, for a near miss, by both paths (``corpus.near_misses``);
test_corpus_both_paths.py and test_near_misses_both_paths.py check that they really are."""

from __future__ import annotations

from autograder.build import mistakes_doc
from corpus import deep_nn_application, deep_nn_step_by_step, logistic_regression, numpy_basics, planar_classification
from corpus import near_misses
from layerlab.judge.catalogue import MISTAKES
from layerlab.judge.near_misses import kind_id

CORPORA = [numpy_basics, logistic_regression, planar_classification, deep_nn_step_by_step, deep_nn_application]

#: catalogue entries no corpus here can name, and why.
NOT_NAMED_HERE = {
    "propagate.wrong-activation-input": "its hints read A back from propagate's gradients, which needs m <= n_x + 1: "
                                        "on the hidden cases with more examples only the near miss names the slip, "
                                        "so the two paths' first names differ (PATHS_DIFFER there)",
    "error.too-slow": "a time limit stops calls only in the sandboxed worker (tests/autograder)",
    "backward.w-not-transposed": "the first failing case of linear_backward has a non-square W, where "
                                 "W · dZ raises (error.matmul-shapes is named); square cases come later",
}


def _named() -> set[str]:
    return {entry[-1] for c in CORPORA
            for entry in [*c.MISTAKES, *getattr(c, "GRADER_ONLY", []), *getattr(c, "ROOT_CAUSES", [])] if entry[-1]} | {
        kind_id(entry[-1]) for entry in near_misses.ENTRIES}


def _catalogue() -> set[str]:
    """Every catalogue identifier, once every check, hidden spec and judge module is imported."""
    from layerlab.judge import inputs, root_cause  # noqa: F401 (registers their recognisers)

    mistakes_doc.recognisers()
    return set(MISTAKES)


def test_every_catalogue_entry_is_named_by_a_corpus_mistake():
    assert len(_catalogue()) > 100
    assert sorted(_catalogue() - _named() - set(NOT_NAMED_HERE)) == []


def test_the_exceptions_are_real():
    assert set(NOT_NAMED_HERE) <= _catalogue() and not _named() & set(NOT_NAMED_HERE)


def test_every_notebook_has_one_corpus_of_at_least_ten_mistakes():
    assert {c.NOTEBOOK for c in CORPORA} == {"numpy_basics", "logistic_regression", "planar_classification",
                                             "deep_nn_step_by_step", "deep_nn_application"}
    assert all(len(c.MISTAKES) >= 10 for c in CORPORA)
