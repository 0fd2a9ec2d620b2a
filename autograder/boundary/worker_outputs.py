"""What a cell showed while the worker ran it: its printed text, its result, its figures as PNG.

Imported by ``worker.py`` as a plain file next to it (standard library only; matplotlib only when
the notebook already loaded pyplot). The outputs go back with the cell's message, so the notebook
the grader writes to ``autograded/`` shows what the student's cells printed and drew, as in
JupyterLab. Only text and PNG images are kept: a display of any other kind (HTML, JavaScript,
SVG, a widget) becomes a short note naming what was left out. Everything is bounded here, and
checked and bounded again by the grader, which trusts none of it.

One output, as sent::

    {"kind": "stdout" | "stderr" | "result" | "note", "text": "..."}
    {"kind": "png", "text": BASE64}
"""

from __future__ import annotations

import ast
import base64
import io
import sys

try:
    import worker_plots  # a plain file beside this one in the sandbox
except ImportError:  # imported as part of the autograder package (its tests)
    from autograder.boundary import worker_plots

#: characters of printed text kept per cell (the beginning and the end, a note in between)
MAX_CELL_TEXT = 12_000
#: base64 characters of PNG images kept per cell, and the number of images
MAX_CELL_IMAGES = 120_000
MAX_IMAGES = 4
#: dots per inch of a figure's picture (a 6.4 x 4.8 inch figure: 384 x 288 pixels)
DPI = 60
#: the lowest resolution a figure is drawn at to fit the budget
MIN_DPI = 20
#: the largest figure drawn, in pixels at that resolution
MAX_PIXELS = 2000 * 2000
#: characters of the end of a long printout kept after the cut, and outputs per cell
TAIL = 2_000
MAX_ITEMS = 24
CUT = "[… {} characters of this cell's printed output were cut by the grader …]"


