"""What to ask of every submission of a notebook, and what the answers must be.

For each graded function of a source notebook: its points (from the test cell), its contract (the
:class:`~layerlab.judge.contract.FunctionSpec` of the notebook's contract module
``layerlab/checks/<notebook>``: hidden cases, properties and recognisers, the same the public
check uses) and, for every hidden case, the reference output computed here, in the trusted
process, from the notebook's solution cells. A plan is built once per notebook and run, and serves every student.
A quiz notebook's plan holds :class:`~autograder.grading.quiz.QuestionPlan` entries instead (their
key and explanations also come from the source; see :mod:`autograder.grading.quiz`).
"""

from __future__ import annotations

import copy
import functools
import importlib
import inspect
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from autograder.grading import bounds, disclosure, plan_store
from autograder.grading.quiz import QuestionPlan, QuizError, plan_questions
from autograder.build import near_miss_runs
from autograder.build.source import GradedFunction, SourceNotebook
from layerlab import plaindata
from layerlab.checks.compare import ATOL, RTOL, describe
from layerlab.checks.runner import FunctionSpec, parameter_names
from layerlab.judge.contract import Hidden, HiddenCase
from layerlab.judge.near_misses import CaseNearMisses, case_near_misses


class PlanError(RuntimeError):
    """The grader cannot grade this notebook (no hidden cases, a failing reference...)."""


@dataclass
class PlannedCase:
    """One hidden case: the inputs sent to the worker and the reference's output on them."""

    function: str
    number: int            # 1-based
    call_id: str
    args: tuple
    kwargs: dict
    seed: int | None
    label: str             # what the student is told about the input: names, types and shapes only
    expected: Any

    @functools.cached_property
    def limits(self) -> tuple[int, frozenset[str]]:
        """:func:`disclosure.limits_of` the case's inputs and expected output: the same for every
        submission, so worked out once per run."""
        largest, names = disclosure.limits_of(self.args, self.kwargs, self.expected)
        return largest, frozenset(names)

    @functools.cached_property
    def wire(self) -> tuple[Any, Any, int]:
        """The inputs as plain data, as a call sends them (see :func:`protocol.call_line`), and
        the budget of the answer in bytes: the same for every submission, so worked out once."""
        return (plaindata.encode(tuple(self.args)), plaindata.encode(dict(self.kwargs)),
                bounds.answer_budget(self.args, self.kwargs, self.expected))


@dataclass
class FunctionPlan:
    graded: GradedFunction
    spec: FunctionSpec               # the function's contract (its hidden cases: ``spec.hidden``)
    cases: list[PlannedCase]
    isolation: PlannedCase | None   # the case called again without the notebook's variables
    rtol: float
    atol: float
    parameters: tuple[str, ...] = ()  # the reference's parameter names, to name a changed input

    @property
    def name(self) -> str:
        return self.graded.name

    @functools.cached_property
    def limits(self) -> tuple[int, frozenset[str]]:
        """:func:`disclosure.limits_of` all the function's hidden cases together (what a report of
        any of its calls may show), worked out once per run."""
        largest, names = disclosure.limits_of(*[v for case in self.cases
                                                for v in (case.args, case.kwargs, case.expected)])
        return largest, frozenset(names)


@dataclass
class NotebookPlan:
    source: SourceNotebook
    functions: list[FunctionPlan | QuestionPlan]   # graded functions, then quiz questions
    #: where the near misses are kept between runs, and the key they must carry (plan_cache.py)
    near_store: tuple[Path, str] | None = None
    _near: dict | None = field(default=None, repr=False)
    _near_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def near_misses(self, function: str) -> list[CaseNearMisses]:
        """The sealed near misses of ``function``'s hidden cases (:mod:`layerlab.judge.near_misses`),
        computed by a child process the first time a submission gets one of this notebook's
        cases wrong (seconds, once per course: they are kept in ``near_store``; none when the
        child fails)."""
        with self._near_lock:
            if self._near is None:
                self._near = plan_store.read(*self.near_store) if self.near_store else None
            if self._near is None:
                self._near = near_miss_runs.near_misses(self.source.path, "hidden")
                if self.near_store and self._near:
                    plan_store.write(*self.near_store, self._near)
        return case_near_misses(function, "hidden", self._near.get(function, []))

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def max_score(self) -> float:
        return sum(f.graded.points for f in self.functions)

    @functools.cached_property
    def released_text(self) -> str:
        """The source notebook's text as students have it (:func:`disclosure.released_text`),
        worked out once per run."""
        return disclosure.released_text(self.source.nb)

    def calls(self, skip: set[str] = frozenset()) -> list[dict]:
        """The worker's calls (isolated ones last), for every function not in ``skip``."""
        calls, isolated = [], []
        for fplan in self.functions:
            if fplan.name in skip:
                continue
            if isinstance(fplan, QuestionPlan):  # a quiz answer: read, not called
                calls.append(fplan.call())
                continue
            for case in fplan.cases:
                calls.append(_call(case, case.call_id, isolated=False))
            if fplan.isolation is not None:
                isolated.append(_call(fplan.isolation, isolation_id(fplan.isolation), isolated=True))
        return calls + isolated


