"""Do the hidden cases cover every graded function, differ from the public ones, and run on the
reference? (No worker here: these are fast.)"""

from __future__ import annotations

import functools

import numpy as np

from autograder.grading.plan import build_plan, hidden_cases_of
from autograder.build.source import SourceNotebook, source_notebooks
from grading_tools import FUNCTIONS, NOTEBOOK, SOURCE
from layerlab import plaindata
from layerlab.checks import numpy_basics as public


@functools.lru_cache(maxsize=None)
def plan():
    return build_plan(SourceNotebook(SOURCE))


def test_every_graded_function_of_numpy_basics_has_hidden_cases():
    graded = [g.name for g in SourceNotebook(SOURCE).graded_functions]
    specs = hidden_cases_of(NOTEBOOK)
    assert sorted(graded) == sorted(FUNCTIONS) == sorted(specs)
    for name, spec in specs.items():
        assert len(spec.cases) >= 5, name
        assert spec.isolation_case is None or 0 <= spec.isolation_case < len(spec.cases)


def _missing_hidden_cases() -> list[str]:
    missing = []
    for notebook in source_notebooks():
        try:
            graded = notebook.graded_functions
        except Exception:  # a notebook being written; its own tests say what is wrong
            continue
        specs = hidden_cases_of(notebook.name) or {}
        missing += [f"{notebook.assignment}/{notebook.name}: {g.name}" for g in graded if g.name not in specs]
    return missing


def test_every_graded_function_of_every_assignment_has_hidden_cases():
    """Each graded function of each source notebook has hidden cases in its contract
    (``hidden=`` in layerlab/checks/<notebook>); the message lists the ones still to write."""
    missing = _missing_hidden_cases()
    assert not missing, "graded functions without hidden cases:\n  " + "\n  ".join(missing)


def test_the_reference_runs_on_every_hidden_case_and_its_points_come_from_the_test_cells():
    p = plan()
    assert p.max_score == 10
    points = {f.name: f.graded.points for f in p.functions}
    assert points["normalize_rows"] == points["softmax"] == 2 and points["L1"] == 1
    for f in p.functions:
        assert all(c.expected is not None for c in f.cases), f.name


def _values(args) -> str:
    return plaindata.dumps(args)


def test_hidden_inputs_are_not_the_public_ones():
    """So a lookup table built from the public expected values (which students can read) earns nothing."""
    for f in plan().functions:
        public_inputs = {_values(tuple(c.make())) for c in public.SPECS[f.name].cases}
        hidden_inputs = [_values(c.args) for c in f.cases]
        assert not public_inputs & set(hidden_inputs), f.name
        assert len(set(hidden_inputs)) == len(hidden_inputs), f"{f.name} has duplicate hidden cases"


def test_hidden_inputs_have_other_shapes_than_the_public_ones():
    for f in plan().functions:
        public_shapes = {tuple(np.shape(a)) for c in public.SPECS[f.name].cases for a in c.make()}
        hidden_shapes = {tuple(np.shape(a)) for c in f.cases for a in c.args}
        if public_shapes == {()}:  # a function of one number
            continue
        assert hidden_shapes - public_shapes, f.name


def test_hidden_cases_are_deterministic():
    again = build_plan(SourceNotebook(SOURCE))
    for f, g in zip(plan().functions, again.functions):
        assert [_values(c.args) for c in f.cases] == [_values(c.args) for c in g.cases]


def test_case_labels_name_types_and_shapes_never_values():
    for f in plan().functions:
        for case in f.cases:
            assert case.label.startswith(("x = ", "image = ", "yhat = ")), case.label
            assert not any(ch.isdigit() for ch in case.label.replace("float64", "").replace("int64", "")
                           .replace("uint8", "").split("shape")[0]), case.label
