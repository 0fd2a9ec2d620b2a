"""The page's plots: two bar charts written as SVG (embedded in the page as base64, so it needs no
network and no other file), each with an alternative text that states what the plot shows in
numbers.

The charts are written here as text rather than drawn with matplotlib: a grading run ends by
rewriting the page, and importing matplotlib's figures cost that run about half a second of CPU.
The browser draws the bars, the axes and the labels (in its sans-serif font).

Small counts stay private on the plots too: unless ``exact`` (``--names``), a bar of 1 or 2
students is drawn at the height of 2, hatched, and its label and the text say "fewer than 3".
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from html import escape

from autograder.insights.stats import MistakeRow

#: colour-blind-safe (ColorBrewer PuOr, as the widgets use)
BAR = "#5e3c99"
SMALL = "#e66101"
#: how many mistake/function pairs the mistakes plot shows at most
MAX_BARS = 12
#: font size of tick labels and of titles, in pixels; the width of one character is estimated
TICK_FONT, TITLE_FONT, CHAR_WIDTH = 11, 14, 0.6


@dataclass
class Plot:
    title: str
    alt: str
    svg_base64: str   # an SVG picture, base64 (the page shows it as an <img>)


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
    svg = _columns("Score distribution", labels, counts, exact, f"score (out of {max_score:g})",
                   "students", slanted=len(counts) > 12)
    shown = [f"{labels[i]}: {count_text(c, exact)}" for i, c in enumerate(counts) if c]
    alt = (f"Bar chart of the {len(scores)} students' total scores out of {max_score:g}, "
           f"students per score (a range holds its lower end, not its upper; the last bar is full "
           f"marks): " + "; ".join(shown) + "."
           + ("" if exact else " Orange hatched bars stand for fewer than 3 students."))
    return Plot("Score distribution", alt, _base64(svg))


def mistakes_by_function(rows: list[MistakeRow], exact: bool) -> Plot | None:
    """Students per (function, mistake), the most common first; None when there is no mistake."""
    pairs = [(f"{function}: {_short(row.title, 70)}", n) for row in rows for function, n in row.functions()]
    pairs.sort(key=lambda p: -p[1])
    if not pairs:
        return None
    shown = pairs[:MAX_BARS]
    svg = _rows("Mistakes by function", [label for label, _ in shown], [n for _, n in shown], exact,
                "students")
    more = f" ({len(pairs) - len(shown)} rarer ones are in the table)" if len(pairs) > len(shown) else ""
    alt = ("Horizontal bar chart of students per mistake and function: "
           + "; ".join(f"{label}: {count_text(n, exact)}" for label, n in shown) + "." + more
           + ("" if exact else " Orange hatched bars stand for fewer than 3 students."))
    return Plot("Mistakes by function", alt, _base64(svg))


# ----------------------------------------------------------------------------- SVG

def _columns(title: str, labels: list[str], counts: list[int], exact: bool, x_label: str,
             y_label: str, slanted: bool) -> str:
    """Vertical bars, one per label, on an axis of whole numbers of students."""
    width, height = 700, 330
    left, right, top = 56, 16, 36
    bottom = 56 + (int(max(map(len, labels)) * TICK_FONT * CHAR_WIDTH * 0.7) if slanted else 0)
    height += bottom - 56
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value, ticks = _scale(max(_heights(counts, exact)))
    step = plot_w / len(counts)
    parts = [_title(width, title), _axes(left, top, plot_w, plot_h)]
    for value in ticks:
        y = top + plot_h - plot_h * value / top_value
        parts.append(f'<line x1="{left - 4}" y1="{y:.1f}" x2="{left}" y2="{y:.1f}" stroke="#333"/>'
                     f'<text x="{left - 7}" y="{y + 4:.1f}" text-anchor="end">{value}</text>')
    for i, (label, count, shown) in enumerate(zip(labels, counts, _heights(counts, exact))):
        x, bar_h = left + i * step, plot_h * shown / top_value
        parts.append(_bar(x + step * 0.1, top + plot_h - bar_h, step * 0.8, bar_h,
                          _small(count, exact)))
        cx, y = x + step / 2, top + plot_h + 15
        turn = f' transform="rotate(-45 {cx:.1f} {y:.1f})"' if slanted else ""
        parts.append(_text(cx, y, label, "end" if slanted else "middle", turn))
    parts.append(_text(left + plot_w / 2, height - 10, x_label))
    parts.append(f'<text transform="translate(15 {top + plot_h / 2:.1f}) rotate(-90)" '
                 f'text-anchor="middle">{escape(y_label)}</text>')
    return _svg(width, height, parts)


def _rows(title: str, labels: list[str], counts: list[int], exact: bool, x_label: str) -> str:
    """Horizontal bars, one per label from the top down, on an axis of whole numbers of students."""
    row = 28
    left = 16 + int(max(map(len, labels)) * TICK_FONT * CHAR_WIDTH)
    width, top, bottom, right = max(700, left + 420), 36, 48, 24
    height = top + row * len(labels) + bottom
    plot_w, plot_h = width - left - right, row * len(labels)
    top_value, ticks = _scale(max(_heights(counts, exact)))
    parts = [_title(width, title), _axes(left, top, plot_w, plot_h)]
    for value in ticks:
        x = left + plot_w * value / top_value
        parts.append(f'<line x1="{x:.1f}" y1="{top + plot_h}" x2="{x:.1f}" y2="{top + plot_h + 4}" '
                     f'stroke="#333"/><text x="{x:.1f}" y="{top + plot_h + 16}" '
                     f'text-anchor="middle">{value}</text>')
    for i, (label, count, shown) in enumerate(zip(labels, counts, _heights(counts, exact))):
        y = top + i * row
        parts.append(_bar(left, y + row * 0.15, plot_w * shown / top_value, row * 0.7,
                          _small(count, exact)))
        parts.append(_text(left - 6, y + row / 2 + 4, label, "end"))
    parts.append(_text(left + plot_w / 2, height - 8, x_label))
    return _svg(width, height, parts)


def _svg(width: int, height: int, parts: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="{TICK_FONT}">'
            f'<defs><pattern id="few" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{SMALL}"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern></defs>'
            f'<rect width="{width}" height="{height}" fill="#fff"/>' + "".join(parts) + "</svg>")


def _title(width: int, title: str) -> str:
    return (f'<text x="{width / 2:.1f}" y="22" text-anchor="middle" font-size="{TITLE_FONT}">'
            f'{escape(title)}</text>')


def _axes(left: float, top: float, width: float, height: float) -> str:
    return (f'<path d="M{left} {top}V{top + height}H{left + width}" fill="none" stroke="#333"/>')


def _bar(x: float, y: float, width: float, height: float, small: bool) -> str:
    fill = "url(#few)" if small else BAR
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" height="{max(height, 0):.1f}" '
            f'fill="{fill}"/>')


def _text(x: float, y: float, words: str, anchor: str = "middle", extra: str = "") -> str:
    """A label at (x, y), escaped (a mistake's title or a function's name is text, never markup)."""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{escape(words)}</text>'


def _small(count: int, exact: bool) -> bool:
    return 0 < count < 3 and not exact


def _heights(counts: list[int], exact: bool) -> list[int]:
    """The bars' heights: a count of 1 or 2 is drawn as 2 unless ``exact``."""
    return [2 if _small(c, exact) else c for c in counts]


def _scale(largest: int) -> tuple[int, list[int]]:
    """The axis' top value and its ticks: whole numbers, about five of them."""
    largest = max(largest, 1)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000) if largest / s <= 6) \
        if largest <= 6000 else -(-largest // 5)
    top = -(-largest // step) * step
    return top, list(range(0, top + 1, step))


def _range(edges: list[float], i: int, max_score: float) -> str:
    low = edges[i]
    high = edges[i + 1] if i + 1 < len(edges) else max_score
    return f"{low:g}" if high <= low else f"{low:g}–{high:g}" if i + 1 < len(edges) else f"{low:g}"


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def _base64(svg: str) -> str:
    return base64.b64encode(svg.encode("utf-8")).decode("ascii")
