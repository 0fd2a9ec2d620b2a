"""Hidden test cases of the autograder: one module per notebook, ``autograder/cases/<notebook>.py``.

Students never see these inputs: the public checks in ``layerlab/checks/<notebook>.py`` run other
cases. A module declares ``CASES = {"<graded function>": HiddenSpec([...]), ...}`` with one entry
per graded function of the notebook (a test lists the graded functions that have none yet).

A :class:`HiddenCase` builds its inputs with a seeded ``np.random.RandomState`` (never NumPy's global
generator), so every run grades with the same inputs. The expected outputs are not written here:
the grader computes them from the reference (the solution cells of ``source/``) on the same inputs.

Checks made on every hidden case, beyond the value comparison:
  * the public check's ``properties`` and the spec's own ``properties`` (output contracts);
  * the public check's ``hints`` and the spec's own ``hints`` name the likely mistake;
  * the inputs must come back unchanged (the worker returns them after the call);
  * one case (``isolation_case``) is called a second time with the notebook's variables removed,
    and must give the same output (no dependence on notebook globals).

Adding the hidden cases of a new notebook is one new module here, nothing else.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable, Sequence

from layerlab.judge.recognise import Hint, Property


@dataclass(frozen=True)
class HiddenCase:
    """One hidden input of a graded function.

    make:    builds fresh positional arguments (plain data: numbers, NumPy arrays, tuples/lists/dicts
             of them), deterministically (seeded ``np.random.RandomState``)
    kwargs:  keyword arguments (plain data)
    seed:    when the function's convention depends on NumPy's global generator, the grader calls
             ``np.random.seed(seed)`` right before the call, in the worker and for the reference
    """

    make: Callable[[], tuple]
    kwargs: dict = field(default_factory=dict)
    seed: int | None = None


@dataclass(frozen=True)
class HiddenSpec:
    """The hidden cases of one graded function, and what the grader checks on them.

    cases:            the inputs; the function's points are shared equally among them
    properties:       output contracts beyond the public check's ``properties``
    hints:            mistake recognisers beyond the public check's ``hints``
    isolation_case:   index of the case that is also called without the notebook's variables
                      (``None``: skip that check, e.g. for a function that legitimately reads one)
    rtol, atol:       comparison tolerances; ``None``: those of the public check
    """

    cases: Sequence[HiddenCase]
    properties: Sequence[Property] = ()
    hints: Sequence[Hint] = ()
    isolation_case: int | None = 0
    rtol: float | None = None
    atol: float | None = None


def load(notebook: str) -> dict[str, HiddenSpec] | None:
    """``CASES`` of ``autograder/cases/<notebook>.py``, or None when the notebook has no module yet."""
    try:
        module = importlib.import_module(f"{__name__}.{notebook}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.{notebook}":
            return None
        raise
    return module.CASES
