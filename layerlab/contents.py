"""The course's Jupyter contents manager: notebooks open in JupyterLab without a "modified" mark.

When a kernel connects, JupyterLab writes the kernel's own ``language_info`` record into the
notebook's metadata; if it differs from what the file holds (compared as JSON, deep equality), the
notebook is marked modified before the student has typed anything. The kernel's record includes
the exact Python version (``{"name": "python", "version": "3.11.7", "mimetype": ..., ...}``), so no
record written into a committed file can equal it on every supported Python. The course's files
therefore hold only ``{"name": "python"}``, and :class:`CourseContentsManager` (``make lab`` runs
JupyterLab with it: ``--ServerApp.contents_manager_class=layerlab.contents.CourseContentsManager``)
hands JupyterLab a notebook whose ``language_info`` is completed with this environment's ipykernel
record, the one the kernel is about to report. Files on disk are not touched; a notebook the
student saves keeps the full record, as any JupyterLab would have saved it.
"""

from __future__ import annotations

import copy
from typing import Any

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager

#: the kernel the course's notebooks name in ``metadata.kernelspec.name``
KERNEL_NAME = "python3"


def kernel_language_info() -> dict[str, Any]:
    """The ``language_info`` an ipykernel of this Python environment reports (a fresh copy)."""
    from ipykernel.ipkernel import IPythonKernel

    return copy.deepcopy(IPythonKernel.language_info)


def complete_language_info(metadata: dict, record: dict[str, Any] | None = None) -> bool:
    """Replace ``metadata["language_info"]`` by the kernel's ``record`` when the notebook is for the
    course's kernel and every field it already has agrees with the record; True if it did.

    ``metadata`` is a notebook's metadata (a dict); ``record`` defaults to
    :func:`kernel_language_info`. A notebook for another kernel or language is left alone.
    """
    kernelspec = metadata.get("kernelspec") or {}
    stored = metadata.get("language_info")
    if kernelspec.get("name") != KERNEL_NAME or not isinstance(stored, dict):
        return False
    record = kernel_language_info() if record is None else record
    if stored == record or any(record.get(key) != value for key, value in stored.items()):
        return False
    metadata["language_info"] = copy.deepcopy(record)
    return True


class CourseContentsManager(AsyncLargeFileManager):
    """Jupyter Server's default contents manager, with :func:`complete_language_info` applied to
    every notebook it returns with its content."""

    async def get(self, path, content=True, type=None, format=None, **kwargs):
        model = await super().get(path, content=content, type=type, format=format, **kwargs)
        if model.get("type") == "notebook" and isinstance(model.get("content"), dict):
            complete_language_info(model["content"].setdefault("metadata", {}))
        return model
