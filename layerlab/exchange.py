"""A hardened nbgrader exchange for a course on a shared machine (JupyterHub).

nbgrader's default exchange gives every course one ``inbound/`` directory that every student can
write into (mode 0733 with the sticky bit), names each submission ``<student>+<assignment>+<time>``
and trusts that name: anyone can submit under another student's name, and a submission directory
is world-writable (0777) and its files world-readable, hidden only by an unguessable-looking name.

Here each student has an inbound directory of their own, created by the course's administrator
(root) and owned by the student, group the course's graders, mode 0750::

    <exchange>/<course>/inbound/            instructor:graders  0751  (students may only pass)
    <exchange>/<course>/inbound/<student>/  <student>:graders   0750  (nobody else gets in)
    <exchange>/<course>/outbound/           instructor:graders  0755  (released assignments)
    <exchange>/<course>/feedback/           instructor:graders  0711  (names are secret hashes)

* ``ExchangeSubmit`` writes only into the inbound directory of the logged-in user, refuses
  another ``--student`` name, and leaves the submission unwritable by others (nbgrader makes it
  0777); its own directory keeps every other student out.
* ``ExchangeCollect`` reads ``inbound/<student>/``, trusts a directory only when the system says
  ``<student>`` owns it, and takes only entries named after that student.
* ``ExchangeList`` looks for a student's own submissions in their own directory.
* Every class leaves the exchange's permissions alone (the set-up owns them): nbgrader's release
  would make the root 0777 again, and every command refuses a root its user cannot write.

Enable it in nbgrader_config.py, one line per class (hub/hubsetup/course.py writes them)::

    c.ExchangeFactory.submit = "layerlab.exchange.ExchangeSubmit"
    c.ExchangeFactory.collect = "layerlab.exchange.ExchangeCollect"
    ... (list, fetch_assignment, fetch_feedback, release_assignment, release_feedback)
"""
from __future__ import annotations

import base64
import glob
import os
import pwd
from collections import defaultdict

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.exchange import default
from nbgrader.utils import check_mode, get_username, parse_utc
from traitlets import Bool

# Inside a student's own inbound directory (0750, group: the graders) nobody else can reach a
# submission, so its files may stay readable by the graders through the "other" bits: the
# students are not in the graders' group, so they could not give a file that group anyway.
SUBMISSION_FILE_MODE = 0o644
SUBMISSION_DIR_MODE = 0o755


def inbound_root(root: str, course_id: str) -> str:
    """The course's inbound directory, which holds one directory per student."""
    return os.path.join(root, course_id, "inbound")


def owner_name(path: str) -> str | None:
    """The login name of the owner of ``path`` (None if the uid has no name)."""
    try:
        return pwd.getpwuid(os.stat(path).st_uid).pw_name
    except KeyError:
        return None


class SetUpRoot:
    """The exchange's root belongs to the set-up (root, 0755), not to its users: nbgrader's
    check that everyone may write it (and the release's chmod to 0777) are replaced by a check
    that it exists."""

    def ensure_root(self):
        if not os.path.isdir(self.root):
            self.fail(f"The exchange {self.root} does not exist: ask your instructor to run "
                      "the course set-up.")


class ExchangeFetchAssignment(SetUpRoot, default.ExchangeFetchAssignment):
    pass


class ExchangeFetchFeedback(SetUpRoot, default.ExchangeFetchFeedback):
    pass


class ExchangeReleaseFeedback(SetUpRoot, default.ExchangeReleaseFeedback):
    pass


class ExchangeReleaseAssignment(SetUpRoot, default.ExchangeReleaseAssignment):
    """Release without changing the exchange's permissions: the course set-up owns them."""


class ExchangeSubmit(SetUpRoot, default.ExchangeSubmit):
    """Submit into ``inbound/<me>/``, only as oneself."""

    def init_dest(self):
        course_id = self.coursedir.course_id
        if course_id == "":
            self.fail("No course id specified. Re-run with --course flag.")
        me = get_username()
        if not self.authenticator.has_access(me, course_id):
            self.fail("You do not have access to this course.")
        claimed = self.coursedir.student_id
        if claimed not in ("*", "", me):
            self.fail(f"You are logged in as {me!r}: you can submit only as yourself, "
                      f"not as {claimed!r}.")
        self.inbound_path = os.path.join(inbound_root(self.root, course_id), me)
        if not os.path.isdir(self.inbound_path):
            self.fail(f"There is no inbound directory for {me!r} in course {course_id!r} "
                      f"({self.inbound_path}): ask your instructor to add you to the course.")
        if owner_name(self.inbound_path) != me or not check_mode(
                self.inbound_path, write=True, execute=True):
            self.fail(f"The inbound directory {self.inbound_path} is not yours to write: "
                      "ask your instructor to check the course set-up.")
        self.cache_path = os.path.join(self.cache, course_id)
        random_str = base64.urlsafe_b64encode(os.urandom(9)).decode("ascii")
        self.assignment_filename = "{}+{}+{}+{}".format(
            me, self.coursedir.assignment_id, self.timestamp, random_str)
        self.coursedir.student_id = me

    def copy_files(self):
        super().copy_files()
        # nbgrader leaves the submission 0777 (so that anyone who found it could change it)
        self.set_perms(os.path.join(self.inbound_path, self.assignment_filename),
                       fileperms=SUBMISSION_FILE_MODE, dirperms=SUBMISSION_DIR_MODE)


