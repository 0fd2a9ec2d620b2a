"""BLAS threading for the course's small, skinny matrices.

Multithreaded BLAS spends more time coordinating threads than multiplying on matrices like
(20, 12288) @ (12288, 209): on a 2-core machine the week-4 network trains about 3x slower with the
default threading than with one thread. Importing :mod:`layerlab` therefore limits BLAS to one
thread (see :func:`apply_default`). Opt out with the environment variable
``LAYERLAB_BLAS_THREADS`` set before the import: ``default`` leaves BLAS as it is, a number sets
that many threads. :func:`blas_threads` changes it later, e.g. ``blas_threads(None)``.
"""

from __future__ import annotations

import os

from threadpoolctl import threadpool_info, threadpool_limits

ENV_VAR = "LAYERLAB_BLAS_THREADS"
_limiter = None


def blas_threads(n: int | None) -> None:
    """Use ``n`` BLAS threads from now on (``None``: undo layerlab's limit)."""
    global _limiter
    if _limiter is not None:
        _limiter.restore_original_limits()
        _limiter = None
    if n is not None:
        if int(n) < 1:
            raise ValueError(f"the number of BLAS threads must be at least 1, not {n}")
        _limiter = threadpool_limits(limits=int(n), user_api="blas")


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
