"""Judge one case of a graded function from plain data: the one judge of the public checks (in the
student's kernel) and of the grader (on the sandboxed worker's report).

:func:`judge_case` compares the output with the expected one, checks the output contracts and
the inputs after the call, and names the likely mistakes (the spec's hints first, then the
contracts broken, a changed input, and only when none of those fired the comparison's own
observations). An exception is described as plain data (:class:`ErrorInfo`) before it gets
here, so both places explain it with the same words (:mod:`layerlab.judge.errors`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from layerlab.judge.compare import Problem, compare, describe
from layerlab.judge import call_errors, errors, input_relations
from layerlab.judge.contract import FunctionSpec
from layerlab.judge.inputs import CHANGED_IN_PLACE, input_changes
from layerlab.judge.near_misses import CaseNearMisses
from layerlab.judge.outcome import Diagnosis, ErrorInfo
from layerlab.judge.catalogue import identify
from layerlab.judge.recognise import broken_properties, fired_hints, safely


@dataclass
class CallResult:
    """What one call gave back. ``status``: ``"ok"`` (``output``; ``args_after``: the
    ``(args, kwargs)`` after the call), ``"error"`` (``error``), ``"timeout"`` (``error``: the
    stop, its message says why) or ``"not_plain"`` (an object that is not plain data:
    ``error.type`` names its type, or ``undecodable`` says why it could not be read).
    The grader's ``protocol.CallReport`` has the same attributes."""

    status: str
    output: Any = None
    args_after: Any = None
    error: ErrorInfo | None = None
    undecodable: str | None = None


@dataclass
class Verdict:
    """The judge's word on one case.

    passed:     the output matches, its contracts hold, its inputs came back unchanged
    problems:   the evidence: which part of the output (or which input) is wrong, and how
    diagnoses:  the likely mistakes, most likely first
    error:      the exception the call raised, if it did
    lead:       what happened, when it is not a comparison (``"your code raised an error:"``)
    """

    passed: bool
    problems: list[Problem] = field(default_factory=list)
    diagnoses: list[Diagnosis] = field(default_factory=list)
    error: ErrorInfo | None = None
    lead: str = ""

    @property
    def mistakes(self) -> list[str]:
        """The catalogue identifiers of the diagnoses, each once."""
        return list(dict.fromkeys(d.id for d in self.diagnoses if d.id))

    @property
    def hints(self) -> list[str]:
        """The diagnoses' sentences, each once."""
        return list(dict.fromkeys(d.sentence for d in self.diagnoses))