class ExchangeCollect(SetUpRoot, default.ExchangeCollect):
    """Collect from ``inbound/<student>/``, trusting only directories the student owns."""

    trust_directory_names = Bool(False, help=(
        "Take inbound/<student>/ as <student>'s without checking its owner: only where every "
        "student can write nothing but their own directory by other means (on Kubernetes, "
        "each student's pod mounts only its own inbound directory, and all run as one uid)."
    )).tag(config=True)

    def student_directories(self) -> list[str]:
        wanted = self.coursedir.student_id or "*"
        found = []
        for path in sorted(glob.glob(os.path.join(self.inbound_path, wanted))):
            if not os.path.isdir(path):
                continue
            name = os.path.basename(path)
            owner = owner_name(path)
            if owner != name and not self.trust_directory_names:
                self.log.warning("Skipping %s: it is owned by %s, not by %s", path, owner, name)
                continue
            found.append(path)
        return found

    def records_of(self, student_dir: str) -> list[dict]:
        student = os.path.basename(student_dir)
        pattern = os.path.join(student_dir, "*+{}+*".format(self.coursedir.assignment_id))
        records = []
        for path in glob.glob(pattern):
            filename = os.path.basename(path)
            parts = filename.split("+")
            owned = self.trust_directory_names or owner_name(path) == student
            if len(parts) < 3 or parts[0] != student or not owned:
                self.log.warning("Skipping %s: it is not a submission of %s", path, student)
                continue
            records.append({"username": student, "timestamp": parse_utc(parts[2]),
                            "filename": os.path.join(student, filename)})
        return records

    def init_src(self):
        if self.coursedir.course_id == "":
            self.fail("No course id specified. Re-run with --course flag.")
        self.course_path = os.path.join(self.root, self.coursedir.course_id)
        self.inbound_path = inbound_root(self.root, self.coursedir.course_id)
        if not os.path.isdir(self.inbound_path):
            self.fail("Course not found: {}".format(self.inbound_path))
        if not check_mode(self.inbound_path, read=True, execute=True):
            self.fail("You don't have read permissions for the directory: {}".format(
                self.inbound_path))
        by_student = defaultdict(list)
        for student_dir in self.student_directories():
            for record in self.records_of(student_dir):
                by_student[record["username"]].append(record)
        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
            try:
                self.duedate = gb.find_assignment(self.coursedir.assignment_id).duedate
            except MissingEntry:
                self.duedate = None
        self.src_records = []
        for records in by_student.values():
            records = self._sort_by_timestamp(records)
            if self.duedate is not None and self.before_duedate:
                on_time = [r for r in records if r["timestamp"] <= self.duedate]
                records = on_time or records
            self.src_records.append(records[0])


class ExchangeList(SetUpRoot, default.ExchangeList):
    """List a student's own submissions from their own inbound directory."""

    def init_dest(self):
        if not self.inbound:
            return super().init_dest()
        course_id = self.coursedir.course_id or "*"
        assignment_id = self.coursedir.assignment_id or "*"
        student_id = self.coursedir.student_id or "*"
        directory = student_id
        if student_id == "*" and course_id != "*" and not check_mode(
                inbound_root(self.root, course_id), read=True, execute=True):
            directory = get_username()  # a student cannot list the inbound directory
        pattern = os.path.join(self.root, course_id, "inbound", directory,
                               "{}+{}+*".format(student_id, assignment_id))
        self.assignments = sorted(glob.glob(pattern))

    def parse_assignment(self, assignment):
        if not self.inbound:
            return super().parse_assignment(assignment)
        # <root>/<course>/inbound/<student>/<name> parses as nbgrader's <root>/<course>/inbound/<name>
        inbound = os.path.dirname(os.path.dirname(assignment))
        return super().parse_assignment(os.path.join(inbound, os.path.basename(assignment)))

