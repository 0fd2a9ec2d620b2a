"""The hidden cases of ``week3_planar_classification/planar_classification.ipynb``: do they cover
every graded function, differ from the public ones, honour the seeding conventions, and, in one
grading run, give full marks to the source and to correct-but-different solutions, zero to the
release, and lose points with the right diagnosis for common mistakes?"""

from __future__ import annotations

import functools

import numpy as np

from autograder.grading.plan import build_plan, hidden_cases_of
from autograder.build.source import SourceNotebook
from corpus.planar_classification import GRADER_ONLY, MISTAKES, VARIANTS
from grading_tools import REPO, corpus_tests, hidden_case_tests
from layerlab.checks import planar_classification as public

ASSIGNMENT = "week3_planar_classification"
NOTEBOOK = "planar_classification"
SOURCE = REPO / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
FUNCTIONS = ["layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
             "backward_propagation", "update_parameters", "nn_model", "predict"]


# ----------------------------------------------------------------------------- the cases (no worker)

@functools.lru_cache(maxsize=None)
def plan():
    return build_plan(SourceNotebook(SOURCE))


globals().update(hidden_case_tests(NOTEBOOK, SOURCE, FUNCTIONS, public, min_cases=5, other_shapes=False))


def test_seeding_conventions_are_graded():
    specs = hidden_cases_of(NOTEBOOK)
    # initialize_parameters draws from the global generator: the grader seeds it, never with 3
    assert all(c.seed is not None and c.seed != 3 for c in specs["initialize_parameters"].cases)
    # nn_model seeds with 3 itself: the grader seeds with something else first
    assert all(c.seed is not None and c.seed != 3 for c in specs["nn_model"].cases)
    p = plan()
    init = next(f for f in p.functions if f.name == "initialize_parameters")
    for case in init.cases:
        n_x, n_h, n_y = case.args
        rs = np.random.RandomState(case.seed)
        assert np.array_equal(case.expected["W1"], rs.randn(n_h, n_x) * 0.01)


def test_backward_cases_let_the_hints_see_the_mistakes():
    """Some cases have m = n_x + 1 (dZ1 is recoverable from dW1, db1) and n_h = m (a missing .T
    keeps the shape), and their cache is consistent with the parameters."""
    backward = next(f for f in plan().functions if f.name == "backward_propagation")
    solved = 0
    for case in backward.cases:
        parameters, cache, X, Y = case.args
        n_x, m = X.shape
        assert np.allclose(cache["Z1"], parameters["W1"] @ X + parameters["b1"])
        assert np.allclose(cache["A1"], np.tanh(cache["Z1"]))
        assert np.allclose(cache["Z2"], parameters["W2"] @ cache["A1"] + parameters["b2"])
        assert np.all((cache["A2"] > 0) & (cache["A2"] < 1))
        solved += m == n_x + 1 == cache["A1"].shape[0]
    assert solved >= 3


def test_no_expected_probability_is_0_or_1():
    for f in plan().functions:
        for case in f.cases:
            if f.name == "forward_propagation":
                assert np.all((case.expected[0] > 1e-6) & (case.expected[0] < 1 - 1e-6))
            if f.name == "compute_cost":
                assert np.isfinite(case.expected) and case.expected > 0


# ----------------------------------------------------------------------------- one grading run

globals().update(corpus_tests(ASSIGNMENT, NOTEBOOK, FUNCTIONS, 11, MISTAKES + GRADER_ONLY, VARIANTS))
