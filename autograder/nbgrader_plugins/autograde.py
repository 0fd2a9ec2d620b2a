"""``SandboxedAutograde``: nbgrader's ``Autograde`` converter grades with layerlab's grader.

nbgrader's ``Autograde`` converter (behind ``nbgrader autograde`` and the Formgrader's Autograde
button) records the student and the submission, copies the submission into ``autograded/``, then
runs its ``autograde_preprocessors`` on each notebook. Stock, the first of them executes the
student's notebook in a kernel, where code that ran before the tests can rewrite them. Configured
as the only autograde preprocessor, this one instead grades the whole submission with
``autograder.grading.grade_course`` (sandboxed workers, plain data, scoring in this process): the
same results.json, gradebook entries, late penalty and feedback as ``python -m autograder grade``.
The notebook it hands back for ``autograded/`` is the one the grader ran (locked cells restored),
with the text and PNG outputs the sandboxed worker reported (:mod:`autograder.grading.cell_outputs`),
so the Formgrader's Manual Grading shows what the student's cells printed and drew.

The class insights (``insights/<assignment>/insights.html``, :mod:`autograder.insights`) are
rewritten once per run, not after each submission (2-5 s each): when the submission the converter
handles last has been graded (so the Formgrader's Autograde button, one submission, rewrites them
at once). When that last submission is skipped (graded before, no ``--force``), the assignments
graded in the run are refreshed when the process ends.

When the grader cannot run (no bubblewrap, a broken reference) it raises, nbgrader reports the
submission as failed, and nothing is graded in a kernel.
"""

from __future__ import annotations

import atexit
import weakref
from pathlib import Path

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Float, Integer

from autograder.grading.course import Course
from autograder.grading.grade import GraderError, Settings, grade_course
from autograder.insights.cli import refresh
from autograder.boundary.sandbox import Limits


#: converter -> {(student, assignment): result}: nbgrader makes a new preprocessor per notebook,
#: the grader grades a whole submission at its first notebook
_GRADED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
#: (course root, assignment) -> course, graded since the insights were last refreshed
_STALE: dict[tuple[str, str], Course] = {}


class SandboxedAutograde(NbGraderPreprocessor):
    """Grade the submission the notebook belongs to in layerlab's sandbox."""

    jobs = Integer(1, help="worker processes at the same time (notebooks of one submission)").tag(config=True)
    notebook_seconds = Float(Settings.notebook_seconds, help="time limit of one notebook").tag(config=True)
    cell_seconds = Float(Settings.cell_seconds, help="time limit of one cell").tag(config=True)
    call_seconds = Float(Settings.call_seconds, help="time limit of one call").tag(config=True)
    memory_mib = Integer(Limits.memory // 2**20, help="memory limit of a worker (MiB)").tag(config=True)

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        student, assignment, name = info["student"], info["assignment"], info["notebook"]
        converter = self.parent.parent  # the preprocessor's exporter's converter
        graded = _GRADED.setdefault(converter, {})
        if (student, assignment) not in graded:
            course = Course.of(converter.coursedir, converter.config)
            try:
                graded[(student, assignment)] = self.grade(course, student, assignment)
            finally:  # graded or not, the run may end here
                _STALE[(str(course.root), assignment)] = course
                if last_submission(converter, student, assignment):
                    refresh_insights(self.log.info)
        result = graded[(student, assignment)]
        notebook = next((n for n in result.notebooks if n.name == name), None)
        if notebook is not None and notebook.sanitized:
            nb = nbformat.reads(notebook.sanitized, as_version=4)
        self.log.info("layerlab's sandboxed grader: %s/%s %s: %g / %g", student, assignment, name,
                      notebook.score if notebook else 0, notebook.max_score if notebook else 0)
        return nb, resources

    def grade(self, course: Course, student: str, assignment: str):
        settings = Settings(notebook_seconds=self.notebook_seconds, cell_seconds=self.cell_seconds,
                            call_seconds=self.call_seconds, jobs=self.jobs,
                            limits=Limits(memory=self.memory_mib * 2**20), force=True)
        refusal = (f"layerlab grades only in its sandbox, so {student}/{assignment} was not graded "
                   f"(nothing ran in a kernel)")
        try:
            report = grade_course(course, [assignment], [student], settings)
        except GraderError as exc:
            raise GraderError(f"{refusal}: {exc}") from exc
        if report.failures:
            raise GraderError(f"{refusal}: {report.failures[0][1]}; run python -m autograder grade "
                              f"--assignment {assignment} --student {student} to see more")
        if not report.results:
            raise GraderError(f"{refusal}: no submission in {course.submitted_dir / student / assignment}")
        for submission, kept in report.manual:
            self.log.warning("%s/%s: kept the manual score of %s (set in the Formgrader)",
                             submission.student, submission.assignment, ", ".join(kept))
        return report.results[0]


def last_submission(converter, student: str, assignment: str) -> bool:
    """Whether (student, assignment) is the last submission the converter handles: nbgrader goes
    through ``converter.assignments`` (submission folder -> notebooks) in sorted order."""
    folders = sorted(converter.assignments)
    return not folders or (Path(folders[-1]).parent.name, Path(folders[-1]).name) == (student, assignment)


def refresh_insights(say=print) -> None:
    """Rewrite the insights of every assignment graded since the last refresh."""
    by_course: dict[str, tuple[Course, list[str]]] = {}
    while _STALE:
        (root, assignment), course = _STALE.popitem()
        by_course.setdefault(root, (course, []))[1].append(assignment)
    for course, assignments in by_course.values():
        for line in refresh(course, assignments):
            say(line)


atexit.register(refresh_insights)  # a run whose last submission was skipped