def isolation_id(case: PlannedCase) -> str:
    return f"{case.call_id}/isolated"


def build_plan(source: SourceNotebook,
               computed: dict[str, tuple[list[PlannedCase], tuple[str, ...]]] | None = None) -> NotebookPlan:
    """The plan of one source notebook; :class:`PlanError` when a graded function has no hidden
    cases or the reference fails on one (or a quiz question has no format, key or explanation).

    ``computed`` (from :mod:`autograder.grading.plan_cache`): the planned cases and parameter names
    of every graded function, computed by an earlier run; the reference is then not run at all.
    :class:`KeyError` or :class:`ValueError` when they do not fit the hidden cases."""
    try:
        questions = plan_questions(source)
    except QuizError as exc:
        raise PlanError(f"{source.assignment}/{exc}") from exc
    graded = source.graded_functions
    if not graded:
        return NotebookPlan(source, questions)
    specs = contracts(source.name)
    missing = [g.name for g in graded if g.name not in specs or specs[g.name].hidden is None]
    if missing:
        raise PlanError(f"{source.assignment}/{source.name}: no hidden cases for {', '.join(missing)}; "
                        f"give their FunctionSpec in layerlab/checks/{source.name} a "
                        f"hidden=Hidden([...]) (see layerlab/judge/contract.py)")
    reference = source.reference() if computed is None else None
    functions = []
    for g in graded:
        spec = specs[g.name]
        hidden: Hidden = spec.hidden
        if computed is None:
            fn = getattr(reference, g.name)
            planned = [_plan_case(source, g.name, fn, number, case)
                       for number, case in enumerate(hidden.cases, start=1)]
            parameters = tuple(parameter_names(fn))
        else:
            planned, parameters = computed[g.name]
            if len(planned) != len(hidden.cases):
                raise ValueError(f"{g.name}: {len(planned)} computed cases for {len(hidden.cases)} hidden ones")
        isolation = planned[hidden.isolation_case] if hidden.isolation_case is not None else None
        functions.append(FunctionPlan(
            g, spec, planned, isolation,
            rtol=_pick(hidden.rtol, spec.rtol, RTOL),
            atol=_pick(hidden.atol, spec.atol, ATOL),
            parameters=parameters))
    return NotebookPlan(source, functions + questions)


def _plan_case(source: SourceNotebook, name: str, fn, number: int, case: HiddenCase) -> PlannedCase:
    args, kwargs = tuple(case.make()), dict(case.kwargs)
    try:
        sent = plaindata.decode(plaindata.encode((args, kwargs)))  # exactly what the worker gets
    except plaindata.PlainDataError as exc:
        raise PlanError(f"{source.name}: hidden case {number} of {name} is not plain data: {exc}") from exc
    call_args, call_kwargs = copy.deepcopy(sent)
    try:
        if case.seed is not None:
            np.random.seed(case.seed)
        output = fn(*call_args, **call_kwargs)
        expected = plaindata.decode(plaindata.encode(output))
    except Exception as exc:
        raise PlanError(f"{source.name}: the reference {name} fails on hidden case {number}: "
                        f"{type(exc).__name__}: {exc}") from exc
    return PlannedCase(name, number, f"{name}/{number}", sent[0], sent[1], case.seed,
                       _label(fn, sent[0], sent[1]), expected)


def _call(case: PlannedCase, call_id: str, isolated: bool) -> dict:
    args, kwargs, budget = case.wire
    return {"id": call_id, "function": case.function, "args": case.args, "kwargs": case.kwargs,
            "seed": case.seed, "isolated": isolated, "max_bytes": budget, "encoded": (args, kwargs)}


def _label(fn, args: tuple, kwargs: dict) -> str:
    """``"x = a float64 array of shape (4, 6)"``: names, types and shapes, never values."""
    try:
        names = list(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        names = []
    parts = [f"{names[i] if i < len(names) else f'argument {i + 1}'} = {_what(a)}"
             for i, a in enumerate(args)]
    parts += [f"{k} = {_what(v)}" for k, v in kwargs.items()]
    return ", ".join(parts) or "no arguments"


def _what(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number" if isinstance(value, float) else "an int"
    return describe(value)


def contracts(notebook: str) -> dict[str, FunctionSpec]:
    """graded function -> its contract, from ``SPECS`` of the notebook's contract module
    ``layerlab.checks.<notebook>``; empty when the notebook has none."""
    try:
        module = importlib.import_module(f"layerlab.checks.{notebook}")
    except ModuleNotFoundError as exc:
        if exc.name == f"layerlab.checks.{notebook}":
            return {}
        raise
    return dict(getattr(module, "SPECS", {}))


def hidden_cases_of(notebook: str) -> dict[str, Hidden]:
    """graded function -> its hidden cases, for every contract of ``notebook`` that has them."""
    return {name: spec.hidden for name, spec in contracts(notebook).items() if spec.hidden is not None}


def _pick(*values):
    return next(v for v in values if v is not None)
