"""Which submissions a grading run grades, or why there is nothing to grade.

A typo in ``--assignment`` or ``--student``, a course whose submissions were never collected, or a
folder that is not the course must not look like a successful run that found nothing to do: each
gets a :class:`SelectionError` that names what is wrong and what to run.
"""

from __future__ import annotations

import difflib

from autograder.grading.course import Course
from autograder.grading.submission import Submission, find_submissions


class SelectionError(RuntimeError):
    """Nothing can be graded as asked; the message says why and what to do."""


def select(course: Course, assignments: list[str] | None,
           students: list[str] | None) -> list[Submission]:
    """The submissions to grade, at least one, or :class:`SelectionError`."""
    submitted = course.submitted_dir
    collect = ("collect them first: `nbgrader collect <assignment>` (JupyterHub exchange) or "
               "`nbgrader zip_collect <assignment>` (an LMS download), so that each is in "
               "submitted/<student>/<assignment>/<notebook>.ipynb")
    if not submitted.is_dir():
        raise SelectionError(f"{course.root} has no {submitted.name}/ folder, so no submissions: "
                             f"{collect}")
    everything = find_submissions(submitted)
    known_assignments = sorted(set(course.assignments()) | {s.assignment for s in everything})
    known_students = sorted({s.student for s in everything})
    for assignment in assignments or []:
        if assignment not in known_assignments:
            raise SelectionError(f"there is no assignment {assignment!r} in {course.root}"
                                 f"{_did_you_mean(assignment, known_assignments)}; its assignments "
                                 f"are: {_listing(known_assignments)}")
    for student in students or []:
        if student not in known_students:
            raise SelectionError(f"no student {student!r} has submitted anything in {submitted}"
                                 f"{_did_you_mean(student, known_students)}; students there: "
                                 f"{_listing(known_students)}")
    chosen = find_submissions(submitted, assignments, students)
    if not chosen:
        what = " of ".join(part for part in (
            f"student {', '.join(students)}" if students else "",
            f"assignment {', '.join(assignments)}" if assignments else "") if part)
        raise SelectionError(f"{submitted} holds no submission{' of ' + what if what else ''}: "
                             f"{collect}")
    return chosen


def _did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _listing(names: list[str], most: int = 12) -> str:
    if not names:
        return "none"
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")
