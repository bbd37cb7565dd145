"""Breakdowns on Elasticsearch give every row, as the embedded index does.

Noticed by walk6 (2026-12-03), fixed by walk7: Elasticsearch's two-field breakdown (``pivot``, read
by the dashboard's outlet table and its "Cơ quan báo chí đưa tin", coverage and the briefing) asked
for the top 200 rows only. 111 outlets today; a deployment adding trade press and commune pages
passes 200, and then the outlet count, its table and coverage were cut on Elasticsearch alone.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from presswatch.app import create_app
from search.backends import SearchRequest, open_backend
from search.config import SearchConfig
from search.document import LOCAL_TZ, Document
from search.ingest import open_ingester
from tests.helpers import logged_in_client

OUTLETS = 230
TONE_WORDS = ["khen thưởng biểu dương", "sai phạm tiêu cực", "họp định kỳ"]


def _articles() -> list[Document]:
    documents = []
    for n in range(OUTLETS):
        for k in range(1 + n % 3):  # uneven counts, so order and cut both matter
            documents.append(
                Document.from_mapping(
                    {
                        "url": f"https://bao{n}.example.vn/tin-{k}.html",
                        "outlet_id": f"bao{n:03d}",
                        "title": f"Tin số {k} của báo {n}: {TONE_WORDS[(n + k) % 3]}",
                        "sapo": f"Bản tin {k} {TONE_WORDS[(n + k) % 3]} tại Bắc Ninh.",
                        "body": f"Nội dung bản tin {k} của báo {n}. {TONE_WORDS[(n + k) % 3]}.",
                        "published_at": datetime(2026, 11, 2 + k, 8 + n % 10, tzinfo=LOCAL_TZ).isoformat(),
                    }
                )
            )
    return documents


def _outlets_kpi(config: SearchConfig, data_dir) -> int:
    app = create_app({"PRESSWATCH_DATA_DIR": data_dir, "PRESSWATCH_SEARCH": config})
    viewer = logged_in_client(app, "viewer")
    page = viewer.get("/", query_string={"period": "month", "end": "2026-11-10", "scope": "all"})
    assert page.status_code == 200
    found = re.search(
        r"Cơ quan báo chí đưa tin</span>\s*<span class=\"kpi-value\">([\d.,]+)</span>",
        page.get_data(as_text=True),
    )
    assert found, "no outlet count on the dashboard"
    return int(found.group(1).replace(".", "").replace(",", ""))


@pytest.mark.elasticsearch
def test_more_than_200_outlets_every_row_on_elasticsearch_as_embedded(
    tmp_path, elasticsearch_url, es_index, monkeypatch
):
    documents = _articles()
    configs = {}
    for name, extra in (
        ("embedded", {}),
        (
            "elasticsearch",
            {"PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url, "PRESSWATCH_ELASTICSEARCH_INDEX": es_index},
        ),
    ):
        data_dir = tmp_path / name
        data_dir.mkdir()
        env = {"PRESSWATCH_DATA_DIR": str(data_dir), **extra}
        configs[name] = (SearchConfig.from_env(env), data_dir)
        ingester = open_ingester(configs[name][0], refresh=True)  # what the crawler hands articles to
        for document in documents:
            ingester.add(document)
        ingester.close()

    tables = {}
    for name, (config, _) in configs.items():
        backend = open_backend(config)
        tables[name] = {
            (row, column): backend.pivot(SearchRequest(facets=False), row, column)
            for row, column in (("outlet", "tone"), ("group", "tone"), ("outlet", "province"))
        }
        backend.close()
    assert len(tables["embedded"][("outlet", "tone")]) == OUTLETS
    assert len(tables["elasticsearch"][("outlet", "tone")]) == OUTLETS
    assert tables["elasticsearch"] == tables["embedded"]

    for name, (config, data_dir) in configs.items():
        monkeypatch.setenv("PRESSWATCH_DATA_DIR", str(data_dir))
        for key in ("PRESSWATCH_ELASTICSEARCH_URL", "PRESSWATCH_ELASTICSEARCH_INDEX"):
            monkeypatch.delenv(key, raising=False)
        if name == "elasticsearch":
            monkeypatch.setenv("PRESSWATCH_ELASTICSEARCH_URL", elasticsearch_url)
            monkeypatch.setenv("PRESSWATCH_ELASTICSEARCH_INDEX", es_index)
        assert _outlets_kpi(config, data_dir) == OUTLETS, name
