"""Interface language: Vietnamese by default, English on request (session, CSRF-protected POST),
dates dd/mm/yyyy in Viet Nam time (the catalogue's completeness: test_i18n_catalogue.py)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from urllib.parse import unquote

import pytest

from tests.browser.corpus import corpus_app
from tests.helpers import logged_in_client
from web.filters import local_datetime, parse_date


@pytest.fixture
def corpus(tmp_path):
    return corpus_app(tmp_path)


def csrf_token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def switch(client, language: str, next_url: str = "/"):
    token = csrf_token(client.get("/search").get_data(as_text=True))
    return client.post("/language", data={"language": language, "next": next_url, "csrf_token": token})


def test_vietnamese_by_default(corpus):
    client = logged_in_client(corpus[0])
    page = client.get("/", query_string={"end": corpus[1].isoformat()}).get_data(as_text=True)
    assert '<html lang="vi">' in page and "Tổng quan báo chí về Bắc Ninh" in page


def test_switch_to_english_and_back(corpus):
    app, anchor = corpus
    client = logged_in_client(app)
    response = switch(client, "en", "/search?q=kiến+nghị")
    assert response.status_code == 302
    assert unquote(response.headers["Location"]) == "/search?q=kiến+nghị"  # back where the switch was
    page = client.get("/", query_string={"end": anchor.isoformat()}).get_data(as_text=True)
    assert '<html lang="en">' in page and "Press coverage of Bắc Ninh" in page
    assert "Negative in period" in page and "Stories carried by most outlets" in page
    search = client.get("/search", query_string={"q": "(a OR"}).get_data(as_text=True)
    assert "Syntax error at column" in search and "Search syntax help" in search
    assert "Lỗi cú pháp" not in search
    article = client.get("/search", query_string={"tone": "negative"}).get_data(as_text=True)
    assert "Negative" in article and "articles found" in article
    switch(client, "vi")
    assert "Tổng quan báo chí" in client.get("/").get_data(as_text=True)


def test_language_switch_needs_csrf_and_refuses_odd_values(corpus):
    client = logged_in_client(corpus[0])
    assert client.post("/language", data={"language": "en"}).status_code == 400
    token = csrf_token(client.get("/search").get_data(as_text=True))
    response = client.post(
        "/language", data={"language": "fr", "next": "//evil.example/x", "csrf_token": token}
    )
    assert response.status_code == 302 and response.headers["Location"] == "/"  # no open redirect
    assert '<html lang="vi">' in client.get("/search").get_data(as_text=True)


def test_login_page_can_switch_language_before_login(corpus):
    client = corpus[0].test_client()
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)
    client.post("/language", data={"language": "en", "csrf_token": token, "next": "/auth/login"})
    assert '<html lang="en">' in client.get("/auth/login").get_data(as_text=True)


def test_dates_are_day_month_year_in_viet_nam_time():
    instant = datetime(2026, 3, 1, 20, 30, tzinfo=UTC)  # 03:30 on 2 March in Ha Noi
    assert local_datetime(instant) == "02/03/2026 03:30"
    assert local_datetime(instant, with_time=False) == "02/03/2026"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("25/11/2026", date(2026, 11, 25)),
        ("5/3/2026", date(2026, 3, 5)),
        ("05.03.2026", date(2026, 3, 5)),
        ("2026-03-05", date(2026, 3, 5)),
        ("31/02/2026", None),
        ("03/2026", None),
        ("", None),
        (None, None),
    ],
)
def test_dates_are_typed_day_first(text, expected):
    assert parse_date(text) == expected
