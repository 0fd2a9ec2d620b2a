"""Fixtures for tests that drive layerlab's JupyterLab in a real headless Chromium.

``lab_server`` starts what ``make lab`` starts (``jupyter lab --ServerApp.root_dir=.
--LabApp.default_url=/lab/tree/assignments --ServerApp.contents_manager_class=...`` from the repository root, the course directory with
nbgrader_config.py), on 127.0.0.1 with a random token, once per test module. ``browser`` launches
Debian's Chromium through Playwright, once per module; ``lab_page`` gives each test a fresh
browser context with JupyterLab loaded on ``assignments/``. ``screenshot`` saves a PNG under
``test-artifacts/browser/`` (git-ignored) at the repository root.

These tests skip, with the reason, when /usr/bin/chromium or the Python package playwright is
missing (``apt-get install chromium`` and the ``[test]`` extra provide them; CI installs both).
Playwright's own browser download is never used: Chromium is always /usr/bin/chromium.
"""
from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts" / "browser"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 1400, "height": 900}
SERVER_START_TIMEOUT = 120  # seconds; a cold start imports nbgrader and JupyterLab on 2 cores
# Playwright timeouts in milliseconds: JupyterLab's first load takes 5-20 s on a 2-core machine.
DEFAULT_TIMEOUT_MS = 60_000
LAB_READY_TIMEOUT_MS = 90_000
EXPECT_TIMEOUT_MS = 30_000  # default for Playwright's expect() (its own default is 5 s)

