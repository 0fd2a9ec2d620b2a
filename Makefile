# layerlab: every target creates (or refreshes) the virtual environment first.
#   make lab    set up, then open the course in JupyterLab
#   make test   set up, then run the whole test suite (what CI runs)
#   make bench  set up, then measure notebook run times and training speed (benchmarks/speed.py)
#   make demo   set up, then serve the widgets as a page (voila) on http://127.0.0.1:8866
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.layerlab-installed
PYTEST_ARGS ?=
BENCH_ARGS ?=
DEMO ?= demos/widgets.ipynb
DEMO_PORT ?= 8866

.PHONY: env lab test bench demo release fixtures generated check-generated clean

env: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "layerlab needs Python 3.10 or newer; this is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# layerlab.contents.CourseContentsManager: notebooks open without a "modified" mark (the kernel's
# language_info, Python version included, is filled in as JupyterLab is about to write it).
# lab-settings/overrides.json: the course's JupyterLab defaults (no Last Modified column in the file
# browser, so week4_deep_nn_application and week4_deep_nn_step_by_step are not both cut to
# "week4_deep_n..."); a student's own settings still win.
# nbgrader's formgrader runs tools of the environment (alembic) by name, so the environment's bin
# directory goes first on PATH; the course-local exchange must exist for the Assignment List.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--ServerApp.allow_root=True)

lab: env
	@mkdir -p .exchange && chmod 0777 .exchange
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/jupyter lab --ServerApp.root_dir=. \
		--LabApp.default_url=/lab/tree/assignments \
		--ServerApp.contents_manager_class=layerlab.contents.CourseContentsManager \
		--LabApp.app_settings_dir=lab-settings $(ALLOW_ROOT)

test: env
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Prints a table and writes benchmarks/results/speed.json; e.g. make bench BENCH_ARGS=--quick
bench: env
	$(BIN)/python benchmarks/speed.py $(BENCH_ARGS)

# The widgets as a standalone page for a lecture: voila runs DEMO in its own kernel, on 127.0.0.1.
demo: env
	$(BIN)/voila $(DEMO) --Voila.ip=127.0.0.1 --port=$(DEMO_PORT) --no-browser

# Regenerate everything derived from source/: public-check fixtures, then the student release.
generated: env
	$(BIN)/python -m autograder build

check-generated: env
	$(BIN)/python -m autograder build --check

clean:
	rm -rf $(VENV) .pytest_cache gradebook.db .exchange
