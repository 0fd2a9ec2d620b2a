"""The page's plots, drawn with matplotlib's Agg backend into PNG bytes (embedded in the page as
base64, so it needs no network and no other file), each with an alternative text that states
what the plot shows in numbers.

Small counts stay private on the plots too: unless ``exact`` (``--names``), a bar of 1 or 2
students is drawn at the height of 2, hatched, and its label and the text say "fewer than 3".
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg", force=False)
from matplotlib.figure import Figure  # noqa: E402  (a Figure needs no pyplot and no display)

from autograder.insights.stats import MistakeRow  # noqa: E402

#: colour-blind-safe (ColorBrewer PuOr, as the widgets use)
BAR = "#5e3c99"
SMALL = "#e66101"
#: how many mistake/function pairs the mistakes plot shows at most
MAX_BARS = 12


@dataclass
class Plot:
    title: str
    alt: str
    png_base64: str


def count_text(n: int, exact: bool) -> str:
    """A count as the page shows it: ``"fewer than 3"`` for 1 or 2 unless ``exact``."""
    return "fewer than 3" if 0 < n < 3 and not exact else str(n)


def score_distribution(scores: list[float], max_score: float, exact: bool) -> Plot:
    """A histogram of the total scores, one bar per point (or per tenth of the maximum)."""
    width = 1.0 if max_score <= 20 else max_score / 10
    edges = [i * width for i in range(int(max_score // width) + 1)]
    if not edges or edges[-1] < max_score:
        edges.append(max_score)
    counts = [0] * len(edges)
    for score in scores:
        at = min(int(score // width), len(edges) - 1)
        counts[at] += 1
    labels = [_range(edges, i, max_score) for i in range(len(edges))]
    fig = Figure(figsize=(7, 3.2), dpi=100)
    ax = fig.subplots()
    heights = [2 if 0 < c < 3 and not exact else c for c in counts]
    bars = ax.bar(range(len(counts)), heights, color=[SMALL if 0 < c < 3 and not exact else BAR for c in counts])
    for bar, c in zip(bars, counts):
        if 0 < c < 3 and not exact:
            bar.set_hatch("//")
    ax.set_xticks(range(len(counts)), labels, rotation=45 if len(counts) > 12 else 0, fontsize=8)
    ax.set_xlabel(f"score (out of {max_score:g})")
    ax.set_ylabel("students")
    ax.set_title("Score distribution")
    ax.yaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    shown = [f"{labels[i]}: {count_text(c, exact)}" for i, c in enumerate(counts) if c]
    alt = (f"Bar chart of the {len(scores)} students' total scores out of {max_score:g}, "
           f"students per score (a range holds its lower end, not its upper; the last bar is full "
           f"marks): " + "; ".join(shown) + "."
           + ("" if exact else " Orange hatched bars stand for fewer than 3 students."))
    return Plot("Score distribution", alt, _png(fig))


def mistakes_by_function(rows: list[MistakeRow], exact: bool) -> Plot | None:
    """Students per (function, mistake), the most common first; None when there is no mistake."""
    pairs = [(f"{function}: {_short(row.title, 70)}", n) for row in rows for function, n in row.functions()]
    pairs.sort(key=lambda p: -p[1])
    if not pairs:
        return None
    shown = pairs[:MAX_BARS]
    fig = Figure(figsize=(10, 0.4 * len(shown) + 1.3), dpi=100)
    ax = fig.subplots()
    heights = [2 if 0 < n < 3 and not exact else n for _, n in shown]
    bars = ax.barh(range(len(shown)), heights,
                   color=[SMALL if 0 < n < 3 and not exact else BAR for _, n in shown])
    for bar, (_, n) in zip(bars, shown):
        if 0 < n < 3 and not exact:
            bar.set_hatch("//")
    ax.set_yticks(range(len(shown)), [label for label, _ in shown], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("students")
    ax.set_title("Mistakes by function")
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    more = f" ({len(pairs) - len(shown)} rarer ones are in the table)" if len(pairs) > len(shown) else ""
    alt = ("Horizontal bar chart of students per mistake and function: "
           + "; ".join(f"{label}: {count_text(n, exact)}" for label, n in shown) + "." + more
           + ("" if exact else " Orange hatched bars stand for fewer than 3 students."))
    return Plot("Mistakes by function", alt, _png(fig))


def _range(edges: list[float], i: int, max_score: float) -> str:
    low = edges[i]
    high = edges[i + 1] if i + 1 < len(edges) else max_score
    return f"{low:g}" if high <= low else f"{low:g}–{high:g}" if i + 1 < len(edges) else f"{low:g}"


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def _png(fig: Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return base64.b64encode(buffer.getvalue()).decode("ascii")
