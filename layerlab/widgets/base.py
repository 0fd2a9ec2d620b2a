"""What the three widgets share: how they display, report a problem, and start and stop training.

A subclass sets ``self.widget`` (the ipywidgets box), ``self.status`` (a
:class:`~layerlab.widgets.student.Status`-like object with ``problem``), ``self.runner``
(:class:`~layerlab.widgets.runner.Runner`) and ``self._blocked`` (None, or why it cannot train), and
defines ``frame()`` (train one frame and redraw; False when it could not) and ``_fail(message)``.
A widget with an ``announcer`` (:class:`~layerlab.widgets.announcer.Announcer`) also defines
``result()``, where training got to in one sentence: Run and Pause then say so to screen readers.
"""

from __future__ import annotations


class WidgetDisplay:
    """Shows ``self.widget`` as the cell's output; ``problem`` is the status line's complaint."""

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    @property
    def problem(self) -> str | None:
        """The message in the status line when something keeps the widget from training."""
        return self.status.problem


class TrainingWidget(WidgetDisplay):
    """Run / Pause / Step for a widget that trains in frames."""

    announcer = None

    def run(self) -> None:
        """Train frame after frame as an asyncio task (needs Jupyter's running event loop)."""
        if self._blocked is not None:
            self._fail(self._blocked)
            return
        if not self.runner.running:
            self.runner.start()
            self.announce("Training. ")

    def pause(self) -> None:
        """Stop training after the current frame; the model is kept."""
        if self.runner.running:
            self.announce("Paused. ")
        self.runner.stop()

    def announce(self, opening: str) -> None:
        """Say ``opening`` and where training got to (``result()``), if the widget announces."""
        if self.announcer is not None:
            self.announcer.say(opening + self.result())

    def step(self) -> bool:
        """Train one frame now (synchronously) and redraw; False when done or when it could not."""
        return self.frame()
