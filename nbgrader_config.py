"""nbgrader configuration of the layerlab course.

Instructors author in ``source/<assignment>/``; ``nbgrader generate_assignment`` writes the student
release to ``assignments/<assignment>/`` (committed, and checked for staleness by the tests).
"""
import os

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "layerlab"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "assignments"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(c.CourseDirectory.root, "gradebook.db")

# A course-local exchange, so the Assignment List works on a single machine without root.
c.Exchange.root = os.path.join(c.CourseDirectory.root, ".exchange")

# Validate runs every cell; the week-4 application trains two networks, one to three minutes per
# cell, beyond nbgrader's default 30 s cell timeout.
c.Execute.timeout = 600

# One grader behind every surface (autograder/nbgrader_plugins): `nbgrader autograde` and the
# Formgrader's Autograde button grade in layerlab's sandbox, never in the student's kernel; the
# grader restores locked cells itself, so nbgrader's sanitizing steps are not needed.
c.Autograde.sanitize_preprocessors = []
c.Autograde.autograde_preprocessors = ["autograder.nbgrader_plugins.SandboxedAutograde"]
# `nbgrader generate_feedback` and the Formgrader's feedback buttons write layerlab's page with the
# gradebook's current marks (manual scores, comments, late penalty); always afresh, so a page is
# never older than the gradebook.
c.GenerateFeedback.exporter_class = "autograder.nbgrader_plugins.FeedbackExporter"
c.GenerateFeedback.preprocessors = []
c.GenerateFeedback.force = True
# `nbgrader release_feedback` (and its button) rebuilds the pages it releases the same way first.
c.ExchangeFactory.release_feedback = "autograder.nbgrader_plugins.ReleaseFeedback"

# Late work: set due dates in the Formgrader (Manage Assignments) or with
# `nbgrader db assignment add <assignment> --duedate=...`; nbgrader's rule then applies to the
# sandboxed grades too. By default a late submission loses nothing; e.g. "zero" gives it 0 points:
# c.LateSubmissionPlugin.penalty_method = "zero"

# Students see this where a solution was removed.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# An LMS download (`nbgrader zip_collect <assignment>`, archives in downloaded/<assignment>/archive/):
# Canvas names each file <name>_<user id>_<submission id>_<file> (<name>_LATE_... when late); the
# Canvas user id becomes the student id. Moodle: see the README.
c.FileNameCollectorPlugin.named_regexp = (
    r"(?:.*/)?[^/]*?_(?:LATE_)?(?P<student_id>\d+)_\d+_(?P<file_id>[^/]+)$")
