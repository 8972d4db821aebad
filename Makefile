# Two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make run   - create the virtual environment, install, open Branchdesk on a demo store
#   make test  - install what tests need and run lint, type checks and the whole suite headless
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO   := var/demo
TICKETS ?= 2000

.PHONY: run test lint bench translations screenshots clean installer installer-test

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

$(DEMO)/branchdesk.sqlite3: | $(STAMP)
	$(BIN)/branchdesk --data-dir $(DEMO) demo --tickets $(TICKETS)

run: $(STAMP) $(DEMO)/branchdesk.sqlite3
	$(BIN)/branchdesk --data-dir $(DEMO)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# The window's tests run in processes of their own: nothing Qt left queued in one of
# them can fire in the middle of the rest of the suite. Tests share nothing (each has
# its own files, PostgreSQL schema and ports), so they run spread over the CPUs
# (TEST_JOBS=1 for one process; at most 4 by default, to keep memory use modest).
TEST_JOBS ?= $(shell $(PYTHON) -c "import os; print(min(4, max(1, len(os.sched_getaffinity(0)))))")
test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(TEST_JOBS) tests/gui
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(TEST_JOBS) --ignore=tests/gui

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

# the Polish (and English plural) translations from the code's texts, then the .qm files
translations: $(STAMP)
	$(BIN)/python scripts/translations.py

# docs/screenshots/*.png, taken offscreen from a fresh demo store and an in-process server
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

# dist/branchdesk/ (the PyInstaller bundle) and dist/branchdesk_VERSION_amd64.deb;
# VERSION=x.y.z builds another version than pyproject.toml's (see installer/README.md)
INSTALLER_STAMP := $(VENV)/.installer-stamp
DEB_COMPRESSION ?= xz
$(INSTALLER_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,installer]'
	touch $(INSTALLER_STAMP)

installer: $(INSTALLER_STAMP)
	@command -v dpkg-deb >/dev/null || { echo "error: dpkg-deb is missing: apt-get install dpkg" >&2; exit 1; }
	$(BIN)/python installer/build.py bundle $(if $(VERSION),--version $(VERSION))
	$(BIN)/python installer/build.py deb $(if $(VERSION),--version $(VERSION)) --compression $(DEB_COMPRESSION)

# builds once, then checks the bundle, the package, an upgrade and the Windows script
# (tools missing here - desktop-file-validate, makensis - are reported as skips with the reason)
installer-test: installer
	@command -v desktop-file-validate >/dev/null || echo "note: desktop-file-validate is missing (apt-get install desktop-file-utils); its check is skipped" >&2
	@command -v makensis >/dev/null || echo "note: makensis is missing (apt-get install nsis); the Windows script's check is skipped" >&2
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -rs -m installer tests/installer

clean:
	rm -rf $(VENV) var build dist *.egg-info
