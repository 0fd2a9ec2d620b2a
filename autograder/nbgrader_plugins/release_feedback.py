"""``ReleaseFeedback``: ``nbgrader release_feedback`` hands out pages that agree with the gradebook.

nbgrader's exchange copies ``feedback/<student>/<assignment>/*.html`` as they are. A grade changed
in the Formgrader after the pages were generated would leave a page that contradicts the
gradebook; this exchange step (``c.ExchangeFactory.release_feedback``) first rebuilds, from the
grader's pages and the gradebook's current marks (:func:`autograder.grading.marks.publish`), the
page of every submission it is about to release, then releases as nbgrader does. Folders the
sandboxed grader never graded are released as they are.
"""

from __future__ import annotations

import glob
from pathlib import Path

from nbgrader.exchange.default import ExchangeReleaseFeedback

from autograder.grading import marks
from autograder.grading.course import Course


class ReleaseFeedback(ExchangeReleaseFeedback):
    def copy_files(self):
        course = Course.of(self.coursedir, self.config)
        for folder in sorted(glob.glob(self.src_path)):
            student, assignment = Path(folder).parent.name, Path(folder).name
            if marks.grader_page_folder(course, student, assignment).is_dir():
                for page in marks.publish(course, student, assignment):
                    self.log.info("Rebuilt %s from the gradebook", page)
        super().copy_files()
