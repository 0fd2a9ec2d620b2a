"""A plain-words message for a check cell run before the cell it checks.

A locked test cell such as ``checks.check_sigmoid(sigmoid)`` fails with ``NameError: name
'sigmoid' is not defined`` when the student has not run the answer cell above it: the error happens
while Python evaluates the argument, before any check runs. Importing :mod:`layerlab.checks` in an
IPython kernel registers :func:`explain` as the shell's handler for ``NameError``. For a name that a
public check is about (every graded function, and ``checks`` itself) raised directly by a cell's own
code, the error is shown as one sentence saying which cell to run first; every other ``NameError``
is shown exactly as IPython shows it. Either way the cell still ends with an error (the error output
nbgrader's Validate and the test runners look for is still sent), so nothing about grading changes.
"""

from __future__ import annotations

from typing import Any

#: names a check cell passes to a public check: the graded functions of every imported check module
CHECKED_NAMES: set[str] = set()

#: the name a check module is imported as in the notebooks (``from layerlab.checks import x as checks``)
CHECKS_ALIAS = "checks"


def remember(name: str) -> None:
    """Record ``name`` (a graded function) as one that check cells pass to a public check."""
    CHECKED_NAMES.add(name)


def message(name: str) -> str | None:
    """The sentence for an undefined ``name``, or None if it is not one the checks know."""
    if name == CHECKS_ALIAS:
        return ("`checks` is not defined yet: run the notebook's first code cell (the imports) "
                "first, then run this cell again.")
    if name in CHECKED_NAMES:
        return (f"`{name}` is not defined yet: run the cell that defines `{name}` first (the one "
                f"above marked `# YOUR CODE HERE`), then run this cell again.")
    return None


def _raised_by_cell(shell: Any, tb: Any) -> bool:
    """True if the innermost frame of ``tb`` is a cell's top-level code (not inside a function)."""
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    frame = tb.tb_frame
    return frame.f_code.co_name == "<module>" and frame.f_globals is shell.user_ns


def explain(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None):
    """IPython custom exception handler (``shell.set_custom_exc((NameError,), explain)``)."""
    name = getattr(value, "name", None)
    text = message(name) if isinstance(name, str) and _raised_by_cell(shell, tb) else None
    if text is not None:
        value._render_traceback_ = lambda: [f"\x1b[31mNameError: {text}\x1b[0m"]
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset, running_compiled_code=True)
    return []


def install() -> bool:
    """Register :func:`explain` in the running IPython shell; False when there is none."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    if getattr(shell, "custom_exceptions", ()) not in ((), (NameError,)):
        return False  # someone else's handler: leave it
    shell.set_custom_exc((NameError,), explain)
    return True
