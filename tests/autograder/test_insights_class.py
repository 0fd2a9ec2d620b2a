"""Class insights of a made-up class, graded by the real grader: 30 students hand in the
logistic-regression notebook (the reference solution, the untouched release, or the reference
with one known mistake of the corpus), 12 of them the week-2 quiz with planted answers. The page
and the CSV must give the counts that follow from what was planted, name no student (unless
``--names``), show counts of 1 and 2 as "fewer than 3", and render in a real browser with its
plots.

Mistakes are matched by the words of their diagnosis (the corpus's words), so the test holds
whether the grader writes catalogue identifiers (``"mistakes"`` in results.json) or only the
sentences; where identifiers are present, each planted mistake must have one, registered in the
catalogue.
"""

from __future__ import annotations

import ast
import csv
import functools
import io
import json
import shutil
import tempfile
from pathlib import Path

import numpy as np
import nbformat
import pytest

from grading_tools import REPO, grade_cli, new_course, reference_solutions, release_with, submit
from test_cases_logistic_regression import MISTAKES as CORPUS

from autograder.grading.course import Course
from autograder.insights import cli as insights_cli
from autograder.insights import report
from autograder.insights.gather import gather
from autograder.insights.stats import failure_mistakes, normalised
from layerlab.judge.catalogue import MISTAKES as CATALOGUE

ASSIGNMENT, NOTEBOOK = "week2_logistic_regression", "logistic_regression"
QUIZ, QUIZ_NOTEBOOK = "week2_quiz", "quiz_week2"
STUDENTS = 30
#: (function, the corpus's words of the diagnosis) -> how many students make that mistake
PLANTED = {("sigmoid", "the exponent must be −z"): 4,
           ("initialize_with_zeros", "np.zeros(dim) is rank-1"): 5,
           ("propagate", "dw is m times too large"): 6,
           ("predict", "use A > 0.5, not A >= 0.5"): 3,
           ("optimize", "changed its input in place"): 1}
UNTOUCHED = 2
REFERENCE = STUDENTS - UNTOUCHED - sum(PLANTED.values())

#: the quiz: the key of week 2, and students' answers that differ from it
KEY = {"q1": "12288", "q2": '"c"', "q3": '"a"', "q4": '{"a", "b", "d"}', "q5": "(1, 209)", "q6": "(4, 1)",
       "q7": '"b"', "q8": '"d"', "q9": "0.16", "q10": '{"a", "c", "d"}', "q11": "6", "q12": '"b"'}
#: per quiz student, the answers that are not the key's (None: left unanswered)
QUIZ_ANSWERS = [{}, {}, {}, {"q3": '"b"'},
                {"q6": "(4,)"}, {"q6": "(4,)", "q7": '"c"'}, {"q6": "(4,)", "q7": '"c"', "q3": '"b"'},
                {"q6": "(4,)", "q7": '"c"', "q2": '"a"'}, {"q6": "(1, 3)", "q7": '"a"', "q2": '"a"'},
                {"q6": "(4,)", "q7": '"c"', "q4": '{"a", "b"}', "q2": '"a"'},
                {"q6": None, "q7": '"c"', "q4": '{"a", "b", "c", "d"}', "q2": '"a"', "q8": '"c"'},
                {"q6": "(4,)", "q7": '"c"', "q4": '{"c"}', "q2": '"a"', "q8": '"c"', "q12": '"a"'}]


def student(i: int) -> str:
    return f"learner-{i:02d}-zq"   # an id that cannot occur in the course's own words


