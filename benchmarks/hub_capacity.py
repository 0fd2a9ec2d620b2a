"""What one student costs on the course's JupyterHub, and how many fit on this machine.

Run as root against a hub started for it (``make hub`` with a service token and enough students):

    LAYERLAB_HUB_SERVICE_TOKEN=<token> make hub HUB_STUDENTS=20     # in one terminal
    .venv/bin/python benchmarks/hub_capacity.py --token <token> --students 20 --kernels 3

It starts the students' servers one after another (timing each spawn), measures every server's
proportional memory (PSS, from /proc/<pid>/smaps_rollup, so shared libraries are counted once
across processes), then in ``--kernels`` of them starts a kernel that loads the week-4 data the
way the notebook does (the cat pictures, flattened and scaled) and measures that kernel. It
writes benchmarks/results/hub_capacity.json and prints the figures the README quotes.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import pwd
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "hub"))

from hubclient import Hub, run_coroutine  # noqa: E402
from hubsetup.settings import student_names  # noqa: E402

RESULTS = REPO_ROOT / "benchmarks" / "results" / "hub_capacity.json"
MIB = 1024 * 1024
# What a student's kernel holds in the week-4 application notebook once its data is loaded.
LOAD_DATA = """
import numpy as np, matplotlib.pyplot as plt
from layerlab.datasets import load_dataset
train_x_orig, train_y, test_x_orig, test_y, classes = load_dataset()
train_x = train_x_orig.reshape(train_x_orig.shape[0], -1).T / 255.
test_x = test_x_orig.reshape(test_x_orig.shape[0], -1).T / 255.
print(train_x.shape, test_x.shape)
"""


def pss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError(f"no Pss in /proc/{pid}/smaps_rollup")


def processes_of(user: str) -> dict[int, str]:
    """pid -> command line of every process running as ``user``."""
    uid = pwd.getpwnam(user).pw_uid
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(
                        b"\0", b" ").decode(errors="replace")
            except (FileNotFoundError, ProcessLookupError):
                pass
    return found


def memory_of(user: str, kind: str) -> int:
    """Summed PSS of the user's processes of one kind: "server" or "kernel"."""
    marker = "jupyterhub-singleuser" if kind == "server" else "ipykernel_launcher"
    return sum(pss_bytes(pid) for pid, cmd in processes_of(user).items() if marker in cmd)


def total_memory() -> int:
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no MemTotal in /proc/meminfo")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--token", default=os.environ.get("LAYERLAB_HUB_SERVICE_TOKEN"),
                        help="the hub's LAYERLAB_HUB_SERVICE_TOKEN")
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--first", type=int, default=1,
                        help="start at student<first> (the hub tests use student1 and student2)")
    parser.add_argument("--kernels", type=int, default=3,
                        help="students whose kernel loads the week-4 data (default 3)")
    parser.add_argument("--reserve-gib", type=float, default=2.0,
                        help="memory kept for the system, the hub and the grader (default 2)")
    parser.add_argument("--machine-gib", type=float, default=24.0,
                        help="the machine to size for (default 24 GiB, this one's class)")
    args = parser.parse_args(argv)
    if not args.token:
        parser.error("--token (or LAYERLAB_HUB_SERVICE_TOKEN) is required")
    if os.geteuid() != 0:
        parser.error("run as root: it reads the memory of the students' processes")
    hub = Hub(args.url, args.token)
    students = student_names(args.first + args.students - 1)[args.first - 1:]

    hub.wait_until_up()
    spawn_seconds = []
    for student in students:
        spawn_seconds.append(round(hub.start(student), 2))
        print(f"{student}: ready in {spawn_seconds[-1]:.1f} s", flush=True)
    time.sleep(10)  # let the servers settle (first-request caches, garbage collection)
    servers = {s: memory_of(s, "server") for s in students}

    kernels = {}
    for student in students[:args.kernels]:
        server = hub.user(student)
        kernel = server.api("api/kernels", method="POST", body={"name": "python3"})
        try:
            result = run_coroutine(server.execute(kernel["id"], LOAD_DATA, timeout=300))
            if result["error"]:
                raise RuntimeError(f"{student}'s kernel failed: {result['error']}")
            kernels[student] = memory_of(student, "kernel")
        finally:
            server.api(f"api/kernels/{kernel['id']}", method="DELETE")
        print(f"{student}: kernel with the week-4 data {kernels[student] / MIB:.0f} MiB", flush=True)

    server_mib = statistics.median(servers.values()) / MIB
    kernel_mib = statistics.median(kernels.values()) / MIB
    per_student_mib = server_mib + kernel_mib
    usable_mib = (args.machine_gib - args.reserve_gib) * 1024
    figures = {
        "machine": {"cpus": os.cpu_count(), "memory_gib": round(total_memory() / 2**30, 1),
                    "python": platform.python_version(), "date": time.strftime("%Y-%m-%d")},
        "students_spawned": len(students),
        "spawn_seconds": spawn_seconds,
        "spawn_seconds_median": statistics.median(spawn_seconds),
        "server_pss_mib": {s: round(v / MIB, 1) for s, v in servers.items()},
        "server_pss_mib_median": round(server_mib, 1),
        "kernel_with_week4_data_pss_mib": {s: round(v / MIB, 1) for s, v in kernels.items()},
        "kernel_pss_mib_median": round(kernel_mib, 1),
        "per_student_mib": round(per_student_mib, 1),
        "sized_for_gib": args.machine_gib,
        "reserve_gib": args.reserve_gib,
        "students_by_memory": int(usable_mib // per_student_mib),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=1) + "\n")
    print(json.dumps({k: v for k, v in figures.items() if not isinstance(v, (dict, list))},
                     indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
