"""One grading run per course at a time.

Two runs on the same course would grade the same submissions twice and race on the gradebook
(nbgrader's upserts are not safe against a second writer: ``sqlite3.IntegrityError``). A run
therefore holds an exclusive ``flock`` on ``<course>/.autograder.lock`` for its whole length; a
second run finds it taken and stops at once with a message naming the first (its process id and
start time, written into the file). The kernel releases the lock when the holder exits, however
it exits, so a killed run never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from datetime import datetime, timezone
from pathlib import Path

LOCK_FILE = ".autograder.lock"


class Busy(RuntimeError):
    """Another grading run holds the course."""


@contextlib.contextmanager
def hold(course_root: Path):
    """Hold the course's grading lock for the ``with`` block; :class:`Busy` if it is taken."""
    path = Path(course_root) / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise Busy(f"another grading run of this course is in progress ({holder}); wait for it "
                       f"to finish, then run again (it keeps what the first run graded)") from None
        os.ftruncate(fd, 0)
        started = datetime.now(timezone.utc).isoformat(timespec="seconds")
        os.pwrite(fd, f"process {os.getpid()}, started {started}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock
