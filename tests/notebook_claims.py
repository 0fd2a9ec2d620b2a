"""The sentences of the notebooks that predict what a student will see, checked against what the
reference solution prints when the source notebook runs (tests/test_notebooks.py runs each source
notebook once; these checks read its outputs, so they add no run of their own). A sentence that
says what a function returns on an example the notebook does not run ("*Expected:* ``f(x)`` is
about ...") is checked by calling the reference function on that example.

Each claim quotes (in its docstring) the sentence it checks. The numbers a sentence quotes are
ones that hold on any machine: rounded accuracies on 50 or 209 pictures and costs to 2 or 3 digits,
not the last bits that BLAS libraries compute differently. Claims about layerlab's own drawn
pictures are checked only when the notebooks run on them (``LAYERLAB_CAT_DATA`` unset).
"""

from __future__ import annotations

import math
import os
import re

import numpy as np

from conftest import reference

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


# ----------------------------------------------------------------------------- week 1
def introduction(nb) -> list[str]:
    houses = _text(nb, "code-12")
    walkability = [float(v) for v in re.search(r"walkability\s+(.*)", houses).group(1).split()]
    patch = [int(v) for v in re.findall(r"\d+", _text(nb, "code-20").split("(sky is about 106, sun is 255):")[1])]
    rows = {}
    for line in _text(nb, "code-24").splitlines():      # name in 34 characters, then 5 accuracies
        numbers = line[34:].split()
        if len(numbers) == 5 and all(re.fullmatch(r"\d\.\d{3}", v) for v in numbers):
            rows[line[:34].strip()] = [float(v) for v in numbers]
    sizes = [int(v) for v in _text(nb, "code-24").split("training examples")[1].split()[:5]]
    logistic, small = rows["logistic regression"], rows["small net: 5 hidden units"]
    large = rows["larger net: 64 + 64 hidden units"]
    # where the sigmoid's slope s(1 - s) falls to 0.01: s = (1 + sqrt(1 - 0.04)) / 2
    flat = math.log((1 + math.sqrt(0.96)) / (1 - math.sqrt(0.96)))
    return _failed([
        ("the third house: the walkability unit's z = -0.5 ... the ReLU turns it into exactly 0",
         walkability[2] == 0.0 and walkability[:2] == [3.0, 1.5]),
        ("(sky is about 106, sun is 255)", set(patch) <= {106, 107, 108, 109, 255} and 255 in patch
         and 106 in patch),
        ("for m from 100 to 9000", sizes == [100, 300, 1000, 3000, 9000]),
        ("Logistic regression levels off just under two thirds correct (about 64 %) after roughly a "
         "thousand examples", all(0.62 <= a < 2 / 3 for a in logistic[2:]) and logistic[4] - logistic[2] < 0.02),
        ("Both networks keep improving across the whole range",
         all(b > a for net in (small, large) for a, b in zip(net, net[1:]))),
        ("the larger one is ahead at every size", all(b > a for a, b in zip(small, large))),
        ("reaching about 90 % at 9000 examples", 0.87 <= large[4] <= 0.92),
        ("at 100 or 300 examples the small network does no better than logistic regression",
         small[0] <= logistic[0] and small[1] <= logistic[1]),
        ("Past a thousand examples, more data helps only the networks (the plot's title)",
         logistic[4] - logistic[2] < 0.02 and min(small[4] - small[2], large[4] - large[2]) > 0.05),
        ("The sigmoid's slope drops below 0.01 once |z| exceeds about 4.6", abs(flat - 4.6) < 0.05),
    ])


