"""One grading run per course at a time.

Two runs on the same course would grade the same submissions twice and race on the gradebook
(nbgrader's upserts are not safe against a second writer: ``sqlite3.IntegrityError``). A run
therefore holds an exclusive ``flock`` on ``<course>/.autograder.lock`` for its whole length; a
second run finds it taken and stops at once with a message naming the first (its process id, its
machine and its start time, written into the file). The lock belongs to the open file, not to the
file's existence: the kernel releases it when the holder exits, however it exits (a crash, ``kill
-9``, a power cut of a local disk), so a dead run never leaves a stale lock. The next run takes
the lock and overwrites the dead run's details; there is nothing to delete by hand.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import socket
from datetime import datetime, timezone
from pathlib import Path

LOCK_FILE = ".autograder.lock"


class Busy(RuntimeError):
    """Another grading run holds the course, or the course cannot be locked (the message says which)."""


@contextlib.contextmanager
def hold(course_root: Path):
    """Hold the course's grading lock for the ``with`` block; :class:`Busy` if it is taken."""
    path = Path(course_root) / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        why = "it is a symbolic link" if exc.errno == errno.ELOOP else exc.strerror
        raise Busy(f"the grader cannot open its lock file {path} ({why}); it must be a plain file "
                   f"the grader may write (delete it if it is not)") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 300, 0).decode("utf-8", "replace").strip() or "another process"
            raise Busy(f"another grading run of this course is in progress ({holder}); wait for it "
                       f"to finish, then run again (it keeps what the first run graded)") from None
        except OSError as exc:  # a file system without locks (some network file systems)
            raise Busy(f"the grader cannot lock {path} ({exc.strerror}): keep the course on a file "
                       f"system that supports locks, so that two runs cannot grade it at once") from None
        os.ftruncate(fd, 0)
        started = datetime.now(timezone.utc).isoformat(timespec="seconds")
        os.pwrite(fd, f"process {os.getpid()} on {socket.gethostname()[:100]}, started {started}\n"
                  .encode("utf-8", "replace"), 0)
        yield
    finally:
        os.close(fd)  # releases the lock
