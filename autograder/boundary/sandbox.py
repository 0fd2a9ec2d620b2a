"""The worker's sandbox: bubblewrap namespaces, an unprivileged user, and resource limits.

What one sandboxed worker sees and may do:

- its own mount namespace holding, read-only, the system (``/usr``, ``/etc`` and the ``/bin``,
  ``/lib*`` links), the Python installation and virtual environment that run the grader, the
  ``layerlab`` package stripped of its hidden cases, the worker's files (:data:`WORKER_FILES`)
  and a private copy of the data sets (the package and the worker's files as byte-compiled copies
  made once per content, :mod:`bytecode`, so that no worker compiles them again); a private
  ``/tmp`` and a home ``/home/student`` on size-limited in-memory file
  systems, the home holding the submission's files read-only. Nothing else of the machine exists
  in it: not ``source/``, not the ``autograder`` package, not the instructor's layerlab (hidden
  cases), not the gradebook, not
  ``submitted/``, ``autograded/`` or ``feedback/``;
- its own network namespace (no interface but an unconnected loopback), PID namespace (it cannot
  see or signal the grader; every process it starts dies with it), IPC and UTS namespaces;
- an unprivileged user: when the grader runs as root, the worker runs as a user id of its own that
  no account owns (:func:`worker_user`), with no capabilities and ``no_new_privs`` (``setpriv``
  inside the sandbox, after bubblewrap has set it up);
- resource limits (``setrlimit``, :mod:`worker_limits`): address space, CPU time, processes, file size, open files, no
  core dumps.

bubblewrap must be installed (Debian: ``apt-get install bubblewrap``). :func:`probe` tries it once;
where it is missing or does not work the grader refuses to run unless the instructor asks for an
``--insecure`` run (see :data:`UNPROTECTED`).
"""

from __future__ import annotations

import functools
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from autograder.boundary import bytecode
from autograder.boundary.worker_limits import (NOBODY, Limits, apply_limits, as_root, drop_privileges,
                                               processes_of)
from autograder.build.strip_hidden import stripped_package

HOME = "/home/student"
WORKER_DIR = "/opt/layerlab-worker"
DATA_DIR = "/opt/layerlab-data"
#: holds only a stripped copy of the ``layerlab`` package the grader itself imported (see :func:`wrap`)
PACKAGE_DIR = "/opt/layerlab-package"
#: where the stripped layerlab package appears inside the sandbox
PACKAGE_MOUNT = f"{PACKAGE_DIR}/layerlab"
#: the folder of the data directory that holds matplotlib's font list (see execute.py)
FONT_CACHE = "matplotlib"
#: the files next to ``worker.py`` that it imports (standard library and NumPy only), mounted with it
WORKER_FILES = ("protocol.py", "worker_errors.py", "worker_inputs.py", "worker_outputs.py", "worker_plots.py")
#: what an ``--insecure`` run does not protect, said loudly at its start.
UNPROTECTED = (
    "the student's code runs with YOUR permissions: it can read the solutions in source/, the hidden "
    "cases and the gradebook, write any of your files (other students' results included), open "
    "network connections and signal your processes. Only the time limits and the plain-data "
    "boundary still hold. Use --insecure only for submissions you trust, or install bubblewrap "
    "(Debian/Ubuntu: apt-get install bubblewrap).")


class SandboxError(RuntimeError):
    """The sandbox cannot be used on this machine (the message says why and what to do)."""


#: where distributions install bubblewrap; found there but not on PATH, it is "not on PATH"
BWRAP_PLACES = ("/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap")


