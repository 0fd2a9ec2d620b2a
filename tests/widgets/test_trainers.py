"""Do the week-2 and week-4 trainers train with the student's functions on their own, without a
widget: the same numbers as the notebooks' ``model`` and ``L_layer_model``, runs kept and dropped,
problems named, the figure of week 4 in words; and do they (and the playground's trainer) import
without ipywidgets or Matplotlib?"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pytest

from layerlab.widgets.deep_trainer import OVERFLOW, DeepTrainer
from layerlab.widgets.logistic_trainer import LogisticTrainer
from layerlab.widgets.student import NotReady

from conftest import REPO

from .conftest import reference, stub


def _inputs(pictures):
    return pictures.reshape(len(pictures), -1).T / 255


# ----------------------------------------------------------------------------- week 2
def test_a_logistic_run_equals_the_notebooks_model(week2, small_pictures):
    trainer = LogisticTrainer(week2, small_pictures, chunk=100)
    run, dropped = trainer.new_run(learning_rate=0.01, num_iterations=300)
    assert dropped == [] and trainer.current is run
    steps = [trainer.advance() for _ in range(4)]
    assert steps == [True, True, False, False] and run.iteration == 300
    train_x, train_y, test_x, test_y, _ = small_pictures
    d = reference("week2_logistic_regression").model(_inputs(train_x), train_y, _inputs(test_x), test_y,
                                                      num_iterations=300, learning_rate=0.01)
    assert run.cost_iterations == [0, 100, 200]
    np.testing.assert_allclose(run.costs, d["costs"], rtol=1e-12)
    np.testing.assert_allclose(run.w, d["w"], rtol=1e-12)
    assert run.train_accuracy == pytest.approx(np.mean(d["Y_prediction_train"] == train_y))
    assert run.test_accuracy == pytest.approx(np.mean(d["Y_prediction_test"] == test_y))
    wrong = np.flatnonzero(d["Y_prediction_test"].ravel() != test_y.ravel())
    np.testing.assert_array_equal(trainer.shown("test", only_mistakes=True), wrong)
    np.testing.assert_array_equal(trainer.shown("test", only_mistakes=False), np.arange(20))


def test_new_runs_replace_one_in_progress_and_the_oldest_go(week2, small_pictures):
    trainer = LogisticTrainer(week2, small_pictures, chunk=100, max_runs=2)
    first, _ = trainer.new_run(0.01, 100)
    trainer.advance()
    second, _ = trainer.new_run(0.02, 300)
    trainer.advance()                                              # 100 of 300: in progress
    third, dropped = trainer.new_run(0.03, 100)
    assert dropped == [second] and trainer.runs == [first, third]
    trainer.advance()
    fourth, dropped = trainer.new_run(0.04, 100)
    assert dropped == [first] and trainer.runs == [third, fourth]


def test_a_picture_in_words(week2, small_pictures):
    trainer = LogisticTrainer(week2, small_pictures, chunk=100)
    _, _, test_x, test_y, _ = small_pictures
    label = ["non-cat", "cat"][test_y[0, 4]]
    assert trainer.caption("test", 4) == f"test picture #4: {label}\n(train a model to see its probability)"
    run, _ = trainer.new_run(0.01, 100)
    trainer.advance()
    p = 1 / (1 + np.exp(-(run.w.T @ _inputs(test_x[4:5]) + run.b))).item()
    said = "cat" if p > 0.5 else "non-cat"
    verdict = "right" if said == label else "wrong"
    assert trainer.caption("test", 4).splitlines()[1] == f"p(cat) = {p:.2f}: the model says {said} ({verdict})"


def test_an_optimize_of_the_wrong_form_is_named_and_its_run_dropped(week2, small_pictures):
    def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
        return {"w": w}, {}, []                                    # no "b"

    trainer = LogisticTrainer(dict(week2, optimize=optimize), small_pictures)
    trainer.blocked = None                                         # past the probe: fails while training
    trainer.new_run(0.01, 100)
    with pytest.raises(NotReady, match=r"`optimize` returned something unexpected \(KeyError"):
        trainer.advance()
    assert trainer.runs == []


def test_logistic_stubs_block_training(week2, small_pictures):
    trainer = LogisticTrainer(dict(week2, predict=stub("predict")), small_pictures)
    assert trainer.blocked is not None and trainer.blocked.missing
    assert "Not implemented yet: `predict`" in str(trainer.blocked)


# ----------------------------------------------------------------------------- week 4
def test_the_deep_trainer_follows_L_layer_model(week4, small_pictures):
    trainer = DeepTrainer(week4, small_pictures)
    trainer.reset([192, 6, 4, 1])
    assert trainer.train(num_iterations=12, learning_rate=0.05, steps=5) is True
    assert trainer.iteration == 5
    assert trainer.train(num_iterations=12, learning_rate=0.05, steps=100) is False
    assert trainer.iteration == 12 and len(trainer.costs) == 12
    parameters, costs = reference("week4_deep_nn_application").L_layer_model(
        trainer.X, trainer.Y, [192, 6, 4, 1], learning_rate=0.05, num_iterations=12)
    for name, value in parameters.items():
        np.testing.assert_allclose(trainer.parameters[name], value, rtol=0, atol=1e-13)
    assert trainer.costs[0] == pytest.approx(costs[0], rel=1e-12)
    output, _ = reference("week4_deep_nn_application").L_model_forward(trainer.X_test, parameters)
    np.testing.assert_array_equal(trainer.mislabeled,
                                  np.flatnonzero((output > 0.5).ravel() != small_pictures[3].ravel()))
    assert trainer.test_accuracy == pytest.approx(1 - len(trainer.mislabeled) / 20)


def test_the_deep_figure_in_words(week4, small_pictures):
    trainer = DeepTrainer(week4, small_pictures)
    trainer.reset([192, 5, 1])
    assert trainer.describe(100, shown=3).startswith("Cost: no iteration yet (0 of 100). Train accuracy ")
    trainer.train(num_iterations=30, learning_rate=0.1)
    costs = np.array(trainer.costs)
    words = trainer.describe(100, shown=3)
    low = int(np.argmin(costs))
    assert words.startswith(f"Cost after 30 of 100 iterations: {costs[0]:.4f} at iteration 0, lowest "
                            f"{costs[low]:.4f} at iteration {low}, last {costs[-1]:.4f} at iteration 29; ")
    rises = int(np.sum(np.diff(costs) > 0))
    assert ("it falls at every iteration" if rises == 0 else f"it rose at {rises} of the 29 iterations") in words
    m = len(trainer.mislabeled)
    assert f"{m} of 20 test pictures mislabeled" in words
    if m:
        first = int(trainer.mislabeled[0])
        assert f"#{first} says " in words and f"(p(cat) = {trainer.test_probabilities[0, first]:.2f})" in words
        assert words.count("p(cat)") == min(m, 3) and (m <= 3) == (", the first 3 shown" not in words)


def test_a_learning_rate_far_too_large_overflows_and_says_so(week4, small_pictures):
    trainer = DeepTrainer(week4, small_pictures)
    trainer.reset([192, 8, 1])
    with pytest.raises(NotReady) as raised:
        for _ in range(50):
            trainer.train(num_iterations=1000, learning_rate=1e6, steps=5)
    assert raised.value is OVERFLOW and "learning rate is too large" in str(raised.value)


def test_deep_stubs_block_training(week4, small_pictures):
    trainer = DeepTrainer(dict(week4, L_model_backward=stub("L_model_backward")), small_pictures)
    trainer.reset([192, 3, 1])
    assert "Not implemented yet: `L_model_backward`" in str(trainer.blocked)
    with pytest.raises(NotReady):
        trainer.train(num_iterations=10, learning_rate=0.01)
    assert trainer.iteration == 0


# ----------------------------------------------------------------------------- no widgets needed
def test_the_trainers_need_neither_ipywidgets_nor_matplotlib():
    """In a Python where ipywidgets and Matplotlib cannot be imported, the three trainers import,
    and the week-4 one trains a small network with plain NumPy building blocks."""
    script = textwrap.dedent("""
        import sys
        sys.modules["ipywidgets"] = sys.modules["matplotlib"] = None   # importing them fails
        import numpy as np
        from layerlab.widgets.logistic_trainer import LogisticTrainer
        from layerlab.widgets.planar_trainer import PlanarTrainer
        from layerlab.widgets.deep_trainer import DeepTrainer

        def forward(X, p):                                   # sigmoid units in every layer
            A, caches = X, []
            for l in range(1, len(p) // 2 + 1):
                caches.append((A, p[f"W{l}"]))
                A = 1 / (1 + np.exp(-(p[f"W{l}"] @ A + p[f"b{l}"])))
            return A, caches

        def cost(A, Y):
            return -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))

        def backward(A, Y, caches):
            grads, dZ = {}, (A - Y) / Y.shape[1]
            for l in range(len(caches), 0, -1):
                A_prev, W = caches[l - 1]
                grads[f"dW{l}"], grads[f"db{l}"] = dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)
                dZ = (W.T @ dZ) * A_prev * (1 - A_prev)
            return grads

        def update(p, g, rate):
            return {k: p[k] - rate * g["d" + k] for k in p}

        rng = np.random.RandomState(0)
        data = (rng.randint(0, 255, (30, 4, 4, 3)), rng.randint(0, 2, (1, 30)),
                rng.randint(0, 255, (10, 4, 4, 3)), rng.randint(0, 2, (1, 10)), np.array([b"a", b"b"]))
        trainer = DeepTrainer({"L_model_forward": forward, "compute_cost": cost,
                               "L_model_backward": backward, "update_parameters": update}, data)
        trainer.reset([48, 1])
        assert trainer.blocked is None, trainer.blocked
        assert trainer.train(num_iterations=20, learning_rate=0.1) is False
        assert trainer.costs[-1] < trainer.costs[0]
        assert "ipywidgets" not in sys.modules or sys.modules["ipywidgets"] is None
        print("trained", len(trainer.costs))
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "trained 20"
