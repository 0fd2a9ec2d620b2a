"""The feedback page a student gets: ``feedback/<student>/<assignment>/<notebook>.html``.

One self-contained HTML page per notebook (nbgrader's feedback layout, so ``nbgrader
release_feedback`` can hand it out), rendered with Jinja2 from the same data as results.json.
Everything that came from the student (error messages, cell text) is HTML-escaped. It shows, per
graded function, the points, the hidden cases passed, and for each failing case what was wrong
(which output, expected vs got type and shape, the largest differences), the likely mistake and
the student's own traceback lines; never the hidden inputs' values or source, the reference or
the test code.
For a quiz it shows each question's answer, points and explanation; when the answer is not fully
right, also the right answer and the notes on the options the student got wrong.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import jinja2
import markupsafe

from autograder.grading.results import AssignmentResult, NotebookResult, atomic_write
from autograder.grading.outcomes import SHOWN_FAILURES
from layerlab.judge.report import MAX_DIAGNOSES

TEMPLATE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ nb.name }}: feedback for {{ result.student }}</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
         max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; }
  h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
  h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
  .meta { color: #59636e; margin-top: 0; }
  .total { font-size: 2.2rem; font-weight: 700; margin: .6rem 0; }
  .total small { font-size: 1rem; font-weight: 400; color: #59636e; }
  table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
  th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #d0d7de; }
  th { background: #f6f8fa; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .ok { color: #1a7f37; font-weight: 600; }
  .partial { color: #9a6700; font-weight: 600; }
  .bad { color: #cf222e; font-weight: 600; }
  .box { border-radius: 6px; padding: .7rem 1rem; margin: .8rem 0; }
  .error { background: #ffebe9; border: 1px solid #ff8182; }
  .note { background: #ddf4ff; border: 1px solid #54aeff; }
  .case { border: 1px solid #d0d7de; border-radius: 6px; padding: .6rem .9rem; margin: .6rem 0; }
  .case-title { font-weight: 600; }
  .input { color: #59636e; }
  .same { font-weight: 400; color: #59636e; }
  pre { background: #f6f8fa; padding: .6rem .8rem; border-radius: 6px; overflow-x: auto;
        font-size: .88rem; margin: .4rem 0; white-space: pre-wrap; }
  .hint { background: #fff8c5; border-left: 4px solid #d4a72c; padding: .4rem .7rem; margin: .4rem 0; }
  code { background: #f6f8fa; padding: 0 .25rem; border-radius: 4px; }
  details { margin: .5rem 0; }
  footer { margin-top: 2.5rem; color: #59636e; font-size: .9rem; border-top: 1px solid #d0d7de;
           padding-top: .8rem; }
</style>
</head>
<body>
<h1>{{ nb.name }}.ipynb</h1>
<p class="meta">{{ result.assignment }} · {{ result.student }} · graded {{ when(result.graded_at) }}</p>
<p class="total">{{ fmt(nb.score) }} / {{ fmt(nb.max_score) }} <small>points</small></p>

{% for e in result.errors + nb.errors %}
<div class="box error">{{ e | code }}</div>
{% endfor %}

{% set functions = nb.functions | rejectattr("kind", "equalto", "question") | list %}
{% set questions = nb.functions | selectattr("kind", "equalto", "question") | list %}
{% if functions %}
<h2>Graded functions</h2>
<table>
  <tr><th>Function</th><th>Hidden cases passed</th><th class="num">Points</th><th></th></tr>
  {% for f in functions %}
  <tr>
    <td><code>{{ f.name }}</code></td>
    <td>{{ f.passed }} of {{ f.total }}</td>
    <td class="num">{{ fmt(f.score) }} / {{ fmt(f.max_score) }}</td>
    <td>{% if f.passed == f.total %}<span class="ok">✓ all correct</span>
        {% elif f.passed %}<span class="partial">partly correct</span>
        {% else %}<span class="bad">✗ no points</span>{% endif %}</td>
  </tr>
  {% endfor %}
</table>
{% endif %}

{% for f in functions if f.passed < f.total %}
<h2 id="{{ f.name }}"><code>{{ f.name }}</code>: {{ fmt(f.score) }} / {{ fmt(f.max_score) }}</h2>
<p>{{ f.summary | code }}</p>
{% set groups = f.groups %}
{% for c, same in groups[:max_shown] %}
<div class="case">
  <div class="case-title">Hidden case {{ c.number }}{% if same %}
    <span class="same">(and the same problem in case{{ "s" if same | length > 1 }} {{ same | join(", ") }})</span>{% endif %}</div>
  <div class="input">input: {{ c.label }}</div>
  {% for h in c.hints[:max_hints] %}<div class="hint"><strong>Likely mistake:</strong> {{ h | code }}</div>{% endfor %}
  {% if c.problems %}<pre>{{ c.problems | join("\n") }}</pre>{% endif %}
  {% if c.traceback %}<pre>{{ c.traceback | join("\n") }}</pre>{% endif %}
</div>
{% endfor %}
{% if groups | length > max_shown %}
<p>… and other failing cases: fix the ones above first, they often share the cause.</p>
{% endif %}
{% endfor %}

{% if questions %}
<h2>Questions</h2>
<table>
  <tr><th>Question</th><th>Your answer</th><th class="num">Points</th><th></th></tr>
  {% for q in questions %}
  <tr>
    <td><a href="#{{ q.name }}"><code>{{ q.name }}</code></a></td>
    <td><code>{{ q.answer }}</code></td>
    <td class="num">{{ fmt(q.score) }} / {{ fmt(q.max_score) }}</td>
    <td>{% if q.score >= q.max_score %}<span class="ok">✓ right</span>
        {% elif q.score > 0 %}<span class="partial">partly right</span>
        {% else %}<span class="bad">✗ no points</span>{% endif %}</td>
  </tr>
  {% endfor %}
</table>
{% for q in questions %}
<h3 id="{{ q.name }}"><code>{{ q.name }}</code>: {{ fmt(q.score) }} / {{ fmt(q.max_score) }}</h3>
<p>{{ q.summary | code }}</p>
{% for line in q.explanation[:-1] %}<div class="hint">{{ line | code }}</div>{% endfor %}
{% if q.explanation %}<div class="box note">{{ q.explanation[-1] | code }}</div>{% endif %}
{% endfor %}
{% endif %}

{% if nb.cell_errors %}
<h2>Cells that raised an error</h2>
<p>The grader ran your notebook from top to bottom; these cells stopped with an error (the next
cells still ran). A function defined after a failing line may be missing.</p>
{% for c in nb.cell_errors %}
<div class="case">
  <div class="case-title">{{ c.label }}</div>
  <pre>{{ (c.traceback + [c.error]) | join("\n") }}</pre>
</div>
{% endfor %}
{% endif %}

{% if nb.warnings %}
<h2>Repaired before grading</h2>
<div class="box note"><ul>{% for w in nb.warnings %}<li>{{ w | code }}</li>{% endfor %}</ul></div>
{% endif %}

{% if nb.skipped %}
<details><summary>Cells not run when grading ({{ nb.skipped | length }})</summary>
<ul>{% for s in nb.skipped %}<li>{{ s }}</li>{% endfor %}</ul></details>
{% endif %}

<footer>
{% if questions and not functions %}
How this was graded: your notebook ran from top to bottom in a fresh Python process (the locked
cells as released; the format checks skipped). Then each answer variable was read back as plain
data and compared with the answer key. A "check all that apply" question earns an equal share of
its points for each right option checked and loses the same share for each wrong option checked,
never below 0; the other questions are right or wrong.
{% else %}
How this was graded: your notebook ran from top to bottom in a fresh Python process (the locked
cells as released; test cells and long demonstrations skipped). Then each graded function was
called on hidden inputs of other shapes and sizes than the public checks use, and its outputs
were compared with the reference solution's. A function's points are shared equally among its
hidden cases; a case passes when the output is right, has the promised type and shape, the inputs
are left unchanged and (for one case) the function does not depend on notebook variables.
{% endif %}
</footer>
</body>
</html>
"""

def _code(text: str) -> markupsafe.Markup:
    """Escape ``text``, then show its `backticked` parts as code."""
    escaped = str(markupsafe.escape(text))
    return markupsafe.Markup(re.sub(r"`([^`<>]+)`", r"<code>\1</code>", escaped))


_ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True)
_ENV.filters["code"] = _code
_TEMPLATE = _ENV.from_string(TEMPLATE)


def render(result: AssignmentResult, notebook: NotebookResult) -> str:
    """The feedback page of one notebook of a graded submission."""
    return _TEMPLATE.render(result=result, nb=notebook, fmt=_fmt, when=_when, max_shown=SHOWN_FAILURES,
                            max_hints=MAX_DIAGNOSES)


def write_feedback(folder: Path, result: AssignmentResult) -> list[Path]:
    """Write ``<notebook>.html`` for every notebook of ``result`` into ``folder``."""
    paths = []
    for notebook in result.notebooks:
        path = Path(folder) / f"{notebook.name}.html"
        atomic_write(path, render(result, notebook))
        paths.append(path)
    return paths


def _when(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return iso


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
