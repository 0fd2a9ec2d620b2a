"""Public checks of the weekly quizzes: is an answer well-formed? Never: is it right?

A quiz question is answered by setting a variable in the notebook:

    q3 = "b"           one option of a single-choice question (a string)
    q5 = {"a", "c"}    "check all that apply": a set of option letters
    q7 = (4, 1)        a shape: a tuple of whole numbers
    q8 = 0.25          a number

The locked cell after each answer calls ``checks.check_q3(q3)``, which looks at the answer's FORMAT
only: its type, whether its letters are options of the question, whether a shape is a tuple of whole
numbers. A question module (``layerlab.checks.quiz_week2``, ...) declares the format of every
question and nothing else: the answer key and the explanations live only in the instructor's source
notebook, and the autograder compares the answers with them after submission (the same
:func:`format_problem` decides there whether an answer can be graded at all).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from layerlab.checks.runner import BOLD, GREEN, RED, RESET, CheckFailed
from layerlab.judge.catalogue import TOPICS

KINDS = ("choice", "choices", "shape", "number")


@dataclass(frozen=True)
class Question:
    """The format of one question's answer.

    name:     the variable the student sets (``"q3"``)
    kind:     ``"choice"`` (one option letter), ``"choices"`` (a set of option letters),
              ``"shape"`` (a tuple of whole numbers) or ``"number"``
    options:  the option letters of a choice question, in order (``("a", "b", "c", "d")``)
    integer:  a number question whose answer is a whole number
    topics:   the course ideas the question is about (keys of
              :data:`layerlab.judge.catalogue.TOPICS`), so the class insights can put it next to
              the programming mistakes about the same idea
    """

    name: str
    kind: str
    options: tuple[str, ...] = ()
    integer: bool = False
    topics: tuple[str, ...] = ()

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown question kind {self.kind!r}; one of {KINDS}")
        if (self.kind in ("choice", "choices")) != bool(self.options):
            raise ValueError(f"{self.name}: choice questions and only they have options")
        unknown = [t for t in self.topics if t not in TOPICS]
        if unknown or isinstance(self.topics, str):
            raise ValueError(f"{self.name}: unknown topic {unknown or self.topics!r}; topics are "
                             f"keys of layerlab.judge.catalogue.TOPICS")

    def expected_format(self) -> str:
        """The expected format in words, e.g. ``one of "a", "b", "c", "d" (a string)``."""
        letters = _letters(self.options)
        if self.kind == "choice":
            return f"one of {letters} (a string)"
        if self.kind == "choices":
            return f"a set of the letters you check, out of {letters}, written between braces {{ }}"
        if self.kind == "shape":
            return "a tuple of whole numbers, such as a shape written by NumPy"
        return "a whole number" if self.integer else "a number"


def choice(name: str, options: str = "abcd", topics: tuple[str, ...] = ()) -> Question:
    """A single-choice question: the answer is one option letter."""
    return Question(name, "choice", tuple(options), topics=tuple(topics))


def choices(name: str, options: str = "abcde", topics: tuple[str, ...] = ()) -> Question:
    """A "check all that apply" question: the answer is a set of option letters."""
    return Question(name, "choices", tuple(options), topics=tuple(topics))


def shape(name: str, topics: tuple[str, ...] = ()) -> Question:
    """A shape question: the answer is a tuple of whole numbers."""
    return Question(name, "shape", topics=tuple(topics))


def number(name: str, integer: bool = False, topics: tuple[str, ...] = ()) -> Question:
    """A numeric question (``integer``: the answer is a whole number)."""
    return Question(name, "number", integer=integer, topics=tuple(topics))


# ----------------------------------------------------------------------------- format

def format_problem(question: Question, answer: Any) -> str | None:
    """Why ``answer`` is not a well-formed answer to ``question`` (a sentence), or None.

    Safe on any object (it only inspects exact types), so the notebook may call it on whatever a
    student wrote, and the grader on the plain data the worker sent back."""
    name = question.name
    if answer is None:
        return (f"`{name}` is not answered yet: replace `None` in the answer cell with "
                f"{question.expected_format()}, then run both cells.")
    check = {"choice": _choice_problem, "choices": _choices_problem,
             "shape": _shape_problem, "number": _number_problem}[question.kind]
    return check(question, answer)


def normalize(question: Question, answer: Any) -> Any:
    """The well-formed ``answer`` in canonical form: a ``str``, a ``frozenset`` of ``str``, a
    ``tuple`` of ``int``, or an ``int``/``float``. Call only when :func:`format_problem` is None."""
    if question.kind == "choice":
        return str(answer)
    if question.kind == "choices":
        return frozenset(str(a) for a in answer)
    if question.kind == "shape":
        return tuple(int(n) for n in answer)
    value = answer.item() if isinstance(answer, np.generic) else answer
    if question.integer or isinstance(value, int):
        return int(value)
    return float(value)


def show(value: Any) -> str:
    """An answer as the student would write it: ``"b"``, ``{"a", "c"}``, ``(4, 1)``, ``0.25``."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (set, frozenset)):
        items = sorted(value, key=repr)
        return "{" + ", ".join(show(v) for v in items) + "}" if items else "set()"
    if isinstance(value, tuple):
        inner = ", ".join(show(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, float):
        return f"{value:g}" if value == value and abs(value) < 1e15 else repr(value)
    if isinstance(value, (bool, int)) or value is None:
        return repr(value)
    return f"a {type(value).__name__}"


def _choice_problem(question: Question, answer: Any) -> str | None:
    name, letters = question.name, _letters(question.options)
    if isinstance(answer, (set, frozenset, list, tuple, dict)):
        return (f"`{name}` takes a single option: one letter as a string, {letters}, not a "
                f"{type(answer).__name__} (only \"check all that apply\" questions take a set).")
    if not isinstance(answer, str):
        return f"`{name}` must be {question.expected_format()}; it is {_kind(answer)}."
    text = str(answer)
    if text in question.options:
        return None
    if text.strip().lower() in question.options:
        return f'`{name}` = {show(text)}: write the option exactly as listed, "{text.strip().lower()}".'
    return f"`{name}` = {show(text)} is not an option of this question; the options are {letters}."


def _choices_problem(question: Question, answer: Any) -> str | None:
    name, letters = question.name, _letters(question.options)
    if isinstance(answer, dict) and not answer:
        return (f"`{name}` is an empty dict (`{{}}` makes a dict, not a set): check at least one "
                f"option, writing its letter between the braces.")
    if isinstance(answer, str):
        return (f"`{name}` must be a set of letters even for a single option: put the letter "
                f"between braces, like {{{show(str(answer))}}}.")
    if isinstance(answer, (list, tuple)):
        return (f"`{name}` is a {type(answer).__name__}; write a set instead: the same letters "
                f"between braces {{ }} rather than {'brackets [ ]' if isinstance(answer, list) else 'parentheses ( )'}.")
    if not isinstance(answer, (set, frozenset)):
        return f"`{name}` must be {question.expected_format()}; it is {_kind(answer)}."
    if type(answer) not in (set, frozenset):  # the grader reads plain sets only
        return f"`{name}` is a {type(answer).__name__}; write a plain set of letters between braces {{ }}."
    if not answer:
        return f"`{name}` is an empty set: check at least one option (every such question has one)."
    strange = [a for a in answer if not isinstance(a, str)]
    if strange:
        return f"every item of `{name}` must be an option letter (a string); it holds {_kind(strange[0])}."
    unknown = sorted(str(a) for a in answer if str(a) not in question.options)
    if unknown:
        lower = [u for u in unknown if u.strip().lower() in question.options]
        if lower:
            return f'`{name}` holds {show(lower[0])}: write the options exactly as listed, in lower case.'
        return (f"`{name}` holds {', '.join(show(u) for u in unknown)}, which "
                f"{'is not an option' if len(unknown) == 1 else 'are not options'}; the options are {letters}.")
    return None


def _shape_problem(question: Question, answer: Any) -> str | None:
    name = question.name
    if _is_number(answer):
        return (f"`{name}` is a single number; a shape is a tuple, even with one entry: "
                f"write `({show(answer)},)` (the comma makes it a tuple).")
    if isinstance(answer, list):
        return f"`{name}` is a list; write the shape as a tuple, between parentheses ( ) rather than brackets [ ]."
    if not isinstance(answer, tuple):
        return f"`{name}` must be {question.expected_format()}; it is {_kind(answer)}."
    for entry in answer:
        if isinstance(entry, bool) or not isinstance(entry, (int, np.integer)):
            if isinstance(entry, (float, np.floating)) and float(entry).is_integer():
                return f"every entry of `{name}` must be a whole number written as an int: `4`, not `4.0`."
            return f"every entry of `{name}` must be a whole number (an int); it holds {_kind(entry)}."
        if entry < 0:
            return f"`{name}` holds the negative number {int(entry)}; a shape's entries are sizes (0 or more)."
    return None


def _number_problem(question: Question, answer: Any) -> str | None:
    name = question.name
    if isinstance(answer, str):
        return f"`{name}` is a string; write the number itself, without quotes."
    if isinstance(answer, tuple) and len(answer) == 1 and _is_number(answer[0]):
        return f"`{name}` is a tuple of one number (a trailing comma?); write the number alone."
    if not _is_number(answer):
        return f"`{name}` must be {question.expected_format()}; it is {_kind(answer)}."
    value = float(answer)
    if not math.isfinite(value):
        return f"`{name}` is {value}; the answer is a finite number."
    if question.integer and not value.is_integer():
        return f"`{name}` = {show(float(value))}, but this question asks for a whole number."
    return None


def _is_number(value: Any) -> bool:
    return not isinstance(value, (bool, np.bool_)) and isinstance(value, (int, float, np.integer, np.floating))


def _kind(value: Any) -> str:
    if value is None:
        return "None"
    if isinstance(value, (bool, np.bool_)):
        return f"the bool {bool(value)}"
    if isinstance(value, (int, float, np.integer, np.floating)):
        return f"the number {show(value.item() if isinstance(value, np.generic) else value)}"
    if isinstance(value, str):
        return f"the string {show(str(value))}"
    return f"a {type(value).__name__}"


def _letters(options: tuple[str, ...]) -> str:
    quoted = [f'"{o}"' for o in options]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1] if len(quoted) > 1 else "".join(quoted)


# ----------------------------------------------------------------------------- the notebook's checks

def make_check(question: Question) -> Callable[[Any], None]:
    """``check_<name>(answer)``: raises :class:`CheckFailed` when the answer is not well-formed;
    says nothing about whether it is right."""

    def check(answer: Any) -> None:
        problem = format_problem(question, answer)
        if problem:
            raise CheckFailed(f"{RED}{BOLD}✗ {question.name}{RESET}\n\n  {problem}")
        print(f"{GREEN}✓ {question.name} = {show(normalize(question, answer))} is well-formed "
              f"(whether it is right is graded after you submit).{RESET}")

    check.__name__ = check.__qualname__ = f"check_{question.name}"
    check.__doc__ = (f"Check that ``{question.name}`` is {question.expected_format()}; "
                     f"whether it is right is graded after submission.")
    return check


def checks_for(questions: dict[str, Question]) -> dict[str, Callable[[Any], None]]:
    """``{"check_q1": ..., ...}`` for a question module's ``globals().update(...)``."""
    for name, question in questions.items():
        if name != question.name:
            raise ValueError(f"question {question.name!r} is listed under the name {name!r}")
    return {f"check_{name}": make_check(question) for name, question in questions.items()}
