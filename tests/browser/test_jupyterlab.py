"""A new user's first minute with the course in JupyterLab, in a real headless Chromium.

``make lab`` opens JupyterLab on ``assignments/`` with nbgrader's lab extensions: the Nbgrader
menu and palette commands (Assignment List, Course List, Formgrader, Create assignment), the
Formgrader's Manage Assignments page for this course, the student's Assignment List, and the
Validate button in a notebook's toolbar. Screenshots of each state go to test-artifacts/browser/.
The fixtures (server, browser, page) are in conftest.py.
"""
from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

import nbformat
import pytest
from traitlets.config.loader import PyFileConfigLoader

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENTS = REPO_ROOT / "assignments"
NBGRADER_MENU_COMMANDS = {
    "nbgrader:open-assignment-list": "Assignment List",
    "nbgrader:open-course-list": "Course List",
    "nbgrader:open-formgrader": "Formgrader",
    "nbgrader:open-create-assignment": "Create assignment",
}
NBGRADER_LABEXTENSION = "@jupyter/nbgrader"
FORMGRADER_LOAD_TIMEOUT = 90  # seconds: the first visit creates gradebook.db (runs alembic)


def _expect():
    from playwright.sync_api import expect

    return expect


def _course_config():
    """The course's nbgrader_config.py, loaded as nbgrader loads it."""
    return PyFileConfigLoader("nbgrader_config.py", path=str(REPO_ROOT)).load_config()


def _visible_entries(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if not p.name.startswith("."))


def _is_graded(cell) -> bool:
    nbgrader = cell.metadata.get("nbgrader", {})
    return bool(nbgrader.get("grade") or nbgrader.get("task"))


def _first_assignment_notebook() -> Path | None:
    """The first notebook under assignments/ with graded cells, else the first one at all."""
    if not ASSIGNMENTS.is_dir():
        return None
    notebooks = sorted(
        path for path in ASSIGNMENTS.rglob("*.ipynb")
        if not any(part.startswith(".") for part in path.relative_to(ASSIGNMENTS).parts)
    )
    for path in notebooks:
        if any(_is_graded(cell) for cell in nbformat.read(path, as_version=4).cells):
            return path
    return notebooks[0] if notebooks else None


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _open_nbgrader_menu(page):
    page.locator("#jp-top-panel .lm-MenuBar-item").filter(
        has_text=re.compile(r"^\s*Nbgrader\s*$")
    ).click()
    menu = page.locator("#jp-mainmenu-nbgrader")
    _expect()(menu).to_be_visible()
    return menu


def _run_from_menu(page, command: str):
    menu = _open_nbgrader_menu(page)
    item = menu.locator(f"li.lm-Menu-item[data-command='{command}']")
    _expect()(item).not_to_have_class(re.compile(r"lm-mod-disabled"))
    item.click()
    _expect()(menu).to_be_hidden()


def _open_palette(page, query: str):
    page.keyboard.press("Control+Shift+C")
    palette = page.locator("#modal-command-palette")
    _expect()(palette).to_be_visible()
    palette.locator(".lm-CommandPalette-input").fill(query)
    return palette


def _run_from_palette(page, command: str):
    palette = _open_palette(page, "nbgrader")
    palette.locator(f"li.lm-CommandPalette-item[data-command='{command}']").click()
    _expect()(palette).to_be_hidden()


def _current_tab(page, label: str):
    tab = page.locator("#jp-main-dock-panel .lm-TabBar-tab.jp-mod-current")
    _expect()(tab.locator(".lm-TabBar-tabLabel")).to_have_text(label)
    return tab


def _fail(message: str, page, lab_server):
    errors = "\n".join(page.server_errors) or "none"
    pytest.fail(
        f"{message}\nHTTP 5xx seen by the page: {errors}\n--- server log (end) ---\n"
        f"{lab_server.log()}",
        pytrace=False,
    )


