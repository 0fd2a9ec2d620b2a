"""What a gradient check found, and the table it prints: one :class:`ParameterCheck` per
parameter (its relative error, verdict and worst entries) in a :class:`GradientCheckResult`.

Shapes: a parameter's ``shape`` is that of ``parameters[name]`` (``()`` for a single number);
``ParameterCheck.numerical`` has that shape too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from layerlab.gradcheck.inputs import index_text

#: One line printed under every report, so the number is never read without its meaning.
HOW_TO_READ = (
    "How to read the relative error: below ~1e-7 the gradient is right; 1e-7 to 1e-5 look again "
    "(a kink such as ReLU at 0, or epsilon too small); 1e-5 to 1e-3 suspicious; "
    "above ~1e-3 almost certainly a bug."
)

WORST_KEPT = 3  # how many worst entries each ParameterCheck keeps (and the report shows)


@dataclass(frozen=True)
class EntryCheck:
    """One entry of one parameter: where it is, and the two gradient values there.

    ``index`` is a tuple usable as ``parameters[name][index]`` (``()`` for a single number).
    """

    index: tuple
    analytic: float
    numerical: float

    @property
    def difference(self) -> float:
        """``abs(analytic - numerical)``."""
        return abs(self.analytic - self.numerical)


@dataclass
class ParameterCheck:
    """The check of one parameter, e.g. ``W1`` with shape ``(n_h, n_x)``.

    Attributes:
        name: parameter key, e.g. ``"W1"`` (its gradient is ``grads["dW1"]``).
        shape: shape of the parameter (``()`` for a single number such as ``b``).
        relative_error: relative error over the checked entries of this parameter.
        passed: ``relative_error < threshold``.
        worst: up to 3 entries with the largest ``|analytic − numerical|``, largest first.
        checked: how many entries were checked.
        size: how many entries the parameter has (``checked < size`` means it was sampled).
        max_difference: largest ``|analytic − numerical|`` over the checked entries.
        rounding_noise: True when the parameter failed but every difference is no larger than
            the rounding noise of the numerical estimate (see :class:`GradientCheckResult`):
            the check could not tell, it did not find a bug.
        numerical: numerical gradient, float64 array of shape ``shape``; entries that were
            not checked (sampling) are NaN.
    """

    name: str
    shape: tuple
    relative_error: float
    passed: bool
    worst: list = field(default_factory=list)
    checked: int = 0
    size: int = 0
    max_difference: float = 0.0
    rounding_noise: bool = False
    numerical: np.ndarray = field(default=None, repr=False)

    @property
    def sampled(self) -> bool:
        """True when only a random subset of the entries was checked."""
        return self.checked < self.size


@dataclass(repr=False)
class GradientCheckResult:
    """What :func:`gradient_check` found.

    Attributes:
        checks: one :class:`ParameterCheck` per parameter, in the order of ``parameters``;
            also reachable as ``result["W1"]``.
        passed: True when every parameter's relative error is below ``threshold``.
        overall_relative_error: relative error over all checked entries of all parameters
            put together in one vector (the single number some texts report).
        threshold: the threshold used.
        epsilon: the nudge used.
        cost: the cost at the unchanged parameters.
        noise_level: how far a numerical gradient entry can be off through rounding alone,
            about ``10 * 2.2e-16 * |cost| / epsilon``. When a gradient is very small (weights
            initialised ×0.01 make ``dW1`` about 1e-4), this noise alone can push a correct
            gradient's relative error above 1e-7; such parameters get ``rounding_noise=True``
            and the report says so instead of calling it a bug.

    ``str(result)`` (or ``print(result)``) gives the same table ``verbose=True`` prints.
    """

    checks: dict
    passed: bool
    overall_relative_error: float
    threshold: float
    epsilon: float
    cost: float = float("nan")
    noise_level: float = 0.0

    @property
    def relative_errors(self) -> dict:
        """``{name: relative error}`` for every parameter."""
        return {name: c.relative_error for name, c in self.checks.items()}

    @property
    def failed(self) -> list:
        """Names of the parameters whose relative error is not below the threshold."""
        return [name for name, c in self.checks.items() if not c.passed]

    def __getitem__(self, name: str) -> ParameterCheck:
        return self.checks[name]

    def report(self) -> str:
        """The readable table: parameter, shape, relative error, verdict; details of failures."""
        rows = [("parameter", "shape", "relative error", "verdict")]
        for c in self.checks.values():
            rows.append((c.name, shape_text(c.shape), f"{c.relative_error:.2e}", verdict(c, self.threshold)))
        widths = [max(len(r[i]) for r in rows) for i in range(3)]

        def line(r):
            return "  ".join(cell.ljust(w) for cell, w in zip(r[:3], widths)) + "  " + r[3]

        out = [f"Gradient check (centred differences, epsilon = {self.epsilon:g}, threshold = {self.threshold:g})"]
        out.append(line(rows[0]))
        for c, row in zip(self.checks.values(), rows[1:]):
            out.append(line(row))
            if c.sampled:
                out.append(f"    (checked a random sample of {c.checked} of its {c.size} entries)")
            if not c.passed and c.worst:
                out.extend(worst_table(c))
            if c.rounding_noise:
                out.append(
                    f"    d{c.name} is tiny and every difference is within rounding noise "
                    f"(<= {self.noise_level:.1e} at this epsilon): inconclusive, no bug found."
                )
        noisy = [n for n in self.failed if self.checks[n].rounding_noise]
        buggy = [n for n in self.failed if not self.checks[n].rounding_noise]
        if self.passed:
            out.append(f"PASSED: every relative error is below {self.threshold:g}.")
        elif buggy:
            also = f" ({', '.join(noisy)}: rounding noise only)" if noisy else ""
            out.append(f"FAILED: {', '.join(buggy)} above the threshold {self.threshold:g}; "
                       f"look at the backward step that computes {', '.join('d' + n for n in buggy)}{also}.")
        else:
            out.append(f"INCONCLUSIVE: {', '.join(noisy)} above {self.threshold:g} only by rounding noise; re-run "
                       f"with epsilon=1e-5, or at larger random parameters (e.g. randn without the x0.01).")
        out.append(HOW_TO_READ)
        return "\n".join(out)

    def __str__(self) -> str:
        return self.report()

    def __repr__(self) -> str:
        errors = ", ".join(f"{n!r}: {e:.2e}" for n, e in self.relative_errors.items())
        return f"GradientCheckResult(passed={self.passed}, relative_errors={{{errors}}})"


def shape_text(shape) -> str:
    return "scalar" if shape == () else str(tuple(shape))


def verdict(check: ParameterCheck, threshold: float) -> str:
    error = check.relative_error
    if error < threshold:
        return "✓"
    if check.rounding_noise:
        return "✗ rounding noise?"
    if error < 1e-5:
        return "✗ look again"
    if error < 1e-3:
        return "✗ suspicious"
    return "✗ likely a bug"


def worst_table(check: ParameterCheck) -> list:
    rows = [("entry", "analytic", "numerical", "difference")]
    for e in check.worst:
        rows.append((f"{check.name}{index_text(e.index)}", f"{e.analytic:.6g}", f"{e.numerical:.6g}", f"{e.difference:.2e}"))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["    worst entries:"]
    for r in rows:
        lines.append("      " + "  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(r, widths))))
    return lines
