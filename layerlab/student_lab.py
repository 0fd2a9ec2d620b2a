"""Open JupyterLab as a student of the course: ``python -m layerlab.student_lab [FOLDER]``.

The student kit's README starts the course with this command. It runs JupyterLab on FOLDER (by
default the current folder) opened on its ``assignments/`` folder, with the configuration in
``layerlab/student_config/`` placed first on Jupyter's configuration path: nbgrader's instructor
panels (Formgrader, Create Assignment, Course List) are disabled, in the page and on the server,
while the Assignment List and Validate stay. Any further arguments go to ``jupyter lab``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CONFIG_DIR = Path(__file__).with_name("student_config")


def lab_arguments(folder: Path, extra: list[str]) -> list[str]:
    """``jupyter lab``'s arguments for the course in ``folder``."""
    start = "/lab/tree/assignments" if (folder / "assignments").is_dir() else "/lab"
    # notebooks open clean (not marked modified) whatever the student's Python: see layerlab.contents
    clean = "--ServerApp.contents_manager_class=layerlab.contents.CourseContentsManager"
    return [f"--ServerApp.root_dir={folder}", f"--LabApp.default_url={start}", clean, *extra]


def student_environment(environ: dict[str, str]) -> dict[str, str]:
    """``environ`` with the student configuration first on ``JUPYTER_CONFIG_PATH``."""
    paths = [str(CONFIG_DIR)] + [p for p in environ.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p]
    return {**environ, "JUPYTER_CONFIG_PATH": os.pathsep.join(paths)}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    folder = Path(args.pop(0) if args and not args[0].startswith("-") else ".").resolve()
    if not folder.is_dir():
        print(f"error: {folder} is not a folder; give the folder you unpacked the course into",
              file=sys.stderr)
        return 2
    os.environ.update(student_environment(dict(os.environ)))
    from jupyterlab.labapp import main as lab_main

    sys.argv = ["jupyter-lab", *lab_arguments(folder, args)]
    return lab_main() or 0


if __name__ == "__main__":
    sys.exit(main())
