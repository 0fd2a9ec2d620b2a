"""Mistakes in the week-3 planar classification functions, one per catalogue entry its checks know
(see test_mistake_catalogue.py). Each differs from a right answer in one place; the right parts
call the reference."""

from __future__ import annotations

import numpy as np

from conftest import reference

P = reference("week3_planar_classification")


def _init(draw=np.random.randn, scale=0.01, seed=None, order=("W1", "W2"), bias=np.zeros, keys=None,
          tuple_shape=False):
    def initialize_parameters(n_x, n_h, n_y):
        if seed is not None:
            np.random.seed(seed)
        shapes = {"W1": (n_h, n_x), "W2": (n_y, n_h)}
        drawn = {k: (draw(shapes[k]) if tuple_shape else draw(*shapes[k])) * scale for k in order}
        out = {"W1": drawn["W1"], "b1": bias((n_h, 1)), "W2": drawn["W2"], "b2": bias((n_y, 1))}
        return {keys.get(k, k): v for k, v in out.items()} if keys else out
    return initialize_parameters


def _forward(hidden=np.tanh, output=P.sigmoid, bias=True, swap=False, cache_keys=None):
    def forward_propagation(X, parameters):
        Z1 = parameters["W1"] @ X + (parameters["b1"] if bias else 0)
        A1 = hidden(Z1)
        Z2 = parameters["W2"] @ A1 + parameters["b2"]
        A2 = output(Z2)
        cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
        if cache_keys:
            cache = {k.lower(): v for k, v in cache.items()}
        return (cache, A2) if swap else (A2, cache)
    return forward_propagation


def _cost(terms, scale=-1.0, log=np.log, as_array=False):
    def compute_cost(A2, Y):
        m = Y.shape[1]
        cost = scale * float(np.sum(terms(A2, Y, log))) / m
        return np.array(cost) if as_array else cost
    return compute_cost


RIGHT_TERMS = lambda A, Y, log: Y * log(A) + (1 - Y) * log(1 - A)  # noqa: E731


def _backward(derivative=lambda A1, Z1: 1 - A1 ** 2, dZ2=lambda c, Y: c["A2"] - Y, average=True,
              transpose=True, dW2_input="A1", keepdims=True):
    def backward_propagation(parameters, cache, X, Y):
        m = X.shape[1]
        k = 1 / m if average else 1.0
        dz2 = dZ2(cache, Y)
        A1 = cache[dW2_input]
        dW2 = k * (dz2 @ (A1.T if transpose else A1))
        db2 = k * np.sum(dz2, axis=1, keepdims=keepdims)
        dZ1 = (parameters["W2"].T @ dz2) * derivative(cache["A1"], cache["Z1"])
        dW1 = k * dZ1 @ X.T
        db1 = k * np.sum(dZ1, axis=1, keepdims=True)
        return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return backward_propagation


def _nn_model(seed=3, n_h_used=None, keep_update=True, init_inside=False):
    def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
        if seed is not None:
            np.random.seed(seed)
        n_x, _, n_y = P.layer_sizes(X, Y)
        parameters = P.initialize_parameters(n_x, n_h_used or n_h, n_y)
        for _ in range(num_iterations):
            if init_inside:
                parameters = P.initialize_parameters(n_x, n_h_used or n_h, n_y)
            A2, cache = P.forward_propagation(X, parameters)
            grads = P.backward_propagation(parameters, cache, X, Y)
            updated = P.update_parameters(parameters, grads)
            if keep_update:
                parameters = updated
        return parameters
    return nn_model


def _update(rate=None, sign=-1.0):
    def update_parameters(parameters, grads, learning_rate=1.2):
        step = rate if rate is not None else learning_rate
        return {k: parameters[k] + sign * step * grads["d" + k] for k in parameters}
    return update_parameters


def _predict(transform):
    def predict(parameters, X):
        A2, _ = P.forward_propagation(X, parameters)
        return transform(A2)
    return predict


