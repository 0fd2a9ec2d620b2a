"""The order of a call's arguments, read from a function's bytecode (public checks) and from its
source (grader): both readings give the same calls and the same diagnosis."""

from __future__ import annotations

import pytest

from layerlab.judge.argument_order import (MISTAKE, calls_in_code, calls_in_source, defs_in_source,
                                           notebook_signatures, out_of_order)

HELPERS = """
def forward(X, parameters):
    return X
def init(n_x, n_h, n_y):
    return n_x
"""


def _both(body: str):
    """(diagnosis from the bytecode, diagnosis from the source) of ``def f(X, parameters, n_x, n_h, n_y)``."""
    source = "def f(X, parameters, n_x, n_h, n_y):\n" + "\n".join("    " + line for line in body.splitlines())
    names: dict = {}
    exec(compile(HELPERS + source, "<cell 1>", "exec"), names)  # noqa: S102 (this test's own code)
    signatures = notebook_signatures(names["f"])
    from_code = out_of_order(calls_in_code(names["f"], list(signatures)), signatures)
    defs = defs_in_source([HELPERS, source])
    from_source = out_of_order(calls_in_source([HELPERS, source], "f", [d for d in defs if d != "f"]), defs)
    return from_code, from_source


@pytest.mark.parametrize("body", ["return forward(parameters, X)", "a = init(n_x, n_y, n_h)\nreturn a",
                                  "for i in range(3):\n    A = forward(parameters, X)\nreturn A"])
def test_a_call_with_its_parameters_in_another_order_is_named_from_code_and_from_source(body):
    from_code, from_source = _both(body)
    assert from_code == from_source and from_code.id == MISTAKE
    assert "another order than its def line" in from_code.sentence


@pytest.mark.parametrize("body", ["return forward(X, parameters)",          # the right order
                                  "return init(n_x, n_h, n_y)",
                                  "return forward(X=parameters, parameters=X)",  # keywords: not read
                                  "return init(n_h, 5, n_y)",               # one name misplaced only
                                  "return forward(parameters.copy(), X)"])  # not plain names
def test_calls_in_the_right_order_or_not_plainly_named_are_left_alone(body):
    assert _both(body) == (None, None)


def test_the_sentence_says_which_argument_goes_where():
    found, _ = _both("return forward(parameters, X)")
    assert "`forward(parameters, X)`" in found.sentence and "`forward(X, parameters)`" in found.sentence
    assert "`parameters` is passed where `X` belongs" in found.sentence


def test_library_functions_and_unparseable_cells_are_left_out():
    import numpy as np

    def uses_numpy(a, b):
        return np.dot(b, a)

    assert "dot" not in notebook_signatures(uses_numpy)
    assert defs_in_source(["def broken(:\n"]) == {}
    assert defs_in_source(["%matplotlib inline\ndef g(a, b):\n    return a\n"]) == {"g": ("a", "b")}
