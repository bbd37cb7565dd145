"""The in-Python matcher: positional semantics by hand, explain, highlight_terms, matchable."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from search.document import LOCAL_TZ, Document
from search.query import explain, highlight_terms, matchable, matches, parse

T0 = datetime(2025, 3, 1, 9, 30, tzinfo=LOCAL_TZ)


def doc(title: str = "", sapo: str = "", body: str = "", **kw) -> Document:
    return Document(
        url="https://example.vn/a",
        outlet_id=kw.pop("outlet_id", "vnexpress"),
        title=title,
        sapo=sapo,
        body=body,
        published_at=kw.pop("published_at", T0),
        **kw,
    )


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("a x x b", "a NEAR/2 b", True),
        ("a x x b", "a NEAR/1 b", False),
        ("a x x b", "b NEAR/2 a", True),
        ("a x x b", "b ONEAR/2 a", False),
        ("a x x b", "a ONEAR/2 b", True),
        ("a x x b", '"a b"~2', True),
        ("a x x b", '"a b"~1', False),
        ("a x b x c", '"a b c"~2', True),
        ("a x b x c", '"a b c"~1', False),
        ("a x b x c", '"a c b"~5', False),
        ("a b c", '"a b" NEAR/0 "b c"', True),  # overlapping operands match, as in FTS5 and Lucene
        ("a b c", '"a b" ONEAR/0 "b c"', False),  # ordered operands may not overlap
        ("a", "a NEAR/3 a", True),
        ("a", "a ONEAR/3 a", False),
        ("a x a", "a ONEAR/1 a", True),
        ("giao thong", "gia* ONEAR/0 thong", True),
        ("nha x y z giao thong", '"giao th"* NEAR/3 nha', True),
        ("nha x y z w giao thong", '"giao th"* NEAR/3 nha', False),
        ("kiến nghị", "kien nghi", True),
        ("kiến nghị", "=kiện", False),
        ("Điện tử", '"dien tu"', True),
        ("Điện tử", '="điện tử"', True),
        ("Điện tử", '="dien tu"', False),
    ],
)
def test_positional_and_accent_semantics(text, query, expected):
    assert matches(parse(query), doc(title=text)) is expected


def test_phrase_and_near_stay_within_one_field():
    d = doc(title="an toàn", sapo="giao thông", body="x")
    assert matches(parse("toàn giao"), d)
    assert not matches(parse('"toàn giao"'), d)
    assert not matches(parse("toàn NEAR/5 giao"), d)
    assert matches(parse("sapo:giao -title:giao"), d)


def test_metadata_and_dates():
    d = doc(title="x", provinces=["Bắc Ninh"], topics=["Giao thông"], tone="negative", author="Lê Hoà")
    assert matches(parse('province:"bac ninh" topic:"GIAO THONG" tone:negative author:"le hoa"'), d)
    assert matches(parse("topic:giao*"), d) and not matches(parse("topic:thong*"), d)
    assert matches(parse("published:2025-03-01"), d)
    assert not matches(parse("published:>2025-03-01"), d)
    now = T0 + timedelta(days=7)
    assert matches(parse("published:>=now-7d"), d, now=now)
    assert not matches(parse("published:>=now-7d"), d, now=now + timedelta(seconds=1))
    assert matches(parse("published:[now-7d TO now]"), d, now=now.astimezone(UTC))


def test_explain_lists_matching_positive_leaves_as_written():
    d = doc(title="Kiến nghị về an toàn giao thông", body="tai nạn")
    node = parse('kiến nghị "an toàn giao thông" OR "bão lũ" -"tai nạn" title:(an NEAR/2 giao)')
    assert explain(node, d) == ["kiến", "nghị", '"an toàn giao thông"', "an NEAR/2 giao"]
    assert explain(parse("NOT (NOT kiến)"), d) == ["kiến"]
    assert explain(parse("outlet:vnexpress"), d) == []


def test_highlight_terms():
    node = parse('=Kiến "an toàn" giao* TP.HC* a NEAR/3 "b c" "x y"~2 -bỏ outlet:x NOT NOT nghị')
    assert highlight_terms(node) == [
        ("kien",),
        ("an", "toan"),
        ("giao*",),
        ("tp", "hc*"),
        ("a",),
        ("b", "c"),
        ("x",),
        ("y",),
        ("nghi",),
    ]


def test_prepared_document_gives_the_same_answers():
    d = doc(title="an toàn giao thông", sapo="kiến nghị")
    prepared = matchable(d)
    assert matchable(prepared) is prepared
    for query in ("an NEAR/1 thong", "kien", "title:kien", '"toàn giao"', "outlet:vnexpress"):
        node = parse(query)
        assert matches(node, prepared) == matches(node, d)
    assert explain(parse("kien OR giao"), prepared) == ["kien", "giao"]
