#!/usr/bin/env bash
# Regenerates constraints.txt: every package `pip install -e '.[dev]'` brings, pinned to one
# version, resolved by pip-tools' pip-compile from pyproject.toml's ranges (runtime + dev extra)
# for this Python (CI's: 3.11, Linux). `make install`/`install-dev` and so `.ci/run` install with
# `-c constraints.txt`, so CI, a developer and `make demo` get the same set, and
# `scripts/audit.py` audits exactly that set. docs/OPERATIONS.md "Dependencies" says when to run it.
#
#   scripts/lock.sh              keep current pins where the ranges still allow them
#   scripts/lock.sh --upgrade    newest versions the ranges allow (then run the tests)
#   scripts/lock.sh -P NAME      upgrade one package
#
# pip-tools lives in its own throw-away virtualenv: it is pinned to the pip it supports, which
# need not be the project's.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
PIP_TOOLS_VERSION=7.6.2
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
"$PYTHON" -m venv "$tools/venv"
"$tools/venv/bin/python" -m pip install -q "pip-tools==$PIP_TOOLS_VERSION"
# --strip-extras: a constraints file may not name extras; no index or find-links lines, so the
# file says nothing about the machine it was made on.
CUSTOM_COMPILE_COMMAND="scripts/lock.sh" "$tools/venv/bin/pip-compile" --quiet \
  --extra dev --strip-extras --no-emit-index-url --no-emit-find-links --no-emit-trusted-host \
  --output-file constraints.txt "$@" pyproject.toml
echo "constraints.txt: $(grep -c '^[a-z0-9]' constraints.txt) pinned packages"
