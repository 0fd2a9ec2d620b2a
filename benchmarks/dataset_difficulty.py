"""How hard is the cat / non-cat data set? Train the course's two reference models, print accuracies.

MEASUREMENT TOOL, NOT COURSE MATERIAL. The training loops below are the shortest NumPy code that
reproduces the course's recipes, written to measure a data set; the course notebooks teach these
models step by step and are graded on their own code.

Recipes measured (the ones the week 2 and week 4 notebooks use):
  * logistic regression: flatten to (12288, m), divide by 255, zero initialization, 2000 iterations
    of full-batch gradient descent on the cross-entropy cost at learning rate 0.005;
  * 4-layer network (12288, 20, 7, 5, 1), [LINEAR->RELU]x3 -> LINEAR->SIGMOID, np.random.seed(1),
    W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1]), zero biases, 2500 iterations at learning rate 0.0075.

What the generated data set aims for: logistic regression overfits (train ~100 %, test roughly
60-75 %) and the 4-layer network beats it on the test set by about 10 points, as on the course's
original files (about 99 % / 70 % and ~80 % test). With 50 test pictures one picture is 2 points,
so also look at several seeds, or at a larger test set (--n-test), for the expected values.

Usage:
    python benchmarks/dataset_difficulty.py                      # layerlab's default pictures
    python benchmarks/dataset_difficulty.py --data-dir DIR       # a course-format directory
    python benchmarks/dataset_difficulty.py --seeds 1 2 3        # several generator seeds, + mean
    python benchmarks/dataset_difficulty.py --n-test 500         # a larger generated test set
"""

import argparse
import os
import sys
import time

# Single-threaded BLAS: on these skinny matrices threads cost more than they give (about 3x slower
# on a 2-core machine). Set before NumPy loads; threadpoolctl below covers an already-loaded BLAS.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def flatten(x_orig):
    """(m, 64, 64, 3) uint8 -> (12288, m) float in [0, 1], examples as columns."""
    return x_orig.reshape(x_orig.shape[0], -1).T / 255.0


def accuracy(predictions, y):
    return float(np.mean(predictions == y))


def logistic_regression(X, Y, num_iterations=2000, learning_rate=0.005):
    """Full-batch gradient descent from zeros. X (n_x, m), Y (1, m). Returns a predict function."""
    n_x, m = X.shape
    w = np.zeros((n_x, 1))
    b = 0.0
    for _ in range(num_iterations):
        A = sigmoid(w.T @ X + b)          # (1, m)
        dZ = A - Y                        # (1, m)
        w -= learning_rate * (X @ dZ.T) / m
        b -= learning_rate * float(np.sum(dZ)) / m
    return lambda X_: (sigmoid(w.T @ X_ + b) > 0.5).astype(int)


def deep_network(X, Y, layer_dims=(12288, 20, 7, 5, 1), num_iterations=2500, learning_rate=0.0075):
    """[LINEAR->RELU]x(L-1) -> LINEAR->SIGMOID, course initialization. Returns a predict fn."""
    np.random.seed(1)
    L = len(layer_dims) - 1
    W = [None] + [np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
                  for l in range(1, L + 1)]
    b = [None] + [np.zeros((layer_dims[l], 1)) for l in range(1, L + 1)]
    m = X.shape[1]

    def forward(A):
        As, Zs = [A], [None]
        for l in range(1, L + 1):
            Z = W[l] @ As[-1] + b[l]
            Zs.append(Z)
            As.append(sigmoid(Z) if l == L else np.maximum(0, Z))
        return As, Zs

    for _ in range(num_iterations):
        As, Zs = forward(X)
        dZ = As[L] - Y                    # sigmoid + cross-entropy, combined
        for l in range(L, 0, -1):
            dW = dZ @ As[l - 1].T / m
            db = np.sum(dZ, axis=1, keepdims=True) / m
            if l > 1:
                dZ = (W[l].T @ dZ) * (Zs[l - 1] > 0)
            W[l] -= learning_rate * dW
            b[l] -= learning_rate * db
    return lambda X_: (forward(X_)[0][L] > 0.5).astype(int)


def measure(train_x_orig, train_y, test_x_orig, test_y):
    """Train both models; return a dict of accuracies and run times."""
    X_train, X_test = flatten(train_x_orig), flatten(test_x_orig)
    row = {}
    for name, train in (("logreg", logistic_regression), ("4-layer", deep_network)):
        t0 = time.perf_counter()
        predict = train(X_train, train_y)
        row[name] = (accuracy(predict(X_train), train_y), accuracy(predict(X_test), test_y),
                     time.perf_counter() - t0)
    return row


HEADER = (f"{'data set':<28} {'m tr/te':>8} {'cats tr/te':>10} {'LR train':>8} {'LR test':>7}   "
          f"{'4L train':>7} {'4L test':>7}   {'gain':>6}   {'time':>6}")


def describe(label, data, row):
    """Print one row of the table. data: the 5-tuple of load_dataset; row: from measure()."""
    train_x, train_y, test_x, test_y, _ = data
    lr_tr, lr_te, lr_t = row["logreg"]
    dn_tr, dn_te, dn_t = row["4-layer"]
    print(f"{label:<28} {train_x.shape[0]:>4}/{test_x.shape[0]:<3} "
          f"{train_y.mean():>5.0%}/{test_y.mean():<4.0%} "
          f"{lr_tr:>7.1%} {lr_te:>7.1%}   {dn_tr:>7.1%} {dn_te:>7.1%}   {dn_te - lr_te:>+6.1%}"
          f"   {lr_t + dn_t:>5.1f}s", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", help="a course-format directory (train_*.h5 + test_*.h5)")
    parser.add_argument("--seeds", type=int, nargs="*", default=None,
                        help="generator seeds to measure (default: the default seed)")
    parser.add_argument("--n-test", type=int, default=50,
                        help="number of generated test pictures (default 50, as in the course)")
    args = parser.parse_args(argv)

    from layerlab.datasets import DEFAULT_SEED, generate_cat_pictures, read_dataset

    print(HEADER)
    with threadpool_limits(limits=1):
        if args.data_dir:
            data = read_dataset(args.data_dir)
            describe(os.path.basename(os.path.normpath(args.data_dir)), data, measure(*data[:4]))
            return 0
        rows = []
        for seed in args.seeds if args.seeds is not None else [DEFAULT_SEED]:
            t0 = time.perf_counter()
            data = generate_cat_pictures(n_test=args.n_test, seed=seed)
            gen_time = time.perf_counter() - t0
            rows.append(measure(*data[:4]))
            describe(f"generated seed={seed} ({gen_time:.1f}s)", data, rows[-1])
        if len(rows) > 1:
            mean = {model: tuple(np.mean([r[model] for r in rows], axis=0)) for model in rows[0]}
            describe(f"mean of {len(rows)} seeds", data, mean)
    return 0


if __name__ == "__main__":
    sys.exit(main())
