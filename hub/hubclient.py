"""Drive a running hub through its REST API: start and stop servers, read and write users'
files, run code in a user's kernel. Used by tests/hub and benchmarks/hub_capacity.py.

The hub must have been started with ``LAYERLAB_HUB_SERVICE_TOKEN`` (jupyterhub_config.py then
registers the ``course-driver`` service with that token).
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import json
import time
import urllib.error
import urllib.request
import uuid


class HubError(RuntimeError):
    pass


def run_coroutine(coroutine):
    """Run ``coroutine`` to its end in a thread of its own: the caller may already be inside an
    event loop (Playwright's synchronous API runs one)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def request(url: str, token: str, method: str = "GET", body=None, timeout: float = 60):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Authorization": f"token {token}",
                                          "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            payload = response.read()
    except urllib.error.HTTPError as exc:
        raise HubError(f"{method} {url}: HTTP {exc.code} {exc.read()[:500]!r}") from exc
    return json.loads(payload) if payload else None


class Hub:
    def __init__(self, base_url: str, token: str):
        self.base_url = base_url.rstrip("/")
        self.token = token

    def api(self, path: str, method: str = "GET", body=None, timeout: float = 60):
        return request(f"{self.base_url}/hub/api/{path.lstrip('/')}", self.token, method, body,
                       timeout)

    def wait_until_up(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.api("users")
                return
            except (HubError, urllib.error.URLError, OSError):  # 404: the proxy has no route yet
                if time.monotonic() > deadline:
                    raise HubError(f"the hub at {self.base_url} did not answer in {timeout} s")
                time.sleep(0.5)

    def server_ready(self, user: str) -> bool:
        server = (self.api(f"users/{user}").get("servers") or {}).get("")
        return bool(server and server.get("ready"))

    def start(self, user: str, timeout: float = 180) -> float:
        """Start ``user``'s server (if it is not running); return the seconds until ready."""
        began = time.monotonic()
        if self.server_ready(user):
            return 0.0
        try:
            self.api(f"users/{user}/server", method="POST")
        except HubError as exc:
            if "HTTP 400" not in str(exc):  # 400: already pending
                raise
        while time.monotonic() - began < timeout:
            if self.server_ready(user):
                return time.monotonic() - began
            time.sleep(0.5)
        raise HubError(f"the server of {user} was not ready after {timeout} s")

    def stop(self, user: str, timeout: float = 60) -> None:
        self.api(f"users/{user}/server", method="DELETE")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not (self.api(f"users/{user}").get("servers") or {}):
                return
            time.sleep(0.5)

    def user(self, name: str) -> "UserServer":
        token = self.api(f"users/{name}/tokens", method="POST",
                         body={"note": "layerlab course driver", "expires_in": 3600,
                               "scopes": [f"access:servers!user={name}"]})["token"]
        return UserServer(self.base_url, name, token)


class UserServer:
    """One user's Jupyter server, reached through the hub's proxy with that user's token."""

    def __init__(self, base_url: str, name: str, token: str):
        self.base_url, self.name, self.token = base_url, name, token

    def api(self, path: str, method: str = "GET", body=None, timeout: float = 120):
        return request(f"{self.base_url}/user/{self.name}/{path.lstrip('/')}", self.token,
                       method, body, timeout)

    def read(self, path: str) -> dict:
        return self.api(f"api/contents/{path}?content=1")

    def write_notebook(self, path: str, notebook: dict) -> None:
        self.api(f"api/contents/{path}", method="PUT",
                 body={"type": "notebook", "format": "json", "content": notebook})

    def run(self, code: str, timeout: float = 120) -> dict:
        """Run ``code`` in a new kernel of this server; return its stdout, stderr and error."""
        kernel = self.api("api/kernels", method="POST", body={"name": "python3"})
        try:
            return run_coroutine(self.execute(kernel["id"], code, timeout))
        finally:
            self.api(f"api/kernels/{kernel['id']}", method="DELETE")

    async def execute(self, kernel_id: str, code: str, timeout: float) -> dict:
        """Run ``code`` in the running kernel ``kernel_id``; its stdout, stderr and error."""
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        url = (self.base_url.replace("http", "ws", 1)
               + f"/user/{self.name}/api/kernels/{kernel_id}/channels")
        connection = await websocket_connect(HTTPRequest(
            url, headers={"Authorization": f"token {self.token}"}))
        msg_id = uuid.uuid4().hex
        connection.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": self.name,
                       "session": uuid.uuid4().hex, "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": False,
                        "user_expressions": {}, "allow_stdin": False}}))
        out = {"stdout": "", "stderr": "", "error": None}
        deadline = time.monotonic() + timeout
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise HubError(f"no reply from {self.name}'s kernel in {timeout} s")
                raw = await asyncio.wait_for(connection.read_message(), remaining)
                if raw is None:
                    raise HubError(f"{self.name}'s kernel closed the connection")
                msg = json.loads(raw)
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "stream":
                    out[content["name"]] += content["text"]
                elif kind == "error":
                    out["error"] = f"{content['ename']}: {content['evalue']}"
                elif kind == "status" and content["execution_state"] == "idle":
                    return out
        finally:
            connection.close()
