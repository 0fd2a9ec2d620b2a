"""Run a student's function on the public cases and report, never crash.

A check module (one per notebook, e.g. :mod:`layerlab.checks.numpy_basics`) declares a
:class:`FunctionSpec` per graded function: its public :class:`Case` inputs and the mistakes it can
recognise. The expected outputs are not in the check module: they are generated from the reference
solutions in ``source/`` into ``layerlab/checks/expected/<notebook>.json`` (``make generated``).

Each call's result is turned into plain data right away (an exception as
:class:`~layerlab.judge.outcome.ErrorInfo`, the student's frames only) and judged by
:func:`layerlab.judge.judge.judge_case`, the judge the grader uses on its hidden cases, so both
name a mistake with the same words and the same catalogue identifier.

What the student sees:
  * all cases pass: one green line;
  * anything else (wrong output, an exception in their code, a modified input, a stub still in
    place): a :class:`CheckFailed` whose notebook rendering is the diagnosis itself, no traceback
    into layerlab: per failing case the likely mistake first, then a few lines of evidence
    (:mod:`layerlab.judge.report`). When a graded function it calls (found in its globals) fails
    its own public cases, that is named first. The test cell fails, so ``nbgrader validate``
    reports it too.
"""

from __future__ import annotations

import copy
import functools
import importlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence


from layerlab import plaindata
from layerlab.building_blocks import block_origin
from layerlab.checks import undefined
from layerlab.judge import code_facts, code_mistakes, errors, root_cause
from layerlab.judge.contract import Case, FunctionSpec
from layerlab.judge.inputs import parameter_names
from layerlab.judge import near_misses
from layerlab.judge.judge import CallResult, condensed, judge_case
from layerlab.judge.outcome import ErrorInfo, describe_exception
from layerlab.judge.recognise import Hint, Property
from layerlab.judge.report import case_lines, evidence, not_implemented, stub_frame

__all__ = ["Case", "CheckFailed", "Checked", "FunctionSpec", "check_cases", "check_function", "Hint", "Property", "call", "condensed",
           "explain_error", "load_expected", "make_check", "parameter_names", "passed_phrase",
           "run_cases"]

EXPECTED_DIR = Path(__file__).with_name("expected")
_PACKAGE_DIR = str(Path(__file__).resolve().parents[1])

GREEN, RED, BOLD, RESET = "\x1b[32m", "\x1b[31m", "\x1b[1m", "\x1b[0m"



class CheckFailed(AssertionError):
    """Raised by a public check that did not pass. In IPython it renders as the report alone."""

    def __init__(self, report: str):
        super().__init__(report)
        self.report = report

    def _render_traceback_(self) -> list[str]:  # IPython's hook for custom error display
        return self.report.splitlines()


def load_expected(notebook: str) -> dict[str, list[Any]]:
    """Expected outputs per function, from ``expected/<notebook>.json`` (generated; see module doc)."""
    path = EXPECTED_DIR / f"{notebook}.json"
    if not path.exists():
        raise FileNotFoundError(
            f"the expected values for {notebook} are missing ({path.name}); an instructor "
            f"generates them from source/ with `make generated`")
    data = json.loads(path.read_text())
    return {name: [plaindata.decode(v) for v in outputs]
            for name, outputs in data["functions"].items()}


def make_check(notebook: str, spec: FunctionSpec) -> Callable[[Callable], None]:
    """Build the ``check_<name>(fn)`` function that a notebook's test cell calls."""

    def check(fn: Callable) -> None:
        checked = check_function(notebook, spec, fn)
        if checked.text:
            raise CheckFailed(checked.text)
        print(f"{GREEN}✓ {spec.name} passed {passed_phrase(len(spec.cases))}.{RESET}")

    undefined.remember(spec.name)
    check.__name__ = check.__qualname__ = f"check_{spec.name}"
    check.__doc__ = (f"Run the public checks of ``{spec.name}`` ({len(spec.cases)} cases) and explain "
                     f"any difference from the expected output.")
    return check


