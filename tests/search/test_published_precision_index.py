"""published_precision is stored by both indexes and comes back with every hit; an Elasticsearch
index made before the field existed takes it without a reindex."""

from __future__ import annotations

import copy
from datetime import datetime

import pytest

from search.backends import SearchRequest, es_indices
from search.backends.elastic import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.document import LOCAL_TZ, Document


def documents() -> list[Document]:
    day = Document(
        url="https://tuoitre.vn/tin/20150312/cau/719543.html",
        outlet_id="tuoitre",
        title="Khánh thành cầu dân sinh",
        body="Cây cầu mới được đưa vào sử dụng.",
        published_at=datetime(2015, 3, 12, tzinfo=LOCAL_TZ),
        published_precision="day",
    )
    minute = Document(
        url="https://nld.com.vn/cau-196150312.htm",
        outlet_id="nld",
        title="Khánh thành cầu vượt",
        body="Cầu vượt thông xe.",
        published_at=datetime(2015, 3, 12, 8, 6, tzinfo=LOCAL_TZ),
        published_precision="minute",
    )
    return [day, minute]


@pytest.fixture(params=["embedded", "elasticsearch"])
def backend(request, tmp_path):
    if request.param == "embedded":
        index = EmbeddedBackend(tmp_path / "index.sqlite3")
    else:
        index = ElasticsearchBackend(
            request.getfixturevalue("elasticsearch_url"), request.getfixturevalue("es_index"), refresh=True
        )
    yield index
    index.close()


def test_precision_round_trips_through_the_index(backend):
    report = backend.index(documents())
    assert report.indexed == 2 and not report.errors
    hits = {hit.document.outlet_id: hit.document for hit in backend.search(SearchRequest(query="cầu")).hits}
    assert hits["tuoitre"].published_precision == "day" and hits["tuoitre"].published_day_only
    assert hits["nld"].published_precision == "minute" and not hits["nld"].published_day_only
    assert backend.get(documents()[0].id).published_precision == "day"


def test_an_unknown_precision_is_refused():
    with pytest.raises(ValueError, match="published_precision"):
        Document(
            url="https://x.vn/a",
            outlet_id="x",
            title="t",
            published_at=datetime(2026, 1, 1, tzinfo=LOCAL_TZ),
            published_precision="midnight",
        )


def test_an_index_from_before_the_field_takes_it(elasticsearch_url, es_index, monkeypatch):
    """The live generation's indices were made with the previous mapping ("dynamic": "strict")."""
    old = copy.deepcopy(es_indices.MAPPINGS)
    del old["properties"]["published_precision"]
    monkeypatch.setattr(es_indices, "MAPPINGS", old)
    first = ElasticsearchBackend(elasticsearch_url, es_index, refresh=True)
    first.ensure_index()  # template and this month's index, with the old mapping
    first.close()
    monkeypatch.undo()

    today = datetime.now(LOCAL_TZ).replace(hour=0, minute=0, second=0, microsecond=0)
    current = Document(
        url="https://baoa.vn/hom-nay.html",
        outlet_id="baoa",
        title="Bài hôm nay",
        published_at=today,
        published_precision="day",
    )  # goes to the old-mapping index
    upgraded = ElasticsearchBackend(elasticsearch_url, es_index, refresh=True)
    report = upgraded.index([*documents(), current])
    assert report.indexed == 3 and not report.errors, report.errors
    assert upgraded.get(current.id).published_precision == "day"
    assert upgraded.get(documents()[0].id).published_precision == "day"
    upgraded.close()


def test_the_search_command_prints_a_day_as_a_day():
    """`presswatch search` (a process, on the embedded index of this test's data folder)."""
    import json
    import subprocess
    import sys

    from search.backends import open_backend

    index = open_backend()
    assert not index.index(documents()).errors
    index.close()
    done = subprocess.run(
        [sys.executable, "-m", "presswatch", "search", "khánh thành", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    hits = {hit["outlet"]: hit for hit in json.loads(done.stdout)["hits"]}
    assert hits["tuoitre"]["published_at"] == "2015-03-12" and hits["tuoitre"]["published_precision"] == "day"
    assert hits["nld"]["published_at"] == "2015-03-12T08:06:00+07:00"
    text = subprocess.run(
        [sys.executable, "-m", "presswatch", "search", "khánh thành"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "2015-03-12  " in text and "2015-03-12T00:00" not in text and "2015-03-12T08:06" in text
