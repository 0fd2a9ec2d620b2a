"""Record grades in nbgrader's gradebook, so the formgrader shows them and ``nbgrader export``
exports them.

* :func:`register_assignment` makes sure the assignment, its notebooks and their cells are in the
  gradebook exactly as ``nbgrader generate_assignment`` records them: it runs nbgrader's own
  preprocessors (clear solutions and outputs, compute checksums, save cells) on a copy of each
  source notebook. Nothing is written to the release folder.
* :func:`record` adds the student and the submission, and sets each graded function's score as
  the ``auto_score`` of its test cell (the nbgrader grade cell with the points); the function's
  messages become the automatic comment of its solution cell, which the formgrader shows. Manual
  scores and comments made in the Formgrader are kept. Then nbgrader's own
  ``AssignLatePenalties`` applies the course's late-submission rule (``LateSubmissionPlugin`` or the
  configured plugin) to each notebook, as ``nbgrader autograde`` does; all in one transaction of
  a gradebook the run opens once (:func:`open_gradebook`).

Only the trusted grading process calls these (the workers never see the gradebook).
"""

from __future__ import annotations

import copy
import os
import sys
import warnings
from datetime import datetime

from autograder.grading.course import Course
from autograder.grading.results import AssignmentResult
from autograder.build.source import SourceNotebook


class GradebookError(RuntimeError):
    """The gradebook could not be updated."""


def register_assignment(course: Course, assignment: str, sources: list[SourceNotebook]) -> None:
    """Create or update the assignment, its notebooks and their grade/solution/source cells."""
    from nbgrader.api import Gradebook

    _nbgrader_tools_on_path()
    try:
        with Gradebook(course.db_url, course.course_id) as gb:
            gb.update_or_create_assignment(assignment)
            current = {s.name for s in sources if _cells_recorded(gb, assignment, s)}
    except Exception as exc:
        raise GradebookError(f"could not open the gradebook {course.db_url}: {exc}") from exc
    if current == {s.name for s in sources}:  # e.g. nbgrader generate_assignment recorded them
        return
    from nbgrader.preprocessors import (CheckCellMetadata, ClearOutput, ClearSolutions,
                                        ComputeChecksums, LockCells, SaveCells)  # with nbconvert: 0.3 s

    for source in sources:
        if source.name in current:
            continue
        nb = copy.deepcopy(source.nb)
        resources = {"nbgrader": {"notebook": source.name, "assignment": assignment,
                                  "db_url": course.db_url}}
        try:
            for step in (LockCells, ClearSolutions, ClearOutput, CheckCellMetadata, ComputeChecksums,
                         SaveCells):
                nb, resources = step(config=course.config).preprocess(nb, resources)
        except Exception as exc:
            raise GradebookError(f"could not record {assignment}/{source.name} in the gradebook: "
                                 f"{exc}") from exc


def _cells_recorded(gb, assignment: str, source: SourceNotebook) -> bool:
    """Whether the gradebook already holds every grade cell of ``source`` with its points and
    every solution cell, so saving the cells again would change nothing the grader uses."""
    from nbgrader.api import MissingEntry

    try:
        notebook = gb.find_notebook(source.name, assignment)
    except MissingEntry:
        return False
    grade_cells = {c.name: c.max_score for c in notebook.grade_cells}
    solution_cells = {c.name for c in notebook.solution_cells}
    for cell in source.nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        name = meta.get("grade_id")
        if meta.get("grade") and grade_cells.get(name) != float(meta.get("points", 0)):
            return False
        if meta.get("solution") and name not in solution_cells:
            return False
    return True


def open_gradebook(course: Course):
    """nbgrader's :class:`~nbgrader.api.Gradebook` of the course, opened once: a grading run keeps
    it for all its submissions (each open checks every table and the course, some 40 queries) and
    closes it with ``close()`` or ``with``."""
    from nbgrader.api import Gradebook

    _nbgrader_tools_on_path()
    try:
        return Gradebook(course.db_url, course.course_id)
    except Exception as exc:
        raise GradebookError(f"could not open the gradebook {course.db_url}: {exc}") from exc


