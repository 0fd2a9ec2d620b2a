"""One grading run, in the trusted process.

    submitted/<student>/<assignment>/<nb>.ipynb
      → read safely (submission.py) → restore locked cells, choose the cells to run (sanitize.py)
      → worker process: run the cells, call the graded functions on the hidden cases (worker.py)
      → strict plain-data decoding (protocol.py) → compare with the reference, score (score.py)
      → autograded/<student>/<assignment>/results.json, feedback/<student>/<assignment>/<nb>.html,
        nbgrader's gradebook

One worker per notebook runs all its functions' cases. Workers of different submissions may run
at the same time (``jobs``); everything that is written (results, feedback, gradebook) is written
by the main thread of this process, one submission at a time.
"""

from __future__ import annotations

import shutil
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

import nbformat

from autograder.grading import gradebook, launcher, protocol
from autograder.grading.course import Course
from autograder.grading.feedback import write_feedback
from autograder.grading.plan import NotebookPlan, PlanError, build_plan
from autograder.grading.results import (AssignmentResult, CellError, NotebookResult, atomic_write,
                                        write_results)
from autograder.grading.sanitize import sanitize
from autograder.grading.score import score_notebook
from autograder.grading.submission import Submission, SubmissionError, find_submissions, read_notebook


class GraderError(RuntimeError):
    """The grader itself failed (not the student's submission)."""


@dataclass
class Settings:
    """Time limits (seconds) and parallelism of a run."""

    notebook_seconds: float = 300.0   # the whole worker of one notebook
    cell_seconds: float = 60.0        # one cell of the notebook
    call_seconds: float = 10.0        # one call of a graded function
    jobs: int = 1                     # workers running at the same time


