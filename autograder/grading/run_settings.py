"""The settings of a grading run (time and resource limits, isolation, parallelism) and the error
the grader raises when it, not a submission, fails."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from autograder.boundary import sandbox


class GraderError(RuntimeError):
    """The grader itself failed (not the student's submission)."""


@dataclass
class Settings:
    """Time and resource limits, isolation and parallelism of a run."""

    notebook_seconds: float = 300.0   # all the workers of one notebook together
    cell_seconds: float = 60.0        # one cell of the notebook
    call_seconds: float = 10.0        # one call of a graded function
    jobs: int = 1                     # workers running at the same time
    limits: sandbox.Limits = field(default_factory=sandbox.Limits)
    insecure: bool = False            # run without the sandbox (only where bubblewrap is missing)
    scheduler: str | None = None      # a Dask scheduler's address: run the workers on its cluster
    force: bool = False               # grade again even submissions whose results are current

    def fingerprint(self) -> str:
        """What of these settings can change a grade."""
        return json.dumps([self.notebook_seconds, self.cell_seconds, self.call_seconds,
                           vars(self.limits), self.insecure])


def recommended_jobs() -> int:
    """Workers to run at once on this machine: one more than its cores. A worker waits for the
    grader between its calls (each call is sent only once the one before was answered) and the
    grader writes results between workers, so one worker per core leaves cores idle; measured on 2
    cores, 3 workers graded 30 submissions 10 to 20 % faster than 2 (``make bench``)."""
    return (os.cpu_count() or 1) + 1
