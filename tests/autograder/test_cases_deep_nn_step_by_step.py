"""The hidden cases of ``week4_deep_nn_step_by_step/deep_nn_step_by_step.ipynb``: do they cover
every graded function, differ from the public ones, go deeper than the public ones, honour the
seeding conventions, and, in one grading run, give full marks to the source and to
correct-but-different solutions, zero to the release, and lose points with the right diagnosis for
common mistakes?"""

from __future__ import annotations

import functools

import numpy as np

from autograder.grading.plan import build_plan, hidden_cases_of
from autograder.build.source import SourceNotebook
from corpus.deep_nn_step_by_step import GRADER_ONLY, MISTAKES, VARIANTS
from grading_tools import REPO, corpus_tests, hidden_case_tests
from layerlab.checks import deep_nn_step_by_step as public

ASSIGNMENT = "week4_deep_nn_step_by_step"
NOTEBOOK = "deep_nn_step_by_step"
SOURCE = REPO / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
FUNCTIONS = ["initialize_parameters", "initialize_parameters_deep", "linear_forward",
             "linear_activation_forward", "L_model_forward", "compute_cost", "linear_backward",
             "linear_activation_backward", "L_model_backward", "update_parameters"]
POINTS = 12


# ----------------------------------------------------------------------------- the cases (no worker)

@functools.lru_cache(maxsize=None)
def plan():
    return build_plan(SourceNotebook(SOURCE))


def _function(name: str):
    return next(f for f in plan().functions if f.name == name)


# (the factory's shape test reads arguments as arrays; caches are nested tuples, see below)
globals().update(hidden_case_tests(NOTEBOOK, SOURCE, FUNCTIONS, public, min_cases=5, other_shapes=False))


def _shapes(value) -> set:
    """The shapes of every array (and the depth of every network) inside nested arguments."""
    if isinstance(value, dict):
        return {("dict", len(value))} | set().union(*(_shapes(v) for v in value.values()))
    if isinstance(value, (tuple, list)) and any(isinstance(v, (np.ndarray, tuple, list, dict)) for v in value):
        return {("sequence", len(value))} | set().union(*(_shapes(v) for v in value))
    return {np.shape(value)}


def test_hidden_inputs_have_other_shapes_than_the_public_ones():
    for f in plan().functions:
        public_shapes = set().union(*(_shapes(tuple(c.make())) for c in public.SPECS[f.name].cases))
        hidden_shapes = set().union(*(_shapes(c.args) for c in f.cases))
        if f.name == "initialize_parameters":  # three sizes: other sizes instead of other shapes
            public_args = {tuple(c.make()) for c in public.SPECS[f.name].cases}
            assert {c.args for c in f.cases}.isdisjoint(public_args)
            continue
        assert hidden_shapes - public_shapes, f.name


def test_seeding_conventions_are_graded():
    """Both initialisers seed NumPy themselves (1 and 3): every case sets another global seed first,
    and the expected weights are those of the function's own seed, drawn layer by layer."""
    specs = hidden_cases_of(NOTEBOOK)
    for name, own in (("initialize_parameters", 1), ("initialize_parameters_deep", 3)):
        seeds = [c.seed for c in specs[name].cases]
        assert all(s is not None and s != own for s in seeds) and len(set(seeds)) == len(seeds), name
    for case in _function("initialize_parameters").cases:
        n_x, n_h, n_y = case.args
        rs = np.random.RandomState(1)
        assert np.array_equal(case.expected["W1"], rs.randn(n_h, n_x) * 0.01)
        assert np.array_equal(case.expected["W2"], rs.randn(n_y, n_h) * 0.01)
    for case in _function("initialize_parameters_deep").cases:
        (layer_dims,) = case.args
        rs = np.random.RandomState(3)
        for l in range(1, len(layer_dims)):
            assert np.array_equal(case.expected[f"W{l}"], rs.randn(layer_dims[l], layer_dims[l - 1]) * 0.01)


def _depths(name: str, cases) -> set:
    if name == "initialize_parameters_deep":
        return {len(args[0]) - 1 for args in cases}
    if name in ("L_model_forward", "update_parameters"):
        return {len(args[1] if name == "L_model_forward" else args[0]) // 2 for args in cases}
    return {len(args[2]) for args in cases}


def test_hidden_networks_are_deeper_than_the_public_ones():
    for name in ("initialize_parameters_deep", "L_model_forward", "L_model_backward", "update_parameters"):
        public_depths = _depths(name, [c.make() for c in public.SPECS[name].cases])
        hidden_depths = _depths(name, [c.args for c in _function(name).cases])
        assert max(hidden_depths) > max(public_depths) and {1, 5} <= hidden_depths, name


def test_backward_caches_come_from_a_forward_pass_with_a_dead_and_a_live_unit():
    """So a correct pass that starts from dZ = AL - Y gets full marks, and a ReLU layer's dead unit
    (a zero row of dW) tells relu_backward from sigmoid_backward."""
    for case in _function("L_model_backward").cases:
        AL, Y, caches = case.args
        A = caches[0][0][0]
        for l, ((A_prev, W, b), Z) in enumerate(caches, start=1):
            assert np.array_equal(A_prev, A) and np.allclose(Z, W @ A_prev + b)
            A = np.maximum(0, Z) if l < len(caches) else 1 / (1 + np.exp(-Z))
            if l < len(caches):
                assert np.all(Z[-1] > 0), "the last unit must be alive"
                if Z.shape[0] > 1:
                    assert np.all(Z[0] < 0) and not case.expected[f"dW{l}"][0].any()
        assert np.allclose(A, AL) and np.all((AL > 0.01) & (AL < 0.99))
        assert all(np.abs(g).max() > 1e-3 for k, g in case.expected.items() if k.startswith("dW"))
        assert set(np.unique(Y)) == ({0, 1} if Y.size > 1 else set(np.unique(Y)))


def test_some_cases_let_the_hints_see_a_missing_transpose_and_a_wrong_m():
    square = [c for c in _function("linear_backward").cases if c.args[1][1].shape[0] == c.args[1][1].shape[1]]
    assert len(square) >= 2
    assert any(c.args[1][0].shape[0] != c.args[1][0].shape[1] for c in _function("linear_backward").cases)


def test_every_expected_cost_is_finite_and_positive():
    for case in _function("compute_cost").cases:
        assert np.ndim(case.expected) == 0 and np.isfinite(case.expected) and case.expected > 0


# ----------------------------------------------------------------------------- one grading run

globals().update(corpus_tests(ASSIGNMENT, NOTEBOOK, FUNCTIONS, POINTS, MISTAKES + GRADER_ONLY, VARIANTS))
