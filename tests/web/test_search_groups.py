"""The search page groups merged outlets (issue 20): Báo Bắc Giang's 2024 article counts under
today's Báo và Phát thanh, Truyền hình Bắc Ninh; a link shows the outlets apart, and back."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from html import unescape

import pytest

from search.backends import open_backend
from search.config import SearchConfig
from search.document import LOCAL_TZ, Document
from tests.browser.corpus import corpus_app
from tests.helpers import logged_in_client
from tests.web.test_search_page import facet_counts, total


@pytest.fixture
def client(tmp_path):
    app, _anchor = corpus_app(tmp_path)
    backend = open_backend(SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(tmp_path)}))
    body = "Lễ hội vải thiều Lục Ngạn thu hút đông đảo du khách. Nông dân phấn khởi vì giá vải cao."
    backend.index(
        [
            Document(
                url="https://baobacgiang.vn/vai-thieu-2024.html",
                outlet_id="baobacgiang",
                outlet_name="Báo Bắc Giang",
                outlet_group="bptth-bacninh",
                title="Vải thiều Lục Ngạn 2024",
                body=body,
                published_at=datetime(2024, 6, 10, 8, tzinfo=LOCAL_TZ),
            ),
            Document(
                url="https://baobacninhtv.vn/vai-thieu-postid1.bbg",
                outlet_id="bptth-bacninh",
                outlet_group="bptth-bacninh",
                title="Vải thiều Lục Ngạn 2026",
                body=body,
                published_at=datetime(2026, 6, 12, 8, tzinfo=LOCAL_TZ),
            ),
        ]
    )
    backend.close()
    return logged_in_client(app, "viewer")


def toggle(page: str) -> tuple[str, str]:
    link = re.search(r'<p class="facet-toggle[^"]*"><a href="([^"]+)">([^<]+)</a>', page)
    return unescape(link.group(1)), link.group(2)


def test_outlets_are_grouped_by_default_and_can_be_shown_apart(client):
    page = client.get("/search", query_string={"q": "vải thiều"}).get_data(as_text=True)
    assert total(page) == 2
    assert facet_counts(page, "group") == {"Báo và Phát thanh, Truyền hình Bắc Ninh": 2}
    assert 'data-facet="outlet"' not in page
    href, label = toggle(page)
    assert label == "Tách riêng các cơ quan đã sáp nhập"

    apart = client.get(href).get_data(as_text=True)
    assert facet_counts(apart, "outlet") == {
        "Báo Bắc Giang (cũ)": 1,
        "Báo và Phát thanh, Truyền hình Bắc Ninh": 1,
    }
    assert 'data-facet="group"' not in apart
    back, label = toggle(apart)
    assert label == "Gộp các cơ quan đã sáp nhập" and "apart" not in back

    # Choosing the group finds the predecessor's article too; the old outlet alone finds only its own.
    assert (
        total(
            client.get("/search", query_string={"q": "vải thiều", "group": "bptth-bacninh"}).get_data(
                as_text=True
            )
        )
        == 2
    )
    assert (
        total(
            client.get(
                "/search", query_string={"q": "vải thiều", "outlet": "baobacgiang", "apart": "1"}
            ).get_data(as_text=True)
        )
        == 1
    )


def test_dashboard_counts_a_merged_paper_with_its_successor_and_can_show_it_apart(tmp_path):
    """Báo Bắc Giang stopped at the merger and its successor goes on: grouped, nobody fell silent;
    apart, the old paper shows in the table and as silent (what the dashboard used to say)."""
    app, anchor = corpus_app(tmp_path)
    backend = open_backend(SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(tmp_path)}))
    at = datetime.combine(anchor, datetime.min.time(), LOCAL_TZ)
    old = [
        Document(
            url=f"https://baobacgiang.vn/vai-{n}.html",
            outlet_id="baobacgiang",
            outlet_group="bptth-bacninh",
            outlet_kind="provincial-party-paper",
            title=f"Vải thiều Lục Ngạn số {n}",
            body="Mùa vải thiều ở Bắc Giang.",
            provinces=["Bắc Ninh"],
            published_at=at.replace(hour=8) - timedelta(days=20 + n),
        )
        for n in range(3)
    ]
    new = Document(
        url="https://baobacninhtv.vn/vai-postid9.bbg",
        outlet_id="bptth-bacninh",
        outlet_group="bptth-bacninh",
        outlet_kind="provincial-press-agency",
        title="Vải thiều Bắc Ninh",
        body="Mùa vải thiều ở Bắc Ninh.",
        provinces=["Bắc Ninh"],
        published_at=at.replace(hour=8) - timedelta(days=1),
    )
    backend.index([*old, new])
    backend.close()
    client = logged_in_client(app, "viewer")

    def silent_section(page: str) -> str:
        return re.search(r"Cơ quan báo chí không có bài mới.*?</section>", page, re.S).group(0)

    grouped = client.get("/", query_string={"end": anchor.isoformat(), "period": "month", "scope": "all"})
    page = grouped.get_data(as_text=True)
    assert "Báo Bắc Giang" not in silent_section(page)
    href, label = toggle(page)
    assert label == "Tách riêng các cơ quan đã sáp nhập"
    assert "group=bptth-bacninh" in unescape(page)  # the table's link searches the whole group

    apart = client.get(href).get_data(as_text=True)
    assert "Báo Bắc Giang" in silent_section(apart)
    assert "outlet=baobacgiang" in unescape(apart)
    assert toggle(apart)[1] == "Gộp các cơ quan đã sáp nhập"
