"""Does the week-4 application train with the student's own building blocks, read from their
step-by-step notebook, and say which block to finish or fix, and where?

Each test lays out a course folder as students get it (``week4_deep_nn_step_by_step/`` next to
``week4_deep_nn_application/``) with a step-by-step notebook made from the source (all blocks
solved), from the release (all stubs), or from the source with one block changed.
"""

from __future__ import annotations

import re

import nbformat
import numpy as np
import pytest

from conftest import REPO, reference
from layerlab.building_blocks import BLOCKS, BuildingBlocksError, load_building_blocks
from layerlab.checks import CheckFailed
from layerlab.checks import deep_nn_application as checks

STEP = "week4_deep_nn_step_by_step"
NOTEBOOK = f"../{STEP}/deep_nn_step_by_step.ipynb"


def _course(tmp_path, monkeypatch, origin: str = "source", replace: dict[str, str] | None = None):
    """A course folder with the step-by-step notebook of ``origin`` (its solution cells replaced by
    ``replace``: grade_id -> new source); the working directory is the application's folder."""
    nb = nbformat.read(REPO / origin / STEP / "deep_nn_step_by_step.ipynb", as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in (replace or {}):
            cell.source = replace[grade_id]
    (tmp_path / STEP).mkdir(parents=True)
    nbformat.write(nb, tmp_path / STEP / "deep_nn_step_by_step.ipynb")
    (tmp_path / "week4_deep_nn_application").mkdir()
    monkeypatch.chdir(tmp_path / "week4_deep_nn_application")


def _application(blocks):
    """The application's solution functions, bound to ``blocks`` as the notebook binds them."""
    app = reference("week4_deep_nn_application")
    namespace = {name: getattr(blocks, name) for name in BLOCKS}
    namespace.update(np=np, blocks=blocks)
    functions = {}
    for name in ("two_layer_model", "L_layer_model"):
        fn = getattr(app, name)
        functions[name] = type(fn)(fn.__code__, namespace, name, fn.__defaults__)
    return functions


def _report(check, fn) -> str:
    with pytest.raises(CheckFailed) as info:
        check(fn)
    return re.sub(r"\x1b\[[0-9;]*m", "", info.value.report)


def test_a_completed_step_by_step_gives_blocks_that_pass_the_application_checks(tmp_path, monkeypatch, capsys):
    _course(tmp_path, monkeypatch)
    blocks = load_building_blocks(NOTEBOOK)
    assert blocks.unfinished == [] and blocks.source.name == "deep_nn_step_by_step.ipynb"
    assert f"yours, from {NOTEBOOK}" in capsys.readouterr().out
    models = _application(blocks)
    checks.check_two_layer_model(models["two_layer_model"])
    checks.check_L_layer_model(models["L_layer_model"])


def test_the_models_train_with_the_students_blocks_not_a_reference(tmp_path, monkeypatch):
    """A wrong compute_cost in the step-by-step notebook changes the recorded costs: the
    application really runs the student's block."""
    wrong_cost = '''def compute_cost(AL, Y):
    m = Y.shape[1]
    return np.squeeze(-np.sum(Y * np.log(AL)) / m)   # forgets the (1 - Y) term
'''
    _course(tmp_path, monkeypatch, replace={"compute_cost": wrong_cost})
    blocks = load_building_blocks(NOTEBOOK, quiet=True)
    assert blocks.unfinished == []
    report = _report(checks.check_two_layer_model, _application(blocks)["two_layer_model"])
    assert "two_layer_model failed" in report


def test_an_unfinished_block_is_named_when_loading_and_when_called(tmp_path, monkeypatch, capsys):
    stub = '''def linear_backward(dZ, cache):
    # YOUR CODE HERE
    raise NotImplementedError()
'''
    _course(tmp_path, monkeypatch, replace={"linear_backward": stub})
    blocks = load_building_blocks(NOTEBOOK)
    assert blocks.unfinished == ["linear_backward"]
    out = capsys.readouterr().out
    assert "Not finished there yet: linear_backward." in out
    report = _report(checks.check_L_layer_model, _application(blocks)["L_layer_model"])
    assert "calls your building block `linear_backward`, which is not implemented yet" in report
    assert NOTEBOOK in report
    with pytest.raises(NotImplementedError) as info:
        _application(blocks)["two_layer_model"](np.ones((2, 3)), np.ones((1, 3)), (2, 2, 1),
                                                num_iterations=1)
    message = blocks.explain(info.value, otherwise="not this")
    assert "linear_backward is not finished yet" in message and NOTEBOOK in message


def test_the_release_lists_every_block_as_unfinished(tmp_path, monkeypatch):
    _course(tmp_path, monkeypatch, origin="assignments")
    assert load_building_blocks(NOTEBOOK, quiet=True).unfinished == list(BLOCKS)


def test_a_failing_block_shows_the_students_own_lines_and_where_they_are(tmp_path, monkeypatch):
    broken = '''def update_parameters(params, grads, learning_rate):
    parameters = {}
    for key in params:
        parameters[key] = params[key] - learning_rate * grads[key]   # "W1", not "dW1"
    return parameters
'''
    _course(tmp_path, monkeypatch, replace={"update_parameters": broken})
    report = _report(checks.check_L_layer_model, _application(load_building_blocks(NOTEBOOK, quiet=True))["L_layer_model"])
    assert "KeyError" in report and "grads[key]" in report
    assert "deep_nn_step_by_step.ipynb, cell" in report


def test_a_missing_or_broken_notebook_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildingBlocksError, match="was not found .* keep its assignment folder"):
        load_building_blocks(NOTEBOOK)
    (tmp_path / "broken.ipynb").write_text("{not json")
    with pytest.raises(BuildingBlocksError, match="could not be read as a notebook"):
        load_building_blocks("broken.ipynb")
    _course(tmp_path / "course", monkeypatch, replace={"compute_cost": "def compute_cost(AL, Y):\n    return (\n"})
    with pytest.raises(BuildingBlocksError, match="syntax error"):
        load_building_blocks(NOTEBOOK)


def test_only_imports_and_definitions_run(tmp_path, monkeypatch):
    """The step-by-step notebook's checks, demos and prints do not run when the blocks load."""
    _course(tmp_path, monkeypatch, replace={"compute_cost": (
        "print('this line must not run')\nraise SystemExit('nor this one')\n"
        "def compute_cost(AL, Y):\n    return np.squeeze(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))\n")})
    blocks = load_building_blocks(NOTEBOOK, quiet=True)
    assert float(blocks.compute_cost(np.array([[0.5]]), np.array([[1]]))) == pytest.approx(np.log(2))
