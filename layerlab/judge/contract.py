"""What the judge knows about one graded function: its public cases and how to judge an output.

A check module (one per notebook, e.g. :mod:`layerlab.checks.numpy_basics`) declares a
:class:`FunctionSpec` per graded function; the grader adds the hidden spec's properties and hints
to it (:func:`with_extras`) and judges its hidden cases with the same :mod:`layerlab.judge.judge`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from layerlab.judge.recognise import Hint, Property


@dataclass
class Case:
    """One public input. ``make()`` builds fresh positional arguments right before the call (so it
    may also seed NumPy's global generator when a function's convention depends on it); ``label``
    tells the student what was passed, e.g. ``"x = np.array([1, 2, 3])"``."""

    label: str
    make: Callable[[], tuple]
    kwargs: dict = field(default_factory=dict)


@dataclass
class FunctionSpec:
    """What the public check of one graded function runs and knows.

    name:          the graded function's name in the notebook
    cases:         public inputs (expected outputs come from the generated fixture)
    hints:         recognisers of common mistakes, tried in order on a failing case
    properties:    contracts checked on every case's output, whether or not the values match
    rtol, atol:    comparison tolerances
    condense:      optional: rewrites a failing case's value problems into a shorter report
                   (problems, expected, got) -> problems, e.g. ``training_report.condense_training``
    calls:         the graded functions it calls (root causes are looked for there first); empty:
                   found in its code (the names it uses that are graded functions of the notebook)
    """

    name: str
    cases: Sequence[Case]
    hints: Sequence[Hint] = ()
    properties: Sequence[Property] = ()
    rtol: float = 1e-6
    atol: float = 1e-9
    condense: Callable[[list, Any, Any], list] | None = None
    calls: Sequence[str] = ()


def with_extras(spec: FunctionSpec | None, name: str, hints: Sequence[Hint] = (),
                properties: Sequence[Property] = (), rtol: float | None = None,
                atol: float | None = None) -> FunctionSpec:
    """``spec`` (or an empty one named ``name``) with more hints and properties, and the
    tolerances given (None: keep the spec's)."""
    spec = spec or FunctionSpec(name, ())
    return dataclasses.replace(
        spec, hints=[*spec.hints, *hints], properties=[*spec.properties, *properties],
        rtol=spec.rtol if rtol is None else rtol, atol=spec.atol if atol is None else atol)
