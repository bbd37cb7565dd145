"""Dates in the search box as the app writes them (dd/mm/yyyy), through the Flask test client."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from tests.browser.corpus import corpus_app
from tests.helpers import logged_in_client


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    app, anchor = corpus_app(tmp_path_factory.mktemp("qdate"))
    return logged_in_client(app, "viewer"), anchor


def results(client, query: str) -> tuple[int, list[str]]:
    response = client.get("/search", query_string={"q": query})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    found = re.search(r'class="total">([\d.,]+)<', page)
    assert found, f"no result count for {query!r} (refused?)"
    return int(found.group(1).replace(".", "")), re.findall(r'href="/articles/(\w+)"', page)


def test_day_month_year_finds_what_the_iso_form_finds(served):
    client, anchor = served
    iso = results(client, f"published:{anchor.isoformat()}")
    assert iso[0] > 0  # the corpus has articles published today
    assert results(client, f"published:{anchor:%d/%m/%Y}") == iso
    assert results(client, f"published:{anchor.day}/{anchor.month}/{anchor.year}") == iso


def test_day_month_year_range_matches_the_iso_range(served):
    client, anchor = served
    start = anchor.replace(day=1)
    iso = results(client, f"published:[{start.isoformat()} TO {anchor.isoformat()}]")
    assert iso[0] > 0
    assert results(client, f"published:[{start:%d/%m/%Y} TO {anchor:%d/%m/%Y}]") == iso


def test_impossible_day_is_refused_clearly(served):
    client, _anchor = served
    page = client.get("/search", query_string={"q": "published:31/02/2026"}).get_data(as_text=True)
    assert "31/02/2026" in page and "không tồn tại" in page


def test_month_and_year_is_the_whole_month(served):
    """fix6: staff write a month as mm/yyyy (`published:03/2026`, `3/2026`): refused before."""
    client, anchor = served
    iso = results(client, f"published:{anchor:%Y-%m}")
    assert iso[0] > 0
    assert results(client, f"published:{anchor:%m/%Y}") == iso
    assert results(client, f"published:{anchor.month}/{anchor.year}") == iso
    before = (anchor.replace(day=1) - timedelta(days=1)).replace(day=1)
    both = results(client, f"published:[{before:%Y-%m} TO {anchor:%Y-%m}]")
    assert both[0] > iso[0]  # the corpus has articles in the month before too
    assert results(client, f"published:[{before:%m/%Y} TO {anchor:%m/%Y}]") == both


@pytest.mark.parametrize("month", ["13/2026", "0/2026", "00/2026"])
def test_impossible_month_is_refused_clearly(served, month):
    client, _anchor = served
    page = client.get("/search", query_string={"q": f"published:{month}"}).get_data(as_text=True)
    assert f"tháng &#39;{month}&#39; không tồn tại" in page or f"tháng '{month}' không tồn tại" in page
