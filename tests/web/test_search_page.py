"""The search page and saved searches, through the Flask test client with CSRF on."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.corpus import SEED_TITLE, TRAFFIC_TITLE, XSS_OUTLET_NAME, XSS_TITLE, corpus_app
from tests.helpers import logged_in_client, login, make_user


@pytest.fixture
def app(tmp_path):
    app, _anchor = corpus_app(tmp_path, PRESSWATCH_PAGE_SIZE=5)
    return app


@pytest.fixture
def client(app):
    return logged_in_client(app, "viewer")


def csrf_token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def facet_counts(page: str, name: str) -> dict[str, int]:
    section = re.search(rf'data-facet="{name}">(.*?)</section>', page, re.S).group(1)
    pairs = re.findall(
        r'<span class="label">(.*?)</span>\s*<span class="count">([\d.,]+)</span>', section, re.S
    )
    return {unescape(label.strip()): int(count.replace(".", "").replace(",", "")) for label, count in pairs}


def total(page: str) -> int:
    return int(re.search(r'class="total">([\d.,]+)<', page).group(1).replace(".", ""))


@pytest.mark.parametrize(
    "method,url",
    [
        ("get", "/search"),
        ("get", "/search/saved"),
        ("post", "/search/saved"),
        ("post", "/search/saved/1/delete"),
    ],
)
def test_routes_need_login(app, method, url):
    client = app.test_client()
    data = {}
    if method == "post":  # with a valid token from the login page, so only the login check can refuse
        page = client.get("/auth/login").get_data(as_text=True)
        data = {
            "csrf_token": re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1),
            "name": "x",
            "query_string": "q=a",
        }
    response = getattr(client, method)(url, data=data)
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


def test_search_finds_and_highlights(client):
    response = client.get("/search", query_string={"q": "kien nghi"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert SEED_TITLE in page
    assert "<mark>kiến nghị</mark>" in page  # snippets come HTML-safe from the backend, marks kept


def test_filter_changes_facet_counts_and_keeps_its_own_field_selectable(client):
    before = client.get("/search").get_data(as_text=True)
    after = client.get("/search", query_string={"tone": "negative"}).get_data(as_text=True)
    assert total(after) < total(before)
    assert facet_counts(after, "topic") != facet_counts(before, "topic")
    assert facet_counts(after, "topic")["An toàn giao thông"] == 4  # the four Bắc Ninh crash reports
    # The tone facet is counted without the tone filter, so other tones can still be added.
    assert facet_counts(after, "tone") == facet_counts(before, "tone")
    assert 'aria-current="true"' in after and "Bỏ lọc" in after


def test_filters_combine_and_dates_restrict(client, app):
    args = {"province": "Hà Nội", "outlet": "thanhnien"}
    page = client.get("/search", query_string=args).get_data(as_text=True)
    assert total(page) == 4
    from web.filters import local_today

    today = local_today().isoformat()
    page = client.get("/search", query_string={"from": today, "to": today, "province": "Hà Nội"}).get_data(
        as_text=True
    )
    assert total(page) == 1
    typed = local_today().strftime("%d/%m/%Y")  # as staff type it in the date boxes
    page = client.get("/search", query_string={"from": typed, "to": typed, "province": "Hà Nội"}).get_data(
        as_text=True
    )
    assert total(page) == 1 and f'value="{typed}"' in page
    refused = client.get("/search", query_string={"from": "31/02/2026", "q": "Hà Nội"})
    assert refused.status_code == 400  # said, not silently dropped; the rest of the search is kept
    bad = refused.get_data(as_text=True)
    assert "Ngày “31/02/2026” không hợp lệ" in bad and 'aria-invalid="true"' in bad
    assert 'value="31/02/2026"' in bad and 'value="Hà Nội"' in bad


def test_sort_by_date_and_pagination(client):
    page = client.get("/search", query_string={"sort": "date"}).get_data(as_text=True)
    dates = re.findall(r'<time datetime="([^"]+)"', page)
    assert dates == sorted(dates, reverse=True) and len(dates) == 5
    assert 'rel="next"' in page and "page=2" in page
    second = client.get("/search", query_string={"sort": "date", "page": 2}).get_data(as_text=True)
    assert 'aria-current="page">2<' in second
    assert set(re.findall(r'<time datetime="([^"]+)"', second)).isdisjoint(dates)
    far = client.get("/search", query_string={"page": 99999})
    assert far.status_code == 200  # clamped, never an error from too deep a page


def test_collapse_by_story_shows_story_size(client):
    page = client.get("/search", query_string={"q": "quốc lộ 18", "collapse": "1"}).get_data(as_text=True)
    assert total(page) == 1
    assert "4 bài / 4 cơ quan" in page
    assert "/search?q=story:%22story-ql18%22&amp;sort=date" in page


def test_syntax_error_shows_message_column_and_caret(client):
    response = client.get("/search", query_string={"q": "(an toàn OR giao"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Lỗi cú pháp ở cột 17" in page
    caret = re.search(r'<span class="caretmark">( *)\^</span>', page)
    assert caret and len(caret.group(1)) == 16
    assert 'aria-invalid="true"' in page
    assert '<details class="cheatsheet" open>' in page


def test_cheatsheet_examples_all_parse(client):
    from search.query import parse

    page = client.get("/search").get_data(as_text=True)
    examples = re.findall(r'<a href="/search\?q=[^"]*"><code>(.*?)</code></a>', page)
    assert len(examples) >= 10
    for example in examples:
        parse(unescape(example))


@pytest.mark.parametrize("query", ['"><script>alert(1)</script>', "<img src=x onerror=alert(1)>"])
def test_hostile_query_is_inert(client, query):
    page = client.get("/search", query_string={"q": query}).get_data(as_text=True)
    assert "<script>alert(1)" not in page and "<img src=x" not in page


def test_hostile_titles_and_outlet_names_are_escaped(client):
    page = client.get("/search", query_string={"q": "lừa đảo"}).get_data(as_text=True)
    assert unescape("&lt;script&gt;alert(&#39;xss-title&#39;)") in unescape(page)
    assert "<script>alert('xss-title')" not in page
    assert XSS_OUTLET_NAME not in page and 'onerror="alert' not in page
    assert "&lt;img src=x onerror=" in page
    assert XSS_TITLE.split("</script>")[1] in page


def test_state_is_in_the_url_and_links_keep_it(client):
    state = {"tone": ["negative"], "sort": ["date"], "collapse": ["1"], "province": ["Bắc Ninh"]}
    page = client.get("/search", query_string=state).get_data(as_text=True)
    assert total(page) == 6  # stories, not articles
    next_link = unescape(re.search(r'rel="next" href="([^"]+)"', page).group(1))
    assert parse_qs(urlsplit(next_link).query) == {**state, "page": ["2"]}
    saved_state = unescape(re.search(r'name="query_string" value="([^"]*)"', page).group(1))
    assert parse_qs(saved_state) == state
    # The same URL gives the same page to anyone it is shared with.
    assert client.get(next_link).status_code == 200


def test_save_needs_csrf(client):
    response = client.post("/search/saved", data={"name": "x", "query_string": "q=a"})
    assert response.status_code == 400


def test_save_list_and_delete_own_search(client, app):
    args = {"q": "giao thông", "province": "Bắc Ninh"}
    page = client.get("/search", query_string=args).get_data(as_text=True)
    token = csrf_token(page)
    response = client.post(
        "/search/saved",
        data={
            "csrf_token": token,
            "name": "<b>Giao thông</b> Bắc Ninh",
            "query_string": "q=giao+th%C3%B4ng&province=B%E1%BA%AFc+Ninh&evil=1&page=3",
        },
    )
    assert response.status_code == 302
    target = urlsplit(response.headers["Location"])
    assert target.path == "/search"
    assert parse_qs(target.query) == {"q": ["giao thông"], "province": ["Bắc Ninh"]}  # junk dropped
    listing = client.get("/search/saved").get_data(as_text=True)
    assert "&lt;b&gt;Giao thông&lt;/b&gt; Bắc Ninh" in listing and "<b>Giao" not in listing
    assert "Tỉnh, thành:</span> Bắc Ninh" in listing
    saved_id = re.search(r"/search/saved/(\d+)/delete", listing).group(1)

    other = logged_in_client(app, "admin")
    other_page = other.get("/search/saved").get_data(as_text=True)
    assert "Giao thông" not in other_page  # each user sees only their own
    refused = other.post(f"/search/saved/{saved_id}/delete", data={"csrf_token": csrf_token(other_page)})
    assert refused.status_code == 404
    assert client.post(f"/search/saved/{saved_id}/delete", data={}).status_code == 400  # no CSRF

    deleted = client.post(f"/search/saved/{saved_id}/delete", data={"csrf_token": token})
    assert deleted.status_code == 302
    assert "/search/saved/" not in client.get("/search/saved").get_data(as_text=True).split("<main")[1]


def test_viewer_may_save_and_sees_saved_in_sidebar(app):
    client = app.test_client()
    email, password = make_user(app, "viewer")
    login(client, email, password)
    token = csrf_token(client.get("/search").get_data(as_text=True))
    client.post("/search/saved", data={"csrf_token": token, "name": "", "query_string": "q=lễ+hội"})
    page = client.get("/search").get_data(as_text=True)
    assert re.search(r'class="savedlist">\s*<li><a href="/search\?q=[^"]+">lễ hội</a>', page)


def test_legacy_root_search_links_still_search(client):
    page = client.get("/", query_string={"q": "kiến nghị"}).get_data(as_text=True)
    assert SEED_TITLE in page and TRAFFIC_TITLE not in page


def test_filter_values_compare_like_the_backend(client):
    page = client.get("/search", query_string={"province": "bac ninh"}).get_data(as_text=True)
    provinces = facet_counts(page, "province")
    assert "bac ninh" not in provinces and provinces["Bắc Ninh"] == 24  # one entry, ticked
    assert re.search(r'<li class="active">\s*<a href="/search"', page)  # unticking clears the filter


def test_the_province_facet_marks_the_units_that_no_longer_exist(tmp_path):
    # Document.provinces holds old and new names (a filter on either finds the article); the facet
    # says which are pre-2025 provinces, so "Bắc Giang" is not read as a province of today.
    from datetime import datetime

    from search.analysis import annotate
    from search.backends import open_backend
    from search.config import SearchConfig
    from search.document import Document

    app, _anchor = corpus_app(tmp_path)
    backend = open_backend(SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(tmp_path)}))
    article = Document(
        url="https://baobacgiang.vn/lua-viet-yen",
        outlet_id="thanhnien",
        title="Bắc Giang: nông dân huyện Việt Yên thu hoạch lúa sớm",
        sapo="Nông dân tỉnh Bắc Giang thu hoạch vụ lúa xuân.",
        body="Năng suất lúa ở Bắc Giang đạt 62 tạ một héc-ta.",
        published_at=datetime.now().astimezone(),
    )
    assert not backend.index([annotate(article)]).errors
    if hasattr(backend, "refresh_now"):
        backend.refresh_now()
    backend.close()
    page = logged_in_client(app, "viewer").get("/search").get_data(as_text=True)
    provinces = facet_counts(page, "province")
    assert provinces.get('Bắc Giang <small class="former">(cũ)</small>') == 1
    assert "Bắc Ninh" in provinces and "Hà Nội" in provinces  # today's units unmarked


def test_saving_under_a_name_already_saved_updates_that_search(client):
    # Two saved searches under one name made two identical entries in the subscription form and the
    # digest's "Tìm kiếm “…”": the second save replaces the first one's criteria, same entry.
    token = csrf_token(client.get("/search").get_data(as_text=True))
    first = {"csrf_token": token, "name": "Giao thông Bắc Ninh", "query_string": "q=giao+th%C3%B4ng"}
    assert client.post("/search/saved", data=first).status_code == 302
    listing = client.get("/search/saved").get_data(as_text=True)
    (saved_id,) = re.findall(r"/search/saved/(\d+)/delete", listing)

    again = {
        "csrf_token": token,
        "name": "  giao thông   BẮC NINH ",
        "query_string": "q=giao+th%C3%B4ng&province=B%E1%BA%AFc+Ninh",
    }
    response = client.post("/search/saved", data=again, follow_redirects=True)
    assert "Đã cập nhật tìm kiếm" in response.get_data(as_text=True)
    listing = client.get("/search/saved").get_data(as_text=True)
    assert re.findall(r"/search/saved/(\d+)/delete", listing) == [saved_id]  # kept: subscriptions follow it
    assert "Tỉnh, thành:</span> Bắc Ninh" in listing
