"""How many frames per second does the week-3 playground draw while it trains?

One frame is what the playground does between two pictures while Run is on: ``steps`` gradient
steps with the reference solutions of the week-3 notebook (forward_propagation, compute_cost,
backward_propagation, update_parameters: the student's functions in a completed notebook), the
in-place update of every artist (decision-boundary heat map on the grid, points, cost curve, the
selected hidden unit's map, the network drawing, every unit's small map, titles), then the redraws
that ipympl does in the kernel when the browser asks for the pictures: the Agg rendering of both
figures (the main one and the units one) and the PNG diff images it sends.

Setting measured (the issue's target: at least 10 frames per second): the flower (400 points),
the 2-layer network with 4 tanh hidden units, 20 steps per frame. Also reported: the same with
50 hidden units, and a ReLU hidden layer (widget-side forward pass, two backward_propagation calls).

Usage:
    python benchmarks/widget_frames.py                 # 60 frames per setting after 5 warm-up frames
    python benchmarks/widget_frames.py --frames 200 --steps 20

Timings are wall-clock on whatever else the machine is doing; the CPU time of this process is
printed too (less sensitive to other jobs on a shared machine).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from autograder.build.source import SourceNotebook  # noqa: E402
from layerlab.widgets import Playground  # noqa: E402

NOTEBOOK = REPO / "source" / "week3_planar_classification" / "planar_classification.ipynb"
FUNCTIONS = ("initialize_parameters", "forward_propagation", "compute_cost", "backward_propagation",
             "update_parameters")


def measure(functions: dict, frames: int, steps: int, warmup: int = 5, **settings) -> dict:
    """Frame times of a playground with ``settings``: returns wall and CPU seconds per frame, and
    the parts (training + artist updates, rendering)."""
    playground = Playground(**functions, steps_per_frame=steps, **settings)
    canvases = [playground.figures.main.canvas, playground.figures.units.canvas]
    for canvas in canvases:
        canvas.syncing_data_url = False  # as with a browser attached: only diff images are made
    for _ in range(warmup):
        playground.frame()
        for canvas in canvases:
            canvas.draw()
    wall = cpu = update = 0.0
    for _ in range(frames):
        w0, c0 = time.perf_counter(), time.process_time()
        assert playground.frame(), playground.problem
        w1 = time.perf_counter()
        for canvas in canvases:
            canvas.draw()  # ipympl: Agg rendering + PNG diff image for the browser
        wall += time.perf_counter() - w0
        cpu += time.process_time() - c0
        update += w1 - w0
    return {"wall": wall / frames, "cpu": cpu / frames, "update": update / frames,
            "render": (wall - update) / frames, "iteration": playground.iteration,
            "train_accuracy": playground.train_accuracy}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frames", type=int, default=60, help="frames measured per setting")
    parser.add_argument("--steps", type=int, default=20, help="gradient steps per frame")
    args = parser.parse_args(argv)

    reference = SourceNotebook(NOTEBOOK).reference()
    functions = {name: getattr(reference, name) for name in FUNCTIONS}
    settings = {
        "flower, 4 tanh units (target)": {"hidden_units": 4},
        "flower, 50 tanh units": {"hidden_units": 50},
        "flower, 4 ReLU units": {"hidden_units": 4, "activation": "relu", "learning_rate": 0.5},
    }
    print(f"playground frame = {args.steps} gradient steps + artist updates + ipympl redraw "
          f"(Agg + PNG diff), {args.frames} frames per setting, 400 training points")
    print(f"{'setting':<32}{'fps':>7}{'ms/frame':>10}{'train+update':>14}{'render':>9}{'cpu ms':>8}")
    target = None
    for label, setting in settings.items():
        result = measure(functions, args.frames, args.steps, **setting)
        fps = 1.0 / result["wall"]
        target = fps if target is None else target
        print(f"{label:<32}{fps:>7.1f}{1000 * result['wall']:>10.1f}{1000 * result['update']:>14.1f}"
              f"{1000 * result['render']:>9.1f}{1000 * result['cpu']:>8.1f}")
    print(f"target: at least 10 frames per second for the first setting: "
          f"{'met' if target >= 10 else 'NOT met'} ({target:.1f} fps)")
    return 0


if __name__ == "__main__":
    np.seterr(all="ignore")
    sys.exit(main())
