"""The playground's lesson and sharing controls: load a preset, Share the setting, Load a shared one.

:class:`SharePanel` belongs to a :class:`~layerlab.widgets.planar_playground.Playground` and adds,
under its training buttons:

* *lesson*: a dropdown of :data:`~layerlab.widgets.playground_presets.PRESETS`; choosing one loads
  its setting (not trained: press Run) and shows its sentence below;
* **Share**: writes the current setting's line into the *setting* box (select it and copy it) and,
  below, the cell that reopens the playground with it;
* **Load**: restores the line in the *setting* box (a wrong one is explained in the status line).

Every control has a visible label or text, and all work with the keyboard (Tab, arrows, Space).
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from .controls import button, dropdown
from .planar_trainer import LARGE_SCALE
from .playground_presets import PRESETS, preset
from .playground_setting import Setting
from .student import NotReady

__all__ = ["SharePanel", "unit_options", "NO_LESSON", "ACTIVATIONS", "INITIALIZATIONS", "STUDENT_FUNCTIONS"]

NO_LESSON = "(your own setting)"
#: hidden activations offered: label shown -> key ("tanh" uses the student's functions)
ACTIVATIONS = {"tanh (yours)": "tanh", "ReLU": "relu", "leaky ReLU": "leaky relu", "sigmoid": "sigmoid"}
#: how the weights start: label shown -> key (short enough for the dropdown to show whole)
INITIALIZATIONS = {"small random (yours)": "small random", "zeros": "zeros",
                   f"large random (×{LARGE_SCALE:g})": "large random"}
#: the notebook's functions the playground trains with (and the shared cell passes back)
STUDENT_FUNCTIONS = ("initialize_parameters", "forward_propagation", "compute_cost",
                     "backward_propagation", "update_parameters")


def unit_options(n_h: int) -> list:
    """The *unit shown* dropdown's options for ``n_h`` hidden units: ("unit 1", 0), ..."""
    return [(f"unit {k + 1}", k) for k in range(n_h)]


class SharePanel:
    """Lessons, Share and Load for ``playground`` (see the module's docstring). ``controls`` are
    the widgets to put in the playground's control column."""

    def __init__(self, playground):
        self.playground = playground
        self.lesson = dropdown("lesson", [NO_LESSON] + [p.name for p in PRESETS], NO_LESSON)
        self.sentence = widgets.HTML(layout=widgets.Layout(max_width="22em"))
        self.share_button = button("Share", "share-alt", "write this setting as a line that restores it")
        self.load_button = button("Load", "upload", "restore the setting in the box")
        self.text = widgets.Text(description="setting", placeholder="Share writes it; paste one, then Load",
                                 style={"description_width": "9em"}, layout=widgets.Layout(width="22em"))
        self.code = widgets.HTML(layout=widgets.Layout(max_width="22em"))
        self.controls = [self.lesson, self.sentence, widgets.HBox([self.share_button, self.load_button]),
                         self.text, self.code]
        self._loading = False
        self.lesson.observe(self._on_lesson, "value")
        self.share_button.on_click(lambda _: self.share_setting())
        self.load_button.on_click(lambda _: self.load(self.text.value))

    def share_setting(self) -> str:
        """Write the current setting into the box and the cell that restores it; returns the line."""
        line = self.playground.setting().to_string()
        self.text.value = line
        arguments = ", ".join(f"{name}={name}" for name in STUDENT_FUNCTIONS)
        self.code.value = ("<div style='font-size: 12px'>Or run this cell to reopen it: <pre "
                           "style='white-space: pre-wrap; word-break: break-all; user-select: all'>"
                           f"{html.escape(f'playground({arguments}, setting={line!r})')}</pre></div>")
        return line

    def load(self, text: str) -> bool:
        """Restore the setting written in ``text``; False (and the reason in the status line) if
        it cannot be read."""
        try:
            setting = Setting.from_string(text)
        except ValueError as exc:
            self.playground._fail(NotReady(f"This setting cannot be loaded: {exc}."))
            return False
        self.forget_lesson()
        self.playground.restore(setting)
        return True

    def load_lesson(self, name: str) -> None:
        """Load the preset called ``name`` and show its sentence."""
        lesson = preset(name)
        self._loading = True
        try:
            self.lesson.value = name
            self.playground.restore(lesson.setting)
        finally:
            self._loading = False
        self.sentence.value = (f"<div style='font-size: 12px; line-height: 1.35'><b>{html.escape(lesson.name)}."
                               f"</b> {html.escape(lesson.sentence)} Press Run.</div>")

    def forget_lesson(self) -> None:
        """The setting was changed by hand: no lesson describes it any more."""
        if not self._loading and self.lesson.value != NO_LESSON:
            self._loading = True
            try:
                self.lesson.value = NO_LESSON
            finally:
                self._loading = False
            self.sentence.value = ""

    def _on_lesson(self, change) -> None:
        if self._loading:
            return
        if change["new"] == NO_LESSON:
            self.sentence.value = ""
        else:
            self.load_lesson(change["new"])
