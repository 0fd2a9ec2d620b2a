"""What grading found, per hidden case and per graded function (or quiz question): the data
``results.json`` and the feedback page are written from.

A failing case's text is laid out by :mod:`layerlab.judge.report`, as in the notebook's checks:
the likely mistake first, then the evidence, then the student's own traceback lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from layerlab.judge.outcome import Diagnosis
from layerlab.judge.report import case_lines

#: how many failing cases of one function the messages spell out.
SHOWN_FAILURES = 3
#: the statuses of a function without points other than ``"failed"`` (see FunctionResult.status)
ZERO_REASONS = ("unfinished", "timeout", "error")
STATUSES = ("passed", "partial", "failed") + ZERO_REASONS


@dataclass
class CaseOutcome:
    """One hidden case: passed, or why not (``problems``: the evidence and ``hints``: the likely
    mistakes, in plain words; ``traceback``: the student's own lines; ``mistakes``: the catalogue
    identifiers of the recognisers that fired, see :mod:`layerlab.judge.catalogue`)."""

    number: int
    label: str
    passed: bool
    problems: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    traceback: list[str] = field(default_factory=list)
    kind: str = ""   # failures of the same kind are explained once
    mistakes: list[str] = field(default_factory=list)

    def diagnose(self, diagnoses: list[Diagnosis], first: bool = False) -> None:
        """Add the diagnoses' sentences (each once) to the hints and their identifiers to the
        mistakes; ``first``: before the ones there are (a root cause)."""
        hints = [d.sentence for d in diagnoses if d.sentence not in self.hints]
        ids = [d.id for d in diagnoses if d.id and d.id not in self.mistakes]
        self.hints = hints + self.hints if first else self.hints + hints
        self.mistakes = ids + self.mistakes if first else self.mistakes + ids

    def text(self, same: list[int] = ()) -> str:
        lines = [f"Hidden case {self.number} ({self.label}):"]
        lines += ["  " + line for line in case_lines(self.hints, self.problems, self.traceback)]
        if same:
            lines.append(f"  The same problem in hidden case{'s' if len(same) > 1 else ''} {numbers(same)}.")
        return "\n".join(lines)


@dataclass
class FunctionResult:
    name: str
    notebook: str
    max_score: float
    score: float
    passed: int
    total: int
    summary: str                         # one sentence about the whole function
    cases: list[CaseOutcome] = field(default_factory=list)
    #: why it earned nothing, when that is not wrong answers: one of :data:`ZERO_REASONS`
    zero_reason: str = field(default="", kw_only=True)
    kind: ClassVar[str] = "function"

    @property
    def status(self) -> str:
        """``"passed"`` (full marks), ``"partial"``, or for no points: ``"unfinished"`` (a stub
        still raising NotImplementedError, a function not defined, a question not answered),
        ``"timeout"``, ``"error"`` (it raised, or the notebook could not run) or ``"failed"``
        (wrong answers)."""
        if self.passed == self.total and self.score >= self.max_score - 1e-9:
            return "passed"
        if self.score > 1e-9:
            return "partial"
        return self.zero_reason or "failed"

    @property
    def failures(self) -> list[CaseOutcome]:
        return [c for c in self.cases if not c.passed]

    @property
    def groups(self) -> list[tuple[CaseOutcome, list[int]]]:
        """Explained failures grouped by kind: (the first case of a kind, the other cases' numbers)."""
        groups: dict[str, list[CaseOutcome]] = {}
        for case in self.failures:
            if case.problems or case.traceback or case.hints:
                groups.setdefault(case.kind or "\n".join(case.problems), []).append(case)
        return [(cases[0], [c.number for c in cases[1:]]) for cases in groups.values()]

    @property
    def messages(self) -> list[str]:
        groups = self.groups
        shown = [first.text(same) for first, same in groups[:SHOWN_FAILURES]]
        rest = sum(1 + len(same) for _, same in groups[SHOWN_FAILURES:])
        if rest > 0:
            shown.append(f"(and {rest} more failing case{'s' if rest != 1 else ''})")
        return [self.summary] + shown


@dataclass
class QuestionResult(FunctionResult):
    """A quiz question: ``passed`` is 1 for full marks (``total`` is 1); ``answer`` is the
    student's answer as written; ``explanation``: why the right answer is right, and notes on
    the options the student got wrong."""

    answer: str = ""
    explanation: list[str] = field(default_factory=list)
    kind: ClassVar[str] = "question"

    @property
    def messages(self) -> list[str]:
        return [self.summary] + self.explanation


def numbers(values: list[int]) -> str:
    """``"2"``, ``"2 and 3"``, ``"2, 3 and 5"``."""
    text = [str(n) for n in values]
    return text[0] if len(text) == 1 else ", ".join(text[:-1]) + " and " + text[-1]
