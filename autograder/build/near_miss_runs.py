"""Run the near misses of a notebook's graded functions on their cases (trusted side).

Each near miss (:mod:`autograder.build.mutations`) is the reference function with one change; it
runs on every public case (for the generated file the public checks read) or every hidden case (for
the grader), and what it gives (its output's :func:`~layerlab.judge.near_misses.fingerprint`, or
the error it raises) is kept, sealed, where it differs from what the reference gives. A
changed reference can misbehave (loop long, allocate a lot), so the runs happen in a child process
(``python -m autograder.build.near_miss_runs``) with one BLAS thread, a memory limit and a time
budget per call (:data:`BUDGET_FACTOR` times the reference's time on the case, at least
:data:`MIN_BUDGET` seconds); a near miss that runs over its budget, runs out of memory or returns
something that is not plain data is simply not kept for that case.

Near misses that give the same on a case are sealed together; when more than
:data:`layerlab.judge.near_misses.MOST` different sentences give it, it is sealed with none (the
output could not say which change was made, and the judge knows not to count that case).
"""

from __future__ import annotations

import ast
import contextlib
import copy
import importlib
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from autograder.build.mutations import mutations
from autograder.build.source import ROOT, SourceNotebook
from layerlab import plaindata
from layerlab.judge.near_misses import MOST, case_name, fingerprint, seal

BUDGET_FACTOR = 20
MIN_BUDGET = 1.0
#: the child's address-space limit
MEMORY = 6 << 30


class _OverBudget(Exception):
    pass


def near_misses(notebook: Path, which: str, timeout: float = 900, strict: bool = False) -> dict[str, list]:
    """``{function: per case, [lookup, box] pairs}`` of every graded function of the notebook at
    ``notebook`` on its ``which`` (``"public"`` or ``"hidden"``) cases, computed in a child
    process. When the child fails or takes longer than ``timeout``: ``{}`` (no near misses, the
    judge then names none), or with ``strict`` a :class:`RuntimeError` saying why."""
    with tempfile.TemporaryDirectory(prefix="layerlab-near-") as folder:
        out = Path(folder) / "runs.json"
        env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        try:
            subprocess.run([sys.executable, "-m", "autograder.build.near_miss_runs", str(notebook), which,
                            str(out)], cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=timeout, check=True)
            return json.loads(out.read_text())
        except (subprocess.SubprocessError, OSError, ValueError) as exc:
            if strict:
                why = getattr(exc, "stderr", b"") or b""
                raise RuntimeError(f"the near misses of {notebook.name} could not be computed: {exc}\n"
                                   f"{why.decode(errors='replace')[-2000:]}") from exc
            return {}


def run_notebook(notebook: SourceNotebook, which: str) -> dict[str, list]:
    """The sealed near misses of every graded function with a contract (in this process: the
    child's work)."""
    specs = getattr(importlib.import_module(f"layerlab.checks.{notebook.name}"), "SPECS", {})
    reference = notebook.reference()
    defs = notebook.solution_definitions()
    runs = {}
    for graded in notebook.graded_functions:
        spec = specs.get(graded.name)
        if spec is None or graded.name not in defs:
            continue
        if which == "hidden" and spec.hidden is None:
            continue
        cases = _hidden_calls(spec) if which == "hidden" else _public_calls(spec)
        runs[graded.name] = function_runs(vars(reference), defs[graded.name], cases, which)
    return runs


def function_runs(namespace: dict, fdef: ast.FunctionDef, cases: list, which: str) -> list[list[list[str]]]:
    """The sealed near misses of one function, per case (``[lookup, box]`` pairs, see
    :func:`layerlab.judge.near_misses.seal`); ``cases``: callables giving ``(args, kwargs)`` right
    before a call (they seed NumPy's generator when the case needs it)."""
    reference = namespace[fdef.name]
    wanted, budgets = [], []
    for make in cases:
        start = time.process_time()
        wanted.append(_call(reference, make, None))
        budgets.append(max(MIN_BUDGET, BUDGET_FACTOR * (time.process_time() - start)))
    found: list[dict[bytes, list[tuple[str, str]]]] = [{} for _ in cases]
    for mutation in mutations(fdef):
        try:
            changed = _define(namespace, mutation.tree)
        except Exception:
            continue
        for number, (make, want, budget) in enumerate(zip(cases, wanted, budgets)):
            got = _call(changed, make, budget)
            if got is not None and got != want:
                found[number].setdefault(got, []).append((mutation.kind, mutation.sentence))
    return [[seal(case_name(fdef.name, which, number), print_,
                  changes if len({sentence for _, sentence in changes}) <= MOST else [])
             for print_, changes in sorted(prints.items())]
            for number, prints in enumerate(found, start=1)]


def _define(namespace: dict, fdef: ast.FunctionDef):
    """The changed function, defined in a copy of the reference's namespace (its callers keep
    calling the reference)."""
    scope = dict(namespace)
    exec(compile(ast.Module(body=[fdef], type_ignores=[]), f"<near miss of {fdef.name}>", "exec"), scope)
    return scope[fdef.name]


def _call(fn, make, budget: float | None) -> bytes | None:
    """The fingerprint of what ``fn`` gives on one case (its output as the student's would arrive:
    through the plain-data codec, or the error it raised), or None (over budget, out of memory,
    an output that is not plain data)."""
    args, kwargs = make()
    if budget is not None:
        signal.setitimer(signal.ITIMER_PROF, budget)
    try:
        with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet), np.errstate(all="ignore"):
            output = fn(*args, **kwargs)
        return fingerprint(plaindata.decode(plaindata.encode(output)))
    except (_OverBudget, MemoryError, RecursionError, plaindata.PlainDataError):
        return None
    except Exception as exc:  # what the changed code raises, as a student's code would report it
        return fingerprint(error=f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
    finally:
        if budget is not None:
            signal.setitimer(signal.ITIMER_PROF, 0)


def _public_calls(spec) -> list:
    return [lambda case=case: (case.make(), dict(case.kwargs)) for case in spec.cases]


def _hidden_calls(spec) -> list:
    def make(case):
        sent = plaindata.decode(plaindata.encode((tuple(case.make()), dict(case.kwargs))))
        if case.seed is not None:
            np.random.seed(case.seed)
        return copy.deepcopy(sent)

    return [lambda case=case: make(case) for case in spec.hidden.cases]


def _over_budget(signum, frame):
    raise _OverBudget()


def main(argv: list[str]) -> None:
    path, which, out = argv
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    signal.signal(signal.SIGPROF, _over_budget)
    runs = run_notebook(SourceNotebook(Path(path)), which)
    Path(out).write_text(json.dumps(runs))


if __name__ == "__main__":
    main(sys.argv[1:])
