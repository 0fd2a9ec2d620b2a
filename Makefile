# layerlab: every target creates (or refreshes) the virtual environment first.
#   make lab    set up, then open the course in JupyterLab
#   make test   set up, then run the whole test suite (what CI runs)
#   make bench  set up, then measure notebook run times, training speed (idle and one core busy)
#               and grading against stock nbgrader (1 and 30 submissions) (benchmarks/speed.py)
#   make demo   set up, then serve the widgets as a page (voila) on http://127.0.0.1:8866
#   make hub    (as root) set up the demo course on JupyterHub, then run it on http://127.0.0.1:8000
#   make student-kit  set up, then write dist/layerlab-student-kit.zip (release, wheel, README)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.layerlab-installed
PYTEST_ARGS ?=
# test files are spread over this many processes (pytest-xdist); a file's tests share one process
PYTEST_JOBS ?= 2
BENCH_ARGS ?=
DEMO ?= demos/widgets.ipynb
DEMO_PORT ?= 8866

.PHONY: env lab test bench demo hub release fixtures generated check-generated student-kit clean

env: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "layerlab needs Python 3.10 or newer; this is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@# setuptools' editable build warns in a box that same-named folders in the working directory may
	@# shadow the package: here that folder is the package itself, so the box says nothing useful.
	PYTHONWARNINGS=ignore::UserWarning $(BIN)/python -m pip install --quiet -e '.[test]'
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
	$(BIN)/python -m pytest -n $(PYTEST_JOBS) --dist loadfile $(PYTEST_ARGS)

# Prints a table and writes benchmarks/results/speed.json; e.g. make bench BENCH_ARGS=--quick
bench: env
	$(BIN)/python benchmarks/speed.py $(BENCH_ARGS)

# The widgets as a standalone page for a lecture: voila runs DEMO in its own kernel, on 127.0.0.1.
demo: env
	$(BIN)/voila $(DEMO) --Voila.ip=127.0.0.1 --port=$(DEMO_PORT) --no-browser

# The demo course on JupyterHub (README "Running a class on JupyterHub"): system users, the
# instructor's course directory, the exchange and the servers' environment under HUB_ROOT (all
# reused when present), then the hub itself in the foreground. Needs root, node and npm.
HUB_ROOT ?= /srv/layerlab-hub
HUB_STUDENTS ?= 3
HUB_PROXY := hub/node_modules/.bin/configurable-http-proxy

$(HUB_PROXY): hub/package.json hub/package-lock.json
	@command -v npm >/dev/null || { echo "make hub needs node and npm (apt-get install nodejs npm)"; exit 1; }
	cd hub && npm ci --no-audit --no-fund
	@touch $@

hub: env $(HUB_PROXY)
	@[ "$$(id -u)" = 0 ] || { echo "make hub creates system users and must run as root"; exit 1; }
	@$(BIN)/python -c 'import jupyterhub' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[hub]'
	cd hub && LAYERLAB_HUB_ROOT=$(HUB_ROOT) $(abspath $(BIN))/python -m hubsetup --students $(HUB_STUDENTS)
	@echo "starting JupyterHub on http://127.0.0.1:8000 (state in $(HUB_ROOT)/state; Ctrl-C stops it)"
	cd $(HUB_ROOT)/state && LAYERLAB_HUB_ROOT=$(HUB_ROOT) LAYERLAB_HUB_STUDENTS=$(HUB_STUDENTS) \
		exec $(abspath $(BIN))/jupyterhub -f $(abspath hub/jupyterhub_config.py)

# Regenerate everything derived from source/: public-check fixtures, then the student release.
generated: env
	$(BIN)/python -m autograder build

check-generated: env
	$(BIN)/python -m autograder build --check

# What students receive: the release notebooks, a wheel of layerlab alone, a README (no solutions).
student-kit: env
	$(BIN)/python -m autograder student-kit

clean:
	rm -rf $(VENV) .pytest_cache gradebook.db .exchange
