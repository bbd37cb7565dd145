"""Keyword charts: multi-syllable words and names, stopwords never on top, document counts."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from devtools.evaluate import load_set, to_document
from search.analysis import keywords
from search.analysis.keywords import load_stopwords, phrases
from search.document import Document
from tests.conftest import REPO

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def doc(n: int, title: str, body: str = "") -> Document:
    return Document(
        url=f"https://example.vn/{n}",
        outlet_id="t",
        title=title,
        body=body,
        published_at=datetime(2025, 9, 1, tzinfo=TZ),
    )


def test_segmented_phrases_keep_words_and_names() -> None:
    found = phrases("UBND tỉnh Bắc Giang tổ chức hội nghị xúc tiến đầu tư vào các khu công nghiệp.")
    assert "Bắc Giang" in found and "hội nghị" in found
    assert "xúc tiến đầu tư" in found  # words re-joined into a phrase of the topic profiles
    assert not {"của", "và", "được", "theo", "tổ chức", "UBND"} & set(found)


def test_counts_are_documents_not_repetitions() -> None:
    documents = [
        doc(1, "Chuyển đổi số ở Bắc Giang", "Chuyển đổi số, chuyển đổi số, chuyển đổi số."),
        doc(2, "Chuyển đổi số ở Hà Nam"),
        doc(3, "Giá vàng tăng mạnh"),
    ]
    top = {phrase.lower(): count for phrase, count in keywords(documents, limit=10)}
    assert top["chuyển đổi số"] == 2 and top["bắc giang"] == 1


def test_stopwords_never_top_the_chart_on_the_evaluation_set() -> None:
    items = load_set(REPO / "tests" / "data" / "analysis" / "dev.yaml")[:60]
    top = keywords([to_document(i) for i in items], limit=30)
    assert len(top) == 30
    stop = load_stopwords()
    assert all(phrase.lower() not in stop for phrase, _ in top)
    assert all(" " in phrase or phrase.isupper() for phrase, _ in top)
    assert [count for _, count in top] == sorted((count for _, count in top), reverse=True)


def test_empty_input() -> None:
    assert keywords([]) == []
    assert keywords([doc(1, "")]) == []
