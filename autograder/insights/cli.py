"""``python -m autograder insights``: what the class got wrong in an assignment.

    python -m autograder insights --assignment ID [--course DIR] [--names]

Writes ``insights/<assignment>/insights.html`` and ``insights.csv`` in the course folder and
prints their paths. Exit status 0 when written, 2 when the assignment is unknown or was never
graded (the message says how to grade it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder.grading.course import Course, CourseError
from autograder.insights.gather import InsightsError


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``insights`` command to ``python -m autograder``'s subparsers."""
    insights = subparsers.add_parser(
        "insights", help="what the class got wrong in an assignment (a page and a CSV)",
        description="Read every autograded/<student>/<assignment>/results.json and write "
                    "insights/<assignment>/insights.html (open it in a browser: what to re-teach, "
                    "outcomes per function, mistakes, quiz statistics, plots) and insights.csv. "
                    "Grading runs write them too.")
    insights.add_argument("--assignment", metavar="ID", action="append", required=True,
                          help="the assignment (repeatable)")
    insights.add_argument("--course", metavar="DIR",
                          help="the nbgrader course directory (default: as for grade)")
    insights.add_argument("--names", action="store_true",
                          help="name the students (who made each mistake, every score) and show "
                               "counts of 1 and 2 as they are; without it no student id appears")
    return insights


def run(args: argparse.Namespace) -> int:
    """Run the ``insights`` command parsed by :func:`add_parser`."""
    try:
        course = Course.open(args.course)
    except CourseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    status = 0
    for assignment in args.assignment:
        try:
            html, csv_path = write(course, assignment, args.names)
        except InsightsError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 2
            continue
        print(f"{assignment}: what the class got wrong: {html}\n"
              f"{' ' * len(assignment)}  the same numbers as CSV: {csv_path}")
    return status


def write(course: Course, assignment: str, names: bool = False) -> tuple[Path, Path]:
    """Build and write the insights of ``assignment``; returns (page, CSV)."""
    from autograder.insights import page, report  # Jinja2: only when used

    insights = report.build(course, assignment, names)
    return page.write(insights, report.output_folder(course, assignment))


def refresh(course: Course, assignments) -> list[str]:
    """Rewrite the insights (without names) of ``assignments`` after a grading run; returns one
    line per assignment to print (where the page is, or why it could not be made). Never raises:
    the grades are recorded whatever happens here."""
    lines = []
    for assignment in sorted(set(assignments)):
        try:
            html, _ = write(course, assignment)
            lines.append(f"What the class got wrong in {assignment}: {html}")
        except Exception as exc:  # a page that cannot be made must not fail the grading run
            lines.append(f"The insights of {assignment} could not be made: {exc}")
    return lines
