"""Write the insights of one assignment: ``insights.html`` (one self-contained page: plots as
base64 PNG, no script, no network) and ``insights.csv`` (the same numbers, one per row)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import jinja2

from autograder.grading.results import atomic_write
from autograder.insights.report import Insights
from layerlab.judge.catalogue import TOPICS

TEMPLATES = Path(__file__).parent / "templates"
#: the columns of insights.csv
COLUMNS = ("section", "name", "detail", "students", "value")


def render(insights: Insights) -> str:
    """The HTML page; every text from the results is escaped (Jinja2's autoescape)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("insights.html").render(r=insights, topics=TOPICS)


def rows(insights: Insights) -> list[tuple[str, str, str, str, str]]:
    """The CSV's rows (without the header), counts as the page shows them."""
    count = insights.count
    out = [("class", "graded submissions", "", count(insights.students), ""),
           ("class", "mean score", f"of {insights.max_score:g}", "", f"{insights.mean:.4g}")]
    for rank, lesson in enumerate(insights.lessons, 1):
        out.append(("re-teach", lesson.title, f"{rank}: {lesson.where}", count(lesson.students), ""))
    for f in insights.functions:
        if f.kind == "function":
            out += [("function", f.name, outcome, count(n), "") for outcome, n in f.counts.items()]
            out.append(("function", f.name, "no likely mistake named", count(f.unrecognised), ""))
    for m in insights.mistakes:
        name = m.key if m.identified else m.title
        out.append(("mistake", name, m.title if m.identified else "", count(m.count), m.topic or ""))
        out += [("mistake in function", name, function, count(n), "") for function, n in m.functions()]
    for q in insights.questions:
        out.append(("question", q.name, "right", count(q.right), f"{q.difficulty:.4g}"))
        out.append(("question", q.name, "discrimination", "",
                    "" if q.discrimination is None else f"{q.discrimination:.4g}"))
        out += [("option", q.name, option, count(n), "right" if right else "") for option, n, right in q.options]
        if q.cluster:
            out.append(("wrong answers cluster", q.name, q.cluster[0], count(q.cluster[1]), ""))
    out += [("student", student, "score", "", f"{score:g}") for student, score in sorted(insights.scores.items())]
    return out


def table(insights: Insights) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([tuple(inert(cell) for cell in row) for row in rows(insights)])
    return buffer.getvalue()


def inert(cell: str) -> str:
    """A cell a spreadsheet will not read as a formula (a leading ``=``, ``+``, ``@``)."""
    return "'" + cell if cell[:1] in ("=", "+", "@", "\t", "\r") else cell


def write(insights: Insights, folder: Path) -> tuple[Path, Path]:
    """Write insights.html and insights.csv into ``folder``; returns their paths."""
    html, csv_path = folder / "insights.html", folder / "insights.csv"
    atomic_write(html, render(insights))
    atomic_write(csv_path, table(insights))
    return html, csv_path
