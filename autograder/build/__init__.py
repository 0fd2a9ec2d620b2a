"""The build pipeline: everything derived from ``source/`` before a course reaches anyone.

  source.py          reads a source notebook: its graded solution cells, the reference they define
  fixtures.py        the public checks' expected values (``layerlab/checks/expected/*.json``)
  helper_modules.py  the helper files an assignment ships, generated from the source's cells
  release.py         the student release through nbgrader (``assignments/``)
  student_kit.py     the zip a class without JupyterHub hands out (release, wheel, README)
  strip_hidden.py    layerlab without its hidden cases: the kit's, the hub's and the sandbox's copy

Nothing here runs student code.
"""
