"""Training speed of the week-4 cat model: the course's reference code against a tuned minimal NumPy
loop and against the machine's matrix-multiply bound.

Used by benchmarks/speed.py. The reference is what a student's completed notebooks run: the
application notebook's solution ``L_layer_model`` (``SourceNotebook(...).reference()``) calling
the building blocks as ``load_building_blocks`` reads them from the step-by-step notebook (here its
source, whose solution cells are the reference blocks), on ``train_x`` built as the notebook builds
it, with layerlab's automatic BLAS threading (chosen at import, re-checked by the blocks while
training). The tuned loop (benchmarks/tuned_loop.py) runs at every thread count from 1 to the
cores (at most 4), and the best of them is the yardstick.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

import layerlab  # noqa: F401  (applies layerlab's BLAS threading, as in the notebooks)
from layerlab.datasets import load_dataset
from layerlab.building_blocks import load_building_blocks
from layerlab.threads import MAX_AUTO_THREADS, current_blas_threads, usable_cores
from tuned_loop import matmul_flops, train_tuned

REPO = Path(__file__).resolve().parents[1]
APPLICATION = REPO / "source" / "week4_deep_nn_application" / "deep_nn_application.ipynb"
STEP_BY_STEP = REPO / "source" / "week4_deep_nn_step_by_step" / "deep_nn_step_by_step.ipynb"
LAYERS_DIMS = (12288, 20, 7, 5, 1)
LEARNING_RATE = 0.0075


def training_data():
    """``train_x`` (12288, 209) and ``train_y`` (1, 209), built exactly as the application
    notebook builds them (flatten, transpose, / 255: a float64 array in column-major order)."""
    train_x_orig, train_y, _, _, _ = load_dataset()
    m_train = train_x_orig.shape[0]
    return train_x_orig.reshape(m_train, -1).T / 255, train_y


def reference_namespace():
    """The application notebook's reference: its solution ``L_layer_model`` and the building
    blocks as a student's completed notebooks run them (loaded with ``load_building_blocks``)."""
    from autograder.build.source import SourceNotebook

    reference = SourceNotebook(APPLICATION).reference()
    blocks = load_building_blocks(STEP_BY_STEP, quiet=True)
    for name in ("L_model_forward", "compute_cost", "L_model_backward", "update_parameters",
                 "linear_activation_forward", "linear_activation_backward", "initialize_parameters"):
        setattr(reference, name, getattr(blocks, name))
        reference.L_layer_model.__globals__[name] = getattr(blocks, name)  # what L_layer_model calls
    return reference


def _timed(fn):
    """(wall seconds, CPU seconds of this process, result) of ``fn()``."""
    start, start_cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - start, time.process_time() - start_cpu, result


def reference_phases(reference, X, Y, dims, iterations: int) -> dict:
    """Milliseconds per iteration of each step of the reference's training loop, timed one by one:
    the loop of the solution's L_layer_model, calling the same reference blocks."""
    np.random.seed(1)
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = np.random.randn(dims[l], dims[l - 1]) / np.sqrt(dims[l - 1])
        parameters[f"b{l}"] = np.zeros((dims[l], 1))
    spent = dict.fromkeys(["L_model_forward", "compute_cost", "L_model_backward", "update_parameters"], 0.0)
    for _ in range(iterations):
        t0 = time.perf_counter()
        AL, caches = reference.L_model_forward(X, parameters)
        t1 = time.perf_counter()
        reference.compute_cost(AL, Y)
        t2 = time.perf_counter()
        grads = reference.L_model_backward(AL, Y, caches)
        t3 = time.perf_counter()
        parameters = reference.update_parameters(parameters, grads, LEARNING_RATE)
        t4 = time.perf_counter()
        for name, seconds in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            spent[name] += seconds
    return {name: round(1000 * seconds / iterations, 3) for name, seconds in spent.items()}


def _max_relative_difference(a: dict, b: dict) -> float:
    return max(float(np.max(np.abs(a[k] - b[k])) / max(np.max(np.abs(a[k])), 1e-300)) for k in a)


def thread_counts() -> list[int]:
    """The tuned loop's thread counts: 1 to the usable cores, at most MAX_AUTO_THREADS."""
    return list(range(1, min(usable_cores(), MAX_AUTO_THREADS) + 1))