# ----------------------------------------------------------------------------- week 2
def numpy_basics(nb) -> list[str]:
    shapes = _text(nb, "code-20")
    rank1, trap = _text(nb, "code-22"), _text(nb, "code-24")
    f = reference("week2_numpy_basics")
    yhat, y = np.array([.9, .2, .1, .4, .9]), np.array([1, 0, 0, 1, 1])
    scores = np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]])
    return _failed([
        ("basic_sigmoid(3) is about 0.9525741268224334", abs(f.basic_sigmoid(3) - 0.9525741268224334) < 1e-12),
        ("sigmoid(np.array([1, 2, 3])) is about [0.73105858 0.88079708 0.95257413]",
         np.allclose(f.sigmoid(np.array([1, 2, 3])), [0.73105858, 0.88079708, 0.95257413], rtol=0, atol=6e-9)),
        ("sigmoid_derivative(np.array([1, 2, 3])) is about [0.19661193 0.10499359 0.04517666]",
         np.allclose(f.sigmoid_derivative(np.array([1, 2, 3])), [0.19661193, 0.10499359, 0.04517666],
                     rtol=0, atol=6e-9)),
        ("It is largest (0.25) at x = 0",
         f.sigmoid_derivative(np.array([0.0]))[0] == 0.25 and f.sigmoid_derivative(np.array([0.5]))[0] < 0.25),
        ("normalize_rows(...) is about [[0. 0.6 0.8] [0.13736056 0.82416338 0.54944226]]",
         np.allclose(f.normalize_rows(np.array([[0, 3, 4], [1, 6, 4]])),
                     [[0, 0.6, 0.8], [0.13736056, 0.82416338, 0.54944226]], rtol=0, atol=6e-9)),
        ("softmax(...) is about [[9.81e-01 8.94e-04 1.79e-02 1.21e-04 1.21e-04] [8.78e-01 1.19e-01 8.01e-04 "
         "8.01e-04 8.01e-04]] and each row sums to 1",
         np.allclose(f.softmax(scores), [[9.81e-01, 8.94e-04, 1.79e-02, 1.21e-04, 1.21e-04],
                                         [8.78e-01, 1.19e-01, 8.01e-04, 8.01e-04, 8.01e-04]], rtol=6e-3, atol=0)
         and np.allclose(f.softmax(scores).sum(axis=1), 1.0, rtol=1e-12)),
        ("L1(yhat, y) is 1.1 and L2(yhat, y) is 0.43",
         abs(f.L1(yhat, y) - 1.1) < 1e-12 and abs(f.L2(yhat, y) - 0.43) < 1e-12),
        ("the broadcasting table: (3, 4) + (1, 4), (3, 4) + (3, 1) and (3, 1) + (1, 4) give (3, 4)",
         shapes.count("(3, 4)") == 3),
        ("keepdims keeps the reduced axis with length 1",
         "(4,)   with keepdims: (1, 4)" in shapes and "(3,)   with keepdims: (3, 1)" in shapes),
        ("its transpose is itself", "a.T.shape   = (5,)" in rank1),
        ("its 'outer product' with itself silently becomes a single number",
         re.search(r"np\.dot\(a, a\.T\) = -?[\d.]+ ", rank1) is not None),
        ("a rank-1 array meeting a column broadcasts into a square matrix",
         "(a - y).shape   = (5, 5)" in trap and "(col - y).shape = (5, 1)" in trap),
    ])


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


