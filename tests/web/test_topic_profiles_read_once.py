"""Pages read the topic profiles once per version of the file, not on every request.

Found by walk8 (2026-12-03) profiling the dashboard under load (bench/web.py --users 50): every
dashboard build, and every article page an editor opened, re-read and re-validated topics.yaml
(YAML parse plus one query-language parse per profile term, ~700): about three quarters of a
dashboard request's time went there, on pages whose answer did not depend on it. The analysis
already keeps the profiles compiled per file version; the pages now use that, and an admin's edit
(a new version of the file) is still read at once.
"""

from __future__ import annotations

import os

import pytest
import yaml

import search.analysis.profiles as profiles_module
from search.analysis.profiles import PROFILES_PATH
from search.config import TOPICS_FILE
from tests.browser.corpus import corpus_app
from tests.helpers import logged_in_client


class CountingYaml:
    """``yaml`` as profiles.py sees it, counting the topic files it parses."""

    def __init__(self) -> None:
        self.parsed = 0

    def safe_load(self, text):
        self.parsed += 1
        return yaml.safe_load(text)

    def __getattr__(self, name):
        return getattr(yaml, name)


@pytest.fixture
def counted(monkeypatch):
    counter = CountingYaml()
    monkeypatch.setattr(profiles_module, "yaml", counter)
    return counter


def test_the_dashboard_and_article_pages_do_not_parse_the_topic_file_per_request(
    tmp_path, counted, monkeypatch
):
    monkeypatch.setenv("PRESSWATCH_DATA_DIR", str(tmp_path))
    app, anchor = corpus_app(tmp_path)
    viewer = logged_in_client(app, "viewer")
    editor = logged_in_client(app, "editor")
    args = {"end": anchor.isoformat(), "period": "week"}
    article = viewer.get("/search", query_string={"sort": "date"}).get_data(as_text=True)
    link = article.split('href="/articles/', 1)[1].split('"', 1)[0]

    assert viewer.get("/", query_string=args).status_code == 200
    assert editor.get(f"/articles/{link}").status_code == 200
    first = counted.parsed
    for period in ("day", "week", "month"):
        assert viewer.get("/", query_string={**args, "period": period, "scope": "all"}).status_code == 200
        assert editor.get(f"/articles/{link}").status_code == 200
    assert counted.parsed == first, "the topic file was parsed again for requests that did not change it"

    # An admin's edit is a new version of the file: the next page reads it.
    edited = tmp_path / TOPICS_FILE
    text = PROFILES_PATH.read_text(encoding="utf-8")
    edited.write_text(text, encoding="utf-8")
    os.utime(edited, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    assert editor.get(f"/articles/{link}").status_code == 200
    assert counted.parsed == first + 1
