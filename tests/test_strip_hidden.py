"""The stripped layerlab (the only form that leaves the instructor) keeps every public check as it
is and holds no hidden case, and the stripper refuses a package it cannot clean."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from autograder.build import strip_hidden, student_kit
from autograder.build.strip_hidden import StripError, strip_package, strip_source, verify

REPO = Path(__file__).resolve().parents[1]
CONTRACTS = ["numpy_basics", "logistic_regression", "planar_classification", "deep_nn_step_by_step",
             "deep_nn_application"]

# prints, for every contract, each spec's hidden attribute and its public cases (labels, kwargs and
# the arguments built, encoded as plain data)
DESCRIBE = """
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
from layerlab import plaindata
out = {}
for notebook in sys.argv[2:]:
    module = importlib.import_module("layerlab.checks." + notebook)
    assert module.__file__.startswith(sys.argv[1]), module.__file__
    for name, spec in module.SPECS.items():
        out[notebook + "." + name] = {
            "hidden": spec.hidden is not None,
            "cases": [[c.label, plaindata.encode((tuple(c.make()), c.kwargs))] for c in spec.cases],
            "checks": [getattr(r, "mistake_id", r.__name__) for r in (*spec.hints, *spec.properties)]}
print(json.dumps(out, sort_keys=True))
"""


def _describe(root: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", DESCRIBE, str(root), *CONTRACTS],
                          capture_output=True, text=True, cwd=root)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def stripped(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("stripped")
    strip_package(REPO / "layerlab", root / "layerlab")
    return root


def test_every_contract_loads_after_stripping_with_its_public_checks_unchanged(stripped):
    before, after = _describe(REPO), _describe(stripped)
    assert sorted(before) == sorted(after)
    assert all(entry["hidden"] for entry in before.values())     # every graded function has some
    assert not any(entry["hidden"] for entry in after.values())
    for name in before:
        assert after[name]["cases"] == before[name]["cases"], name
        assert after[name]["checks"] == before[name]["checks"], name


def test_no_hidden_argument_module_or_case_is_left(stripped):
    verify(stripped / "layerlab")
    assert not list((stripped / "layerlab").rglob("hidden_inputs.py"))
    for path in sorted((REPO / "layerlab" / "checks").rglob("*.py")):
        tree = ast.parse(path.read_text())
        text = path.read_text()
        hidden = [ast.get_source_segment(text, kw.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Call) for kw in node.keywords if kw.arg == "hidden"]
        if not hidden:
            continue
        copy = (stripped / path.relative_to(REPO)).read_text()
        for segment in hidden:
            assert segment not in copy, (path.name, segment[:80])
            # each hidden case's own text (e.g. "lambda: _normal(21, 7, scale=3)") is gone too
            for case in ast.walk(ast.parse(segment, mode="eval")):
                if isinstance(case, ast.Lambda):
                    assert ast.get_source_segment(segment, case) not in copy, (path.name, case.lineno)
    # what describes the hidden cases went with them (docstrings of stripped helpers and modules)
    for path in (stripped / "layerlab").rglob("*.py"):
        assert "than the public cases" not in " ".join(path.read_text().split()), path
    # the helpers only the hidden cases used are gone, those the public cases use are kept
    basics = (stripped / "layerlab" / "checks" / "numpy_basics.py").read_text()
    assert "def _uniform(" not in basics and "def _randn(" in basics
    assert "Hidden" not in basics.split('"""', 2)[2]  # not even its import


def test_verify_names_what_is_left_and_refuses_it(tmp_path):
    package = tmp_path / "layerlab"
    (package / "checks").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "checks" / "week.py").write_text(
        "from layerlab.judge.contract import HiddenCase\nCASES = [HiddenCase(lambda: (3,))]\n")
    with pytest.raises(StripError, match=r"checks/week.py, line 2: a HiddenCase\(\.\.\.\) call"):
        verify(package)
    (package / "checks" / "week.py").write_text("SPEC = dict(name='f', hidden=[1, 2])\n")
    with pytest.raises(StripError, match="a hidden= argument"):
        verify(package)


def test_strip_source_keeps_the_rest_byte_for_byte_and_refuses_a_leading_hidden_argument():
    text = ('import numpy as np\nfrom m import Hidden, Case\n\n\ndef _draw(seed):\n    return np.random.RandomState(seed).randn(3)\n\n\n'
            'def _kept():\n    return 1\n\n\nSPEC = Spec("f", [Case("x = 1", _kept)],  # public\n'
            '            hidden=Hidden([lambda: (_draw(7),)]))\n')
    out = strip_source(text)
    # numpy and Hidden were read by the removed code only: their imports go too
    assert out == ('from m import Case\n\n\ndef _kept():\n    return 1\n\n\n'
                   'SPEC = Spec("f", [Case("x = 1", _kept)])\n')
    with pytest.raises(StripError, match="first argument"):
        strip_source("SPEC = Spec(hidden=Hidden([]), name='f')\n", "week.py")


def test_the_sandbox_copy_is_made_once_per_content_and_readable_by_everyone(tmp_path):
    package = tmp_path / "src" / "layerlab"
    (package / "checks").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "checks" / "week.py").write_text("SPEC = dict(name='f', hidden=[1, 2])\n")
    make = strip_hidden.stripped_package.__wrapped__   # without the per-process memo
    first = make(package, tmp_path / "cache")
    assert (first / "checks" / "week.py").read_text() == "SPEC = dict(name='f')\n"
    assert (first / "checks" / "week.py").stat().st_mode & 0o004 and first.stat().st_mode & 0o005 == 0o005
    assert make(package, tmp_path / "cache") == first
    (package / "checks" / "week.py").write_text("SPEC = dict(name='g', hidden=[3])\n")
    second = make(package, tmp_path / "cache")
    assert second != first and (second / "checks" / "week.py").read_text() == "SPEC = dict(name='g')\n"
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted([first.parent.name, second.parent.name])


def _wheel_is_stripped(wheel: Path, tmp_path: Path) -> None:
    """The wheel's layerlab passes :func:`verify` and its contracts hold no hidden case."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "unpacked")
    assert "layerlab/checks/numpy_basics.py" in names
    assert "layerlab/checks/planar_classification/__init__.py" in names
    assert not [n for n in names if n.endswith("hidden_inputs.py") or n.startswith("autograder/cases/")]
    verify(tmp_path / "unpacked" / "layerlab")
    described = _describe(tmp_path / "unpacked")
    assert described and not any(entry["hidden"] for entry in described.values())


def test_the_student_kit_wheel_is_stripped(tmp_path):
    wheel = student_kit.build_wheel(tmp_path / "kit", tmp_path / "work")
    _wheel_is_stripped(wheel, tmp_path)
