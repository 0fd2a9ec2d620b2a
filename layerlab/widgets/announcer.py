"""What a screen reader needs from a widget that ipywidgets does not give: announcements, and
names for the sliders.

:class:`Announcer` is a small widget (anywidget: a few lines of JavaScript, no build step) placed
in a widget's panel. It does two things in the browser:

* it is a polite live region (``role="status"``, ``aria-live="polite"``, present from the start,
  visually hidden): the text given to :meth:`Announcer.say` is read out when the reader is idle.
  The widgets say only what changes the picture: training started, paused, done (with its
  result), or a problem; never every frame.
* it names every slider of its panel: ipywidgets 8 draws a slider's handle (``role="slider"``)
  without an accessible name and does not tie the visible label to it, so the handle gets
  ``aria-labelledby`` pointing at that label (and again whenever the panel's sliders are redrawn).
* it takes the panel's figures out of the Tab order: ipympl's figure is focusable and swallows
  every key, Tab included, so a keyboard user who reached it could not leave it. The widgets use
  no key of the figure; it becomes an image named as such, and its words follow the widget.

In Python (tests, headless use) ``announcer.said`` is the list of everything said, oldest first.
"""

from __future__ import annotations

import anywidget
import traitlets

__all__ = ["Announcer", "PANEL_CLASS"]

#: the CSS class every widget's panel carries (controls.panel); the announcer names its sliders
PANEL_CLASS = "layerlab-widget"

_ESM = """
function fixPanel(root) {
  // ipympl's figure takes the focus and swallows every key, Tab included (a keyboard trap): the
  // widgets use no key of the figure, so it leaves the Tab order; its words are the widget's text
  for (const figure of root.querySelectorAll('.jupyter-matplotlib-canvas-div')) {
    if (figure.getAttribute('tabindex') !== '-1') {
      figure.setAttribute('tabindex', '-1');
      figure.setAttribute('role', 'img');
      figure.setAttribute('aria-label', 'figure (in words below the widget)');
    }
  }
  for (const slider of root.querySelectorAll('.widget-slider')) {
    const label = slider.querySelector(':scope > .widget-label');
    const handle = slider.querySelector('.noUi-handle');
    if (!label || !handle || !label.textContent.trim()) continue;
    if (!label.id) label.id = 'layerlab-label-' + Math.random().toString(36).slice(2);
    if (handle.getAttribute('aria-labelledby') !== label.id) handle.setAttribute('aria-labelledby', label.id);
  }
}

export default {
  render({ model, el }) {
    const live = document.createElement('div');
    live.className = 'layerlab-announcement';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('aria-atomic', 'true');
    // visually hidden, still read (the status line shows the same to sighted readers)
    Object.assign(live.style, {position: 'absolute', width: '1px', height: '1px', margin: '-1px',
                               overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap'});
    el.appendChild(live);
    let timer = null;
    const say = () => {
      // emptied first, so that the same sentence twice is read twice
      live.textContent = '';
      clearTimeout(timer);
      timer = setTimeout(() => { live.textContent = model.get('text'); }, 100);
    };
    model.on('change:count', say);

    let observer = null, tries = 0;
    const attach = () => {
      const root = el.closest('.%(panel)s');
      if (!root) {
        if (tries++ < 600) requestAnimationFrame(attach);   // until the panel is on the page
        return;
      }
      fixPanel(root);
      observer = new MutationObserver(() => fixPanel(root));
      observer.observe(root, {childList: true, subtree: true});
    };
    attach();
    return () => { clearTimeout(timer); if (observer) observer.disconnect(); };
  }
};
""" % {"panel": PANEL_CLASS}


class _LiveRegion(anywidget.AnyWidget):
    _esm = _ESM
    text = traitlets.Unicode("").tag(sync=True)
    count = traitlets.Int(0).tag(sync=True)


class Announcer:
    """A widget's announcements (see the module's docstring); ``announcer.widget`` goes into the
    widget's panel, anywhere (it takes no room)."""

    def __init__(self):
        self.widget = _LiveRegion()
        self.said: list[str] = []

    @property
    def text(self) -> str:
        """The last announcement ("" before the first)."""
        return self.said[-1] if self.said else ""

    def say(self, text: str) -> None:
        """Have screen readers read ``text`` (plain) once they are idle."""
        self.said = self.said[-49:] + [text]
        self.widget.set_trait("text", text)
        self.widget.count += 1
