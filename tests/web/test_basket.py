"""The điểm báo basket through the test client (CSRF on): tick, view, remove, export; kept across
logout; viewers refused."""

from __future__ import annotations

import io
import re
from urllib.parse import unquote

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from tests.browser.corpus import SEED_TITLE, TRAFFIC_TITLE, corpus_app
from tests.helpers import logged_in_client, login, make_user
from tests.web.test_reports import csrf_token, csv_rows, docx_text, pdf_text


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    app, _anchor = corpus_app(tmp_path_factory.mktemp("basket"))
    return app


def hit_ids(client, query: str) -> dict[str, str]:
    """title -> id of the search page's tick buttons."""
    page = client.get(f"/search?q={query}").get_data(as_text=True)
    found = re.findall(r'<h2 class="hit-title" lang="vi"><a href="/articles/([0-9a-f]+)">([^<]+)</a>', page)
    assert 'class="basket-toggle"' in page
    return {title: doc_id for doc_id, title in found}


def tick(client, document_id: str, next_url: str = "/search") -> None:
    token = csrf_token(client.get(next_url).get_data(as_text=True))
    response = client.post("/basket/toggle", data={"csrf_token": token, "id": document_id, "next": next_url})
    assert response.status_code == 303
    assert unquote(response.headers["Location"]).startswith(next_url)


def test_tick_view_remove_and_keep_across_logout(app):
    email, password = make_user(app, "editor")
    client = app.test_client()
    login(client, email, password)
    ids = hit_ids(client, "Bắc Ninh")
    seed, traffic = ids[SEED_TITLE], ids[TRAFFIC_TITLE.replace("'", "&#39;")]
    tick(client, seed, "/search?q=Bắc Ninh")
    tick(client, traffic, f"/articles/{traffic}")
    page = client.get("/search?q=Bắc Ninh").get_data(as_text=True)
    assert page.count('class="basket-on"') == 2
    token = csrf_token(client.get("/").get_data(as_text=True))
    client.post("/auth/logout", data={"csrf_token": token})
    assert client.get("/basket/").status_code == 302  # logged out
    login(client, email, password)
    basket = client.get("/basket/").get_data(as_text=True)
    assert SEED_TITLE in basket and "tai nạn giao thông nghiêm trọng" in basket
    assert 'class="badge total">2<' in basket
    tick(client, seed, "/basket/")  # unticking is the same button
    basket = client.get("/basket/").get_data(as_text=True)
    assert SEED_TITLE not in basket and 'class="badge total">1<' in basket
    token = csrf_token(basket)
    client.post("/basket/remove", data={"csrf_token": token, "all": "1"})
    assert 'class="badge total">0<' in client.get("/basket/").get_data(as_text=True)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx", "pdf"])
def test_basket_exports(app, fmt):
    client = logged_in_client(app, "editor")
    ids = hit_ids(client, "quan họ")
    for document_id in list(ids.values())[:3]:
        tick(client, document_id)
    token = csrf_token(client.get("/basket/").get_data(as_text=True))
    response = client.post("/basket/export", data={"csrf_token": token, "format": fmt})
    assert response.status_code == 200 and response.headers["X-Presswatch-Rows"] == "3"
    titles = [t.replace("&#39;", "'") for t in list(ids)[:3]]
    if fmt == "csv":
        assert sorted(row[1] for row in csv_rows(response.data)[1:]) == sorted(titles)
    elif fmt == "xlsx":
        rows = list(load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True))
        assert sorted(row[1] for row in rows[1:]) == sorted(titles)
    elif fmt == "docx":
        text = docx_text(response.data)
        assert all(t in text for t in titles) and "Nơi nhận:" in text
        assert re.search(r"ĐIỂM BÁO (NGÀY|TỪ NGÀY) \d\d/\d\d/\d{4}", text)
        assert (
            open_docx(io.BytesIO(response.data)).tables[0].rows[0].cells[0].paragraphs[0].text
            == "TỈNH ỦY BẮC NINH"
        )
    else:
        text = pdf_text(response.data)
        assert all(" ".join(t.split()) in text for t in titles)


def test_empty_basket_export_is_refused_with_a_message(app):
    client = logged_in_client(app, "editor")
    token = csrf_token(client.get("/basket/").get_data(as_text=True))
    response = client.post("/basket/export", data={"csrf_token": token, "format": "docx"})
    assert response.status_code == 400 and "Giỏ điểm báo đang trống" in response.get_data(as_text=True)


def test_basket_forms_need_csrf(app):
    client = logged_in_client(app, "editor")
    document_id = next(iter(hit_ids(client, "quan họ").values()))
    assert client.post("/basket/toggle", data={"id": document_id}).status_code == 400
    assert client.post("/basket/export", data={"format": "csv"}).status_code == 400


def test_viewers_have_no_basket(app):
    viewer = logged_in_client(app, "viewer")
    page = viewer.get("/search?q=quan họ").get_data(as_text=True)
    assert "basket-toggle" not in page and "/basket/" not in page
    token = csrf_token(page)
    assert viewer.post("/basket/toggle", data={"csrf_token": token, "id": "abc"}).status_code == 403
    assert viewer.get("/basket/").status_code == 403


def test_bad_ids_and_next_are_refused(app):
    client = logged_in_client(app, "editor")
    token = csrf_token(client.get("/basket/").get_data(as_text=True))
    assert client.post("/basket/toggle", data={"csrf_token": token, "id": "../x"}).status_code == 400
    document_id = next(iter(hit_ids(client, "quan họ").values()))
    response = client.post(
        "/basket/toggle", data={"csrf_token": token, "id": document_id, "next": "//evil.example/"}
    )
    assert response.headers["Location"].startswith("/basket/")
