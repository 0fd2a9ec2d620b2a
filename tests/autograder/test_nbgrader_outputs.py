"""What ``nbgrader autograde`` leaves for the instructor: outputs in the autograded notebook, a
status per function in results.json, and class insights refreshed once per run.

One course (the repository's nbgrader_config.py, one-second calls) with three submissions, graded by
one real ``nbgrader autograde`` run:
* ``shows``: the reference solutions and an extra cell that prints, draws a figure, displays HTML
  with a script and prints an HTML tag;
* ``stub``: the untouched release;
* ``mixed``: wrong answers, one function that never returns and one that raises.
"""

from __future__ import annotations

import base64
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

import grading_corpus as corpus
from grading_tools import ASSIGNMENT, NOTEBOOK, SOURCE, new_course, reference_solutions, release_with, results, submit
from corpus import fn

SHOW = ("print('the printed answer: 42')\n"
        "import matplotlib.pyplot as plt\n"
        "plt.plot([0, 1, 2], [0, 1, 4])\n"
        "from IPython.display import HTML, display\n"
        "display(HTML('<script>document.title = \"pwned\"</script><b>rich</b>'))\n"
        "print('<img src=x onerror=\"document.title = 1\">')\n"
        "'the last value'")
MIXED = {**corpus.WRONG,
         "L1": fn("L1", "yhat, y", "while True:\n        pass"),
         "L2": fn("L2", "yhat, y", "raise ValueError('not like this')")}
STUDENTS = ("mixed", "shows", "stub")
INSIGHTS_LINE = f"What the class got wrong in {ASSIGNMENT}"


@pytest.fixture(scope="module")
def run():
    scratch = Path(tempfile.mkdtemp(prefix="layerlab-outputs-"))
    root = new_course(scratch / "course")
    with open(root / "nbgrader_config.py", "a") as fh:
        fh.write("\nc.SandboxedAutograde.call_seconds = 1\n")
    nbgrader(root, "generate_assignment", ASSIGNMENT)
    submit(root, "shows", release_with(reference_solutions(SOURCE), extra=SHOW))
    submit(root, "stub", release_with({}))
    submit(root, "mixed", release_with(MIXED, extra="undefined_name + 1"))
    proc = nbgrader(root, "autograde", ASSIGNMENT)
    yield root, proc.stdout + proc.stderr
    shutil.rmtree(scratch, ignore_errors=True)


