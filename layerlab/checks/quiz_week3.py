"""Format checks of the week-3 quiz (``source/week3_quiz/quiz_week3.ipynb``).

Only each answer's format is declared here (see :mod:`layerlab.checks.quiz`): the key and the
explanations are not part of this package.
"""

from layerlab.checks.quiz import checks_for, choice, choices, number, shape

QUESTIONS = {q.name: q for q in [
    choices("q1"),
    choice("q2"),
    choice("q3"),
    choice("q4"),
    choices("q5"),
    shape("q6"),
    choices("q7"),
    shape("q8"),
    choice("q9"),
    choice("q10"),
    number("q11"),
    choices("q12", "abcd"),
]}

# check_q1(q1), ..., check_q12(q12): what the notebook's locked cells call.
globals().update(checks_for(QUESTIONS))
