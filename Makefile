# Two entry points for a fresh machine (Python 3.11, no internet beyond package registries):
#   make demo  — install, crawl the bundled sample press, serve the UI at http://127.0.0.1:5000
#   make test  — install with test extras, fetch the Elasticsearch node, run the whole suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-dev lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/presswatch demo

test: install-dev
	bash scripts/install-system-deps.sh
	$(BIN)/presswatch elasticsearch install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
