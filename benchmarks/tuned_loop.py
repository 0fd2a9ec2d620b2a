"""A tuned minimal NumPy training loop for the week-4 L-layer network, and its matmul FLOP count.

MEASUREMENT TOOL, NOT COURSE MATERIAL. This is the yardstick the course's reference code is
measured against (benchmarks/speed.py): the same model, the same initialisation (np.random.seed(1),
W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1]), zero biases), the same full-batch gradient descent in
float64, written to do the least work NumPy allows:

* every array the loop writes is allocated once, before the loop (``out=`` everywhere, updates in
  place), so no iteration allocates an X-sized array or a W1-sized temporary;
* the output layer's gradient is dZ[L] = (A[L] - Y) / m directly (the sigmoid and the
  cross-entropy derivatives cancel), and the 1/m is applied to that (1, m) array once instead of to
  every dW;
* the transposes are views (BLAS reads them with its transpose flag), never copies;
* dA[0], the gradient with respect to the input pictures, is not computed: nothing uses it.
  (The course's ``L_model_backward`` returns it, a third X-sized matrix product per iteration;
  ``input_gradient=True`` computes it too, to show what that contract costs.)

Mathematically it is the course's algorithm; numerically its parameters agree with the reference's
to rounding (about 1e-15 relative after 300 iterations; benchmarks/speed.py checks this).
"""

from __future__ import annotations

import numpy as np


def train_tuned(X, Y, layers_dims, learning_rate=0.0075, num_iterations=300, input_gradient=False):
    """Train [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID with full-batch gradient descent.

    Arguments:
    X -- input data, shape (n0, m), float64 (any memory layout)
    Y -- labels 0 or 1, shape (1, m)
    layers_dims -- [n0, n1, ..., nL], input size first
    learning_rate, num_iterations -- as in the course's L_layer_model
    input_gradient -- also compute dA0 = W1.T dZ1, shape (n0, m), as the course's API does

    Returns:
    parameters -- dict "W1", "b1", ..., "WL", "bL" (Wl of shape (nl, n(l-1)), bl of shape (nl, 1))
    costs -- the cost at iterations 0, 100, 200, ... (floats)
    """
    dims = list(layers_dims)
    L = len(dims) - 1
    m = X.shape[1]
    np.random.seed(1)
    W = [np.random.randn(n, n_prev) / np.sqrt(n_prev) for n_prev, n in zip(dims, dims[1:])]
    b = [np.zeros((n, 1)) for n in dims[1:]]

    # Workspace, allocated once. Index l - 1 holds layer l.
    Z = [np.empty((n, m)) for n in dims[1:]]                # pre-activations
    A = [X] + [np.empty((n, m)) for n in dims[1:-1]]        # A[l - 1] is the input of layer l
    dW = [np.empty_like(w) for w in W]
    db = [np.empty_like(v) for v in b]
    dZ = [np.empty((n, m)) for n in dims[1:]]
    dX = np.empty((dims[0], m)) if input_gradient else None
    AL = np.empty((1, m))
    Yf = np.asarray(Y, dtype=float).reshape(1, m)
    costs = []

    for i in range(num_iterations):
        for l in range(L):                                   # forward
            np.matmul(W[l], A[l], out=Z[l])
            Z[l] += b[l]
            if l < L - 1:
                np.maximum(Z[l], 0.0, out=A[l + 1])
        np.negative(Z[-1], out=AL)                           # AL = 1 / (1 + exp(-Z[L]))
        np.exp(AL, out=AL)
        AL += 1.0
        np.reciprocal(AL, out=AL)
        if i % 100 == 0:
            costs.append(float(-(Yf @ np.log(AL).T + (1.0 - Yf) @ np.log(1.0 - AL).T)[0, 0] / m))

        np.subtract(AL, Yf, out=dZ[-1])                      # backward: dZ[L] = (AL - Y) / m
        dZ[-1] *= 1.0 / m
        for l in reversed(range(L)):
            np.matmul(dZ[l], A[l].T, out=dW[l])
            np.sum(dZ[l], axis=1, keepdims=True, out=db[l])
            if l > 0:                                        # dZ[l-1] = W[l].T dZ[l] * relu'(Z[l-1])
                np.matmul(W[l].T, dZ[l], out=dZ[l - 1])
                dZ[l - 1] *= Z[l - 1] > 0
            elif dX is not None:
                np.matmul(W[0].T, dZ[0], out=dX)
            dW[l] *= learning_rate                           # update in place, W[l] used above first
            W[l] -= dW[l]
            db[l] *= learning_rate
            b[l] -= db[l]

    parameters = {}
    for l in range(L):
        parameters[f"W{l + 1}"], parameters[f"b{l + 1}"] = W[l], b[l]
    return parameters, costs


def matmul_flops(layers_dims, m, input_gradient=False):
    """Floating-point operations of the matrix products of one training iteration.

    A product (p, q) @ (q, r) costs 2 p q r (a multiply and an add per term). Per layer l: the
    forward W[l] A[l-1], the backward dW[l] = dZ[l] A[l-1].T and, for l > 1 (or for l = 1 when
    ``input_gradient``), dA[l-1] = W[l].T dZ[l]: each 2 m n[l] n[l-1]. Elementwise work (biases,
    activations, updates) is O(m n) and left out: the bound counts the matrix products only.
    """
    dims = list(layers_dims)
    per_layer = [2 * m * n * n_prev for n_prev, n in zip(dims, dims[1:])]
    backward_dA = per_layer if input_gradient else per_layer[1:]
    return 2 * sum(per_layer) + sum(backward_dA)