def nbgrader(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"nbgrader {' '.join(args)}:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
    return proc


def autograded(root: Path, student: str) -> nbformat.NotebookNode:
    return nbformat.read(root / "autograded" / student / ASSIGNMENT / f"{NOTEBOOK}.ipynb", 4)


def outputs_of(nb, text: str) -> list:
    cell = next(c for c in nb.cells if c.cell_type == "code" and text in c.source)
    return cell.outputs


def test_the_autograded_notebook_shows_what_the_cells_printed_and_drew(run):
    root, _ = run
    nb = autograded(root, "shows")
    nbformat.validate(nb)
    outputs = outputs_of(nb, "the printed answer")
    streams = "".join(o.text for o in outputs if o.output_type == "stream")
    assert "the printed answer: 42" in streams
    assert '<img src=x onerror="document.title = 1">' in streams          # as text, never markup
    assert "text/html was left out" in streams                             # the HTML, as a note
    result = next(o for o in outputs if o.output_type == "execute_result")
    assert result.data == {"text/plain": "'the last value'"}
    picture = base64.b64decode(next(o for o in outputs if o.output_type == "display_data").data["image/png"])
    assert picture.startswith(b"\x89PNG\r\n\x1a\n") and len(picture) > 1000


def test_no_output_a_browser_would_run_reaches_any_autograded_notebook(run):
    root, _ = run
    for student in STUDENTS:
        for cell in autograded(root, student).cells:
            for output in cell.get("outputs", []):
                assert set(output.get("data", {})) <= {"text/plain", "image/png"}, (student, output)


def test_a_cell_that_failed_shows_its_error_and_cells_that_ran_their_number(run):
    root, _ = run
    nb = autograded(root, "mixed")
    (error,) = [o for o in outputs_of(nb, "undefined_name") if o.output_type == "error"]
    assert error.ename == "NameError" and "undefined_name" in error.evalue
    numbers = [c.execution_count for c in nb.cells if c.cell_type == "code" and c.execution_count]
    assert numbers == sorted(numbers) and len(numbers) >= len(corpus.ARGS)


def test_nbconverts_page_escapes_the_printed_markup(run):
    from nbconvert import HTMLExporter

    root, _ = run
    html, _ = HTMLExporter().from_notebook_node(autograded(root, "shows"))
    assert "&lt;img src=x onerror" in html and "<img src=x" not in html
    assert "<script>document.title" not in html and "<b>rich</b>" not in html
    assert re.search(r'<img [^>]*src="data:image/png;base64,', html)


def test_results_say_the_status_of_every_function(run):
    root, _ = run
    assert {f["status"] for f in results(root, "shows")["functions"].values()} == {"passed"}
    assert {f["status"] for f in results(root, "stub")["functions"].values()} == {"unfinished"}
    mixed = results(root, "mixed")["functions"]
    assert mixed["L1"]["status"] == "timeout" and mixed["L2"]["status"] == "error"
    assert mixed["softmax"]["status"] == "failed"
    for student in STUDENTS:
        for name, f in results(root, student)["functions"].items():
            partial = 0 < f["score"] < f["max_score"]
            assert (f["status"] == "partial") == partial, (student, name, f["status"], f["score"])


def test_the_insights_are_refreshed_once_and_count_every_submission_of_the_run(run):
    root, log = run
    assert log.count(INSIGHTS_LINE) == 1, log[-3000:]
    with open(root / "insights" / ASSIGNMENT / "insights.csv", newline="") as fh:
        rows = {(r["section"], r["name"], r["detail"]): r["students"] for r in csv.DictReader(fh)}
    assert rows[("class", "graded submissions", "")] == "3"   # the run's last submission included
    # one student each: full marks (shows), unfinished (stub), no points (mixed)
    assert rows[("function", "softmax", "full")] == rows[("function", "softmax", "unfinished")] \
        == rows[("function", "softmax", "zero")] == "fewer than 3"


def test_the_formgrader_autograde_of_one_submission_refreshes_at_once(run):
    root, _ = run
    from nbgrader.apps.api import NbGraderAPI

    from autograder.grading.course import Course

    page = root / "insights" / ASSIGNMENT / "insights.html"
    page.unlink()
    course = Course.open(root)
    api = NbGraderAPI(coursedir=course.coursedir, config=course.config)
    outcome = api.autograde(ASSIGNMENT, "stub")
    assert outcome["success"], outcome
    assert page.is_file()
    assert json.loads((root / "autograded" / "stub" / ASSIGNMENT / "results.json").read_text())["score"] == 0


# ----------------------------------------------------------------------------- forged outputs

def _session_with(outputs) -> "protocol.Response":
    from autograder.boundary import protocol

    session = protocol.Session(cells=1)
    session.accept(json.dumps({"type": "ready", "protocol": protocol.PROTOCOL}))
    session.accept(json.dumps({"type": "cell", "index": 0, "seconds": 0.0, "error": None, "outputs": outputs}))
    return session.response


def _shown(outputs, source="print(1)") -> nbformat.NotebookNode:
    from autograder.grading.cell_outputs import with_outputs

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("text"), nbformat.v4.new_code_cell(source)])
    return nbformat.reads(with_outputs(nb, [{"filename": "<cell 2>", "source": source}], _session_with(outputs)), 4)


