"""Exports on Elasticsearch: the same rows as the embedded index, every match from ``scan``."""

from __future__ import annotations

import csv
import io

import pytest
from docx import Document as open_docx

from search.backends import open_backend
from search.config import SearchConfig
from tests.browser.corpus import TRAFFIC_TITLE, documents, index_corpus
from tests.helpers import logged_in_client
from web.filters import local_today

pytestmark = pytest.mark.elasticsearch


def test_csv_and_docx_exports_on_elasticsearch(tmp_path, elasticsearch_url, es_index):
    from presswatch.app import create_app

    config = SearchConfig.from_env(
        {
            "PRESSWATCH_DATA_DIR": str(tmp_path),
            "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url,
            "PRESSWATCH_ELASTICSEARCH_INDEX": es_index,
        }
    )
    backend = open_backend(config, refresh=True)
    indexed = index_corpus(backend, local_today())
    backend.close()
    app = create_app({"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": config})
    client = logged_in_client(app, "editor")

    everything = client.get("/reports/export/csv")
    rows = list(csv.reader(io.StringIO(everything.get_data().decode("utf-8-sig"))))
    assert everything.status_code == 200 and len(rows) - 1 == len(indexed) == len(documents(local_today()))
    assert {row[12] for row in rows[1:]} == {d.id for d in indexed}

    traffic = client.get(
        "/reports/export/csv", query_string={"q": '"tai nạn giao thông"', "province": "Bắc Ninh"}
    )
    titles = [row[1] for row in csv.reader(io.StringIO(traffic.get_data().decode("utf-8-sig")))][1:]
    assert TRAFFIC_TITLE in titles and len(titles) == int(traffic.headers["X-Presswatch-Rows"]) == 4

    review = client.get("/reports/export/docx", query_string={"q": '"tai nạn giao thông"'})
    text = "\n".join(p.text for p in open_docx(io.BytesIO(review.data)).paragraphs)
    assert review.status_code == 200 and TRAFFIC_TITLE in text
