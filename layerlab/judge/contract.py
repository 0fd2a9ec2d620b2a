"""The contract of one graded function: its public and hidden cases and how to judge an output.

A notebook's contract module (e.g. :mod:`layerlab.checks.numpy_basics`) declares one
:class:`FunctionSpec` per graded function: the public cases, the hidden ones (``hidden=``
:class:`Hidden`), the properties and the mistake recognisers, side by side. The public checks run
the public cases; the grader runs the hidden cases with the same properties and recognisers and
the same :mod:`layerlab.judge.judge`. The hidden cases never leave the instructor's repository:
every copy of layerlab that reaches a student or a student's code is stripped of the ``hidden=``
arguments first (``autograder/build/strip_hidden.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from layerlab.judge.recognise import ErrorHint, Hint, Property


@dataclass
class Case:
    """One public input. ``make()`` builds fresh positional arguments right before the call (so it
    may also seed NumPy's global generator when a function's convention depends on it); ``label``
    tells the student what was passed, e.g. ``"x = np.array([1, 2, 3])"``."""

    label: str
    make: Callable[[], tuple]
    kwargs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class HiddenCase:
    """One hidden input of a graded function.

    make:    builds fresh positional arguments (plain data: numbers, NumPy arrays, tuples/lists/dicts
             of them), deterministically (seeded ``np.random.RandomState``, never NumPy's global
             generator)
    kwargs:  keyword arguments (plain data)
    seed:    when the function's convention depends on NumPy's global generator, the grader calls
             ``np.random.seed(seed)`` right before the call, in the worker and for the reference
    """

    make: Callable[[], tuple]
    kwargs: dict = field(default_factory=dict)
    seed: int | None = None


@dataclass(frozen=True)
class Hidden:
    """The hidden cases of one graded function (the grader's only; expected outputs are computed
    from the reference on them when grading).

    cases:            the inputs; the function's points are shared equally among them
    isolation_case:   index of the case that is also called without the notebook's variables
                      (``None``: skip that check, e.g. for a function that legitimately reads one)
    rtol, atol:       comparison tolerances on them; ``None``: those of the public cases
    """

    cases: Sequence[HiddenCase]
    isolation_case: int | None = 0
    rtol: float | None = None
    atol: float | None = None

    def __post_init__(self):
        if not self.cases:
            raise ValueError("Hidden() needs at least one case: give the function's hidden inputs")
        if self.isolation_case is not None and not 0 <= self.isolation_case < len(self.cases):
            raise ValueError(f"isolation_case {self.isolation_case} is not the index of one of the "
                             f"{len(self.cases)} hidden cases")


@dataclass
class FunctionSpec:
    """What the public check of one graded function runs and knows.

    name:          the graded function's name in the notebook
    cases:         public inputs (expected outputs come from the generated fixture)
    hints:         recognisers of common mistakes, tried in order on a failing case
    error_hints:   recognisers of an exception that need the call's arguments
                   (``(args, error) -> sentence``), tried before the generic ones of
                   :mod:`layerlab.judge.errors`
    properties:    contracts checked on every case's output, whether or not the values match
    rtol, atol:    comparison tolerances
    condense:      optional: rewrites a failing case's value problems into a shorter report
                   (problems, expected, got) -> problems, e.g. ``training_report.condense_training``
    calls:         the graded functions it calls (root causes are looked for there first); empty:
                   found in its code (the names it uses that are graded functions of the notebook)
    hidden:        the grader's cases (:class:`Hidden`); None in a stripped copy of layerlab
    """

    name: str
    cases: Sequence[Case]
    hints: Sequence[Hint] = ()
    error_hints: Sequence[ErrorHint] = ()
    properties: Sequence[Property] = ()
    rtol: float = 1e-6
    atol: float = 1e-9
    condense: Callable[[list, Any, Any], list] | None = None
    calls: Sequence[str] = ()
    hidden: Hidden | None = None