@dataclass
class Checked:
    """A public check's outcome: ``text``, the report for the student (``""`` when every case
    passed), ``mistakes``, the catalogue identifiers of the mistakes recognised, and ``cases``,
    the failing cases as ``(heading, likely mistakes, evidence and traceback lines)``."""

    text: str
    mistakes: list[str] = field(default_factory=list)
    cases: list[tuple[str, list[str], list[str]]] = field(default_factory=list)


def check_function(notebook: str, spec: FunctionSpec, fn: Any) -> Checked:
    """Run the public cases of ``spec`` on ``fn``; when it fails and a graded function it calls
    (found in ``fn``'s globals) fails its own public cases, that is the likely mistake of every
    failing case (the function's own recognisers would only guess at its consequences)."""
    expected = _expected_for(notebook)
    checked = check_cases(fn, spec, expected[spec.name], _near_misses_for(notebook).get(spec.name, ()))
    if not checked.cases:
        return checked
    try:
        found = root_cause.diagnosis(spec.name, _failing_callees(notebook, spec, fn, expected))
    except Exception:  # looking for a root cause must never break the check
        found = None
    if found is not None:
        cases = [(heading, [found.sentence], rest) for heading, _, rest in checked.cases]
        checked = Checked(_render(spec, cases), [found.id], cases)
    try:
        first, later = code_mistakes.findings(code_facts.from_function(fn))
    except Exception:  # reading the code must never break the check
        first, later = [], []
    if not first and not later:
        return checked
    sentences = ([d.sentence for d in first], [d.sentence for d in later])
    cases = [(heading, code_mistakes.place(*sentences, hints), rest) for heading, hints, rest in checked.cases]
    mistakes = code_mistakes.place([d.id for d in first], [d.id for d in later], checked.mistakes)
    return Checked(_render(spec, cases), mistakes, cases)


def _failing_callees(notebook: str, spec: FunctionSpec, fn: Any, expected: dict) -> list[str]:
    specs = dict(getattr(importlib.import_module(f"layerlab.checks.{notebook}"), "SPECS", {}))
    specs[spec.name] = spec
    names = getattr(fn, "__globals__", {})
    graded = [name for name in specs if name in expected]

    def function(name: str) -> Any:
        return fn if name == spec.name else names.get(name)

    def calls(name: str) -> list[str]:
        declared = specs[name].calls
        return list(declared) if declared else root_cause.called_names(function(name), graded)

    @functools.lru_cache(maxsize=None)
    def fails(name: str) -> bool:
        callee = function(name)
        return callable(callee) and bool(check_cases(callee, specs[name], expected[name]).text)

    return root_cause.root_causes(spec.name, calls, fails)


def passed_phrase(n: int) -> str:
    """``"its public check"``, ``"both public checks"`` or ``"all 3 public checks"``."""
    if n == 1:
        return "its public check"
    if n == 2:
        return "both public checks"
    return f"all {n} public checks"


@functools.lru_cache(maxsize=None)
def _expected_for(notebook: str) -> dict[str, list[Any]]:
    return load_expected(notebook)


@functools.lru_cache(maxsize=None)
def _near_misses_for(notebook: str) -> dict[str, list[near_misses.CaseNearMisses]]:
    try:
        return near_misses.load(near_misses.file_for(EXPECTED_DIR / f"{notebook}.json"))
    except (OSError, ValueError, KeyError, TypeError):  # a damaged file only costs the near misses
        return {}


def run_cases(fn: Any, spec: FunctionSpec, expected: Sequence[Any]) -> str:
    """Run every case; return ``""`` when all pass, else the full report text for the student."""
    return check_cases(fn, spec, expected).text