def test_lab_opens_on_assignments_with_nbgrader_extensions(lab_page, lab_server, screenshot):
    """The default URL shows assignments/ in the file browser, nbgrader's lab extension is
    installed and enabled, and its entries are in the Nbgrader menu and the command palette."""
    expect, page = _expect(), lab_page
    assert ASSIGNMENTS.is_dir(), (
        "assignments/ is missing: `make lab` opens /lab/tree/assignments, the student release "
        "that `nbgrader generate_assignment` writes there"
    )

    # `/` redirected to the default URL of `make lab`, and the file browser is on assignments/.
    expect(page).to_have_url(re.compile(r"/lab/tree/assignments(\?|$)"))
    expect(page.locator(".jp-FileBrowser .jp-BreadCrumbs")).to_contain_text("assignments")
    listing = page.locator(".jp-FileBrowser .jp-DirListing-content")
    expect(listing).to_be_visible()
    for name in _visible_entries(ASSIGNMENTS):
        expect(listing.get_by_text(name, exact=True)).to_be_visible()
    screenshot(page, "01-lab-assignments")
    # Every name is shown whole, not cut with an ellipsis (two folders both began "week4_deep_n"):
    # the course's lab-settings/overrides.json leaves the name column the whole sidebar width.
    cut = page.evaluate("""() => [...document.querySelectorAll('.jp-DirListing-itemText')]
        .filter(e => e.scrollWidth > e.clientWidth).map(e => e.textContent)""")
    assert not cut, f"the file browser cuts these names: {cut}"

    # The server's JSON listing of lab extensions has nbgrader's, enabled and OK ...
    listed = lab_server.api("/lab/api/extensions")
    listed = listed.get("extensions", listed) if isinstance(listed, dict) else listed
    nbgrader = [e for e in listed if e.get("name") in (NBGRADER_LABEXTENSION, "jupyter-nbgrader")]
    assert nbgrader, f"{NBGRADER_LABEXTENSION} not in /lab/api/extensions: {[e.get('name') for e in listed]}"
    assert nbgrader[0]["installed"] and nbgrader[0]["enabled"], nbgrader[0]
    assert nbgrader[0]["status"] == "ok", nbgrader[0]
    # ... and the page loaded it (JupyterLab's page config lists the federated extensions).
    config = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent)")
    assert NBGRADER_LABEXTENSION in [e["name"] for e in config["federated_extensions"]]
    assert NBGRADER_LABEXTENSION not in config.get("disabledExtensions", [])

    # The Nbgrader main menu has nbgrader's entries (Create assignment needs an open notebook).
    menu = _open_nbgrader_menu(page)
    for command, label in NBGRADER_MENU_COMMANDS.items():
        item = menu.locator(f"li.lm-Menu-item[data-command='{command}']")
        expect(item).to_be_visible()
        expect(item.locator(".lm-Menu-itemLabel")).to_have_text(label)
    screenshot(page, "02-nbgrader-menu")
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()

    # So has the command palette (Ctrl+Shift+C), in the category "nbgrader". The modal palette
    # hides category headers and commands that are disabled (Create assignment, for now).
    palette = _open_palette(page, "nbgrader")
    expect(palette.locator(".lm-CommandPalette-header").filter(has_text="nbgrader")).to_have_count(1)
    for command, label in NBGRADER_MENU_COMMANDS.items():
        item = palette.locator(f"li.lm-CommandPalette-item[data-command='{command}']")
        expect(item.locator(".lm-CommandPalette-itemLabel")).to_have_text(label)
        if command != "nbgrader:open-create-assignment":
            expect(item).to_be_visible()
    screenshot(page, "03-command-palette")
    page.keyboard.press("Escape")
    expect(palette).to_be_hidden()

    # The right sidebar has nbgrader's Create Assignment panel.
    expect(
        page.locator(".jp-SideBar.jp-mod-right .lm-TabBar-tab").filter(has_text="Create Assignment")
    ).to_be_visible()
    assert not page.server_errors, page.server_errors


