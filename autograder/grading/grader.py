"""The grader of one course: plans per assignment, then one submission at a time.

:class:`Grader` builds (or reads from :mod:`plan_cache`) the plans of each assignment, grades a
submission in workers (:func:`grade`, from any thread) and writes its results (:func:`write`, from
the main thread only). Registering an assignment in nbgrader's gradebook (which imports nbgrader and
opens the database: a second or more) happens in a thread of its own while the first workers run;
the first write waits for it, then opens the gradebook once for all the writes of the run (one
transaction and one read of the marks per submission).
"""

from __future__ import annotations

import json
import time
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import nbformat

from autograder.build import helper_modules
from autograder.boundary import launcher, sandbox
from autograder.grading import (bounds, cell_outputs, disclosure, execute, fingerprints, gradebook, marks,
                                plan_cache, rounds)
from autograder.grading.course import Course
from autograder.grading.feedback import write_feedback
from autograder.grading.plan import NotebookPlan, PlanError
from autograder.grading.results import AssignmentResult, CellError, NotebookResult, atomic_write, write_results
from autograder.grading.run_settings import GraderError, Settings
from autograder.grading.sanitize import sanitize
from autograder.grading.score import score_notebook
from autograder.grading.submission import (LARGE_BYTES, Submission, SubmissionError, parse_timestamp,
                                          read_notebook)


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
        self._registered: dict[str, Future] = {}  # the assignment's registration in the gradebook
        self._gradebook = None  # nbgrader's Gradebook, opened once for all the writes of the run
        self._background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gradebook")
        self._run = run
        if not self.settings.insecure:
            why = sandbox.probe()
            if why:
                raise GraderError(f"{why}. To grade anyway, without isolation, pass --insecure "
                                  f"(then {sandbox.UNPROTECTED})")
        self.isolation = "none (--insecure)" if self.settings.insecure else "bubblewrap"

    def close(self) -> None:
        """Wait for the gradebook registrations still running; close the gradebook."""
        self._background.shutdown(wait=True)
        if self._gradebook is not None:
            self._gradebook.close()
            self._gradebook = None

    # ------------------------------------------------------------------ planning (main thread)

    def plans(self, assignment: str) -> list[NotebookPlan]:
        """The plans of an assignment's notebooks (from the plan cache when it is current); starts
        registering the assignment in the gradebook."""
        if assignment not in self._plans:
            sources = self.course.source_notebooks(assignment)
            if not sources:
                raise GraderError(f"there is no source notebook for the assignment {assignment!r} "
                                  f"in {self.course.coursedir.source_directory}/")
            helper = helper_modules.helper_for(assignment)
            built_on = [] if helper is None else [s.path for s in self.course.source_notebooks(helper.source)]
            source_dir = self.course.root / self.course.coursedir.source_directory
            try:
                plans, blocks, _ = plan_cache.load_or_build(
                    self.course.root, assignment, sources, built_on,
                    lambda: helper_modules.served_blocks(assignment, source_dir))
            except PlanError as exc:
                raise GraderError(str(exc)) from exc
            self._registered[assignment] = self._background.submit(
                gradebook.register_assignment, self.course, assignment, sources)
            self._plans[assignment] = plans
            self._blocks[assignment] = blocks
            shipped = self.course.assignment_files(assignment)  # e.g. a helper module
            self._files[assignment] = {rel: Path(path).read_bytes() for rel, path in shipped.items()}
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
        if not plan.functions:  # nothing to grade: no need to run anything
            result.sanitized = nbformat.writes(clean.nb)
            result.seconds = time.perf_counter() - start
            return result
        calls = plan.calls(skip=set(clean.missing))
        files = self._files[submission.assignment]
        # the worker's copy (in its home, for code that reads the notebook): the same JSON without
        # nbformat's indented layout, which costs the grader ten times more CPU to write
        text = json.dumps(clean.nb, ensure_ascii=False)
        try:
            response, run, stopped = rounds.run_rounds(self.settings, self._run, plan.name, text,
                                                       files, clean.cells, calls,
                                                       self._blocks.get(submission.assignment))
        except rounds.WorkerDidNotStart as exc:
            raise GraderError(str(exc)) from None
        del text  # gone before the copy with outputs is made
        result.cells_run = len(response.cells)
        if stopped:
            result.errors.append(stopped)
        context = disclosure.Context(clean.cells, plan.released_text)
        result.functions = score_notebook(plan, response, clean.missing, stopped, context)
        result.sanitized = cell_outputs.with_outputs(clean.nb, clean.cells, response)  # for the Formgrader
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
        gb = self.gradebook(submission.assignment)
        cells = {(p.name, f.name): (f.graded.test_cell, f.graded.solution_cell)
                 for p in self._plans[submission.assignment] for f in p.functions}
        kept = gradebook.record(course, result, cells, parse_timestamp(side["timestamp.txt"]), gb)
        marks.publish(course, submission.student, submission.assignment, gb)
        write_results(autograded / "results.json", result)  # last: marks the submission as done
        return kept

    def registered(self, assignment: str) -> None:
        """Wait until the assignment is in the gradebook (its error, if registering failed)."""
        self._registered[assignment].result()

    def gradebook(self, assignment: str):
        """nbgrader's gradebook, once ``assignment`` is registered in it; opened at the first call
        and kept until :meth:`close` (from the main thread only: a session is not shared across
        threads)."""
        self.registered(assignment)
        if self._gradebook is None:
            self._gradebook = gradebook.open_gradebook(self.course)
        return self._gradebook


def _cell_number(cell: dict) -> int:
    """N of a cell sent as ``<cell N>``."""
    return int(cell["filename"].strip("<>").split()[1])
