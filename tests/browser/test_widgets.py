"""Does the week-3 playground train and redraw on screen, in JupyterLab and on the voila page?

JupyterLab: the released week-3 notebook, completed with the reference solutions (as a student
would complete it), is opened in the course's JupyterLab (``lab_server`` of conftest.py) and run
with *Run > Run All Cells*; then the learning rate and the number of hidden units are changed in
the playground's controls, Run is pressed, and screenshots of the figure's canvas taken before
and after must differ where the decision boundary and where the cost curve are drawn. Its
training cells that take long (tagged ``heavy``: the 10000-iteration runs and sweeps) are left
out of the copy to keep the test fast; the playground's cell is heavy too and is kept.

voila: the lecture demo ``demos/widgets.ipynb`` is served with voila (what ``make demo`` runs)
and the same interaction is repeated on that page.

On the voila page the playground is also driven with the keyboard alone (Tab to a slider, arrow
keys, Tab to Run, Space, Tab to Pause, Space, a dropdown with the arrow keys), and the network
drawing and the unit maps must change on screen while it trains. Every control must have a name
that assistive technology reads (its label), and every dropdown's options must fit in it.

Screenshots go to ``test-artifacts/browser/widgets-*.png``.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import nbformat
import numpy as np
import pytest

from layerlab.widgets.playground_figures import BOUNDARY_RECT, COST_RECT, DRAWING_RECT, TILES_RECT, UNIT_RECT

from .conftest import ARTIFACTS_DIR, REPO_ROOT, VIEWPORT, _free_port

pytestmark = pytest.mark.browser

ASSIGNMENT = "week3_planar_classification"
NOTEBOOK = "planar_classification.ipynb"
WIDGET_CELL = "code-widget"
DEMO = REPO_ROOT / "demos" / "widgets.ipynb"
PLAYGROUND = ".layerlab-playground"
KERNEL_TIMEOUT_MS = 180_000  # Run All on a loaded 2-core machine: imports, data, widget
TRAIN_SECONDS = 60           # at most this long for the playground to reach MIN_ITERATIONS
MIN_ITERATIONS = 200
VOILA_START_TIMEOUT = 120


def _expect():
    from playwright.sync_api import expect

    return expect


# ----------------------------------------------------------------------------- the notebook
@pytest.fixture
def completed_notebook():
    """The released week-3 notebook completed with the reference solutions, without its slow
    heavy cells, in a scratch folder of the repository (JupyterLab serves the repository);
    yields its path relative to the repository root and removes the folder afterwards."""
    sys.path.insert(0, str(REPO_ROOT / "tests"))
    try:
        from notebook_tools import completed
    finally:
        sys.path.pop(0)
    release = REPO_ROOT / "assignments" / ASSIGNMENT / NOTEBOOK
    source = REPO_ROOT / "source" / ASSIGNMENT / NOTEBOOK
    nb = completed(release, source)
    assert any(c.get("id") == WIDGET_CELL for c in nb.cells), "the release has no playground cell"
    nb.cells = [c for c in nb.cells if c.get("id") == WIDGET_CELL
                or "heavy" not in c.get("metadata", {}).get("tags", [])]
    folder = ARTIFACTS_DIR.parent / "widgets-lab"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / NOTEBOOK)
    try:
        yield (folder / NOTEBOOK).relative_to(REPO_ROOT).as_posix()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ----------------------------------------------------------------------------- voila
@pytest.fixture(scope="module")
def voila_url(tmp_path_factory):
    """``voila demos/widgets.ipynb`` as ``make demo`` starts it, on 127.0.0.1 at a free port; its
    runtime files in a temporary folder. Yields the page's URL; stops voila afterwards."""
    scratch = tmp_path_factory.mktemp("voila")
    port = _free_port()
    log = scratch / "voila.log"
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(scratch / "runtime"),
               JUPYTER_CONFIG_DIR=str(scratch / "config"), PYTHONUNBUFFERED="1")
    command = [sys.executable, "-m", "voila", str(DEMO.relative_to(REPO_ROOT)), "--Voila.ip=127.0.0.1",
               f"--port={port}", "--no-browser", "--Voila.port_retries=0"]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + VOILA_START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"voila exited with code {process.returncode}:\n{log.read_text()[-4000:]}")
            try:
                urllib.request.urlopen(url + "voila/static/", timeout=5)
                break
            except urllib.error.HTTPError:
                break  # it answers
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"voila did not answer within {VOILA_START_TIMEOUT} s:\n{log.read_text()[-4000:]}")
            time.sleep(0.3)
        yield url
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


