"""The operations page: editors and admins only, outlet health from the index or a plugged provider."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from html import unescape

import pytest

from search.document import LOCAL_TZ
from tests.browser.corpus import SILENT_OUTLET
from tests.helpers import logged_in_client
from web.operations import OutletHealth, classify, index_health, register_health_provider


def row_status(page: str, outlet: str) -> str:
    return re.search(rf'data-outlet="{outlet}" data-status="(\w+)"', page).group(1)


def test_viewers_are_refused(app):
    assert logged_in_client(app, "viewer").get("/operations/").status_code == 403
    assert app.test_client().get("/operations/").status_code == 302


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_index_figures_and_outlet_health(app, role):
    response = logged_in_client(app, role).get("/operations/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert re.search(r'class="kpi-value backend-name">SQLite<', page)
    count = int(re.search(r'class="kpi-value document-count">([\d.]+)<', page).group(1).replace(".", ""))
    from web import services

    with app.app_context():
        assert count == services.backend().count() > 20
    assert row_status(page, "vnexpress") == "ok"
    assert row_status(page, SILENT_OUTLET) == "silent"  # articles, but none in the last 7 days


def test_index_health_counts(app):
    from web import services

    with app.test_request_context():
        rows = {r.outlet_id: r for r in index_health(services.backend())}
    vnexpress = rows["vnexpress"]
    assert vnexpress.articles >= vnexpress.recent > 0 and vnexpress.last_article is not None
    assert rows[SILENT_OUTLET].recent == 0 and rows[SILENT_OUTLET].articles == 3


def test_a_crawl_state_provider_replaces_the_index_view(app):
    crawled = datetime(2026, 11, 20, 6, 30, tzinfo=LOCAL_TZ)
    register_health_provider(
        app,
        lambda: [
            OutletHealth(
                "baobacninh", "Báo Bắc Ninh", True, 120, 14, crawled, crawled, "HTTP 503 từ máy chủ", "stale"
            )
        ],
    )
    page = logged_in_client(app, "editor").get("/operations/").get_data(as_text=True)
    assert "Báo Bắc Ninh" in page and "HTTP 503 từ máy chủ" in page and "Lần thu thập cuối" in page
    assert row_status(page, "baobacninh") == "stale" and 'data-outlet="vnexpress"' not in page


def test_classify():
    now = datetime(2026, 11, 20, 12, tzinfo=LOCAL_TZ)
    row = OutletHealth("a", "A", True, 10, 3, now - timedelta(hours=5))
    assert classify(row, now) == "ok"
    row.last_article = now - timedelta(days=3)
    assert classify(row, now) == "stale"
    row.recent = 0
    assert classify(row, now) == "silent"
    row.articles, row.last_article = 0, None
    assert classify(row, now) == "empty"
    row.enabled = False
    assert classify(row, now) == "disabled"


@pytest.mark.elasticsearch
def test_elasticsearch_figures(tmp_path, elasticsearch_url, es_index):
    from presswatch.app import create_app
    from search.backends import open_backend
    from search.config import SearchConfig
    from tests.browser.corpus import index_corpus
    from web.filters import local_today

    config = SearchConfig.from_env(
        {
            "PRESSWATCH_DATA_DIR": str(tmp_path),
            "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url,
            "PRESSWATCH_ELASTICSEARCH_INDEX": es_index,
        }
    )
    backend = open_backend(config, refresh=True)
    docs = index_corpus(backend, local_today())
    backend.close()
    app = create_app({"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": config})
    page = logged_in_client(app, "editor").get("/operations/").get_data(as_text=True)
    assert re.search(r'class="kpi-value backend-name">Elasticsearch<', page)
    count = int(re.search(r'class="kpi-value document-count">([\d.]+)<', page).group(1).replace(".", ""))
    assert count == len(docs)
    assert 'id="es-stats"' in page and es_index in page
    assert row_status(page, "vnexpress") == "ok" and row_status(page, SILENT_OUTLET) == "silent"


def test_each_outlet_is_named_once_the_old_paper_by_its_old_name(app):
    """walk4: the pre-merger paper (baobacninhtv, active until 2025-06-30) carried the merged
    agency's 2025 name, so the page named "Báo và Phát thanh, Truyền hình Bắc Ninh" twice."""
    page = logged_in_client(app, "admin").get("/operations/").get_data(as_text=True)
    rows = re.findall(r'<th scope="row">(.*?)<br><small class="muted">([\w-]+)</small>', page)
    names = [name for name, _outlet in rows]
    assert len(rows) > 100 and len(set(names)) == len(names), [n for n in names if names.count(n) > 1]
    assert dict((outlet, name) for name, outlet in rows)["baobacninhtv"] == "Báo Bắc Ninh (cũ)"


def test_every_outlet_closed_by_a_merger_is_named_as_former(app):
    """fix6: the other outlets that ended in a merger kept a plain name ("Đài PT-TH Hà Nội
    (Hanoionline)" beside today's Hà Nội agency, "Báo và Đài Phát thanh - Truyền hình Vĩnh Long"
    beside "Báo và Phát thanh, Truyền hình Vĩnh Long"), so this page, the admin's outlet list and
    the outlet facet read as two live agencies. Every outlet that ended in a merger is "(cũ)", no
    live one is: checked here and on /admin/outlets, which lists the whole registry."""
    from crawler.registry import load_registry

    ended = {o.id for o in load_registry() if o.merged_into}
    admin = logged_in_client(app, "admin")
    page = admin.get("/operations/").get_data(as_text=True)
    rows = re.findall(r'<th scope="row">(.*?)<br><small class="muted">([\w-]+)</small>', page)
    shown = {outlet: unescape(name) for name, outlet in rows}
    assert "hanoionline" in shown and "baobacninhtv" in shown
    listing = admin.get("/admin/outlets").get_data(as_text=True)
    rows = re.findall(r'<th scope="row">(.*?)<br><small class="muted">([\w-]+) · ', listing)
    names = {outlet: unescape(name) for name, outlet in rows}
    assert len(ended) > 60 and ended <= names.keys()
    for table in (shown, names):
        assert [f"{o}: {n}" for o, n in sorted(table.items()) if (o in ended) != n.endswith("cũ)")] == []
    assert names["bdptth-vinhlong"] == "Báo và Đài Phát thanh - Truyền hình Vĩnh Long (cũ)"
    assert names["baobacgiang"] == "Báo Bắc Giang (cũ)"
