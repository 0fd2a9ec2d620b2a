"""How fast do the course's notebooks run, and how close is its training code to the machine's limit?

Measures, in one run on one machine:
  1. the wall time of "Run All" of every source notebook (nbclient, fresh python3 kernel, in a
     temporary copy of the notebook's folder, heavy cells included);
  2. the 4-layer cat model (12288, 20, 7, 5, 1) trained 300 iterations by the course's reference
     code as a student runs it (layerlab's automatic BLAS threads), by a tuned minimal NumPy loop
     (benchmarks/tuned_loop.py, at 1 to 4 BLAS threads, the best kept), and the matrix-multiply
     bound: the FLOPs of the loop's matrix products divided by the float64 peak of one core;
     reported as ratios, twice: as idle as the machine is, and with one core kept busy by another
     process (a busy loop started by this script);
  3. grading the week-4 step-by-step assignment with layerlab's grader and with stock
     ``nbgrader autograde`` (benchmarks/grading_vs_nbgrader.py): one submission graded again (the
     Formgrader's Autograde button), 30 submissions graded for the first time and, with --heavy,
     4 submissions of the application; reported as ratios.
Prints a table and writes the figures to benchmarks/results/speed.json (with the machine: CPU,
cores, NumPy and BLAS versions, and the load average, since other processes make times pessimistic).

Usage:
    make bench                                 # the same as the next line, in the project's .venv
    python benchmarks/speed.py                 # everything (a few minutes)
    python benchmarks/speed.py --quick         # one small notebook, 5 iterations, 1 submission (smoke test)
    python benchmarks/speed.py --notebook deep_nn_application --no-training
    python benchmarks/speed.py --output /tmp/speed.json

Targets: reference training within 1.3x of the best tuned loop that does the course's work (dA0
included) in both conditions (issue 22);
every notebook's Run All under 60 s on 2 cores, the week-4 application notebook (two 2500-iteration
trainings) under 90 s; grading one submission at least 2x faster than stock nbgrader, 30 at least
8x (issue 22).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import layerlab  # noqa: E402,F401  (automatic BLAS threads, as in the notebooks)
import machine  # noqa: E402
import notebook_times  # noqa: E402
from speed_report import CONDITIONS, TARGET_RATIO, grading_target, table  # noqa: E402

from autograder.grading.run_settings import recommended_jobs  # noqa: E402

DEFAULT_OUTPUT = HERE / "results" / "speed.json"
QUICK_NOTEBOOK = "numpy_basics"
TARGET_SECONDS = 60.0
TARGET_SECONDS_BY_NOTEBOOK = {"deep_nn_application": 90.0}


def say(text: str = "") -> None:
    print(text, flush=True)


def source_notebooks(patterns: list[str] | None) -> list[Path]:
    paths = sorted(p for p in (REPO / "source").glob("*/*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    if patterns:
        paths = [p for p in paths if any(pat in p.relative_to(REPO).as_posix() for pat in patterns)]
    return paths


def warm_sandbox_cache() -> float:
    """Make the stripped, compiled layerlab copy the grader's sandbox mounts (made once per
    layerlab version, like the byte-code pip compiles at install time) before any grading is
    timed; the seconds it took (near 0 when it was there already)."""
    import layerlab
    from autograder.boundary import launcher, sandbox

    started = time.perf_counter()
    sandbox.prepare(launcher.WORKER_SCRIPT, Path(layerlab.__file__).parent)
    return round(time.perf_counter() - started, 3)


def warm_data_cache() -> dict:
    """Make sure the cat pictures are generated and cached before anything is timed (the notebooks
    read them from the cache, as a student's do after the first run); say what it cost."""
    from layerlab.datasets import DEFAULT_SEED, config
    from layerlab.datasets.cache import cache_key

    cached = (config.cache_dir() / cache_key(DEFAULT_SEED)).is_dir()
    from training_speed import training_data

    seconds, _ = _timed(training_data)
    return {"was_cached": cached, "load_seconds": round(seconds, 3)}


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def run_notebooks(paths: list[Path], progress: bool) -> list[dict]:
    rows = []
    for k, path in enumerate(paths, 1):
        rel = path.relative_to(REPO / "source").as_posix()
        target = TARGET_SECONDS_BY_NOTEBOOK.get(path.stem, TARGET_SECONDS)
        load_before = machine.load_average()
        say(f"[{k}/{len(paths)}] Run All {rel} ...")
        run = notebook_times.run_all(path, progress=progress)
        row = {"notebook": rel, "seconds": run["seconds"], "target_seconds": target,
               "meets_target": run["error"] is None and run["seconds"] < target,
               "error": run["error"], "load_average_before": load_before,
               "slowest_cells": notebook_times.slowest(run["cells"]), "cells": run["cells"]}
        rows.append(row)
        status = f"ERROR {run['error']}" if run["error"] else f"{run['seconds']:.1f} s"
        say(f"      {status}")
    return rows


def measure_grading(sizes: list[tuple[str, int, bool]], jobs: int) -> list[dict]:
    """Rows of benchmarks/grading_vs_nbgrader.py, one per (weight, submissions, regrade)."""
    import tempfile

    import grading_vs_nbgrader

    rows = []
    with tempfile.TemporaryDirectory(prefix="layerlab-bench-grading-") as tmp:
        for weight, count, regrade in sizes:
            say(f"Grading {count} submission(s) of the {weight} assignment"
                f"{' again (plans cached)' if regrade else ''} ...")
            rows.append(grading_vs_nbgrader.compare(Path(tmp), weight, count, jobs, regrade,
                                                    say=lambda text: say("    " + text)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help=f"smoke test: only the {QUICK_NOTEBOOK} notebook, 5 iterations, one round")
    parser.add_argument("--notebook", action="append", metavar="PATTERN",
                        help="only notebooks whose path contains PATTERN (repeatable)")
    parser.add_argument("--no-notebooks", action="store_true", help="skip the Run All measurements")
    parser.add_argument("--no-training", action="store_true", help="skip the training measurements")
    parser.add_argument("--no-busy", action="store_true", help="train only as idle as the machine is")
    parser.add_argument("--no-grading", action="store_true", help="skip grading against stock nbgrader")
    parser.add_argument("--heavy", action="store_true",
                        help="also grade 4 application submissions (stock nbgrader needs minutes for them)")
    parser.add_argument("--jobs", type=int, default=recommended_jobs(),
                        help="the grader's --jobs (default: cores + 1, see run_settings.recommended_jobs)")
    parser.add_argument("--iterations", type=int, default=None, help="training iterations (default 300)")
    parser.add_argument("--repeats", type=int, default=None, help="training rounds, best kept (default 3)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="JSON file to write")
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")
    args = parser.parse_args(argv)

    iterations = args.iterations or (5 if args.quick else 300)
    repeats = args.repeats or (1 if args.quick else 3)
    patterns = args.notebook or ([QUICK_NOTEBOOK] if args.quick else None)
    started = time.perf_counter()

    results = {
        "generated": "generated by `make bench` (benchmarks/speed.py): measured on the machine below; do not edit",
        "measured_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": " ".join(["benchmarks/speed.py", *(argv if argv is not None else sys.argv[1:])]),
        "machine": machine.describe(),
        "load_average": {"start": machine.load_average(), "end": None},
    }
    say(f"layerlab speed benchmark on {results['machine']['cpu_model']} "
        f"({results['machine']['cores']} cores, load average {results['load_average']['start']})")
    say("Cat pictures: loading (generating them first if they are not cached) ...")
    results["data"] = warm_data_cache()
    say(f"      {'cached' if results['data']['was_cached'] else 'generated'}, "
        f"loaded in {results['data']['load_seconds']:.2f} s")

    if not args.no_grading:
        results["sandbox_cache_seconds"] = warm_sandbox_cache()
        say(f"Grader's sandbox: stripped, compiled layerlab ready in {results['sandbox_cache_seconds']:.2f} s "
            f"(made once per layerlab version, not timed below)")

    failed = False
    if not args.no_training:
        import training_speed

        say("Matrix-multiply peak of one core (float64) ...")
        peak = machine.peak_gflops(n=512 if args.quick else 2048)
        say(f"      {peak:.1f} GFLOP/s")
        for key, condition in CONDITIONS.items():
            if key != "training" and args.no_busy:
                continue
            say(f"Training the cat model, {iterations} iterations, {repeats} round(s), {condition} ...")
            busy = machine.one_core_busy() if key != "training" else contextlib.nullcontext()
            with busy:
                load = machine.load_average()
                results[key] = training_speed.measure(iterations=iterations, repeats=repeats, peak=peak,
                                                      progress=say)
            results[key]["condition"], results[key]["load_average"] = condition, load
            failed |= results[key]["parameters_max_relative_difference"] > 1e-9

    if not args.no_grading:
        sizes = [("light", 1, True)] if args.quick else (
            [("light", 1, True), ("light", 30, False)] + ([("heavy", 4, False)] if args.heavy else []))
        results["grading"] = measure_grading(sizes, args.jobs)
        failed |= not all(r["full_marks"]["layerlab"] and r["full_marks"]["nbgrader"] for r in results["grading"])

    if not args.no_notebooks:
        paths = source_notebooks(patterns)
        if not paths:
            parser.error(f"no source notebook matches {patterns}")
        results["notebooks"] = run_notebooks(paths, progress=not args.no_progress)
        failed |= any(row["error"] for row in results["notebooks"])

    results["load_average"]["end"] = machine.load_average()
    results["machine"]["blas"] = machine.blas_libraries()  # now also the ones loaded during the run
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    results["targets"] = {}
    for key, condition in CONDITIONS.items():
        if key in results:
            results["targets"][f"reference_within_1.3x_of_tuned_with_dA0, {condition}"] = \
                results[key]["ratio_reference_to_tuned_with_dA0"] <= TARGET_RATIO
    for row in results.get("grading", []):
        if grading_target(row):
            results["targets"][f"grading {row['submissions']} ({row['run']}) >= {grading_target(row):g}x nbgrader"] = \
                row["ratio"] >= grading_target(row)
    if "notebooks" in results:
        results.setdefault("targets", {})["every_notebook_under_its_target"] = all(
            row["meets_target"] for row in results["notebooks"])

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1) + "\n")
    say("")
    say(table(results))
    say(f"\nFigures written to {args.output} ({results['total_seconds']:.0f} s in all).")
    if failed:
        say("FAILED: a notebook raised, the tuned loop disagrees with the reference, or a grader "
            "did not give full marks.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