@dataclass
class RunReport:
    """What a run did: the graded submissions, and those the grader failed on (with why)."""

    results: list[AssignmentResult] = field(default_factory=list)
    failures: list[tuple[Submission, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


class Grader:
    """Grades submissions of one course; plans (reference outputs) are built once per notebook."""

    def __init__(self, course: Course, settings: Settings | None = None):
        self.course = course
        self.settings = settings or Settings()
        self._plans: dict[str, list[NotebookPlan]] = {}

    # ------------------------------------------------------------------ planning (main thread)

    def plans(self, assignment: str) -> list[NotebookPlan]:
        """The plans of an assignment's notebooks; registers the assignment in the gradebook."""
        if assignment not in self._plans:
            sources = self.course.source_notebooks(assignment)
            if not sources:
                raise GraderError(f"there is no source notebook for the assignment {assignment!r} "
                                  f"in {self.course.coursedir.source_directory}/")
            try:
                plans = [build_plan(s) for s in sources]
            except PlanError as exc:
                raise GraderError(str(exc)) from exc
            gradebook.register_assignment(self.course, assignment, sources)
            self._plans[assignment] = plans
        return self._plans[assignment]

    # ------------------------------------------------------------------ grading (any thread)

    def grade(self, submission: Submission) -> AssignmentResult:
        """Grade one submission (runs its workers); writes nothing."""
        start = time.perf_counter()
        plans = self._plans[submission.assignment]
        notebooks = [self.grade_notebook(plan, submission) for plan in plans]
        result = AssignmentResult(submission.student, submission.assignment, notebooks,
                                  datetime.now(timezone.utc).isoformat(timespec="seconds"))
        extra = submission.other_notebooks([p.name for p in plans])
        if extra and any(not n.found for n in notebooks):
            result.errors.append(f"The submission holds {', '.join(extra)}, which the grader did not "
                                 f"expect: keep the notebook's original file name.")
        result.seconds = time.perf_counter() - start
        return result

    def grade_notebook(self, plan: NotebookPlan, submission: Submission) -> NotebookResult:
        start = time.perf_counter()
        path = submission.notebook_path(plan.name)
        try:
            nb = read_notebook(path)
        except SubmissionError as exc:
            not_graded = f"not graded: {path.name} could not be read (see the errors above)"
            return NotebookResult(plan.name, path.is_file(), score_notebook(plan, None, {}, not_graded),
                                  errors=[str(exc)], seconds=time.perf_counter() - start)
        clean = sanitize(nb, plan.source)
        result = NotebookResult(plan.name, True, warnings=clean.warnings, skipped=clean.skipped)
        result.sanitized = nbformat.writes(clean.nb)
        if not plan.functions:  # nothing to grade: no need to run anything
            result.seconds = time.perf_counter() - start
            return result
        limits = {"cell_seconds": self.settings.cell_seconds, "call_seconds": self.settings.call_seconds}
        request = protocol.request(clean.cells, plan.calls(skip=set(clean.missing)), limits)
        workdir = launcher.make_workdir(result.sanitized, f"{plan.name}.ipynb",
                                        self.course.assignment_files(submission.assignment))
        try:
            run = launcher.run_worker(launcher.worker_command(workdir), request,
                                      self.settings.notebook_seconds)
        finally:
            launcher.remove_workdir(workdir)
        response = protocol.parse_messages(run.stdout)
        if not response.ready and not run.timed_out:
            raise GraderError(f"the worker did not start (exit status {run.returncode}):\n{run.log[-2000:]}")
        result.cells_run = len(response.cells)
        stopped = self._why_stopped(run, response)
        if stopped:
            result.errors.append(stopped)
        result.functions = score_notebook(plan, response, clean.missing, stopped)
        for index, cell in sorted(response.cells.items()):
            if cell.error is not None and index < len(clean.cells):
                number = _cell_number(clean.cells[index])
                error = cell.error
                result.cell_errors.append(CellError(
                    clean.labels.get(number, f"cell {number}"),
                    f"{error.type}: {error.message}" if error.message else error.type,
                    error.traceback))
        slowest = sorted(response.cells.items(), key=lambda item: -item[1].seconds)[:3]
        result.slowest_cells = [(clean.labels.get(_cell_number(clean.cells[i]), "?"), round(c.seconds, 3))
                                for i, c in slowest if i < len(clean.cells)]
        result.log = run.log
        result.seconds = time.perf_counter() - start
        return result

    def _why_stopped(self, run: launcher.WorkerRun, response: protocol.Response) -> str | None:
        if run.timed_out:
            return (f"Your notebook did not finish within {self.settings.notebook_seconds:g} s and "
                    f"was stopped: a cell or a function runs too long (an endless loop?).")
        if not response.done:
            return (f"The Python process running your notebook stopped early (exit status "
                    f"{run.returncode}): does a cell call exit(), os._exit() or crash Python?")
        return None

    # ------------------------------------------------------------------ writing (main thread)

    def write(self, submission: Submission, result: AssignmentResult) -> None:
        """results.json and the sanitized notebooks in autograded/, the feedback pages in
        feedback/, and the scores in the gradebook."""
        course = self.course
        autograded = course.folder("autograded", submission.student, submission.assignment)
        feedback = course.folder("feedback", submission.student, submission.assignment)
        for notebook in result.notebooks:
            if notebook.sanitized:
                atomic_write(autograded / f"{notebook.name}.ipynb", notebook.sanitized)
        for name, targets in (("timestamp.txt", (autograded, feedback)),
                              ("submission_secret.txt", (feedback,))):  # for nbgrader release_feedback
            if (submission.folder / name).is_file():
                for target in targets:
                    target.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(submission.folder / name, target / name)
        write_feedback(feedback, result)
        cells = {(p.name, f.name): (f.graded.test_cell, f.graded.solution_cell)
                 for p in self._plans[submission.assignment] for f in p.functions}
        gradebook.record(course, result, cells, course.timestamp(submission.student, submission.assignment))
        write_results(autograded / "results.json", result)  # last: marks the submission as done


def _cell_number(cell: dict) -> int:
    """N of a cell sent as ``<cell N>``."""
    return int(cell["filename"].strip("<>").split()[1])


def grade_course(course: Course, assignments: list[str] | None = None,
                 students: list[str] | None = None, settings: Settings | None = None,
                 progress: Callable[[AssignmentResult | None], None] | None = None) -> RunReport:
    """Grade every submission in ``submitted/`` (optionally only some assignments and students).

    ``progress`` is called after each submission (with its result, or None when the grader failed
    on it). The run goes on past bad submissions and past grader failures of single submissions.
    """
    start = time.perf_counter()
    settings = settings or Settings()
    grader = Grader(course, settings)
    report = RunReport()
    todo = []
    for submission in find_submissions(course.submitted_dir, assignments, students):
        try:
            grader.plans(submission.assignment)
        except Exception as exc:  # no plan, a failing reference, no gradebook: nothing to grade with
            report.failures.append((submission, str(exc) if isinstance(
                exc, (GraderError, gradebook.GradebookError)) else f"{type(exc).__name__}: {exc}"))
            if progress:
                progress(None)
            continue
        todo.append(submission)
    with ThreadPoolExecutor(max_workers=max(1, settings.jobs)) as pool:
        futures = {pool.submit(grader.grade, s): s for s in todo}
        for future in as_completed(futures):
            submission = futures[future]
            try:
                result = future.result()
                grader.write(submission, result)
            except Exception as exc:  # the grader failed on this one: say so, go on with the rest
                report.failures.append((submission, f"{type(exc).__name__}: {exc}"))
                if progress:
                    progress(None)
                continue
            report.results.append(result)
            if progress:
                progress(result)
    report.results.sort(key=lambda r: (r.assignment, r.student))
    report.seconds = time.perf_counter() - start
    return report
