"""The comparison of an output with the expected one, as the check modules and tests import it;
it lives with the judge (:mod:`layerlab.judge.compare`), which the grader shares."""

from layerlab.judge.compare import ATOL, RTOL, Problem, compare, describe, is_number

__all__ = ["ATOL", "RTOL", "Problem", "compare", "describe", "is_number"]
