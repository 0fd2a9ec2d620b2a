"""Plans kept between grading runs, so that a run does not start by rebuilding them.

Building an assignment's plans executes the reference of every source notebook (its imports, e.g.
matplotlib, and its solution cells) on every hidden case: seconds, before the first worker can
start. What that produces is plain data (the inputs sent, the reference's outputs, the labels and
parameter names) and depends only on

* the assignment's source notebooks, and those of the assignment its blocks are served from,
* the grader's and layerlab's code (the hidden cases, the checks, the codec),
* NumPy and Python (the reference's outputs are computed with them),

so it is written to ``<course>/.autograder/plans/<assignment>.json`` under a key hashed from all of
these, and read back while the key matches. A file with another key, or one that cannot be read
or decoded (cut short, edited, from another version), is ignored, and the plans are built and
written again. Writes are atomic (a temporary file, then a rename: :mod:`plan_store`). The hidden
cases' near misses, computed only when a submission first gets a case wrong, are kept beside
them under the same key (``<assignment>.<notebook>.near.json``).
"""

from __future__ import annotations

import hashlib
import json
import platform
from pathlib import Path
from typing import Callable

import numpy as np

from autograder.build.source import SourceNotebook
from autograder.grading import fingerprints, plan_store
from autograder.grading.plan import NotebookPlan, PlannedCase, build_plan
from layerlab import plaindata

#: the course's grader state, beside its lock file (see run_lock.py)
STATE_DIR = ".autograder"
FORMAT = 1


def load_or_build(course_root: Path, assignment: str, sources: list[SourceNotebook], built_on: list[Path],
                  blocks: Callable[[], str | None]) -> tuple[list[NotebookPlan], str | None, bool]:
    """The plans of ``assignment``'s ``sources`` and the text of the blocks served to its workers
    (``blocks()`` computes it), read from the cache when it is current, else built (the reference
    runs: :class:`autograder.grading.plan.PlanError` if it fails) and written to it. The third
    value says whether they were built."""
    path = cache_file(course_root, assignment)
    key = cache_key([s.path for s in sources], built_on)
    entry = load(path, key)
    plans = plans_from(sources, entry)
    if plans is not None and (entry["blocks"] is None or isinstance(entry["blocks"], str)):
        return _near_stores(plans, path, key), entry["blocks"], False
    plans = [build_plan(s) for s in sources]
    text = blocks()
    save(path, key, plans, text)
    return _near_stores(plans, path, key), text, True


def _near_stores(plans: list[NotebookPlan], path: Path, key: str) -> list[NotebookPlan]:
    """Each plan with the file its hidden cases' near misses are kept in, beside the plans'
    (computed only when a submission first gets a case wrong: see NotebookPlan.near_misses)."""
    for plan in plans:
        plan.near_store = (path.with_name(f"{path.stem}.{plan.name}.near.json"), key)
    return plans


def cache_file(course_root: Path, assignment: str) -> Path:
    return Path(course_root) / STATE_DIR / "plans" / f"{assignment}.json"


def cache_key(sources: list[Path], built_on: list[Path],
              trees: tuple[Path, ...] = fingerprints.CODE_TREES) -> str:
    """The hash of everything an assignment's plans are computed from (``trees``: the folders of
    the code, hidden cases included)."""
    code = fingerprints.grader_version([*sources, *built_on], {}, "plans", trees)
    names = [f"built_on/{Path(p).parent.name}/{Path(p).name}" for p in built_on]
    text = json.dumps([FORMAT, code, names, np.__version__, platform.python_version()])
    return hashlib.sha256(text.encode()).hexdigest()


def load(path: Path, key: str) -> dict | None:
    """The cached entry (``{"blocks": text or None, "notebooks": {name: functions}}``) if ``path``
    holds one for ``key``; None for a missing, stale or unreadable file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("key") != key or data.get("format") != FORMAT:
            return None
        entry = plaindata.decode(data["entry"], raw=True)
        if not isinstance(entry, dict) or not isinstance(entry.get("notebooks"), dict) or "blocks" not in entry:
            return None
        return entry
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(path: Path, key: str, plans: list[NotebookPlan], blocks: str | None) -> None:
    """Write the computed part of ``plans`` (best effort: a course folder that cannot be written
    only means the next run builds them again)."""
    entry = {"blocks": blocks, "notebooks": {p.name: _computed(p) for p in plans}}
    plan_store.write_text(path, json.dumps({"format": FORMAT, "key": key,
                                            "entry": plaindata.encode(entry, raw=True)}))


def plans_from(sources: list[SourceNotebook], entry: dict | None) -> list[NotebookPlan] | None:
    """The plans rebuilt from a cached entry without running the reference, or None when the
    entry does not fit the notebooks (then they must be built afresh)."""
    if entry is None:
        return None
    plans = []
    for source in sources:
        functions = entry["notebooks"].get(source.name)
        if not isinstance(functions, dict):
            return None
        try:
            computed = {name: ([PlannedCase(**case) for case in f["cases"]], tuple(f["parameters"]))
                        for name, f in functions.items()}
            plans.append(build_plan(source, computed))
        except (KeyError, TypeError, ValueError):
            return None
    return plans


def _computed(plan: NotebookPlan) -> dict:
    out = {}
    for f in plan.functions:
        cases = getattr(f, "cases", None)
        if cases is None:  # a quiz question: built from the source alone
            continue
        out[f.name] = {"parameters": list(f.parameters),
                       "cases": [{"function": c.function, "number": c.number, "call_id": c.call_id,
                                  "args": c.args, "kwargs": c.kwargs, "seed": c.seed,
                                  "label": c.label, "expected": c.expected} for c in cases]}
    return out
