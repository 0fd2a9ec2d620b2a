"""One grading run, in the trusted process.

    submitted/<student>/<assignment>/<nb>.ipynb
      → read safely (submission.py) → restore locked cells, choose the cells to run (sanitize.py)
      → worker process: run the cells, call the graded functions on the hidden cases (worker.py)
      → strict plain-data decoding (protocol.py) → compare with the reference, score (score.py)
      → autograded/<student>/<assignment>/results.json, feedback/<student>/<assignment>/<nb>.html,
        nbgrader's gradebook

One worker per notebook runs all its functions' cases (grader.py, rounds.py). Workers of different
submissions may run at the same time (``jobs``); everything that is written (results, feedback,
gradebook) is written by the main thread of this process, one submission at a time.

The run starts its first worker as early as it can: the workers' copy of the data sets is made in a
thread of its own while the plans are read (from the plan cache, see plan_cache.py), and the
gradebook is brought up to date while the first workers run.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Callable

from autograder.boundary import launcher
from autograder.grading import bounds, execute, gradebook, marks, odd_names, run_lock
from autograder.grading.course import Course
from autograder.grading.grader import Grader
from autograder.grading.results import AssignmentResult
from autograder.grading.rounds import MAX_ROUNDS
from autograder.grading.run_settings import GraderError, Settings
from autograder.grading.submission import Submission, find_submissions

__all__ = ["Grader", "GraderError", "MAX_ROUNDS", "RunReport", "Settings", "grade_course"]


@dataclass
class RunReport:
    """What a run did: the graded submissions, and those the grader failed on (with why)."""

    results: list[AssignmentResult] = field(default_factory=list)
    failures: list[tuple[Submission, str]] = field(default_factory=list)
    unchanged: list[tuple[Submission, dict]] = field(default_factory=list)  # results.json kept
    manual: list[tuple[Submission, list[str]]] = field(default_factory=list)  # manual scores kept
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


def grade_course(course: Course, assignments: list[str] | None = None,
                 students: list[str] | None = None, settings: Settings | None = None,
                 progress: Callable[[AssignmentResult | None], None] | None = None) -> RunReport:
    """Grade every submission in ``submitted/`` (optionally only some assignments and students).

    Submissions whose ``results.json`` is current (same fingerprint) are kept, unless
    ``settings.force``. ``progress`` is called after each submission (with its result, or None when
    it was kept or the grader failed on it). The run goes on past bad submissions and past grader
    failures of single submissions. :class:`GraderError` when the run cannot start at all (no
    sandbox, no Dask scheduler).
    """
    start = time.perf_counter()
    settings = settings or Settings()
    try:
        with run_lock.hold(course.root):
            return _grade_course(course, assignments, students, settings, progress, start)
    except run_lock.Busy as exc:
        raise GraderError(str(exc)) from None


def _grade_course(course, assignments, students, settings, progress, start) -> RunReport:
    client = _dask_client(settings.scheduler) if settings.scheduler else None
    grader = None
    try:
        run = execute.execute if client is None else _on_cluster(client)
        if client is None:  # the workers' data, made while the plans are read
            threading.Thread(target=_quietly, args=(execute.data_dir,), daemon=True).start()
        grader = Grader(course, settings, run)
        jobs = settings.jobs if client is None else max(settings.jobs, _cluster_threads(client))
        report = RunReport()
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {}
            for submission in find_submissions(course.submitted_dir, assignments, students):
                if not (bounds.is_clean_name(submission.student) and bounds.is_clean_name(submission.assignment)):
                    try:  # the assignment's notebooks, for the names and points of the result
                        plans = grader.plans(submission.assignment) if bounds.is_clean_name(submission.assignment) else []
                    except Exception:
                        plans = []
                    report.failures.append((submission, odd_names.record(course, submission, plans)))
                    if progress:
                        progress(None)
                    continue
                try:
                    grader.plans(submission.assignment)
                    kept = None if settings.force else grader.current(submission)
                except Exception as exc:  # no plan, a failing reference, no gradebook: nothing to grade with
                    report.failures.append((submission, _why(exc)))
                    if progress:
                        progress(None)
                    continue
                if kept is not None:
                    try:  # the gradebook may have changed since (Formgrader): the page says what it says
                        marks.publish(course, submission.student, submission.assignment,
                                      grader.gradebook(submission.assignment))
                    except Exception:  # no grader's page, no gradebook entry: grade it again (and
                        kept = None    # report there what fails)
                if kept is not None:
                    report.unchanged.append((submission, kept))
                    if progress:
                        progress(None)
                    continue
                futures[pool.submit(grader.grade, submission)] = submission  # starts at once
            for future in as_completed(futures):
                submission = futures[future]
                try:
                    result = future.result()
                    kept = grader.write(submission, result)
                except Exception as exc:  # the grader failed on this one: say so, go on with the rest
                    report.failures.append((submission, _why(exc, plain=(gradebook.GradebookError,))))
                    if progress:
                        progress(None)
                    continue
                report.results.append(result)
                if kept:
                    report.manual.append((submission, kept))
                if progress:
                    progress(result)
    finally:
        if grader is not None:
            grader.close()
        if client is not None:
            client.close()
    report.results.sort(key=lambda r: (r.assignment, r.student))
    report.seconds = time.perf_counter() - start
    return report


def _dask_client(address: str):
    try:
        from distributed import Client
    except ImportError:
        raise GraderError("--scheduler needs Dask: pip install 'layerlab[dask]'") from None
    try:
        return Client(address, timeout=10)  # seconds to connect
    except (OSError, TimeoutError) as exc:
        raise GraderError(f"could not connect to the Dask scheduler at {address} ({exc}): is it "
                          f"running, and is the address right?") from None


def _on_cluster(client) -> Callable[[execute.Job], launcher.WorkerRun]:
    """Run jobs on the cluster's workers (each sandboxes its own worker processes)."""
    def run(job: execute.Job) -> launcher.WorkerRun:
        return client.submit(execute.execute, job, pure=False).result()
    return run


def _cluster_threads(client) -> int:
    return sum(client.nthreads().values()) or 1


def _why(exc: Exception, plain: tuple = (GraderError, gradebook.GradebookError)) -> str:
    """A grader failure on one submission, in a line of the run's report (the errors of the
    ``plain`` types say what happened in their own words)."""
    if isinstance(exc, plain):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _quietly(fn: Callable[[], object]) -> None:
    """Run ``fn`` for its side effect; a failure is left to the caller who needs the result."""
    try:
        fn()
    except Exception:
        pass
