"""Two-dimensional toy data sets for week 3: the planar "flower" and four scikit-learn shapes.

Points are columns, as everywhere in the course: ``X`` has shape (2, m) and ``Y`` shape (1, m).
"""

import numpy as np


def load_planar_dataset():
    """The planar "flower": 400 points in 2-D, two classes of 200 forming interleaved petals.

    Generated exactly as in the course's materials, so the numbers (and the accuracies students
    get) match them. **It calls ``np.random.seed(1)``**, resetting NumPy's global random state, as
    the course's version does; seed again afterwards if you rely on the global stream.

    Returns:
        X: (2, 400) float64, the coordinates (row 0 = x1, row 1 = x2).
        Y: (1, 400) uint8, the labels: 0 (red petals) for the first 200 points, 1 for the rest.
    """
    np.random.seed(1)
    m = 400                 # number of examples
    N = m // 2              # points per class
    D = 2                   # dimensions
    a = 4                   # maximum length of a petal
    X = np.zeros((m, D))    # built with examples as rows, transposed at the end
    Y = np.zeros((m, 1), dtype="uint8")
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2  # angle
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2                         # radius
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


EXTRA_NOISE = {"noisy_circles": 0.3, "noisy_moons": 0.2, "blobs": 0.2, "gaussian_quantiles": 0.2}
"""Default noise of each extra data set. One scale for all: larger is harder (see
:func:`load_extra_datasets`)."""


def load_extra_datasets(n=200, noise=None, random_state=3):
    """Four more 2-D two-class data sets from scikit-learn, for trying the week 3 network on.

    Arguments:
        n: number of points in each data set.
        noise: how noisy the sets are, on one scale where larger is harder and 0 is clean:
            None for the defaults in :data:`EXTRA_NOISE`; a number for all four sets; or a dict
            setting some of them by name. It is scikit-learn's ``noise`` for the circles and the
            moons, ``cluster_std / 5`` for the blobs, and for the Gaussian quantiles twice the
            standard deviation of a jitter added to the points after they are labelled.
        random_state: int; fixes the points so results are reproducible. NumPy's global random
            state is left alone.

    Returns:
        dict name -> (X, Y) for "noisy_circles", "noisy_moons", "blobs" and "gaussian_quantiles";
        X has shape (2, n) float64, Y shape (1, n) int64 with labels 0 and 1.
    """
    from sklearn import datasets as skd  # here, not at the top: importing scikit-learn takes ~1 s

    levels = dict(EXTRA_NOISE)
    if isinstance(noise, dict):
        unknown = set(noise) - set(levels)
        if unknown:
            raise ValueError(f"unknown data set(s) {sorted(unknown)}; choose from {sorted(levels)}")
        levels.update(noise)
    elif noise is not None:
        levels = {name: float(noise) for name in levels}
    if min(levels.values()) < 0:
        raise ValueError(f"noise must be 0 or more, got {levels}")

    circles = skd.make_circles(n_samples=n, factor=0.5, noise=levels["noisy_circles"],
                               random_state=random_state)
    moons = skd.make_moons(n_samples=n, noise=levels["noisy_moons"], random_state=random_state)
    # Six clusters, alternately labelled 0 and 1: no single line separates the classes.
    X_b, centre = skd.make_blobs(n_samples=n, centers=6, n_features=2,
                                 cluster_std=max(5 * levels["blobs"], 1e-6),
                                 random_state=random_state + 2)
    X_q, y_q = skd.make_gaussian_quantiles(cov=0.5, n_samples=n, n_features=2, n_classes=2,
                                           random_state=random_state)
    jitter = np.random.RandomState(random_state).randn(*X_q.shape)
    X_q = X_q + 0.5 * levels["gaussian_quantiles"] * jitter
    sets = {"noisy_circles": circles, "noisy_moons": moons, "blobs": (X_b, centre % 2),
            "gaussian_quantiles": (X_q, y_q)}
    return {name: (np.asarray(X, dtype=np.float64).T, np.asarray(y, dtype=np.int64).reshape(1, -1))
            for name, (X, y) in sets.items()}
