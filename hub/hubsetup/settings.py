"""Names and places of the demo course; the hub's config and the tests read them from here.

``LAYERLAB_HUB_ROOT`` (default ``/srv/layerlab-hub``) holds everything the set-up creates besides
the users and their homes: the servers' environment, the exchange and the hub's own state.
``LAYERLAB_HUB_ENV`` puts the environment elsewhere (the tests share the demo's environment but
use an exchange and a hub state of their own).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
COURSE_ID = "layerlab"
INSTRUCTOR = "instructor"
GRADERS_GROUP = "layerlab-graders"  # the instructor (and any TA) reads submissions through it
STUDENTS_GROUP = "layerlab-students"
DEMO_STUDENTS = ("student1", "student2", "student3")
DEMO_PASSWORD = "layerlab-demo"
HUB_IP, HUB_PORT = "127.0.0.1", 8000


def student_names(count: int) -> tuple[str, ...]:
    """``student1`` ... ``student<count>`` (the demo has three; the capacity benchmark more)."""
    if count < 1:
        raise ValueError(f"a course needs at least one student, not {count}")
    return tuple(f"student{i}" for i in range(1, count + 1))


@dataclass(frozen=True)
class HubPaths:
    root: Path

    @classmethod
    def from_environment(cls) -> "HubPaths":
        return cls(Path(os.environ.get("LAYERLAB_HUB_ROOT", "/srv/layerlab-hub")).resolve())

    @property
    def env(self) -> Path:  # the single-user servers' environment (students and instructor)
        return Path(os.environ.get("LAYERLAB_HUB_ENV", self.root / "env"))

    @property
    def wheels(self) -> Path:
        return self.env / "wheels"

    @property
    def exchange(self) -> Path:
        return self.root / "exchange"

    @property
    def course_exchange(self) -> Path:
        return self.exchange / COURSE_ID

    @property
    def state(self) -> Path:  # jupyterhub.sqlite, the cookie secret, the proxy's pid file
        return self.root / "state"


def home_of(user: str) -> Path:
    import pwd

    return Path(pwd.getpwnam(user).pw_dir)


def course_dir() -> Path:
    """The instructor's course directory: source/, assignments/, autograder/, the gradebook."""
    return home_of(INSTRUCTOR) / COURSE_ID