# Runtime state that nbgrader keeps in the course directory (both git-ignored). The fixture
# removes them at the end if they did not exist before it started (see _CourseRuntime).
GRADEBOOK = REPO_ROOT / "gradebook.db"
EXCHANGE = REPO_ROOT / ".exchange"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class LabServer:
    """A running ``jupyter lab`` for the course; what the tests need to reach it."""

    base_url: str  # http://127.0.0.1:PORT, no trailing slash
    token: str
    root_dir: Path
    log_path: Path
    process: subprocess.Popen = field(repr=False)

    def url(self, path: str = "/") -> str:
        """Absolute URL of ``path`` on this server (no token: the browser has a login cookie)."""
        return self.base_url + "/" + path.lstrip("/")

    def login_url(self, path: str = "/") -> str:
        """URL that logs the browser in with the token, as the URL ``jupyter lab`` prints does."""
        sep = "&" if "?" in path else "?"
        return f"{self.url(path)}{sep}token={self.token}"

    def api(self, path: str, method: str = "GET", timeout: float = 30):
        """Call the server's REST API with the token; return the decoded JSON body (or None)."""
        request = urllib.request.Request(
            self.url(path), method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shut_down_kernels(self, notebook_path: str) -> None:
        """End the sessions (and kernels) of the notebook at ``notebook_path`` (relative to the
        server's root): the server is shared by a module's tests. Best effort."""
        try:
            for session in self.api("/api/sessions"):
                if session.get("path") == notebook_path:
                    self.api(f"/api/sessions/{session['id']}", method="DELETE")
        except OSError:
            pass

    def log(self, tail_chars: int = 6000) -> str:
        """The server's combined stdout/stderr so far (the end of it), for failure messages."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError as exc:
            return f"<no server log: {exc}>"
        return text[-tail_chars:]


class _CourseRuntime:
    """What a working ``make lab`` needs besides the command line, and undoing what we added.

    * nbgrader's Gradebook runs the ``alembic`` console script found on PATH: the server gets
      the environment's scripts directory first on PATH, as an activated virtualenv/conda env has.
    * The Assignment List (and the Formgrader's release/collect) need the course-local exchange
      ``.exchange`` of nbgrader_config.py to exist; nbgrader only creates it on the first
      ``nbgrader release_assignment``. It is created here (mode 0777, as nbgrader does) if missing.
    * Opening the Formgrader creates ``gradebook.db``.
    Both are git-ignored; whatever of them this fixture created is removed at the end (the
    exchange only while still empty), so the work tree is left as found. Under pytest-xdist,
    where another worker's server may still be using them, they are left in place.
    """

    def __init__(self) -> None:
        self.gradebook_existed = GRADEBOOK.exists()
        self.exchange_existed = EXCHANGE.exists()

    def prepare(self) -> None:
        if not self.exchange_existed:
            EXCHANGE.mkdir(mode=0o777, exist_ok=True)
            os.chmod(EXCHANGE, 0o777)

    def restore(self) -> None:
        if os.environ.get("PYTEST_XDIST_WORKER"):
            return
        if not self.gradebook_existed:
            for path in (GRADEBOOK, GRADEBOOK.with_name(GRADEBOOK.name + "-journal")):
                try:
                    path.unlink()
                except FileNotFoundError:
                    pass
        if not self.exchange_existed:
            try:
                EXCHANGE.rmdir()  # only if still empty: never delete anything released into it
            except OSError:
                pass


#: exactly what `make lab` runs
MAKE_LAB = [sys.executable, "-m", "jupyter", "lab", "--ServerApp.root_dir=.",
            "--LabApp.default_url=/lab/tree/assignments",
            "--ServerApp.contents_manager_class=layerlab.contents.CourseContentsManager",
            "--LabApp.app_settings_dir=lab-settings"]


def _server_command(port: int, token: str, scratch: Path, start: list[str] = MAKE_LAB) -> list[str]:
    command = [
        *start,
        # headless, local, on our own port and token:
        "--no-browser",
        "--ServerApp.open_browser=False",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",  # fail instead of silently moving to another port
        f"--IdentityProvider.token={token}",
        # keep the user's JupyterLab state out, and keep ours out of the repository:
        f"--LabApp.workspaces_dir={scratch / 'workspaces'}",
        f"--LabApp.user_settings_dir={scratch / 'user-settings'}",
        f"--FileCheckpoints.checkpoint_dir={scratch / 'checkpoints'}",  # no .ipynb_checkpoints/
        # everything stays on 127.0.0.1: no PyPI look-ups, news feed or update check
        "--LabApp.extension_manager=readonly",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if _is_root():  # Jupyter refuses to start as root without it (CI and containers run as root)
        command.append("--ServerApp.allow_root=True")
    return command


def _server_env(scratch: Path) -> dict[str, str]:
    env = os.environ.copy()
    scripts = sysconfig.get_path("scripts") or os.path.dirname(sys.executable)
    env["PATH"] = scripts + os.pathsep + env.get("PATH", "")
    # User-level config and runtime files go to scratch; the environment's own share/jupyter and
    # etc/jupyter (the nbgrader lab and server extensions) are still found through sys.prefix.
    env["JUPYTER_CONFIG_DIR"] = str(scratch / "config")
    env["JUPYTER_RUNTIME_DIR"] = str(scratch / "runtime")
    env.pop("JUPYTER_TOKEN", None)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _write_user_settings(settings_dir: Path) -> None:
    # No autosave: a notebook opened by a test must never be written back into assignments/.
    docmanager = settings_dir / "@jupyterlab" / "docmanager-extension"
    docmanager.mkdir(parents=True, exist_ok=True)
    (docmanager / "plugin.jupyterlab-settings").write_text(json.dumps({"autosave": False}))
    # No "get notified about Jupyter news?" toast over the notebook in the screenshots.
    notification = settings_dir / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True, exist_ok=True)
    (notification / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()  # Jupyter shuts its kernels down on SIGTERM
    try:
        process.wait(timeout=15)
        return
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # its own session: the server and its kernels
    except (ProcessLookupError, PermissionError):
        process.kill()
    process.wait(timeout=10)


def _start(scratch: Path, start: list[str] = MAKE_LAB, root: Path = REPO_ROOT) -> LabServer:
    """Start one server (``start`` and the headless options, in ``root``); raise RuntimeError
    (with its log) if it never answers /api/status."""
    port, token = _free_port(), secrets.token_hex(16)
    log_path = scratch / f"jupyter-lab-{port}.log"
    with open(log_path, "wb") as log_file:
        process = subprocess.Popen(
            _server_command(port, token, scratch, start),
            cwd=root,
            env=_server_env(scratch),
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = LabServer(f"http://127.0.0.1:{port}", token, root, log_path, process)
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if process.poll() is not None:
            raise RuntimeError(
                f"jupyter lab exited with code {process.returncode} before answering "
                f"/api/status.\n--- server log ---\n{server.log()}"
            )
        try:
            status = server.api("/api/status", timeout=5)
            if isinstance(status, dict) and "started" in status:
                return server
        except (urllib.error.URLError, ConnectionError, OSError, ValueError):
            pass
        if time.monotonic() > deadline:
            _stop(process)
            raise RuntimeError(
                f"jupyter lab did not answer {server.url('/api/status')} within "
                f"{SERVER_START_TIMEOUT} s.\n--- server log ---\n{server.log()}"
            )
        time.sleep(0.25)


@contextlib.contextmanager
def serve_lab(root: Path = REPO_ROOT, start: list[str] = MAKE_LAB):
    """``jupyter lab`` started as ``make lab`` starts it (or with the command ``start`` instead),
    in the course folder ``root``.

    Runs ``sys.executable -m jupyter lab`` (the tests' own environment) with cwd = ``root``, on
    127.0.0.1 at a free port with a random token, no browser. Yields a ``LabServer``
    (``url()``, ``login_url()``, ``api()``, ``log()``). Waits until ``/api/status`` answers and
    fails with the server log if it does not; always stops the server (terminate, then kill).
    Workspaces, user settings, checkpoints, user config and runtime files live in a temporary
    directory, so neither the user's JupyterLab state leaks in nor ours into the repository.
    """
    scratch = Path(tempfile.mkdtemp(prefix="layerlab-lab-"))
    for sub in ("workspaces", "user-settings", "checkpoints", "config", "runtime"):
        (scratch / sub).mkdir()
    _write_user_settings(scratch / "user-settings")
    server = None
    try:
        last_error = None
        for _ in range(3):  # a free port can be taken between probing and binding it
            try:
                server = _start(scratch, start, root)
                break
            except RuntimeError as exc:
                last_error = exc
                if "already in use" not in str(exc):
                    break
        if server is None:
            pytest.fail(str(last_error), pytrace=False)
        yield server
    finally:
        if server is not None:
            _stop(server.process)
        shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture(scope="module")
def lab_server():
    """The repository's course in JupyterLab (:func:`serve_lab`), shared by a module's tests."""
    runtime = _CourseRuntime()
    runtime.prepare()
    try:
        with serve_lab(REPO_ROOT) as server:
            yield server
    finally:
        runtime.restore()


@pytest.fixture(scope="session")
def lab_in():
    """:func:`serve_lab`, for a test module that serves a course folder of its own."""
    return serve_lab


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium (/usr/bin/chromium) driven by Playwright, shared by a module.

    Skips when /usr/bin/chromium or the playwright package is missing.
    """
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not found: install Debian's Chromium (apt-get install chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install 'playwright>=1.45,<2')"
    )
    sync_api.expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Remember each phase's outcome on the item, so lab_page can screenshot failures.
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture
def screenshot():
    """``screenshot(page, name)`` saves ``test-artifacts/browser/<name>.png``; returns its path."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)

    def save(page, name: str) -> Path:
        path = ARTIFACTS_DIR / f"{name}.png"
        page.screenshot(path=str(path))
        return path

    return save


@pytest.fixture
def lab_page(request, browser, lab_server):
    """A new browser context with JupyterLab loaded as a new user's browser opens it.

    Goes to the server's ``/`` with the token (the URL ``make lab`` opens), which redirects to
    the default URL ``/lab/tree/assignments``; ``reset`` starts from a fresh workspace, whatever
    earlier tests of the module opened. Waits until the shell, the file browser on
    ``assignments/`` and the launcher are there. ``page.server_errors`` lists every HTTP 5xx
    response the page (or one of its iframes) got. On failure, a screenshot is saved as
    ``test-artifacts/browser/FAILED-<test>.png``.
    """
    from playwright.sync_api import expect

    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    page.server_errors = []
    page.on(
        "response",
        lambda r: page.server_errors.append(f"{r.status} {r.request.method} {r.url}")
        if r.status >= 500 else None,
    )
    try:
        page.goto(lab_server.login_url("/?reset"), wait_until="domcontentloaded")
        expect(page.locator("#jp-main-dock-panel")).to_be_visible(timeout=LAB_READY_TIMEOUT_MS)
        expect(page.locator(".jp-FileBrowser .jp-BreadCrumbs")).to_contain_text(
            "assignments", timeout=LAB_READY_TIMEOUT_MS
        )
        expect(page.locator(".jp-Launcher")).to_be_visible(timeout=LAB_READY_TIMEOUT_MS)
        yield page
    finally:
        failed = getattr(request.node, "rep_call", None)
        if failed is not None and failed.failed:
            try:
                ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(ARTIFACTS_DIR / f"FAILED-{request.node.name}.png"))
            except Exception:  # noqa: BLE001 (best effort: never hide the real failure)
                pass
        context.close()

