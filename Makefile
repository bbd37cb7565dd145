# Two entry points for a fresh machine (Python 3.11, no internet beyond package registries):
#   make demo  — install, crawl the bundled sample press, serve the UI at http://127.0.0.1:5000
#   make test  — install with test extras, fetch the Elasticsearch node, run the whole suite
# Every install takes its versions from constraints.txt (scripts/lock.sh writes it from
# pyproject.toml's ranges); `make audit` checks that set for known vulnerabilities.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-dev lint typecheck format-check audit lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[native]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	touch $@ $(VENV)/.installed

# Both also compile the analyser's scanning modules with mypyc into build/native/ (not committed)
# when mypyc (the native extra; dev has it too) and a C compiler are there, and only when the
# sources changed since; otherwise they run as Python, same output, slower
# (search/analysis/_native.py).
install: $(VENV)/.installed
	$(BIN)/python scripts/build_native.py
install-dev: $(VENV)/.installed-dev
	$(BIN)/python scripts/build_native.py

demo: install
	$(BIN)/presswatch demo

test: install-dev
	bash scripts/install-system-deps.sh
	$(BIN)/presswatch elasticsearch install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

audit: install-dev
	$(BIN)/python scripts/audit.py

lock:
	bash scripts/lock.sh

lint: install-dev
	$(BIN)/ruff check .

# The code as `ruff format` writes it ([tool.ruff.format] in pyproject.toml says what is left out).
format-check: install-dev
	@$(BIN)/ruff format --check . || { echo "ruff format: the files above are not formatted; run: ruff format <files>" >&2; exit 1; }

# mypy over the packages and with the strictness set in pyproject.toml's [tool.mypy].
typecheck: install-dev
	@$(BIN)/mypy || { echo "mypy: the type errors above must be fixed (settings and why: [tool.mypy] in pyproject.toml)" >&2; exit 1; }
