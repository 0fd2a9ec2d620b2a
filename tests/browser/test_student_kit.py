"""The student kit, as a student receives it: unpacked in a new folder and set up by its README.

``make student-kit`` writes ``dist/layerlab-student-kit.zip``. Here it is built into a temporary
folder, unpacked elsewhere, and set up with the README's Linux commands (a fresh venv, the kit's
wheel installed from the kit with its dependencies from PyPI). Then: the kit holds the release, a
wheel of layerlab alone and the README; no file in it (the wheel's files included) holds a solution
of a graded function; every release notebook runs with its stubs and fails only in its graded
checks; completed with the reference solutions, every graded notebook passes ``nbgrader validate``
(the application with the completed step-by-step notebook beside it); and the JupyterLab the README
opens has no instructor panel, in a real browser.
"""

from __future__ import annotations

import ast
import io
import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from autograder.build.helper_modules import HELPERS, render
from autograder.build.source import source_notebooks
from notebook_tools import completed, grade_meta
from test_notebooks import STUB_MESSAGE
from test_package import function_shape, solution_functions
from test_release import solution_lines

REPO = Path(__file__).resolve().parents[2]
SOURCES = sorted((REPO / "source").glob("*/*.ipynb"))

pytestmark = pytest.mark.slow


@dataclass
class Kit:
    archive: Path        # the zip
    folder: Path         # the unpacked layerlab-student-kit/
    python: Path         # the venv's python that the README's first command made
    start: str           # the README's second command


def readme_commands(readme: str) -> list[str]:
    """The lines of the README's Linux and macOS code block."""
    block = re.search(r"\*\*Linux and macOS\*\*.*?```bash\n(.*?)```", readme, re.S)
    assert block, "the README has no Linux and macOS commands"
    return [line for line in block.group(1).splitlines() if line.strip()]


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> Kit:
    from autograder.build import student_kit

    archive = student_kit.build(tmp_path_factory.mktemp("dist") / "kit.zip")
    unpacked = tmp_path_factory.mktemp("student")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(unpacked)
    folder = unpacked / student_kit.KIT_NAME
    setup, start = readme_commands((folder / "README.md").read_text())
    # a student's shell: no virtual environment of this checkout on PATH
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if not p.startswith(str(REPO)))
    proc = subprocess.run(setup, shell=True, cwd=folder, env=env, capture_output=True, text=True,
                          timeout=1800)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return Kit(archive, folder, folder / ".venv" / "bin" / "python", start)


def _kit_files(kit: Kit) -> dict[str, bytes]:
    """Every file of the kit by its path in the zip, and every file of its wheel as
    ``<wheel>!<path>``."""
    files = {}
    with zipfile.ZipFile(kit.archive) as zf:
        for name in zf.namelist():
            files[name] = zf.read(name)
            if name.endswith(".whl"):
                with zipfile.ZipFile(io.BytesIO(files[name])) as wheel:
                    files.update({f"{name}!{inner}": wheel.read(inner) for inner in wheel.namelist()})
    return files


def test_the_kit_holds_the_release_a_wheel_of_layerlab_alone_and_a_readme(kit):
    files = _kit_files(kit)
    release = {f"layerlab-student-kit/{p.relative_to(REPO).as_posix()}"
               for p in (REPO / "assignments").rglob("*") if p.is_file()}
    wheels = [n for n in files if n.endswith(".whl")]
    assert len(wheels) == 1 and release <= set(files)
    assert set(files) - release == {"layerlab-student-kit/README.md", *wheels} | {
        n for n in files if n.startswith(wheels[0] + "!")}
    inner = [n.split("!", 1)[1] for n in files if "!" in n]
    assert "layerlab/checks/expected/numpy_basics.json" in inner
    assert "layerlab/student_config/labconfig/page_config.json" in inner
    assert not [n for n in inner if n.startswith("autograder") or n.endswith(".ipynb")]
    assert not [n for n in files if "/source/" in n or n.endswith("dnn_utils.py")]


def solutions_in(files: dict[str, bytes]) -> list[tuple[str, str, str]]:
    """(file, function, the solution it copies) for every function in ``files`` (Python modules
    and notebooks' code cells) shaped like a solution of a graded function of source/, renamed or
    not, and (file, line, "solution line") for every distinctive solution line in any text file."""
    solutions = {function_shape(fn): f"{a}:{fn.name}" for a, fn in solution_functions()}
    lines = set().union(*(solution_lines(n) for n in source_notebooks()))
    assert solutions and lines
    found = []
    for name, data in files.items():
        text = data.decode("utf-8", "replace")
        sources = []
        if name.endswith(".py"):
            sources = [text]
        elif name.endswith(".ipynb"):
            from IPython.core.inputtransformer2 import TransformerManager

            sources = [TransformerManager().transform_cell(c.source)
                       for c in nbformat.reads(text, as_version=4).cells if c.cell_type == "code"]
        for source in sources:
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.FunctionDef) and function_shape(node) in solutions:
                    found.append((name, node.name, solutions[function_shape(node)]))
        found += [(name, line, "solution line") for line in lines
                  if any(l.strip() == line for l in text.splitlines())]
        if name.endswith(".ipynb") and "BEGIN SOLUTION" in text:
            found.append((name, "BEGIN SOLUTION", "solution marker"))
    return found


