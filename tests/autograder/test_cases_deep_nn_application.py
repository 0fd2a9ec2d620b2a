"""The hidden cases of ``week4_deep_nn_application/deep_nn_application.ipynb``: do they cover both
models, differ from the public ones, train deeper and shallower networks than the public ones,
stay cheap, honour the seeding convention, and, in one grading run, give full marks to the source
and to correct-but-different solutions, zero to the release, and lose points with the right
diagnosis for common mistakes?"""

from __future__ import annotations

import functools
import time

import numpy as np

from autograder.grading.plan import build_plan, hidden_cases_of
from autograder.build.source import SourceNotebook
from corpus.deep_nn_application import GRADER_ONLY, MISTAKES, PATHS_DIFFER, VARIANTS
from grading_tools import REPO, corpus_tests, hidden_case_tests
from layerlab.checks import deep_nn_application as public

ASSIGNMENT = "week4_deep_nn_application"
NOTEBOOK = "deep_nn_application"
SOURCE = REPO / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
FUNCTIONS = ["two_layer_model", "L_layer_model"]
POINTS = 6


# ----------------------------------------------------------------------------- the cases (no worker)

@functools.lru_cache(maxsize=None)
def plan():
    return build_plan(SourceNotebook(SOURCE))


globals().update(hidden_case_tests(NOTEBOOK, SOURCE, FUNCTIONS, public, min_cases=5))


def test_the_models_must_seed_themselves():
    for name, spec in hidden_cases_of(NOTEBOOK).items():
        seeds = [c.seed for c in spec.cases]
        assert all(s is not None and s != 1 for s in seeds) and len(set(seeds)) == len(seeds), name


def test_hidden_networks_are_deeper_and_shallower_than_the_public_ones():
    depths = {len(f.cases[i].args[2]) - 1 for f in plan().functions if f.name == "L_layer_model"
              for i in range(len(f.cases))}
    public_depths = {len(c.make()[2]) - 1 for c in public.SPECS["L_layer_model"].cases}
    assert max(depths) > max(public_depths) and {1, 2, 4, 5} <= depths


def test_training_cases_are_cheap_and_record_one_to_four_costs():
    """Grading a whole submission must take seconds: every case is small (a bound on the work:
    iterations × examples × weights), and the reference trains on all of them in well under a
    second of CPU time (process time, not wall time: the tests share the machine)."""
    reference = plan().source.reference()
    cpu = 0.0
    for f in plan().functions:
        lengths = set()
        for case in f.cases:
            X, Y, layers_dims = case.args
            weights = sum(a * b for a, b in zip(layers_dims[:-1], layers_dims[1:]))
            assert case.kwargs["num_iterations"] * X.shape[1] * weights <= 301 * 12 * 100, (f.name, case.number)
            np.random.seed(case.seed)
            tic = time.process_time()
            getattr(reference, f.name)(*case.args, **case.kwargs)
            cpu += time.process_time() - tic
            costs = [float(c) for c in case.expected[1]]
            lengths.add(len(costs))
            assert all(np.isfinite(c) and 0 < c for c in costs), (f.name, case.number)
            assert 0 < Y.mean() < 1
        assert {1, 2, 3} <= lengths, f.name
    assert cpu < 1.5, f"the reference needs {cpu:.2f} s of CPU time for the hidden cases"


# ----------------------------------------------------------------------------- one grading run

globals().update(corpus_tests(ASSIGNMENT, NOTEBOOK, FUNCTIONS, POINTS, MISTAKES + GRADER_ONLY + PATHS_DIFFER, VARIANTS))
