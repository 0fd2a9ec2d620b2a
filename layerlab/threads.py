"""BLAS threads that fit the moment: as many as there are idle cores, re-checked while training runs.

The course's matrices are small and skinny, e.g. (20, 12288) @ (12288, 209). On an idle machine a
second BLAS thread makes them about twice as fast; on a machine whose other cores are busy, extra
threads only wait for those cores and make training several times slower. So importing
:mod:`layerlab` chooses the number of threads from the idle cores (:func:`choose_threads`: the
cores this process may use minus the load of other processes, at most :data:`MAX_AUTO_THREADS`),
and :func:`recheck`, which the building blocks call once per training iteration
(:func:`rechecking`), looks again at most every :data:`RECHECK_SECONDS`: it reads how busy the
machine's cores were since the last look (``/proc/stat``) minus this process's own CPU time, and
changes the number of threads when the idle cores changed. Where there is no ``/proc/stat``, the
choice made at import stays.

Opt out with the environment variable ``LAYERLAB_BLAS_THREADS`` set before the import: a number
sets that many threads for good (the grader's workers run with ``1``), ``default`` leaves BLAS as it
is, ``auto`` is the default described above. :func:`blas_threads` changes it later, e.g.
``blas_threads(2)`` (which also stops the re-checking) or ``blas_threads(None)``.

The limit covers the BLAS libraries already loaded (threadpoolctl) and, through the environment
variables in :data:`BLAS_ENV_VARS`, the ones loaded later: scikit-learn imported after layerlab
loads SciPy's own OpenBLAS, which would otherwise start with every core (on a busy 2-core machine a
LogisticRegression fit then takes about 20 times the CPU time). Child processes inherit them.
"""

from __future__ import annotations

import functools
import os
import time

from threadpoolctl import threadpool_info, threadpool_limits

ENV_VAR = "LAYERLAB_BLAS_THREADS"
#: Read by BLAS libraries when they load (OpenBLAS, MKL, BLIS): set so that a BLAS loaded after
#: layerlab starts with the same number of threads.
BLAS_ENV_VARS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")
#: the most threads the automatic choice uses: the course's matrices gain little beyond that.
MAX_AUTO_THREADS = 4
#: the shortest time between two looks at the machine's load while training.
RECHECK_SECONDS = 0.5
_limiter = None
_saved_env: dict[str, str | None] | None = None
_auto: "_Adaptive | None" = None


def blas_threads(n: int | None) -> None:
    """Use ``n`` BLAS threads from now on, also in BLAS libraries loaded later (``None``: undo
    layerlab's limit). Stops the automatic choice."""
    global _auto
    _auto = None
    _apply(n)


def _apply(n: int | None) -> None:
    global _limiter, _saved_env
    if n is not None and int(n) < 1:
        raise ValueError(f"the number of BLAS threads must be at least 1, not {n}")
    if _limiter is not None:
        _limiter.restore_original_limits()
        _limiter = None
    if _saved_env is not None:
        for var, value in _saved_env.items():
            if value is None:
                os.environ.pop(var, None)
            else:
                os.environ[var] = value
        _saved_env = None
    if n is not None:
        _limiter = threadpool_limits(limits=int(n), user_api="blas")
        _saved_env = {var: os.environ.get(var) for var in BLAS_ENV_VARS}
        for var in BLAS_ENV_VARS:
            os.environ[var] = str(int(n))


def current_blas_threads() -> list[int]:
    """The thread count of every loaded BLAS library."""
    return [info["num_threads"] for info in threadpool_info() if info.get("user_api") == "blas"]


def is_automatic() -> bool:
    """Whether the number of threads follows the idle cores (``LAYERLAB_BLAS_THREADS=auto``)."""
    return _auto is not None


# ------------------------------------------------------------------------------ the choice

def choose_threads(cores: int, others_busy: float, cap: int = MAX_AUTO_THREADS) -> int:
    """The BLAS threads for ``cores`` usable cores when other processes keep ``others_busy`` of
    them busy (in cores, e.g. 1.0 for one busy core): the idle cores, rounded to the nearest
    whole one, at least 1 and at most ``cap``."""
    if cores < 1:
        raise ValueError(f"the number of cores must be at least 1, not {cores}")
    idle = cores - max(0.0, float(others_busy))
    return max(1, min(cores, cap, int(idle + 0.5)))