def test_no_file_in_the_kit_holds_a_solution(kit):
    assert solutions_in(_kit_files(kit)) == []


def test_the_scan_finds_solutions_where_they_are():
    """The scan is not blind: it finds the source notebooks' solutions, and every building block
    in the reference helpers that an instructor may choose to ship."""
    found = solutions_in({str(p): p.read_bytes() for p in SOURCES})
    shapes = {function_shape(fn): f"{a}:{fn.name}" for a, fn in solution_functions()}
    assert {hit[2] for hit in found} >= set(shapes.values())   # one name per distinct shape
    (helper,) = HELPERS
    shipped = {hit[1] for hit in solutions_in({"dnn_utils.py": render(helper).encode()})}
    assert set(helper.functions) <= shipped


def _copy_of_release(kit: Kit, folder: Path) -> Path:
    shutil.copytree(kit.folder / "assignments", folder / "assignments")
    return folder / "assignments"


def test_every_release_notebook_runs_with_its_stubs_and_fails_only_in_graded_checks(kit, tmp_path):
    assignments = _copy_of_release(kit, tmp_path)
    notebooks = sorted(assignments.glob("*/*.ipynb"))
    proc = subprocess.run([str(kit.python), "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                           "--allow-errors", "--inplace", "--ExecutePreprocessor.timeout=180",
                           *map(str, notebooks)], capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-3000:]
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        failed = [(cell, out) for cell in nb.cells if cell.cell_type == "code"
                  for out in cell.get("outputs", []) if out.output_type == "error"]
        graded = [c for c in nb.cells if grade_meta(c).get("grade")]
        assert [c.id for c, _ in failed if not grade_meta(c).get("grade")] == [], path.name
        assert len(failed) == len(graded), path.name
        for _, out in failed:
            text = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(out["traceback"]))
            assert out["ename"] == "CheckFailed" and STUB_MESSAGE.search(text), text


def test_completed_notebooks_pass_nbgrader_validate(kit, tmp_path):
    """Without the demo cells tagged heavy (the trainings): tests/test_notebooks.py validates the
    whole notebooks; here what is tested is the kit's environment, and the trainings took 10 of
    the 12 minutes this test needed on a busy machine."""
    assignments = _copy_of_release(kit, tmp_path)
    graded = []
    for source in SOURCES:
        if any(grade_meta(c).get("grade") for c in nbformat.read(source, 4).cells):
            target = assignments / source.parent.name / source.name
            nb = completed(target, source)
            nb.cells = [c for c in nb.cells if "heavy" not in c.metadata.get("tags", [])]
            nbformat.write(nb, target)
            graded.append(target)
    proc = subprocess.run([str(kit.python), "-m", "nbgrader", "validate", "--Execute.timeout=180",
                           *map(str, graded)], cwd=assignments, capture_output=True, text=True,
                          timeout=1800)
    assert proc.stdout.count("Success! Your notebook passes all the tests.") == len(graded), \
        proc.stdout[-4000:] + proc.stderr[-2000:]


@pytest.mark.browser
def test_the_kits_jupyterlab_shows_no_instructor_panel(kit, lab_in, browser):
    """The README's second command opens JupyterLab on assignments/ with the Assignment List in
    the Nbgrader menu, the Validate button in a notebook, and no Formgrader, Create Assignment or
    Course List (neither in the page nor on the server)."""
    command = kit.start.split()
    assert command[:3] == [".venv/bin/python", "-m", "layerlab.student_lab"], kit.start
    with lab_in(kit.folder, [str(kit.folder / command[0]), *command[1:]]) as server:
        _check_no_instructor_panel(server, browser)


def _check_no_instructor_panel(server, browser) -> None:
    from playwright.sync_api import expect

    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    page.set_default_timeout(60_000)
    page.goto(server.login_url("/"), wait_until="domcontentloaded")
    expect(page.locator(".jp-FileBrowser .jp-BreadCrumbs")).to_contain_text("assignments", timeout=90_000)
    expect(page.locator(".jp-DirListing-content")).to_contain_text("week2_numpy_basics")
    page.locator("#jp-top-panel .lm-MenuBar-item").filter(has_text=re.compile(r"^\s*Nbgrader\s*$")).click()
    menu = page.locator("#jp-mainmenu-nbgrader")
    expect(menu).to_be_visible()
    expect(menu.locator("li.lm-Menu-item[data-command='nbgrader:open-assignment-list']")).to_be_visible()
    for command_id in ("nbgrader:open-formgrader", "nbgrader:open-course-list",
                       "nbgrader:open-create-assignment"):  # their plugins are off: no command
        expect(menu.locator(f"li.lm-Menu-item[data-command='{command_id}']")).to_be_hidden()
    page.keyboard.press("Escape")
    page.goto(server.url("/lab/tree/assignments/week2_numpy_basics/numpy_basics.ipynb"))
    expect(page.locator(".jp-NotebookPanel-toolbar .validate-button")).to_be_visible(timeout=90_000)
    for path in ("/formgrader", "/formgrader/api/assignments"):
        status = page.request.get(server.url(path)).status
        assert status == 404, (path, status)
    page.context.close()