class CellCapture:
    """Collects one cell's outputs: use ``with capture:`` around the cell, then :meth:`take`."""

    def __init__(self, shell=None):
        self.items: list[dict] = []
        self._chars = self._cut = 0
        self._tail = ""
        self._saved = None
        if shell is not None:  # IPython's display() and the notebook's rich outputs come here
            shell.display_pub.publish = self.publish

    def __enter__(self):
        self.items, self._chars, self._cut, self._tail = [], 0, 0, ""
        self._saved = (sys.stdout, sys.stderr)
        sys.stdout = _Tee(sys.stdout, self, "stdout")
        sys.stderr = _Tee(sys.stderr, self, "stderr")
        return self

    def __exit__(self, *exc):
        sys.stdout, sys.stderr = self._saved
        self._saved = None
        return False

    def write(self, kind: str, text: str) -> None:
        """Record printed text: the first :data:`MAX_CELL_TEXT` characters, then only the last
        :data:`TAIL` (so a cell that prints gigabytes costs no memory here)."""
        room = MAX_CELL_TEXT - self._chars
        if room > 0:
            kept, text = text[:room], text[room:]
            self._chars += len(kept)
            if self.items and self.items[-1]["kind"] == kind:
                self.items[-1]["text"] += kept
            else:
                self.items.append({"kind": kind, "text": kept})
        if text:
            self._cut += len(text)
            self._tail = (self._tail + text)[-TAIL:]

    @staticmethod
    def compile(source: str, filename: str):
        """``(code, last)``: the cell (IPython-transformed ``source``) compiled to run, and its last
        expression compiled apart, to be evaluated and shown (None when the cell does not end in an
        expression, or ends in ``;``), as JupyterLab shows a cell's value."""
        tree = ast.parse(source, filename)
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr) and not source.rstrip().endswith(";"):
            last = compile(ast.Expression(tree.body.pop().value), filename, "eval", dont_inherit=True)
        return compile(tree, filename, "exec", dont_inherit=True), last

    def publish(self, data=None, metadata=None, *args, **kwargs) -> None:
        """IPython's ``display_pub.publish``: keep a PNG or the plain text of a display shown by
        a cell (a display during a call is dropped)."""
        if self._saved is not None:
            self.show(data if isinstance(data, dict) else {}, "stdout")

    def show(self, bundle: dict, kind: str) -> None:
        """One display's mime bundle: its PNG, else its text; other kinds become a note."""
        png = bundle.get("image/png")
        if isinstance(png, bytes):
            png = base64.b64encode(png).decode("ascii")
        if isinstance(png, str):
            self.items.append({"kind": "png", "text": png.replace("\n", "")})
            return
        left_out = sorted(k for k in bundle if k != "text/plain" and isinstance(k, str))
        if left_out:
            self.items.append({"kind": "note", "text": f"[an output of type {', '.join(left_out)[:200]} "
                                                       f"was left out: the grader keeps text and PNG images only]"})
        text = bundle.get("text/plain")
        if isinstance(text, str) and not left_out:
            self.write(kind, text if kind == "result" else text + "\n")

    def result(self, shell, value) -> None:
        """The value of the cell's last expression, as IPython would display it (None: nothing)."""
        if value is None:
            return
        try:
            bundle, _ = shell.display_formatter.format(value)
        except Exception:
            bundle = {"text/plain": repr(value)}
        self.show(bundle, "result")

    def figures(self) -> None:
        """Each figure pyplot holds open, as a PNG (a pyplot that is still lazy drew nothing);
        a figure too large to draw cheaply, or that fails to draw, becomes a note."""
        pyplot = worker_plots.pyplot_in_use()
        if pyplot is None:
            return
        numbers = pyplot.get_fignums()[:MAX_IMAGES + 1]
        share = MAX_CELL_IMAGES // max(1, len(numbers))  # each figure's part of the cell's budget
        for number in numbers:
            figure = pyplot.figure(number)
            width, height = (float(x) * DPI for x in figure.get_size_inches())
            if width * height > MAX_PIXELS:
                self.items.append({"kind": "note", "text": f"[a figure of {width:.0f} x {height:.0f} "
                                                           f"pixels was left out: too large]"})
                continue
            try:
                picture = _png(figure, share)
            except Exception as exc:
                self.items.append({"kind": "note", "text": f"[a figure could not be drawn: "
                                                           f"{type(exc).__name__}]"})
                continue
            self.items.append({"kind": "png", "text": picture} if picture else
                              {"kind": "note", "text": "[a figure was left out: its picture is larger "
                                                       "than the grader keeps]"})

    def take(self) -> list[dict]:
        """The cell's outputs, bounded: printed text past the budget cut (with a note and the
        last lines), images past the budget replaced by a note."""
        out, image_left, images = [], MAX_CELL_IMAGES, 0
        for item in self.items:
            if item["kind"] == "png":
                images += 1
                if images > MAX_IMAGES or len(item["text"]) > image_left:
                    out.append({"kind": "note", "text": "[a picture was left out: this cell drew more "
                                                        "than the grader keeps]"})
                    continue
                image_left -= len(item["text"])
            out.append(item)
        if self._cut:
            hidden = max(0, self._cut - len(self._tail))
            out.append({"kind": "note", "text": CUT.format(hidden)})
            out.append({"kind": "stdout", "text": self._tail})
        self.items, self._chars, self._cut, self._tail = [], 0, 0, ""
        return out[:MAX_ITEMS]


def _png(figure, budget: int) -> str | None:
    """The figure as base64 PNG text of at most ``budget`` characters: at :data:`DPI`, else once
    more at the resolution that size suggests (a figure of photographs compresses badly; the size
    grows about as the square of the resolution); None when that is still too large."""
    dpi = DPI
    for _ in range(2):
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=dpi)
        text = base64.b64encode(buffer.getvalue()).decode("ascii")
        if len(text) <= budget:
            return text
        dpi = max(MIN_DPI, int(dpi * 0.9 * (budget / len(text)) ** 0.5))
    return None


class _Tee:
    """A text stream that writes through and also records what was written."""

    def __init__(self, stream, capture: CellCapture, kind: str):
        self._stream, self._capture, self._kind = stream, capture, kind

    def write(self, text):
        if isinstance(text, str):
            self._capture.write(self._kind, text)
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)
