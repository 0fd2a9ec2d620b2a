"""Mistakes in the week-2 and week-4 functions, one per catalogue entry their checks know that the
notebooks' own mistake lists do not already reach (see test_mistake_catalogue.py)."""

from __future__ import annotations

import numpy as np

from checks.test_deep_nn_application_checks import L_model
from conftest import reference

LR = reference("week2_logistic_regression")
D = reference("week4_deep_nn_step_by_step")
APP = reference("week4_deep_nn_application")


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _sigmoid_without_return(x):
    s = 1 / (1 + np.exp(-x))  # noqa: F841 (the mistake: no return)


def _sigmoid_calling_itself(x):
    return _sigmoid_calling_itself(x)  # the mistake: its own name where another function was meant


def _sigmoid_negating_in_place(x):
    x = np.asarray(x)
    x *= -1.5  # the mistake: in place, on what may be an int array
    return 1 / (1 + np.exp(x / 1.5))


def _cost_missing_a_star(AL, Y):
    m = Y.shape[1]
    return -1 / m (np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))  # noqa: F821 (the mistake: no `*` after 1 / m)


def _after(fn, change):
    """fn, with its output passed through ``change``."""
    return lambda *args, **kwargs: change(fn(*args, **kwargs))


def _linear_backward(m_axis=1, dW_order="dZ first", out="dA_prev, dW, db"):
    def linear_backward(dZ, cache):
        A_prev, W, b = cache
        m = A_prev.shape[m_axis]
        dW = (dZ @ A_prev.T if dW_order == "dZ first" else A_prev @ dZ.T) / m
        db = np.sum(dZ, axis=1, keepdims=True) / m
        dA_prev = W.T @ dZ
        return (dW, db, dA_prev) if out == "dW, db, dA_prev" else (dA_prev, dW, db)
    return linear_backward


def _L_backward(stop=1):
    def L_model_backward(AL, Y, caches):
        grads, L = {}, len(caches)
        Y = Y.reshape(AL.shape)
        dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = D.linear_activation_backward(
            dAL, caches[L - 1], "sigmoid")
        for l in reversed(range(stop, L)):
            grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = D.linear_activation_backward(
                grads[f"dA{l}"], caches[l - 1], "relu")
        return grads
    return L_model_backward


def _update(last=0, rate=None):
    def update_parameters(params, grads, learning_rate):
        L = len(params) // 2
        out = dict(params)
        for l in range(1, L + 1 - last):
            for p in ("W", "b"):
                out[f"{p}{l}"] = params[f"{p}{l}"] - (rate or learning_rate) * grads[f"d{p}{l}"]
        return out
    return update_parameters


def _activation_forward(a="activation", skip=False, unpack_linear=True):
    def linear_activation_forward(A_prev, W, b, activation):
        if unpack_linear == "three":
            Z, linear_cache, _ = D.linear_forward(A_prev, W, b)
        elif unpack_linear:
            Z, linear_cache = D.linear_forward(A_prev, W, b)
        else:
            Z = D.linear_forward(A_prev, W, b)  # the pair (Z, cache), not unpacked
            linear_cache = None
        chosen = activation if a == "activation" else a
        A, activation_cache = (D.relu if chosen == "relu" else D.sigmoid)(Z)
        return (Z if skip else A), (linear_cache, activation_cache)
    return linear_activation_forward


def _deep_init_stopping_early(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L):  # the mistake: stops one layer early
        parameters[f"W{l}"] = np.random.randn(layers_dims[l], layers_dims[l - 1]) / np.sqrt(layers_dims[l - 1])
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


def _L_layer_model_with(init):
    def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
        np.random.seed(1)
        parameters, costs = init(layers_dims), []
        for i in range(num_iterations):
            AL, caches = APP.L_model_forward(X, parameters)
            cost = APP.compute_cost(AL, Y)
            parameters = APP.update_parameters(parameters, APP.L_model_backward(AL, Y, caches), learning_rate)
            if i % 100 == 0:
                costs.append(cost)
        return parameters, costs
    return L_layer_model


