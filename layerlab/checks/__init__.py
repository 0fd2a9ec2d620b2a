"""Public checks: what students run in the notebooks' locked test cells.

One contract module (or small package) per notebook (``layerlab.checks.numpy_basics``, ...), each
with a ``check_<function>`` per graded function and ``SPECS``, the contract of each: public cases,
properties, recognisers and, in the instructor's copy only, the grader's hidden cases (every copy
that leaves is stripped of them, see ``autograder/build/strip_hidden.py``). The expected outputs are generated from ``source/`` (``make generated``) into
``layerlab/checks/expected/``; the comparison and its diagnoses live in ``compare.py`` and
``runner.py``. Importing this package in IPython also makes a check cell that is run before its
answer cell say which cell to run first (``undefined.py``).
"""

from layerlab.checks import undefined
from layerlab.checks.runner import CheckFailed

# In a notebook, a check cell run before its answer cell says which cell to run (undefined.py).
undefined.install()

__all__ = ["CheckFailed"]
