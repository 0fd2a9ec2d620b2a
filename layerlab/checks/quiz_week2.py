"""Format checks of the week-2 quiz (``source/week2_quiz/quiz_week2.ipynb``).

Only each answer's format, and the course ideas it is about (``topics``), are declared here (see
:mod:`layerlab.checks.quiz`): the key and the explanations are not part of this package.
"""

from layerlab.checks.quiz import checks_for, choice, choices, number, shape

QUESTIONS = {q.name: q for q in [
    number("q1", integer=True, topics=("shapes-and-transposes",)),
    choice("q2", topics=("activations",)),
    choice("q3", topics=("cost",)),
    choices("q4", topics=("cost",)),
    shape("q5", topics=("shapes-and-transposes", "broadcasting")),
    shape("q6", topics=("rank-1-and-keepdims",)),
    choice("q7", topics=("rank-1-and-keepdims",)),
    choice("q8", topics=("broadcasting",)),
    number("q9", topics=("derivatives",)),
    choices("q10", topics=("vectorisation",)),
    number("q11", integer=True, topics=("computation-graph", "derivatives")),
    choice("q12", topics=("gradient-descent",)),
]}

# check_q1(q1), ..., check_q12(q12): what the notebook's locked cells call.
globals().update(checks_for(QUESTIONS))
