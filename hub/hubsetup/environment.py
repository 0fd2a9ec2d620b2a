"""The single-user servers' environment: a venv with the layerlab wheel, JupyterLab, nbgrader and
jupyterhub-singleuser (the hub's own jupyterhub version).

Students get nbgrader's student panels only: the Formgrader, Create Assignment and Course List
are disabled in the environment's own config (``--sys-prefix``); the instructor's user config
enables them again for the instructor alone.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from . import users
from .course import exchange_config
from .settings import INSTRUCTOR, REPO_ROOT, HubPaths, course_dir, home_of

INSTRUCTOR_LAB_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                          "@jupyter/nbgrader:course-list")
INSTRUCTOR_SERVER_EXTENSIONS = ("nbgrader.server_extensions.formgrader",
                                "nbgrader.server_extensions.course_list")
STAMP = ".layerlab-hub-stamp"
# The servers run as the course's users, so their interpreter must be readable by everyone: the
# system's Python, not one under root's home (pyenv); LAYERLAB_HUB_PYTHON chooses another.
DEFAULT_PYTHON = "/usr/bin/python3"


def base_python() -> str:
    python = os.environ.get("LAYERLAB_HUB_PYTHON", DEFAULT_PYTHON)
    if not os.access(python, os.X_OK):
        raise SystemExit(f"{python} not found: the students' environment needs a Python 3.10+ "
                         "every user can run (apt-get install python3 python3-venv, or set "
                         "LAYERLAB_HUB_PYTHON)")
    return python


def fingerprint() -> str:
    """A hash of what goes into the environment: the package's files and the pins."""
    import tomllib

    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    digest = hashlib.sha256(version("jupyterhub").encode())
    digest.update(json.dumps(project["dependencies"]).encode())
    for path in sorted((REPO_ROOT / "layerlab").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(REPO_ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _run(command: list, **kwargs) -> None:
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True,
                            **kwargs)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed ({result.returncode}):\n"
                         f"{(result.stderr or result.stdout)[-3000:]}")


def build_wheel(paths: HubPaths) -> Path:
    """The servers' wheel, built from a copy of the project whose ``layerlab`` is stripped of its
    hidden cases (:func:`autograder.build.strip_hidden.strip_package`): the students' servers
    never hold them."""
    from autograder.build.strip_hidden import IGNORED, strip_package

    paths.wheels.mkdir(parents=True, exist_ok=True)
    for old in paths.wheels.glob("layerlab-*.whl"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="layerlab-hub-wheel-") as tmp:
        project = Path(tmp)
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(REPO_ROOT / name, project / name)
        shutil.copytree(REPO_ROOT / "autograder", project / "autograder", ignore=IGNORED)
        strip_package(REPO_ROOT / "layerlab", project / "layerlab")
        _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", paths.wheels,
              project])
    (wheel,) = paths.wheels.glob("layerlab-*.whl")
    return wheel


def ensure_environment(paths: HubPaths) -> str:
    """Create or update the environment; reuse it when the package and pins are unchanged.
    One set-up at a time builds it (``make hub`` and the tests may share it)."""
    paths.env.parent.mkdir(parents=True, exist_ok=True)
    with open(paths.env.parent / f".{paths.env.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _ensure_environment(paths)


def _ensure_environment(paths: HubPaths) -> str:
    stamp = paths.env / STAMP
    wanted = fingerprint()
    if stamp.exists() and stamp.read_text() == wanted:
        write_config(paths)
        return f"reusing the servers' environment {paths.env}"
    if not (paths.env / "bin" / "python").exists():
        _run([base_python(), "-m", "venv", paths.env])
    pip = [paths.env / "bin" / "python", "-m", "pip", "install", "--quiet"]
    _run(pip + ["--upgrade", "pip"])
    wheel = build_wheel(paths)
    _run(pip + ["--force-reinstall", "--no-deps", wheel])
    _run(pip + [wheel, f"jupyterhub=={version('jupyterhub')}"])
    jupyter = paths.env / "bin" / "jupyter"
    _run([jupyter, "labextension", "disable", "--level=sys_prefix", *INSTRUCTOR_LAB_PLUGINS])
    for extension in INSTRUCTOR_SERVER_EXTENSIONS:
        _run([jupyter, "server", "extension", "disable", "--sys-prefix", extension])
    write_config(paths)
    stamp.write_text(wanted)
    return (f"built the servers' environment {paths.env} ({wheel.name}, jupyterhub "
            f"{version('jupyterhub')}; Formgrader, Create Assignment, Course List disabled)")


def write_config(paths: HubPaths) -> None:
    """The environment's nbgrader config: every server of the hub uses the course's exchange."""
    config_dir = paths.env / "etc" / "jupyter"
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "nbgrader_config.py").write_text(
        "# Written by hub/hubsetup: every server of the hub uses the course's exchange.\n"
        "c = get_config()  # noqa: F821\n" + exchange_config(paths))


def configure_instructor() -> str:
    """The instructor's user config turns the instructor panels back on, for them only, and
    points nbgrader at the course directory wherever the instructor runs it (the server runs in
    the home directory)."""
    config = home_of(INSTRUCTOR) / ".jupyter"
    lab = config / "labconfig"
    lab.mkdir(parents=True, exist_ok=True)
    (lab / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {plugin: False for plugin in INSTRUCTOR_LAB_PLUGINS}}, indent=1))
    (config / "jupyter_server_config.json").write_text(json.dumps(
        {"ServerApp": {"jpserver_extensions": {e: True for e in INSTRUCTOR_SERVER_EXTENSIONS}}},
        indent=1))
    (config / "nbgrader_config.py").write_text(
        "# Written by hub/hubsetup: the course's own configuration, from any directory.\n"
        "c = get_config()  # noqa: F821\n"
        f"load_subconfig({str(course_dir() / 'nbgrader_config.py')!r})  # noqa: F821\n")
    uid, gid = users.ids(INSTRUCTOR)
    for path in (config, lab, lab / "page_config.json", config / "jupyter_server_config.json",
                 config / "nbgrader_config.py"):
        os.chown(path, uid, gid)
    return (f"enabled the Formgrader, Create Assignment and Course List for {INSTRUCTOR}, "
            f"with the course {course_dir()}")
