"""The worker's deferred matplotlib (autograder/boundary/worker_plots.py): importing pyplot costs
nothing until a cell uses it, and then everything works as usual, whatever the import's form."""

from __future__ import annotations

import pytest

from autograder.boundary import launcher, protocol


def _cell_errors(*sources: str) -> dict[int, str]:
    """Run ``sources`` as the cells of one worker (no sandbox: quick); their errors by index."""
    workdir = launcher.make_workdir("{}")
    try:
        cells = [{"filename": f"<cell {i + 1}>", "source": s} for i, s in enumerate(sources)]
        header = protocol.header(cells, {"cell_seconds": 30, "call_seconds": 5})
        run = launcher.run_worker(launcher.worker_command(workdir), header, [], len(cells), 120.0)
    finally:
        launcher.remove_workdir(workdir)
    assert run.response.done, run.log
    return {i: f"{c.error.type}: {c.error.message}" for i, c in run.response.cells.items() if c.error}


def test_pyplot_is_imported_only_when_a_cell_uses_it_and_then_works():
    errors = _cell_errors(
        "import sys\nimport matplotlib.pyplot as plt\n%matplotlib inline\n"
        "assert type(sys.modules['matplotlib']).__name__ == 'DeferredModule', 'imported at once'",
        "line, = plt.plot([1, 2, 3])\nassert plt.get_fignums() == [1]\n"
        "import matplotlib\nassert type(sys.modules['matplotlib']).__name__ == 'module'\n"
        "assert matplotlib.__version__ and matplotlib.pyplot.gca() is not None",
        "assert plt.get_fignums() == [], 'the figures of the cell before are closed'",
        "from matplotlib import colors\nassert colors.to_hex('red') == '#ff0000'")
    assert errors == {}


@pytest.mark.parametrize("first", [
    "from matplotlib import pyplot as plt",
    "import matplotlib as mpl\nmpl.use('Agg')\nimport matplotlib.pyplot as plt",
    "import matplotlib\nmatplotlib.rcParams['lines.linewidth'] = 3\nfrom matplotlib import pyplot as plt",
])
def test_every_form_of_the_import_gives_a_working_pyplot(first):
    errors = _cell_errors(first, "fig, ax = plt.subplots()\nax.plot([0, 1])\nassert len(ax.lines) == 1",
                          "import numpy as np\nassert plt.get_fignums() == []")
    assert errors == {}
