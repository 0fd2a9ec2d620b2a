"""Run a student's function on the public cases and report, never crash.

A check module (one per notebook, e.g. :mod:`layerlab.checks.numpy_basics`) declares a
:class:`FunctionSpec` per graded function: its public :class:`Case` inputs and the mistakes it can
recognise. The expected outputs are not in the check module: they are generated from the reference
solutions in ``source/`` into ``layerlab/checks/expected/<notebook>.json`` (``make generated``).

What the student sees:
  * all cases pass: one green line;
  * anything else (wrong output, an exception in their code, a modified input, a stub still in
    place): a :class:`CheckFailed` whose notebook rendering is the diagnosis itself, no traceback
    into layerlab. The test cell fails, so ``nbgrader validate`` reports it too.
"""

from __future__ import annotations

import copy
import functools
import json
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence


from layerlab import plaindata
from layerlab.building_blocks import block_origin
from layerlab.checks import undefined
from layerlab.checks.compare import Problem, compare
from layerlab.judge import errors
from layerlab.judge.inputs import input_changes, parameter_names
from layerlab.judge.outcome import describe_exception
from layerlab.judge.recognise import Hint, Property, broken_properties, fired_hints

EXPECTED_DIR = Path(__file__).with_name("expected")
_PACKAGE_DIR = str(Path(__file__).resolve().parents[1])

GREEN, RED, BOLD, RESET = "\x1b[32m", "\x1b[31m", "\x1b[1m", "\x1b[0m"



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
    """

    name: str
    cases: Sequence[Case]
    hints: Sequence[Hint] = ()
    properties: Sequence[Property] = ()
    rtol: float = 1e-6
    atol: float = 1e-9
    condense: Callable[[list, Any, Any], list] | None = None


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
        expected = _expected_for(notebook)[spec.name]
        outcome = run_cases(fn, spec, expected)
        if outcome:
            raise CheckFailed(outcome)
        print(f"{GREEN}✓ {spec.name} passed {passed_phrase(len(spec.cases))}.{RESET}")

    undefined.remember(spec.name)
    check.__name__ = check.__qualname__ = f"check_{spec.name}"
    check.__doc__ = (f"Run the public checks of ``{spec.name}`` ({len(spec.cases)} cases) and explain "
                     f"any difference from the expected output.")
    return check


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


def run_cases(fn: Any, spec: FunctionSpec, expected: Sequence[Any]) -> str:
    """Run every case; return ``""`` when all pass, else the full report text for the student."""
    if not callable(fn):
        return _report(spec, [f"`{spec.name}` is {_what(fn)}, not a function. Run the cell that "
                              f"defines it (and don't reuse its name for a variable)."])
    if len(expected) != len(spec.cases):
        raise RuntimeError(f"expected values for {spec.name} are stale ({len(expected)} outputs for "
                           f"{len(spec.cases)} cases); run `make generated`")
    failures: list[str] = []
    for number, (case, want) in enumerate(zip(spec.cases, expected), start=1):
        args = case.make()
        kwargs = dict(case.kwargs)
        before = copy.deepcopy((args, kwargs))
        try:
            got = fn(*args, **kwargs)
        except NotImplementedError as exc:
            return _report(spec, [_not_implemented(spec.name, exc)])
        except Exception as exc:  # the student's bug: show their traceback, not ours
            text = _case_header(number, case) + "\n" + _student_traceback(exc)
            hint = explain_error(exc)
            failures.append(text + (f"\n  Likely mistake: {hint}" if hint else ""))
            continue
        problems = condensed(spec, compare(want, got, rtol=spec.rtol, atol=spec.atol), want, got)
        problems += _broken_properties(spec, case, got)
        problems += input_changes(before, (args, kwargs), spec.name, parameter_names(fn))
        if problems:
            hints = [d.sentence for d in fired_hints(spec.hints, case.make, want, got)]
            failures.append(_case_header(number, case) + "\n" + _format(problems, hints))
    if not failures:
        return ""
    return _report(spec, failures, total=len(spec.cases))


def condensed(spec: FunctionSpec | None, problems: list[Problem], want: Any, got: Any) -> list[Problem]:
    """``problems`` as the spec's ``condense`` summarises them (unchanged if it has none or fails)."""
    if spec is None or spec.condense is None or not problems:
        return problems
    try:
        return spec.condense(problems, want, got)
    except Exception:  # a summary must never break the check
        return problems


def _not_implemented(name: str, exc: NotImplementedError) -> str:
    """The stub message; names the stub when the checked function only calls it (e.g. a model
    function calling a helper that is still a stub)."""
    frames = traceback.extract_tb(exc.__traceback__)
    stub = frames[-1].name if frames else name
    origin = block_origin(frames[-1].filename) if frames else None
    if origin and stub != name:
        return (f"`{name}` calls your building block `{stub}`, which is not implemented yet: "
                f"complete it in {origin}, save that notebook, run this notebook's first cell "
                f"again (it reloads the blocks), then this one.")
    if stub != name and stub.isidentifier() and _is_student_frame(frames[-1].filename):
        return (f"`{name}` calls `{stub}`, which is not implemented yet: complete `{stub}` first, "
                f"run its cell, then run this one again.")
    return (f"`{name}` is not implemented yet: replace `raise NotImplementedError()` with your "
            f"code, run that cell, then run this one again.")


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


def _format(problems: list[Problem], hints: list[str]) -> str:
    lines = []
    for p in problems:
        lines += ["  " + line for line in p.lines()]
    for h in dict.fromkeys(hints):  # unique, in order
        lines.append(f"  Likely mistake: {h}")
    return "\n".join(lines)


def _broken_properties(spec: FunctionSpec, case: Case, got: Any) -> list[Problem]:
    return [Problem("the returned value", d.sentence)
            for d in broken_properties(spec.properties, case.make, got)]


def _student_traceback(exc: BaseException) -> str:
    """The exception with only the frames of the student's own code (not layerlab's, not libraries')."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if _is_student_frame(f.filename)]
    lines = ["  Your code raised an error:"]
    for text in traceback.format_list(frames):
        lines += ["    " + line for line in text.rstrip().splitlines()]
    lines += ["    " + line for line in traceback.format_exception_only(type(exc), exc)[-1].rstrip().splitlines()]
    return "\n".join(lines)


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
