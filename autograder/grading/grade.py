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

import json
import signal
import time
from pathlib import Path
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

import nbformat

from autograder.build import helper_modules
from autograder.boundary import block_server, launcher, protocol, sandbox
from autograder.grading import (bounds, disclosure, execute, fingerprints, gradebook, marks, odd_names,
                                run_lock)
from autograder.grading.course import Course
from autograder.grading.feedback import write_feedback
from autograder.grading.plan import NotebookPlan, PlanError, build_plan
from autograder.grading.results import (AssignmentResult, CellError, NotebookResult, atomic_write,
                                        write_results)
from autograder.grading.sanitize import sanitize
from autograder.grading.score import score_notebook
from autograder.grading.submission import (LARGE_BYTES, Submission, SubmissionError, find_submissions,
                                          parse_timestamp, read_notebook)


class GraderError(RuntimeError):
    """The grader itself failed (not the student's submission)."""


@dataclass
class Settings:
    """Time and resource limits, isolation and parallelism of a run."""

    notebook_seconds: float = 300.0   # all the workers of one notebook together
    cell_seconds: float = 60.0        # one cell of the notebook
    call_seconds: float = 10.0        # one call of a graded function
    jobs: int = 1                     # workers running at the same time
    limits: sandbox.Limits = field(default_factory=sandbox.Limits)
    insecure: bool = False            # run without the sandbox (only where bubblewrap is missing)
    scheduler: str | None = None      # a Dask scheduler's address: run the workers on its cluster
    force: bool = False               # grade again even submissions whose results are current

    def fingerprint(self) -> str:
        """What of these settings can change a grade."""
        return json.dumps([self.notebook_seconds, self.cell_seconds, self.call_seconds,
                           vars(self.limits), self.insecure])


#: a worker that stops early is started again for the rest of the notebook at most this often.
MAX_ROUNDS = 6


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