@pytest.fixture
def voila_page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(60_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


# ----------------------------------------------------------------------------- helpers
def _canvas(page):
    """The playground's main figure on the page (ipympl's canvas element)."""
    return page.locator(f"{PLAYGROUND} .jupyter-matplotlib-canvas-div").first


def _units_canvas(page):
    """The playground's second figure: the network drawing and the unit maps."""
    return page.locator(f"{PLAYGROUND} .jupyter-matplotlib-canvas-div").nth(1)


def _status(page) -> str:
    return page.locator(f"{PLAYGROUND} .layerlab-status").inner_text()


def _set_readout(page, label: str, value: str) -> None:
    """Type ``value`` into the editable number of the slider called ``label`` (as a user can)."""
    slider = page.locator(f"{PLAYGROUND} .widget-slider").filter(has_text=label).first
    readout = slider.locator(".widget-readout")
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(value)
    page.keyboard.press("Enter")


def _pixels(png: bytes) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)


def _crop(image: np.ndarray, rect) -> np.ndarray:
    """The part of a figure screenshot inside an Axes at ``rect`` (figure fractions)."""
    height, width = image.shape[:2]
    left, bottom, w, h = rect
    return image[int((1 - bottom - h) * height) + 2:int((1 - bottom) * height) - 2,
                 int(left * width) + 2:int((left + w) * width) - 2]


