"""The class's numbers: outcomes per graded function, mistakes, and what to re-teach first.

A **mistake** is counted once per student (however many hidden cases or functions showed it):

* when the grader wrote catalogue identifiers for a failing case (``"mistakes": [...]``), each
  identifier is one mistake, titled and topped from :mod:`layerlab.judge.catalogue`; a near miss
  (:mod:`layerlab.judge.near_misses`) counts only when the case has no other identifier, and then
  as the change it names in that function ("+ instead of * in the line that sets dZ1"), since its
  kind alone ("an operator where another belongs") groups unrelated slips;
* otherwise each "likely mistake" sentence of the case is one (sentences that differ only in
  their numbers count as the same), with no identifier and no topic;
* a function that lost points with no likely mistake at all counts as "not recognised" for that
  function: what the grader could not name is worth a look too.

Quiz questions have their own statistics (:mod:`autograder.insights.quiz_stats`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from autograder.insights.gather import ClassResults, Item
from layerlab.judge.near_misses import change_named, is_near_miss
from layerlab.judge.catalogue import MISTAKES

OUTCOMES = ("full", "partial", "zero", "unfinished")
#: key prefix of a function's failures that no recogniser named
UNRECOGNISED = "not-recognised:"


@dataclass
class FunctionRow:
    """How the class did on one graded function (or question)."""

    name: str
    kind: str
    max_score: float
    counts: dict[str, int]          # outcome -> students
    mean: float                     # mean score
    unrecognised: int = 0           # students who lost points with no likely mistake named

    @property
    def students(self) -> int:
        return sum(self.counts.values())


@dataclass
class MistakeRow:
    """One kind of mistake and the students who made it."""

    key: str                        # a catalogue identifier, or the sentence's normalised words
    title: str
    topic: str | None
    identified: bool                # key is a catalogue identifier
    students: set[str] = field(default_factory=set)
    by_function: dict[str, set[str]] = field(default_factory=dict)
    example: str = ""               # the feedback one of them read (no student id, no traceback)
    first: set[str] = field(default_factory=set)   # ... in the first function they lost points in

    @property
    def count(self) -> int:
        return len(self.students)

    def functions(self) -> list[tuple[str, int]]:
        """(function, students) pairs, most students first."""
        return sorted(((f, len(s)) for f, s in self.by_function.items()), key=lambda p: (-p[1], p[0]))


def function_rows(results: ClassResults) -> list[FunctionRow]:
    rows = []
    for name in results.item_names:
        items = [s.items[name] for s in results.submissions if name in s.items]
        counts = dict.fromkeys(OUTCOMES, 0)
        for item in items:
            counts[item.outcome] += 1
        unrecognised = sum(1 for item in items if item.kind == "function" and item.outcome in
                           ("partial", "zero") and not any(f.hints or f.mistakes for f in item.failures))
        rows.append(FunctionRow(name, items[0].kind, max(i.max_score for i in items), counts,
                                sum(i.score for i in items) / len(items), unrecognised))
    return rows


def mistake_rows(results: ClassResults) -> list[MistakeRow]:
    """Every mistake of the class, most students first (then in the notebook's order of the
    functions, then by key, so the order is stable)."""
    rows: dict[str, MistakeRow] = {}
    for submission in sorted(results.submissions, key=lambda s: s.student):
        failing = [i for i in submission.items.values()
                   if i.kind == "function" and i.outcome in ("partial", "zero")]
        for item in failing:
            for key, title, text in _mistakes_of(item):
                row = rows.get(key)
                if row is None:
                    entry = MISTAKES.get(key)
                    row = rows[key] = MistakeRow(key, entry.title if entry else title,
                                                 entry.topic if entry else None, entry is not None
                                                 or _is_identifier(key))
                if not row.example and text:
                    row.example = scrub(text, submission.student)
                row.students.add(submission.student)
                if item is failing[0]:
                    row.first.add(submission.student)
                row.by_function.setdefault(item.name, set()).add(submission.student)
    order = {name: i for i, name in enumerate(results.item_names)}
    # on a tie the mistake in the earlier function first: a later function that calls it (the
    # student's own sigmoid in propagate) often fails because of it
    return sorted(rows.values(), key=lambda r: (-r.count, min(order[f] for f in r.by_function), r.key))


def _mistakes_of(item: Item) -> list[tuple[str, str, str]]:
    """(key, title, example text) of every mistake one function's failures show."""
    found: dict[str, tuple[str, str, str]] = {}
    for failure in item.failures:
        for key, title in failure_mistakes(item.name, failure):
            found.setdefault(key, (key, title, failure.text()))
    if not found:
        example = next((f.text() for f in item.failures if f.problems), item.summary)
        key = UNRECOGNISED + item.name
        found[key] = (key, f"lost points in {item.name} with no likely mistake named", example)
    return list(found.values())


def failure_mistakes(function: str, failure) -> list[tuple[str, str]]:
    """(key, title) of each mistake one failing case of ``function`` shows: its identifiers; when
    they are near misses only, the changes they name; without identifiers, its sentences."""
    if not failure.mistakes:
        return [(normalised(hint), hint) for hint in failure.hints]
    named = [(m, m) for m in failure.mistakes if not is_near_miss(m)]
    if named:
        return named
    changes = [change_named(hint) for hint in failure.hints if is_near_miss(hint)]
    return [(f"{function}: {normalised(change)}", f"{change} (in {function})") for change in changes]


def normalised(sentence: str) -> str:
    """A likely-mistake sentence with its numbers and shapes replaced by ``#``, so the same
    recogniser's words about different cases count as one mistake."""
    return re.sub(r"\d+(\.\d+)?(e[-+]?\d+)?", "#", " ".join(sentence.split()))


def _is_identifier(key: str) -> bool:
    return re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", key) is not None


def scrub(text: str, student: str) -> str:
    """``text`` without the student's id (a variable or file name may carry it)."""
    return re.sub(re.escape(student), "(a student)", text, flags=re.IGNORECASE) if student else text


@dataclass
class Lesson:
    """One of the things to re-teach."""

    key: str             # the mistake's key or the question's name
    title: str
    students: int        # students it is the first problem of
    where: str           # "in propagate", "quiz question q6"
    topic: str | None
    also: int = 0        # more students made it after an earlier mistake


def what_to_reteach(mistakes: list[MistakeRow], questions: list, how_many: int = 3) -> list[Lesson]:
    """The ``how_many`` items that affected the most students: mistakes (recognised or not) and
    quiz questions the students did not get fully right.

    A mistake counts the students it was the *first* problem of (in the notebook's order): a later
    function that calls an earlier one fails with it (a flipped sigmoid breaks propagate, predict
    and model), and re-teaching the earlier idea is what helps them; the others break ties. Of
    mistakes made by exactly the same students in the same functions (two recognisers describing
    one mistake) only the first is listed."""
    lessons, seen = [], set()
    for m in mistakes:
        same = (frozenset(m.students), frozenset(m.by_function))  # two diagnoses of one mistake
        if m.first and same not in seen:
            seen.add(same)
            where = "in " + ", ".join(f for f, _ in m.functions())
            lessons.append(Lesson(m.key, m.title, len(m.first), where, m.topic, m.count - len(m.first)))
    lessons += [Lesson(q.name, f"{q.name}: {q.title}", q.missed, f"quiz question {q.name}",
                       q.topics[0] if q.topics else None) for q in questions if q.missed]
    lessons.sort(key=lambda lesson: (-lesson.students, -lesson.also))  # stable otherwise
    return lessons[:how_many]
