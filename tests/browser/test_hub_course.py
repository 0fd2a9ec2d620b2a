"""One whole course cycle on a real JupyterHub, in a real headless Chromium, and the isolation
between the course's users.

The hub is what ``make hub`` runs (hub_course.py), with two students. The instructor releases
week2_numpy_basics from the Formgrader; each student logs in, fetches it from the Assignment List,
completes it (student1 with the reference solutions, student2 with a typical mistake: the row
norms without ``keepdims``), runs the public checks, validates and submits, all by clicks; the
notebook's contents go in through the Jupyter contents API. The instructor collects from the
Formgrader, grades with the sandboxed grader in the course directory (through a kernel: the same
command as in a terminal) and releases the feedback from the Formgrader; each student fetches it
and sees their own score and diagnosis and nobody else's. Screenshots: test-artifacts/browser/hub-*.

The isolation tests run code in a student's kernel (as that system user) and check that the
instructor's course directory, the gradebook, other students' submissions and feedback, and
submitting under another name are all out of reach, next to controls that must succeed.
"""
from __future__ import annotations

import json
import re

import nbformat
import pytest

from browser import hub_course
from notebook_tools import completed

pytestmark = [pytest.mark.browser, pytest.mark.hub]

ASSIGNMENT, NOTEBOOK = "week2_numpy_basics", "numpy_basics.ipynb"
STUDENT_RIGHT, STUDENT_WRONG = hub_course.STUDENTS
LOGIN_TIMEOUT_MS = 180_000  # a first spawn on a busy 2-core machine
DIALOG_TIMEOUT_MS = 120_000  # Validate runs the whole notebook on the server


@pytest.fixture(scope="module")
def course_hub():
    reason = hub_course.missing_requirement()
    if reason:
        pytest.skip(reason)
    yield from hub_course.start_course_hub()


def _expect():
    from playwright.sync_api import expect

    return expect


def _notebook_for(student: str) -> dict:
    course = hub_course.REPO_ROOT
    nb = completed(course / "assignments" / ASSIGNMENT / NOTEBOOK,
                   course / "source" / ASSIGNMENT / NOTEBOOK)
    if student == STUDENT_WRONG:
        for cell in nb.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") == "normalize_rows":
                assert "keepdims=True" in cell.source
                cell.source = cell.source.replace(", keepdims=True", "")
    return json.loads(nbformat.writes(nb))


OPEN_PAGES = {}  # user -> page, for screenshots when a test fails


@pytest.fixture
def failure_screenshots(request, screenshot):
    """On a failure, a screenshot of every page still open: FAILED-hub-<user>.png."""
    OPEN_PAGES.clear()
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        for user, page in OPEN_PAGES.items():
            try:
                screenshot(page, f"FAILED-hub-{user}")
            except Exception:  # noqa: BLE001 (best effort: never hide the real failure)
                pass


def _log_in(browser, course_hub, user: str):
    from browser.conftest import DEFAULT_TIMEOUT_MS, VIEWPORT

    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = OPEN_PAGES[user] = context.new_page()
    page.goto(f"{course_hub.url}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", course_hub.password)
    page.click("#login_submit")
    page.wait_for_url(re.compile(rf"/user/{user}/lab"), timeout=LOGIN_TIMEOUT_MS)
    _expect()(page.locator("#jp-main-dock-panel")).to_be_visible(timeout=LOGIN_TIMEOUT_MS)
    return page


def _formgrader_row(page, course_hub):
    page.goto(f"{course_hub.url}/user/{hub_course.INSTRUCTOR}/formgrader/manage_assignments")
    row = page.locator("#main-table tr").filter(has_text=ASSIGNMENT)
    _expect()(row).to_be_visible()
    return row


def _formgrader_action(page, course_hub, action: str, success: str, shot: str, screenshot):
    row = _formgrader_row(page, course_hub)
    row.locator(f"td.{action} a").click()
    modal = page.locator("#success-modal")
    _expect()(modal).to_contain_text(success, timeout=DIALOG_TIMEOUT_MS)
    screenshot(page, shot)
    modal.locator("button").first.click()


