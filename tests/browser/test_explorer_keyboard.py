"""Can the week-2 and the week-4 explorers be used with the keyboard alone, on the voila page?

On the lecture demo (``make demo``), for each explorer: Tab walks through its controls in the
order they are laid out, each with the accessible name a screen reader says (a slider's name is
its visible label); arrow keys and Home move a slider, Space and Enter press a button or tick the
checkbox; training runs, and its result is announced in the explorer's live region
(``role="status"``) and written in its figure in words.
"""
from __future__ import annotations

import re

import pytest

from .test_widgets import KERNEL_TIMEOUT_MS, voila_page, voila_url  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

LOGISTIC = ".layerlab-logistic-regression"
DEEP = ".layerlab-deep-network"
TRAIN_TIMEOUT_MS = 120_000  # a training run on a loaded 2-core machine

#: the focused element: its role, its accessible name as a screen reader computes it here
#: (aria-labelledby, aria-label, a <label for>, the text; a button's icon glyph is not text), and
#: the box of the explorer it is in
_FOCUS_JS = """(panel) => {
    const el = document.activeElement;
    if (!el || !el.closest(panel)) return null;
    let name = '';
    if (el.getAttribute('aria-labelledby')) {
        name = el.getAttribute('aria-labelledby').split(/\\s+/)
            .map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
    } else if (el.getAttribute('aria-label')) {
        name = el.getAttribute('aria-label');
    } else if (el.labels && el.labels.length) {
        name = el.labels[0].textContent;
    } else {
        name = el.textContent;
    }
    const role = el.getAttribute('role') || (el.tagName === 'INPUT' ? el.type : el.tagName.toLowerCase());
    return {role: role, name: name.trim(), disabled: !!el.disabled};
}"""


def _expect():
    from playwright.sync_api import expect

    return expect


def _open(page, voila_url):
    page.goto(voila_url)
    _expect()(page.locator(f"{DEEP} .jupyter-matplotlib-canvas-div")).to_be_visible(timeout=KERNEL_TIMEOUT_MS)


def _walk(page, panel: str, limit: int = 250) -> list[tuple[str, str]]:
    """Tab from the top of the page to the first control of ``panel`` and on through all of its
    controls; returns (role, accessible name) of each, in the order Tab reaches them. The focus
    is then on the first control after the panel."""
    page.locator("body").focus()
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(_FOCUS_JS, panel)
        if info is None and seen:
            return seen
        if info is not None and info["role"] not in ("canvas", "div"):   # the figure's own parts
            seen.append((info["role"], info["name"]))
    where = page.evaluate("() => { const el = document.activeElement; return el ? el.outerHTML.slice(0, 300) "
                          "+ ' in ' + (el.parentElement ? el.parentElement.className : '') : null; }")
    pytest.fail(f"Tab did not leave {panel} within {limit} presses: {seen}; the focus is on {where}")


def _tab_to(page, panel: str, role: str, name: str, limit: int = 250) -> None:
    page.locator("body").focus()
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(_FOCUS_JS, panel)
        if info and info["role"] == role and info["name"] == name:
            return
    pytest.fail(f"Tab never reached the {role} {name!r} of {panel}")


def _named(role: str, name: str) -> dict:
    """get_by_role's arguments for a control: a button's name may start with its icon's glyph."""
    if role == "button":
        return {"name": re.compile(rf"(^|\W){re.escape(name)}$")}
    return {"name": name, "exact": True}


def _order_and_names(page, panel: str, controls: list, disabled: list = ()) -> None:
    """Tab reaches ``controls`` ((role, name) pairs) in this order, every control it reaches has a
    name, and the browser's own accessibility tree gives each of them (and the ``disabled``
    ones, which Tab may skip) exactly that name."""
    seen = _walk(page, panel)
    assert [item for item in seen if item in controls] == controls, seen
    assert all(name for _, name in seen), f"a control without a name: {seen}"
    box = page.locator(panel)
    for role, name in [*controls, *disabled]:
        _expect()(box.get_by_role(role, **_named(role, name))).to_have_count(1)