def parse_proc_stat(text: str) -> tuple[int, int]:
    """(busy, total) clock ticks of all cores together, from the ``cpu`` line of ``/proc/stat``
    (idle and iowait count as idle; guest time is already part of user time)."""
    for line in text.splitlines():
        fields = line.split()
        if fields and fields[0] == "cpu":
            ticks = [int(v) for v in fields[1:9]]  # user nice system idle iowait irq softirq steal
            ticks += [0] * (8 - len(ticks))
            total = sum(ticks)
            return total - ticks[3] - ticks[4], total
    raise ValueError("no 'cpu' line in /proc/stat")


def others_busy_cores(busy_ticks: int, total_ticks: int, machine_cores: int, own_cpu_seconds: float,
                      seconds: float) -> float:
    """Cores kept busy by other processes over an interval of ``seconds``: the machine's busy
    share of ``machine_cores`` (from the ticks counted in the interval) minus this process's own
    CPU time per second."""
    if total_ticks <= 0 or seconds <= 0:
        return 0.0
    machine_busy = machine_cores * busy_ticks / total_ticks
    return max(0.0, machine_busy - own_cpu_seconds / seconds)


def usable_cores() -> int:
    """Cores this process may run on (its affinity mask where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _read_proc_stat() -> tuple[int, int] | None:
    try:
        with open("/proc/stat") as f:
            return parse_proc_stat(f.read(4096))
    except (OSError, ValueError):
        return None


class _Adaptive:
    """The automatic choice: looks at the machine at most every :data:`RECHECK_SECONDS`."""

    def __init__(self):
        self.cores = usable_cores()
        self.machine_cores = os.cpu_count() or self.cores
        self.threads = choose_threads(self.cores, self._load_average())
        self._sample = self._now()
        self._due = time.monotonic() + RECHECK_SECONDS

    @staticmethod
    def _load_average() -> float:
        try:  # the 1-minute average: this process has only just started, so it is the others'
            return os.getloadavg()[0]
        except (AttributeError, OSError):
            return 0.0

    @staticmethod
    def _now():
        return time.monotonic(), time.process_time(), _read_proc_stat()

    def tick(self) -> None:
        if time.monotonic() < self._due:
            return
        now = self._now()
        (wall0, cpu0, stat0), (wall1, cpu1, stat1) = self._sample, now
        self._sample, self._due = now, now[0] + RECHECK_SECONDS
        if stat0 is None or stat1 is None:
            return
        others = others_busy_cores(stat1[0] - stat0[0], stat1[1] - stat0[1], self.machine_cores,
                                   cpu1 - cpu0, wall1 - wall0)
        threads = choose_threads(self.cores, others)
        if threads != self.threads:
            self.threads = threads
            _apply(threads)


def recheck() -> None:
    """Look at the machine's load again, if the automatic choice is on and it is time to; change
    the number of BLAS threads if the idle cores changed. Costs a clock read between looks."""
    if _auto is not None:
        _auto.tick()


def rechecking(function):
    """``function`` calling :func:`recheck` first (``function`` itself when the choice is not
    automatic): given to the blocks that a training loop calls once per iteration."""
    if _auto is None:
        return function

    @functools.wraps(function)
    def block(*args, **kwargs):
        recheck()
        return function(*args, **kwargs)

    return block


def apply_default() -> None:
    """The threads ``LAYERLAB_BLAS_THREADS`` asks for: ``auto`` (the default: the idle cores,
    re-checked while training), ``default`` (BLAS as it is) or a number."""
    global _auto
    setting = os.environ.get(ENV_VAR, "auto").strip().lower()
    if setting == "default":
        return
    if setting == "auto":
        _auto = _Adaptive()
        _apply(_auto.threads)
        return
    try:
        n = int(setting)
    except ValueError:
        raise ValueError(f"{ENV_VAR}={setting!r} is not understood: use a number of threads "
                         f"(e.g. 1), 'auto' to follow the idle cores, or 'default' to leave BLAS "
                         f"threading alone") from None
    blas_threads(n)