def _assignment_list(page):
    page.locator("#jp-top-panel .lm-MenuBar-item").filter(
        has_text=re.compile(r"^\s*Nbgrader\s*$")).click()
    page.locator("#jp-mainmenu-nbgrader li[data-command='nbgrader:open-assignment-list']").click()
    widget = page.locator("#nbgrader-assignment-list")
    _expect()(widget).to_be_visible()
    return widget


def _student_works(browser, course_hub, student: str, screenshot):
    """Log in, fetch, complete, run the checks, validate, submit; return the open page."""
    expect, page = _expect(), _log_in(browser, course_hub, student)
    widget = _assignment_list(page)
    released = widget.locator("#released_assignments_list .list_item").filter(has_text=ASSIGNMENT)
    released.get_by_role("button", name="Fetch").click()
    fetched = widget.locator("#fetched_assignments_list .list_item").filter(has_text=ASSIGNMENT)
    expect(fetched.first).to_be_visible()
    screenshot(page, f"hub-20-{student}-fetched")

    # The student's work goes in through the contents API, and runs in the student's own
    # environment as the student (Restart and Run All, saved): then the page shows its checks.
    server = course_hub.hub.user(student)
    server.write_notebook(f"{ASSIGNMENT}/{NOTEBOOK}", _notebook_for(student))
    ran = server.run(f"!cd ~/{ASSIGNMENT} && jupyter nbconvert --to notebook --execute --inplace "
                     f"--allow-errors {NOTEBOOK} 2>&1", timeout=DIALOG_TIMEOUT_MS / 1000)
    assert ran["error"] is None and "Writing" in ran["stdout"], ran
    page.goto(f"{course_hub.url}/user/{student}/lab/tree/{ASSIGNMENT}/{NOTEBOOK}")
    panel = page.locator(".jp-NotebookPanel").filter(has_text="NumPy basics")
    expect(panel).to_be_visible(timeout=LOGIN_TIMEOUT_MS)
    outputs = panel.locator(".jp-OutputArea-output")
    verdict = "✗ normalize_rows failed" if student == STUDENT_WRONG else "✓ normalize_rows passed all"
    expect(outputs.filter(has_text=verdict)).to_have_count(1)
    if student == STUDENT_RIGHT:
        expect(outputs.filter(has_text="✗")).to_have_count(0)
    outputs.filter(has_text=verdict).scroll_into_view_if_needed()
    screenshot(page, f"hub-21-{student}-public-checks")

    panel.locator(".jp-Toolbar").get_by_role("button", name="Validate").click()
    dialog = page.locator(".jp-Dialog")
    expect(dialog).to_contain_text("Validation Results", timeout=DIALOG_TIMEOUT_MS)
    if student == STUDENT_WRONG:
        expect(dialog).to_contain_text("normalize_rows")
        expect(dialog).not_to_contain_text("Success!")
    else:
        expect(dialog).to_contain_text("Success! Your notebook passes all the tests.")
    screenshot(page, f"hub-22-{student}-validated")
    dialog.get_by_role("button", name="Ok").click()

    widget = _assignment_list(page)
    fetched = widget.locator("#fetched_assignments_list .list_item").filter(has_text=ASSIGNMENT)
    fetched.first.get_by_role("button", name="Submit").click()
    submitted = widget.locator("#submitted_assignments_list .list_item").filter(has_text=ASSIGNMENT)
    expect(submitted.first).to_be_visible(timeout=DIALOG_TIMEOUT_MS)
    screenshot(page, f"hub-23-{student}-submitted")
    return page


