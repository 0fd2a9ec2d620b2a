"""Do the reference solutions of the NumPy basics assignment give the hand-checkable answers?"""

import math

import numpy as np
import pytest


def test_basic_sigmoid_known_values(numpy_basics):
    assert numpy_basics.basic_sigmoid(0) == 0.5
    assert numpy_basics.basic_sigmoid(3) == pytest.approx(1 / (1 + math.e ** -3))
    assert type(numpy_basics.basic_sigmoid(-1.5)) is float


def test_sigmoid_is_elementwise_and_keeps_shape(numpy_basics):
    x = np.array([[0.0, math.log(3)], [-math.log(3), 100.0]])
    s = numpy_basics.sigmoid(x)
    assert s.shape == (2, 2)
    np.testing.assert_allclose(s, [[0.5, 0.75], [0.25, 1.0]])
    assert numpy_basics.sigmoid(0.0) == 0.5


def test_sigmoid_derivative_peaks_at_a_quarter(numpy_basics):
    ds = numpy_basics.sigmoid_derivative(np.array([0.0, math.log(3)]))
    np.testing.assert_allclose(ds, [0.25, 0.75 * 0.25])


def test_image2vector_is_row_major_column(numpy_basics):
    image = np.arange(12).reshape(2, 3, 2)
    v = numpy_basics.image2vector(image)
    assert v.shape == (12, 1)
    np.testing.assert_array_equal(v[:, 0], np.arange(12))


def test_normalize_rows_of_a_3_4_5_triangle(numpy_basics):
    x = np.array([[0.0, 3.0, 4.0], [2.0, 0.0, 0.0]])
    out = numpy_basics.normalize_rows(x)
    np.testing.assert_allclose(out, [[0, 0.6, 0.8], [1, 0, 0]])
    np.testing.assert_array_equal(x, [[0, 3, 4], [2, 0, 0]])  # input untouched


def test_softmax_of_equal_scores_is_uniform_and_rows_sum_to_one(numpy_basics):
    out = numpy_basics.softmax(np.array([[1.0, 1.0, 1.0, 1.0], [0.0, math.log(3), 0.0, 0.0]]))
    np.testing.assert_allclose(out, [[0.25] * 4, [1 / 6, 0.5, 1 / 6, 1 / 6]])


def test_softmax_survives_large_scores(numpy_basics):
    out = numpy_basics.softmax(np.array([[1000.0, 1000.0]]))
    np.testing.assert_allclose(out, [[0.5, 0.5]])


def test_losses_on_the_worked_example(numpy_basics):
    yhat = np.array([.9, .2, .1, .4, .9])
    y = np.array([1, 0, 0, 1, 1])
    assert numpy_basics.L1(yhat, y) == pytest.approx(1.1)
    assert numpy_basics.L2(yhat, y) == pytest.approx(0.43)
    assert numpy_basics.L2(y * 1.0, y) == 0
