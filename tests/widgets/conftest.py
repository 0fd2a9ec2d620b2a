"""Fixtures for the widget tests: the reference solutions as the student's functions, small
picture sets, and stubs that raise NotImplementedError as the released notebooks' do."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # headless

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from conftest import reference  # noqa: E402

PLAYGROUND_FUNCTIONS = ("initialize_parameters", "forward_propagation", "compute_cost",
                        "backward_propagation", "update_parameters")
LOGISTIC_FUNCTIONS = ("sigmoid", "initialize_with_zeros", "optimize", "predict")
DEEP_FUNCTIONS = ("L_model_forward", "compute_cost", "L_model_backward", "update_parameters")


def functions_of(assignment: str, names) -> dict:
    ns = reference(assignment)
    return {name: getattr(ns, name) for name in names}


@pytest.fixture
def week3():
    """The week-3 reference functions the playground takes, by name."""
    return functions_of("week3_planar_classification", PLAYGROUND_FUNCTIONS)


@pytest.fixture
def week2():
    return functions_of("week2_logistic_regression", LOGISTIC_FUNCTIONS)


@pytest.fixture
def week4():
    return functions_of("week4_deep_nn_application", DEEP_FUNCTIONS)


def stub(name: str):
    """A released notebook's stub: it raises NotImplementedError."""
    def function(*args, **kwargs):
        raise NotImplementedError()
    function.__name__ = name
    return function


@pytest.fixture(scope="session")
def small_pictures():
    """A small picture set in load_dataset's format: 40 training and 20 test pictures of 8 x 8 x 3
    (uint8), labels (1, m); class 1 pictures are brighter on average, plus noise, so a model learns
    something but not everything."""
    rng = np.random.RandomState(0)

    def pictures(m):
        labels = rng.rand(m) < 0.5
        base = rng.randint(0, 200, size=(m, 8, 8, 3))
        base[labels] = np.minimum(base[labels] + rng.randint(0, 90, size=(labels.sum(), 8, 8, 3)), 255)
        return base.astype(np.uint8), labels.astype(np.int64).reshape(1, -1)

    train_x, train_y = pictures(40)
    test_x, test_y = pictures(20)
    return train_x, train_y, test_x, test_y, np.array([b"non-cat", b"cat"])


@pytest.fixture(autouse=True)
def _quiet_numpy():
    with np.errstate(all="ignore"):
        yield