def check_cases(fn: Any, spec: FunctionSpec, expected: Sequence[Any],
                near: Sequence[near_misses.CaseNearMisses] = ()) -> Checked:
    """Run every case and judge it (:func:`layerlab.judge.judge.judge_case`): the report and
    the mistakes recognised; ``near``: the near misses of each case (none if empty)."""
    if not callable(fn):
        return Checked(_report(spec, [f"`{spec.name}` is {_what(fn)}, not a function. Run the cell "
                                      f"that defines it (and don't reuse its name for a variable)."]))
    if len(expected) != len(spec.cases):
        raise RuntimeError(f"expected values for {spec.name} are stale ({len(expected)} outputs for "
                           f"{len(spec.cases)} cases); run `make generated`")
    calls = []
    for case in spec.cases:
        result, sent = call(fn, case)
        if result.status == "error" and result.error.is_a("NotImplementedError"):
            return Checked(_report(spec, [_not_implemented(spec.name, result.error)]))
        calls.append((result, sent))
    given = near if len(near) == len(spec.cases) else [None] * len(spec.cases)
    near = near_misses.agreeing([(n, want, result.output, result.error if result.status == "error" else None)
                                 for n, want, (result, _) in zip(given, expected, calls)])
    failures: list[tuple[str, list[str], list[str]]] = []
    mistakes: list[str] = []
    for number, (case, want, (result, sent)) in enumerate(zip(spec.cases, expected, calls), start=1):
        verdict = judge_case(spec, want, result, case.make, sent, parameter_names(fn), near_misses=near[number - 1])
        if not verdict.passed:
            mistakes += verdict.mistakes
            traceback = [*result.error.traceback, result.error.last_line()] if result.error else []
            rest = case_lines((), ([verdict.lead] if verdict.lead else []) + evidence(verdict.problems),
                              traceback)
            failures.append((_case_header(number, case), verdict.hints, rest))
    if not failures:
        return Checked("")
    return Checked(_render(spec, failures), list(dict.fromkeys(mistakes)), failures)


def _render(spec: FunctionSpec, failures: list[tuple[str, list[str], list[str]]]) -> str:
    blocks = [heading + "\n" + "\n".join("  " + line for line in case_lines(hints, rest))
              for heading, hints, rest in failures]
    return _report(spec, blocks, total=len(spec.cases))


def call(fn: Callable, case: Case) -> tuple[CallResult, tuple]:
    """Call ``fn`` on the case's fresh inputs: the result as plain data (an exception described
    with the student's own frames only), and the ``(args, kwargs)`` as they were passed."""
    args = tuple(case.make())
    kwargs = dict(case.kwargs)
    sent = copy.deepcopy((args, kwargs))
    try:
        output = fn(*args, **kwargs)
    except NotImplementedError as exc:
        return CallResult("error", error=describe_exception(exc)), sent
    except Exception as exc:  # the student's bug: their traceback, not ours
        return CallResult("error", error=describe_exception(exc, _is_student_frame)), sent
    return CallResult("ok", output, (args, kwargs)), sent


def _not_implemented(name: str, error: ErrorInfo) -> str:
    """The stub message; names the stub when the checked function only calls it (e.g. a model
    function calling a helper that is still a stub)."""
    frame = stub_frame(error.traceback)
    if frame is None:
        return not_implemented(name)
    filename, stub = frame
    origin = block_origin(filename)
    if origin or (stub.isidentifier() and _is_student_frame(filename)):
        return not_implemented(name, stub, origin)
    return not_implemented(name)


def _report(spec: FunctionSpec, failures: list[str], total: int | None = None) -> str:
    if total is None:
        head = f"{RED}{BOLD}✗ {spec.name}{RESET}"
    else:
        head = (f"{RED}{BOLD}✗ {spec.name} failed {len(failures)} of {total} public "
                f"check{'s' if total != 1 else ''}{RESET}")
    shown = failures[:2]
    rest = len(failures) - len(shown)
    body = "\n\n".join(shown)
    if rest:
        body += f"\n\n(and {rest} more failing case{'s' if rest != 1 else ''} not shown: fix these first)"
    return f"{head}\n\n{body}"


def _case_header(number: int, case: Case) -> str:
    return f"{BOLD}Case {number}{RESET} ({case.label})"


def _is_student_frame(filename: str) -> bool:
    if filename.startswith(_PACKAGE_DIR):
        return False
    libs = {sys.prefix, sys.base_prefix, sys.exec_prefix}
    return not any(filename.startswith(p) and ("site-packages" in filename or "/lib/python" in filename)
                   for p in libs)


def explain_error(exc: BaseException) -> str | None:
    """Plain words for the exceptions beginners meet most in these notebooks."""
    diagnosis = errors.explain(describe_exception(exc))
    return diagnosis.sentence if diagnosis else None


def _what(value: Any) -> str:
    return "None" if value is None else f"a {type(value).__name__}"
