"""One corpus of student mistakes per notebook, as code strings (a whole solution cell each), run
through both the public checks and the grader (``tests/judge/test_corpus_both_paths.py``) and
through the sandboxed grader (``tests/autograder``).

An entry is ``(function, solution cell, words the grader's messages must contain, mistake id)``;
the id is the catalogue identifier (:mod:`layerlab.judge.catalogue`) that both paths must name
first, or None where the corpus does not name one yet (both paths must still name the same one,
or none).
"""


def fn(name: str, args: str, body: str) -> str:
    """``def name(args):`` with ``body`` (one statement per line, written without indentation)."""
    lines = "\n".join("    " + line for line in body.strip("\n").splitlines())
    return f"def {name}({args}):\n{lines}\n"
