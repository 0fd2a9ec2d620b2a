"""Does layerlab.gradcheck tell a right backward pass from a wrong one?

The models below (logistic regression; a 2-layer tanh/sigmoid network) are small, independent
implementations written only as test fixtures: they are not shipped and are not the course's
solutions. Course notation: examples are columns, X is (n_x, m), Y is (1, m).
"""

import copy
import re

import numpy as np
import pytest

from layerlab.gradcheck import (
    GradientCheckError,
    MissingGradientError,
    gradient_check,
    numerical_gradient,
    relative_error,
)

# ------------------------------------------------------------------------------------------
# Fixtures: two small models with their cost and hand-written gradients
# ------------------------------------------------------------------------------------------


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def cross_entropy(A, Y):
    """A, Y: (1, m) -> float."""
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)


def logreg_data(n_x=5, m=8, seed=0):
    rng = np.random.RandomState(seed)
    X = rng.randn(n_x, m)                                  # (n_x, m)
    Y = (rng.rand(1, m) > 0.5).astype(float)               # (1, m)
    params = {"w": rng.randn(n_x, 1) * 0.5, "b": 0.0}      # w (n_x, 1); b a Python float
    return X, Y, params


def logreg_cost(params, X, Y):
    A = sigmoid(params["w"].T @ X + params["b"])           # (1, m)
    return cross_entropy(A, Y)


def logreg_grads(params, X, Y, bug=None):
    """Gradients {"dw": (n_x, 1), "db": float}; `bug` injects a classic mistake."""
    m = X.shape[1]
    A = sigmoid(params["w"].T @ X + params["b"])
    dZ = A - Y                                             # (1, m)
    dw = X @ dZ.T / m                                      # (n_x, 1)
    db = float(np.sum(dZ) / m)
    if bug == "missing 1/m":
        dw = X @ dZ.T
    return {"dw": dw, "db": db}


def net_data(n_x=3, n_h=4, m=6, seed=1, scale=0.8):
    rng = np.random.RandomState(seed)
    X = rng.randn(n_x, m)                                  # (n_x, m)
    Y = (rng.rand(1, m) > 0.5).astype(float)               # (1, m)
    params = {
        "W1": rng.randn(n_h, n_x) * scale,                 # (n_h, n_x)
        "b1": rng.randn(n_h, 1) * 0.1,                     # (n_h, 1)
        "W2": rng.randn(1, n_h) * scale,                   # (1, n_h)
        "b2": rng.randn(1, 1) * 0.1,                       # (1, 1)
    }
    return X, Y, params


def net_forward(params, X):
    A1 = np.tanh(params["W1"] @ X + params["b1"])          # (n_h, m)
    A2 = sigmoid(params["W2"] @ A1 + params["b2"])         # (1, m)
    return A1, A2


def net_cost(params, X, Y):
    return cross_entropy(net_forward(params, X)[1], Y)


def net_grads(params, X, Y, bug=None):
    """Gradients dW1 (n_h, n_x), db1 (n_h, 1), dW2 (1, n_h), db2 (1, 1), plus dZ1/dZ2 extras."""
    m = X.shape[1]
    A1, A2 = net_forward(params, X)
    dZ2 = A2 - Y                                           # (1, m)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    tanh_slope = (1 - A1) if bug == "1 - A" else (1 - A1 ** 2)
    dZ1 = params["W2"].T @ dZ2 * tanh_slope                # (n_h, m)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    if bug == "missing 1/m":
        dW1 = dZ1 @ X.T
    if bug == "wrong sign":
        dW2 = -dW2
    if bug == "transposed dW1":
        dW1 = dW1.T
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dZ1": dZ1, "dZ2": dZ2}


def check_net(params, grads, X, Y, **kwargs):
    kwargs.setdefault("verbose", False)
    return gradient_check(lambda p: net_cost(p, X, Y), params, grads, **kwargs)


# ------------------------------------------------------------------------------------------
# Right gradients pass
# ------------------------------------------------------------------------------------------


