"""The outputs the sandboxed worker reported, put back into the notebook the grader writes.

nbgrader's Formgrader (Manual Grading) shows ``autograded/<student>/<assignment>/<nb>.ipynb``;
without outputs an instructor would judge plots and printed answers blind. The worker sends each
cell's printed text, its last value, its figures as PNG and notes about what it left out
(:mod:`autograder.boundary.worker_outputs`); errors come as the cell's error. Nothing of it is
trusted, and the Formgrader shows it in the instructor's browser, so only two kinds of output are
written:

* text (``stream``, ``execute_result`` and ``error`` outputs with ``text/plain`` only), which
  nbconvert escapes; control characters other than newline, tab and ANSI colour codes are removed;
* PNG pictures that decode as base64, start with the PNG signature and are at most
  :data:`MAX_SIDE` pixels wide and high.

Never HTML, JavaScript or SVG: the worker already turned those into notes, and anything else that
arrives is not written. The notebook's outputs are bounded in all (:data:`MAX_NOTEBOOK_CHARS`);
past that, a cell shows a note that its outputs were left out.
"""

from __future__ import annotations

import base64
import binascii
import copy
import json
import re
import struct

import nbformat

from autograder.boundary.protocol import CellReport, Response

#: characters of outputs (text and base64 pictures) kept per notebook
MAX_NOTEBOOK_CHARS = 2_000_000
#: the widest or highest picture kept, in pixels
MAX_SIDE = 4000
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
NOTE_PREFIX = "[layerlab grader] "


def with_outputs(nb: nbformat.NotebookNode, cells: list[dict], response: Response) -> str:
    """``nb`` (the sanitized notebook, unchanged) as nbformat JSON, each cell that ran with the
    outputs the worker reported for it. ``cells`` are the cells sent to the worker, in order
    (``{"filename": "<cell N>", ...}``, N counting ``nb.cells`` from 1)."""
    # shallow copies: the notebook's metadata and the cells without outputs are shared, not copied
    # (a submission's metadata may be large, and the grader's memory is bounded)
    shown = copy.copy(nb)
    shown.cells = list(nb.cells)
    left = MAX_NOTEBOOK_CHARS
    for index, sent in enumerate(cells):
        report = response.cells.get(index)
        if report is None:
            continue
        position = int(sent["filename"].strip("<>").split()[1]) - 1
        cell = shown.cells[position] = copy.copy(shown.cells[position])
        cell.execution_count = index + 1
        try:
            outputs = outputs_of(report, index + 1)
        except Exception as exc:  # whatever arrived, the grades must still be written
            outputs = [note(f"this cell's outputs could not be shown ({type(exc).__name__})")]
        size = sum(len(json.dumps(o)) for o in outputs)
        if size > left:
            outputs = [note(f"this cell's outputs were left out: the notebook's outputs are "
                            f"larger than the {MAX_NOTEBOOK_CHARS // 1000} kB the grader keeps")]
            size = 0
        left -= size
        cell.outputs = outputs
    return nbformat.writes(shown)


def outputs_of(report: CellReport, count: int) -> list[nbformat.NotebookNode]:
    """The nbformat outputs of one cell that ran (``count``: its execution count): what it showed,
    then its error."""
    outputs = notebook_outputs(report.outputs, count)
    if report.error is not None:
        outputs.append(nbformat.v4.new_output(
            "error", ename=clean_text(report.error.type), evalue=clean_text(report.error.message),
            traceback=[clean_text(line) for line in report.error.traceback]))
    return outputs


def notebook_outputs(reported: list[tuple[str, str]], count: int) -> list[nbformat.NotebookNode]:
    """nbformat outputs of one cell from the worker's ``(kind, text)`` pairs."""
    outputs = []
    for kind, text in reported:
        if kind in ("stdout", "stderr"):
            outputs.append(nbformat.v4.new_output("stream", name=kind, text=clean_text(text)))
        elif kind == "result":
            outputs.append(nbformat.v4.new_output("execute_result", data={"text/plain": clean_text(text)},
                                                  execution_count=count))
        elif kind == "note":
            outputs.append(note(clean_text(text).strip("[]")))
        elif kind == "png":
            picture = checked_png(text)
            outputs.append(nbformat.v4.new_output("display_data", data={"image/png": picture})
                           if picture else note("a picture was left out: it is not a valid PNG image"))
    return outputs


def checked_png(text: str) -> str | None:
    """The base64 text of a PNG picture, re-encoded, or None when ``text`` is not one (bad base64,
    no PNG signature, no IHDR header, or wider or higher than :data:`MAX_SIDE`)."""
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(data) < 24 or not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        return None
    return base64.b64encode(data).decode("ascii")


def clean_text(text: str) -> str:
    """``text`` without control characters (newline, tab and ANSI colour escapes stay), and with
    U+FFFD for each lone surrogate (JSON allows them, UTF-8 files do not)."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def note(text: str) -> nbformat.NotebookNode:
    """A visible note of the grader's, as text in the cell's output."""
    return nbformat.v4.new_output("stream", name="stdout", text=f"{NOTE_PREFIX}{text}\n")
