"""layerlab's grader behind nbgrader's own commands and buttons.

``nbgrader_config.py`` plugs these into nbgrader's configuration points, so an instructor who uses
only nbgrader gets the sandboxed grades:

* ``c.Autograde.autograde_preprocessors = [SandboxedAutograde]``: ``nbgrader autograde`` and the
  Formgrader's Autograde button (``NbGraderAPI.autograde`` runs the same ``Autograde`` converter)
  grade with layerlab's sandboxed grader instead of executing the notebook in a kernel;
  ``c.Autograde.sanitize_preprocessors = []``, because the grader restores locked cells itself.
* ``c.GenerateFeedback.exporter_class = FeedbackExporter``: ``nbgrader generate_feedback`` and the
  Formgrader's feedback buttons write layerlab's page with the gradebook's marks.
* ``c.ExchangeFactory.release_feedback = ReleaseFeedback``: ``nbgrader release_feedback`` (and
  its Formgrader button) first rebuilds the pages it releases from the gradebook.
* ``nbgrader export --exporter=autograder.nbgrader_plugins.LmsExport``: a CSV an LMS gradebook
  (Canvas, Moodle) imports.
"""

from autograder.nbgrader_plugins.autograde import SandboxedAutograde
from autograder.nbgrader_plugins.feedback import FeedbackExporter
from autograder.nbgrader_plugins.lms_export import LmsExport
from autograder.nbgrader_plugins.release_feedback import ReleaseFeedback

__all__ = ["SandboxedAutograde", "FeedbackExporter", "LmsExport", "ReleaseFeedback"]