def test_forged_pictures_and_kinds_never_become_markup():
    svg = base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').decode()
    huge = base64.b64encode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (10**6).to_bytes(4, "big") * 2 + b"\x08\x06").decode()
    nb = _shown([{"kind": "png", "text": svg}, {"kind": "png", "text": "not base64 <script>"},
                 {"kind": "png", "text": huge}, {"kind": "stdout", "text": "a\x00b\x1b[31mred\x1b[0m\x07"}])
    outputs = nb.cells[1].outputs
    assert [o.output_type for o in outputs] == ["stream"] * 4
    assert [o.text.count("not a valid PNG image") for o in outputs[:3]] == [1, 1, 1]
    assert outputs[3].text == "ab\x1b[31mred\x1b[0m" and nb.cells[1].execution_count == 1
    assert _session_with([{"kind": "html", "text": "<script>"}]).cells == {}   # the message is refused
    assert _session_with([{"kind": "stdout", "text": "x", "data": {"text/html": "<b>"}}]).cells == {}


def test_the_notebooks_outputs_are_bounded_with_a_note():
    from autograder.boundary import protocol
    from autograder.grading import cell_outputs

    many_items = [{"kind": "stdout", "text": "x"}] * (protocol.MAX_OUTPUTS + 10)
    assert len(_session_with(many_items).cells[0].outputs) == protocol.MAX_OUTPUTS
    (long,) = _session_with([{"kind": "stdout", "text": "x" * 100_000}]).cells[0].outputs
    assert len(long[1]) == protocol.MAX_OUTPUT_TEXT
    many = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f"print({i})") for i in range(8)])
    response = protocol.Response()
    for i in range(8):
        response.cells[i] = protocol.CellReport(i, 0.0, None, [("stdout", "y" * protocol.MAX_OUTPUT_TEXT)] * 24)
    cells = [{"filename": f"<cell {i + 1}>", "source": c.source} for i, c in enumerate(many.cells)]
    shown = nbformat.reads(cell_outputs.with_outputs(many, cells, response), 4)
    assert len(nbformat.writes(shown)) < cell_outputs.MAX_NOTEBOOK_CHARS + 100_000
    assert "outputs were left out" in shown.cells[-1].outputs[0].text
    assert shown.cells[0].outputs[0].text.startswith("y")


def test_text_that_is_not_unicode_is_written_with_replacement_characters():
    nb = _shown([{"kind": "stdout", "text": "half of a pair: \ud800 \udc80"}])
    assert nb.cells[1].outputs[0].text == "half of a pair: \ufffd \ufffd"


# ----------------------------------------------------------------------------- the worker's side

def test_the_worker_keeps_a_large_figure_smaller_cuts_long_printouts_and_names_what_it_left_out():
    from autograder.boundary import launcher, protocol, worker_outputs

    cells = ["import numpy as np, matplotlib.pyplot as plt\nfig, axes = plt.subplots(2, 6, figsize=(12, 4.4))\n"
             "for ax in axes.ravel():\n    ax.imshow(np.random.default_rng(0).random((64, 64, 3)))",
             "print('y' * 100_000)",
             "from IPython.display import Javascript, display\ndisplay(Javascript('alert(1)'))\n40 + 2"]
    workdir = launcher.make_workdir("{}")
    try:
        head = protocol.header([{"filename": f"<cell {i + 1}>", "source": s} for i, s in enumerate(cells)],
                               {"cell_seconds": 60, "call_seconds": 5})
        response = launcher.run_worker(launcher.worker_command(workdir), head, [], len(cells), 120).response
    finally:
        launcher.remove_workdir(workdir)
    figure, printout, display = (response.cells[i].outputs for i in range(3))
    assert [kind for kind, _ in figure] == ["png"]
    assert len(figure[0][1]) <= worker_outputs.MAX_CELL_IMAGES
    assert [kind for kind, _ in printout] == ["stdout", "note", "stdout"]
    assert len(printout[0][1]) == worker_outputs.MAX_CELL_TEXT and "cut by the grader" in printout[1][1]
    assert "application/javascript was left out" in display[0][1] and display[1] == ("result", "42")