@functools.lru_cache(maxsize=None)
def graded_class() -> tuple[Path, dict[tuple[str, str], list[str]]]:
    """The course, graded once; and which students were given each planted mistake."""
    course = new_course(Path(tempfile.mkdtemp(prefix="layerlab-insights-")), ASSIGNMENT)
    shutil.copytree(REPO / "source" / QUIZ, course / "source" / QUIZ)
    release = REPO / "assignments" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
    reference = reference_solutions(REPO / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb")
    who: dict[tuple[str, str], list[str]] = {}
    i = 0
    for (function, words), n in PLANTED.items():
        code = next(m[1] for m in CORPUS if m[0] == function and m[2] == words)
        for _ in range(n):
            submit(course, student(i), release_with({**reference, function: code}, release=release),
                   ASSIGNMENT, NOTEBOOK)
            who.setdefault((function, words), []).append(student(i))
            i += 1
    for _ in range(UNTOUCHED):
        submit(course, student(i), nbformat.read(release, 4), ASSIGNMENT, NOTEBOOK)
        i += 1
    while i < STUDENTS:
        submit(course, student(i), release_with(reference, release=release), ASSIGNMENT, NOTEBOOK)
        i += 1
    quiz_release = REPO / "assignments" / QUIZ / f"{QUIZ_NOTEBOOK}.ipynb"
    for j, answers in enumerate(QUIZ_ANSWERS):
        cells = {q: f"{q} = {answers.get(q, KEY[q]) or 'None'}" for q in KEY}
        submit(course, student(j), release_with(cells, release=quiz_release), QUIZ, QUIZ_NOTEBOOK)
    proc = grade_cli(course, "--jobs", "2")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"insights/{ASSIGNMENT}/insights.html" in proc.stdout, proc.stdout[-2000:]
    return course, who


@pytest.fixture(scope="module")
def course():
    path, _ = graded_class()
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def insights(course):
    return report.build(Course.open(course), ASSIGNMENT)


def written(course: Path, assignment: str) -> tuple[str, list[list[str]]]:
    folder = course / "insights" / assignment
    html = (folder / "insights.html").read_text(encoding="utf-8")
    return html, list(csv.reader(io.StringIO((folder / "insights.csv").read_text(encoding="utf-8"))))


# ----------------------------------------------------------------------------- counts

def test_outcomes_per_function_follow_from_the_planted_mistakes(insights):
    rows = {f.name: f for f in insights.functions}
    assert insights.students == STUDENTS
    for f in rows.values():
        assert f.counts["unfinished"] == UNTOUCHED, f.name
        assert f.students == STUDENTS
    assert rows["graph_forward_backward"].counts["full"] == STUDENTS - UNTOUCHED
    assert rows["sigmoid"].counts["full"] == STUDENTS - UNTOUCHED - 4
    assert rows["initialize_with_zeros"].counts["full"] == STUDENTS - UNTOUCHED - 5
    # propagate calls the student's own sigmoid: the 4 flipped sigmoids fail it too
    assert rows["propagate"].counts["full"] == STUDENTS - UNTOUCHED - 6 - 4
    assert rows["predict"].counts["full"] <= STUDENTS - UNTOUCHED - 3


def planted_rows(course: Path, insights) -> dict[tuple[str, str], list]:
    """(function, words) -> the rows of the insights' mistakes table that the students given that
    mistake made in that function, and that were the first problem of exactly them (more than one
    row when several recognisers describe it)."""
    _, who = graded_class()
    results = gather(Course.open(course), ASSIGNMENT)
    by_student = {s.student: s for s in results.submissions}
    rows = {m.key: m for m in insights.mistakes}
    found = {}
    for (function, words), students in who.items():
        failure = next(f for f in by_student[students[0]].items[function].failures
                       if words in f.text())
        if failure.mistakes:   # the grader writes catalogue identifiers
            assert all(k in CATALOGUE for k in failure.mistakes), failure.mistakes
            keys = [key for key, _ in failure_mistakes(function, failure)]
        else:
            # the words are in the likely mistake, or in the problem (then every hint counts)
            keys = [normalised(h) for h in failure.hints if words in h] or \
                [normalised(h) for h in failure.hints]
        # one identifier may also cover what an earlier mistake caused here (a flipped sigmoid
        # swaps predict's labels too): the students it was the first problem of are exact
        matching = [rows[k] for k in keys if set(students) == rows[k].first
                    and set(students) <= rows[k].by_function.get(function, set())]
        assert matching, (function, words, [(k, rows[k].first, rows[k].by_function) for k in keys])
        found[(function, words)] = matching
    return found


def test_each_planted_mistake_counts_exactly_the_students_who_made_it(course, insights):
    rows = planted_rows(course, insights)
    assert len(rows) == len(PLANTED)
    _, who = graded_class()
    earlier = {s for students in who.values() for s in students}
    for (function, words), n in PLANTED.items():
        for row in rows[function, words]:
            assert len(row.first) == n
            planted = set(who[function, words])
            # anyone else counted in that function had a planted mistake of their own first
            assert row.by_function[function] - planted <= earlier - planted


def test_reteach_names_the_three_most_made_mistakes_not_their_consequences(course, insights):
    rows = planted_rows(course, insights)
    top = sorted(PLANTED, key=lambda k: -PLANTED[k])[:3]
    assert len(insights.lessons) == 3
    for lesson, planted in zip(insights.lessons, top):
        assert lesson.key in {row.key for row in rows[planted]}, (lesson, planted)
    assert [lesson.students for lesson in insights.lessons] == [PLANTED[k] for k in top]
    counts = [m.count for m in insights.mistakes]
    assert counts == sorted(counts, reverse=True)      # the table: most common first


def test_quiz_statistics(course):
    insights = report.build(Course.open(course), QUIZ)
    rows = {q.name: q for q in insights.questions}
    n = len(QUIZ_ANSWERS)
    assert (insights.students, insights.not_submitted) == (n, STUDENTS - n)   # from the gradebook
    q6 = rows["q6"]
    assert (q6.students, q6.right) == (n, 4)
    assert q6.cluster == ("(4,)", 6)                      # 6 of the 7 written wrong answers
    assert q6.options == [("(4,)", 6, False), ("(4, 1)", 4, True), ("(1, 3)", 1, False),
                          ("no answer", 1, False)]
    q7 = dict((o, c) for o, c, _ in rows["q7"].options)
    assert q7 == {"a": 1, "b": 5, "c": 6, "d": 0}
    assert rows["q7"].cluster == ("c", 6)
    assert rows["q3"].cluster is None                     # 2 wrong answers: fewer than 3
    assert [o for o, _, right in rows["q4"].options if right] == ["a", "b", "d"]
    assert dict((o, c) for o, c, _ in rows["q4"].options) == {"a": 11, "b": 11, "c": 2, "d": 10, "e": 0}
    assert rows["q1"].discrimination is None             # everyone right: nothing to correlate
    # point-biserial of q7 against the rest of the quiz, computed here from the planted answers
    marks = _planted_marks()
    rest = marks.sum(axis=1) - marks[:, 6]
    assert rows["q7"].discrimination == pytest.approx(np.corrcoef(marks[:, 6], rest)[0, 1], abs=1e-6)  # scores: 6 decimals
    assert rows["q7"].difficulty == pytest.approx(5 / n)
    assert rows["q6"].topics == ("rank-1-and-keepdims",)


def _planted_marks() -> np.ndarray:
    """Students x questions: the share of each question's points the planted answers earn."""
    points = {"q4": 2, "q10": 2}
    out = np.zeros((len(QUIZ_ANSWERS), len(KEY)))
    for i, answers in enumerate(QUIZ_ANSWERS):
        for j, q in enumerate(KEY):
            given = answers.get(q, KEY[q])
            if q in ("q4", "q10") and given:
                key, chosen = set(ast.literal_eval(KEY[q])), set(ast.literal_eval(given))
                out[i, j] = max(0, len(chosen & key) - len(chosen - key)) / len(key) * points[q]
            else:
                out[i, j] = float(given == KEY[q])
    return out


# ----------------------------------------------------------------------------- the files

def test_no_student_id_appears_on_the_page_or_in_the_csv(course):
    for assignment in (ASSIGNMENT, QUIZ):
        html, rows = written(course, assignment)
        assert "learner" not in html + json.dumps(rows)


def test_small_counts_show_as_fewer_than_three(course):
    html, rows = written(course, ASSIGNMENT)
    unfinished = [r for r in rows if r[0] == "function" and r[2] == "unfinished"]
    assert len(unfinished) == 7 and all(r[3] == "fewer than 3" for r in unfinished)
    assert [r for r in rows if r[0] == "mistake in function" and r[2] == "optimize"
            and r[3] == "fewer than 3"], "the one student who changed the input in place"
    assert not [r for r in rows if r[3] in ("1", "2")]
    assert "fewer than 3" in html
    dw = [r for r in rows if r[0] == "mistake in function" and r[2] == "propagate" and r[3] == "6"]
    assert dw, "the 6 students whose dw is m times too large"


def test_names_shows_students_and_exact_counts(course):
    proc = grade_cli_insights(course, "--names")
    assert proc.returncode == 0, proc.stderr
    html, rows = written(course, ASSIGNMENT)
    assert student(0) in html
    assert [r for r in rows if r[0] == "function" and r[2] == "unfinished" and r[3] == str(UNTOUCHED)]
    insights_cli.write(Course.open(course), ASSIGNMENT)     # and back without names
    html, _ = written(course, ASSIGNMENT)
    assert student(0) not in html


def grade_cli_insights(course: Path, *args: str):
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "autograder", "insights", "--course", str(course),
                           "--assignment", ASSIGNMENT, *args], capture_output=True, text=True, timeout=300)


# ----------------------------------------------------------------------------- in a browser

@pytest.mark.browser
def test_the_page_renders_in_a_browser_with_its_plots(course):
    from browser.conftest import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's Chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    path = course / "insights" / ASSIGNMENT / "insights.html"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
            page_ = context.new_page()
            requests = []
            page_.on("request", lambda r: requests.append(r.url))
            page_.goto(path.as_uri())
            assert page_.get_by_role("heading", name="What to re-teach").is_visible()
            assert page_.locator("ol.reteach li").count() == 3
            images = page_.locator("img")
            assert images.count() == 2
            for k in range(images.count()):
                image = images.nth(k)
                image.scroll_into_view_if_needed()
                assert image.is_visible()
                assert image.evaluate("i => i.complete && i.naturalWidth > 300 && i.naturalHeight > 100")
                alt = image.get_attribute("alt")
                assert alt and any(ch.isdigit() for ch in alt)
            assert page_.locator("th[scope=col]").count() >= 7
            assert all(u.startswith(("file:", "data:")) for u in requests), requests
        finally:
            browser.close()