def test_right_logistic_regression_gradients_pass_with_b_a_python_float():
    X, Y, params = logreg_data()
    seen_b_types = set()

    def cost(p):
        seen_b_types.add(type(p["b"]))
        return logreg_cost(p, X, Y)

    result = gradient_check(cost, params, logreg_grads(params, X, Y), verbose=False)
    assert result.passed
    assert set(result.relative_errors) == {"w", "b"}
    assert all(e < 1e-7 for e in result.relative_errors.values()), result.relative_errors
    assert result["b"].shape == ()
    assert seen_b_types == {float}, "cost should receive b as a Python float, as it was given"


def test_right_two_layer_network_gradients_pass_and_extra_grad_keys_are_ignored():
    X, Y, params = net_data()
    result = check_net(params, net_grads(params, X, Y), X, Y)  # grads also holds dZ1, dZ2
    assert result.passed, result.report()
    assert list(result.relative_errors) == ["W1", "b1", "W2", "b2"]
    assert max(result.relative_errors.values()) < 1e-7
    assert result.overall_relative_error < 1e-7


# ------------------------------------------------------------------------------------------
# Wrong gradients are caught, and blamed on the right parameter
# ------------------------------------------------------------------------------------------


def test_missing_one_over_m_in_logistic_regression_is_detected():
    X, Y, params = logreg_data()
    result = gradient_check(lambda p: logreg_cost(p, X, Y), params,
                            logreg_grads(params, X, Y, bug="missing 1/m"), verbose=False)
    assert not result.passed
    assert result.failed == ["w"]
    assert result["w"].relative_error > 1e-3


@pytest.mark.parametrize(
    "bug, blamed",
    [
        ("missing 1/m", ["W1"]),
        ("wrong sign", ["W2"]),
        ("1 - A", ["W1", "b1"]),
    ],
)
def test_classic_backprop_mistakes_are_detected(bug, blamed):
    X, Y, params = net_data()
    result = check_net(params, net_grads(params, X, Y, bug=bug), X, Y)
    assert not result.passed
    assert result.failed == blamed
    for name in blamed:
        assert result[name].relative_error > 1e-3
        assert not result[name].rounding_noise


def test_transposed_dW_is_detected_when_W_is_square():
    X, Y, params = net_data(n_x=4, n_h=4)
    grads = net_grads(params, X, Y, bug="transposed dW1")
    assert grads["dW1"].shape == params["W1"].shape  # shapes agree, only the values can tell
    result = check_net(params, grads, X, Y)
    assert result.failed == ["W1"]
    assert result["W1"].relative_error > 1e-3


def test_a_single_corrupted_entry_is_found_and_named():
    X, Y, params = net_data()
    grads = net_grads(params, X, Y)
    grads["dW1"][2, 1] += 1e-3
    result = check_net(params, grads, X, Y)
    assert result.failed == ["W1"]
    worst = result["W1"].worst[0]
    assert worst.index == (2, 1)
    assert worst.analytic == pytest.approx(worst.numerical + 1e-3, abs=1e-8)
    report = result.report()
    assert "W1[2, 1]" in report
    assert "FAILED" in report


def test_tiny_gradients_are_called_rounding_noise_not_a_bug():
    # With the course's x0.01 initialisation the gradients are ~1e-4, and rounding in the cost
    # alone lifts a right gradient's relative error above 1e-7 at epsilon = 1e-7.
    X, Y, params = net_data(n_x=2, n_h=4, m=400, scale=0.01)
    params["b1"][:] = 0.0
    params["b2"][:] = 0.0
    result = check_net(params, net_grads(params, X, Y), X, Y)
    noisy = [n for n, c in result.checks.items() if not c.passed]
    assert noisy, "this setup is meant to exceed 1e-7 through rounding alone"
    assert all(result[n].rounding_noise for n in noisy)
    assert "INCONCLUSIVE" in result.report()
    # ... and the suggested remedy works
    assert check_net(params, net_grads(params, X, Y), X, Y, epsilon=1e-5).passed
    # ... while a real bug at the same scale is not excused as noise
    buggy = check_net(params, net_grads(params, X, Y, bug="1 - A"), X, Y)
    assert not buggy["W1"].rounding_noise
    assert "FAILED" in buggy.report()


