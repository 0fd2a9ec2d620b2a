"""The feedback on a failing case is short and the same in the notebook and in the grader: the
likely mistake first, then a few lines of evidence; a stub is named with one wording."""

from __future__ import annotations

import importlib
import re

from both_paths import grade, namespace
from corpus import logistic_regression as corpus
from layerlab.checks.runner import check_function
from layerlab.judge.report import MAX_EVIDENCE, not_implemented

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _both(index: int):
    function, cell = corpus.MISTAKES[index][:2]
    names = namespace(corpus.ASSIGNMENT, corpus.NOTEBOOK, {function: cell})
    spec = importlib.import_module(f"layerlab.checks.{corpus.NOTEBOOK}").SPECS[function]
    public = ANSI.sub("", check_function(corpus.NOTEBOOK, spec, names[function]).text)
    return public, grade(corpus.ASSIGNMENT, corpus.NOTEBOOK, names, {function: cell})[function]


def _case_blocks(text: str) -> list[list[str]]:
    return [block.splitlines() for block in text.split("\n\n") if block.lstrip().startswith(("Case", "Hidden case"))]


def test_the_likely_mistake_comes_first_and_is_the_same_in_both_places():
    index = next(i for i, m in enumerate(corpus.MISTAKES) if m[2] == "dw is m times too large")
    public, result = _both(index)
    graded = "\n".join(result.messages[1:])
    for block in _case_blocks(public) + _case_blocks(graded):
        assert block[1].strip().startswith("Likely mistake: dw is m times too large"), block
        evidence = [line for line in block[2:] if not line.strip().startswith("The same problem")]
        assert len(evidence) <= MAX_EVIDENCE + 1, block
    hint = next(line.strip() for line in public.splitlines() if "Likely mistake" in line)
    assert hint in graded


def test_an_exception_is_explained_before_its_traceback_in_both_places():
    index = next(i for i, m in enumerate(corpus.MISTAKES) if m[3] == "error.matmul-shapes")
    public, result = _both(index)
    for text in (public, "\n".join(result.messages)):
        lines = [line.strip() for line in text.splitlines()]
        first = next(i for i, line in enumerate(lines) if line.startswith("Likely mistake: the inner dimensions"))
        after = next(i for i in range(first, len(lines)) if not lines[i].startswith("Likely mistake:"))
        assert lines[after] == "your code raised an error:"
        assert any(line.startswith("ValueError: shapes") for line in lines[after + 1:])


def test_a_stub_has_one_wording():
    assert not_implemented("optimize") == (
        "`optimize` is not implemented yet: its cell still raises NotImplementedError; replace "
        "`raise NotImplementedError()` with your code and run the cell again.")
    assert "which is not implemented yet: complete `propagate` first" in not_implemented("optimize", "propagate")
