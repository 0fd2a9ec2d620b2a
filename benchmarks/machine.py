"""What machine a benchmark ran on, how busy it was, and its float64 matrix-multiply peak.

Used by benchmarks/speed.py. Nothing here changes the BLAS threading of the caller except
:func:`peak_gflops`, which limits BLAS to one thread for the duration of its measurement.
"""

from __future__ import annotations

import contextlib
import os
import platform
import subprocess
import sys
import time

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo (Linux), else what :mod:`platform` says."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def usable_cores() -> int:
    """Cores this process may run on (its affinity mask), else the machine's count."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def load_average() -> float | None:
    """The 1-minute load average (runnable processes), or None where the OS has none."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def blas_libraries() -> list[dict]:
    """The BLAS libraries NumPy loaded, as threadpoolctl reports them (version, kernels, threads)."""
    keep = ("internal_api", "version", "architecture", "threading_layer", "num_threads")
    return [{k: info.get(k) for k in keep} for info in threadpool_info() if info.get("user_api") == "blas"]


def describe() -> dict:
    """The machine and software a measurement ran on, as plain JSON-ready data."""
    return {
        "cpu_model": cpu_model(),
        "cores": usable_cores(),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "blas": blas_libraries(),
    }


def peak_gflops(n: int = 2048, repeats: int = 3) -> float:
    """The best float64 matrix-multiply rate of one core, in GFLOP/s: (n, n) @ (n, n) on one BLAS
    thread, best of ``repeats`` (a product of two n x n matrices costs 2 n^3 operations).

    Timed in CPU time of this process (one thread: the time the core spent on it), so that other
    processes sharing the core while it runs do not lower the figure: it is what the core can do.
    """
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
    out = np.empty((n, n))
    best = float("inf")
    with threadpool_limits(limits=1, user_api="blas"):
        np.matmul(a, b, out=out)  # warm up: BLAS buffers, page faults
        for _ in range(repeats):
            start = time.process_time()
            np.matmul(a, b, out=out)
            best = min(best, time.process_time() - start)
    return 2.0 * n ** 3 / best / 1e9


@contextlib.contextmanager
def one_core_busy(settle_seconds: float = 1.0):
    """Keep one core busy with another process (a Python busy loop) for the ``with`` block, as a
    student's other program or a second notebook would; stopped afterwards, by its own id."""
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(settle_seconds)
        yield spinner.pid
    finally:
        spinner.kill()
        spinner.wait()
