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
  configured plugin) to each notebook, as ``nbgrader autograde`` does.

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
    from nbgrader.preprocessors import (CheckCellMetadata, ClearOutput, ClearSolutions,
                                        ComputeChecksums, LockCells, SaveCells)

    _nbgrader_tools_on_path()
    try:
        with Gradebook(course.db_url, course.course_id) as gb:
            gb.update_or_create_assignment(assignment)
            current = {s.name for s in sources if _cells_recorded(gb, assignment, s)}
    except Exception as exc:
        raise GradebookError(f"could not open the gradebook {course.db_url}: {exc}") from exc
    for source in sources:
        if source.name in current:  # e.g. nbgrader generate_assignment recorded them already
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


def record(course: Course, result: AssignmentResult, cells: dict[tuple[str, str], tuple[str, str]],
           timestamp: datetime | None = None) -> list[str]:
    """Store ``result``'s scores. ``cells`` maps (notebook, function) to the function's
    (test cell grade_id, solution cell grade_id). Returns the functions whose manual score (from
    the Formgrader) was kept."""
    from nbgrader.api import Gradebook, MissingEntry

    _nbgrader_tools_on_path()
    with Gradebook(course.db_url, course.course_id) as gb, warnings.catch_warnings():
        # nbgrader's add_submission builds related rows in a way SQLAlchemy 2 warns about, harmlessly
        warnings.filterwarnings("ignore", message=".*not in session.*")
        try:
            gb.update_or_create_student(result.student)
            extra = {"timestamp": timestamp} if timestamp else {}
            gb.update_or_create_submission(result.assignment, result.student, **extra)
            kept = []
            for notebook in result.notebooks:
                for f in notebook.functions:
                    test_cell, solution_cell = cells[(notebook.name, f.name)]
                    grade = gb.find_grade(test_cell, notebook.name, result.assignment, result.student)
                    grade.auto_score = f.score
                    grade.needs_manual_grade = grade.manual_score is not None
                    if grade.manual_score is not None:
                        kept.append(f.name)
                    comment = gb.find_comment(solution_cell, notebook.name, result.assignment,
                                              result.student)
                    comment.auto_comment = "\n\n".join(f.messages)
            gb.db.commit()
        except MissingEntry as exc:
            gb.db.rollback()
            raise GradebookError(f"{result.student}/{result.assignment}: the gradebook has no entry "
                                 f"for {exc}; was the assignment changed after submissions were "
                                 f"recorded?") from exc
    for notebook in result.notebooks:
        assign_late_penalty(course, result.student, result.assignment, notebook.name)
    return kept


def assign_late_penalty(course: Course, student: str, assignment: str, notebook: str) -> None:
    """Run nbgrader's ``AssignLatePenalties`` on a recorded notebook: with the course's
    configuration it sets the notebook's ``late_submission_penalty`` exactly as ``nbgrader
    autograde`` would (the due date is the gradebook's)."""
    import nbformat
    from nbgrader.preprocessors import AssignLatePenalties

    resources = {"nbgrader": {"notebook": notebook, "assignment": assignment, "student": student,
                              "db_url": course.db_url}}
    AssignLatePenalties(config=course.config).preprocess(nbformat.v4.new_notebook(), resources)


def _nbgrader_tools_on_path() -> None:
    """nbgrader runs ``alembic`` by name when it creates a gradebook: make the tools of this Python
    environment findable even when the environment is not activated."""
    bin_dir = os.path.dirname(sys.executable)
    path = os.environ.get("PATH", "")
    if bin_dir not in path.split(os.pathsep):
        os.environ["PATH"] = bin_dir + (os.pathsep + path if path else "")
