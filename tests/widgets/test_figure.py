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


def test_a_redraw_is_asked_again_until_the_latest_state_was_rendered(monkeypatch):
    monkeypatch.setattr(_Refresher, "DELAY", 0.05)
    figure, _ = new_figure((2, 2), headless=True)

    async def scenario():
        refresh(figure)                        # the browser ignores it (it was still waiting)
        await asyncio.sleep(0.08)
        assert figure.canvas.draw_requests == 2    # asked again
        figure.canvas.draw()                   # now the kernel renders the latest state
        await asyncio.sleep(0.15)
        return figure.canvas.draw_requests

    assert asyncio.run(scenario()) == 2           # rendered: no more requests


def test_requests_stop_after_a_few_attempts_without_a_browser(monkeypatch):
    monkeypatch.setattr(_Refresher, "DELAY", 0.01)
    figure, _ = new_figure((2, 2), headless=True)

    async def scenario():
        refresh(figure)
        await asyncio.sleep(0.3)

    asyncio.run(scenario())
    assert figure.canvas.draw_requests == 1 + _Refresher.ATTEMPTS