@functools.lru_cache(maxsize=None)
def probe() -> str | None:
    """None when bubblewrap works here, else why not (a sentence for the instructor)."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        elsewhere = [place for place in BWRAP_PLACES if os.access(place, os.X_OK)]
        if elsewhere:
            return (f"bubblewrap is installed ({elsewhere[0]}) but `bwrap` is not on PATH "
                    f"({os.environ.get('PATH', '')}): add {os.path.dirname(elsewhere[0])} to PATH")
        return ("bubblewrap (bwrap) is not installed, so student code cannot be isolated: install it "
                "(Debian/Ubuntu: apt-get install bubblewrap)")
    if as_root() and shutil.which("setpriv") is None:
        return ("`setpriv` is not on PATH: run as root, the grader needs it (util-linux) to run "
                "student code as an unprivileged user inside the sandbox; install util-linux "
                "(Debian/Ubuntu: apt-get install util-linux) or add its folder to PATH")
    argv = _bwrap_argv(bwrap, {}, Path(HOME), []) + ["--", *drop_privileges(), "true"]
    try:
        proc = subprocess.run(argv, capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap ({bwrap}) could not be started ({exc})"
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()[-500:]
        if as_root():
            return f"bubblewrap ({bwrap}) could not create a sandbox here: {err}"
        return (f"bubblewrap ({bwrap}) cannot create a sandbox here ({err}); run unprivileged, it "
                f"needs user namespaces (sysctl kernel.unprivileged_userns_clone=1), or run the "
                f"grader as root")
    return None


def wrap(argv: list[str], env: dict[str, str], home_files: dict[str, Path], data_dir: Path | None,
         limits: Limits, uid: int = NOBODY, package: Path | None = None,
         ) -> tuple[list[str], dict[str, str], dict]:
    """The sandboxed form of a worker command.

    argv:        the worker's own command, ``[python, "-I", WORKER_SCRIPT]``; the script and the
                 files next to it that it imports (:data:`WORKER_FILES`) are mounted at
                 :data:`WORKER_DIR`
    env:         the worker's environment (paths in it are rewritten for the sandbox)
    home_files:  path inside the home -> file on this machine (mounted read-only)
    data_dir:    a directory of data sets, mounted read-only at :data:`DATA_DIR`
    package:     the ``layerlab`` package folder the worker imports: its stripped copy (no hidden
                 case, see :mod:`autograder.build.strip_hidden`; made once per content) is
                 mounted read-only at :data:`PACKAGE_DIR` ``/layerlab`` (the worker puts that
                 folder first on its path), and over ``package`` itself when that lies in the
                 mounted Python environment (a regular install)
    returns      (argv, env, keyword arguments for ``subprocess.Popen``)
    """
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxError(probe() or "bubblewrap is not installed")
    script = Path(argv[2])
    own, worker_dir = _worker_files(script)  # one mount, with the modules' bytecode
    if worker_dir is not None:
        binds = {str(worker_dir): WORKER_DIR}
    else:
        binds = {str(path): f"{WORKER_DIR}/{name}" for name, path in own.items()}
    for relative, source in home_files.items():
        binds[str(source)] = f"{HOME}/{relative}"
    if data_dir is not None:
        binds[str(data_dir)] = DATA_DIR
    dirs = sorted({str(Path(HOME, r).parent) for r in home_files} - {HOME})
    if package is not None:
        shown = _package_copy(Path(package))
        binds[str(shown)] = PACKAGE_MOUNT
        if _inside(Path(package), _python_dirs()):
            # an installed (not editable) layerlab lies in the environment mounted above: the
            # stripped copy covers it there too ("/." only makes the key distinct)
            binds[f"{shown}/."] = str(package)
    inner = [argv[0], *argv[1:2], f"{WORKER_DIR}/{script.name}", *argv[3:]]
    if package is not None:
        inner.append(PACKAGE_DIR)
    inner = [*drop_privileges(uid), *inner]
    full = _bwrap_argv(bwrap, binds, Path(HOME), dirs, limits) + ["--"] + inner
    new_env = dict(env)
    new_env.update({"HOME": HOME, "TMPDIR": "/tmp", "MPLCONFIGDIR": f"{HOME}/.matplotlib",
                    "IPYTHONDIR": f"{HOME}/.ipython"})
    if data_dir is not None:
        new_env["LAYERLAB_CACHE"] = f"{DATA_DIR}/cache"
        new_env["LAYERLAB_FONT_CACHE"] = f"{DATA_DIR}/{FONT_CACHE}"
        if (data_dir / "cat").is_dir():
            new_env["LAYERLAB_CAT_DATA"] = f"{DATA_DIR}/cat"
        else:
            new_env.pop("LAYERLAB_CAT_DATA", None)
    # the process limit counts every process of the worker's user: as a user id of its own that is
    # this worker only; as the instructor's own user, their other programs count too
    processes = limits.processes if as_root() else limits.processes + processes_of(os.getuid())
    return full, new_env, {"preexec_fn": functools.partial(apply_limits, limits, processes)}


def _bwrap_argv(bwrap: str, binds: dict[str, str], home: Path, dirs: list[str],
                limits: Limits | None = None) -> list[str]:
    """bubblewrap's options: namespaces, the read-only system, the mounts in ``binds``."""
    limits = limits or Limits()
    argv = [bwrap, "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
            "--unshare-cgroup-try", "--die-with-parent", "--new-session"]
    system = ["/usr", "/etc"]
    for name in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        path = Path(name)
        if path.is_symlink():
            argv += ["--symlink", os.readlink(path), name]
        elif path.is_dir():
            system.append(name)
    readonly = system + _python_dirs()
    argv += ["--proc", "/proc", "--dev", "/dev",
             "--size", str(limits.home_size), "--perms", "1777", "--tmpfs", "/tmp"]
    # parents of the mount points readable by the unprivileged user (bubblewrap makes them 0700)
    parents = sorted({str(p) for target in [*readonly, *binds.values(), WORKER_DIR, DATA_DIR]
                      for p in Path(target).parents} - {"/", "/tmp", str(home)})
    for parent in parents:
        if not parent.startswith(str(home) + "/"):
            argv += ["--perms", "0755", "--dir", parent]
    for path in readonly:
        argv += ["--ro-bind", path, path]
    argv += ["--size", str(limits.home_size), "--perms", "1777", "--tmpfs", str(home)]
    for folder in dirs:
        argv += ["--perms", "1777", "--dir", folder]
    for source, target in binds.items():
        argv += ["--ro-bind", source, target]
    argv += ["--chdir", str(home)]
    return argv


