"""The playground's data sets: a training set and a test set of 2-D points for each shape and noise.

* ``flower``: the course's flower. At the course's noise level (0.2) the training set is exactly
  ``layerlab.datasets.load_planar_dataset()`` (400 points; NumPy's global random state is left as
  it was). At other levels it is the same recipe with that noise; the test set is drawn from the
  same recipe with another seed.
* ``noisy_circles``, ``noisy_moons``, ``blobs``, ``gaussian_quantiles``: drawn with
  ``layerlab.datasets.load_extra_datasets(n=400, noise=...)`` and split at random into 200
  training and 200 test points, so both come from the same distribution.

Points are columns: ``X`` has shape (2, m), ``Y`` shape (1, m) with labels 0 and 1.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from layerlab.datasets import load_extra_datasets, load_planar_dataset
from layerlab.datasets.planar import EXTRA_NOISE

__all__ = ["DATASETS", "DEFAULT_NOISE", "PlanarData", "load", "flower"]

#: the data sets of the playground: name shown -> key
DATASETS = {"flower": "flower", "noisy circles": "noisy_circles", "noisy moons": "noisy_moons",
            "blobs": "blobs", "Gaussian quantiles": "gaussian_quantiles"}
#: noise level each data set starts with (the level of the course's version)
DEFAULT_NOISE = {"flower": 0.2, **EXTRA_NOISE}
FLOWER_NOISE = 0.2


@dataclass(frozen=True, eq=False)
class PlanarData:
    """A training set (``X``, ``Y``) and a test set (``X_test``, ``Y_test``) of 2-D points.

    X: float64 (2, m); Y: float64 (1, m); X_test: float64 (2, m_test); Y_test: float64 (1, m_test).
    """

    name: str
    noise: float
    X: np.ndarray
    Y: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray


def flower(m: int = 400, noise: float = FLOWER_NOISE, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The course's flower recipe with a chosen ``noise`` and ``seed`` (its own random stream).

    With ``noise=0.2, seed=1, m=400`` this gives the points of ``load_planar_dataset()``.

    Returns:
        X: (2, m) float64; Y: (1, m) float64, 0 for the first m // 2 points, 1 for the rest.
    """
    rs = np.random.RandomState(seed)
    per_class, petal = m // 2, 4
    columns, labels = [], []
    for label in range(2):
        angle = np.linspace(label * 3.12, (label + 1) * 3.12, per_class) + rs.randn(per_class) * noise
        radius = petal * np.sin(4 * angle) + rs.randn(per_class) * noise
        columns.append(np.vstack([radius * np.sin(angle), radius * np.cos(angle)]))
        labels.append(np.full(per_class, float(label)))
    return np.hstack(columns), np.hstack(labels)[None, :]


@functools.lru_cache(maxsize=32)
def load(name: str, noise: float | None = None) -> PlanarData:
    """The training and test sets of data set ``name`` (a key or a shown name of :data:`DATASETS`)
    at ``noise`` (None: the data set's default level). Cached: the arrays must not be modified."""
    key = DATASETS.get(name, name)
    if key not in DEFAULT_NOISE:
        raise ValueError(f"unknown data set {name!r}; choose one of {', '.join(DATASETS)}")
    level = DEFAULT_NOISE[key] if noise is None else round(float(noise), 6)
    if level < 0:
        raise ValueError(f"noise must be 0 or more, got {noise}")
    if key == "flower":
        if level == FLOWER_NOISE:
            state = np.random.get_state()  # load_planar_dataset seeds the global generator
            try:
                X, Y = load_planar_dataset()
            finally:
                np.random.set_state(state)
        else:
            X, Y = flower(400, level, seed=1)
        X_test, Y_test = flower(400, level, seed=2)
    else:
        X_all, Y_all = load_extra_datasets(n=400, noise={key: level})[key]
        order = np.random.RandomState(0).permutation(X_all.shape[1])
        train, test = order[:200], order[200:]
        X, Y, X_test, Y_test = X_all[:, train], Y_all[:, train], X_all[:, test], Y_all[:, test]
    return PlanarData(key, level, np.asarray(X, np.float64), np.asarray(Y, np.float64),
                      np.asarray(X_test, np.float64), np.asarray(Y_test, np.float64))
