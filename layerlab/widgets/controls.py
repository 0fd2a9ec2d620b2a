"""Small ipywidgets building blocks shared by the widgets: sliders, buttons, the status line."""

from __future__ import annotations

import html

import ipywidgets as widgets

from .announcer import PANEL_CLASS, Announcer

__all__ = ["log_slider", "int_slider", "float_slider", "dropdown", "button", "accent", "panel", "Status",
           "Announcer", "ACCENT"]

#: the background of the button that starts training: white text on it has a contrast of 5.1
#: (WCAG AA asks 4.5 for text this size); ipywidgets' own "success" green, #388e3c, gives 4.1
ACCENT = "#2e7d32"

_STYLE = {"description_width": "9em"}
_WIDTH = "22em"


def log_slider(description: str, value: float, low_exponent: float, high_exponent: float,
               step: float = 0.1, readout_format: str = ".4g") -> widgets.FloatLogSlider:
    """A base-10 logarithmic slider from 10**low_exponent to 10**high_exponent; it reports its value
    when released (``continuous_update=False``: moving it retrains)."""
    return widgets.FloatLogSlider(value=value, base=10, min=low_exponent, max=high_exponent, step=step,
                                  description=description, readout_format=readout_format,
                                  continuous_update=False, style=_STYLE,
                                  layout=widgets.Layout(width=_WIDTH))


def int_slider(description: str, value: int, low: int, high: int, step: int = 1) -> widgets.IntSlider:
    """An integer slider that reports its value when released."""
    return widgets.IntSlider(value=value, min=low, max=high, step=step, description=description,
                             continuous_update=False, style=_STYLE, layout=widgets.Layout(width=_WIDTH))


def float_slider(description: str, value: float, low: float, high: float,
                 step: float) -> widgets.FloatSlider:
    """A float slider that reports its value when released."""
    return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=description,
                               continuous_update=False, style=_STYLE, layout=widgets.Layout(width=_WIDTH))


def dropdown(description: str, options, value) -> widgets.Dropdown:
    return widgets.Dropdown(options=options, value=value, description=description, style=_STYLE,
                            layout=widgets.Layout(width=_WIDTH))


def button(description: str, icon: str, tooltip: str, style: str = "") -> widgets.Button:
    """A button; ``style="success"`` makes it the accented one (see :func:`accent`)."""
    made = widgets.Button(description=description, icon=icon, tooltip=tooltip,
                          layout=widgets.Layout(width="6.5em"))
    if style == "success":
        accent(made, True)
    else:
        made.button_style = style
    return made


def accent(control: widgets.Button, on: bool) -> None:
    """Show ``control`` as the button to press (white on :data:`ACCENT` green, enabled) or not
    (plain and disabled): a button that cannot be pressed does not stay green."""
    control.disabled = not on
    control.button_style = "success" if on else ""  # its white text
    control.style.button_color = ACCENT if on else None


def panel(controls: list, view: widgets.Widget, status: widgets.Widget, css_class: str) -> widgets.VBox:
    """A widget's layout: its controls in a column beside its figure (below it on a narrow page),
    and the status line underneath. ``css_class`` names the whole box for pages and tests."""
    box = widgets.VBox([
        widgets.HBox([widgets.VBox(controls, layout=widgets.Layout(min_width="21em")), view],
                     layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start")),
        status])
    box.add_class(css_class)
    box.add_class(PANEL_CLASS)
    return box


class Status:
    """The line under a widget's controls: what the model does now, or what keeps it from training.

    ``status.widget`` is the ``ipywidgets.HTML`` shown; ``status.text`` and ``status.problem`` hold
    the plain text and the current problem (None when there is none), for tests.
    """

    def __init__(self):
        self.widget = widgets.HTML(layout=widgets.Layout(min_height="2.4em"))
        self.widget.add_class("layerlab-status")
        self.text = ""
        self.problem: str | None = None

    def show(self, text: str) -> None:
        """Show ``text`` (plain), clearing any problem."""
        self.text, self.problem = text, None
        self.widget.value = f"<div style='font-family: monospace'>{html.escape(text)}</div>"

    def fail(self, message: str, html_message: str | None = None) -> None:
        """Show a problem in a red box: ``message`` is plain text (``html_message`` its HTML form)."""
        self.text = self.problem = message
        body = html_message if html_message is not None else html.escape(message)
        self.widget.value = ("<div style='border-left: 4px solid #b2182b; background: #fbeaea; "
                             f"padding: 0.3em 0.6em; max-width: 60em'>{body}</div>")
