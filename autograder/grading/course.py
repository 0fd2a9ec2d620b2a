"""An nbgrader course directory, as its ``nbgrader_config.py`` describes it.

The folder names (``source/``, ``submitted/``, ``autograded/``, ``feedback/``), the gradebook's
database URL and the course id come from nbgrader's own :class:`~nbgrader.coursedir.CourseDirectory`
loaded with the course's configuration, so the grader and nbgrader's tools (``nbgrader export``,
the formgrader) always agree on where things are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from autograder.build.source import ROOT, SourceNotebook

CONFIG_FILE = "nbgrader_config.py"


class CourseError(RuntimeError):
    """The course directory cannot be used (no such folder, broken configuration)."""


@dataclass
class Course:
    root: Path
    config: object       # traitlets Config of the course
    coursedir: object    # nbgrader CourseDirectory

    @classmethod
    def open(cls, root: Path | str | None = None) -> "Course":
        """The course at ``root``; by default the current directory if it has an
        ``nbgrader_config.py``, else the layerlab repository itself (:meth:`which` says which)."""
        from nbgrader.coursedir import CourseDirectory
        from traitlets.config import Config
        from traitlets.config.loader import PyFileConfigLoader

        if root is None:
            root = Path.cwd() if (Path.cwd() / CONFIG_FILE).is_file() else ROOT
        root = Path(root).resolve()
        if not root.is_dir():
            raise CourseError(f"there is no folder {root}: pass --course with the folder that holds "
                              f"the course's {CONFIG_FILE}")
        if not (root / CONFIG_FILE).is_file() and not (root / "source").is_dir():
            raise CourseError(f"{root} is not an nbgrader course (it has neither {CONFIG_FILE} nor "
                              f"source/): pass --course with the course folder, or run the command "
                              f"there")
        config = Config()
        if (root / CONFIG_FILE).is_file():
            try:
                config = PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config()
            except Exception as exc:
                raise CourseError(f"{root / CONFIG_FILE} could not be loaded: {exc}") from exc
        config.CourseDirectory.root = str(root)  # the folder graded, wherever the config was copied from
        if "db_url" not in config.CourseDirectory:
            config.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
        return cls(root, config, CourseDirectory(config=config))

    @classmethod
    def of(cls, coursedir, config) -> "Course":
        """The course an nbgrader app or converter works on (its CourseDirectory and config)."""
        return cls(Path(coursedir.root).resolve(), config, coursedir)

    @staticmethod
    def which(root: Path | str | None) -> str:
        """How the course folder was chosen, for the line every run starts with."""
        if root is not None:
            return "--course"
        if (Path.cwd() / CONFIG_FILE).is_file():
            return f"the current directory has {CONFIG_FILE}"
        return (f"the current directory has no {CONFIG_FILE}, so the layerlab repository's course; "
                f"pass --course DIR to grade another")

    def in_kernel_warning(self) -> str | None:
        """A warning when nbgrader's own Autograde (button and command) would grade this course in
        the students' kernels, because its configuration does not route it to layerlab's grader."""
        steps = self.config.Autograde.get("autograde_preprocessors", [])
        names = [s if isinstance(s, str) else f"{s.__module__}.{s.__name__}" for s in steps]
        if any(n.startswith("autograder.nbgrader_plugins") for n in names):
            return None
        return (f"{self.root / CONFIG_FILE} does not send nbgrader's Autograde to layerlab's grader: "
                f"the Formgrader's Autograde button and `nbgrader autograde` would run the "
                f"submissions in the students' kernels, where a submission can fake its grade. "
                f"Copy the Autograde and GenerateFeedback settings of layerlab's {CONFIG_FILE}")

    def assignments(self) -> list[str]:
        """The assignments that have a folder in source/."""
        folder = self.root / self.coursedir.source_directory
        return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []

    @property
    def db_url(self) -> str:
        return self.coursedir.db_url

    @property
    def course_id(self) -> str:
        return self.coursedir.course_id or "default_course"

    def folder(self, step: str, student: str, assignment: str) -> Path:
        """``<root>/<step folder>/<student>/<assignment>``; ``step`` is e.g. ``"submitted"``."""
        names = {"source": self.coursedir.source_directory,
                 "submitted": self.coursedir.submitted_directory,
                 "autograded": self.coursedir.autograded_directory,
                 "feedback": self.coursedir.feedback_directory}
        return Path(self.coursedir.format_path(names[step], student, assignment))

    @property
    def submitted_dir(self) -> Path:
        return self.root / self.coursedir.submitted_directory

    def source_notebooks(self, assignment: str) -> list[SourceNotebook]:
        """The instructor notebooks ``source/<assignment>/*.ipynb`` (empty if there are none)."""
        folder = self.root / self.coursedir.source_directory / assignment
        return [SourceNotebook(p) for p in sorted(folder.glob("*.ipynb"))]

    def assignment_files(self, assignment: str) -> dict[str, Path]:
        """The files that ship with an assignment besides its notebooks (helper modules, data),
        relative path -> path, as ``nbgrader autograde`` copies them next to the submission."""
        from nbgrader.utils import find_all_files

        folder = self.root / self.coursedir.source_directory / assignment
        files = find_all_files(str(folder), list(self.coursedir.ignore) + ["*.ipynb"])
        return {Path(f).relative_to(folder).as_posix(): Path(f) for f in sorted(files)}

    def timestamp(self, student: str, assignment: str):
        """nbgrader's submission time (``timestamp.txt``), or None (also when it is unreadable)."""
        try:
            return self.coursedir.get_existing_timestamp(str(self.folder("submitted", student, assignment)))
        except Exception:
            return None
