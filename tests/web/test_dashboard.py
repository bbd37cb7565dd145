"""The dashboard at /: figures for the focus province over a period, on both backends."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from html import unescape

import pytest

from presswatch.app import create_app
from search.backends import open_backend
from search.config import SearchConfig
from tests.browser.corpus import SEED_TITLE, TRAFFIC_TITLE, XSS_OUTLET_NAME, index_corpus
from tests.browser.corpus import corpus_app as make_app
from tests.helpers import logged_in_client
from web.filters import local_today


@pytest.fixture
def corpus(tmp_path):
    return make_app(tmp_path)


@pytest.fixture
def client(corpus):
    return logged_in_client(corpus[0], "viewer")


def get(client, anchor, **args) -> str:
    response = client.get("/", query_string={"end": anchor.isoformat(), **args})
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    return response.get_data(as_text=True)


def kpis(page: str) -> list[int]:
    return [int(v.replace(".", "")) for v in re.findall(r'class="kpi-value">([\d.]+)<', page)]


def chart_data(page: str) -> dict:
    return json.loads(
        re.search(r'<script type="application/json" id="dashboard-data">(.*?)</script>', page, re.S).group(1)
    )


def test_needs_login(corpus):
    response = corpus[0].test_client().get("/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_key_figures_for_the_focus_province(client, corpus):
    page = get(client, corpus[1])
    assert "Tổng quan báo chí về Bắc Ninh" in page
    # today, 7 days, 30 days, negative in the period (7 days), outlets in the period
    assert kpis(page) == [5, 14, 24, 8, 7]
    assert "57%" in page  # 8 of 14 negative
    start = (corpus[1] - timedelta(days=6)).strftime("%d/%m/%Y")
    assert f"Từ {start} đến {corpus[1].strftime('%d/%m/%Y')}" in page


def test_scope_and_period(client, corpus):
    everything = get(client, corpus[1], scope="all")
    assert kpis(everything)[0] == 6  # plus the Hà Nội article of the day
    assert "Tổng quan toàn bộ báo chí" in everything
    month = get(client, corpus[1], period="month")
    assert kpis(month)[3] == 10  # negative over 30 days
    assert chart_data(month)["timeline"]["interval"] == "day"
    quarter = chart_data(get(client, corpus[1], period="quarter"))
    assert quarter["timeline"]["interval"] == "week"
    fallback = get(client, corpus[1], period="nonsense")  # falls back to the week
    assert kpis(fallback) == kpis(get(client, corpus[1]))
    assert 'value="week" data-autosubmit checked' in fallback


def test_timeline_covers_every_day_and_adds_up(client, corpus):
    data = chart_data(get(client, corpus[1]))  # "7 ngày" charts those 7 days (it drew 14)
    timeline = data["timeline"]
    assert len(timeline["labels"]) == 7 and timeline["labels"][-1] == corpus[1].strftime("%d/%m")
    assert [s["key"] for s in timeline["series"]] == ["negative", "neutral", "positive"]
    per_day = [sum(day) for day in zip(*(s["data"] for s in timeline["series"]), strict=True)]
    assert sum(per_day) == 14 and per_day[-1] == 5  # adds up to the "7 ngày" figure
    assert data["tones"]["data"] == [8, 1, 5]


def test_topics_tone_by_topic_and_outlets(client, corpus):
    page = get(client, corpus[1])
    data = chart_data(page)
    assert data["topics"]["labels"][0] == "An toàn giao thông" and data["topics"]["data"][0] == 4
    row = re.search(r"An toàn giao thông</a></th>.*?</tr>", page, re.S).group(0)
    assert "100%" in row  # every crash report is negative
    outlets = re.search(r"Cơ quan báo chí đưa tin nhiều nhất.*?</table>", page, re.S).group(0)
    assert outlets.index("Báo và Phát thanh, Truyền hình Bắc Ninh") < outlets.index("VnExpress")


def test_top_stories_and_negative_articles(client, corpus):
    page = get(client, corpus[1])
    stories = re.search(r"Sự kiện được nhiều báo đưa tin.*?</ol>", page, re.S).group(0)
    assert TRAFFIC_TITLE in stories and "4 cơ quan báo chí" in stories
    assert stories.index(TRAFFIC_TITLE) < stories.index(SEED_TITLE.split(":")[0] + ": 90%")
    attention = re.search(r"Bài tiêu cực cần chú ý.*?</ol>", page, re.S).group(0)
    assert "tai nạn giao thông" in attention and "4 bài / 4 cơ quan" in attention
    assert SEED_TITLE not in attention  # a positive story is not on the watch list


def test_silent_outlets(client, corpus):
    page = get(client, corpus[1])
    silent = re.search(r"Cơ quan báo chí không có bài mới.*?</section>", page, re.S).group(0)
    assert "Báo Xây dựng" in silent and "12 ngày trước" in silent
    assert "VietnamPlus" in silent  # last article 3 days ago, the default threshold is 3 days
    longer = re.search(
        r"Cơ quan báo chí không có bài mới.*?</section>", get(client, corpus[1], silent=7), re.S
    ).group(0)
    assert "Báo Xây dựng" in longer and "VietnamPlus" not in longer


def test_hostile_text_is_inert(client, corpus):
    page = get(client, corpus[1])
    assert XSS_OUTLET_NAME not in page and "<script>alert(" not in page
    assert "&lt;script&gt;alert(" in page  # the hostile title is listed, as text
    raw_json = re.search(r'id="dashboard-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in raw_json  # tojson escapes markup inside the script element


def test_legacy_root_search_url_opens_search(client):
    page = client.get("/", query_string={"q": "kiến nghị"}).get_data(as_text=True)
    assert SEED_TITLE in page and 'role="search"' in page


def test_unavailable_index_is_a_clear_503(tmp_path):
    config = SearchConfig.from_env(
        {"PRESSWATCH_DATA_DIR": str(tmp_path), "PRESSWATCH_ELASTICSEARCH_URL": "http://127.0.0.1:9"}
    )
    app = create_app({"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": config, "TESTING": True})
    client = logged_in_client(app)
    for url in ("/", "/search"):
        response = client.get(url)
        assert response.status_code == 503
        assert "Chỉ mục tìm kiếm tạm thời không truy cập được." in response.get_data(as_text=True)


@pytest.mark.elasticsearch
def test_same_figures_on_elasticsearch(tmp_path, elasticsearch_url, es_index):
    config = SearchConfig.from_env(
        {
            "PRESSWATCH_DATA_DIR": str(tmp_path),
            "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url,
            "PRESSWATCH_ELASTICSEARCH_INDEX": es_index,
        }
    )
    anchor = local_today()
    backend = open_backend(config, refresh=True)
    index_corpus(backend, anchor)
    backend.close()
    app = create_app({"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": config, "TESTING": True})
    client = logged_in_client(app)
    page = get(client, anchor)
    assert kpis(page) == [5, 14, 24, 8, 7]
    data = chart_data(page)
    assert data["tones"]["data"] == [8, 1, 5]
    assert sum(sum(s["data"]) for s in data["timeline"]["series"]) == 14
    assert "4 cơ quan báo chí" in page and "Báo Xây dựng" in page
    search = client.get("/search", query_string={"tone": "negative", "collapse": "1"}).get_data(as_text=True)
    assert "4 bài / 4 cơ quan" in search
    assert unescape(re.search(r'class="total">([\d.]+)<', search).group(1)) == "6"  # negative stories


def test_an_end_date_in_the_future_shows_today_as_today(client, corpus):
    # walk4: a link or a typed date past today was moved back to tomorrow, so "Hôm nay" counted
    # tomorrow (0 articles) and the period's figures dropped today's articles.
    assert corpus[1] == local_today()  # the corpus is anchored on today in Viet Nam
    future = get(client, corpus[1] + timedelta(days=30))
    assert kpis(future) == kpis(get(client, corpus[1])) == [5, 14, 24, 8, 7]
    assert f"đến {corpus[1].strftime('%d/%m/%Y')}" in future
