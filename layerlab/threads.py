"""BLAS threading for the course's small, skinny matrices.

Multithreaded BLAS spends more time coordinating threads than multiplying on matrices like
(20, 12288) @ (12288, 209): on a 2-core machine the week-4 network trains about 3x slower with the
default threading than with one thread. Importing :mod:`layerlab` therefore limits BLAS to one
thread (see :func:`apply_default`). Opt out with the environment variable
``LAYERLAB_BLAS_THREADS`` set before the import: ``default`` leaves BLAS as it is, a number sets
that many threads. :func:`blas_threads` changes it later, e.g. ``blas_threads(None)``.

The limit covers the BLAS libraries already loaded (threadpoolctl) and, through the environment
variables in :data:`BLAS_ENV_VARS`, the ones loaded later: scikit-learn imported after layerlab
loads SciPy's own OpenBLAS, which would otherwise start with every core (on a busy 2-core machine a
LogisticRegression fit then takes about 20 times the CPU time). Child processes inherit them.
"""

from __future__ import annotations

import os

from threadpoolctl import threadpool_info, threadpool_limits

ENV_VAR = "LAYERLAB_BLAS_THREADS"
#: Read by BLAS libraries when they load (OpenBLAS, MKL, BLIS): set so that a BLAS loaded after
#: layerlab starts with the same number of threads.
BLAS_ENV_VARS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")
_limiter = None
_saved_env: dict[str, str | None] | None = None


def blas_threads(n: int | None) -> None:
    """Use ``n`` BLAS threads from now on, also in BLAS libraries loaded later (``None``: undo
    layerlab's limit)."""
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


def apply_default() -> None:
    """One BLAS thread, unless ``LAYERLAB_BLAS_THREADS`` says otherwise (``default`` or a number)."""
    setting = os.environ.get(ENV_VAR, "1").strip().lower()
    if setting == "default":
        return
    try:
        n = int(setting)
    except ValueError:
        raise ValueError(f"{ENV_VAR}={setting!r} is not understood: use a number of threads "
                         f"(e.g. 1) or 'default' to leave BLAS threading alone") from None
    blas_threads(n)
