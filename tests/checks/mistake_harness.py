"""Which catalogued recognisers fire on a mistaken function: the public and hidden cases of a graded
function are run through it, the expected outputs come from the reference (``source/``), and every
hint, property and exception recogniser that says something is reported by its catalogue id.

This is a test helper: it does what the check runner and the grader do with each case (hints on a
failing case, properties on every case, the exception's explanation), without their report text.
"""

from __future__ import annotations

import copy
import importlib

import numpy as np

from conftest import reference
from layerlab.checks.compare import compare
from layerlab.judge import errors
from layerlab.judge.catalogue import identify
from layerlab.judge.outcome import describe_exception

ASSIGNMENTS = {
    "numpy_basics": "week2_numpy_basics",
    "logistic_regression": "week2_logistic_regression",
    "planar_classification": "week3_planar_classification",
    "deep_nn_step_by_step": "week4_deep_nn_step_by_step",
    "deep_nn_application": "week4_deep_nn_application",
}


def _inputs(notebook: str, name: str) -> list[tuple]:
    """(make, kwargs, global seed or None, hints, properties, rtol, atol) of every public and hidden case."""
    spec = importlib.import_module(f"layerlab.checks.{notebook}").SPECS[name]
    hidden = spec.hidden
    hints, properties = list(spec.hints), list(spec.properties)
    out = [(case.make, case.kwargs, None, hints, properties, spec.rtol, spec.atol) for case in spec.cases]
    if hidden is not None:
        out += [(case.make, case.kwargs, case.seed, hints, properties, hidden.rtol or spec.rtol,
                 hidden.atol or spec.atol) for case in hidden.cases]
    return out


def _call(fn, make, kwargs, seed):
    args = make()
    if seed is not None:
        np.random.seed(seed)
    return args, fn(*copy.deepcopy(args), **kwargs)


def fired(notebook: str, name: str, fn) -> dict[str, str]:
    """{catalogue id: sentence} of every recogniser that spoke on some case of ``name``."""
    ref = getattr(reference(ASSIGNMENTS[notebook]), name)
    found: dict[str, str] = {}
    for make, kwargs, seed, hints, properties, rtol, atol in _inputs(notebook, name):
        _, want = _call(ref, make, kwargs, seed)
        try:
            args, got = _call(fn, make, kwargs, seed)
        except NotImplementedError:
            raise
        except Exception as exc:  # noqa: BLE001 (the mistake's own error)
            diagnosis = errors.explain(describe_exception(exc))
            if diagnosis:
                found.setdefault(diagnosis.id, diagnosis.sentence)
            continue
        with np.errstate(all="ignore"):
            for prop in properties:
                sentence = _quietly(prop, make(), got)
                if sentence:
                    found.setdefault(identify(prop), sentence)
            if compare(want, got, rtol=rtol, atol=atol):
                for hint in hints:
                    sentence = _quietly(hint, make(), want, got)
                    if sentence:
                        found.setdefault(identify(hint), sentence)
    return found


def _quietly(recogniser, *args):
    try:
        return recogniser(*args)
    except Exception:  # noqa: BLE001 (the runner ignores a recogniser that fails, so do we)
        return None
