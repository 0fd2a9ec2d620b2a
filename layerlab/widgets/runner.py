"""Training in small chunks on the kernel's asyncio loop, so that Pause and the sliders respond.

A widget's training is a sequence of *frames*: a few gradient steps, then the figure is updated.
:class:`Runner` calls the widget's ``frame()`` function again and again as an asyncio task and
yields to the event loop between frames; the Jupyter kernel then handles the messages that came
in meanwhile (a click on Pause, a slider that moved, the browser asking for the new picture), so
the widget stays responsive while it trains. ``frame()`` returns False when there is nothing left
to do (e.g. the wanted number of iterations is reached).

::

    runner = Runner(frame, on_change=update_buttons)
    runner.start()     # from a button's click handler: Jupyter's asyncio loop is running
    runner.stop()      # the task ends before its next frame

Outside a running event loop (a plain script) :meth:`Runner.start` raises RuntimeError; call
``frame()`` yourself there (the widgets' Step button does exactly one).
"""

from __future__ import annotations

import asyncio
import time
from typing import Callable

__all__ = ["Runner"]


class Runner:
    """Run ``frame()`` repeatedly in an asyncio task until it returns False or :meth:`stop`.

    Arguments:
        frame: called once per frame; returns True to go on, False when done.
        on_change: called (without arguments) when the runner starts or stops.
        pause: seconds to yield to the event loop after every frame (the kernel handles the
            browser's messages then, including requests for the redrawn figure).
    """

    def __init__(self, frame: Callable[[], bool], on_change: Callable[[], None] | None = None,
                 pause: float = 0.02):
        self._frame = frame
        self._on_change = on_change or (lambda: None)
        self.pause = float(pause)
        self._task: asyncio.Task | None = None
        self._stop = False
        #: frames run by the last (or current) task, and their mean duration in seconds
        self.frames = 0
        self.frame_seconds = 0.0

    @property
    def running(self) -> bool:
        """True while the training task is alive."""
        return self._task is not None and not self._task.done()

    @property
    def task(self) -> asyncio.Task | None:
        return self._task

    def start(self) -> asyncio.Task:
        """Start the training task on the running asyncio loop (no-op if it is already running)."""
        if self.running:
            return self._task
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError("training in the background needs a running asyncio event loop, as "
                               "Jupyter kernels have; outside Jupyter call the widget's step() "
                               "instead") from None
        self._stop = False
        self.frames, self.frame_seconds = 0, 0.0
        self._task = loop.create_task(self._loop())
        self._on_change()
        return self._task

    def stop(self) -> None:
        """Stop before the next frame (a frame that is running finishes first)."""
        self._stop = True

    async def _loop(self) -> None:
        try:
            await asyncio.sleep(0)  # let the click handler that started us return first
            total = 0.0
            while not self._stop:
                tic = time.perf_counter()
                more = self._frame()
                total += time.perf_counter() - tic
                self.frames += 1
                self.frame_seconds = total / self.frames
                if not more or self._stop:
                    break
                await asyncio.sleep(self.pause)
        finally:
            self._task = None
            self._on_change()