@functools.lru_cache(maxsize=8)
def prepare(worker_script: Path, package: Path | None) -> None:
    """Make what :func:`wrap` mounts and caches per content, ahead of time: the worker's compiled
    files and, for ``package`` (a layerlab folder), its stripped and compiled copy. The first
    grading after layerlab changed otherwise pays for them (a few seconds of CPU)."""
    _worker_files(worker_script)
    if package is not None:
        _package_copy(Path(package))


def _worker_files(script: Path) -> tuple[dict[str, Path], Path | None]:
    """(the worker's files by name, their compiled copy for one mount, or None if it can't be made)."""
    own = {name: script.with_name(name) for name in (script.name, *WORKER_FILES)}
    return own, bytecode.compiled(own, WORKER_DIR)


def _package_copy(package: Path) -> Path:
    """The folder mounted as layerlab: the stripped copy of ``package``, compiled when possible."""
    stripped = stripped_package(package)
    return bytecode.compiled(_files_of_copy(stripped), PACKAGE_MOUNT) or stripped


def _files_of_copy(stripped: Path) -> dict[str, Path]:
    """The files of a stripped copy of layerlab, listed once per process: a copy never changes
    (a change of layerlab gives another folder)."""
    return bytecode.folder_files(stripped)


def _inside(path: Path, folders: list[str]) -> bool:
    """Whether ``path`` (resolved) is one of ``folders`` or below one of them."""
    path = Path(os.path.realpath(path))
    return any(path == Path(os.path.realpath(f)) or Path(os.path.realpath(f)) in path.parents
               for f in folders)


@functools.lru_cache(maxsize=None)
def _python_dirs() -> list[str]:
    """The Python installation and the virtual environment, outside /usr (the layerlab package is
    mounted on its own, see :func:`wrap`)."""
    candidates = {sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix,
                  str(Path(os.path.realpath(sys.executable)).parent.parent)}
    dirs = []
    for path in sorted(candidates, key=len):
        if path.startswith(("/usr/", "/etc/")) or path == "/usr":
            continue
        if any(path == d or path.startswith(d + "/") for d in dirs):
            continue
        dirs.append(path)
    return dirs


def prepare_data(folder: Path, cat_data: str | None, cache_dirs: list[Path]) -> Path:
    """A private, world-readable copy of the data sets a worker may load, in ``folder``:
    ``cache/<name>`` for each generated-data cache directory and ``cat/`` for a course-format data
    directory (``LAYERLAB_CAT_DATA``). The copy keeps the instructor's own files out of reach and
    readable by the unprivileged worker."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cache").mkdir(exist_ok=True)
    for source in cache_dirs:
        if source.is_dir():
            shutil.copytree(source, folder / "cache" / source.name, dirs_exist_ok=True)
    if cat_data and Path(cat_data).is_dir():
        shutil.copytree(cat_data, folder / "cat", dirs_exist_ok=True)
    make_readable(folder)
    return folder


def make_readable(root: Path) -> None:
    """Let any user read ``root`` and everything below it (the worker runs as ``nobody``)."""
    for dirpath, dirnames, filenames in os.walk(root):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            path = os.path.join(dirpath, name)
            os.chmod(path, os.stat(path).st_mode | stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
