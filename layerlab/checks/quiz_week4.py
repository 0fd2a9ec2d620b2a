"""Format checks of the week-4 quiz (``source/week4_quiz/quiz_week4.ipynb``).

Only each answer's format is declared here (see :mod:`layerlab.checks.quiz`): the key and the
explanations are not part of this package.
"""

from layerlab.checks.quiz import checks_for, choice, choices, number, shape

QUESTIONS = {q.name: q for q in [
    number("q1", integer=True),
    shape("q2"),
    shape("q3"),
    number("q4", integer=True),
    choices("q5", "abcdef"),
    choice("q6"),
    choice("q7"),
    choice("q8"),
    number("q9"),
    choices("q10"),
    choice("q11"),
    number("q12", integer=True),
]}

# check_q1(q1), ..., check_q12(q12): what the notebook's locked cells call.
globals().update(checks_for(QUESTIONS))
