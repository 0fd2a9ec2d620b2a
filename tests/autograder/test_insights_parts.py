"""The parts of the class insights, on results.json files written here (no grading): mistakes
with catalogue identifiers, links to quiz questions on the same topic, escaping, privacy, the
statistics' formulas and the errors an instructor can meet."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from grading_tools import REPO

from autograder.grading.course import Course
from autograder.insights import cli as insights_cli
from autograder.insights import page, quiz_stats, report, stats
from autograder.insights.gather import InsightsError, Item, gather
from layerlab.checks import quiz_week2, quiz_week3, quiz_week4
from layerlab.checks.quiz import Question, choice
from layerlab.judge.catalogue import MISTAKES, TOPICS, Mistake

CODE = "week2_logistic_regression"
QUIZ = "week2_quiz"
HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def function(score, max_score=2.0, failures=(), summary="`f` passed 1 of 2 hidden cases.", status=None):
    status = status or ("passed" if score == max_score else "partial" if score else "failed")
    return {"kind": "function", "notebook": "logistic_regression", "score": score, "max_score": max_score,
            "status": status, "passed": 0, "cases": 2, "messages": [summary], "failures": list(failures)}


def failure(problem, hints=(), mistakes=None):
    out = {"case": 1, "input": "X = a (3, 4) array", "problems": [problem], "hints": list(hints),
           "traceback": []}
    if mistakes is not None:
        out["mistakes"] = mistakes
    return out


def question(answer, score, max_score=1.0):
    return {"kind": "question", "notebook": "quiz_week2", "score": score, "max_score": max_score,
            "status": "passed" if score == max_score else "partial" if score else "failed",
            "passed": int(score == max_score), "cases": 1, "messages": ["..."], "failures": [],
            "answer": answer}


def write_result(course: Path, student: str, assignment: str, functions: dict) -> None:
    path = course / "autograded" / student / assignment / "results.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    total = sum(f["score"] for f in functions.values())
    path.write_text(json.dumps({"student": student, "assignment": assignment, "score": total,
                                "max_score": sum(f["max_score"] for f in functions.values()),
                                "functions": functions, "errors": [], "warnings": [], "notebooks": {}}))


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A course with 7 results of the logistic regression (5 made the rank-1 mistake, one of them
    with hostile words and their own id in the feedback) and 6 of the week-2 quiz."""
    monkeypatch.setitem(MISTAKES, "init.rank-1-zeros",
                        Mistake("init.rank-1-zeros", "np.zeros(dim) is rank-1", "rank-1-and-keepdims"))
    (tmp_path / "source" / CODE).mkdir(parents=True)
    shutil.copytree(REPO / "source" / QUIZ, tmp_path / "source" / QUIZ)
    for i in range(7):
        student = f"pupil{i}x"
        wrong = failure(f"w has shape (3,) {student} {HOSTILE}", ["use np.zeros((dim, 1))"],
                        ["init.rank-1-zeros"])
        functions = {"initialize_with_zeros": function(0.0, failures=[wrong]) if i < 5 else function(2.0),
                     "propagate": function(1.0, failures=[failure("dw: wrong values", ["dw is m times too large"])])
                     if i == 0 else function(2.0),
                     "model": function(0.0, summary="`model` is not implemented yet: its cell still raises "
                                                    "NotImplementedError.", status="unfinished")}
        write_result(tmp_path, student, CODE, functions)
    answers = [("(4, 1)", "b"), ("(4, 1)", "b"), ("(4,)", "c"), ("(4,)", "c"), ("(4,)", "c"), ("(1, 3)", "b")]
    for i, (q6, q7) in enumerate(answers):
        write_result(tmp_path, f"pupil{i}x", QUIZ, {"q6": question(q6, float(q6 == "(4, 1)")),
                                                    "q7": question(f'"{q7}"', float(q7 == "b"))})
    return tmp_path


def test_mistakes_with_identifiers_are_counted_per_student_with_title_topic_and_quiz_links(course):
    insights = report.build(Course.open(course), CODE)
    rank1 = insights.mistakes[0]
    assert (rank1.key, rank1.title, rank1.topic, rank1.count) == (
        "init.rank-1-zeros", "np.zeros(dim) is rank-1", "rank-1-and-keepdims", 5)
    assert rank1.identified and rank1.functions() == [("initialize_with_zeros", 5)]
    # the quiz questions on keepdims and rank-1 arrays, with the class's results where graded
    labels = {link.label: link.result for link in insights.mistake_links["init.rank-1-zeros"]}
    assert labels[f"{QUIZ} q6"] == "fewer than 3 of 6 right" and labels[f"{QUIZ} q7"] == "3 of 6 right"
    assert labels["quiz_week3 q8"] == ""      # a quiz this course does not have: its notebook, no result
    rows = {f.name: f.counts for f in insights.functions}
    assert rows["model"] == {"full": 0, "partial": 0, "zero": 0, "unfinished": 7}
    assert rows["propagate"] == {"full": 6, "partial": 1, "zero": 0, "unfinished": 0}
    assert insights.lessons[0].key == "init.rank-1-zeros" and insights.lessons[0].students == 5


