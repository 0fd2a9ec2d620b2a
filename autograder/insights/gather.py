"""Gather what the grader wrote about one assignment: every student's ``results.json``, and the
students the gradebook knows who have none (they submitted nothing that was graded).

Only the grader's own files are read (``autograded/<student>/<assignment>/results.json``); their
feedback is already redacted (no hidden input or reference value is in them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from autograder.grading.course import Course
from autograder.grading.outcomes import STATUSES


class InsightsError(RuntimeError):
    """The insights of an assignment cannot be made (unknown, never graded, unreadable results)."""


@dataclass
class Failure:
    """One failing hidden case as results.json tells it."""

    case: int
    problems: list[str]
    hints: list[str]
    mistakes: list[str] | None     # catalogue identifiers, when the grader wrote them

    def text(self, problem_lines: int = 6) -> str:
        """The feedback the student read about this case, without its traceback: its first
        ``problem_lines`` lines of problems, then every likely mistake."""
        problems = self.problems[:problem_lines] + (["…"] if len(self.problems) > problem_lines else [])
        return "\n".join(problems + [f"Likely mistake: {h}" for h in self.hints])


@dataclass
class Item:
    """One graded function or quiz question of one submission."""

    name: str
    kind: str            # "function" or "question"
    notebook: str
    score: float
    max_score: float
    summary: str
    failures: list[Failure] = field(default_factory=list)
    answer: str | None = None     # a question's answer as written
    status: str = "failed"        # results.json's status (autograder.grading.results)

    @property
    def outcome(self) -> str:
        """``"full"``, ``"partial"``, ``"zero"`` or ``"unfinished"`` (a stub still raising
        NotImplementedError, a function not defined, a question not answered), from the status
        the grader wrote."""
        return {"passed": "full", "partial": "partial", "unfinished": "unfinished"}.get(self.status, "zero")


@dataclass
class Submission:
    student: str
    score: float
    max_score: float
    items: dict[str, Item]


@dataclass
class ClassResults:
    """Every graded submission of one assignment."""

    assignment: str
    submissions: list[Submission]
    not_submitted: list[str] = field(default_factory=list)   # in the gradebook, no results

    @property
    def item_names(self) -> list[str]:
        """The graded functions and questions, in the notebook's order (first submission that has
        each)."""
        names: dict[str, None] = {}
        for submission in self.submissions:
            names.update(dict.fromkeys(submission.items))
        return list(names)

    @property
    def max_score(self) -> float:
        return max((s.max_score for s in self.submissions), default=0.0)


def results_paths(course: Course, assignment: str) -> dict[str, Path]:
    """student -> results.json of every graded submission of ``assignment``."""
    folder = course.root / course.coursedir.autograded_directory
    if not folder.is_dir():
        return {}
    found = {}
    for student in sorted(p.name for p in folder.iterdir() if p.is_dir()):
        path = Path(course.folder("autograded", student, assignment)) / "results.json"
        if path.is_file():
            found[student] = path
    return found


def graded_assignments(course: Course) -> list[str]:
    """The assignments of the course with at least one results.json."""
    return [a for a in course.assignments() if results_paths(course, a)]


def gather(course: Course, assignment: str) -> ClassResults:
    """Read every results.json of ``assignment``; raises :class:`InsightsError` with what to do
    when the assignment is unknown or was never graded."""
    known = course.assignments()
    if assignment not in known:
        raise InsightsError(f"the course {course.root} has no assignment {assignment!r} "
                            f"(its assignments: {', '.join(known) or 'none in source/'})")
    paths = results_paths(course, assignment)
    if not paths:
        raise InsightsError(f"{assignment} has not been graded yet: there is no autograded/<student>/"
                            f"{assignment}/results.json in {course.root}. Grade it first: "
                            f"python -m autograder grade --assignment {assignment}")
    submissions = [read_submission(student, path) for student, path in paths.items()]
    return ClassResults(assignment, submissions, _not_submitted(course, assignment, set(paths)))


def read_submission(student: str, path: Path) -> Submission:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        items = {name: _item(name, raw) for name, raw in data["functions"].items()}
        return Submission(student, float(data["score"]), float(data["max_score"]), items)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InsightsError(f"{path} is not a results.json the grader wrote ({exc}); grade the "
                            f"submission again with python -m autograder grade --force "
                            f"--student {student}") from exc


def _item(name: str, raw: dict) -> Item:
    failures = [Failure(int(f.get("case", 0)), [str(p) for p in f.get("problems", [])],
                        [str(h) for h in f.get("hints", [])],
                        [str(m) for m in f["mistakes"]] if isinstance(f.get("mistakes"), list) else None)
                for f in raw.get("failures", [])]
    messages = raw.get("messages") or [""]
    answer = raw.get("answer")
    status = raw["status"]
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r} of {name}")
    return Item(name, str(raw.get("kind", "function")), str(raw.get("notebook", "")),
                float(raw["score"]), float(raw["max_score"]), str(messages[0]), failures,
                None if answer is None else str(answer), status)


def _not_submitted(course: Course, assignment: str, graded: set[str]) -> list[str]:
    """Students of the gradebook without a graded submission (empty when there is no gradebook)."""
    url = course.db_url
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).is_file():
        return []
    try:
        from nbgrader.api import Gradebook

        with Gradebook(url, course.course_id) as gb:
            students = [s.id for s in gb.students]
    except Exception:  # the page is still worth having without the roster
        return []
    return sorted(set(students) - graded)
