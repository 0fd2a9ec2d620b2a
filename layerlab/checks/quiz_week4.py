"""Format checks of the week-4 quiz (``source/week4_quiz/quiz_week4.ipynb``).

Only each answer's format, and the course ideas it is about (``topics``), are declared here (see
:mod:`layerlab.checks.quiz`): the key and the explanations are not part of this package.
"""

from layerlab.checks.quiz import checks_for, choice, choices, number, shape

QUESTIONS = {q.name: q for q in [
    number("q1", integer=True, topics=("model-assembly",)),
    shape("q2", topics=("shapes-and-transposes",)),
    shape("q3", topics=("shapes-and-transposes",)),
    number("q4", integer=True, topics=("initialisation",)),
    choices("q5", "abcdef", topics=("gradient-descent", "model-assembly")),
    choice("q6", topics=("vectorisation", "model-assembly")),
    choice("q7", topics=("computation-graph",)),
    choice("q8", topics=("gradients",)),
    number("q9", topics=("derivatives", "gradients")),
    choices("q10"),
    choice("q11"),
    number("q12", integer=True, topics=("shapes-and-transposes",)),
]}

# check_q1(q1), ..., check_q12(q12): what the notebook's locked cells call.
globals().update(checks_for(QUESTIONS))
