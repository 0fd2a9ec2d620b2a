"""Mistakes read from a function's code: the public checks read its bytecode, the grader its
source; both readings must give the same facts and the same diagnoses."""

from __future__ import annotations

import pytest

from layerlab.judge import code_facts, code_mistakes

HELPERS = """
def forward(X, parameters):
    return X
def init(n_x, n_h, n_y):
    return n_x
def fit(X, Y):
    return X
"""
PARAMS = "X, parameters, n_x, n_h, n_y, X_train, Y_train, X_test, learning_rate, print_cost=False"


def _both(body: str):
    """(diagnoses from the bytecode, diagnoses from the source) of ``f`` with ``body``."""
    source = f"def f({PARAMS}):\n" + "\n".join("    " + line for line in body.splitlines())
    names: dict = {}
    exec(compile(HELPERS + source, "<cell 1>", "exec"), names)  # noqa: S102 (this test's own code)
    from_code = code_mistakes.findings(code_facts.from_function(names["f"]))
    from_source = code_mistakes.findings(code_facts.from_definitions(code_facts.definitions([HELPERS, source]), "f"))
    return from_code, from_source


USE_ALL = "_ = (X, parameters, n_x, n_h, n_y, X_train, Y_train, X_test, learning_rate)\n"


@pytest.mark.parametrize("body, mistake, words", [
    (USE_ALL + "return forward(parameters, X)", code_mistakes.ORDER, "`parameters` is passed where `X` belongs"),
    (USE_ALL + "a = init(n_x, n_y, n_h)\nreturn a", code_mistakes.ORDER, "def line `init(n_x, n_h, n_y)`"),
    (USE_ALL + "for i in range(3):\n    A = forward(parameters, X)\nreturn A", code_mistakes.ORDER, "another order"),
    (USE_ALL.replace(", learning_rate", "") + "return X", code_mistakes.UNUSED_ARGUMENT, "`learning_rate`"),
    (USE_ALL + "AL = forward(X, parameters)\nA = X\nreturn A", code_mistakes.UNUSED_VALUE, "`AL` is computed"),
    (USE_ALL + "w = fit(X_train, Y_train)\nY_prediction_test = forward(X_train, w)\nreturn Y_prediction_test",
     code_mistakes.MIXED_SETS, "`X_train` together with `Y_prediction_test`"),
])
def test_each_mistake_is_read_alike_from_the_bytecode_and_from_the_source(body, mistake, words):
    from_code, from_source = _both(body)
    assert from_code == from_source
    found = [d for group in from_code for d in group]
    assert [d.id for d in found] == [mistake] and words in found[0].sentence


@pytest.mark.parametrize("body", [
    USE_ALL + "return forward(X, parameters)",                    # the right order
    USE_ALL + "return forward(X=parameters, parameters=X)",       # keywords: Python matches by name
    USE_ALL + "return init(n_h, 5, n_y)",                         # one name misplaced only
    USE_ALL + "return forward(parameters.copy(), X)",             # not plain names
    USE_ALL + "dA0, dW1 = forward(X, parameters)\nreturn dW1",    # dA0 may stay unused
    USE_ALL + "for l in range(3):\n    pass\nreturn X",            # a loop variable
    USE_ALL + "w = fit(X_train, Y_train)\nY_prediction_test = forward(X_test, w)\nreturn w",
])
def test_right_code_or_code_that_cannot_be_read_alike_is_left_alone(body):
    assert _both(body) == (([], []), ([], []))


def test_the_findings_are_placed_around_a_case_s_first_diagnosis():
    assert code_mistakes.place(["a"], ["c"], ["b", "d", "a"]) == ["a", "b", "c", "d"]


def test_library_functions_and_unparseable_cells_are_left_out():
    import numpy as np

    def uses_numpy(a, b):
        return np.dot(b, a)

    assert "dot" not in code_facts.notebook_signatures(uses_numpy)
    assert code_facts.definitions(["def broken(:\n"]) == {}
    facts = code_facts.from_definitions(code_facts.definitions(["%matplotlib inline\ndef g(a, b):\n    return a\n"]), "g")
    assert facts.params == ("a", "b") and code_mistakes.argument_never_used(facts).sentence.count("`b`") == 1


def test_hostile_code_is_read_as_defining_nothing():
    nested = "def f(x):\n    return " + "(" * 5000 + "x" + ")" * 5000
    unary = "def f(x):\n    return " + "-" * 200000 + "x"
    assert code_facts.definitions([nested, unary]) == {}
