"""layerlab: what students import while they build neural networks from scratch in NumPy.

Subpackages:
    layerlab.datasets   the course's data sets (cat pictures, planar "flower" and friends)
    layerlab.checks     public checks that students run in the notebooks' test cells
    layerlab.gradcheck  numerical gradient checking for the student's backward functions
    layerlab.plotting   cost curves, decision boundaries, image grids
    layerlab.threads    BLAS threading (as many threads as idle cores, re-checked while training)

This package holds no solution to any graded function: the solutions live only in the
``### BEGIN SOLUTION`` regions of the instructor notebooks in ``source/``.
"""

__version__ = "0.1.0"

import numpy as _numpy  # noqa: F401  (BLAS must be loaded before its threads can be limited)

from layerlab import threads as _threads

_threads.apply_default()
