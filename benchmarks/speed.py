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
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import layerlab  # noqa: E402,F401  (automatic BLAS threads, as in the notebooks)
import machine  # noqa: E402
import notebook_times  # noqa: E402

DEFAULT_OUTPUT = HERE / "results" / "speed.json"
QUICK_NOTEBOOK = "numpy_basics"
TARGET_SECONDS = 60.0
TARGET_SECONDS_BY_NOTEBOOK = {"deep_nn_application": 90.0}
TARGET_RATIO = 1.3
#: (submissions, graded again with cached plans?, weight) -> the least stock-nbgrader/layerlab ratio
GRADING_TARGETS = {(1, True, "light"): 2.0, (30, False, "light"): 8.0}
CONDITIONS = {"training": "idle", "training_one_core_busy": "one core busy"}


def say(text: str = "") -> None:
    print(text, flush=True)


def source_notebooks(patterns: list[str] | None) -> list[Path]:
    paths = sorted(p for p in (REPO / "source").glob("*/*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    if patterns:
        paths = [p for p in paths if any(pat in p.relative_to(REPO).as_posix() for pat in patterns)]
    return paths


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


# ---------------------------------------------------------------------------------------- report

def _ok(flag: bool) -> str:
    return "ok" if flag else "MISSED"


def table(results: dict) -> str:
    m = results["machine"]
    blas = ", ".join(f"{b['internal_api']} {b['version']} ({b['architecture']}, {b['num_threads']} thread"
                     f"{'s' if b['num_threads'] != 1 else ''})" for b in m["blas"]) or "no BLAS found"
    lines = [f"layerlab speed benchmark, {results['measured_at']}",
             f"machine: {m['cpu_model']}, {m['cores']} cores, Python {m['python']}, NumPy {m['numpy']}, {blas}",
             f"load average (1 min): {results['load_average']['start']} at the start, "
             f"{results['load_average']['end']} at the end"]
    if max(filter(None, results["load_average"].values()), default=0) > 0.5 * m["cores"]:
        lines.append("  (other processes were running: the times below are pessimistic)")

    if results.get("notebooks"):
        lines += ["", "Run All of each source notebook (fresh python3 kernel, heavy cells included)",
                  f"  {'notebook':<58}{'time':>9}  {'target':>8}       {'load':>5}  slowest cell"]
        for row in results["notebooks"]:
            time_text = "error" if row["error"] else f"{row['seconds']:.1f} s"
            top = row["slowest_cells"][0] if row["slowest_cells"] else None
            slow = f"{top['id']} {top['seconds']:.1f} s" if top else ""
            load = row["load_average_before"]
            lines.append(f"  {row['notebook']:<58}{time_text:>9}  < {row['target_seconds']:>3.0f} s  "
                         f"{_ok(row['meets_target']):<6} {load if load is not None else '-':>5}  {slow}")
        lines.append("  (load: the 1-minute load average when the notebook started; "
                     f"{m['cores']} means both cores busy)")

    for key, condition in CONDITIONS.items():
        if results.get(key):
            lines += training_table(results[key], condition)
    if results.get("grading"):
        lines += grading_table(results["grading"])
    return "\n".join(lines)


def training_table(t: dict, condition: str) -> list[str]:
    dims = ", ".join(map(str, t["layers_dims"]))
    lines = ["", f"Training the cat model ({dims}), m = {t['m']}, {t['iterations']} iterations, "
                 f"{t['dtype']}, best of {t['repeats']}: {condition} (load {t.get('load_average', '-')})",
             f"  {'':<46}{'time':>9}{'per iter':>12}{'x tuned':>10}{'x bound':>10}{'CPU time':>11}"]
    names = {"reference": "reference (L_layer_model + the blocks)",
             "tuned": f"tuned minimal loop (best: {t['tuned_blas_threads']} BLAS thread(s))",
             "tuned_with_dA0": "tuned loop, also computing dA0"}
    bound = t.get("bound_seconds")
    for key, label in names.items():
        s = t["seconds"][key]
        xb = f"{s / bound:.2f}" if bound else "-"
        lines.append(f"  {label:<46}{s:>7.2f} s{t['ms_per_iteration'][key]:>9.2f} ms"
                     f"{s / t['seconds']['tuned']:>10.2f}{xb:>10}{t['cpu_seconds'][key]:>9.2f} s")
    if bound:
        lines.append(f"  {'matmul bound':<46}{bound:>7.2f} s{1000 * bound / t['iterations']:>9.2f} ms"
                     f"{bound / t['seconds']['tuned']:>10.2f}{1:>10.2f}")
        lines.append(f"    bound: {t['matmul_flops_per_iteration'] / 1e6:.1f} MFLOP of matrix products per "
                     f"iteration at {t['peak_gflops']:.1f} GFLOP/s (one core's float64 peak, in CPU time)")
    lines.append("  tuned loop by threads: " + ", ".join(
        f"{name.removeprefix('tuned_')} {s:.2f} s" for name, s in t["tuned_seconds_by_threads"].items()))
    lines.append(f"  reference's BLAS threads after each round: {t['reference_blas_threads_after_each_round']}")
    steps = t["reference_ms_per_iteration_by_step"]
    lines.append("  reference, ms per iteration by step: "
                 + ", ".join(f"{name} {ms:.2f}" for name, ms in steps.items()))
    ratio = t["ratio_reference_to_tuned_with_dA0"]
    lines.append(f"  reference within {TARGET_RATIO}x of the best tuned loop doing the course's work (dA0 "
                 f"included): {ratio:.2f}x  {_ok(ratio <= TARGET_RATIO)}")
    if "cpu_ratio_reference_to_tuned_with_dA0" in t:
        lines.append(f"  the same in CPU time (less disturbed by other processes): "
                     f"{t['cpu_ratio_reference_to_tuned_with_dA0']:.2f}x")
    lines.append(f"  reference against the minimal tuned loop (no dA0, which the course's "
                 f"L_model_backward returns): {t['ratio_reference_to_tuned']:.2f}x")
    lines.append(f"  parameters of reference and tuned loop agree to "
                 f"{t['parameters_max_relative_difference']:.1e} (relative)")
    return lines


def grading_table(rows: list[dict]) -> list[str]:
    lines = ["", "Grading, layerlab's grader against stock `nbgrader autograde` (same machine, same run)",
             f"  {'assignment':<28}{'n':>4}  {'run':<24}{'layerlab':>10}{'nbgrader':>10}{'ratio':>8}"
             f"{'target':>8}  {'load':>5}"]
    for r in rows:
        target = grading_target(r)
        mark = f">= {target:g}x {_ok(r['ratio'] >= target)}" if target else ""
        lines.append(f"  {r['assignment']:<28}{r['submissions']:>4}  {r['run']:<24}{r['layerlab_seconds']:>8.1f} s"
                     f"{r['nbgrader_seconds']:>8.1f} s{r['ratio']:>7.1f}x  {mark:<12}{r['load_average']:>5}")
    return lines


def grading_target(row: dict) -> float | None:
    return GRADING_TARGETS.get((row["submissions"], row["run"].startswith("regrade"), row["weight"]))


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
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="the grader's --jobs")
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
