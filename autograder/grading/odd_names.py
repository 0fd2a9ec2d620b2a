"""A submission whose folder name is not text: a result that says so, where its folder is.

A student or assignment folder whose name is not valid UTF-8 (a name made on another system, or
on purpose) cannot be a student id or an assignment of nbgrader's gradebook, which stores text.
Such a submission is not graded; it still gets what every student gets: a ``results.json`` in
``autograded/`` and a feedback page in ``feedback/`` (under the same odd folder name, so they sit
beside the submission), each saying in plain words why, with the name shown readably (bytes that
are not UTF-8 as ``\\xNN``). The gradebook is left alone, and the run's summary names the folder
so the instructor can rename it.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

from autograder.grading import bounds
from autograder.grading.course import Course
from autograder.grading.feedback import write_feedback
from autograder.grading.results import AssignmentResult, NotebookResult, write_results
from autograder.grading.score import score_notebook
from autograder.grading.submission import Submission


def readable(name: str) -> str:
    """A file name as valid text: bytes that are not UTF-8 as ``\\xNN``, nothing dropped."""
    try:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    except UnicodeError:  # a surrogate that no file name decodes to
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def explanation(submission: Submission) -> str:
    """Why this submission was not graded, for the student and the instructor."""
    odd = [f"{what} folder '{readable(name)}'" for what, name in
           (("student", submission.student), ("assignment", submission.assignment))
           if not bounds.is_clean_name(name)]
    return (f"Not graded: the {' and the '.join(odd)} has a name that is not valid UTF-8 text, so "
            f"it cannot be a student id or an assignment in nbgrader's gradebook. Your instructor "
            f"needs to rename the folder; then your work is graded as usual.")


def record(course: Course, submission: Submission, plans: list) -> str:
    """Write the submission's results.json and feedback page(s), saying why it was not graded
    (``plans``: the assignment's notebook plans, for their names and points; empty if unknown).
    Returns the line for the run's summary; never raises."""
    why = explanation(submission)
    notebooks = [NotebookResult(plan.name, False, score_notebook(plan, None, {}, why)) for plan in plans]
    notebooks = notebooks or [NotebookResult("submission", False)]
    notebooks[0].errors.append(why)
    result = AssignmentResult(readable(submission.student), readable(submission.assignment), notebooks,
                              datetime.now(timezone.utc).isoformat(timespec="seconds"))
    bounds.bound_result(result)
    try:
        autograded = course.folder("autograded", submission.student, submission.assignment)
        feedback = course.folder("feedback", submission.student, submission.assignment)
        for folder in (autograded, feedback):
            folder.mkdir(parents=True, exist_ok=True)
        write_feedback(feedback, result)
        write_results(autograded / "results.json", result)
        written = "its results.json and feedback page say so"
    except OSError as exc:
        written = f"its results.json could not be written ({exc.strerror})"
    return (f"not graded: the folder name is not valid UTF-8 text ({written}); rename the folder, "
            f"then run again")
