"""Does `make bench`'s script (benchmarks/speed.py) still run end to end?

Only a smoke test on a tiny configuration (one small notebook, 5 training iterations idle and with
one core busy, one submission graded by both graders): it asserts
what the run produces, never how fast anything is (speed is measured by `make bench` itself). And is
the benchmark's tuned loop still the course's model (same parameters as the reference)?
"""

import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import REPO, reference

sys.path.insert(0, str(REPO / "benchmarks"))
from tuned_loop import matmul_flops, train_tuned  # noqa: E402


def test_tuned_loop_trains_the_same_network_as_the_reference():
    rng = np.random.RandomState(0)
    X, Y = rng.rand(30, 40), (rng.rand(1, 40) > 0.5).astype(int)
    dims = [30, 5, 3, 1]
    expected, expected_costs = reference("week4_deep_nn_application").L_layer_model(
        X, Y, dims, learning_rate=0.05, num_iterations=201)
    for input_gradient in (False, True):
        parameters, costs = train_tuned(X, Y, dims, 0.05, 201, input_gradient=input_gradient)
        assert sorted(parameters) == sorted(expected)
        for name, value in expected.items():
            np.testing.assert_allclose(parameters[name], value, rtol=1e-10, atol=1e-13, err_msg=name)
        np.testing.assert_allclose(costs, [float(c) for c in expected_costs], rtol=1e-12)


def test_matmul_flops_count_forward_and_backward_products():
    # forward 2*m*(3*2 + 1*3), backward dW the same, backward dA1 only for layer 2: 2*m*1*3
    assert matmul_flops([2, 3, 1], m=10) == 2 * (2 * 10 * 6 + 2 * 10 * 3) + 2 * 10 * 3
    assert matmul_flops([2, 3, 1], m=10, input_gradient=True) == 3 * (2 * 10 * 6 + 2 * 10 * 3)


@pytest.mark.slow
def test_quick_benchmark_runs_and_writes_its_figures(tmp_path):
    output = tmp_path / "speed.json"
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "speed.py"), "--quick", "--no-progress",
                          "--output", str(output)], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Run All of each source notebook" in run.stdout and "matmul bound" in run.stdout

    figures = json.loads(output.read_text())
    assert "generated" in figures["generated"]
    assert figures["machine"]["cores"] >= 1 and figures["machine"]["numpy"]
    [notebook] = figures["notebooks"]
    assert notebook["notebook"].endswith("numpy_basics.ipynb") and notebook["error"] is None
    training = figures["training"]
    assert training["iterations"] == 5 and training["layers_dims"] == [12288, 20, 7, 5, 1]
    assert set(training["seconds"]) == {"reference", "tuned", "tuned_with_dA0"}
    assert training["parameters_max_relative_difference"] < 1e-9
    assert training["peak_gflops"] > 0 and training["ratio_reference_to_tuned"] > 0
    busy = figures["training_one_core_busy"]
    assert busy["condition"] == "one core busy" and busy["iterations"] == 5
    assert busy["parameters_max_relative_difference"] < 1e-9
    assert set(busy["tuned_seconds_by_threads"]) >= {"tuned_1_threads", "tuned_with_dA0_1_threads"}
    [row] = figures["grading"]
    assert row["submissions"] == 1 and row["run"].startswith("regrade")
    assert row["full_marks"] == {"layerlab": True, "nbgrader": True}
    assert row["layerlab_seconds"] > 0 and row["nbgrader_seconds"] > 0
    assert any(key.startswith("grading 1 ") for key in figures["targets"])
    assert "Grading, layerlab's grader (--jobs" in run.stdout and "against stock `nbgrader autograde`" in run.stdout