def test_the_week2_explorer_with_the_keyboard_alone(voila_url, voila_page, screenshot):  # noqa: F811
    expect, page = _expect(), voila_page
    _open(page, voila_url)
    box = page.locator(LOGISTIC)
    controls = [("slider", "learning rate"), ("slider", "iterations"), ("button", "Train"),
                ("button", "Clear"), ("button", "training set"), ("button", "test set"),
                ("checkbox", "only the mistakes"), ("slider", "picture")]
    _order_and_names(page, LOGISTIC, controls)

    live = box.locator("[role=status][aria-live=polite]")
    expect(live).to_have_count(1)
    _tab_to(page, LOGISTIC, "slider", "iterations")
    page.keyboard.press("Home")                      # 100 iterations: a new run trains
    expect(live).to_have_text(re.compile(r"Run 1 done after 100 iterations: cost [\d.]+, train accuracy "
                                         r"[\d.]+%, test accuracy [\d.]+%\."), timeout=TRAIN_TIMEOUT_MS)
    _tab_to(page, LOGISTIC, "slider", "learning rate")
    page.keyboard.press("ArrowRight")                # a larger rate: run 2
    expect(live).to_have_text(re.compile(r"^Run 2 done after 100 iterations"), timeout=TRAIN_TIMEOUT_MS)
    _tab_to(page, LOGISTIC, "button", "Train")
    page.keyboard.press("Enter")                     # the same settings again: run 3
    expect(live).to_have_text(re.compile(r"^Run 3 done after 100 iterations"), timeout=TRAIN_TIMEOUT_MS)
    words = box.locator(".layerlab-figure-text")
    expect(words).to_contain_text("Run 3, learning rate")
    expect(words).to_contain_text("Picture: test picture #0")

    _tab_to(page, LOGISTIC, "button", "training set")
    page.keyboard.press("Space")
    _tab_to(page, LOGISTIC, "slider", "picture")
    page.keyboard.press("ArrowRight")
    expect(words).to_contain_text("Picture: training picture #1: ")
    _tab_to(page, LOGISTIC, "checkbox", "only the mistakes")
    page.keyboard.press("Space")
    expect(box.get_by_role("checkbox", name="only the mistakes")).to_be_checked()
    expect(words).to_contain_text(re.compile(r"Picture: (training picture #\d+: .*\(wrong\)|no mistakes)"))
    screenshot(page, "keys-week2-explorer")


def test_the_week4_explorer_with_the_keyboard_alone(voila_url, voila_page, screenshot):  # noqa: F811
    expect, page = _expect(), voila_page
    _open(page, voila_url)
    box = page.locator(DEEP)
    controls = [("slider", "hidden layers"), ("slider", "units in layer 1"), ("slider", "units in layer 2"),
                ("slider", "units in layer 3"), ("slider", "learning rate"), ("slider", "iterations"),
                ("button", "Run"), ("button", "Reset")]
    _order_and_names(page, DEEP, controls, disabled=[("slider", "units in layer 4"), ("button", "Pause")])

    live = box.locator("[role=status][aria-live=polite]")
    _tab_to(page, DEEP, "slider", "hidden layers")
    page.keyboard.press("ArrowLeft")                 # two hidden layers
    expect(box.get_by_text(re.compile(r"layers: \d+ → 20 → 7 → 1$"))).to_be_visible()
    _tab_to(page, DEEP, "slider", "iterations")
    page.keyboard.press("Home")                      # 100 iterations
    expect(box.get_by_text(re.compile(r"iteration 0/100 ·"))).to_be_visible()
    _tab_to(page, DEEP, "button", "Run")
    page.keyboard.press("Space")
    expect(live).to_have_text(re.compile(r"^(Training\.|Training done\.) Layers \d+ → 20 → 7 → 1"))
    expect(live).to_have_text(re.compile(r"^Training done\. Layers \d+ → 20 → 7 → 1, learning rate 0\.0075: "
                                         r"iteration 100, cost [\d.]+, train accuracy [\d.]+%, test accuracy "
                                         r"[\d.]+%, \d+ test pictures mislabeled\.$"), timeout=TRAIN_TIMEOUT_MS)
    words = box.locator(".layerlab-figure-text")
    expect(words).to_contain_text(re.compile(r"Cost after 100 of 100 iterations: 0\.\d{4} at iteration 0, "
                                             r"lowest 0\.\d{4} at iteration \d+"))
    expect(words).to_contain_text(re.compile(r"\d+ of \d+ test pictures mislabeled"))
    screenshot(page, "keys-week4-explorer")
    _tab_to(page, DEEP, "button", "Reset")
    page.keyboard.press("Enter")
    expect(words).to_contain_text("Cost: no iteration yet (0 of 100).")
