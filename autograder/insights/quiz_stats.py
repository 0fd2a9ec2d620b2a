"""Quiz questions across the class: how many chose each option, how hard each question was, how
well it tells the students who know the week from those who do not, and where wrong answers
cluster.

* **difficulty**: the mean share of the question's points the class earned (1.0: everyone right);
* **discrimination**: the point-biserial correlation between a student's mark on the question
  (0 to 1; partial credit on check-all-that-apply) and their score in points on the *rest* of
  the quiz (the question itself left out). Near 0 or negative: the question does not follow what the rest
  of the quiz measures; None when either side is the same for everyone;
* **clustered wrong answers**: among the students who answered a question wrongly (and not
  blank), one wrong answer chosen by at least half of them and by at least three students: a
  shared misconception rather than guessing.
"""

from __future__ import annotations

import ast
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from autograder.insights.gather import ClassResults
from layerlab.checks.quiz import Question

#: a wrong answer "clusters" when this share of the wrong answers, and at least MIN_CLUSTER
#: students, chose it
CLUSTER_SHARE = 0.5
MIN_CLUSTER = 3
#: answers that are no answer (the grader's words for them, autograder.grading.quiz)
NO_ANSWER = ("None", "(not set)", "(missing)", "(none)", "(unreadable)")


@dataclass
class QuestionRow:
    name: str
    title: str
    kind: str                            # "choice", "choices", "shape", "number" ("" if unknown)
    max_score: float
    students: int
    right: int                           # full marks
    difficulty: float                    # mean share of the points
    discrimination: float | None
    options: list[tuple[str, int, bool]] = field(default_factory=list)  # (answer, students, right)
    cluster: tuple[str, int] | None = None      # (wrong answer, students)
    topics: tuple[str, ...] = ()

    @property
    def missed(self) -> int:
        """Students without full marks."""
        return self.students - self.right


def question_rows(results: ClassResults, formats: dict[str, Question], keys: dict[str, str],
                  titles: dict[str, str]) -> list[QuestionRow]:
    """One row per quiz question of ``results`` (``formats``: the quiz module's QUESTIONS;
    ``keys``: question -> the right answer as :func:`layerlab.checks.quiz.show` writes it;
    ``titles``: question -> its heading in the notebook)."""
    names = [n for n in results.item_names
             if any(s.items.get(n) and s.items[n].kind == "question" for s in results.submissions)]
    scores = [{n: s.items[n] for n in names if n in s.items} for s in results.submissions]
    rows = []
    for name in names:
        items = [s.items[name] for s in results.submissions if name in s.items]
        question = formats.get(name)
        kind = question.kind if question else ""
        answers = [i.answer or "None" for i in items]
        right = sum(1 for i in items if i.outcome == "full")
        key = keys.get(name) or next((i.answer for i in items if i.outcome == "full"), None)
        rows.append(QuestionRow(
            name, titles.get(name, name), kind, max(i.max_score for i in items), len(items), right,
            sum(_share(i) for i in items) / len(items),
            point_biserial([(_share(m[name]), sum(i.score for q, i in m.items() if q != name))
                            for m in scores if name in m]),
            option_counts(question, answers, key), _cluster(items, key), question.topics if question else ()))
    return rows


def _share(item) -> float:
    return item.score / item.max_score if item.max_score else 0.0


def option_counts(question: Question | None, answers: list[str], key: str | None) -> list[tuple[str, int, bool]]:
    """(option or answer, students, is right) in the question's order: every option of a choice
    question (a check-all-that-apply question counts each option checked), else the distinct
    answers as written, most frequent first; "no answer" last when someone gave none."""
    counts: Counter = Counter()
    for answer in answers:
        if answer in NO_ANSWER:
            counts["no answer"] += 1
        elif question is not None and question.kind == "choices":
            counts.update(_letters(answer) or ["(unreadable)"])
        else:
            counts[_plain(answer)] += 1
    if question is not None and question.kind in ("choice", "choices"):
        right = _letters(key) if key else set()
        order = list(question.options) + sorted(set(counts) - set(question.options) - {"no answer"})
        rows = [(o, counts.get(o, 0), o in right) for o in order]
    else:
        rows = [(a, n, key is not None and a == _plain(key))
                for a, n in sorted(counts.items(), key=lambda p: (-p[1], p[0])) if a != "no answer"]
    if counts.get("no answer"):
        rows.append(("no answer", counts["no answer"], False))
    return rows


def _cluster(items, key: str | None) -> tuple[str, int] | None:
    wrong = Counter(_plain(i.answer) for i in items
                    if i.outcome != "full" and i.answer and i.answer not in NO_ANSWER)
    if not wrong:
        return None
    answer, count = wrong.most_common(1)[0]
    if count >= MIN_CLUSTER and count >= CLUSTER_SHARE * sum(wrong.values()):
        return answer, count
    return None


def point_biserial(pairs: list[tuple[float, float]]) -> float | None:
    """The Pearson correlation of (item mark, rest score) pairs; with a right/wrong item it is the
    point-biserial coefficient. None when fewer than 3 students or either side does not vary."""
    if len(pairs) < 3:
        return None
    n = len(pairs)
    mx = sum(x for x, _ in pairs) / n
    my = sum(y for _, y in pairs) / n
    sxy = sum((x - mx) * (y - my) for x, y in pairs)
    sxx = sum((x - mx) ** 2 for x, _ in pairs)
    syy = sum((y - my) ** 2 for _, y in pairs)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return sxy / math.sqrt(sxx * syy)


def _letters(answer: str | None) -> set[str]:
    """The option letters of an answer as written: ``"b"`` or ``{"a", "c"}``."""
    if answer is None:
        return set()
    try:
        value = ast.literal_eval(answer)
    except (ValueError, SyntaxError):
        return set()
    if isinstance(value, str):
        return {value}
    if isinstance(value, (set, frozenset, tuple, list)):
        return {v for v in value if isinstance(v, str)}
    return set()


def _plain(answer: str) -> str:
    """An answer as the page shows it: a choice without its quotes, anything else as written."""
    return answer[1:-1] if re.fullmatch(r'"[^"]*"', answer) else answer


def headings(cells_markdown: list[str]) -> dict[str, str]:
    """question -> title, from the notebook's ``### Question 6 · keepdims (1 point)`` headings."""
    titles = {}
    for text in cells_markdown:
        match = re.search(r"^#+\s*Question\s+(\d+)\s*[·:\-]\s*(.+?)(\s*\(\d+(\.\d+)? points?\))?\s*$",
                          text, flags=re.MULTILINE)
        if match:
            titles[f"q{match.group(1)}"] = match.group(2).strip()
    return titles
