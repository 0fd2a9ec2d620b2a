"""How often the public checks name the real cause of a mistake they were not written against.

Each entry of :data:`HELD_OUT` replaces one solution cell of a course notebook with a realistic
mistake and says which words name its real cause; the script runs the notebook's public check of
the function it names (the one with the mistake, or a caller of it) and counts the reports that
contain those words. Run it on two checkouts to compare, e.g. before and after a change of the
diagnoses::

    python benchmarks/diagnosis_names.py            # this checkout
    PYTHONPATH=/path/to/other/checkout python benchmarks/diagnosis_names.py

``--heldout`` counts the held-out corpora of ``tests/checks`` instead (heldout_mistakes.py,
heldout_mistakes_second.py ... heldout_mistakes_seventh.py, heldout_mistakes_eighth.py (weeks 2 and
3) and heldout_mistakes_ninth.py (week 4): the words must appear in a "Likely mistake:" or "Hint:"
line), with the layerlab found first on the path; the
corpora and the counting are always this checkout's::

    python benchmarks/diagnosis_names.py --heldout
    PYTHONPATH=/path/to/other/checkout python benchmarks/diagnosis_names.py --heldout
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def fn(name: str, args: str, body: str) -> str:
    lines = "\n".join("    " + line for line in body.strip("\n").splitlines())
    return f"def {name}({args}):\n{lines}\n"


LR = ("week2_logistic_regression", "logistic_regression")
NB = ("week2_numpy_basics", "numpy_basics")
WRONG_SIGMOID = fn("sigmoid", "z", "return 1 / (1 + np.exp(z))")
PROPAGATE_SUM = fn("propagate", "w, b, X, Y", """
m = X.shape[1]
A = sigmoid(np.dot(w.T, X) + b)
cost = float(np.squeeze(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m))
return {"dw": np.dot(X, (A - Y).T), "db": float(np.sum(A - Y) / m)}, cost""")

# (notebook, cell to replace, its code, function checked, words naming the real cause)
HELD_OUT = [
    (LR, "initialize_with_zeros", fn("initialize_with_zeros", "dim", "w = np.zeros(dim, 1)\nreturn w, 0.0"),
     "initialize_with_zeros", "two pairs of parentheses"),
    (LR, "sigmoid", WRONG_SIGMOID, "propagate", "your `sigmoid` fails its own checks"),
    (LR, "sigmoid", WRONG_SIGMOID, "predict", "your `sigmoid` fails its own checks"),
    (LR, "propagate", PROPAGATE_SUM, "optimize", "your `propagate` fails its own checks"),
    (LR, "propagate", fn("propagate", "w, b, X, Y", """
m = X.shape[1]
A = sigmoid(np.dot(w.T, X) + b)
cost = float(np.squeeze(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m))
return {"dw": np.dot(X, A - Y) / m, "db": float(np.sum(A - Y) / m)}, cost"""),
     "propagate", "second operand transposed would fit"),
    (NB, "image2vector", fn("image2vector", "image", "return image.reshape(image.size / 1, 1)"),
     "image2vector", "whole number"),
    (NB, "L1", fn("L1", "yhat, y", "return np.sum(np.abs(y - yhat), axis=1)"), "L1",
     "fewer dimensions than the `axis`"),
    (NB, "sigmoid_derivative", fn("sigmoid_derivative", "x", "s = sigmoid(x)\nreturn s(1 - s)"),
     "sigmoid_derivative", "called like a function"),
    (NB, "sigmoid_derivative", fn("sigmoid_derivative", "x", "s = sigmoid_derivative(x)\nreturn s * (1 - s)"),
     "sigmoid_derivative", "calls itself"),
    (NB, "L2", fn("L2", "yhat, y", "d = list(np.square(y - yhat)).sort()\nreturn sum(d)"), "L2",
     "no `return` statement"),
    (NB, "image2vector", fn("image2vector", "image", "length, height = image.shape\nreturn image.reshape(-1, 1)"),
     "image2vector", "the names on the left of `=`"),
]


def report(notebook: tuple[str, str], cell: str, code: str, function: str) -> str:
    from autograder.build.source import SourceNotebook

    source = SourceNotebook(ROOT / "source" / notebook[0] / f"{notebook[1]}.ipynb")
    names = dict(vars(source.reference()))
    for number, c in enumerate(source.solution_cells(), start=1):
        text = code if source.nbgrader_meta(c).get("grade_id") == cell else c.source
        exec(compile(text, f"<cell {number}>", "exec"), names)
    check = getattr(importlib.import_module(f"layerlab.checks.{notebook[1]}"), f"check_{function}")
    try:
        with np.errstate(all="ignore"):
            check(names[function])
    except AssertionError as failure:
        return getattr(failure, "report", str(failure))
    return ""


def heldout() -> int:
    """Print which held-out mistakes the feedback names, and the count of each corpus."""
    import warnings

    sys.path.insert(0, str(ROOT / "tests"))
    from checks import (heldout_mistakes, heldout_mistakes_eighth, heldout_mistakes_fifth, heldout_mistakes_fourth,
                        heldout_mistakes_ninth,
                        heldout_mistakes_second, heldout_mistakes_seventh, heldout_mistakes_sixth,
                        heldout_mistakes_third)

    warnings.filterwarnings("ignore", category=RuntimeWarning)
    for label, corpus in (("first", heldout_mistakes.CORPUS), ("second", heldout_mistakes_second.CORPUS),
                          ("third", heldout_mistakes_third.CORPUS), ("fourth", heldout_mistakes_fourth.CORPUS),
                          ("fifth", heldout_mistakes_fifth.CORPUS), ("sixth", heldout_mistakes_sixth.CORPUS),
                          ("seventh", heldout_mistakes_seventh.CORPUS), ("eighth", heldout_mistakes_eighth.CORPUS),
                          ("ninth", heldout_mistakes_ninth.CORPUS)):
        named = 0
        for entry in corpus:
            hit = heldout_mistakes.run(entry)[0]
            named += hit
            print(f"{'named ' if hit else 'missed'}  {entry[0]:22s} {entry[1]}")
        print(f"{label} held-out corpus: the feedback names the real cause of {named} of {len(corpus)}\n")
    return 0


def main() -> int:
    if "--heldout" in sys.argv[1:]:
        return heldout()
    named = 0
    for notebook, cell, code, function, words in HELD_OUT:
        text = report(notebook, cell, code, function)
        hit = words in text
        named += hit
        print(f"{'named ' if hit else 'missed'}  {function:24s} ({cell} wrong): {words}")
    print(f"\n{named} of {len(HELD_OUT)} reports name the real cause")
    return 0


if __name__ == "__main__":
    after_pythonpath = 1 + len([p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])
    sys.path.insert(after_pythonpath, str(ROOT))  # so another checkout's layerlab comes first
    sys.exit(main())
