"""Build the student kit: ``python -m autograder student-kit`` (``make student-kit``).

``dist/layerlab-student-kit.zip`` holds one folder, ``layerlab-student-kit/``, with

* ``assignments/``: the release (``assignments/`` of this checkout, as ``make generated`` wrote
  it): the notebooks with their stubs and the files they ship;
* ``layerlab-<version>-py3-none-any.whl``: the ``layerlab`` package alone (no ``autograder``),
  built with pip from a stripped copy of ``layerlab/`` (no hidden case:
  :mod:`autograder.build.strip_hidden`) and this project's pins;
* ``README.md``: two commands that set up and open the course (Linux, macOS, Windows).

Nothing from ``source/`` or ``autograder/`` goes in. The kit is built from what the release holds:
if an instructor shipped reference helpers (``build --ship-reference-helpers``), they are in it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from autograder.build.release import RELEASE_DIR
from autograder.build.source import ROOT
from autograder.build.strip_hidden import strip_package

KIT_NAME = "layerlab-student-kit"
DEFAULT_OUTPUT = ROOT / "dist" / f"{KIT_NAME}.zip"
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")


class KitError(RuntimeError):
    """The kit could not be built."""


def build(output: str | Path | None = None) -> Path:
    """Write the kit to ``output`` (default :data:`DEFAULT_OUTPUT`); returns its path."""
    output = Path(output or DEFAULT_OUTPUT).resolve()
    if not any(RELEASE_DIR.glob("*/*.ipynb")):
        raise KitError(f"{RELEASE_DIR} holds no released notebook: run `make generated` first")
    with tempfile.TemporaryDirectory(prefix="layerlab-kit-") as tmp:
        kit = Path(tmp) / KIT_NAME
        shutil.copytree(RELEASE_DIR, kit / "assignments", ignore=IGNORED)
        wheel = build_wheel(kit, Path(tmp) / "wheel-source")
        (kit / "README.md").write_text(student_readme(wheel.name))
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_suffix(".zip.partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(kit.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(kit.parent).as_posix())
        partial.replace(output)
    return output


def build_wheel(target: Path, workdir: Path) -> Path:
    """Build the wheel of ``layerlab`` alone into ``target``: a stripped copy of the package (no
    hidden case) and a ``pyproject.toml`` that finds only ``layerlab*`` (dependencies as pinned
    there)."""
    workdir.mkdir(parents=True)
    strip_package(ROOT / "layerlab", workdir / "layerlab")
    (workdir / "README.md").write_text(student_readme("layerlab-<version>-py3-none-any.whl"))
    (workdir / "pyproject.toml").write_text(student_pyproject((ROOT / "pyproject.toml").read_text()))
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                           "--wheel-dir", str(target), str(workdir)], capture_output=True, text=True)
    wheels = list(target.glob("layerlab-*.whl"))
    if proc.returncode != 0 or len(wheels) != 1:
        raise KitError(f"pip could not build the layerlab wheel:\n{proc.stdout}\n{proc.stderr}")
    with zipfile.ZipFile(wheels[0]) as archive:
        stray = [n for n in archive.namelist() if not n.startswith(("layerlab/", "layerlab-"))]
    if stray:
        raise KitError(f"the student wheel holds more than layerlab: {', '.join(stray[:5])}")
    return wheels[0]


def student_pyproject(text: str) -> str:
    """This project's ``pyproject.toml`` for the student wheel: only ``layerlab*`` is packaged,
    and the instructor's extras (tests, Dask) are left out."""
    packages = 'include = ["layerlab*", "autograder*"]'
    if packages not in text or "[project.optional-dependencies]" not in text:
        raise KitError("pyproject.toml changed shape: update autograder/build/student_kit.py "
                       "(student_pyproject) to package layerlab alone")
    text = text.replace(packages, 'include = ["layerlab*"]')
    return re.sub(r"\[project\.optional-dependencies\].*?(?=\n\[tool\.)", "", text, flags=re.S)


def student_readme(wheel: str) -> str:
    """The kit's README: what is in it, and the two commands on each system."""
    return f"""# layerlab: the course, for students

This folder holds the course's assignments (`assignments/`, one folder per assignment) and the
`layerlab` package they use (`{wheel}`). You need Python 3.10 or newer
(python.org, or your system's package manager) and an internet connection for the first command,
which downloads the packages layerlab needs (NumPy, matplotlib, JupyterLab, nbgrader, ...).

Open a terminal **in this folder** and run the two commands for your system. The first sets up
the course (once, a few minutes); the second opens it in JupyterLab in your browser (every time).

**Linux and macOS** (Terminal):

```bash
python3 -m venv .venv && .venv/bin/python -m pip install {wheel}
.venv/bin/python -m layerlab.student_lab
```

**Windows** (Command Prompt; `py` is the Python launcher that python.org's installer adds):

```bat
py -m venv .venv && .venv\\Scripts\\python -m pip install {wheel}
.venv\\Scripts\\python -m layerlab.student_lab
```

JupyterLab opens on `assignments/`. Stop it with Ctrl+C in the terminal (or File → Shut Down).

## Working on an assignment
1. Open the week's notebook, read it, and complete each function where it says
   `# YOUR CODE HERE`; run the cell, then the locked check cell below it. A green line means the
   public checks pass; otherwise the check says what differs and the likely mistake.
2. The week-4 application uses **your** building blocks from
   `assignments/week4_deep_nn_step_by_step/deep_nn_step_by_step.ipynb`: keep both folders where
   they are, and save the step-by-step notebook after you change it.
3. Before you hand in: *Kernel → Restart Kernel and Run All Cells*, then **Validate** (the
   button in the notebook's toolbar). The grader also tries hidden cases (other shapes and sizes),
   so write functions that work for any valid input.
4. Hand in the notebook file (`.ipynb`) the way your instructor tells you (an upload to the
   course's website, or the Assignment List if your course has an exchange).
"""