# ------------------------------------------------------------------------------------------
# The building blocks
# ------------------------------------------------------------------------------------------


def test_numerical_gradient_of_sum_of_cubes_is_three_x_squared_and_x_is_restored_exactly():
    # 0.1, 0.7, ... are not exactly representable, so "add epsilon, then subtract it" would
    # not always give the same bits back; the original values must be put back.
    x = np.array([[0.1, -0.7, 1.3], [2.9, -3.3, 0.0]])
    before = x.copy()
    approx = numerical_gradient(lambda: np.sum(x ** 3), x)
    assert approx.shape == x.shape
    np.testing.assert_allclose(approx, 3 * before ** 2, rtol=1e-6, atol=1e-6)
    assert np.array_equal(x, before)
    assert x.tobytes() == before.tobytes()
    # centred: ((x+e)^3 - (x-e)^3) / 2e = 3x^2 + e^2 exactly, so even e = 1e-4 is accurate to
    # ~1e-8, where a one-sided difference would be off by about 3 x e (~1e-3)
    coarse = numerical_gradient(lambda: np.sum(x ** 3), x, epsilon=1e-4)
    np.testing.assert_allclose(coarse, 3 * before ** 2, rtol=0, atol=1e-6)


def test_numerical_gradient_restores_x_even_when_f_raises():
    x = np.array([0.3, 0.6, 0.9])
    before = x.copy()
    calls = []

    def f():
        calls.append(1)
        if len(calls) == 3:  # second entry, first nudge
            raise RuntimeError("boom")
        return float(np.sum(x))

    with pytest.raises(RuntimeError, match="boom"):
        numerical_gradient(f, x)
    assert x.tobytes() == before.tobytes()


def test_numerical_gradient_refuses_integer_arrays():
    x = np.array([1, 2, 3])
    with pytest.raises(GradientCheckError, match="integer"):
        numerical_gradient(lambda: float(np.sum(x ** 2)), x)


def test_relative_error_values():
    assert relative_error(np.zeros((2, 3)), np.zeros((2, 3))) == 0.0
    assert relative_error(np.array([1.0, 2.0]), -np.array([1.0, 2.0])) == pytest.approx(1.0)
    # ||(3, 4) - (0, 0)|| / (5 + 0) = 1;  ||(1,0)-(0,1)|| / (1 + 1) = sqrt(2)/2
    assert relative_error([3.0, 4.0], [0.0, 0.0]) == pytest.approx(1.0)
    assert relative_error([1.0, 0.0], [0.0, 1.0]) == pytest.approx(np.sqrt(2) / 2)
    assert isinstance(relative_error(np.ones(3), np.ones(3) * 1.1), float)
    with pytest.raises(ValueError, match=r"\(3, 1\).*\(3,\)"):
        relative_error(np.ones((3, 1)), np.ones(3))


# ------------------------------------------------------------------------------------------
# The caller's data is never changed
# ------------------------------------------------------------------------------------------


def test_callers_parameters_and_grads_are_unchanged():
    X, Y, params = net_data()
    grads = net_grads(params, X, Y)
    grads["dW2"][0, 1] += 0.5  # a failing check must not touch anything either
    params_before, grads_before = copy.deepcopy(params), copy.deepcopy(grads)
    param_arrays = {k: v for k, v in params.items()}

    seen = []

    def cost(p):
        seen.append(p)
        return net_cost(p, X, Y)

    check_net(params, grads, X, Y)
    gradient_check(cost, params, grads, verbose=False)
    assert all(p is not params for p in seen)
    assert all(p[k] is not params[k] for p in seen for k in params)
    assert params.keys() == params_before.keys() and grads.keys() == grads_before.keys()
    for k in params:
        assert params[k] is param_arrays[k]
        assert params[k].tobytes() == params_before[k].tobytes()
    for k in grads:
        assert grads[k].tobytes() == grads_before[k].tobytes()


