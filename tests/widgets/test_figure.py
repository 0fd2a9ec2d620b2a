"""Does a widget's figure get redrawn until its latest state is on screen, and can it run headless?"""

from __future__ import annotations

import asyncio

from layerlab.widgets.figure import HeadlessCanvas, _Refresher, new_figure, refresh


def test_headless_figures_only_count_redraw_requests():
    figure, view = new_figure((2, 2), headless=True)
    assert isinstance(figure.canvas, HeadlessCanvas) and view.children == ()
    refresh(figure)
    refresh(figure)
    assert figure.canvas.draw_requests == 2


async def _until(condition, seconds: float = 30.0) -> None:
    """Wait (polling the event loop) until ``condition()`` holds; fail after ``seconds``. The
    waits do not assume how fast this machine is."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        assert loop.time() < deadline, "the condition did not come true"
        await asyncio.sleep(0.005)


def test_a_redraw_is_asked_again_until_the_latest_state_was_rendered(monkeypatch):
    monkeypatch.setattr(_Refresher, "DELAY", 0.3)
    figure, _ = new_figure((2, 2), headless=True)

    async def scenario():
        refresh(figure)                        # the browser ignores it (it was still waiting)
        await _until(lambda: figure.canvas.draw_requests == 2)    # asked again
        refresher = figure._layerlab_refresher
        figure.canvas.draw()                   # now the kernel renders the latest state
        await _until(lambda: refresher._pending is None)         # the next check has run
        return figure.canvas.draw_requests

    assert asyncio.run(scenario()) == 2           # rendered: no more requests


def test_requests_stop_after_a_few_attempts_without_a_browser(monkeypatch):
    monkeypatch.setattr(_Refresher, "DELAY", 0.01)
    figure, _ = new_figure((2, 2), headless=True)

    async def scenario():
        refresh(figure)
        refresher = figure._layerlab_refresher
        await _until(lambda: refresher._pending is None)
        await asyncio.sleep(0.05)              # nothing more is scheduled after giving up

    asyncio.run(scenario())
    assert figure.canvas.draw_requests == 1 + _Refresher.ATTEMPTS