def test_a_quiz_page_links_its_questions_to_the_mistakes_on_their_topic(course):
    insights = report.build(Course.open(course), QUIZ)
    links = insights.question_links["q6"]
    assert [(link.label, link.result) for link in links] == [
        (f"{CODE}, initialize_with_zeros: np.zeros(dim) is rank-1", "5 students")]
    rows = {q.name: q for q in insights.questions}
    assert rows["q6"].title == "keepdims" and rows["q7"].title == "predict the output: rank-1 arrays"
    assert rows["q6"].cluster == ("(4,)", 3)
    assert [o for o, _, right in rows["q7"].options if right] == ["b"]   # the key, from source/


def test_the_page_escapes_every_text_and_names_nobody(course):
    insights_cli.write(Course.open(course), CODE)
    html = (course / "insights" / CODE / "insights.html").read_text()
    table = (course / "insights" / CODE / "insights.csv").read_text()
    assert "<script" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;img" in html
    assert "pupil" not in html + table
    assert "(a student)" in html            # the id the feedback held was replaced
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


def test_names_shows_who_made_each_mistake(course):
    insights_cli.write(Course.open(course), CODE, names=True)
    html = (course / "insights" / CODE / "insights.html").read_text()
    assert "pupil0x, pupil1x, pupil2x, pupil3x, pupil4x" in html


def test_an_assignment_never_graded_or_unknown_says_what_to_do(course):
    (course / "source" / "week3_planar_classification").mkdir()
    with pytest.raises(InsightsError, match="has not been graded yet.*python -m autograder grade "
                                            "--assignment week3_planar_classification"):
        report.build(Course.open(course), "week3_planar_classification")
    with pytest.raises(InsightsError, match="has no assignment 'week9'.*week2_quiz"):
        report.build(Course.open(course), "week9")
    proc = subprocess.run([sys.executable, "-m", "autograder", "insights", "--course", str(course),
                           "--assignment", "week3_planar_classification"], capture_output=True, text=True)
    assert proc.returncode == 2 and "python -m autograder grade" in proc.stderr


def test_a_broken_results_file_is_named(course):
    (course / "autograded" / "pupil0x" / CODE / "results.json").write_text("{")
    with pytest.raises(InsightsError, match="pupil0x.*is not a results.json"):
        report.build(Course.open(course), CODE)
    assert "could not be made" in insights_cli.refresh(Course.open(course), [CODE])[0]


# ----------------------------------------------------------------------------- formulas

def test_point_biserial_is_the_correlation_with_the_rest_of_the_quiz():
    item = [1, 1, 0, 1, 0, 0, 1, 0]
    rest = [9, 7, 4, 8, 6, 3, 5, 5]
    want = np.corrcoef(item, rest)[0, 1]
    # the textbook form: (M1 - M0) / s * sqrt(p q), s the population standard deviation
    m1, m0 = np.mean([r for i, r in zip(item, rest) if i]), np.mean([r for i, r in zip(item, rest) if not i])
    assert (m1 - m0) / np.std(rest) * np.sqrt(0.5 * 0.5) == pytest.approx(want, abs=1e-12)
    assert quiz_stats.point_biserial(list(zip(item, rest))) == pytest.approx(want, abs=1e-12)
    assert quiz_stats.point_biserial([(1, 3), (1, 5), (1, 2)]) is None        # everyone right
    assert quiz_stats.point_biserial([(1, 3), (0, 5)]) is None                # too few


def test_option_counts_of_each_kind():
    q = choice("q2")
    assert quiz_stats.option_counts(q, ['"a"', '"c"', '"c"', "None"], '"c"') == [
        ("a", 1, False), ("b", 0, False), ("c", 2, True), ("d", 0, False), ("no answer", 1, False)]
    many = Question("q4", "choices", tuple("abcde"))
    assert quiz_stats.option_counts(many, ['{"a", "b"}', '{"b"}'], '{"a", "b", "d"}')[:3] == [
        ("a", 1, True), ("b", 2, True), ("c", 0, False)]
    assert quiz_stats.option_counts(None, ["4096", "12288", "4096"], "12288") == [
        ("4096", 2, False), ("12288", 1, True)]


