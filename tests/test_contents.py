"""Does the course's contents manager hand JupyterLab notebooks whose language_info already is the
kernel's, so that opening one does not mark it modified? (The browser test in
tests/browser/test_jupyterlab.py checks the mark itself.)"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys

import nbformat

from conftest import REPO
from layerlab.contents import CourseContentsManager, complete_language_info, kernel_language_info


def _metadata(language_info):
    return {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)",
                           "language": "python"}, "language_info": language_info}


def test_the_course_files_hold_only_the_language_name():
    # What the committed files say must hold on every Python: the name, no version.
    for path in sorted((REPO / "assignments").glob("*/*.ipynb")) + sorted((REPO / "source").glob("*/*.ipynb")):
        assert nbformat.read(path, 4).metadata["language_info"] == {"name": "python"}, path


def test_the_kernel_record_is_what_a_running_kernel_reports(tmp_path):
    # The record the server fills in is the one a python3 kernel of this environment sends.
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        reply = client.kernel_info(reply=True, timeout=60)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert reply["content"]["language_info"] == kernel_language_info()


def test_a_course_notebook_gets_the_full_record_and_others_are_left_alone():
    record = kernel_language_info()
    ours = _metadata({"name": "python"})
    assert complete_language_info(ours, record) and ours["language_info"] == record
    other_version = _metadata({"name": "python", "version": "2.7.18"})
    assert not complete_language_info(other_version, record)
    assert other_version["language_info"] == {"name": "python", "version": "2.7.18"}
    other_kernel = {"kernelspec": {"name": "ir"}, "language_info": {"name": "R"}}
    assert not complete_language_info(other_kernel, record)


def test_the_manager_changes_what_it_serves_not_the_file(tmp_path):
    path = tmp_path / "n.ipynb"
    source = (REPO / "assignments" / "week2_quiz" / "quiz_week2.ipynb").read_bytes()
    path.write_bytes(source)
    manager = CourseContentsManager(root_dir=str(tmp_path))
    model = asyncio.run(manager.get("n.ipynb", content=True, type="notebook"))
    assert model["content"]["metadata"]["language_info"] == kernel_language_info()
    listing = asyncio.run(manager.get("", content=True))
    assert [entry["name"] for entry in listing["content"]] == ["n.ipynb"]
    assert path.read_bytes() == source
