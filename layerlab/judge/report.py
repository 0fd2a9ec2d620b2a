"""The text a student reads about a failing case: the same in the notebook and on the feedback page.

Per case, the likely mistake first (at most :data:`MAX_DIAGNOSES` of them), then at most
:data:`MAX_EVIDENCE` lines of evidence (which output, expected vs got type, shape or value), then
the student's own traceback lines when the call raised an error. Whole listings of values are
shown only where the inputs are public (``listing=True``): on a hidden case they would give away
the reference's output.
"""

from __future__ import annotations

import re
from typing import Sequence

from layerlab.judge.compare import Problem

#: how many likely mistakes one case names.
MAX_DIAGNOSES = 2
#: how many lines of evidence one case shows.
MAX_EVIDENCE = 5
#: the start of a line that lists values (expected or returned).
_LISTING = ("expected [", "got      [", "got [")


def evidence(problems: Sequence[Problem], listing: bool = True) -> list[str]:
    """The problems as lines: ``where: what`` and, indented, their details (value listings only
    when ``listing``); cut to :data:`MAX_EVIDENCE` lines with a last line saying how many more
    problems there were."""
    lines: list[str] = []
    for number, p in enumerate(problems):
        details = [re.sub(r"\n\s*", " ", d) for d in p.details if listing or not d.startswith(_LISTING)]
        block = [f"{p.where}: {p.what}"] + [f"  {d}" for d in details]
        if len(lines) + len(block) > MAX_EVIDENCE and lines:
            rest = len(problems) - number
            lines.append(f"(and {rest} more difference{'s' if rest != 1 else ''})")
            break
        lines += block[:MAX_EVIDENCE]
    return lines


def case_lines(hints: Sequence[str], problems: Sequence[str], traceback: Sequence[str] = ()) -> list[str]:
    """The lines about one failing case (without its heading): likely mistakes first, then the
    evidence, then the traceback indented under it."""
    lines = [f"Likely mistake: {h}" for h in list(dict.fromkeys(hints))[:MAX_DIAGNOSES]]
    lines += list(problems)
    lines += [f"  {t}" for t in traceback]
    return lines


def not_implemented(name: str, stub: str | None = None, origin: str | None = None) -> str:
    """The words for a stub: ``name`` itself, or the function ``stub`` it calls, still raises
    NotImplementedError; ``origin``: the notebook a building block ``stub`` comes from."""
    if stub and stub != name and origin:
        return (f"`{name}` calls your building block `{stub}`, which is not implemented yet: "
                f"complete it in {origin}, save that notebook, run this notebook's first cell "
                f"again (it reloads the blocks), then this one.")
    if stub and stub != name:
        return (f"`{name}` calls `{stub}`, which is not implemented yet: complete `{stub}` first "
                f"(its cell still raises NotImplementedError), run its cell, then this one.")
    return (f"`{name}` is not implemented yet: its cell still raises NotImplementedError; replace "
            f"`raise NotImplementedError()` with your code and run the cell again.")


def stub_frame(traceback: Sequence[str]) -> tuple[str, str] | None:
    """``(filename, function)`` of the last frame of a plain traceback (``File "f", line n, in
    name`` lines, as :func:`layerlab.judge.outcome.describe_exception` writes them), or None."""
    frames = [line for line in traceback if line.startswith('File "')]
    if not frames:
        return None
    head, _, function = frames[-1].rpartition(", in ")
    filename = head[len('File "'):].rpartition('", line ')[0]
    return filename, function
