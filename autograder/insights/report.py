"""Everything the insights page and CSV of one assignment show, computed once
(:func:`build`), and where they are written (:func:`output_folder`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from autograder.grading.course import Course
from autograder.insights import links, plots, quiz_stats, stats
from autograder.insights.gather import ClassResults, gather

#: the folder of the course that holds the insights, one subfolder per assignment
FOLDER = "insights"


@dataclass
class Insights:
    assignment: str
    names: bool                                 # student ids may be shown (--names)
    made_at: str
    students: int
    not_submitted: int
    mean: float
    max_score: float
    functions: list[stats.FunctionRow]
    mistakes: list[stats.MistakeRow]
    questions: list[quiz_stats.QuestionRow]
    lessons: list[stats.Lesson]
    mistake_links: dict[str, list[links.Link]] = field(default_factory=dict)    # key -> questions
    question_links: dict[str, list[links.Link]] = field(default_factory=dict)   # name -> mistakes
    plots: list[plots.Plot] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)   # student -> score, only with names

    def count(self, n: int) -> str:
        """A number of students as the page may show it (1 and 2: "fewer than 3", unless names)."""
        return plots.count_text(n, self.names)

    def students_text(self, n: int) -> str:
        """``"1 student"``, ``"5 students"``, ``"fewer than 3 students"``."""
        return f"{self.count(n)} student{'' if self.count(n) == '1' else 's'}"


def output_folder(course: Course, assignment: str) -> Path:
    """``<course>/insights/<assignment>/``: insights.html and insights.csv."""
    return course.root / FOLDER / assignment


def build(course: Course, assignment: str, names: bool = False) -> Insights:
    """The insights of ``assignment`` from its results.json files (raises
    :class:`~autograder.insights.gather.InsightsError` when there are none)."""
    results = gather(course, assignment)
    links.load_catalogue()
    functions = stats.function_rows(results)
    mistakes = stats.mistake_rows(results)
    questions = _questions(course, results)
    small = (lambda n: str(n)) if names else (lambda n: plots.count_text(n, False))
    others = links.other_graded(course, assignment)
    mistake_links = {m.key: links.questions_on(course, {m.topic}, others, small)
                     for m in mistakes if m.topic}
    question_links = {q.name: links.mistakes_on(set(q.topics), others, small)
                      for q in questions if q.topics}
    scores = [s.score for s in results.submissions]
    figures = [plots.score_distribution(scores, results.max_score, names)]
    by_function = plots.mistakes_by_function(mistakes, names)
    if by_function is not None:
        figures.append(by_function)
    return Insights(
        assignment, names, datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        len(results.submissions), len(results.not_submitted), sum(scores) / len(scores),
        results.max_score, functions, mistakes, questions,
        stats.what_to_reteach(mistakes, questions), mistake_links, question_links, figures,
        {s.student: s.score for s in results.submissions} if names else {})


def _questions(course: Course, results: ClassResults) -> list[quiz_stats.QuestionRow]:
    """The quiz statistics, with the formats, keys and headings of the course's quiz notebook."""
    notebooks = {i.notebook for s in results.submissions for i in s.items.values() if i.kind == "question"}
    if not notebooks:
        return []
    from autograder.grading import quiz
    from layerlab.checks.quiz import show

    formats, keys, titles = {}, {}, {}
    for source in course.source_notebooks(results.assignment):
        if source.name not in notebooks:
            continue
        try:
            formats.update(quiz.question_formats(source.name))
            keys.update({p.name: show(p.key) for p in quiz.plan_questions(source)})
        except Exception:  # a source the grader cannot plan: the key is inferred from right answers
            pass
        titles.update(quiz_stats.headings([c.source for c in source.nb.cells if c.cell_type == "markdown"]))
    return quiz_stats.question_rows(results, formats, keys, titles)