def test_cost_that_changes_its_parameters_is_reported():
    X, Y, params = net_data()
    before = copy.deepcopy(params)

    def greedy_cost(p):
        J = net_cost(p, X, Y)
        p["W1"] -= 0.01  # an update inside the cost: not allowed
        return J

    with pytest.raises(GradientCheckError, match="changed the parameters"):
        gradient_check(greedy_cost, params, net_grads(params, X, Y), verbose=False)
    assert params["W1"].tobytes() == before["W1"].tobytes()


# ------------------------------------------------------------------------------------------
# Bad input gets a clear error
# ------------------------------------------------------------------------------------------


def test_missing_gradient_key_names_the_expected_key_and_the_keys_present():
    X, Y, params = net_data()
    grads = net_grads(params, X, Y)
    del grads["dW2"]
    with pytest.raises(MissingGradientError) as info:
        check_net(params, grads, X, Y)
    message = str(info.value)
    assert "'dW2'" in message
    assert "'dW1'" in message and "'db1'" in message and "'db2'" in message
    assert isinstance(info.value, KeyError)


def test_rank_one_gradient_is_explained():
    X, Y, params = net_data()
    grads = net_grads(params, X, Y)
    grads["db1"] = grads["db1"].ravel()  # (4,) instead of (4, 1)
    with pytest.raises(GradientCheckError) as info:
        check_net(params, grads, X, Y)
    message = str(info.value)
    assert "'db1'" in message and "(4,)" in message and "(4, 1)" in message
    assert "rank-1" in message and "keepdims=True" in message


def test_other_shape_mismatches_say_both_shapes():
    X, Y, params = net_data(n_x=3, n_h=4)
    grads = net_grads(params, X, Y)
    grads["dW1"] = grads["dW1"].T  # (3, 4) instead of (4, 3)
    with pytest.raises(GradientCheckError) as info:
        check_net(params, grads, X, Y)
    message = str(info.value)
    assert "(3, 4)" in message and "(4, 3)" in message and "transposed" in message
    assert "rank-1" not in message


def test_scalar_parameter_with_array_gradient_is_explained():
    X, Y, params = logreg_data()
    grads = logreg_grads(params, X, Y)
    grads["db"] = np.array([[grads["db"]]])
    with pytest.raises(GradientCheckError, match=r"'db'.*\(1, 1\).*\(\)"):
        gradient_check(lambda p: logreg_cost(p, X, Y), params, grads, verbose=False)


@pytest.mark.parametrize(
    "make_cost, expected",
    [
        (lambda J: np.array([[J]]), [r"\(1, 1\)", "np.squeeze"]),
        (lambda J: np.full((1, 6), J), [r"\(1, 6\)", "np.sum"]),
        (lambda J: None, ["None", "return cost"]),
        (lambda J: float("nan"), ["nan"]),
    ],
    ids=["shape (1, 1)", "per-example losses", "None", "nan"],
)
def test_cost_that_is_not_one_finite_number_is_explained(make_cost, expected):
    X, Y, params = net_data()
    with pytest.raises(GradientCheckError) as info:
        gradient_check(lambda p: make_cost(net_cost(p, X, Y)), params, net_grads(params, X, Y), verbose=False)
    for pattern in expected:
        assert re.search(pattern, str(info.value)), (pattern, str(info.value))


def test_cost_that_becomes_infinite_at_a_nudge_names_the_entry():
    X, Y, params = net_data()
    start = params["b2"][0, 0]

    def cost(p):
        if p["b2"][0, 0] > start:  # only when b2 is nudged up
            return float("inf")
        return net_cost(p, X, Y)

    with pytest.raises(GradientCheckError, match=r"inf.*b2\[0, 0\].*\+epsilon"):
        gradient_check(cost, params, net_grads(params, X, Y), verbose=False)


