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

# Validate (and nbgrader's own autograding) run every cell; the week-4 application trains two
# networks, one to three minutes per cell, beyond nbgrader's default 30 s cell timeout.
c.Execute.timeout = 600

# Students see this where a solution was removed.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
