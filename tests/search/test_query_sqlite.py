"""SQLite FTS5 compiler: exact parity with the Python matcher, on hand-picked and generated queries."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.backends.sqlite_schema import create_schema
from search.document import LOCAL_TZ, Document
from search.query import fts_rank_match, matches, parse, register_sqlite_functions, to_sqlite

try:
    from tests.search import query_corpus as corpus
except ImportError:  # tests/ not importable as a package: rootdir-relative import
    import query_corpus as corpus

DOCS = corpus.documents()
NOW = corpus.NOW


@pytest.fixture(scope="module")
def conn():
    connection = corpus.build_sqlite(DOCS)
    yield connection
    connection.close()


def sql_rows(connection: sqlite3.Connection, query: str) -> set[int]:
    """0-based document indexes the SQL compilation selects."""
    sql, params = to_sqlite(parse(query), now=NOW)
    rows = connection.execute(f"SELECT a.rowid FROM articles a WHERE {sql}", params)
    return {rowid - 1 for (rowid,) in rows}


def python_rows(query: str) -> set[int]:
    node = parse(query)
    return {i for i, doc in enumerate(DOCS) if matches(node, doc, now=NOW)}


def both(connection, query: str) -> set[int]:
    expected = python_rows(query)
    assert sql_rows(connection, query) == expected, query
    return expected


# Indexes into corpus._handwritten(): 0 "Kiến nghị…" (2025-02-28 23:59:59), 1 "Khởi kiện…" (03-01 00:00),
# 2 "Nghị quyết 52-NQ/TU…" (03-01 00:30), 3 "Hoà Bình…" (03-31 23:59:59.9), 4 "giao thông an toàn"
# (now-7d exactly), 5 "an toàn là…" (now-7d minus half a second), 10 "Tin vắn" (= now).
@pytest.mark.parametrize(
    ("query", "included", "excluded"),
    [
        ("kien nghi", {0, 11}, {1}),
        ("=kiến", {0, 9, 11}, {1}),
        ("=kiện", {1, 11}, {0}),
        ('"an toàn giao thông"', {0}, {4, 5}),
        ('="an toàn giao thông"', {0}, {4}),
        ("dien tu", {2}, set()),
        ("TP.HCM", {0, 6}, set()),
        ("52-NQ/TU", {2}, set()),
        ("=hoà", {3}, set()),
        ("=hòa", {3}, set()),
        ("giao*", {0, 1, 4, 5}, set()),
        ("=kiế*", {0, 9, 11}, {1}),
        ("an NEAR/0 toàn", {0, 4, 5, 11}, set()),
        ("toàn ONEAR/0 an", {4}, {0, 5, 11}),
        ('"an toàn"~5', {0, 4, 5}, set()),
        ("title:(an NEAR/3 giao)", {0, 4}, {5}),
        ("title:(an NEAR/5 giao)", {0, 4, 5}, set()),
        ("body:(an ONEAR/5 toàn)", {5, 11}, set()),
        ("body:(an ONEAR/4 toàn)", {11}, {5}),
        ('"giao thông" NEAR/0 an', {4}, {5}),
        ("cháy NEAR/0 cháy", {7}, set()),
        ("nổ ONEAR/0 nổ", {7}, set()),
        ('-"tai nạn"', {0, 2, 3}, {1, 6}),
        ("NOT kien*", {3, 4}, {0, 1, 9}),
        ('province:"bac ninh"', {1}, {0}),
        ('province:"TP. HỒ CHÍ MINH"', {6}, set()),
        ("province:hoa*", {3}, set()),
        ("outlet:BAOBACNINH", {1}, set()),
        ("topic:giao*", {0, 1, 6}, {2}),
        ("tone:negative -topic:giao*", set(), {1, 6}),
        ("story:story-bank", {8, 9}, set()),
        ("author:nguyen*", {7}, set()),
        ('section:"thoi su"', {7}, set()),
        ("published:2025-03-01", {1, 2}, {0}),
        ("published:<2025-03-01", {0, 7, 8}, {1, 2}),
        ("published:<=2025-02-28", {0}, {1}),
        ("published:>2025-02-28", {1, 2, 3}, {0}),
        ("published:[2025-01-01 TO 2025-02-28]", {0, 7}, {8, 1}),
        ("published:2025-03", {1, 2, 3}, {0}),
        ("published:2025", {0, 7}, {8}),
        ("published:>=now-7d", {4, 9, 10}, {5}),
        ("published:[now-7d TO now]", {4, 9, 10}, {5}),
        ("published:<now", {5, 9}, {10}),
        ("published:[* TO 2024-12-31]", {8}, {7}),
    ],
)
def test_semantics(conn, query, included, excluded):
    found = both(conn, query)
    assert included <= found, (query, sorted(found))
    assert not excluded & found, (query, sorted(found))


def test_only_negative_query_is_everything_else(conn):
    assert both(conn, '-"tai nạn"') == set(range(len(DOCS))) - both(conn, '"tai nạn"')
    assert both(conn, "") == set(range(len(DOCS)))


def test_user_text_is_only_in_parameters():
    sql, params = to_sqlite(parse('"x\'; DROP TABLE articles; --" outlet:"a\'b%_" title:robert*'), now=NOW)
    assert "DROP" not in sql and "robert" not in sql and "'b" not in sql
    assert any("drop table articles" in str(p) for p in params)
    assert "a'b\\%\\_%" not in params and "a'b%_" in params  # not a prefix: no LIKE pattern
    sql, params = to_sqlite(parse('outlet:"50%_x"*'), now=NOW)
    assert "LIKE ? ESCAPE" in sql and params[-1] == "50\\%\\_x%"


def test_like_prefix_escapes_wildcards():
    db = sqlite3.connect(":memory:")
    create_schema(db)
    register_sqlite_functions(db)
    for rowid, value in enumerate(["50% off", "50x off", "a_b", "axb"], 1):
        db.execute(
            "INSERT INTO articles(rowid, id, url, outlet_id, published_ts, indexed_ts, source)"
            " VALUES (?, ?, ?, 'o', 0, 0, '{}')",
            (rowid, f"id{rowid}", f"u{rowid}"),
        )
        db.execute("INSERT INTO article_terms VALUES (?, 'section', ?, ?)", (rowid, value, value))
    for query, expected in [('section:"50%"*', {1}), ("section:a_*", {3}), ("section:ax*", {4})]:
        sql, params = to_sqlite(parse(query))
        assert {r for (r,) in db.execute(f"SELECT a.rowid FROM articles a WHERE {sql}", params)} == expected


def test_ordered_proximity_needs_the_registered_function():
    db = sqlite3.connect(":memory:")
    create_schema(db)
    sql, params = to_sqlite(parse("a ONEAR/2 b"))
    assert "presswatch_ordered_near" in sql
    with pytest.raises(sqlite3.OperationalError, match="presswatch_ordered_near"):
        db.execute(f"SELECT a.rowid FROM articles a WHERE {sql}", params).fetchall()
    register_sqlite_functions(db)
    assert db.execute(f"SELECT a.rowid FROM articles a WHERE {sql}", params).fetchall() == []


def test_fts_rank_match_orders_by_bm25(conn):
    query = '(kien nghi OR "an toàn"~2) -tai OR x NOT y'
    node = parse(query)
    rank = fts_rank_match(node)
    assert rank is not None and '"tai"' not in rank and '"y"' not in rank  # negative leaves not ranked
    sql, params = to_sqlite(node, now=NOW)
    rows = conn.execute(
        "SELECT a.rowid, r.score FROM articles a LEFT JOIN (SELECT rowid, bm25(articles_fts) AS score"
        " FROM articles_fts WHERE articles_fts MATCH ?) r ON r.rowid = a.rowid"
        f" WHERE {sql} ORDER BY r.score IS NULL, r.score, a.published_ts DESC",
        [rank, *params],
    ).fetchall()
    assert {rowid - 1 for rowid, _ in rows} == python_rows(query)
    assert rows and all(score is not None for _, score in rows)
    assert [score for _, score in rows] == sorted(score for _, score in rows)
    assert fts_rank_match(parse("-kien outlet:x published:>=2025-01-01")) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus.queries())
def test_sql_equals_python_matcher(conn, query):
    assert sql_rows(conn, query) == python_rows(query)


# -- positional edge cases: FTS5 NEAR vs the matcher on tiny random fields -----------------
_TINY = sqlite3.connect(":memory:")
create_schema(_TINY)
register_sqlite_functions(_TINY)
_T0 = datetime(2025, 1, 1, tzinfo=LOCAL_TZ)

_operand = st.one_of(
    st.sampled_from("abc"),
    st.lists(st.sampled_from("abc"), min_size=2, max_size=3).map(lambda ws: '"' + " ".join(ws) + '"'),
    st.sampled_from(["ab*", "ba*", '"a ab*"']),
)
_positional = st.one_of(
    st.builds(
        lambda a, op, n, b: f"{a} {op}/{n} {b}",
        _operand,
        st.sampled_from(["NEAR", "ONEAR"]),
        st.integers(0, 4),
        _operand,
    ),
    st.builds(
        lambda ws, n: '"' + " ".join(ws) + f'"~{n}',
        st.lists(st.sampled_from("abc"), min_size=2, max_size=4),
        st.integers(1, 5),
    ),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "x", "ab", "abc", "ba"]), max_size=14), _positional)
def test_positional_semantics_match_fts5(words, query):
    doc = Document(url="https://example.vn/t", outlet_id="o", title=" ".join(words), published_at=_T0)
    _TINY.execute("DELETE FROM articles")
    _TINY.execute("DELETE FROM articles_fts")
    _TINY.execute(
        "INSERT INTO articles(rowid, id, url, outlet_id, published_ts, indexed_ts, source)"
        " VALUES (1, 'i', 'u', 'o', 0, 0, '{}')"
    )
    text = doc.match_text()
    _TINY.execute(
        "INSERT INTO articles_fts(rowid, title_f, title_x) VALUES (1, ?, ?)",
        (text["title_f"], text["title_x"]),
    )
    node = parse(query)
    sql, params = to_sqlite(node)
    found = bool(_TINY.execute(f"SELECT a.rowid FROM articles a WHERE {sql}", params).fetchall())
    assert found == matches(node, doc), (words, query)