def measure(iterations: int = 300, repeats: int = 3, peak: float | None = None, progress=print) -> dict:
    """Train the cat model ``iterations`` times with each contender, ``repeats`` rounds interleaved
    (reference, tuned at 1 thread, at 2 threads..., tuned + dA0, reference, ...), keeping each one's
    best time; "tuned" is the best tuned loop over the thread counts.

    Arguments:
    iterations -- gradient-descent iterations per training run
    repeats -- rounds; the best of them is kept (the least disturbed by other processes)
    peak -- the machine's float64 matmul peak of one core in GFLOP/s (machine.peak_gflops())
    progress -- called with a line of text after each run

    Returns:
    dict, JSON-ready: the setup, the best seconds of each contender, the matmul bound, the ratios,
    and how far the reference's and the tuned loop's trained parameters differ.
    """
    X, Y = training_data()
    dims = list(LAYERS_DIMS)
    m = X.shape[1]
    reference = reference_namespace()
    L_layer_model = reference.L_layer_model
    counts = thread_counts()

    contenders = {"reference": (None, lambda: L_layer_model(X, Y, dims, learning_rate=LEARNING_RATE,
                                                              num_iterations=iterations, print_cost=False))}
    for n in counts:
        contenders[f"tuned_{n}_threads"] = (n, lambda: train_tuned(X, Y, dims, LEARNING_RATE, iterations))
        contenders[f"tuned_with_dA0_{n}_threads"] = (n, lambda: train_tuned(X, Y, dims, LEARNING_RATE, iterations,
                                                                            input_gradient=True))
    best = {name: float("inf") for name in contenders}
    best_cpu = dict(best)
    results = {}
    reference_threads = []
    for round_ in range(1, repeats + 1):
        for name, (threads, run) in contenders.items():
            if threads is None:
                seconds, cpu, results[name] = _timed(run)
                reference_threads.append(current_blas_threads())
            else:
                with threadpool_limits(limits=threads, user_api="blas"):
                    seconds, cpu, results[name] = _timed(run)
            best[name], best_cpu[name] = min(best[name], seconds), min(best_cpu[name], cpu)
            progress(f"    round {round_}/{repeats}  {name:<26} {seconds:7.2f} s  "
                     f"({1000 * seconds / iterations:.1f} ms per iteration)")
    for kind in ("tuned", "tuned_with_dA0"):
        fastest = min(counts, key=lambda n: best[f"{kind}_{n}_threads"])
        best[kind], best_cpu[kind] = best[f"{kind}_{fastest}_threads"], best_cpu[f"{kind}_{fastest}_threads"]
        results[kind] = results[f"{kind}_{fastest}_threads"]
        if kind == "tuned":
            tuned_threads = fastest
    phases = reference_phases(reference, X, Y, dims, iterations)
    progress("    reference, step by step (ms per iteration): "
             + ", ".join(f"{name} {ms:.2f}" for name, ms in phases.items()))

    flops = matmul_flops(dims, m)
    by_threads = {name: round(s, 4) for name, s in best.items() if name.endswith("_threads")}
    best = {name: best[name] for name in ("reference", "tuned", "tuned_with_dA0")}
    best_cpu = {name: best_cpu[name] for name in best}
    out = {
        "layers_dims": dims,
        "m": m,
        "iterations": iterations,
        "repeats": repeats,
        "dtype": str(X.dtype),
        "reference_blas_threads_after_each_round": reference_threads,
        "tuned_thread_counts": counts,
        "tuned_blas_threads": tuned_threads,
        "seconds": {name: round(s, 4) for name, s in best.items()},
        "tuned_seconds_by_threads": by_threads,
        "ms_per_iteration": {name: round(1000 * s / iterations, 3) for name, s in best.items()},
        "cpu_seconds": {name: round(s, 4) for name, s in best_cpu.items()},
        "reference_ms_per_iteration_by_step": phases,
        "matmul_flops_per_iteration": flops,
        "matmul_flops_per_iteration_with_dA0": matmul_flops(dims, m, input_gradient=True),
        "parameters_max_relative_difference": _max_relative_difference(results["reference"][0],
                                                                        results["tuned"][0]),
    }
    out["ratio_reference_to_tuned"] = round(best["reference"] / best["tuned"], 3)
    out["ratio_reference_to_tuned_with_dA0"] = round(best["reference"] / best["tuned_with_dA0"], 3)
    out["cpu_ratio_reference_to_tuned"] = round(best_cpu["reference"] / best_cpu["tuned"], 3)
    out["cpu_ratio_reference_to_tuned_with_dA0"] = round(best_cpu["reference"] / best_cpu["tuned_with_dA0"], 3)
    if peak:
        bound = flops * iterations / (peak * 1e9)
        out["peak_gflops"] = round(peak, 2)
        out["bound_seconds"] = round(bound, 4)
        out["ratio_to_bound"] = {name: round(s / bound, 3) for name, s in best.items()}
        out["cpu_ratio_to_bound"] = {name: round(s / bound, 3) for name, s in best_cpu.items()}
    return out
