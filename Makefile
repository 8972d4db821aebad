# Two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make run   - create the virtual environment, install, open Branchdesk on a demo store
#   make test  - install what tests need and run lint, type checks and the whole suite headless
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO   := var/demo
TICKETS ?= 2000

.PHONY: run test lint bench translations screenshots clean

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

# The window's tests run in a process of their own: nothing Qt left queued in one of
# them can fire in the middle of the rest of the suite.
test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/gui
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q --ignore=tests/gui

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

# the Polish (and English plural) translations from the code's texts, then the .qm files
translations: $(STAMP)
	$(BIN)/python scripts/translations.py

# docs/screenshots/*.png, taken offscreen from a fresh demo store and an in-process server
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) var build *.egg-info
