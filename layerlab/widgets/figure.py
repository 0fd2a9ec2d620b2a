"""The one Matplotlib figure of a widget, shown through ipympl, or headless for tests and scripts.

Every widget draws into a single figure that it creates once and then only changes (``set_data``,
``set_text``, ...). :func:`new_figure` gives that figure and the ipywidget that shows it:

* interactive (default): an ipympl ``Canvas`` (the widget behind ``%matplotlib widget``), created
  directly, so it works whatever ``%matplotlib`` backend the notebook uses and the figure is never
  also drawn as a static picture by pyplot. The canvas renders the figure with Agg in the kernel
  when the browser asks for it (after :func:`refresh`).
* headless (``headless=True``): an Agg canvas that only counts redraw requests
  (:class:`HeadlessCanvas`) and an empty placeholder widget; tests and the benchmark use it and
  call ``figure.canvas.draw()`` themselves when they want the pixels.
"""

from __future__ import annotations

import asyncio

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = ["new_figure", "refresh", "style_cost_axes", "HeadlessCanvas"]


class HeadlessCanvas(FigureCanvasAgg):
    """An Agg canvas whose ``draw_idle`` only counts the requests (``draw_requests``): nothing is
    on screen to update, and whoever wants the pixels calls ``draw()``."""

    draw_requests = 0

    def draw_idle(self, *args, **kwargs):
        self.draw_requests += 1


def new_figure(figsize: tuple[float, float], *, headless: bool = False, dpi: int = 100):
    """A new figure of ``figsize`` inches and the widget that shows it.

    Returns:
        (figure, view): the Matplotlib ``Figure``; the ipympl ``Canvas`` widget (interactive) or an
        empty ``ipywidgets.Box`` (headless).
    """
    figure = Figure(figsize=figsize, dpi=dpi)
    if headless:
        HeadlessCanvas(figure)
        return figure, widgets.Box()
    from ipympl.backend_nbagg import Canvas, FigureManager

    canvas = Canvas(figure)
    FigureManager(canvas, 0)  # the canvas needs a manager to answer the browser's messages
    canvas.header_visible = False
    canvas.footer_visible = False
    canvas.toolbar_visible = False
    canvas.resizable = False
    canvas.layout.min_width = f"{int(figsize[0] * dpi)}px"
    return figure, canvas


def refresh(figure) -> None:
    """Ask for the figure to be redrawn (soon, once) after its artists changed.

    ipympl's browser side ignores a redraw request that arrives while it still waits for the
    previous picture, so the last change of a burst (the final frame of a training run) could
    stay off screen. A :class:`_Refresher` therefore checks half a second later whether the
    kernel has rendered the figure since, and asks again if not (a few times at most).
    """
    refresher = getattr(figure, "_layerlab_refresher", None)
    if refresher is None:
        refresher = figure._layerlab_refresher = _Refresher(figure)
    refresher.request()


class _Refresher:
    """Redraw requests of one figure, repeated until the latest state was rendered."""

    DELAY = 0.5     # seconds between a request and the check that it was served
    ATTEMPTS = 6    # checks before giving up (e.g. when no browser shows the figure)

    def __init__(self, figure):
        self.figure = figure
        self.version = 0   # changes requested
        self.drawn = 0     # the version the last rendering showed
        self.attempts = 0
        self._pending = None
        figure.canvas.mpl_connect("draw_event", self._on_draw)

    def _on_draw(self, _event) -> None:
        self.drawn = self.version

    def request(self) -> None:
        self.version += 1
        self.attempts = 0
        self.figure.canvas.draw_idle()
        self._schedule()

    def _schedule(self) -> None:
        if self._pending is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no event loop (tests, scripts): nothing is on screen to fall behind
        self._pending = loop.call_later(self.DELAY, self._check)

    def _check(self) -> None:
        self._pending = None
        if self.drawn < self.version and self.attempts < self.ATTEMPTS:
            self.attempts += 1
            self.figure.canvas.draw_idle()
            self._schedule()


def style_cost_axes(ax) -> None:
    """A log cost axis that reads well over a narrow range and draws fast: major ticks at 1, 2 and
    5 times the powers of ten, no minor ticks, at most five iteration ticks, no y label (the
    widgets title the Axes instead)."""
    from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator

    ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0), numticks=6))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    ax.set_ylabel("")