# (function, mistaken implementation, catalogue id it must be named by)
MISTAKES = [
    ("layer_sizes", lambda X, Y: (2, 4, Y.shape[0]), "layer-sizes.wrong-size"),
    ("layer_sizes", lambda X, Y: [X.shape[0], 4, Y.shape[0]], "layer-sizes.returns-a-list"),
    ("layer_sizes", lambda X, Y: (float(X.shape[0]), 4, Y.shape[0]), "layer-sizes.not-python-ints"),
    ("initialize_parameters", _init(seed=2), "initialize.seeded-inside"),
    ("initialize_parameters", _init(order=("W2", "W1")), "initialize.drawing-order"),
    ("initialize_parameters", _init(draw=lambda *s: np.zeros(s)), "initialize.zero-weights"),
    ("initialize_parameters", _init(scale=1.0), "initialize.weights-not-scaled"),
    ("initialize_parameters", _init(draw=np.random.rand), "initialize.rand-not-randn"),
    ("initialize_parameters", _init(bias=lambda s: np.random.randn(*s) * 0.01), "initialize.random-biases"),
    ("initialize_parameters", _init(bias=lambda s: np.zeros(s, dtype=int)), "initialize.b-not-float"),
    ("initialize_parameters", _init(keys={"W1": "w1"}), "parameters.keys"),
    ("initialize_parameters", _init(tuple_shape=True), "error.size-not-an-int"),
    ("forward_propagation", _forward(swap=True), "forward.return-order"),
    ("forward_propagation", _forward(hidden=lambda Z: Z), "forward.hidden-activation-skipped"),
    ("forward_propagation", _forward(hidden=P.sigmoid), "forward.sigmoid-in-hidden-layer"),
    ("forward_propagation", _forward(hidden=lambda Z: np.maximum(0, Z)), "forward.relu-in-hidden-layer"),
    ("forward_propagation", _forward(output=lambda Z: Z), "forward.output-sigmoid-skipped"),
    ("forward_propagation", _forward(output=np.tanh), "forward.tanh-in-output-layer"),
    ("forward_propagation", _forward(output=np.exp), "forward.output-not-a-probability"),
    ("forward_propagation", _forward(bias=False), "forward.missing-bias"),
    ("forward_propagation", _forward(cache_keys="lower"), "forward.cache-keys"),
    ("compute_cost", _cost(RIGHT_TERMS, scale=1.0), "cost.wrong-sign"),
    ("compute_cost", lambda A2, Y: -float(np.sum(RIGHT_TERMS(A2, Y, np.log))), "cost.sum-not-mean"),
    ("compute_cost", lambda A2, Y: -float(np.mean(RIGHT_TERMS(A2, Y, np.log))) / Y.shape[1],
     "cost.divided-twice"),
    ("compute_cost", _cost(RIGHT_TERMS, log=np.log10), "cost.log10"),
    ("compute_cost", _cost(lambda A, Y, log: Y * log(A)), "cost.missing-term"),
    ("compute_cost", _cost(lambda A, Y, log: Y * log(A) + (1 - Y) * log(A)), "cost.wrong-log-term"),
    ("compute_cost", _cost(RIGHT_TERMS, as_array=True), "cost.not-a-python-float"),
    ("backward_propagation", _backward(keepdims=False), "backward.bias-gradient-shape"),
    ("backward_propagation", _backward(average=False), "backward.gradients-not-averaged"),
    ("backward_propagation", _backward(dZ2=lambda c, Y: Y - c["A2"]), "backward.dz2-sign"),
    ("backward_propagation", _backward(derivative=lambda A1, Z1: 1 - A1), "backward.tanh-derivative-1-minus-a"),
    ("backward_propagation", _backward(derivative=lambda A1, Z1: A1 * (1 - A1)),
     "backward.sigmoid-derivative-in-hidden-layer"),
    ("backward_propagation", _backward(derivative=lambda A1, Z1: 1 - Z1 ** 2), "backward.derivative-of-z"),
    ("backward_propagation", _backward(derivative=lambda A1, Z1: (Z1 > 0) * 1.0),
     "backward.relu-derivative-in-hidden-layer"),
    ("backward_propagation", _backward(derivative=lambda A1, Z1: 1.0), "backward.missing-derivative"),
    ("backward_propagation", _backward(transpose=False), "backward.dw2-missing-transpose"),
    ("backward_propagation", _backward(dW2_input="Z1"), "backward.dw2-uses-z1"),
    ("backward_propagation", _backward(dZ2=lambda c, Y: c["Z2"] - Y), "backward.dz2-from-z2"),
    ("update_parameters", _update(rate=0.01), "update.fixed-learning-rate"),
    ("update_parameters", _update(sign=1.0), "update.added-gradients"),
    ("nn_model", _nn_model(n_h_used=4), "nn-model.n-h-ignored"),
    ("nn_model", _nn_model(seed=None), "nn-model.seed"),
    ("nn_model", _nn_model(keep_update=False), "nn-model.updates-thrown-away"),
    ("nn_model", _nn_model(init_inside=True), "nn-model.another-path"),
    ("predict", _predict(lambda A2: A2), "predict.probabilities"),
    ("predict", _predict(lambda A2: A2), "predict.not-labels"),
    ("predict", _predict(lambda A2: (A2 <= 0.5) * 1.0), "predict.flipped"),
]
