"""The hidden cases of ``week2_logistic_regression/logistic_regression.ipynb``: do they cover every
graded function, differ from the public ones, and, in one grading run, give full marks to the
source and to correct-but-different solutions, zero to the release, and lose points with the right
diagnosis for common mistakes?"""

from __future__ import annotations

import functools

import numpy as np

from autograder.grading.plan import build_plan
from autograder.build.source import SourceNotebook
from corpus.logistic_regression import GRADER_ONLY, MISTAKES, VARIANTS
from grading_tools import REPO, corpus_tests, hidden_case_tests
from layerlab.checks import logistic_regression as public

ASSIGNMENT = "week2_logistic_regression"
NOTEBOOK = "logistic_regression"
SOURCE = REPO / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
FUNCTIONS = ["sigmoid", "initialize_with_zeros", "graph_forward_backward", "propagate", "optimize",
             "predict", "model"]

# ----------------------------------------------------------------------------- the cases (no worker)

@functools.lru_cache(maxsize=None)
def plan():
    return build_plan(SourceNotebook(SOURCE))


globals().update(hidden_case_tests(NOTEBOOK, SOURCE, FUNCTIONS, public, min_cases=4))


def test_no_expected_probability_is_0_or_1_and_every_cost_is_finite():
    for f in plan().functions:
        for case in f.cases:
            if f.name == "sigmoid":
                continue  # the sigmoid of large numbers rounds to 1.0, and that is its right answer
            if f.name == "propagate":
                assert np.isfinite(case.expected[1]) and case.expected[1] > 0
            if f.name in ("optimize", "model"):
                costs = case.expected[2] if f.name == "optimize" else case.expected["costs"]
                assert costs and all(np.isfinite(c) and 0 < c for c in costs), (f.name, case.number)


def test_training_cases_record_costs_and_predictions_hold_both_labels():
    for f in plan().functions:
        if f.name == "optimize":
            assert {len(c.expected[2]) for c in f.cases} >= {1, 2, 3}
        if f.name == "model":
            for case in f.cases:
                assert 0 < case.expected["Y_prediction_train"].mean() < 1, case.number


# ----------------------------------------------------------------------------- one grading run

globals().update(corpus_tests(ASSIGNMENT, NOTEBOOK, FUNCTIONS, 12, MISTAKES + GRADER_ONLY, VARIANTS))
