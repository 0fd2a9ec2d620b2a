"""How cheap is one round trip of the building-block channel (the week-4 application's grading)?

Grading the application makes about 9,000 block calls per submission, each a round trip between
the sandboxed worker and the block process (autograder/boundary/block_server.py). Measured in
one run on one machine:

  1. the encoding of one call's messages (a request carrying the caches of a 3-layer network on
     209 pictures, and its reply), both ends, with the framing used before (one JSON line, arrays
     as base64 text, layerlab.plaindata raw=True) and with the frames of layerlab.block_wire
     (a JSON skeleton, then the arrays' bytes): the ratio old / new;
  2. round trips per second through the real channel: a client process (a worker's stubs) trains
     a [20, 7, 5, 1] network on (20, 209) data against a block process, 4 calls per iteration;
     and the same with the smallest call (relu of a (7, 209) array), which is the channel's cost
     alone. The figure measured with the previous channel (a thread of the grading process, JSON
     lines) on the same machine before the change is kept in REFERENCE for comparison.

  3. with ``--before DIR`` (a checkout of an earlier commit, e.g. ``git worktree add /tmp/old
     41c8e7b``): the grading time of 4 completed application submissions (``--jobs 2``) by that
     tree's grader and by this one, alternated twice: the ratio before / after.

Prints a table and writes benchmarks/results/block_channel.json.

Usage:  python benchmarks/block_channel.py [--iterations 500] [--before DIR] [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from autograder.boundary import block_server, launcher  # noqa: E402
from autograder.build.helper_modules import served_blocks  # noqa: E402
import machine  # noqa: E402
from layerlab import block_wire, plaindata  # noqa: E402

#: round trips per second of the training loop below with the channel before this change (a thread
#: of the grading process, one JSON line per message, arrays in base64), measured on the 2-core
#: machine of the benchmarks at load average ~3.7: two runs of 500 iterations.
REFERENCE = {"commit": "41c8e7b", "training_round_trips_per_second": [259, 470]}

CLIENT = r'''
import json, sys, time, numpy as np
from layerlab.building_blocks import load_building_blocks
b = load_building_blocks(quiet=True)
n = int(sys.argv[1])
rng = np.random.RandomState(0)
X, Y = rng.randn(20, 209), (rng.rand(1, 209) > 0.5).astype(float)
params = b.initialize_parameters_deep([20, 7, 5, 1])
start = time.perf_counter()
for _ in range(n):
    AL, caches = b.L_model_forward(X, params)
    cost = b.compute_cost(AL, Y)
    grads = b.L_model_backward(AL, Y, caches)
    params = b.update_parameters(params, grads, 0.0075)
training = 4 * n / (time.perf_counter() - start)
Z = rng.randn(7, 209)
start = time.perf_counter()
for _ in range(4 * n):
    b.relu(Z)
smallest = 4 * n / (time.perf_counter() - start)
print(json.dumps({"training": training, "smallest": smallest, "cost": float(cost)}))
'''


def channel(iterations: int) -> dict:
    """Round trips per second through a block process, from a client process of the stubs."""
    server = block_server.BlockServer(served_blocks("week4_deep_nn_application"))
    env = {"PATH": os.environ.get("PATH", ""), "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    with server:
        command = server.attach(launcher.WorkerCommand([sys.executable, "-c", CLIENT, str(iterations)],
                                                       env, Path.cwd()))
        proc = subprocess.run(command.argv, env=command.env, cwd=command.cwd, capture_output=True,
                              text=True, timeout=1800, **command.popen)
    if proc.returncode:
        raise SystemExit(f"the client failed:\n{proc.stderr[-3000:]}")
    figures = json.loads(proc.stdout.splitlines()[-1])
    figures["server_seconds_per_call"] = server.seconds / max(1, server.requests)
    return figures


def one_call() -> tuple[tuple, object]:
    """The arguments and the output of one L_model_backward call of the training above."""
    rng = np.random.RandomState(1)
    sizes, m = [20, 7, 5, 1], 209
    A = rng.randn(20, m)
    caches = []
    for n_prev, n in zip(sizes, sizes[1:]):
        W, b, Z = rng.randn(n, n_prev), np.zeros((n, 1)), rng.randn(n, m)
        caches.append(((A, W, b), Z))
        A = np.maximum(Z, 0)
    args = ((rng.rand(1, m), (rng.rand(1, m) > 0.5).astype(float), caches), {})
    output = {f"d{k}{i}": rng.randn(*a.shape) for i, ((_, W, b), _) in enumerate(caches, 1)
              for k, a in (("W", W), ("b", b))}
    return args, output


def codec(repeat: int = 2000) -> dict:
    """Seconds per call (request and reply, encoded and decoded) with the old and new framing."""
    args, output = one_call()

    def old():
        for envelope, value in (({"id": 7, "block": "L_model_backward"}, args), ({"id": 7}, output)):
            line = json.dumps(dict(envelope, args=plaindata.encode(value, raw=True))).encode() + b"\n"
            plaindata.decode(json.loads(line)["args"], raw=True)

    def new():
        for envelope, value in (({"id": 7, "block": "L_model_backward"}, args), ({"id": 7}, output)):
            frame = block_wire.encode(envelope, value)
            block_wire.decode(frame[1], bytearray(b"".join(frame[2:])))

    times = {}
    for name, run in (("old", old), ("new", new), ("old again", old), ("new again", new)):
        start = time.perf_counter()
        for _ in range(repeat):
            run()
        times[name] = (time.perf_counter() - start) / repeat
    best = {"old": min(times["old"], times["old again"]), "new": min(times["new"], times["new again"])}
    return {"old_seconds": best["old"], "new_seconds": best["new"], "ratio": best["old"] / best["new"]}


def application_grading(before: Path, submissions: int = 4) -> dict:
    """Seconds to grade ``submissions`` completed application notebooks with the grader of the
    tree ``before`` and with this one (each twice, alternated; the best of each kept)."""
    import tempfile

    import grading_vs_nbgrader as grading

    assignment, notebook = "week4_deep_nn_application", "deep_nn_application"
    seconds: dict[str, list[float]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory(prefix="layerlab-bench-blocks-") as tmp:
        for n, (label, tree) in enumerate([("before", before), ("after", ROOT)] * 2):
            folder = grading.course(Path(tmp) / f"{label}{n}", assignment, notebook, submissions)
            grading.release(folder, assignment)
            env = {**os.environ, "PYTHONPATH": str(tree),
                   "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "autograder", "grade", "--course", str(folder),
                            "--assignment", assignment, "--jobs", "2"], cwd=folder, env=env,
                           capture_output=True, check=True)
            seconds[label].append(time.perf_counter() - start)
            if not grading.full_marks_layerlab(folder, assignment, submissions):
                raise SystemExit(f"the {label} grader did not give every submission full marks")
    return {"submissions": submissions, "seconds": seconds,
            "ratio": min(seconds["before"]) / min(seconds["after"])}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--iterations", type=int, default=500)
    parser.add_argument("--before", type=Path, help="a checkout of an earlier tree to compare grading with")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "block_channel.json")
    options = parser.parse_args(argv)
    figures = {"machine": {"cpu": machine.cpu_model(), "cores": machine.usable_cores(),
                           "load_average": machine.load_average()},
               "codec": codec(), "channel": channel(options.iterations), "reference": REFERENCE}
    if options.before:
        figures["application_grading"] = application_grading(options.before)
    c, ch = figures["codec"], figures["channel"]
    print(f"one call's messages, old framing / new: {c['old_seconds'] * 1e6:.0f} us / "
          f"{c['new_seconds'] * 1e6:.0f} us = {c['ratio']:.1f}x")
    print(f"round trips per second, training loop: {ch['training']:.0f} "
          f"(before: {'-'.join(map(str, REFERENCE['training_round_trips_per_second']))}); "
          f"smallest call: {ch['smallest']:.0f}")
    if options.before:
        a = figures["application_grading"]
        print(f"grading {a['submissions']} application submissions, before / after: "
              f"{min(a['seconds']['before']):.1f} s / {min(a['seconds']['after']):.1f} s = {a['ratio']:.1f}x")
    print(f"load average {figures['machine']['load_average']}")
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