def test_integer_parameters_are_refused_because_they_cannot_be_nudged():
    X, Y, params = net_data()
    grads = net_grads(params, X, Y)
    params["b1"] = np.zeros((4, 1), dtype=int)
    with pytest.raises(GradientCheckError) as info:
        check_net(params, grads, X, Y)
    message = str(info.value)
    assert "'b1'" in message and "integer" in message and "epsilon" in message


def test_nan_in_the_analytic_gradient_is_refused():
    X, Y, params = net_data()
    grads = net_grads(params, X, Y)
    grads["dW2"][0, 3] = np.nan
    with pytest.raises(GradientCheckError, match=r"'dW2'.*NaN.*dW2\[0, 3\]"):
        check_net(params, grads, X, Y)


# ------------------------------------------------------------------------------------------
# The report
# ------------------------------------------------------------------------------------------


def test_verbose_prints_a_table_with_verdicts_and_the_reading_guide(capsys):
    X, Y, params = net_data()
    grads = net_grads(params, X, Y, bug="wrong sign")
    result = check_net(params, grads, X, Y, verbose=True)
    printed = capsys.readouterr().out
    assert printed.strip() == str(result).strip()
    lines = printed.splitlines()
    row = {line.split()[0]: line for line in lines if line.split() and line.split()[0] in params}
    assert set(row) == set(params)
    assert "✗" in row["W2"] and "(1, 4)" in row["W2"]
    for name in ("W1", "b1", "b2"):
        assert "✓" in row[name] and "✗" not in row[name]
    assert "worst entries" in printed and "W2[0, " in printed
    assert "1e-7" in printed and "bug" in printed  # the one-line guide to the threshold
    assert "relative error" in lines[1] and "verdict" in lines[1]


def test_quiet_check_prints_nothing_and_passing_report_says_so(capsys):
    X, Y, params = net_data()
    result = check_net(params, net_grads(params, X, Y), X, Y, verbose=False)
    assert capsys.readouterr().out == ""
    report = result.report()
    assert "PASSED" in report and "✗" not in report and report.count("✓") == 4
    assert "worst entries" not in report
    assert repr(result).startswith("GradientCheckResult(passed=True")


# ------------------------------------------------------------------------------------------
# Big parameters and speed
# ------------------------------------------------------------------------------------------


def test_sampling_large_parameters_is_seeded_and_reported():
    X, Y, params = net_data(n_x=30, n_h=6, m=5)
    grads = net_grads(params, X, Y)
    first = check_net(params, grads, X, Y, max_entries_per_parameter=20)
    again = check_net(params, grads, X, Y, max_entries_per_parameter=20)
    assert first.passed
    assert first["W1"].checked == 20 and first["W1"].size == 180 and first["W1"].sampled
    assert first["b1"].checked == 6 and not first["b1"].sampled  # small enough: all of it
    assert "random sample of 20 of its 180 entries" in first.report()
    checked = ~np.isnan(first["W1"].numerical)
    assert checked.sum() == 20
    assert np.array_equal(checked, ~np.isnan(again["W1"].numerical))
    # corrupt an entry that the sample includes: it must be found
    i, j = np.argwhere(checked)[0]
    grads["dW1"][i, j] += 1e-3
    bad = check_net(params, grads, X, Y, max_entries_per_parameter=20)
    assert bad.failed == ["W1"] and bad["W1"].worst[0].index == (i, j)


def test_a_few_hundred_parameters_are_all_checked_by_default():
    """Under the default sample size a small network's every entry is compared (how long that
    takes is measured by benchmarks, not asserted here)."""
    X, Y, params = net_data(n_x=20, n_h=12, m=50)
    n_params = sum(np.size(v) for v in params.values())
    assert 200 <= n_params <= 400
    grads = net_grads(params, X, Y)
    result = check_net(params, grads, X, Y)
    assert result.passed
    assert all(not np.isnan(result[name].numerical).any() for name in params)
