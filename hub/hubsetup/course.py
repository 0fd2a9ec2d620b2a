"""The instructor's course directory and the course's exchange (see layerlab/exchange.py)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from . import users
from .settings import COURSE_ID, GRADERS_GROUP, INSTRUCTOR, REPO_ROOT, HubPaths, course_dir

# What the instructor's course directory holds, copied from this repository.
COURSE_FILES = ("source", "assignments", "autograder", "layerlab", "nbgrader_config.py",
                "pyproject.toml", "README.md")
EXCHANGE_CLASSES = {"submit": "Submit", "collect": "Collect", "list": "List",
                    "fetch_assignment": "FetchAssignment", "fetch_feedback": "FetchFeedback",
                    "release_assignment": "ReleaseAssignment",
                    "release_feedback": "ReleaseFeedback"}
HUB_CONFIG_MARK = "# --- added by hub/hubsetup: the course on JupyterHub ---"


def exchange_config(paths: HubPaths) -> str:
    """nbgrader settings every user of the hub shares: the course, the exchange and its classes.

    The hub tells each server where the exchange is (``LAYERLAB_EXCHANGE``), so one environment
    serves hubs with different exchanges (the tests run their own); the set-up's is the default.
    """
    lines = [HUB_CONFIG_MARK,
             "import os",
             f'c.CourseDirectory.course_id = "{COURSE_ID}"',
             f'c.Exchange.root = os.environ.get("LAYERLAB_EXCHANGE", "{paths.exchange}")']
    lines += [f'c.ExchangeFactory.{name} = "layerlab.exchange.Exchange{cls}"'
              for name, cls in EXCHANGE_CLASSES.items()]
    return "\n".join(lines) + "\n"


def _write_hub_config(target: Path, paths: HubPaths) -> None:
    """The course's nbgrader_config.py with the hub's settings at its end (replaced, not added
    again, on later runs)."""
    config = target / "nbgrader_config.py"
    text = config.read_text().split(HUB_CONFIG_MARK)[0]
    config.write_text(text.rstrip("\n") + "\n\n" + exchange_config(paths))
    os.chown(config, *users.ids(INSTRUCTOR))


def _chown_tree(path: Path, uid: int, gid: int) -> None:
    os.chown(path, uid, gid)
    for parent, dirs, files in os.walk(path):
        for name in dirs + files:
            os.lchown(os.path.join(parent, name), uid, gid)


def ensure_course_dir(paths: HubPaths, refresh: bool = False) -> str:
    """Copy the course into the instructor's home (owned by them, 0700), unless it exists.

    With ``refresh`` the course files are copied again; the instructor's runtime state
    (gradebook.db, submitted/, autograded/, feedback/) is kept either way.
    """
    target = course_dir()
    if target.exists() and not refresh:
        _write_hub_config(target, paths)
        return f"reusing the course directory {target}"
    target.mkdir(exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "*.pyc")
    for name in COURSE_FILES:
        source, destination = REPO_ROOT / name, target / name
        if source.is_dir():
            shutil.copytree(source, destination, ignore=ignore, dirs_exist_ok=True)
        elif source.exists():
            shutil.copy2(source, destination)
    _write_hub_config(target, paths)
    uid, gid = users.ids(INSTRUCTOR)
    _chown_tree(target, uid, gid)
    os.chmod(target, 0o700)
    return f"copied the course into {target} (owner {INSTRUCTOR}, mode 0700)"


def _ensure_dir(path: Path, uid: int, gid: int, mode: int) -> None:
    path.mkdir(exist_ok=True)
    os.chown(path, uid, gid)
    os.chmod(path, mode)


def ensure_exchange(paths: HubPaths, students: tuple[str, ...]) -> str:
    """Create (or repair) the exchange's directories, owners and modes; one inbound per student."""
    root_ids = (0, 0)
    instructor_uid, _ = users.ids(INSTRUCTOR)
    graders = users.group_id(GRADERS_GROUP)
    _ensure_dir(paths.exchange, *root_ids, 0o755)
    course = paths.course_exchange
    _ensure_dir(course, instructor_uid, graders, 0o755)
    _ensure_dir(course / "outbound", instructor_uid, graders, 0o755)
    _ensure_dir(course / "feedback", instructor_uid, graders, 0o711)
    inbound = course / "inbound"
    _ensure_dir(inbound, instructor_uid, graders, 0o751)
    for student in students:
        student_uid, _ = users.ids(student)
        _ensure_dir(inbound / student, student_uid, graders, 0o750)
    return (f"exchange {paths.exchange}: outbound, feedback, and an inbound directory for each of "
            f"{len(students)} students (owner: the student, group {GRADERS_GROUP}, mode 0750)")
