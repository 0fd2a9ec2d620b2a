"""Format checks of the week-3 quiz (``source/week3_quiz/quiz_week3.ipynb``).

Only each answer's format, and the course ideas it is about (``topics``), are declared here (see
:mod:`layerlab.checks.quiz`): the key and the explanations are not part of this package.
"""

from layerlab.checks.quiz import checks_for, choice, choices, number, shape

QUESTIONS = {q.name: q for q in [
    choices("q1", topics=("shapes-and-transposes",)),
    choice("q2", topics=("activations",)),
    choice("q3", topics=("vectorisation", "shapes-and-transposes")),
    choice("q4", topics=("activations",)),
    choices("q5", topics=("activations",)),
    shape("q6", topics=("shapes-and-transposes",)),
    choices("q7", topics=("shapes-and-transposes",)),
    shape("q8", topics=("rank-1-and-keepdims", "broadcasting")),
    choice("q9", topics=("initialisation",)),
    choice("q10", topics=("initialisation", "activations")),
    number("q11", topics=("derivatives",)),
    choices("q12", "abcd", topics=("initialisation",)),
]}

# check_q1(q1), ..., check_q12(q12): what the notebook's locked cells call.
globals().update(checks_for(QUESTIONS))