def test_formgrader_shows_the_course_manage_assignments_page(lab_page, lab_server, screenshot):
    """Nbgrader > Formgrader opens Manage Assignments for this course (from nbgrader_config.py
    of the root dir), with its assignments table loaded and no exchange or course-id warning."""
    expect, page = _expect(), lab_page
    course = _course_config().CourseDirectory

    _run_from_menu(page, "nbgrader:open-formgrader")
    _current_tab(page, "Formgrader")
    iframe = page.locator("#formgrader iframe")
    expect(iframe).to_be_visible()
    formgrader = page.frame_locator("#formgrader iframe")
    expect(formgrader.locator("h1").filter(has_text="Manage Assignments")).to_be_visible()
    expect(formgrader.locator(".nav").get_by_text("Manage Assignments")).to_be_visible()

    # Wait for the table's own "loaded" flag (set once /formgrader/api/assignments answered).
    frame = iframe.element_handle().content_frame()
    deadline = time.monotonic() + FORMGRADER_LOAD_TIMEOUT
    while True:
        try:
            if frame.evaluate("() => !!(window.models && window.models.loaded === true)"):
                break
        except Exception:  # noqa: BLE001 (the frame may still be navigating)
            pass
        if page.server_errors:
            _fail("The Formgrader's requests failed.", page, lab_server)
        if time.monotonic() > deadline:
            _fail(f"The Formgrader's assignment table did not load in {FORMGRADER_LOAD_TIMEOUT} s.",
                  page, lab_server)
        time.sleep(0.25)
    table = formgrader.locator("#main-table")
    expect(table).not_to_contain_text("Loading, please wait")
    for assignment in lab_server.api("/formgrader/api/assignments"):
        expect(table).to_contain_text(assignment["name"])

    # It runs on this course's configuration: course id, root and an existing exchange.
    expect(formgrader.locator("#warning-course-id")).to_have_count(0)
    expect(formgrader.locator("#warning-exchange")).to_have_count(0)
    shown_config = formgrader.locator("#collapseConfig pre").text_content()
    assert f"'course_id': '{course.course_id}'" in shown_config, shown_config
    assert f"'root': '{REPO_ROOT}'" in shown_config, shown_config
    screenshot(page, "04-formgrader-manage-assignments")
    assert not page.server_errors, page.server_errors


def test_assignment_list_and_course_list_render(lab_page, lab_server, screenshot):
    """The student's Assignment List shows its released/downloaded/submitted sections without
    an error, and the Course List shows this course's local formgrader."""
    expect, page = _expect(), lab_page
    course_id = _course_config().CourseDirectory.course_id

    _run_from_palette(page, "nbgrader:open-assignment-list")
    _current_tab(page, "Assignments")
    widget = page.locator("#nbgrader-assignment-list")
    expect(widget).to_be_visible()
    courses = widget.locator("#course_list_default")
    expect(courses).not_to_have_text(re.compile(r"Loading, please wait"))
    expect(courses).not_to_have_text(re.compile(r"Error", re.IGNORECASE))
    for key, heading in (
        ("released", "Released assignments"),
        ("fetched", "Downloaded assignments"),
        ("submitted", "Submitted assignments"),
    ):
        panel = widget.locator(".panel").filter(has=page.locator(f"#{key}_assignments_list"))
        expect(panel.locator(".panel-heading")).to_have_text(heading)
        expect(panel.locator(f"#{key}_assignments_list_loading")).to_be_hidden()
        expect(panel.locator(f"#{key}_assignments_list_error")).to_be_hidden()
        # Either the "There are no ..." placeholder or a list of assignments.
        placeholder = panel.locator(f"#{key}_assignments_list_placeholder")
        expect(placeholder.or_(panel.locator(".list_item").first)).to_be_visible()
    expect(widget.locator(".version_error")).to_be_hidden()
    screenshot(page, "05-assignment-list")

    _run_from_menu(page, "nbgrader:open-course-list")
    _current_tab(page, "Courses")
    widget = page.locator("#nbgrader-course-list")
    expect(widget.locator(".panel-heading")).to_contain_text("Available formgraders")
    expect(widget.locator("#formgrader_list_loading")).to_be_hidden()
    expect(widget.locator("#formgrader_list_error")).to_be_hidden()
    item = widget.locator("#formgrader_list .list_item").filter(has_text=course_id)
    expect(item.locator(".item_name")).to_have_text(course_id)
    expect(item.locator(".item_course")).to_have_text("local")
    screenshot(page, "06-course-list")
    assert not page.server_errors, page.server_errors


