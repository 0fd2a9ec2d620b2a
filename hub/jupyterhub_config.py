"""JupyterHub configuration of layerlab's demo course (``make hub``; run as root).

Students and the instructor are system users created by ``python -m hubsetup``; each server runs
as its user (LocalProcessSpawner, setuid) from the environment the set-up built. The demo logs in
with one shared password (SharedPasswordAuthenticator) and only the course's accounts; README "Running a
class on JupyterHub" says what to use in production.
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hubsetup.settings import (  # noqa: E402
    DEMO_PASSWORD, DEMO_STUDENTS, HUB_IP, HUB_PORT, INSTRUCTOR, REPO_ROOT, HubPaths,
    course_dir, student_names)

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)
paths = HubPaths.from_environment()
students = student_names(int(os.environ.get("LAYERLAB_HUB_STUDENTS", len(DEMO_STUDENTS))))

c.JupyterHub.ip = os.environ.get("LAYERLAB_HUB_IP", HUB_IP)
c.JupyterHub.port = int(os.environ.get("LAYERLAB_HUB_PORT", HUB_PORT))
c.JupyterHub.hub_port = int(os.environ.get("LAYERLAB_HUB_API_PORT", 8081))
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{}".format(
    os.environ.get("LAYERLAB_HUB_PROXY_API_PORT", 8001))
c.ConfigurableHTTPProxy.command = [str(REPO_ROOT / "hub" / "node_modules" / ".bin"
                                       / "configurable-http-proxy")]
c.JupyterHub.db_url = "sqlite:///" + str(paths.state / "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = str(paths.state / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(paths.state / "jupyterhub-proxy.pid")

c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ.get("LAYERLAB_HUB_PASSWORD", DEMO_PASSWORD)
c.Authenticator.allowed_users = {INSTRUCTOR, *students}
# Nobody in the course is a hub admin: an admin may open anyone's server, and so act as a student.
c.Authenticator.admin_users = set()

c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.Spawner.cmd = [str(paths.env / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120  # a cold JupyterLab on a busy 2-core machine
c.Spawner.http_timeout = 120
c.Spawner.environment = {
    # nbgrader's formgrader runs alembic by name: the environment's scripts come first
    "PATH": f"{paths.env / 'bin'}:/usr/local/bin:/usr/bin:/bin",
    "LAYERLAB_EXCHANGE": str(paths.exchange),  # read by the nbgrader config the set-up wrote
}
c.Spawner.args = [
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    "--LabApp.extension_manager=readonly",
    # notebooks open without a "modified" mark, as in `make lab` and the student kit
    "--ServerApp.contents_manager_class=layerlab.contents.CourseContentsManager",
]


def per_user(spawner):
    """The instructor's file browser opens on the course directory; a student's on their home,
    where fetched assignments land."""
    name = spawner.user.name
    spawner.notebook_dir = str(course_dir()) if name == INSTRUCTOR else "~"


c.Spawner.pre_spawn_hook = per_user

# Tests and benchmarks drive the hub through its REST API with a token they choose (never set in
# a real course): a service that may start and stop servers and issue the course users' tokens.
service_token = os.environ.get("LAYERLAB_HUB_SERVICE_TOKEN")
if service_token:
    c.JupyterHub.services = [{"name": "course-driver", "api_token": service_token}]
    c.JupyterHub.load_roles = [{
        "name": "course-driver",
        "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "list:users"],
        "services": ["course-driver"],
    }]
