"""The dashboard's "Sự kiện được nhiều báo đưa tin" on Elasticsearch counts every copy of a story,
also when its copies straddle two months.

Found by walk6 (2026-12-03) on the bundled sample press: a story with three copies on 23/10 and one
on 02/11 was "3 bài, 3 cơ quan" on Elasticsearch and 4 on the embedded index. Elasticsearch keeps
one index per month and each proposes only its own top stories (size × 1.5 + 10); the month holding
one copy did not propose it, so that copy was not counted — nor the outlet, nor, had it been the
earliest, the first copy. The auto follow-up (stories carried by ≥ 3 outlets) reads the same list.
"""

from __future__ import annotations

import html
import random
import re
from datetime import datetime

import pytest

from presswatch.app import create_app
from search.document import LOCAL_TZ, Document
from search.ingest import open_ingester
from tests.helpers import logged_in_client

ONSETS = "b c d đ g h kh l m n ph qu s t th tr v x"
RHYMES = "a ă â e ê i o ô ơ u ư anh ong ương iên"
SYLLABLES = [onset + rhyme for onset in ONSETS.split(" ") for rhyme in RHYMES.split(" ")]


def _copies(story: int, when: list[tuple[datetime, str]], text: str) -> list[Document]:
    """One story: the same article (a syndicated piece) at each (time, outlet)."""
    return [
        Document.from_mapping(
            {
                "url": f"https://{outlet}.example.vn/su-viec-{story}.html",
                "outlet_id": outlet,
                "title": f"Sự việc số {story} " + text[:40],
                "sapo": text[:120],
                "body": text,
                "published_at": published.isoformat(),
            }
        )
        for published, outlet in when
    ]


@pytest.mark.elasticsearch
def test_a_story_straddling_two_months_counts_every_copy(tmp_path, es_data_folder):
    config = es_data_folder
    rng = random.Random(20261203)

    def text() -> str:
        return " ".join(rng.choice(SYLLABLES) for _ in range(120)) + "."

    documents = []
    # October: thirty stories, each carried by two outlets.
    for story in range(30):
        day = datetime(2026, 10, 15 + story % 15, 8, tzinfo=LOCAL_TZ)
        documents += _copies(story, [(day, f"bao{story}a"), (day.replace(hour=9), f"bao{story}b")], text())
    # The story of the period: one copy on 31/10, three on 01/11 — four outlets, four copies.
    straddling = [(datetime(2026, 10, 31, 21, tzinfo=LOCAL_TZ), "nguon0")]
    straddling += [(datetime(2026, 11, 1, 8 + n, tzinfo=LOCAL_TZ), f"nguon{n}") for n in (1, 2, 3)]
    documents += _copies(99, straddling, text())
    ingester = open_ingester(config, refresh=True)  # what the crawler's pipeline hands articles to
    for document in documents:
        ingester.add(document)
    ingester.close()

    app = create_app({"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": config})
    viewer = logged_in_client(app, "viewer")
    page = viewer.get("/", query_string={"period": "month", "end": "2026-11-10", "scope": "all"})
    stories = re.findall(
        r'<a class="story-title"[^>]*>([^<]+)</a>\s*<p class="meta"><a class="badge" href="([^"]+)">'
        r"(\d+) cơ quan báo chí</a>\s*<span class=\"muted\">(\d+) bài",
        page.get_data(as_text=True),
    )
    assert stories, "no story on the dashboard"
    title, link, outlets, articles = stories[0]
    assert title.startswith("Sự việc số 99"), [s[0][:16] for s in stories]
    assert (int(outlets), int(articles)) == (4, 4)
    found = viewer.get(html.unescape(link)).get_data(as_text=True)  # the badge's link: the story's copies
    assert int(re.search(r'<strong class="total">(\d+)</strong>', found).group(1)) == 4