class Grader:
    """Grades submissions of one course; plans (reference outputs) are built once per notebook."""

    def __init__(self, course: Course, settings: Settings | None = None,
                 run: Callable[[execute.Job], launcher.WorkerRun] = execute.execute):
        self.course = course
        self.settings = settings or Settings()
        self._plans: dict[str, list[NotebookPlan]] = {}
        self._versions: dict[str, str] = {}
        self._files: dict[str, dict[str, bytes]] = {}
        self._blocks: dict[str, str | None] = {}  # reference blocks served to the workers
        self._run = run
        if not self.settings.insecure:
            why = sandbox.probe()
            if why:
                raise GraderError(f"{why}. To grade anyway, without isolation, pass --insecure "
                                  f"(then {sandbox.UNPROTECTED})")
        self.isolation = "none (--insecure)" if self.settings.insecure else "bubblewrap"

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
            shipped = self.course.assignment_files(assignment)  # e.g. a helper module
            self._files[assignment] = {rel: Path(path).read_bytes() for rel, path in shipped.items()}
            source_dir = self.course.root / self.course.coursedir.source_directory
            self._blocks[assignment] = helper_modules.served_blocks(assignment, source_dir)
            built_on = [] if self._blocks[assignment] is None else [
                s.path for s in self.course.source_notebooks(helper_modules.helper_for(assignment).source)]
            self._versions[assignment] = fingerprints.grader_version(
                [s.path for s in sources] + built_on, shipped, self.settings.fingerprint())
        return self._plans[assignment]

    def fingerprint(self, submission: Submission) -> str:
        """The submission's content and the grader's version: equal fingerprints, equal results."""
        return fingerprints.submission(submission.folder, self._versions[submission.assignment],
                                       submission.root)

    def current(self, submission: Submission) -> dict | None:
        """The submission's results.json if it was written for this very fingerprint, else None."""
        path = self.course.folder("autograded", submission.student, submission.assignment) / "results.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if isinstance(data, dict) and data.get("grader", {}).get("fingerprint") == self.fingerprint(submission):
            return data
        return None

    # ------------------------------------------------------------------ grading (any thread)

    def grade(self, submission: Submission) -> AssignmentResult:
        """Grade one submission (runs its workers); writes nothing."""
        start = time.perf_counter()
        plans = self._plans[submission.assignment]
        notebooks = [self._grade_notebook_or_explain(plan, submission) for plan in plans]
        result = AssignmentResult(submission.student, submission.assignment, notebooks,
                                  datetime.now(timezone.utc).isoformat(timespec="seconds"),
                                  fingerprint=self.fingerprint(submission), sandbox=self.isolation)
        extra = submission.other_notebooks([p.name for p in plans])
        if extra and any(not n.found for n in notebooks):
            result.errors.append(f"The submission holds {', '.join(extra)}, which the grader did not "
                                 f"expect: keep the notebook's original file name.")
        result.seconds = time.perf_counter() - start
        bounds.bound_result(result)
        return result

    def _grade_notebook_or_explain(self, plan: NotebookPlan, submission: Submission) -> NotebookResult:
        """:meth:`grade_notebook`; whatever in the notebook still makes the grader fail becomes
        this notebook's error (scored 0), never a stop of the run or of the other notebooks."""
        try:
            return self.grade_notebook(plan, submission)
        except GraderError:
            raise
        except Exception as exc:
            why = (f"{plan.name}.ipynb could not be graded: the grader could not process it "
                   f"({type(exc).__name__}). Open it in JupyterLab, save it, and submit again; if this "
                   f"message stays, show it to your instructor.")
            return NotebookResult(plan.name, True, score_notebook(plan, None, {}, why), errors=[why])

    def grade_notebook(self, plan: NotebookPlan, submission: Submission) -> NotebookResult:
        start = time.perf_counter()
        path = submission.notebook_path(plan.name)
        try:
            nb = read_notebook(path, submission.root)
        except SubmissionError as exc:
            not_graded = f"not graded: {path.name} could not be read (see the errors above)"
            return NotebookResult(plan.name, path.exists() or path.is_symlink(),
                                  score_notebook(plan, None, {}, not_graded),
                                  errors=[str(exc)], seconds=time.perf_counter() - start)
        clean = sanitize(nb, plan.source)
        result = NotebookResult(plan.name, True, warnings=clean.warnings, skipped=clean.skipped)
        size = path.lstat().st_size
        if size > LARGE_BYTES:
            result.warnings.append(f"{path.name} is {size / 2**20:.0f} MB, mostly outputs; the grader "
                                   f"ignores outputs. Clear them before you submit (Edit → Clear "
                                   f"Outputs of All Cells), so your notebook stays small.")
        result.sanitized = nbformat.writes(clean.nb)
        if not plan.functions:  # nothing to grade: no need to run anything
            result.seconds = time.perf_counter() - start
            return result
        calls = plan.calls(skip=set(clean.missing))
        files = self._files[submission.assignment]
        response, run, stopped = self._run_rounds(plan.name, result.sanitized, files, clean.cells, calls,
                                                  self._blocks.get(submission.assignment))
        result.cells_run = len(response.cells)
        if stopped:
            result.errors.append(stopped)
        context = disclosure.Context(clean.cells, disclosure.released_text(plan.source.nb))
        result.functions = score_notebook(plan, response, clean.missing, stopped, context)
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

    def _run_rounds(self, name: str, text: str, files: dict[str, bytes], cells: list[dict],
                    calls: list[dict], blocks: str | None = None
                    ) -> tuple[protocol.Response, launcher.WorkerRun, str | None]:
        """Run the notebook's cells and calls in a worker; when the worker stops early (an endless
        loop past its time limit, a crash, exit(), a resource limit), report the cell or call it
        was in with the reason, and start a new worker for the rest, at most :data:`MAX_ROUNDS`
        times and within the notebook's time limit. Returns the merged response, the last run and,
        if the notebook could not be finished, why (a sentence for the student)."""
        settings = self.settings
        merged = protocol.Response()
        todo_cells = list(enumerate(cells))   # (index in the notebook's cells, cell)
        todo_calls = list(calls)
        budget = settings.notebook_seconds
        # a call whose building blocks the grader serves waits for thousands of round trips
        call_seconds = settings.call_seconds * (block_server.CALL_TIME_FACTOR if blocks else 1)
        limits = {"cell_seconds": settings.cell_seconds, "call_seconds": call_seconds}
        log = []
        for attempt in range(MAX_ROUNDS):
            job = execute.Job((f"{name}.ipynb", text), files,
                              protocol.header([c for _, c in todo_cells], limits),
                              tuple((c["id"], protocol.call_line(seq, c), c.get("max_bytes"))
                                    for seq, c in enumerate(todo_calls)),
                              len(todo_cells), budget, settings.cell_seconds, call_seconds,
                              None if settings.insecure else settings.limits, blocks=blocks)
            run = self._run(job)
            budget -= run.seconds
            log.append(run.log)
            response = run.response
            if not response.ready and not (run.timed_out or run.stalled) and attempt == 0:
                raise GraderError(f"the worker did not start (exit status {run.returncode}):\n"
                                  f"{run.log[-2000:]}")
            merged.ready |= response.ready
            merged.malformed += response.malformed
            merged.oversized += response.oversized
            merged.oversized_calls.update(response.oversized_calls)
            merged.conflicting |= response.conflicting
            for index, report in response.cells.items():
                if index < len(todo_cells):
                    original = todo_cells[index][0]
                    merged.cells.setdefault(original, protocol.CellReport(original, report.seconds,
                                                                          report.error))
            wanted = {c["id"] for c in todo_calls}
            for call_id, report in response.calls.items():
                if call_id in wanted:
                    merged.calls[call_id] = report
            if response.done:
                merged.done = True
                break
            if run.timed_out or budget <= 1 or not response.ready:
                merged.done = False
                run.log = "\n".join(part for part in log if part)
                return merged, run, self._why_stopped(run, "notebook")
            in_cells = len(response.cells) < len(todo_cells)
            why = self._why_stopped(run, "cell" if in_cells else "call")
            stop = protocol.ErrorInfo("Stopped", [], why, [])
            if in_cells:
                culprit = min(set(range(len(todo_cells))) - set(response.cells))
                original = todo_cells[culprit][0]
                merged.cells[original] = protocol.CellReport(original, 0.0, stop)
                del todo_cells[culprit]
            else:
                left = [c for c in todo_calls
                        if c["id"] not in response.calls and c["id"] not in response.conflicting]
                merged.calls[left[0]["id"]] = protocol.CallReport(left[0]["id"], "timeout", 0.0, error=stop)
                todo_calls = left[1:]  # a new worker runs the cells again, then the calls left
            if not todo_calls:
                merged.done = True
                break
        else:
            run.log = "\n".join(part for part in log if part)
            return merged, run, (f"Your notebook was stopped {MAX_ROUNDS} times (see the messages "
                                 f"above); the rest of it was not graded.")
        run.log = "\n".join(part for part in log if part)
        self._explain_memory(merged)
        return merged, run, None

    def _why_stopped(self, run: launcher.WorkerRun, where: str) -> str:
        """Why a worker ended early, in plain words; ``where`` is "cell", "call" or "notebook"."""
        s, limits = self.settings, self.settings.limits
        this = {"cell": "this cell", "call": "this call", "notebook": "your notebook"}[where]
        if run.timed_out or where == "notebook" and run.stalled:
            return (f"Your notebook did not finish within {s.notebook_seconds:g} s and was stopped: "
                    f"a cell or a function runs too long (an endless loop?).")
        if run.stalled:
            seconds = s.cell_seconds if where == "cell" else s.call_seconds
            return f"{this.capitalize()} took longer than {seconds:g} s and was stopped (an endless loop?)."
        if run.flooded:
            return (f"{this.capitalize()} sent more than {launcher.MAX_MESSAGE_BYTES // 2**20} MiB "
                    f"of output and was stopped.")
        code = run.returncode
        # killed by a signal: a negative status, or 128 + the signal through bubblewrap
        sig = (-code if code < 0 else code - 128 if code > 128 else 0) if code is not None else 0
        if sig in set(signal.Signals):
            if sig == signal.SIGXCPU or (sig == signal.SIGKILL and run.seconds >= limits.cpu_seconds):
                return f"{this.capitalize()} used more than {limits.cpu_seconds} s of CPU time and was stopped."
            if sig == signal.SIGXFSZ:
                return (f"{this.capitalize()} wrote a file larger than the "
                        f"{sandbox._size(limits.file_size)} limit and was stopped.")
            if sig in (signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS, signal.SIGKILL):
                return (f"{this.capitalize()} crashed Python (signal {signal.Signals(sig).name}); "
                        f"running out of the {limits.describe_memory()} memory limit can do that.")
        return (f"The Python process running {this} stopped early (exit status {code}): does it "
                f"call exit(), os._exit() or crash Python?")

    def _explain_memory(self, response: protocol.Response) -> None:
        """A MemoryError under the sandbox's limit says which limit it hit."""
        if self.settings.insecure:
            return
        reports = [*response.cells.values(), *response.calls.values()]
        for report in reports:
            if report.error is not None and report.error.type == "MemoryError":
                report.error.message = (f"ran out of the {self.settings.limits.describe_memory()} "
                                        f"memory limit" + (f" ({report.error.message})"
                                                           if report.error.message else ""))

    # ------------------------------------------------------------------ writing (main thread)

    def write(self, submission: Submission, result: AssignmentResult) -> list[str]:
        """results.json, the sanitized notebooks and the grader's pages in autograded/, the scores
        in the gradebook, then the students' pages (with the gradebook's marks) in feedback/.
        Returns the functions whose manual score (from the Formgrader) was kept."""
        course = self.course
        autograded = course.folder("autograded", submission.student, submission.assignment)
        feedback = course.folder("feedback", submission.student, submission.assignment)
        for notebook in result.notebooks:
            if notebook.sanitized:
                atomic_write(autograded / f"{notebook.name}.ipynb", notebook.sanitized)
        # side files read safely (small regular files only); both go to autograded/ and feedback/
        # so that nbgrader's release_feedback works, also after generate_feedback copied the pages
        side = {}
        for name in ("timestamp.txt", "submission_secret.txt"):
            data = side[name] = submission.read_side_file(name)  # a small regular file, or None
            if data is not None:
                for target in (autograded, feedback):
                    atomic_write(target / name, data.decode("utf-8", "replace"))
        write_feedback(autograded / marks.GRADER_PAGES, result)
        cells = {(p.name, f.name): (f.graded.test_cell, f.graded.solution_cell)
                 for p in self._plans[submission.assignment] for f in p.functions}
        kept = gradebook.record(course, result, cells, parse_timestamp(side["timestamp.txt"]))
        marks.publish(course, submission.student, submission.assignment)
        write_results(autograded / "results.json", result)  # last: marks the submission as done
        return kept


