"""The student's feedback page says what the gradebook says.

The grader writes its own page per notebook (what each hidden case found) into the instructor's
``autograded/<student>/<assignment>/feedback/`` (nbgrader's ``generate_feedback`` does not copy a
folder named ``feedback``). The page students get, ``feedback/<student>/<assignment>/<nb>.html``,
is that page with its score line replaced by the gradebook's marks: the score nbgrader exports
(manual scores and extra credit from the Formgrader included, the late-submission penalty
subtracted), the cells whose points the instructor changed, and the instructor's comments.

:func:`publish` writes those pages; the grader calls it after each grading and nbgrader's
``generate_feedback`` (the command and the Formgrader's button) and ``release_feedback`` call it
through :mod:`autograder.nbgrader_plugins`, so the page is current whatever order the instructor
grades, comments, generates and releases feedback in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from autograder.grading.course import Course
from autograder.grading.feedback import _fmt
from autograder.grading.results import atomic_write

#: the grader's own pages, inside autograded/<student>/<assignment>/
GRADER_PAGES = "feedback"


class MarksError(RuntimeError):
    """A feedback page cannot be made (no sandboxed grading, no gradebook entry)."""


@dataclass
class CellMark:
    name: str              # the function or question (the grade cell's name otherwise)
    auto: float | None
    manual: float | None
    extra: float | None
    score: float
    max_score: float


@dataclass
class Marks:
    """One submitted notebook's marks in the gradebook."""

    score: float           # after the late penalty, as ``nbgrader export`` writes it
    max_score: float
    penalty: float
    seconds_late: float
    cells: list[CellMark] = field(default_factory=list)
    comments: list[tuple[str, str]] = field(default_factory=list)   # (cell, the instructor's words)

    @property
    def changed(self) -> list[CellMark]:
        return [c for c in self.cells if c.manual is not None and c.manual != c.auto or c.extra]


def read_marks(course: Course, student: str, assignment: str, notebook: str, gb=None) -> Marks:
    """The notebook's marks, read from the open gradebook ``gb`` (one of its own when None)."""
    from nbgrader.api import Gradebook, MissingEntry

    if gb is None:
        with Gradebook(course.db_url, course.course_id) as own:
            return read_marks(course, student, assignment, notebook, own)
    gb.db.expire_all()  # an open gradebook: read what is stored now (the Formgrader may have written)
    try:
        submission = gb.find_submission(assignment, student)
        nb = gb.find_submission_notebook(notebook, assignment, student)
    except MissingEntry:
        raise MarksError(f"the gradebook has no submission of {assignment}/{notebook} by "
                         f"{student}: grade it first (python -m autograder grade --assignment "
                         f"{assignment} --student {student})") from None
    solutions = {c.name for c in nb.notebook.solution_cells}
    # the grade cells' names and points by id, read at once (a grade's own name and max_score
    # would load its cell, one query per grade)
    graded = {c.id: (c.name, c.max_score) for c in nb.notebook.grade_cells}
    named = sorted(((*graded.get(g.cell_id, (None, None)), g) for g in nb.grades),
                   key=lambda item: item[0] or item[2].name)
    cells = [CellMark(_label(name or g.name, solutions), g.auto_score, g.manual_score, g.extra_credit,
                      g.score, g.max_score if points is None else points) for name, points, g in named]
    comments = [(c.name, c.manual_comment.strip()) for c in sorted(nb.comments, key=lambda c: c.name)
                if c.manual_comment and c.manual_comment.strip()]
    penalty = nb.late_submission_penalty or 0.0
    return Marks(max(0.0, nb.score - penalty), nb.max_score, penalty, submission.total_seconds_late,
                 cells, comments)


def _label(grade_cell: str, solutions: set[str]) -> str:
    """``test_softmax`` grades ``softmax``: name the function the student wrote."""
    name = grade_cell.removeprefix("test_")
    return name if name in solutions else grade_cell


BLOCK = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string("""\
<p class="total">{{ fmt(m.score) }} / {{ fmt(m.max_score) }} <small>points</small></p>
{% if m.changed or m.penalty %}
<table>
  <tr><th>Your grade</th><th class="num">Points</th><th></th></tr>
  {% for c in m.changed %}
  <tr><td><code>{{ c.name }}</code></td><td class="num">{{ fmt(c.score) }} / {{ fmt(c.max_score) }}</td>
      <td>set by your instructor{% if c.auto is not none %} (the grader gave {{ fmt(c.auto) }}){% endif %}
      {%- if c.extra %}, {{ fmt(c.extra) }} extra credit{% endif %}</td></tr>
  {% endfor %}
  {% if m.penalty %}
  <tr><td>late submission ({{ late(m.seconds_late) }} after the due date)</td>
      <td class="num">−{{ fmt(m.penalty) }}</td><td>the course's late-work rule</td></tr>
  {% endif %}
</table>
{% endif %}
{% if m.comments %}
<h2>Comments from your instructor</h2>
{% for name, text in m.comments %}
<div class="box note"><strong><code>{{ name }}</code>:</strong> {{ text }}</div>
{% endfor %}
{% endif %}
""")

_TOTAL = re.compile(r'<p class="total">.*?</p>', re.S)


def compose(page: str, marks: Marks) -> str:
    """The grader's page with the gradebook's marks in place of its own score line."""
    block = BLOCK.render(m=marks, fmt=_fmt, late=_late)
    composed, n = _TOTAL.subn(lambda _: block, page, count=1)
    if n != 1:
        raise MarksError("the grader's feedback page has no score line to replace")
    return composed


def grader_page_folder(course: Course, student: str, assignment: str) -> Path:
    return course.folder("autograded", student, assignment) / GRADER_PAGES


def grader_page(course: Course, student: str, assignment: str, notebook: str) -> Path:
    return grader_page_folder(course, student, assignment) / f"{notebook}.html"


def page_for(course: Course, student: str, assignment: str, notebook: str, gb=None) -> str:
    """The student's page of one notebook, from the grader's page and the gradebook."""
    path = grader_page(course, student, assignment, notebook)
    if not path.is_file():
        raise MarksError(f"{student}/{assignment}/{notebook}.ipynb was not graded by layerlab's "
                         f"sandboxed grader ({path} is missing): run python -m autograder grade "
                         f"--assignment {assignment} --student {student} (or the Formgrader's "
                         f"Autograde button)")
    return compose(path.read_text(encoding="utf-8"), read_marks(course, student, assignment, notebook, gb))


def publish(course: Course, student: str, assignment: str, gb=None) -> list[Path]:
    """Write ``feedback/<student>/<assignment>/<nb>.html`` for every notebook the grader graded
    (the marks read from the open gradebook ``gb``, or from one opened per page when None)."""
    pages = sorted(grader_page_folder(course, student, assignment).glob("*.html"))
    out = course.folder("feedback", student, assignment)
    written = []
    for page in pages:
        atomic_write(out / page.name, page_for(course, student, assignment, page.stem, gb))
        written.append(out / page.name)
    return written


def _late(seconds: float) -> str:
    hours = seconds / 3600
    return f"{hours / 24:.1f} days" if hours >= 48 else f"{hours:.1f} hours" if hours >= 1 \
        else f"{seconds / 60:.0f} minutes"
