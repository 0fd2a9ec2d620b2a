"""Links between quiz questions and programming mistakes about the same idea (a topic of
:data:`layerlab.judge.catalogue.TOPICS`): a question declares its ``topics``
(``layerlab/checks/quiz_week*.py``), a mistake has one in the catalogue.

Across assignments: the page of a programming assignment names the quiz questions on the topic of
each mistake, with how the class did on them when that quiz was graded; a quiz's page names the
mistakes of the graded programming assignments on each question's topics.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass

import layerlab.checks
from autograder.grading.course import Course
from autograder.insights import gather as gathering
from autograder.insights import stats
from layerlab.checks.quiz import Question


@dataclass
class Link:
    """A quiz question or a mistake on a topic, with how the class did on it when known."""

    label: str          # "week2_quiz q6 (keepdims)", "initialize_with_zeros: rank-1 array ..."
    topic: str
    result: str         # "12 of 30 right", "8 students", or "" (not graded yet)


def load_catalogue() -> None:
    """Import every module that registers recognisers, so :data:`layerlab.judge.catalogue.MISTAKES`
    knows the title and topic of every identifier a results.json can hold (the catalogue fills
    as they are imported): the judge's own and the notebooks' contracts."""
    names = ["layerlab.judge.errors", "layerlab.judge.inputs"]
    names += [f"layerlab.checks.{i.name}" for i in pkgutil.iter_modules(layerlab.checks.__path__)]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # a module that cannot load leaves its identifiers untitled
            continue


def quiz_modules() -> dict[str, dict[str, Question]]:
    """quiz notebook -> its QUESTIONS, for every ``layerlab.checks.quiz_*`` module."""
    found = {}
    for info in pkgutil.iter_modules(layerlab.checks.__path__):
        if info.name.startswith("quiz_"):
            module = importlib.import_module(f"layerlab.checks.{info.name}")
            found[info.name] = dict(getattr(module, "QUESTIONS", {}))
    return found


def notebook_assignments(course: Course) -> dict[str, str]:
    """notebook name -> the assignment of the course it belongs to."""
    return {nb.name: a for a in course.assignments() for nb in course.source_notebooks(a)}


def questions_on(course: Course, topics: set[str], graded: dict[str, gathering.ClassResults],
                 small) -> list[Link]:
    """The quiz questions on any of ``topics``; ``graded``: assignment -> its class results (the
    quizzes graded so far); ``small(n)``: a count as the page may show it."""
    where = notebook_assignments(course)
    links = []
    for notebook, questions in quiz_modules().items():
        assignment = where.get(notebook, notebook)
        for question in questions.values():
            for topic in sorted(topics & set(question.topics)):
                result = ""
                quiz = graded.get(assignment)
                if quiz is not None:
                    marks = [s.items[question.name] for s in quiz.submissions if question.name in s.items]
                    right = sum(1 for m in marks if m.outcome == "full")
                    result = f"{small(right)} of {len(marks)} right" if marks else ""
                links.append(Link(f"{assignment} {question.name}", topic, result))
                break
    return links


def mistakes_on(topics: set[str], graded: dict[str, gathering.ClassResults], small) -> list[Link]:
    """The recognised mistakes on any of ``topics`` in the graded programming assignments."""
    links = []
    for assignment, results in sorted(graded.items()):
        for row in stats.mistake_rows(results):
            if row.topic in topics:
                functions = ", ".join(f for f, _ in row.functions())
                links.append(Link(f"{assignment}, {functions}: {row.title}", row.topic,
                                  f"{small(row.count)} student{'s' if row.count != 1 else ''}"))
    return links


def other_graded(course: Course, assignment: str) -> dict[str, gathering.ClassResults]:
    """The class results of every other graded assignment (unreadable ones are left out)."""
    graded = {}
    for other in gathering.graded_assignments(course):
        if other != assignment:
            try:
                graded[other] = gathering.gather(course, other)
            except gathering.InsightsError:
                continue
    return graded