def judge_case(spec: FunctionSpec, want: Any, result: Any, fresh_args: Callable[[], tuple],
               sent: tuple, parameters: Sequence[str] = (), shown: Any = None,
               explained: list[Diagnosis] | None = None, near_misses: CaseNearMisses | None = None) -> Verdict:
    """The verdict on one call of ``spec.name``.

    want:        the expected output
    result:      a :class:`CallResult` (or anything with its attributes)
    fresh_args:  returns a fresh copy of the positional arguments (each recogniser gets its own)
    sent:        ``(args, kwargs)`` as they were passed, to find inputs changed by the call
    parameters:  the function's parameter names (a changed input is named by its parameter)
    shown:       the output to compare, when it differs from ``result.output`` (the grader masks
                 dict keys the expected output does not have)
    explained:   the error's diagnoses when they were made already (the grader makes them from
                 the message as sent, before redacting it); None: made here
    near_misses: the sealed near misses of this case (small changes of the reference): one whose
                 output (or error) is the student's is named after the spec's own recognisers (or
                 the error's explanation) and before broken contracts and observations
                 (:mod:`layerlab.judge.near_misses`)
    """
    if result.status in ("error", "timeout"):
        if explained is None:
            explained = explain_error(spec, result.error, fresh_args, near_misses)
        if result.status == "timeout":
            explained = explained or [errors.explain(errors.TIME_LIMIT)]
            lead = result.error.message if result.error and result.error.message else "it took too long and was stopped"
            return Verdict(False, [], [d for d in explained if d], None, lead)
        lead = "your code raised an error:"
        if errors.wrote_read_only(result.error):
            lead = (f"{spec.name} changed its input in place (the grader passes its inputs "
                    f"read-only, so the change raised an error):")
        return Verdict(False, [], [d for d in explained if d], result.error, lead)
    if result.status == "not_plain":
        got = ("data that could not be read back as plain numbers (a masked or object array?)"
               if result.undecodable else
               f"an object of type {result.error.type if result.error else '?'}")
        return Verdict(False, [Problem("the returned value", f"expected {describe(want)}, got {got}; "
                                       f"return numbers, NumPy arrays, or tuples/lists/dicts of those")])
    got = result.output
    shown = got if shown is None else shown
    problems = condensed(spec, compare(want, shown, rtol=spec.rtol, atol=spec.atol), want, shown)
    broken = broken_properties(spec.properties, fresh_args, got)
    changed = _changed_inputs(spec.name, sent, result.args_after, parameters)
    problems += changed
    if not problems and not broken:
        return Verdict(True)
    hints = fired_hints(spec.hints, fresh_args, want, got)
    # the output is exactly that of one small change of a correct solution
    near = near_misses.named(output=got) if problems and near_misses is not None else []
    if (hints or near) and problems:
        # a recogniser named the cause and the comparison shows the evidence: a broken contract
        # would only say the same symptom a third time (e.g. "exactly the keys W1, b1...")
        broken = []
    diagnoses = hints + [d for d in near if d not in hints] + broken
    if changed:
        diagnoses.append(Diagnosis(CHANGED_IN_PLACE, errors.IN_PLACE))
    if not hints:  # relations to the inputs that hold for any function, then the comparison's
        # own observations (a rank-1 array, a transpose, NaN...)
        diagnoses += input_relations.observed(fresh_args(), want, got, parameters)
        diagnoses += [Diagnosis(None, h) for p in problems for h in p.hints if h != errors.IN_PLACE]
    problems = [Problem(p.where, p.what, p.details) for p in problems]
    return Verdict(False, problems, _unique(diagnoses))


def explain_error(spec: FunctionSpec, error: ErrorInfo | None, fresh_args: Callable[[], tuple],
                  near_misses: CaseNearMisses | None = None) -> list[Diagnosis]:
    """The mistakes behind ``error``, most likely first: a changed def line, or the first of the
    spec's ``error_hints`` that recognises it from the call's arguments, or else the generic
    explanation (:func:`layerlab.judge.errors.explain`); then the near misses that raise the
    same error."""
    if error is None:
        return []
    own = call_errors.def_line_changed(error, spec.name)
    if own:
        return [own]
    near = near_misses.named(error=error) if near_misses is not None else []
    for hint in spec.error_hints:
        message = safely(hint, fresh_args(), error)
        if message:
            return [Diagnosis(identify(hint), message), *near]
    generic = errors.explain(error)
    return [*([generic] if generic else []), *near]


def condensed(spec: FunctionSpec | None, problems: list[Problem], want: Any, got: Any) -> list[Problem]:
    """``problems`` as the spec's ``condense`` summarises them (unchanged if it has none or fails)."""
    if spec is None or spec.condense is None or not problems:
        return problems
    try:
        return spec.condense(problems, want, got)
    except Exception:  # a summary must never break the check
        return problems


def _changed_inputs(name: str, sent: tuple, after: Any, parameters: Sequence[str]) -> list[Problem]:
    args, kwargs = sent
    if not (isinstance(after, tuple) and len(after) == 2 and isinstance(after[0], tuple)
            and isinstance(after[1], dict) and len(after[0]) == len(args) and set(after[1]) == set(kwargs)):
        return [Problem("the arguments", f"{name} put something into its inputs that is not "
                                         f"plain data, or replaced them")]
    return input_changes(sent, after, name, parameters)


def _unique(diagnoses: list[Diagnosis]) -> list[Diagnosis]:
    seen, out = set(), []
    for d in diagnoses:
        if d.sentence not in seen:
            seen.add(d.sentence)
            out.append(d)
    return out
