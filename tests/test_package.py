"""Does the built layerlab package hold no solution of any graded function?

The wheel the hub's servers install is built (pip, from a stripped copy of layerlab; the student
kit's wheel is tested in tests/test_strip_hidden.py), then every Python file in it is inspected: no
line of any solution region appears in it, and no function in it has the same structure as a
reference solution (compared with names and docstrings stripped, so renaming variables does not hide a copy).
"""

from __future__ import annotations

import ast
import sys
import zipfile

import pytest

from autograder.build.source import source_notebooks
from autograder.build.strip_hidden import verify
from conftest import REPO
from test_release import SOLUTION_REGION, solution_lines


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory):
    """The files of the wheel the hub's servers install (``hub/hubsetup/environment.py``): the
    grader's package and layerlab, stripped of its hidden cases, built from a copy of those
    folders (an in-tree build/ folder left by an earlier build cannot leak in)."""
    sys.path.insert(0, str(REPO / "hub"))
    try:
        from hubsetup import environment
        from hubsetup.settings import HubPaths
    finally:
        sys.path.remove(str(REPO / "hub"))
    wheel = environment.build_wheel(HubPaths(tmp_path_factory.mktemp("hub")))
    with zipfile.ZipFile(wheel) as zf:
        return {name: zf.read(name).decode("utf-8", "replace") for name in zf.namelist()}


def function_shape(fn: ast.FunctionDef) -> str:
    """The function's body with identifiers and docstrings removed."""
    body = fn.body[1:] if fn.body and isinstance(fn.body[0], ast.Expr) and isinstance(
        getattr(fn.body[0], "value", None), ast.Constant) else fn.body
    module = ast.Module(body=[n for n in body], type_ignores=[])
    for node in ast.walk(module):
        for attr in ("id", "arg", "name"):
            if isinstance(getattr(node, attr, None), str):
                setattr(node, attr, "_")
    return ast.dump(module, include_attributes=False)


def solution_functions():
    for notebook in source_notebooks():
        for cell in notebook.solution_cells():
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.FunctionDef):
                    yield notebook.assignment, node


def test_wheel_ships_the_student_package_and_no_notebooks(wheel_files):
    assert "layerlab/checks/expected/numpy_basics.json" in wheel_files
    assert not [n for n in wheel_files if n.endswith(".ipynb")]


def test_wheel_holds_no_hidden_test_cases(wheel_files, tmp_path):
    assert "autograder/boundary/worker.py" in wheel_files          # the servers' nbgrader plugins
    assert "layerlab/checks/planar_classification/__init__.py" in wheel_files
    assert not [n for n in wheel_files if n.endswith("hidden_inputs.py")]
    for name, text in wheel_files.items():
        if name.startswith("layerlab/") and name.endswith(".py"):
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text(text)
    verify(tmp_path / "layerlab")   # no hidden= argument, Hidden(...) call or hidden_inputs import


def test_no_solution_line_is_in_the_package(wheel_files):
    lines = set().union(*(solution_lines(n) for n in source_notebooks()))
    assert lines, "found no solution lines to look for"
    hits = [(name, line) for name, text in wheel_files.items() if name.endswith(".py")
            for line in lines if any(l.strip() == line for l in text.splitlines())]
    assert hits == []


def test_no_function_in_the_package_is_shaped_like_a_solution(wheel_files):
    solutions = {function_shape(fn): f"{a}:{fn.name}" for a, fn in solution_functions()}
    assert solutions
    copies = []
    for name, text in wheel_files.items():
        if name.endswith(".py"):
            for node in ast.walk(ast.parse(text)):
                if isinstance(node, ast.FunctionDef) and function_shape(node) in solutions:
                    copies.append((name, node.name, solutions[function_shape(node)]))
    assert copies == []


class _Rename(ast.NodeTransformer):
    """Give every function, argument and variable another name, as a disguised copy would."""

    def visit_Name(self, node):
        return ast.copy_location(ast.Name(id=node.id + "_renamed", ctx=node.ctx), node)

    def visit_arg(self, node):
        node.arg += "_renamed"
        return node

    def visit_FunctionDef(self, node):
        node.name = "innocent_helper"
        self.generic_visit(node)
        return node


def test_the_shape_comparison_would_catch_a_renamed_copy():
    for _, fn in solution_functions():
        copy = _Rename().visit(ast.parse(ast.unparse(fn))).body[0]
        assert copy.name == "innocent_helper"
        assert function_shape(copy) == function_shape(fn)
