"""The tables that benchmarks/speed.py prints from its results (``make bench``), and its targets."""

from __future__ import annotations

TARGET_RATIO = 1.3
#: (submissions, graded again with cached plans?, weight) -> the least stock-nbgrader/layerlab ratio
GRADING_TARGETS = {(1, True, "light"): 2.0, (30, False, "light"): 8.0}
CONDITIONS = {"training": "idle", "training_one_core_busy": "one core busy"}


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
    jobs = sorted({str(r.get("layerlab_jobs", "?")) for r in rows})
    lines = ["", f"Grading, layerlab's grader (--jobs {', '.join(jobs)}) against stock `nbgrader autograde` "
                 f"(same machine, same run)",
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
