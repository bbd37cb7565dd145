"""The `presswatch` command as a user meets it: `--help` lists Presswatch's own commands first
(Flask's maintenance commands apart, Flask's loader options hidden), and `presswatch search` says
when a lowercase and/or/not was probably meant as an operator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from search.backends import open_backend
from search.config import SearchConfig
from tests.browser.corpus import index_corpus
from web.filters import local_today

REPO = Path(__file__).resolve().parents[2]


def presswatch(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir), "PRESSWATCH_ELASTICSEARCH_URL": ""}
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli-data")
    backend = open_backend(SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(folder)}))
    index_corpus(backend, local_today())
    backend.close()
    return folder


def test_help_shows_presswatch_commands_first_and_hides_flask_options(data_dir):
    result = presswatch("--help", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for option in ("--app", "--env-file", "--debug", "Show the Flask version"):
        assert option not in text, option
    ours, _, theirs = text.partition("Flask commands")
    assert theirs, "Flask's own commands are listed apart, after Presswatch's"
    for command in ("crawl", "demo", "search", "digest", "run", "up", "users", "backup"):
        assert f"\n  {command} " in ours, command
    for command in ("shell", "routes"):
        assert f"\n  {command} " not in ours and f"\n  {command} " in theirs, command
    assert presswatch("run", "--help", data_dir=data_dir).returncode == 0  # `presswatch run` still works
    assert presswatch("routes", data_dir=data_dir).returncode == 0  # and Flask's commands too


@pytest.mark.parametrize(
    "query,operator",
    [("tai nạn or va chạm", "OR"), ("giao thông and Bắc Ninh", "AND"), ("Bắc Ninh not Hà Nội", "NOT")],
)
def test_search_suggests_the_operator_for_a_lowercase_word(data_dir, query, operator):
    result = presswatch("search", query, "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    json.loads(result.stdout)  # the hint never spoils machine-readable output
    assert f"{operator}?" in result.stderr  # "did you mean OR?"
    suggested = query.replace(f" {operator.lower()} ", f" {operator} ")
    assert suggested in result.stderr


def test_no_hint_for_uppercase_operators_or_quoted_words(data_dir):
    for query in ("tai nạn OR va chạm", '"rock and roll"', "Bắc Ninh"):
        result = presswatch("search", query, data_dir=data_dir)
        assert result.returncode == 0, result.stderr
        assert "?" not in result.stderr, (query, result.stderr)
