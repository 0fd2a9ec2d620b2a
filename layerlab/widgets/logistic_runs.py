"""The week-2 explorer's runs, and what they show in words.

:class:`Run` is one training run of the explorer (``logistic.py``). :func:`explain` says, in plain
words, what went wrong in a run when something did: a cost that is not a number (``nan``) or
infinite, outputs that saturated at exactly 0 or 1, a cost that rose. :func:`describe` is the text
alternative of the explorer's figure: every run's cost curve as numbers (first, lowest and last
recorded cost, where it stopped being a number), its accuracies, and the picture on show.
:func:`outcome` is the sentence announced when a run ends; :func:`explanation_html` and
:func:`table_html` are the explorer's box of advice and its table of runs.
``STYLES`` gives each run a colour from a palette that colour-blind readers can tell apart
(Okabe and Ito's) and a line style of its own, so no run is told apart by colour alone.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field

import numpy as np

__all__ = ["Run", "STYLES", "explain", "describe", "outcome", "status", "explanation_html", "table_html"]

#: (colour, line style) per run, in order; colours from the Okabe-Ito palette (yellow left out:
#: too light on white), and a different dash pattern for each, so runs differ in more than colour.
STYLES = [("#0072B2", "-"), ("#E69F00", "--"), ("#009E73", "-."), ("#D55E00", ":"),
          ("#CC79A7", (0, (5, 1, 1, 1, 1, 1))), ("#56B4E9", (0, (8, 2)))]

#: |z| beyond which float64's sigmoid is exactly 1 (1 - 2^-53 rounds to 1 above about 36.7)
SATURATION_Z = 36.7


@dataclass(eq=False)
class Run:
    """One training run: its settings, where it got to, and its line in the cost plot.

    w: (n_x, 1) weights; b: the bias; costs: the costs recorded so far, at ``cost_iterations``;
    saturated: how many training pictures get an output of exactly 0.0 or 1.0 (out of
    ``train_count``), after the last chunk.
    """

    learning_rate: float
    num_iterations: int
    w: np.ndarray
    b: float
    iteration: int = 0
    costs: list = field(default_factory=list)
    cost_iterations: list = field(default_factory=list)
    train_accuracy: float | None = None
    test_accuracy: float | None = None
    saturated: int = 0
    train_count: int = 0
    stopped: bool = False
    number: int = 0  # the explorer numbers its runs 1, 2, ... as it starts them
    line: object = None  # the explorer's line of this run

    @property
    def done(self) -> bool:
        return self.stopped or self.iteration >= self.num_iterations

    @property
    def label(self) -> str:
        """The legend's text; accuracies to 0.1 %, as in the explorer's table."""
        text = f"α = {self.learning_rate:.3g}"
        if self.stopped:
            text += f" (stopped at {self.iteration})"
        if self.train_accuracy is not None:
            text += f": train {self.train_accuracy:.1%}, test {self.test_accuracy:.1%}"
        if self.first_bad_cost() is not None:
            text += " (cost nan)"
        return text

    def first_bad_cost(self) -> int | None:
        """The iteration of the first recorded cost that is not a finite number, or None."""
        for iteration, cost in zip(self.cost_iterations, self.costs):
            if not math.isfinite(cost):
                return iteration
        return None

    def first_rise(self) -> tuple[int, float, int, float] | None:
        """(iteration, cost, next iteration, higher cost) of the first recorded rise, or None."""
        pairs = [(i, c) for i, c in zip(self.cost_iterations, self.costs) if math.isfinite(c)]
        for (i0, c0), (i1, c1) in zip(pairs, pairs[1:]):
            if c1 > c0 * (1 + 1e-9):
                return i0, c0, i1, c1
        return None


def explain(run: Run) -> str:
    """Plain words on what went wrong in ``run`` (nan or infinite cost, saturated outputs, a rising
    cost), and what to do; "" when nothing did."""
    rate = f"{run.learning_rate:.3g}"
    sentences = []
    bad = run.first_bad_cost()
    if bad is not None:
        sentences.append(
            f"From iteration {bad} the cost is not a number (nan), so its curve stops there. "
            f"With learning rate {rate} the steps are so large that the weights grow quickly and "
            f"wᵀx + b reaches values beyond ±{SATURATION_Z:g}, where σ rounds to exactly 1.0 (or "
            f"0.0): the cost then takes log(0) = −∞, and 0 · (−∞) is nan.")
    if run.saturated:
        sentences.append(
            f"Now {run.saturated} of the {run.train_count} training pictures get an output of exactly "
            f"0 or 1: the model is saturated, certain of those answers. Where σ is flat its slope "
            f"is about 0, so those pictures barely move the weights any more.")
    rise = run.first_rise()
    if rise is not None:
        i0, c0, i1, c1 = rise
        sentences.append(
            f"The cost rose from {c0:.4g} at iteration {i0} to {c1:.4g} at iteration {i1}: a step "
            f"overshot the minimum along some direction (gradient descent diverges when every step "
            f"overshoots by more than it gains).")
    if sentences:
        sentences.append(f"Try a smaller learning rate than {rate}: its cost falls more slowly "
                         "but stays a number.")
    return " ".join(sentences)


def _curve_in_words(run: Run) -> str:
    finite = [(i, c) for i, c in zip(run.cost_iterations, run.costs) if math.isfinite(c)]
    if not finite:
        return "no cost recorded yet"
    (i0, c0), (i_last, c_last) = finite[0], finite[-1]
    i_min, c_min = min(finite, key=lambda pair: pair[1])
    words = f"cost {c0:.4f} at iteration {i0}"
    if len(finite) > 1:
        words += f", lowest {c_min:.4f} at iteration {i_min}, last {c_last:.4f} at iteration {i_last}"
        words += "; it rises somewhere" if run.first_rise() else "; it falls at every recording"
    bad = run.first_bad_cost()
    if bad is not None:
        words += f"; not a number (nan) from iteration {bad} on"
    return words


def describe(runs: list[Run], picture: str) -> str:
    """The figure in words, as HTML: one list item per run (its curve's key values, its
    accuracies), then the picture on show (``picture``: its caption, plain text)."""
    items = []
    for number, run in enumerate(runs, start=1):
        accuracy = ("" if run.train_accuracy is None else
                    f"; train accuracy {run.train_accuracy:.1%}, test accuracy {run.test_accuracy:.1%}")
        items.append(f"<li>Run {number}, learning rate {run.learning_rate:.3g}, "
                     f"{run.iteration} of {run.num_iterations} iterations: "
                     f"{html.escape(_curve_in_words(run))}{accuracy}.</li>")
    curves = (f"<p>Cost of each run against the iteration (log scale):</p><ul>{''.join(items)}</ul>"
              if items else "<p>No run yet: the cost plot is empty.</p>")
    return curves + f"<p>Picture: {html.escape(picture)}.</p>"


def outcome(run: Run) -> str:
    """How ``run`` ended, in one or two sentences (what the explorer announces), with the
    explanation of what went wrong when something did."""
    cost = f"cost {run.costs[-1]:.4f}" if run.costs else "no cost recorded"
    ended = (f"stopped at iteration {run.iteration}" if run.stopped else
             f"done after {run.iteration} iterations")
    accuracy = ("" if run.train_accuracy is None else
                f", train accuracy {run.train_accuracy:.1%}, test accuracy {run.test_accuracy:.1%}")
    advice = explain(run)
    return f"Run {run.number} {ended}: {cost}{accuracy}." + (f" What happened: {advice}" if advice else "")


def status(run: Run, state: str) -> str:
    """The explorer's status line for ``run`` in ``state`` ("training", "done", ...)."""
    parts = [f"learning rate {run.learning_rate:.3g}", f"iteration {run.iteration}/{run.num_iterations}"]
    if run.costs:
        parts.append(f"cost {run.costs[-1]:.4f}")
    if run.train_accuracy is not None:
        parts += [f"train accuracy {run.train_accuracy:.1%}", f"test accuracy {run.test_accuracy:.1%}"]
    return " · ".join(parts + [state])


