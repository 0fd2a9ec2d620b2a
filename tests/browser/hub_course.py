"""A real JupyterHub running the demo course, for tests/browser/test_hub_course.py.

``start_course_hub()`` does what ``make hub`` does (``python -m hubsetup``, then ``jupyterhub``
with hub/jupyterhub_config.py), with an exchange and a hub state of its own in a temporary
directory and ports of its own, and the servers' environment shared with ``make hub``
(``LAYERLAB_HUB_ENV``, default ``/srv/layerlab-hub/env``: built on the first run, about 2 minutes,
then reused). It resets the course users' state first: the instructor's course directory is
copied again and its gradebook, submissions and feedback removed, and the students' fetched
assignments and nbgrader caches deleted. A lock file keeps two test processes from using the
course's users at once.

Needs root (it creates system users), node/npm (configurable-http-proxy) and jupyterhub.
"""
from __future__ import annotations

import fcntl
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
HUB_DIR = REPO_ROOT / "hub"
sys.path.insert(0, str(HUB_DIR))

from hubclient import Hub  # noqa: E402
from hubsetup.settings import (  # noqa: E402
    COURSE_ID, DEMO_PASSWORD, INSTRUCTOR, course_dir, home_of, student_names)

STUDENTS = student_names(2)
SHARED_ENV = os.environ.get("LAYERLAB_HUB_ENV", "/srv/layerlab-hub/env")
LOCK_PATH = Path(tempfile.gettempdir()) / "layerlab-hub-tests.lock"
SETUP_TIMEOUT = 900  # seconds: the first run builds the servers' environment with pip
HUB_START_TIMEOUT = 60
PROXY = HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
INSTRUCTOR_STATE = ("gradebook.db", "submitted", "autograded", "feedback")


def missing_requirement() -> str | None:
    """Why the hub cannot run here (a reason to skip), or None."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "the hub's set-up creates system users (useradd) and must run as root"
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        return "jupyterhub is not installed (pip install -e '.[hub]')"
    if not PROXY.exists() and shutil.which("npm") is None:
        return "configurable-http-proxy needs node and npm (apt-get install nodejs npm)"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(command: list[str], env: dict, cwd: Path, timeout: float) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n"
                           f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def reset_course_users() -> None:
    """Remove what earlier runs (or a demo) left: the cycle must start from nothing."""
    course = course_dir()
    for name in INSTRUCTOR_STATE:
        path = course / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    for student in STUDENTS:
        home = home_of(student)
        for path in (home / "week2_numpy_basics", home / ".local/share/jupyter/nbgrader_cache"):
            shutil.rmtree(path, ignore_errors=True)


@dataclass
class CourseHub:
    url: str  # http://127.0.0.1:PORT, no trailing slash
    hub: Hub
    root: Path  # LAYERLAB_HUB_ROOT of this hub: exchange/ and state/
    log_path: Path
    process: subprocess.Popen = field(repr=False)
    password: str = DEMO_PASSWORD

    @property
    def exchange(self) -> Path:
        return self.root / "exchange" / COURSE_ID

    def log(self, tail: int = 6000) -> str:
        return self.log_path.read_text(errors="replace")[-tail:]


def _wait_until_up(hub: CourseHub) -> None:
    deadline = time.monotonic() + HUB_START_TIMEOUT
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            raise RuntimeError(f"jupyterhub exited ({hub.process.returncode}):\n{hub.log()}")
        try:
            hub.hub.api("users")
            return
        except (urllib.error.URLError, OSError, RuntimeError):
            time.sleep(0.5)
    raise RuntimeError(f"jupyterhub did not answer in {HUB_START_TIMEOUT} s:\n{hub.log()}")


def start_course_hub():
    """Context manager body: set up, start, yield a CourseHub, stop and clean up."""
    lock = open(LOCK_PATH, "w")
    fcntl.flock(lock, fcntl.LOCK_EX)  # held until the hub is stopped
    root = Path(tempfile.mkdtemp(prefix="layerlab-hub-"))
    os.chmod(root, 0o755)  # the servers (the course's users) reach the exchange inside
    token = secrets.token_hex(32)
    env = dict(os.environ, LAYERLAB_HUB_ROOT=str(root), LAYERLAB_HUB_ENV=SHARED_ENV,
               LAYERLAB_HUB_STUDENTS=str(len(STUDENTS)), LAYERLAB_HUB_SERVICE_TOKEN=token,
               LAYERLAB_HUB_PORT=str(_free_port()), LAYERLAB_HUB_API_PORT=str(_free_port()),
               LAYERLAB_HUB_PROXY_API_PORT=str(_free_port()))
    process = None
    try:
        if not PROXY.exists():
            _run(["npm", "ci", "--no-audit", "--no-fund"], env, HUB_DIR, SETUP_TIMEOUT)
        _run([sys.executable, "-m", "hubsetup", "--students", str(len(STUDENTS)),
              "--refresh-course"], env, HUB_DIR, SETUP_TIMEOUT)
        reset_course_users()
        log_path = root / "jupyterhub.log"
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(HUB_DIR / "jupyterhub_config.py")],
                cwd=root / "state", env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)
        url = f"http://127.0.0.1:{env['LAYERLAB_HUB_PORT']}"
        course_hub = CourseHub(url, Hub(url, token), root, log_path, process)
        _wait_until_up(course_hub)
        yield course_hub
    finally:
        if process is not None:
            _stop(process)
        shutil.rmtree(root, ignore_errors=True)
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM: JupyterHub stops the servers it spawned and its proxy, then exits."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def all_users() -> tuple[str, ...]:
    return (INSTRUCTOR, *STUDENTS)
