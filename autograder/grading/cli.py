"""``python -m autograder grade``: grade the submissions of an nbgrader course.

    python -m autograder grade [--course DIR] [--assignment ID]... [--student NAME]... [--jobs N]
                               [--force] [--scheduler tcp://HOST:PORT] [--insecure] [limits]

Names the course it grades, shows a progress bar, then a summary table. Exit status 0 when every
submission was graded (whatever the students scored), 1 when the grader failed on at least one or
could not start, 2 on bad usage (also: a folder that is not a course, an unknown assignment or
student, nothing collected to grade). Submissions whose results are current are kept (``--force``
grades them again), so an interrupted run is finished by running the same command again.
Then it rewrites the class insights of every assignment it graded (``insights/<assignment>/``,
see :mod:`autograder.insights`) and prints where they are.
"""

from __future__ import annotations

import argparse
import sys

from autograder.grading.bounds import terminal
from autograder.grading.course import Course, CourseError
from autograder.grading.grade import GraderError, RunReport, Settings, grade_course
from autograder.boundary.sandbox import UNPROTECTED, Limits
from autograder.grading.score import QuestionResult
from autograder.grading.selection import SelectionError, select


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``grade`` command to ``python -m autograder``'s subparsers."""
    grade = subparsers.add_parser(
        "grade", help="grade the submissions in submitted/ (results, feedback, gradebook)",
        description="Grade submitted/<student>/<assignment>/*.ipynb: each notebook runs in a separate "
                    "worker process, its graded functions are called on the hidden cases and compared "
                    "with the reference; writes autograded/<student>/<assignment>/results.json, "
                    "feedback/<student>/<assignment>/<notebook>.html and the nbgrader gradebook.")
    grade.add_argument("--course", metavar="DIR",
                       help="the nbgrader course directory (default: the current directory if it has "
                            "an nbgrader_config.py, else this repository)")
    grade.add_argument("--assignment", metavar="ID", action="append",
                       help="only this assignment (repeatable); default: every assignment submitted")
    grade.add_argument("--student", metavar="NAME", action="append",
                       help="only this student (repeatable); default: every student")
    grade.add_argument("--jobs", metavar="N", type=int, default=1,
                       help="grade N submissions at the same time (default 1)")
    grade.add_argument("--timeout", metavar="SECONDS", type=float, default=Settings.notebook_seconds,
                       help=f"time limit of one notebook (default {Settings.notebook_seconds:g})")
    grade.add_argument("--cell-timeout", metavar="SECONDS", type=float, default=Settings.cell_seconds,
                       help=f"time limit of one cell (default {Settings.cell_seconds:g})")
    grade.add_argument("--call-timeout", metavar="SECONDS", type=float, default=Settings.call_seconds,
                       help=f"time limit of one call of a graded function (default {Settings.call_seconds:g})")
    grade.add_argument("--memory", metavar="MiB", type=int, default=Limits.memory // 2**20,
                       help=f"memory limit of a worker (default {Limits.memory // 2**20})")
    grade.add_argument("--force", action="store_true",
                       help="grade again submissions whose results.json is current")
    grade.add_argument("--scheduler", metavar="ADDRESS",
                       help="run the workers on an existing Dask cluster (e.g. tcp://10.0.0.5:8786); "
                            "needs pip install 'layerlab[dask]' and bubblewrap on its machines")
    grade.add_argument("--insecure", action="store_true",
                       help="run student code WITHOUT the bubblewrap sandbox (only where bubblewrap "
                            "cannot be installed, for submissions you trust)")
    return grade


def run(args: argparse.Namespace) -> int:
    """Run the ``grade`` command parsed by :func:`add_parser`."""
    if args.jobs < 1 or args.timeout <= 0 or args.call_timeout <= 0 or args.cell_timeout <= 0 \
            or args.memory < 256:
        print("error: --jobs must be at least 1, the time limits positive, and "
              "--memory at least 256 (MiB)", file=sys.stderr)
        return 2
    try:
        course = Course.open(args.course)
        print(f"Course: {course.root} ({Course.which(args.course)})", file=sys.stderr)
        warning = course.in_kernel_warning()
        if warning:
            print(f"WARNING: {warning}", file=sys.stderr)
        total = len(select(course, args.assignment, args.student))
    except (CourseError, SelectionError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    settings = Settings(notebook_seconds=args.timeout, cell_seconds=args.cell_timeout,
                        call_seconds=args.call_timeout, jobs=args.jobs,
                        limits=Limits(memory=args.memory * 2**20), insecure=args.insecure,
                        scheduler=args.scheduler, force=args.force)
    if args.insecure:
        print(f"WARNING: --insecure: {UNPROTECTED}", file=sys.stderr)
    try:
        report = _grade_with_progress(course, args, settings, total)
    except GraderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(summary(report))
    graded = {r.assignment for r in report.results} | {s.assignment for s, _ in report.unchanged}
    if graded:
        from autograder.insights.cli import refresh  # what the class got wrong, per assignment
        print("\n".join(terminal(line, 2000) for line in refresh(course, graded)))
    return 0 if report.ok else 1


def _grade_with_progress(course: Course, args, settings: Settings, total: int) -> RunReport:
    from tqdm.auto import tqdm

    with tqdm(total=total, desc="grading", unit="submission", file=sys.stderr) as bar:
        return grade_course(course, args.assignment, args.student, settings,
                            progress=lambda result: bar.update(1))


def summary(report: RunReport) -> str:
    """The table printed at the end of a run."""
    rows = [("student", "assignment", "score", "notes")]
    for r in report.results:
        notes = []
        errors = r.all_errors()
        if errors:
            notes.append(f"{len(errors)} error{'s' if len(errors) != 1 else ''}")
        partial = [f.name for f in r.functions if f.score < f.max_score]
        if partial and len(partial) <= 3:
            notes.append("lost points in " + ", ".join(partial))
        elif partial:
            quiz = all(isinstance(f, QuestionResult) for f in r.functions)
            notes.append(f"lost points in {len(partial)} {'questions' if quiz else 'functions'}")
        rows.append((terminal(r.student), terminal(r.assignment), f"{_num(r.score)} / {_num(r.max_score)}",
                     "; ".join(notes)))
    for submission, kept in sorted(report.unchanged, key=lambda k: (k[0].assignment, k[0].student)):
        rows.append((terminal(submission.student), terminal(submission.assignment),
                     f"{_num(kept.get('score', 0))} / {_num(kept.get('max_score', 0))}",
                     "unchanged: result kept"))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths)) + "  " + row[3] for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  -----")
    n = len(report.results)
    per = f", {report.seconds / n:.1f} s per submission" if n else ""
    lines.append(f"\nGraded {n} submission{'s' if n != 1 else ''} in {report.seconds:.1f} s{per}.")
    if report.unchanged:
        lines.append(f"Kept the current results of {len(report.unchanged)} unchanged submission"
                     f"{'s' if len(report.unchanged) != 1 else ''} (--force grades them again).")
    for submission, kept in report.manual:
        lines.append(f"{submission.student}/{submission.assignment}: kept the manual score of "
                     f"{', '.join(kept)} (set in the Formgrader); the new automatic score is "
                     f"beside it there")
    if report.failures:
        lines.append(f"The grader failed on {len(report.failures)}:")
        lines += [f"  {terminal(s.student)}/{terminal(s.assignment)}: {terminal(why, 2000)}"
                  for s, why in report.failures]
    return "\n".join(lines)


def _num(value: float) -> str:
    return f"{value:g}"
