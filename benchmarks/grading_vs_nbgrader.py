"""Time to grade the same submissions with layerlab's grader and with stock ``nbgrader autograde``.

    python benchmarks/grading_vs_nbgrader.py [--light N] [--heavy N] [--jobs J]

For the light assignment (week 4 step by step) and the heavy one (week 4 application, two training
runs of 2500 iterations), N completed submissions (the released notebook with the reference
solutions in its answer cells, as a diligent student hands it in) are graded in two fresh course
directories, one per grader, on this machine in this run:

- stock nbgrader: ``nbgrader autograde`` executes every cell in the student's kernel, one notebook
  after the other (it has no parallel mode);
- layerlab: ``python -m autograder grade --jobs J`` (sandboxed workers, heavy demo cells skipped,
  hidden cases called directly).

Both courses were released with ``nbgrader generate_assignment`` first (untimed), as an instructor
does before collecting; the times include everything after that (layerlab: building the reference
outputs of the hidden cases, registering the notebook's cells in the gradebook, grading, feedback).

Both give every submission full marks (checked). Prints a table and writes
``benchmarks/results/grading.json`` (generated; do not edit); with ``--light 0`` or ``--heavy 0``
the other assignment's row there is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from autograder.build.helper_modules import helper_for
from autograder.grading.run_settings import recommended_jobs

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "grading.json"
ASSIGNMENTS = {"light": ("week4_deep_nn_step_by_step", "deep_nn_step_by_step"),
               "heavy": ("week4_deep_nn_application", "deep_nn_application")}


def completed(assignment: str, notebook: str) -> nbformat.NotebookNode:
    """The released notebook with the source's solution cells in place of the stubs."""
    def gid(cell):
        return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")

    source = nbformat.read(REPO / "source" / assignment / f"{notebook}.ipynb", 4)
    solutions = {gid(c): c.source for c in source.cells
                 if c.get("metadata", {}).get("nbgrader", {}).get("solution")}
    nb = nbformat.read(REPO / "assignments" / assignment / f"{notebook}.ipynb", 4)
    for cell in nb.cells:
        if gid(cell) in solutions:
            cell.source = solutions[gid(cell)]
    return nb


def course(folder: Path, assignment: str, notebook: str, students: int) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(REPO / "nbgrader_config.py", folder)
    shutil.copytree(REPO / "source" / assignment, folder / "source" / assignment)
    helper = helper_for(assignment)  # the grader serves its blocks from the earlier source
    if helper is not None:
        shutil.copytree(REPO / "source" / helper.source, folder / "source" / helper.source)
    nb = completed(assignment, notebook)
    for i in range(students):
        target = folder / "submitted" / f"student{i:02d}" / assignment
        target.mkdir(parents=True)
        nbformat.write(nb, target / f"{notebook}.ipynb")
        shutil.copytree(REPO / "assignments" / assignment, target, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("*.ipynb"))  # shipped files, if any
    return folder


def _env() -> dict:
    bin_dir = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}


def run(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=_env(), capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv[:4])} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return seconds