# ----------------------------------------------------------------------------- week 3
def planar_classification(nb) -> list[str]:
    costs = _costs(_text(nb, "code-34"))
    network = float(re.search(r"Accuracy of the network: ([\d.]+)%", _text(nb, "code-36")).group(1))
    linear = float(re.search(r"logistic regression: ([\d.]+)%", _text(nb, "code-08")).group(1))
    check = _text(nb, "code-24")
    errors = [float(e) for e in re.findall(r"\)\s+([\d.]+e-\d+)\s+✓", check)]
    starts = dict(re.findall(r"^(.*): hidden units identical after training: \w+, accuracy ([\d.]+)%",
                             _text(nb, "code-39"), re.M))
    units = {int(n): float(a) for n, a in re.findall(r"Accuracy for\s+(\d+) hidden units: ([\d.]+) %",
                                                       _text(nb, "code-42"))}
    sets = {name: (float(lr), float(net)) for name, lr, net in re.findall(
        r"^(\w+)\s+logistic regression\s+([\d.]+)%\s+network\s+([\d.]+)%", _text(nb, "code-45"), re.M)}
    small = _text(nb, "code-18") + _text(nb, "code-20") + _text(nb, "code-22") + _text(nb, "code-29")
    f = reference("week3_planar_classification")
    from layerlab.datasets import load_planar_dataset

    flower_X, flower_Y = load_planar_dataset()
    state = np.random.get_state()
    np.random.seed(2)
    start = f.initialize_parameters(2, 4, 1)
    np.random.set_state(state)
    return _failed([
        ("for the flower, layer_sizes(X, Y) is (2, 4, 1); for X (5, 3) and Y (2, 3) it is (5, 4, 2)",
         tuple(f.layer_sizes(flower_X, flower_Y)) == (2, 4, 1)
         and tuple(f.layer_sizes(np.zeros((5, 3)), np.zeros((2, 3)))) == (5, 4, 2)),
        ("after np.random.seed(2), initialize_parameters(2, 4, 1) gives W1 = [[-0.00416758 -0.00056267] ...], "
         "b1 four zeros in a column, W2 = [[-0.01057952 -0.00909008 0.00551454 0.02292208]] and b2 = [[0.]]",
         np.allclose(start["W1"], [[-0.00416758, -0.00056267], [-0.02136196, 0.01640271],
                                   [-0.01793436, -0.00841747], [0.00502881, -0.01245288]], rtol=0, atol=6e-9)
         and np.array_equal(start["b1"], np.zeros((4, 1))) and np.array_equal(start["b2"], np.zeros((1, 1)))
         and np.allclose(start["W2"], [[-0.01057952, -0.00909008, 0.00551454, 0.02292208]], rtol=0, atol=6e-9)),
        ("X is (2, 400), Y is (1, 400) and m = 400", "X is: (2, 400)" in _text(nb, "code-05")
         and "Y is: (1, 400)" in _text(nb, "code-05") and "m = 400" in _text(nb, "code-05")),
        ("an accuracy of about 47 % [logistic regression]", linear == 47.0),
        ("A2 = [[0.23138802 0.6377847  0.42367349]]", "A2 = [[0.23138802 0.6377847  0.42367349]]" in small),
        ("the cost is about 0.3635480396729776 ... on the small example about 1.1126559780000511",
         abs(float(re.search(r"cost = ([\d.]+)", small).group(1)) - 0.3635480396729776) < 1e-12
         and abs(float(re.search(r"small example = ([\d.]+)", small).group(1)) - 1.1126559780000511) < 1e-9),
        ("dW1[1] is about [-0.1957508, 0.32905277] ... db2 about [[-0.23571793]]",
         "[-0.1957508   0.32905277]" in small and "[[-0.23571793]]" in small),
        ("W1[0] becomes about [1.74915489, -0.76959225] and b2 about [[1.18445224]]",
         "[[ 1.74915489 -0.76959225]" in small and "[[1.18445224]]" in small),
        ("PASSED, with every relative error ... around 1e-9 to 1e-8",
         "PASSED" in check and len(errors) == 4 and all(1e-10 < e < 5e-8 for e in errors)),
        ("Cost after iteration 0: 0.693162 first", abs(costs[0] - 0.693162) < 2e-6),
        ("Cost after iteration 6000: 0.219094 as its seventh line",
         sorted(costs)[6] == 6000 and abs(costs[6000] - 0.219094) < 2e-6),
        ("it rises a little at iteration 7000", costs[7000] > costs[6000]),
        ("the last one is about 0.2185", abs(costs[9000] - 0.2185) < 5e-5),
        ("The cost falls fast during the first thousand iterations and then slowly",
         costs[0] - costs[1000] > 5 * (costs[1000] - costs[9000]) > 0),
        ("an accuracy of about 90 % (90.75 %)", network == 90.8),
        ("47 % → 90 % on the flower", linear == 47.0 and 89.5 <= network <= 91.5),
        ("from all zeros ... 50 %", float(starts["all zeros"]) == 50.0),
        ("from equal weights ... about 65 %", 63 <= float(starts["all weights 0.5"]) <= 67),
        ("only the random start ... close to 90 % after these 1000 iterations",
         87 <= float(starts["random (x 0.01)"]) <= 91),
        ("about 67 % for 1 and 2 hidden units", all(66 <= units[n] <= 68.5 for n in (1, 2))),
        ("then about 90 to 91 % from 3 units on", all(89.5 <= units[n] <= 91.5 for n in (3, 4, 5, 20, 50))),
        ("Around 5 units the accuracy peaks; 20 and 50 units ... without becoming more accurate",
         units[5] == max(units.values()) and max(units[20], units[50]) <= units[5]),
        ("Logistic regression stays near 50 % [circles, Gaussian quantiles]",
         all(45 <= sets[name][0] <= 56 for name in ("noisy_circles", "gaussian_quantiles"))),
        ("logistic regression already does well [on the moons]", sets["noisy_moons"][0] >= 85),
        ("[the blobs] the accuracy stays in the low 80s", 80 <= sets["blobs"][1] < 85),
        ("The noisy circles are where the network does worst (below 80 %)",
         sets["noisy_circles"][1] < 80 and sets["noisy_circles"][1] == min(net for _, net in sets.values())),
    ])


