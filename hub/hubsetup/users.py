"""System users and groups of the course (useradd/groupadd; run as root)."""
from __future__ import annotations

import grp
import json
import os
import pwd
import subprocess
from pathlib import Path


def run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): "
                         f"{(result.stderr or result.stdout).strip()}")


def ensure_group(name: str) -> bool:
    """Create the group if missing; True if it was created."""
    try:
        grp.getgrnam(name)
        return False
    except KeyError:
        run(["groupadd", name])
        return True


def ensure_user(name: str, groups: list[str]) -> bool:
    """Create a login user with a private home (0700) in ``groups``; True if it was created.

    An existing user is reused and only added to the groups it lacks.
    """
    created = False
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        run(["useradd", "--create-home", "--shell", "/bin/bash", "--groups", ",".join(groups), name])
        entry, created = pwd.getpwnam(name), True
    member_of = {g.gr_name for g in grp.getgrall() if name in g.gr_mem}
    missing = [g for g in groups if g not in member_of]
    if missing:
        run(["usermod", "--append", "--groups", ",".join(missing), name])
    os.chmod(entry.pw_dir, 0o700)  # no student reads another's home, nor the instructor's
    quiet_lab_settings(name)
    return created


def quiet_lab_settings(name: str) -> None:
    """No "get notified about Jupyter news?" toast: the hub's servers never fetch news."""
    entry = pwd.getpwnam(name)
    path = Path(entry.pw_dir) / ".jupyter/lab/user-settings/@jupyterlab/apputils-extension"
    if (path / "notification.jupyterlab-settings").exists():
        return
    path.mkdir(parents=True, exist_ok=True)
    (path / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    for parent in [path, *list(path.relative_to(entry.pw_dir).parents)[:-1]]:
        target = parent if parent.is_absolute() else Path(entry.pw_dir) / parent
        os.chown(target, entry.pw_uid, entry.pw_gid)
    os.chown(path / "notification.jupyterlab-settings", entry.pw_uid, entry.pw_gid)


def ids(name: str) -> tuple[int, int]:
    entry = pwd.getpwnam(name)
    return entry.pw_uid, entry.pw_gid


def group_id(name: str) -> int:
    return grp.getgrnam(name).gr_gid