def explanation_html(run: Run | None) -> str:
    """The box under the explorer's table saying what went wrong in ``run``; "" when nothing did."""
    advice = explain(run) if run is not None else ""
    if not advice:
        return ""
    return ("<div role='note' style='border-left: 4px solid #E69F00; background: #fdf3e1; "
            f"padding: 0.3em 0.6em; max-width: 21em'><b>What happened</b><br>{html.escape(advice)}</div>")


def table_html(runs: list[Run]) -> str:
    """The explorer's table: one row per run (its colour, rate, iterations, last cost, accuracies)."""
    if not runs:
        return ""
    rows = []
    for run in runs:
        cost = f"{run.costs[-1]:.4f}" if run.costs else "–"
        train = "–" if run.train_accuracy is None else f"{run.train_accuracy:.1%}"
        test = "–" if run.test_accuracy is None else f"{run.test_accuracy:.1%}"
        colour = run.line.get_color()  # one of STYLES' hex colours
        rows.append(f"<tr><td style='color:{colour}' aria-hidden='true'>&#9632;</td>"
                    f"<td>{run.learning_rate:.3g}</td>"
                    f"<td>{run.iteration}/{run.num_iterations}</td><td>{cost}</td>"
                    f"<td>{train}</td><td>{test}</td></tr>")
    return ("<table style='font-size: 0.9em'><tr><th></th><th>rate</th><th>iterations</th>"
            "<th>cost</th><th>train</th><th>test</th></tr>" + "".join(rows) + "</table>")