def _deep_init_rand(layer_dims):
    np.random.seed(3)
    out = {}
    for l in range(1, len(layer_dims)):
        out[f"W{l}"] = np.random.rand(layer_dims[l], layer_dims[l - 1]) * 0.01
        out[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return out


def _optimize_reading(key):
    def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
        grads, cost = LR.propagate(w, b, X, Y)
        return {"w": w - learning_rate * grads[key], "b": b}, grads, [cost]
    return optimize


# (notebook, function, mistaken implementation, catalogue id it must be named by)
MISTAKES = [
    ("numpy_basics", "sigmoid", lambda x: 1 / 1 + np.exp(-x), "sigmoid.missing-parentheses"),
    ("numpy_basics", "sigmoid", lambda x: 1 / (1 - np.exp(-x)), "sigmoid.minus-in-denominator"),
    ("numpy_basics", "sigmoid", lambda x: 1 / (1 + np.exp(-z)), "error.undefined-name"),  # noqa: F821
    ("numpy_basics", "sigmoid_derivative", lambda x: 1 - _sigmoid(x),
     "sigmoid-derivative.returned-one-minus-s"),
    ("numpy_basics", "sigmoid_derivative", lambda x: 1 - _sigmoid(x) ** 2, "sigmoid-derivative.tanh-derivative"),
    ("numpy_basics", "sigmoid_derivative", lambda x: _sigmoid_without_return(x) * 2, "error.none-used"),
    ("numpy_basics", "image2vector",
     lambda im: im.reshape(im.shape[0] * im.shape[1] * im.shape[2] * im.shape[3], 1), "error.rank-1-shape-index"),
    ("numpy_basics", "sigmoid", _sigmoid_calling_itself, "error.recursion"),
    ("numpy_basics", "sigmoid", _sigmoid_negating_in_place, "input.changed-in-place"),
    ("numpy_basics", "normalize_rows", lambda x: x / np.linalg.norm(x, axis=2, keepdims=True),
     "error.axis-out-of-range"),
    ("logistic_regression", "sigmoid", lambda z: np.round(_sigmoid(z)).astype(int), "sigmoid.int-array-result"),
    ("logistic_regression", "initialize_with_zeros", lambda dim: (np.zeros(dim, 1), 0.0), "error.shape-not-a-tuple"),
    ("logistic_regression", "propagate", _after(LR.propagate, lambda out: ({"dW": out[0]["dw"], "db": out[0]["db"]},
                                                                         out[1])), "propagate.grads-keys"),
    ("logistic_regression", "optimize", _after(LR.optimize, lambda out: ({**out[0], "b": np.array([[out[0]["b"]]])},
                                                                       out[1], out[2])), "optimize.b-became-an-array"),
    ("logistic_regression", "optimize", _after(LR.optimize, lambda out: (out[0], out[1], np.array(out[2]))),
     "optimize.costs-not-a-list"),
    ("logistic_regression", "optimize", _after(LR.optimize, lambda out: ({**out[0], "costs": out[2]}, out[1], out[2])),
     "optimize.params-keys"),
    ("logistic_regression", "optimize", _optimize_reading("dW"), "error.missing-key"),
    ("logistic_regression", "model", _after(LR.model, lambda d: {**d, "w": d["w"].ravel()}), "model.w-shape"),
    ("deep_nn_step_by_step", "initialize_parameters_deep", _deep_init_rand, "initialize.rand-not-randn"),
    ("deep_nn_step_by_step", "linear_activation_forward", _activation_forward(skip=True), "forward.activation-skipped"),
    ("deep_nn_step_by_step", "linear_activation_forward", _activation_forward(a="relu"), "forward.relu-for-sigmoid"),
    ("deep_nn_step_by_step", "linear_activation_forward", _activation_forward(unpack_linear=False),
     "error.tuple-in-arithmetic"),
    ("deep_nn_step_by_step", "compute_cost", _cost_missing_a_star, "error.not-callable"),
    ("deep_nn_step_by_step", "linear_activation_forward", _activation_forward(unpack_linear="three"),
     "error.unpack-count"),
    ("deep_nn_step_by_step", "linear_backward", _linear_backward(dW_order="A_prev first"), "backward.dw-argument-order"),
    ("deep_nn_step_by_step", "linear_backward", _linear_backward(m_axis=0), "backward.m-from-wrong-axis"),
    ("deep_nn_step_by_step", "linear_backward", _linear_backward(out="dW, db, dA_prev"), "backward.return-order"),
    ("deep_nn_step_by_step", "L_model_backward", _L_backward(stop=2), "backward.loop-stops-early"),
    ("deep_nn_step_by_step", "update_parameters", _update(last=1), "update.misses-last-layer"),
    ("deep_nn_step_by_step", "update_parameters", _update(rate=0.01), "update.fixed-learning-rate"),
    ("deep_nn_application", "L_layer_model", L_model(APP, every=50), "training.recording-rule"),
    ("deep_nn_application", "L_layer_model", L_model(APP, keep_update=False), "training.does-not-move"),
    ("deep_nn_application", "L_layer_model", L_model(APP, redraw_inside=True), "training.gets-nowhere"),
    ("deep_nn_application", "L_layer_model", L_model(APP, seed=False), "training.starting-point"),
    ("deep_nn_application", "L_layer_model", L_model(APP, fixed_rate=0.0075), "training.another-path"),
    ("deep_nn_application", "L_layer_model", _after(L_model(APP), lambda out: (out[0], np.array(out[1]))),
     "model.costs-not-a-list"),
    ("deep_nn_application", "L_layer_model", _L_layer_model_with(_deep_init_stopping_early), "error.missing-layer-key"),
]