def test_outcomes_follow_the_status_the_grader_wrote_not_its_words():
    def item(status, score=0.0, summary="`f` is not implemented yet"):
        return Item("f", "function", "nb", score, 2.0, summary, [], None, status)
    assert item("passed", 2.0).outcome == "full" and item("partial", 0.5).outcome == "partial"
    assert item("unfinished", summary="anything at all").outcome == "unfinished"
    assert {item(status).outcome for status in ("failed", "error", "timeout")} == {"zero"}


def test_a_results_file_without_a_known_status_is_named(course):
    path = course / "autograded" / "pupil0x" / CODE / "results.json"
    data = json.loads(path.read_text())
    data["functions"]["model"]["status"] = "almost"
    path.write_text(json.dumps(data))
    with pytest.raises(InsightsError, match="unknown status 'almost' of model"):
        gather(Course.open(course), CODE)


def test_quiz_questions_declare_known_topics():
    declared = [q for m in (quiz_week2, quiz_week3, quiz_week4) for q in m.QUESTIONS.values()]
    assert sum(1 for q in declared if q.topics) >= 30
    assert all(t in TOPICS for q in declared for t in q.topics)
    assert quiz_week2.QUESTIONS["q6"].topics == ("rank-1-and-keepdims",)
    with pytest.raises(ValueError, match="unknown topic"):
        choice("q1", topics=("keepdims",))


def test_csv_cells_are_not_formulas():
    assert page.inert("=HYPERLINK(1)") == "'=HYPERLINK(1)" and page.inert("-0.5") == "-0.5"


def test_reteach_lists_one_mistake_once_however_many_recognisers_name_it():
    def row(key, students, function="f", first=True):
        return stats.MistakeRow(key, key, None, True, set(students), {function: set(students)},
                                first=set(students) if first else set())
    mistakes = [row("a.one", "pqrst"), row("a.two", "pqrst"), row("b.one", "pqr", "g", first=False),
                row("c.one", "pq", "h"), row("d.one", "p", "k")]
    lessons = stats.what_to_reteach(mistakes, [])
    assert [(lesson.key, lesson.students, lesson.also) for lesson in lessons] == [
        ("a.one", 5, 0), ("c.one", 2, 0), ("d.one", 1, 0)]   # b: only after an earlier mistake


def test_the_plots_are_svg_pictures_that_show_markup_as_text_and_small_counts_as_fewer_than_3():
    import base64
    import xml.etree.ElementTree as ElementTree
    from types import SimpleNamespace

    from autograder.insights import plots

    rows = [SimpleNamespace(title=HOSTILE, functions=lambda: [("sigmoid", 7)]),
            SimpleNamespace(title="minus sign", functions=lambda: [("compute_cost", 1)])]
    svg = base64.b64decode(plots.mistakes_by_function(rows, exact=False).svg_base64).decode()
    tree = ElementTree.fromstring(svg)                      # well-formed: the label did not break it
    ns = "{http://www.w3.org/2000/svg}"
    assert f"sigmoid: {HOSTILE}" in [t.text for t in tree.iter(f"{ns}text")]   # shown as words
    assert not list(tree.iter(f"{ns}script")) and not list(tree.iter(f"{ns}img"))
    bars = [r for r in tree.iter(f"{ns}rect") if r.get("fill") in (plots.BAR, "url(#few)")]
    widths = [float(r.get("width")) for r in bars]
    assert [r.get("fill") for r in bars] == [plots.BAR, "url(#few)"]   # 1 student: hatched
    assert widths[1] == pytest.approx(widths[0] * 2 / 7, rel=0.01)  # ... and drawn as 2
    plot = plots.score_distribution([3.0, 12.0, 12.0, 12.0], 12, exact=False)
    assert base64.b64decode(plot.svg_base64).startswith(b"<svg")
    assert "3\u20134: fewer than 3" in plot.alt and "12: 3" in plot.alt


def test_a_near_miss_counts_as_the_change_it_names_and_only_when_nothing_else_is_named():
    from autograder.insights.gather import Failure
    from autograder.insights.stats import failure_mistakes
    from layerlab.judge.near_misses import WHY

    change = "+ instead of * in the line that sets dZ1 (adding where it should multiply)"
    alone = Failure(1, ["the returned value['dW1']: wrong values"], [f"{change} ({WHY})"], ["near-miss.operator"])
    assert failure_mistakes("backward_propagation", alone) == [
        ("backward_propagation: + instead of * in the line that sets dZ# (adding where it should multiply)",
         f"{change} (in backward_propagation)")]
    beside = Failure(1, [], ["the derivative of tanh is 1 − A1²", f"{change} ({WHY})"],
                     ["backward.wrong-derivative", "near-miss.operator"])
    assert failure_mistakes("backward_propagation", beside) == [("backward.wrong-derivative",) * 2]