def _cell_number(cell: dict) -> int:
    """N of a cell sent as ``<cell N>``."""
    return int(cell["filename"].strip("<>").split()[1])


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
    try:
        run = execute.execute if client is None else _on_cluster(client)
        grader = Grader(course, settings, run)
        jobs = settings.jobs if client is None else max(settings.jobs, _cluster_threads(client))
        report = RunReport()
        todo = []
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
                report.failures.append((submission, str(exc) if isinstance(
                    exc, (GraderError, gradebook.GradebookError)) else f"{type(exc).__name__}: {exc}"))
                if progress:
                    progress(None)
                continue
            if kept is not None:
                try:  # the gradebook may have changed since (Formgrader): the page says what it says
                    marks.publish(course, submission.student, submission.assignment)
                except Exception:  # no grader's page, no gradebook entry: grade it again (and
                    kept = None    # report there what fails)
            if kept is not None:
                report.unchanged.append((submission, kept))
                if progress:
                    progress(None)
                continue
            todo.append(submission)
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {pool.submit(grader.grade, s): s for s in todo}
            for future in as_completed(futures):
                submission = futures[future]
                try:
                    result = future.result()
                    kept = grader.write(submission, result)
                except Exception as exc:  # the grader failed on this one: say so, go on with the rest
                    report.failures.append((submission, f"{type(exc).__name__}: {exc}"))
                    if progress:
                        progress(None)
                    continue
                report.results.append(result)
                if kept:
                    report.manual.append((submission, kept))
                if progress:
                    progress(result)
    finally:
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