def _student_reads_feedback(page, course_hub, student: str, screenshot) -> str:
    expect = _expect()
    page.reload()
    expect(page.locator("#jp-main-dock-panel")).to_be_visible(timeout=LOGIN_TIMEOUT_MS)
    widget = _assignment_list(page)
    submitted = widget.locator("#submitted_assignments_list .list_item").filter(has_text=ASSIGNMENT)
    submitted.first.get_by_role("button", name="Fetch Feedback").click()
    view = submitted.first.get_by_text("(view feedback)")
    expect(view).to_be_visible(timeout=DIALOG_TIMEOUT_MS)
    view.click()
    screenshot(page, f"hub-40-{student}-feedback-fetched")
    server = course_hub.hub.user(student)
    (stamp,) = [item["name"] for item in
                server.api(f"api/contents/{ASSIGNMENT}/feedback")["content"]]
    page.goto(f"{course_hub.url}/user/{student}/files/{ASSIGNMENT}/feedback/{stamp}/"
              "numpy_basics.html")
    expect(page.locator("body")).to_contain_text(f"{ASSIGNMENT} · {student} · graded")
    screenshot(page, f"hub-41-{student}-feedback")
    return page.locator("body").inner_text()


def _score(report: str, student: str) -> float:
    """The student's score in the grader's summary table."""
    found = re.search(rf"^{student}\s+{ASSIGNMENT}\s+([0-9.]+) / 10\b", report, flags=re.M)
    assert found, report
    return float(found.group(1))


def test_a_whole_course_cycle_in_the_browser(browser, course_hub, screenshot, failure_screenshots):
    expect = _expect()
    teacher = _log_in(browser, course_hub, hub_course.INSTRUCTOR)
    screenshot(teacher, "hub-10-instructor-lab")
    _formgrader_action(teacher, course_hub, "release", f"Successfully released '{ASSIGNMENT}'",
                       "hub-11-released", screenshot)

    pages = {s: _student_works(browser, course_hub, s, screenshot) for s in hub_course.STUDENTS}

    _formgrader_action(teacher, course_hub, "collect", "Successfully collected",
                       "hub-30-collected", screenshot)
    graded = course_hub.hub.user(hub_course.INSTRUCTOR).run(
        f"!cd ~/layerlab && python -m autograder grade --assignment {ASSIGNMENT} 2>&1",
        timeout=900)
    report = graded["stdout"]
    assert _score(report, STUDENT_RIGHT) == 10, report
    assert 0 < _score(report, STUDENT_WRONG) < 10, report
    _formgrader_action(teacher, course_hub, "release-feedback", "Successfully released feedback",
                       "hub-31-feedback-released", screenshot)
    row = _formgrader_row(teacher, course_hub)
    expect(row.locator("td.num-submissions")).to_have_text("2")

    right = _student_reads_feedback(pages[STUDENT_RIGHT], course_hub, STUDENT_RIGHT, screenshot)
    wrong = _student_reads_feedback(pages[STUDENT_WRONG], course_hub, STUDENT_WRONG, screenshot)
    assert "10 / 10 points" in right and STUDENT_WRONG not in right
    assert f"{_score(report, STUDENT_WRONG):g} / 10 points" in wrong and STUDENT_RIGHT not in wrong
    assert "normalize_rows" in wrong and "keepdims" in wrong  # the diagnosis of the mistake
    for page in [teacher, *pages.values()]:
        page.context.close()


# ---- isolation: code in a student's kernel, as that system user ----------------------------

PROBE = """
import json, os
def probe(action, path):
    try:
        if action == "read":
            open(path, "rb").read(1)
        elif action == "list":
            os.listdir(path)
        elif action == "write":
            os.makedirs(path)
        return "allowed"
    except PermissionError:
        return "denied"
    except FileNotFoundError:
        return "missing"
print(json.dumps({f"{a} {p}": probe(a, p) for a, p in CHECKS}))
"""


def _probe(course_hub, student: str, checks: list[tuple[str, str]]) -> dict:
    result = course_hub.hub.user(student).run(f"CHECKS = {checks!r}\n" + PROBE)
    assert result["error"] is None, result
    return json.loads(result["stdout"])


def _ensure_submission(course_hub, student: str) -> None:
    """``student`` has fetched and submitted the assignment (releasing it if need be)."""
    if not (course_hub.exchange / "outbound" / ASSIGNMENT).is_dir():
        course_hub.hub.user(hub_course.INSTRUCTOR).run(
            f"!nbgrader release_assignment {ASSIGNMENT} 2>&1")
    if not any((course_hub.exchange / "inbound" / student).iterdir()):
        out = course_hub.hub.user(student).run(
            f"!nbgrader fetch_assignment {ASSIGNMENT} 2>&1; nbgrader submit {ASSIGNMENT} 2>&1")
        assert "Submitted as" in out["stdout"], out


