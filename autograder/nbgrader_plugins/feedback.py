"""``FeedbackExporter``: nbgrader's ``generate_feedback`` writes layerlab's feedback page.

nbgrader's ``GenerateFeedback`` converter (``nbgrader generate_feedback`` and the Formgrader's
Generate Feedback buttons) turns each ``autograded/<student>/<assignment>/<nb>.ipynb`` into
``feedback/<student>/<assignment>/<nb>.html`` with its ``exporter_class``. This exporter ignores
the notebook and returns the page :mod:`autograder.grading.marks` makes from the sandboxed
grader's page and the gradebook's current marks (manual scores, comments, late penalty), so
``release_feedback`` / ``fetch_feedback`` deliver a page that agrees with the gradebook.
A submission layerlab never graded gets an error that says what to run, not nbgrader's page.
"""

from __future__ import annotations

from nbconvert.exporters import Exporter
from traitlets import default

from autograder.grading import marks
from autograder.grading.course import Course


class FeedbackExporter(Exporter):
    output_mimetype = "text/html"

    @default("file_extension")
    def _file_extension_default(self):
        return ".html"

    def from_notebook_node(self, nb, resources=None, **kw):
        resources = dict(resources or {})
        info = resources["nbgrader"]
        converter = self.parent
        course = Course.of(converter.coursedir, converter.config)
        page = marks.page_for(course, info["student"], info["assignment"], info["notebook"])
        resources["output_extension"] = self.file_extension
        return page, resources
