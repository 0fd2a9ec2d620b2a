"""Who a sandboxed worker runs as and what it may use: its user id and its resource limits.

The limits are set in the child process right before bubblewrap starts (:func:`apply_limits`,
the ``preexec_fn`` of :func:`autograder.boundary.sandbox.wrap`), so everything the worker starts
inherits them. Run as root, each worker gets an unprivileged user id of its own
(:func:`worker_user`) and drops every capability (:func:`drop_privileges`).
"""

from __future__ import annotations

import contextlib
import os
import resource
import threading
from dataclasses import dataclass
from pathlib import Path

NOBODY = 65534

#: workers that run at the same time get different unprivileged user ids from this range (the
#: process limit counts per user, so one worker's fork bomb cannot starve another); no account
#: owns them.
UID_BASE = 1_500_000_000

@dataclass(frozen=True)
class Limits:
    """Resource limits of one worker (bytes and seconds)."""

    memory: int = 2 * 2**30        # address space of each process
    cpu_seconds: int = 600         # CPU time of each process
    processes: int = 256           # processes and threads of the worker user
    file_size: int = 64 * 2**20    # largest file it may write
    open_files: int = 256
    home_size: int = 256 * 2**20   # its home and its /tmp (each)

    def describe_memory(self) -> str:
        return _size(self.memory)

    def describe_file_size(self) -> str:
        return _size(self.file_size)


def _size(n: int) -> str:
    for unit, factor in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= factor:
            return f"{n / factor:g} {unit}"
    return f"{n} bytes"


@contextlib.contextmanager
def worker_user():
    """An unprivileged user id no other worker of this machine uses meanwhile (when root)."""
    with _uid_lock:
        slot = next(i for i in range(len(_uids_taken) + 1) if i not in _uids_taken)
        _uids_taken.add(slot)
    try:
        yield UID_BASE + (os.getpid() % 100_000) * 1000 + slot if as_root() else os.getuid()
    finally:
        with _uid_lock:
            _uids_taken.discard(slot)


_uid_lock = threading.Lock()
_uids_taken: set[int] = set()


def drop_privileges(uid: int = NOBODY) -> list[str]:
    """The command prefix that runs the worker as ``uid`` without capabilities, when the grader
    runs as root (bubblewrap itself needs root's rights to set the sandbox up without user
    namespaces); nothing otherwise (the worker then runs as the instructor's own unprivileged user,
    in a user namespace bubblewrap makes)."""
    if not as_root():
        return []
    return ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
            "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"]


def as_root() -> bool:
    return os.geteuid() == 0


def processes_of(uid: int) -> int:
    """How many processes (threads included) the user ``uid`` runs now."""
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += len(os.listdir(entry / "task"))
            except OSError:
                pass
    return count


def apply_limits(limits: Limits, processes: int) -> None:
    """In the child, before bubblewrap starts (the limits are inherited by everything it runs)."""
    for which, value in ((resource.RLIMIT_AS, limits.memory),
                         (resource.RLIMIT_CPU, limits.cpu_seconds),
                         (resource.RLIMIT_NPROC, processes),
                         (resource.RLIMIT_FSIZE, limits.file_size),
                         (resource.RLIMIT_NOFILE, limits.open_files),
                         (resource.RLIMIT_CORE, 0)):
        resource.setrlimit(which, (value, value))