def record(course: Course, result: AssignmentResult, cells: dict[tuple[str, str], tuple[str, str]],
           timestamp: datetime | None = None, gb=None) -> list[str]:
    """Store ``result``'s scores and each notebook's late penalty, in one transaction of the open
    gradebook ``gb`` (one of its own when None). ``cells`` maps (notebook, function) to the
    function's (test cell grade_id, solution cell grade_id). Returns the functions whose manual
    score (from the Formgrader) was kept."""
    if gb is None:
        with open_gradebook(course) as own:
            return record(course, result, cells, timestamp, own)
    from nbgrader.api import MissingEntry

    with warnings.catch_warnings():
        # nbgrader's add_submission builds related rows in a way SQLAlchemy 2 warns about, harmlessly
        warnings.filterwarnings("ignore", message=".*not in session.*")
        try:
            gb.update_or_create_student(result.student)
            extra = {"timestamp": timestamp} if timestamp else {}
            submission = gb.update_or_create_submission(result.assignment, result.student, **extra)
            kept = []
            submitted = {}
            for notebook in result.notebooks:
                submitted[notebook.name] = entry = gb.find_submission_notebook(
                    notebook.name, result.assignment, result.student)
                grades, comments = _by_cell_name(gb, entry, notebook.name, result.assignment)
                for f in notebook.functions:
                    test_cell, solution_cell = cells[(notebook.name, f.name)]
                    grade, comment = _entry(grades, test_cell), _entry(comments, solution_cell)
                    grade.auto_score = f.score
                    grade.needs_manual_grade = grade.manual_score is not None
                    if grade.manual_score is not None:
                        kept.append(f.name)
                    comment.auto_comment = "\n\n".join(f.messages)
            gb.db.flush()  # the notebooks' scores below are computed from the grades just set
            rule = late_rule(course) if submission.total_seconds_late > 0 else None  # on time: no rule
            for entry in submitted.values():
                penalise(gb, entry, submission, rule)
            gb.db.commit()
        except MissingEntry as exc:
            gb.db.rollback()
            raise GradebookError(f"{result.student}/{result.assignment}: the gradebook has no entry "
                                 f"for {exc}; was the assignment changed after submissions were "
                                 f"recorded?") from exc
        except Exception:
            gb.db.rollback()
            raise
    return kept


def _by_cell_name(gb, entry, notebook: str, assignment: str) -> tuple[dict, dict]:
    """A submitted notebook's grades and comments by the name of their cell: two queries for all
    of them (and two for the cells' names) instead of one lookup per function."""
    cells = gb.find_notebook(notebook, assignment)
    grade_cells = {c.id: c.name for c in cells.grade_cells}
    solution_cells = {c.id: c.name for c in cells.solution_cells}
    grades = {grade_cells[g.cell_id]: g for g in entry.grades if g.cell_id in grade_cells}
    comments = {solution_cells[c.cell_id]: c for c in entry.comments if c.cell_id in solution_cells}
    return grades, comments


def _entry(entries: dict, cell: str):
    """The grade or comment of ``cell``; nbgrader's MissingEntry when the gradebook has none."""
    from nbgrader.api import MissingEntry

    if cell not in entries:
        raise MissingEntry(f"the cell {cell}")
    return entries[cell]


def late_rule(course: Course):
    """The course's late-submission plugin (``AssignLatePenalties.plugin_class``, nbgrader's
    ``LateSubmissionPlugin`` unless configured), as ``nbgrader autograde`` builds it."""
    from nbgrader.preprocessors import AssignLatePenalties

    assigner = AssignLatePenalties(config=course.config)
    assigner.init_plugin()
    return assigner.plugin_inst


def penalise(gb, notebook, submission, rule) -> None:
    """Set a submitted notebook's ``late_submission_penalty`` as nbgrader's
    ``AssignLatePenalties`` does: none when on time, else the rule's penalty for the notebook's
    score, kept between 0 and that score (``rule``: :func:`late_rule`, or None when on time)."""
    notebook.late_submission_penalty = None
    late = submission.total_seconds_late
    if late > 0:
        gb.db.refresh(notebook)  # its score (a computed column) from the grades just written
        notebook.late_submission_penalty = None
        penalty = rule.late_submission_penalty(submission.student_id, notebook.score, late)
        if penalty is not None:
            notebook.late_submission_penalty = min(max(penalty, 0), notebook.score)


def _nbgrader_tools_on_path() -> None:
    """nbgrader runs ``alembic`` by name when it creates a gradebook: make the tools of this Python
    environment findable even when the environment is not activated."""
    bin_dir = os.path.dirname(sys.executable)
    path = os.environ.get("PATH", "")
    if bin_dir not in path.split(os.pathsep):
        os.environ["PATH"] = bin_dir + (os.pathsep + path if path else "")
