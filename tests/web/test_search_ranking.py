"""The search page's relevance order on the embedded index, as a user meets it (Flask client on
/search over the demo's sample-press articles): fix6, walk4's `thu hồi chủ trương` put the two
articles whose headline holds those words 3rd and 6th, behind "lễ hội" and "tăng trưởng" pieces."""

from __future__ import annotations

import re
from html import unescape

import pytest

from search.backends import open_backend
from search.config import SearchConfig
from tests.helpers import logged_in_client
from tests.search.test_ranking import CORPUS, tier


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from presswatch.app import create_app

    data_dir = tmp_path_factory.mktemp("ranking-web")
    search_config = SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(data_dir)})
    backend = open_backend(search_config)
    assert not backend.index(CORPUS).errors
    backend.close()
    app = create_app({"PRESSWATCH_DATA_DIR": data_dir, "PRESSWATCH_SEARCH": search_config, "TESTING": True})
    return logged_in_client(app, "viewer")


def titles(client, query: str) -> list[str]:
    page = client.get("/search", query_string={"q": query}).get_data(as_text=True)
    return [
        unescape(t) for t in re.findall(r'<h2 class="hit-title" lang="vi"><a href="[^"]+">(.*?)</a>', page)
    ]


def test_headlines_holding_the_words_together_come_first(client):
    query = "thu hồi chủ trương"
    together = [d.title for d in CORPUS if tier(d, query) == 0]
    shown = titles(client, query)
    assert len(together) == 2 and len(shown) >= 10
    assert sorted(shown[:2]) == sorted(together), shown[:6]