def test_a_student_cannot_read_the_instructors_course_or_gradebook(course_hub):
    course = hub_course.course_dir()
    assert (course / "source" / ASSIGNMENT / NOTEBOOK).is_file()
    secret = [("read", str(course / "source" / ASSIGNMENT / NOTEBOOK)),
              ("read", str(course / "gradebook.db")),
              ("list", str(course / "layerlab" / "checks")),
              ("list", str(course)),
              ("read", str(course / "layerlab" / "checks" / "numpy_basics.py"))]  # hidden cases
    result = _probe(course_hub, STUDENT_RIGHT, secret)
    assert [result[f"{a} {p}"] for a, p in secret] == ["denied"] * len(secret), result
    # controls: the release and the student's own home are readable
    _ensure_submission(course_hub, STUDENT_RIGHT)
    result = _probe(course_hub, STUDENT_RIGHT, [
        ("read", str(course_hub.exchange / "outbound" / ASSIGNMENT / NOTEBOOK)),
        ("list", str(hub_course.home_of(STUDENT_RIGHT)))])
    assert set(result.values()) == {"allowed"}, result


def test_a_student_cannot_read_or_overwrite_another_students_submission(course_hub):
    _ensure_submission(course_hub, STUDENT_WRONG)
    inbound = course_hub.exchange / "inbound"
    (theirs,) = [p for p in (inbound / STUDENT_WRONG).iterdir()]
    checks = [("list", str(inbound)),
              ("list", str(inbound / STUDENT_WRONG)),
              ("read", str(theirs / NOTEBOOK)),
              ("read", str(theirs / "submission_secret.txt")),
              ("write", str(inbound / STUDENT_WRONG / f"{STUDENT_WRONG}+{ASSIGNMENT}+forged")),
              ("list", str(course_hub.exchange / "feedback")),
              ("list", str(hub_course.home_of(STUDENT_WRONG)))]
    result = _probe(course_hub, STUDENT_RIGHT, checks)
    assert set(result.values()) == {"denied"}, result
    # control: the owner reads their own submission, the instructor reads everyone's
    assert _probe(course_hub, STUDENT_WRONG, [("read", str(theirs / NOTEBOOK))]) == {
        f"read {theirs / NOTEBOOK}": "allowed"}
    assert _probe(course_hub, hub_course.INSTRUCTOR, [("read", str(theirs / NOTEBOOK))]) == {
        f"read {theirs / NOTEBOOK}": "allowed"}


def test_a_student_cannot_submit_under_another_name(course_hub):
    _ensure_submission(course_hub, STUDENT_WRONG)
    student = course_hub.hub.user(STUDENT_RIGHT)
    out = student.run(f"!nbgrader submit {ASSIGNMENT} --student {STUDENT_WRONG} 2>&1")["stdout"]
    assert "you can submit only as yourself" in out, out
    # nbgrader's default exchange trusts the name: forge one inside one's own inbound directory
    forged = (f"{STUDENT_WRONG}+{ASSIGNMENT}+2099-01-01 00:00:00.000000 UTC+forged")
    out = student.run(
        "import os, shutil\n"
        f"d = os.path.join({str(course_hub.exchange / 'inbound' / STUDENT_RIGHT)!r}, {forged!r})\n"
        f"shutil.copytree(os.path.expanduser('~/{ASSIGNMENT}'), d)\n"
        "open(os.path.join(d, 'timestamp.txt'), 'w').write('2099-01-01 00:00:00.000000 UTC')\n"
        "print('forged')")
    assert out["stdout"].strip() == "forged", out
    collected = course_hub.hub.user(hub_course.INSTRUCTOR).run(
        f"!nbgrader collect {ASSIGNMENT} --update 2>&1; "
        f"cat ~/layerlab/submitted/{STUDENT_WRONG}/{ASSIGNMENT}/timestamp.txt")["stdout"]
    assert "is not a submission of" in collected, collected
    assert "2099" not in collected.splitlines()[-1], collected
