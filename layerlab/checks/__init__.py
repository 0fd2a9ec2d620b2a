"""Public checks: what students run in the notebooks' locked test cells.

One module per notebook (``layerlab.checks.numpy_basics``, ...), each with a ``check_<function>``
per graded function. The expected outputs are generated from ``source/`` (``make generated``) into
``layerlab/checks/expected/``; the comparison and its diagnoses live in ``compare.py`` and
``runner.py``.
"""

from layerlab.checks.runner import CheckFailed

__all__ = ["CheckFailed"]