def release(folder: Path, assignment: str) -> None:
    """What the instructor did before anyone submitted: the release, which creates the gradebook
    (not timed: both graders start from here)."""
    run([sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force"], folder)


#: the course's nbgrader_config.py sends `nbgrader autograde` to layerlab's grader; the comparison
#: needs nbgrader's own in-kernel autograding, as nbgrader ships it
STOCK_AUTOGRADE = """
from nbgrader.converters import Autograde
c.Autograde.sanitize_preprocessors = Autograde.class_traits()["sanitize_preprocessors"].default()
c.Autograde.autograde_preprocessors = Autograde.class_traits()["autograde_preprocessors"].default()
"""


def grade_nbgrader(folder: Path, assignment: str, force: bool = False) -> float:
    config = folder / "nbgrader_config.py"
    if STOCK_AUTOGRADE not in config.read_text():
        with open(config, "a") as fh:
            fh.write(STOCK_AUTOGRADE)
    return run([sys.executable, "-m", "nbgrader", "autograde", assignment, "--create"]
               + (["--force"] if force else []), folder)


def grade_layerlab(folder: Path, assignment: str, jobs: int, force: bool = False) -> float:
    return run([sys.executable, "-m", "autograder", "grade", "--course", str(folder),
                "--assignment", assignment, "--jobs", str(jobs)] + (["--force"] if force else []), folder)


def compare(folder: Path, weight: str, count: int, jobs: int, regrade: bool = False, say=print) -> dict:
    """Grade ``count`` completed submissions of the ``weight`` assignment with both graders, in two
    fresh courses under ``folder``. ``regrade``: both courses are graded once first (not timed), and
    the timed run grades them again (``--force``), as the Formgrader's Autograde button does for a
    student already graded; layerlab then starts from the plans it cached in the first run.
    Returns the row of the table."""
    assignment, notebook = ASSIGNMENTS[weight]
    ours = course(folder / f"{weight}-{count}-layerlab", assignment, notebook, count)
    stock = course(folder / f"{weight}-{count}-nbgrader", assignment, notebook, count)
    release(ours, assignment)
    release(stock, assignment)
    if regrade:
        grade_layerlab(ours, assignment, jobs)
        grade_nbgrader(stock, assignment)
    t_ours = grade_layerlab(ours, assignment, jobs, force=regrade)
    say(f"  layerlab: {t_ours:.1f} s")
    t_stock = grade_nbgrader(stock, assignment, force=regrade)
    say(f"  nbgrader autograde: {t_stock:.1f} s")
    return {"assignment": assignment, "weight": weight, "submissions": count,
            "run": "regrade (plans cached)" if regrade else "first grading", "layerlab_jobs": jobs,
            "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "load_average": round(os.getloadavg()[0], 2),
            "layerlab_seconds": round(t_ours, 2), "nbgrader_seconds": round(t_stock, 2),
            "ratio": round(t_stock / t_ours, 2),
            "layerlab_per_minute": round(count / t_ours * 60, 1),
            "nbgrader_per_minute": round(count / t_stock * 60, 1),
            "full_marks": {"layerlab": full_marks_layerlab(ours, assignment, count),
                           "nbgrader": full_marks_nbgrader(stock, assignment, count)}}


def full_marks_nbgrader(folder: Path, assignment: str, students: int) -> bool:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}", "layerlab") as gb:
        subs = [gb.find_submission(assignment, f"student{i:02d}") for i in range(students)]
        return all(s.score == s.max_score for s in subs)


def full_marks_layerlab(folder: Path, assignment: str, students: int) -> bool:
    for i in range(students):
        data = json.loads((folder / "autograded" / f"student{i:02d}" / assignment / "results.json").read_text())
        if data["score"] != data["max_score"]:
            return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--light", type=int, default=30, help="submissions of the light assignment")
    parser.add_argument("--heavy", type=int, default=4, help="submissions of the heavy assignment")
    parser.add_argument("--jobs", type=int, default=recommended_jobs(), help="layerlab's --jobs (default: cores + 1)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="layerlab-bench-grading-") as tmp:
        for weight, count in (("light", args.light), ("heavy", args.heavy)):
            if count <= 0:
                continue
            print(f"{weight}: {count} submissions of {ASSIGNMENTS[weight][0]} ...", flush=True)
            rows.append(compare(Path(tmp), weight, count, args.jobs,
                                say=lambda text: print(text, flush=True)))
    measured = {r["weight"] for r in rows}
    try:  # keep the rows of the assignment not measured this time (e.g. --heavy 0)
        kept = [r for r in json.loads(RESULTS.read_text())["rows"] if r["weight"] not in measured]
    except (OSError, ValueError, KeyError):
        kept = []
    rows = sorted(kept + rows, key=lambda r: r["weight"] != "light")
    report = {"generated": "by benchmarks/grading_vs_nbgrader.py; do not edit",
              "machine": {"cpu": _cpu(), "cores": os.cpu_count(), "python": platform.python_version()},
              "layerlab_jobs": args.jobs, "rows": rows}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=1) + "\n")
    print(f"\n{'assignment':30} {'n':>3} {'layerlab s':>11} {'nbgrader s':>11} {'ratio':>6} "
          f"{'layerlab/min':>13} {'nbgrader/min':>13}")
    for r in rows:
        print(f"{r['assignment']:30} {r['submissions']:>3} {r['layerlab_seconds']:>11.1f} "
              f"{r['nbgrader_seconds']:>11.1f} {r['ratio']:>5.1f}x {r['layerlab_per_minute']:>13.1f} "
              f"{r['nbgrader_per_minute']:>13.1f}")
    if not all(r["full_marks"]["layerlab"] and r["full_marks"]["nbgrader"] for r in rows):
        print("WARNING: not every submission got full marks:", [r["full_marks"] for r in rows])
        return 1
    return 0


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


if __name__ == "__main__":
    sys.exit(main())