def _wait_for_iterations(page, at_least: int, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while True:
        match = re.search(r"iteration ([\d,]+)", _status(page))
        count = int(match.group(1).replace(",", "")) if match else 0
        if count >= at_least or time.monotonic() > deadline:
            return count
        time.sleep(0.5)


def _settled_canvas(page, name: str, canvas=None) -> np.ndarray:
    """A screenshot of a figure (the main one by default) once it stopped changing (ipympl draws
    asynchronously)."""
    canvas = canvas or _canvas(page)
    previous = None
    for _ in range(20):
        time.sleep(0.5)
        png = canvas.screenshot()
        if previous == png:
            break
        previous = png
    (ARTIFACTS_DIR / f"{name}.png").write_bytes(png)
    return _pixels(png)


def _play(page, screenshot, prefix: str) -> None:
    """Change the learning rate and the hidden units, Run, Pause; assert the boundary and the cost
    curve changed on screen."""
    expect = _expect()
    canvas = _canvas(page)
    canvas.scroll_into_view_if_needed()
    expect(page.locator(PLAYGROUND).get_by_text(re.compile(r"iteration 0 · train accuracy"))).to_be_visible()
    before = _settled_canvas(page, f"{prefix}-1-canvas-before")
    assert before.std() > 10, "the playground's figure looks blank"

    _set_readout(page, "learning rate", "0.5")
    _set_readout(page, "hidden units", "10")
    expect(page.locator(PLAYGROUND).get_by_text(re.compile(r"10 tanh units · learning rate 0\.5"))).to_be_visible()
    screenshot(page, f"{prefix}-2-settings")

    page.locator(f"{PLAYGROUND} button").filter(has_text="Run").click()
    reached = _wait_for_iterations(page, MIN_ITERATIONS, TRAIN_SECONDS)
    assert reached >= MIN_ITERATIONS, f"only {reached} iterations in {TRAIN_SECONDS} s: {_status(page)}"
    page.locator(f"{PLAYGROUND} button").filter(has_text="Pause").click()
    expect(page.locator(f"{PLAYGROUND} button").filter(has_text="Run")).to_be_enabled()
    assert "Traceback" not in page.locator(PLAYGROUND).inner_text()
    after = _settled_canvas(page, f"{prefix}-3-canvas-after")
    screenshot(page, f"{prefix}-3-trained")

    boundary_change = np.abs(_crop(after, BOUNDARY_RECT) - _crop(before, BOUNDARY_RECT)).mean()
    assert boundary_change > 5, f"the decision boundary did not change on screen ({boundary_change:.2f})"
    trained_map = _crop(after, BOUNDARY_RECT)
    red = (trained_map[..., 0] > trained_map[..., 2] + 40).mean()
    blue = (trained_map[..., 2] > trained_map[..., 0] + 40).mean()
    assert red > 0.1 and blue > 0.1, f"the trained map should show both classes (red {red:.2f}, blue {blue:.2f})"
    curve = np.array([0x21, 0x66, 0xAC], dtype=float)   # the cost line's colour
    line_before = (np.abs(_crop(before, COST_RECT) - curve).sum(axis=-1) < 60).sum()
    line_after = (np.abs(_crop(after, COST_RECT) - curve).sum(axis=-1) < 60).sum()
    assert line_after > line_before + 100, f"no cost curve drawn ({line_before} -> {line_after} pixels)"


def _keys_in_lab(page, screenshot) -> None:
    """In JupyterLab too, the keys reach the playground (not the notebook's shortcuts): arrows move
    a slider, Tab reaches Run and Pause, Space presses them."""
    expect, box = _expect(), page.locator(PLAYGROUND)
    box.locator(".widget-slider").filter(has_text="hidden units").locator(".noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    expect(box.get_by_text(re.compile(r"11 tanh units · learning rate"))).to_be_visible()
    _tab_to(page, lambda info: info["tag"] == "BUTTON" and info["text"] == "Run", limit=40)
    page.keyboard.press("Space")
    reached = _wait_for_iterations(page, 60, TRAIN_SECONDS)
    assert reached >= 60, f"Space on Run did not train in JupyterLab: {_status(page)}"
    _tab_to(page, lambda info: info["tag"] == "BUTTON" and info["text"] == "Pause", limit=150)
    page.keyboard.press("Space")
    expect(box.get_by_role("button", name=re.compile(r"(^|\W)Run$"))).to_be_enabled()
    screenshot(page, "widgets-lab-4-keys")


# ----------------------------------------------------------------------------- the tests
def test_playground_trains_on_screen_in_jupyterlab(completed_notebook, lab_server, lab_page, screenshot):
    """A student's completed week-3 notebook: Run All, then play with the playground."""
    expect, page = _expect(), lab_page
    try:
        page.goto(lab_server.url(f"/lab/tree/{completed_notebook}"))
        panel = page.locator(".jp-NotebookPanel").first
        expect(panel.locator(".jp-Notebook .jp-Cell").first).to_be_visible()
        expect(page.locator(".jp-StatusBar-TextItem").filter(has_text=re.compile(r"\|\s*Idle$"))
               ).to_be_visible(timeout=KERNEL_TIMEOUT_MS)
        # room for the controls and the figure side by side: fold the file browser away
        page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current").click()
        page.locator("#jp-top-panel .lm-MenuBar-item").filter(has_text=re.compile(r"^\s*Run\s*$")).click()
        page.locator("#jp-mainmenu-run li.lm-Menu-item").filter(
            has_text=re.compile(r"^Run All Cells")).click()
        expect(_canvas(page)).to_be_visible(timeout=KERNEL_TIMEOUT_MS)
        expect(page.locator(".jp-StatusBar-TextItem").filter(has_text=re.compile(r"\|\s*Idle$"))
               ).to_be_visible(timeout=KERNEL_TIMEOUT_MS)
        errors = page.locator(".jp-OutputArea-output").filter(has_text="Traceback")
        expect(errors).to_have_count(0)
        screenshot(page, "widgets-lab-0-run-all")
        _play(page, screenshot, "widgets-lab")
        _keys_in_lab(page, screenshot)
    finally:
        lab_server.shut_down_kernels(completed_notebook)


def test_playground_trains_on_screen_in_voila(voila_url, voila_page, screenshot):
    """The lecture demo page served by voila (``make demo``), without errors in the browser's
    console (voila.json keeps JupyterLab-only extensions, such as nbgrader's, off the page).
    Resources the page cannot fetch from the internet (the icon font's CDN copy) do not count."""
    expect, page = _expect(), voila_page
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(voila_url)
    expect(_canvas(page)).to_be_visible(timeout=KERNEL_TIMEOUT_MS)
    # the whole page has run once the last widget is there (the kernel is then free to train)
    expect(page.locator(".layerlab-deep-network .jupyter-matplotlib-canvas-div")).to_be_visible(
        timeout=KERNEL_TIMEOUT_MS)
    assert "Traceback" not in page.locator("body").inner_text()
    assert [e for e in errors if not e.startswith("Failed to load resource")] == [], errors
    screenshot(page, "widgets-voila-0-page")
    _play(page, screenshot, "widgets-voila")


# ----------------------------------------------------------------------------- keyboard and units
_ACTIVE_JS = """() => {
    const el = document.activeElement;
    if (!el || !el.closest('.layerlab-playground')) return null;
    const widget = el.closest('.widget-inline-hbox, .widget-button, .jupyter-button') || el;
    const label = widget.querySelector ? widget.querySelector('.widget-label') : null;
    return {tag: el.tagName, text: (el.innerText || '').trim(), label: label ? label.innerText.trim() : '',
            slider: el.classList.contains('noUi-handle'), disabled: !!el.disabled};
}"""


def _tab_to(page, wanted, limit: int = 120) -> dict:
    """Press Tab until the focused element of the playground satisfies ``wanted(info)``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(_ACTIVE_JS)
        if info and wanted(info):
            return info
    pytest.fail(f"Tab never reached the wanted control (last focus: {page.evaluate(_ACTIVE_JS)})")


def _names_and_fit(page) -> None:
    """Every control of the playground has an accessible name, and every option fits its dropdown."""
    expect, box = _expect(), page.locator(PLAYGROUND)
    for name in ("data set", "hidden activation", "start", "unit shown", "lesson"):
        expect(box.get_by_role("combobox", name=name, exact=True)).to_have_count(1)
    expect(box.get_by_role("spinbutton", name="seed", exact=True)).to_have_count(1)
    expect(box.get_by_role("textbox", name="setting", exact=True)).to_have_count(1)
    expect(box.get_by_role("checkbox", name="show the test points")).to_have_count(1)
    for name in ("Run", "Pause", "Step", "Reset", "Share", "Load"):  # (after the icon's glyph)
        expect(box.get_by_role("button", name=re.compile(rf"(^|\W){name}$"))).to_have_count(1)
    labels = box.locator(".widget-slider .widget-label").all_inner_texts()
    assert sorted(labels) == ["hidden units", "learning rate", "noise", "steps per frame"], labels
    cut = page.evaluate("""() => {
        const canvas = document.createElement('canvas').getContext('2d');
        const cut = [];
        for (const select of document.querySelectorAll('.layerlab-playground select')) {
            const style = getComputedStyle(select);
            canvas.font = style.font;
            const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            for (const option of select.options) {
                if (canvas.measureText(option.text).width > room) cut.push(option.text);
            }
        }
        return cut;
    }""")
    assert cut == [], f"dropdown options cut off: {cut}"


def test_playground_units_and_keyboard_in_voila(voila_url, voila_page, screenshot):
    """Keyboard only: a slider, Run, Pause and the unit dropdown; the unit views change on screen."""
    expect, page = _expect(), voila_page
    page.goto(voila_url)
    expect(page.locator(".layerlab-deep-network .jupyter-matplotlib-canvas-div")).to_be_visible(
        timeout=KERNEL_TIMEOUT_MS)
    box = page.locator(PLAYGROUND)
    expect(box.get_by_text(re.compile(r"iteration 0 · train accuracy"))).to_be_visible()
    _names_and_fit(page)
    units = _units_canvas(page)
    units.scroll_into_view_if_needed()
    before = _settled_canvas(page, "widgets-keys-1-units-before", units)
    assert _crop(before, DRAWING_RECT).std() > 5 and _crop(before, TILES_RECT).std() > 5, \
        "the network drawing or the unit maps look blank"

    page.locator("body").focus()
    _tab_to(page, lambda info: info["slider"] and info["label"] == "hidden units")
    page.keyboard.press("ArrowRight")
    expect(box.get_by_text(re.compile(r"5 tanh units · learning rate"))).to_be_visible()
    _tab_to(page, lambda info: info["tag"] == "BUTTON" and info["text"] == "Run")
    page.keyboard.press("Space")
    reached = _wait_for_iterations(page, 100, TRAIN_SECONDS)
    assert reached >= 100, f"Space on Run did not train: {_status(page)}"
    during = _pixels(units.screenshot())
    screenshot(page, "widgets-keys-2-training")
    time.sleep(2.0)
    later = _pixels(units.screenshot())
    (ARTIFACTS_DIR / "widgets-keys-3-units-training.png").write_bytes(units.screenshot())
    assert "running" in _status(page), f"it stopped training: {_status(page)}"
    moved = np.abs(_crop(later, TILES_RECT) - _crop(during, TILES_RECT)).mean() + \
        np.abs(_crop(later, DRAWING_RECT) - _crop(during, DRAWING_RECT)).mean()
    assert moved > 0.05, f"the unit views did not change while training ({moved:.3f})"
    _tab_to(page, lambda info: info["tag"] == "BUTTON" and info["text"] == "Pause")
    page.keyboard.press("Space")
    expect(box.get_by_role("button", name=re.compile(r"(^|\W)Run$"))).to_be_enabled()
    after = _settled_canvas(page, "widgets-keys-4-units-after", units)
    assert np.abs(_crop(after, TILES_RECT) - _crop(before, TILES_RECT)).mean() > 2, \
        "training did not change the unit maps on screen"
    main_before = _settled_canvas(page, "widgets-keys-5-main-unit-1")
    _tab_to(page, lambda info: info["tag"] == "SELECT" and info["label"] == "unit shown")
    page.keyboard.press("ArrowDown")
    expect(box.get_by_text("hidden unit 2 of 5")).to_be_visible()
    main_after = _settled_canvas(page, "widgets-keys-6-main-unit-2")
    units_after = _settled_canvas(page, "widgets-keys-6-units-unit-2", units)
    screenshot(page, "widgets-keys-6-unit-2")
    assert np.abs(_crop(main_after, UNIT_RECT) - _crop(main_before, UNIT_RECT)).mean() > 2, \
        "the large unit map did not change to unit 2"
    assert np.abs(_crop(main_after, BOUNDARY_RECT) - _crop(main_before, BOUNDARY_RECT)).mean() < 0.5
    assert np.abs(_crop(units_after, TILES_RECT) - _crop(after, TILES_RECT)).mean() > 0.05, \
        "the frame around the chosen unit's map did not move"
    x, y = _tile_centre(5, unit=3)                       # pointing at unit 4's map shows it large
    area = units.bounding_box()
    page.mouse.move(area["x"] + x * area["width"], area["y"] + y * area["height"])
    expect(box.get_by_text("hidden unit 4 of 5")).to_be_visible()


def _tile_centre(hidden_units: int, unit: int) -> tuple[float, float]:
    """Where the centre of ``unit``'s map (0-based) is in the units figure, as fractions of its
    width and height from the top left (laid out as the playground lays it out)."""
    from layerlab.widgets import Playground
    from layerlab.widgets.unit_views import TILE_RESOLUTION

    def unfinished(*args, **kwargs):
        raise NotImplementedError

    names = ("initialize_parameters", "forward_propagation", "compute_cost", "backward_propagation",
             "update_parameters")
    playground = Playground(**dict.fromkeys(names, unfinished), hidden_units=hidden_units, headless=True)
    figure, maps = playground.figures.units, playground.figures.maps
    figure.canvas.draw()
    row, column = divmod(unit, maps.columns)
    step = TILE_RESOLUTION + 1
    x, y = maps.ax_grid.transData.transform((column * step + TILE_RESOLUTION / 2, row * step + TILE_RESOLUTION / 2))
    width, height = figure.canvas.get_width_height()
    return x / width, 1 - y / height
