"""Format checks of the week-2 quiz (``source/week2_quiz/quiz_week2.ipynb``).

Only each answer's format is declared here (see :mod:`layerlab.checks.quiz`): the key and the
explanations are not part of this package.
"""

from layerlab.checks.quiz import checks_for, choice, choices, number, shape

QUESTIONS = {q.name: q for q in [
    number("q1", integer=True),
    choice("q2"),
    choice("q3"),
    choices("q4"),
    shape("q5"),
    shape("q6"),
    choice("q7"),
    choice("q8"),
    number("q9"),
    choices("q10"),
    number("q11", integer=True),
    choice("q12"),
]}

# check_q1(q1), ..., check_q12(q12): what the notebook's locked cells call.
globals().update(checks_for(QUESTIONS))
