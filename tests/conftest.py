"""Shared fixtures: a real Elasticsearch node for the session, the sample press, temp data dirs."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from presswatch.elasticsearch_node import Node, NodeError, cache_dir

# Tests use a fixed "today" for the sample press, so dates in assertions are stable.
SAMPLE_END = date(2026, 11, 20)
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def elasticsearch_url() -> Iterator[str]:
    """A real node: PRESSWATCH_ELASTICSEARCH_URL if set, else one started for this session.

    Never skips: a node that cannot start fails the tests that need it, with the reason.
    """
    configured = os.environ.get("PRESSWATCH_TEST_ELASTICSEARCH_URL")
    if configured:
        yield configured
        return
    node = Node(
        name=f"pytest-{uuid.uuid4().hex[:8]}",
        heap="768m",
        base_dir=cache_dir() / "nodes" / f"pytest-{os.getpid()}",
    )
    try:
        node.start(progress=lambda message: None)
    except NodeError as error:
        pytest.fail(
            f"Elasticsearch could not start, so the Elasticsearch tests cannot run:\n{error}", pytrace=False
        )
    yield node.url
    node.stop()
    shutil.rmtree(node.base_dir, ignore_errors=True)


@pytest.fixture
def es_index(elasticsearch_url: str) -> Iterator[str]:
    """A fresh alias name per test; its indices are deleted afterwards."""
    from elasticsearch import Elasticsearch

    name = f"test-{uuid.uuid4().hex[:10]}"
    yield name
    client = Elasticsearch(elasticsearch_url)
    client.options(ignore_status=404).indices.delete(index=f"{name}-*")
    client.options(ignore_status=404).indices.delete_index_template(name=f"{name}-g*")
    client.close()


@pytest.fixture
def es_data_folder(tmp_path, elasticsearch_url: str, es_index: str, monkeypatch):
    """A data folder (tmp_path) on a fresh Elasticsearch alias, set in the environment as an
    operator sets it, so the CLI run as a subprocess and the app read the same; its SearchConfig."""
    from search.config import SearchConfig

    env = {
        "PRESSWATCH_DATA_DIR": str(tmp_path),
        "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url,
        "PRESSWATCH_ELASTICSEARCH_INDEX": es_index,
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return SearchConfig.from_env(env)


@pytest.fixture(scope="session")
def sample_press():
    from presswatch.sample_press import SamplePress

    with SamplePress(end=SAMPLE_END) as press:
        yield press


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory, monkeypatch):
    """Every test gets its own data folder and the embedded index unless it asks for more."""
    monkeypatch.setenv("PRESSWATCH_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("PRESSWATCH_ELASTICSEARCH_URL", raising=False)


# --- the app fixtures every test folder shares: app, client, login_as(role) ---------------------


@pytest.fixture
def app(tmp_path):
    """The app as `presswatch run` makes it, over the test corpus (tests/browser/corpus.py) in its
    own data folder, embedded index. A module that needs another app defines its own ``app``."""
    from tests.browser.corpus import corpus_app

    return corpus_app(tmp_path)[0]


@pytest.fixture
def client(app):
    """A browser that has not logged in."""
    return app.test_client()


@pytest.fixture
def login_as(app):
    """``login_as("editor")``: a client logged in through the login form as a new user of that role."""
    from tests.helpers import logged_in_client

    return lambda role="viewer": logged_in_client(app, role)
