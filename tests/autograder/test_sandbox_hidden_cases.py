"""A submission graded by the real sandboxed grader searches the layerlab its worker imports for the
hidden cases, and finds none: the sandbox binds a stripped copy (autograder/build/strip_hidden.py).

The submission holds the reference solutions. Its search cell ends its worker with exit status 3
when it finds a hidden part, and also when it could not read the contract module at all (a search
that looked nowhere proves nothing); the grader reports a cell that stopped Python among the
result's errors (and grades the functions without that cell). Binding the unstripped package
instead makes this test fail with that error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from grading_tools import SOURCE, grade_cli, new_course, reference_solutions, release_with, results, submit

pytestmark = pytest.mark.skipif(shutil.which("bwrap") is None,
                                reason="bubblewrap is not installed (apt-get install bubblewrap)")

SEARCH = '''
import ast, os
import layerlab
import layerlab.checks.numpy_basics as _contract

_root = os.path.dirname(layerlab.__file__)
_found, _read = [], 0
if any(spec.hidden is not None for spec in _contract.SPECS.values()):
    _found.append("SPECS with hidden cases")
for _folder, _dirs, _files in os.walk(_root):
    for _name in _files:
        _path = os.path.join(_folder, _name)
        if _name == "hidden_inputs.py":
            _found.append(_path)
        if not _name.endswith(".py"):
            continue
        with open(_path, encoding="utf-8") as _f:
            _tree = ast.parse(_f.read())
        _read += _path.endswith(os.path.join("checks", "numpy_basics.py"))
        for _node in ast.walk(_tree):
            if isinstance(_node, ast.keyword) and _node.arg == "hidden":
                _found.append(_path + ": hidden=")
            if isinstance(_node, ast.Call) and getattr(_node.func, "id", None) == "HiddenCase":
                _found.append(_path + ": HiddenCase(...)")
if _found or not _read:
    print("FOUND", _root, _read, _found[:5])
    os._exit(3)   # the grader reports the stopped cell in the result's errors
'''


def test_a_submission_that_searches_the_sandboxs_layerlab_finds_no_hidden_case():
    course = new_course(Path(tempfile.mkdtemp(prefix="layerlab-course-")))
    try:
        solutions = reference_solutions(SOURCE)
        submit(course, "control", release_with(solutions))
        submit(course, "searcher", release_with(solutions, extra=SEARCH))
        proc = grade_cli(course, "--jobs", "2")
        assert proc.returncode == 0, proc.stderr[-3000:]
        control, searcher = results(course, "control"), results(course, "searcher")
        assert control["score"] == control["max_score"] > 0
        assert searcher["errors"] == [] and searcher["score"] == searcher["max_score"], searcher["errors"]
    finally:
        shutil.rmtree(course, ignore_errors=True)


def test_an_installed_layerlab_inside_the_mounted_environment_is_covered_by_the_stripped_copy(tmp_path):
    """A regular (not editable) install puts layerlab inside the Python environment the sandbox
    mounts read-only; reading it there from inside the sandbox gives the stripped copy."""
    from autograder.boundary import sandbox, worker_limits

    package = Path(sys.prefix) / f"layerlab-sandbox-test-{os.getpid()}" / "layerlab"
    script = tmp_path / "worker" / "read.py"
    script.parent.mkdir()
    for name in sandbox.WORKER_FILES:
        (script.parent / name).write_text("")
    script.write_text(f"print(open({str(package / 'checks' / 'week.py')!r}).read(), end='')\n")
    sandbox.make_readable(script.parent)
    try:
        (package / "checks").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "checks" / "week.py").write_text("SPEC = dict(name='f', hidden=[7, 8])\n")
        with worker_limits.worker_user() as uid:
            argv, env, popen = sandbox.wrap([sys.executable, "-I", str(script)], {"PATH": "/usr/bin:/bin"},
                                            {}, None, sandbox.Limits(), uid, package=package)
            proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60, **popen)
    finally:
        shutil.rmtree(package.parent, ignore_errors=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout == "SPEC = dict(name='f')\n"