def test_assignment_notebook_has_validate_button(lab_page, lab_server, screenshot):
    """A notebook opened from assignments/ has nbgrader's Validate button in its toolbar and its
    cells in the Create Assignment panel; it is closed without saving and left untouched."""
    expect, page = _expect(), lab_page
    notebook_path = _first_assignment_notebook()
    if notebook_path is None:
        pytest.skip("no notebook under assignments/ yet (run `nbgrader generate_assignment`)")
    relative = notebook_path.relative_to(ASSIGNMENTS)
    server_path = notebook_path.relative_to(REPO_ROOT).as_posix()
    notebook = nbformat.read(notebook_path, as_version=4)
    digest, mtime = _digest(notebook_path), notebook_path.stat().st_mtime_ns
    checkpoints = notebook_path.parent / ".ipynb_checkpoints"
    checkpoints_existed = checkpoints.exists()

    # The fixture turned autosave off, so nothing the page does can be written back.
    docmanager = lab_server.api("/lab/api/settings/@jupyterlab/docmanager-extension:plugin")
    assert docmanager["settings"].get("autosave") is False, docmanager["settings"]

    try:
        # Open it as a user does: double-click through the file browser.
        listing = page.locator(".jp-FileBrowser .jp-DirListing-content")
        crumbs = page.locator(".jp-FileBrowser .jp-BreadCrumbs")
        for folder in relative.parts[:-1]:
            listing.get_by_text(folder, exact=True).dblclick()
            expect(crumbs).to_contain_text(folder)
        listing.get_by_text(relative.name, exact=True).dblclick()

        tab = _current_tab(page, relative.name)
        tab_id = tab.get_attribute("data-id")
        panel = page.locator(f".jp-NotebookPanel[id='{tab_id}']")
        expect(panel.locator(".jp-Notebook .jp-Cell").first).to_be_visible()
        validate = panel.locator(".jp-NotebookPanel-toolbar .validate-button")
        expect(validate).to_be_visible()
        expect(validate).to_have_text("Validate")
        expect(validate).to_have_attribute("title", "Validate Assignment")
        expect(validate).to_have_attribute("aria-disabled", "false")
        # The kernel the student will run the notebook with has started.
        expect(page.locator(".jp-StatusBar-TextItem").filter(has_text=re.compile(r"\|\s*Idle$"))
               ).to_be_visible(timeout=90_000)
        screenshot(page, "07-notebook-validate-button")
        # It opened clean: the kernel's language_info (written into the notebook when the kernel
        # connects) equals what the server handed over (layerlab.contents), so no "modified" mark.
        # The kernel's reply arrives with the Idle status; wait a little longer to be sure.
        page.wait_for_timeout(3000)
        assert "jp-mod-dirty" not in (tab.get_attribute("class") or ""), (
            f"{relative.name} is marked modified right after opening")

        # With a notebook open, Nbgrader > Create assignment shows nbgrader's cell metadata.
        _run_from_menu(page, "nbgrader:open-create-assignment")
        create = page.locator(".nbgrader-CreateAssignmentWidget")
        expect(create).to_be_visible()
        expect(create.locator(".nbgrader-NotebookPoints")).to_contain_text("Total points:")
        expect(create.locator(".nbgrader-CellWidget")).to_have_count(len(notebook.cells))
        total = sum(cell.metadata["nbgrader"].get("points") or 0
                    for cell in notebook.cells if _is_graded(cell))
        expect(create.locator("input.nbgrader-TotalPointsInput")).to_have_value(f"{total:g}")
        screenshot(page, "08-create-assignment-panel")

        # Close without saving (discard, if JupyterLab marked it modified).
        tab.locator(".lm-TabBar-tabCloseIcon").click()
        page.wait_for_function(
            "id => document.querySelector('.jp-Dialog') !== null"
            " || document.querySelector(`li.lm-TabBar-tab[data-id='${id}']`) === null",
            arg=tab_id,
        )
        dialog = page.locator(".jp-Dialog")
        if dialog.count():
            dialog.get_by_role("button", name="Discard").click()
        expect(page.locator(f"li.lm-TabBar-tab[data-id='{tab_id}']")).to_have_count(0)
        assert not page.server_errors, page.server_errors
    finally:
        lab_server.shut_down_kernels(server_path)

    assert _digest(notebook_path) == digest, f"{server_path} was modified"
    assert notebook_path.stat().st_mtime_ns == mtime, f"{server_path} was rewritten"
    assert checkpoints.exists() == checkpoints_existed, f"{checkpoints} was created"
