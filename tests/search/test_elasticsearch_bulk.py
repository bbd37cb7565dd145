"""Fast bulk indexing must index exactly what the plain definitions say, and bulk-load mode must
leave the indices as it found them."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.synthetic import documents
from search.backends import SearchRequest
from search.backends.elastic import ElasticsearchBackend
from search.backends.es_indices import _match_texts, to_es_source
from search.document import Document
from search.text import _FOLD_TABLE, normalize, token_text

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# Vietnamese letters precomposed and decomposed, tone marks alone, other scripts, separators.
ALPHABET = (
    st.sampled_from(
        list("aăâeêioôơuưyđbcghknqrtxAĐỌ")
        + [
            "hoà",
            "hòa",
            "qúy",
            "thuỷ",
            "o\u0301",
            "a\u0323",
            "\u0301",
            "中文",
            "ß",
            "İ",
            "\u0f43",
            "ǅ",
            "΅",
            "_",
            " ",
            "-",
            ".",
            "\n",
            "x" * 300,
        ]
    )
    | st.characters()
)
TEXT = st.lists(ALPHABET, max_size=30).map("".join)


def article(n: int, title: str = "Giải ngân vốn đầu tư công", month: int = 3) -> Document:
    return Document(
        url=f"https://baoa.vn/bai-{n}.html",
        outlet_id="baoa",
        title=f"{title} {n}",
        body="Tỉnh Bắc Ninh đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
        published_at=datetime(2026, month, 15, 8, tzinfo=TZ),
    )


def assert_source_matches_definitions(document: Document) -> None:
    source = json.loads(json.dumps(to_es_source(document)))
    for name, text in document.match_text().items():
        assert source[name] == text, name
    assert source["doc"] == json.loads(json.dumps(document.to_source()))


@settings(max_examples=300, deadline=None)
@given(title=TEXT, sapo=TEXT, body=TEXT)
def test_source_match_fields_equal_match_text_for_any_text(title, sapo, body):
    assert_source_matches_definitions(
        Document(
            url="https://baoa.vn/x.html",
            outlet_id="baoa",
            title=title,
            sapo=sapo,
            body=body,
            published_at=datetime(2026, 3, 1, tzinfo=TZ),
        )
    )


def test_match_texts_equal_token_text_around_every_character():
    for cp in range(0x30000):
        if 0xD800 <= cp < 0xE000:
            continue
        # Runs longer than a token may be are only tried for characters folding changes.
        long = [chr(cp) * 300] if cp in _FOLD_TABLE or cp < 0x80 else []
        for raw in (f"a{chr(cp)}b đá", f"{chr(cp)}Ọ {chr(cp)}", *long):
            value = normalize(raw)
            assert _match_texts(value) == (token_text(value), token_text(value, folded=False)), hex(cp)


def test_source_equals_the_plain_definitions_on_the_benchmark_corpus():
    for document in documents(300):
        assert_source_matches_definitions(document)


def test_source_of_text_assigned_after_construction_is_still_normalised():
    document = article(1)
    document.body = "Ho\u0300a bi\u0300nh"  # decomposed, never passed through normalize
    assert_source_matches_definitions(document)


def test_many_bulk_requests_on_threads_index_every_document_once(elasticsearch_url, es_index):
    backend = ElasticsearchBackend(elasticsearch_url, es_index, refresh=True, bulk_docs=7, bulk_threads=3)
    report = backend.index([article(n, month=1 + n % 4) for n in range(50)])
    assert (report.indexed, report.errors) == (50, [])
    moved = article(3, title="Đính chính", month=6)  # a re-crawl updates its one document
    assert backend.index([moved, *[article(n, month=1 + n % 4) for n in range(10, 20)]]).indexed == 11
    assert backend.count() == 50
    assert backend.get(moved.id).title.startswith("Đính chính")
    assert backend.search(SearchRequest(query="giai ngan")).total == 50
    backend.close()


def test_bulk_load_mode_covers_new_indices_and_restores_everything(elasticsearch_url, es_index):
    backend = ElasticsearchBackend(elasticsearch_url, es_index)
    backend.index([article(1, month=1)])
    client = backend.client
    template = client.indices.get_index_template(name=f"{es_index}-g1")["index_templates"][0]

    def index_settings() -> dict[str, tuple[str, str]]:
        found = client.indices.get_settings(
            index=f"{es_index}-*", name="index.refresh_interval,index.translog.durability", flat_settings=True
        )
        return {
            name: (
                data["settings"].get("index.refresh_interval"),
                data["settings"].get("index.translog.durability"),
            )
            for name, data in found.body.items()
        }

    with backend.bulk_load():
        backend.index([article(2, month=1), article(3, month=2)])  # 2026.02 is created in the load
        assert set(index_settings().values()) == {("-1", "async")}
        assert backend.count() <= 1  # not searchable before the load ends
    assert set(index_settings().values()) == {("1s", "request")}
    after = client.indices.get_index_template(name=f"{es_index}-g1")["index_templates"][0]
    assert after["index_template"]["template"] == template["index_template"]["template"]
    assert backend.count() == 3
    assert backend.search(SearchRequest(query="giai ngan")).total == 3
    # The load ended by merging the closed months (2026.01 held two segments: before and in the load).
    segments = client.indices.stats(index=f"{es_index}-g1-2026.01", metric="segments")["_all"]
    assert segments["primaries"]["segments"]["count"] == 1


def test_an_article_rewritten_into_another_month_before_a_refresh_stays_one_document(
    elasticsearch_url, es_index, monkeypatch
):
    backend = ElasticsearchBackend(elasticsearch_url, es_index)
    with backend.bulk_load():  # nothing is searchable until the load ends
        backend.index([article(1, month=1), article(2, month=1)])
        backend.index([article(1, title="Đính chính: giải ngân", month=2)])
    assert backend.count() == 2
    assert backend.get(article(1).id).title.startswith("Đính chính")

    # A long load refreshes once it has written more than it remembers, then forgets.
    monkeypatch.setattr("search.backends.elastic.UNREFRESHED_KEPT", 3)
    with backend.bulk_load():
        backend.index([article(n, month=4) for n in range(10, 13)])
        backend.index([article(10, title="Sửa lần hai", month=5)])
    assert backend.count() == 5
    assert backend.get(article(10).id).title.startswith("Sửa lần hai")


def test_delete_removes_a_document_written_the_moment_before(elasticsearch_url, es_index):
    backend = ElasticsearchBackend(elasticsearch_url, es_index)
    backend.index([article(1), article(2)])
    backend.delete(article(1).id)
    backend.refresh_now()
    assert backend.count() == 1 and backend.get(article(1).id) is None