# ----------------------------------------------------------------------------- week 4
def deep_nn_step_by_step(nb) -> list[str]:
    table = {int(line.split()[0]): re.findall(r"\(\d+, \d+\)", line)
             for line in _text(nb, "code-04").splitlines()[1:] if line.strip()}
    dims, m = [12288, 20, 7, 5, 1], 209
    demo = _text(nb, "code-19")
    before, after = (float(v) for v in re.findall(r"cost (?:before|after) the step:\s+([\d.]+)", demo))
    gradients = dict(re.findall(r"'(d[Wb]\d)': (\(\d+, \d+\))", demo))
    check = _text(nb, "code-21")
    errors = [float(e) for e in re.findall(r"\)\s+([\d.]+e-\d+)\s+✓", check)]
    demo_dims = [4, 5, 3, 1]
    cost = reference("week4_deep_nn_step_by_step").compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))
    return _failed([
        ("compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]])) is about 0.2797765635793423, that is "
         "-(ln 0.8 + ln 0.9 + ln 0.6) / 3", abs(float(cost) - 0.2797765635793423) < 1e-12
         and abs(0.2797765635793423 + (math.log(0.8) + math.log(0.9) + math.log(0.6)) / 3) < 1e-15),
        ("the table for layer_dims = [12288, 20, 7, 5, 1] trained on m = 209 pictures",
         table[0] == [f"({dims[0]}, {m})"] and all(
             table[l] == [f"({dims[l]}, {dims[l - 1]})", f"({dims[l]}, 1)", f"({dims[l]}, {m})"]
             for l in range(1, 5))),
        ("the network has ... = 245,973 parameters",
         sum(n * p + n for p, n in zip(dims, dims[1:])) == 245_973),
        ("the gradients have the shapes of the table in section 2",
         all(gradients[f"dW{l}"] == f"({demo_dims[l]}, {demo_dims[l - 1]})"
             and gradients[f"db{l}"] == f"({demo_dims[l]}, 1)" for l in (1, 2, 3))),
        ("One step ... should lower the cost a little; the cost went down", after < before),
        ("below about 1e-7 the gradient is right [the check passes on the reference]",
         "PASSED" in check and len(errors) == 6 and all(e < 5e-8 for e in errors)),
    ])


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
    "source/week1_introduction/introduction.ipynb": introduction,
    "source/week2_numpy_basics/numpy_basics.ipynb": numpy_basics,
    "source/week3_planar_classification/planar_classification.ipynb": planar_classification,
    "source/week4_deep_nn_step_by_step/deep_nn_step_by_step.ipynb": deep_nn_step_by_step,
    "source/week2_logistic_regression/logistic_regression.ipynb": logistic_regression,
    "source/week4_deep_nn_application/deep_nn_application.ipynb": deep_nn_application,
}
