"""The sentences of the notebooks that predict what a student will see, checked against what the
reference solution prints when the source notebook runs (tests/test_notebooks.py runs each source
notebook once; these checks read its outputs, so they add no run of their own).

Each claim quotes (in its docstring) the sentence it checks. The numbers a sentence quotes are
ones that hold on any machine: rounded accuracies on 50 or 209 pictures and costs to 2 or 3 digits,
not the last bits that BLAS libraries compute differently. Claims about layerlab's own drawn
pictures are checked only when the notebooks run on them (``LAYERLAB_CAT_DATA`` unset).
"""

from __future__ import annotations

import math
import os
import re

DRAWN_PICTURES = not os.environ.get("LAYERLAB_CAT_DATA")


def _text(nb, cell_id: str) -> str:
    """Everything cell ``cell_id`` printed (its stream outputs, joined)."""
    cell = next(c for c in nb.cells if c.get("id") == cell_id)
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.output_type == "stream")


def _costs(text: str) -> dict[int, float]:
    return {int(i): float(c) for i, c in re.findall(r"Cost after iteration (\d+): ([\d.eE+-]+|nan)", text)}


def _percent(text: str, label: str) -> list[float]:
    line = next(line for line in text.splitlines() if line.strip().startswith(label))
    return [float(p) for p in re.findall(r"([\d.]+)%", line)]


def _failed(claims: list[tuple[str, bool]]) -> list[str]:
    return [sentence for sentence, holds in claims if not holds]


# ----------------------------------------------------------------------------- week 2
def logistic_regression(nb) -> list[str]:
    costs = _costs(_text(nb, "code-23"))
    train, test, gap = (float(p) for p in re.findall(r"([\d.]+)%", _text(nb, "code-25")))
    table = _text(nb, "code-33")
    fast, medium, slow = (_percent(table, rate) for rate in ("0.01", "0.001", "0.0001"))
    claims = [
        ("the first cost is log 2 ≈ 0.693", abs(costs[0] - math.log(2)) < 5e-4),
        ("the last one is a fraction of it", costs[max(costs)] < costs[0] / 2),
        ("Train accuracy ends near 100 %", train >= 95),
        ("test accuracy clearly lower", gap >= 10),
        ("(0.0001) its training accuracy is low too", slow[0] < min(fast[0], medium[0]) - 10),
    ]
    if DRAWN_PICTURES:
        claims += [
            ("README: logistic regression on the drawn pictures, train / test 99.5 % / 66 %",
             (train, test) == (99.5, 66.0)),
            ("the model that fits the training set best is not necessarily the one that does best",
             fast[0] > medium[0] and fast[1] < medium[1]),
        ]
    return _failed(claims)


# ----------------------------------------------------------------------------- week 4
def deep_nn_application(nb) -> list[str]:
    costs = _costs(_text(nb, "code-10"))
    spreads = {}
    for line in _text(nb, "code-13").splitlines():
        label, _, numbers = line.partition(": standard deviation of Z[1..4] = ")
        spreads[label.strip()] = [float(s) for s in numbers.split(", ")]
    small, scaled = spreads["randn * 0.01"], spreads["randn / sqrt(n[l-1])"]
    claims = [
        ("The first cost is close to ln 2 ≈ 0.693", abs(costs[0] - math.log(2)) < 0.01),
        ("It then falls, to below 0.05 by the last recording", costs[max(costs)] < 0.05),
        ("With ×0.01 the spread falls by a factor of 20 or more at every layer",
         all(a >= 20 * b for a, b in zip(small, small[1:]))),
        ("With 1/√n it stays between 0.3 and 0.6 through the three hidden layers",
         all(0.3 <= s <= 0.6 for s in scaled[:3])),
        ("the output layer's Z spreads less, but still more than ten thousand times as much",
         scaled[3] < min(scaled[:3]) and scaled[3] > 10_000 * small[3]),
    ]
    if DRAWN_PICTURES:
        table = _text(nb, "code-20")
        claims += [
            ("on layerlab's drawn pictures it [the 2-layer cost] does [jump up] at iteration 1500",
             costs[1500] > costs[1400]),
            ("78 % for the 4-layer network", _percent(table, "4-layer network")[1] == 78.0),
            ("68 % for the 2-layer network", _percent(table, "2-layer network")[1] == 68.0),
            ("62 % for logistic regression", _percent(table, "logistic regression")[1] == 62.0),
        ]
    return _failed(claims)


#: source notebook (path relative to the repository) -> its claims
CLAIMS = {
    "source/week2_logistic_regression/logistic_regression.ipynb": logistic_regression,
    "source/week4_deep_nn_application/deep_nn_application.ipynb": deep_nn_application,
}
