"""``LmsExport``: ``nbgrader export`` writes a CSV an LMS gradebook imports.

    nbgrader export --exporter=autograder.nbgrader_plugins.LmsExport --to lms_grades.csv

One row per student (Canvas's gradebook layout), where nbgrader's own CSV has one row per student
and assignment. Columns: ``Student`` ("Last, First", else the student id), ``ID`` (the student's
``lms_user_id`` in the gradebook, else the student id: with the course's zip_collect settings
for Canvas that is the Canvas user id), ``SIS User ID``, ``SIS Login ID`` and ``Section`` (empty:
Canvas matches students on ``ID``), then one column per assignment: the score after the late
penalty, computed as ``nbgrader export`` computes it (never below 0); empty for a student who
submitted nothing, so the LMS keeps what it has. The second row, ``Points Possible``, holds each
assignment's maximum score.
"""

from __future__ import annotations

import csv

from nbgrader.api import MissingEntry
from nbgrader.plugins import ExportPlugin

COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


class LmsExport(ExportPlugin):
    def export(self, gradebook) -> None:
        dest = self.to or "lms_grades.csv"
        assignments = [a for a in gradebook.assignments
                       if not self.assignment or a.name in self.assignment]
        students = [s for s in gradebook.students if not self.student or s.id in self.student]
        self.log.info("Exporting %d students' grades of %d assignments for an LMS to %s",
                      len(students), len(assignments), dest)
        with open(dest, "w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow(COLUMNS + [a.name for a in assignments])
            out.writerow(["Points Possible", "", "", "", ""] + [_num(a.max_score) for a in assignments])
            for student in students:
                name = ", ".join(p for p in (student.last_name, student.first_name) if p) or student.id
                row = [name, student.lms_user_id or student.id, "", "", ""]
                for assignment in assignments:
                    try:
                        submission = gradebook.find_submission(assignment.name, student.id)
                    except MissingEntry:
                        row.append("")
                        continue
                    row.append(_num(max(0.0, submission.score - submission.late_submission_penalty)))
                out.writerow(row)


def _num(value: float) -> str:
    return f"{value:g}"
