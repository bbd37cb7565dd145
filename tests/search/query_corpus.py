"""A small shared corpus and a hypothesis query strategy for query-language parity tests.

``documents()`` gives ~40 deterministic Documents (hand-written edge cases plus generated ones
over a small Vietnamese vocabulary, so proximity, diacritics and dates are exercised), and
``queries()`` produces valid query strings over the same vocabulary. Compile with ``now=NOW``.
Reused by the Elasticsearch parity test (``from tests.search.query_corpus import NOW, documents,
queries``): index ``documents()``, compile each generated query with ``now=NOW``, and compare the
matching ids with ``{d.id for d in documents() if matches(parse(q), d, now=NOW)}``.
``build_sqlite(docs)`` shows exactly what the embedded index must store.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime, timedelta

from hypothesis import strategies as st

from search.backends.sqlite_schema import create_schema
from search.document import LOCAL_TZ, Document, fold_keyword
from search.query import epoch_seconds, register_sqlite_functions

NOW = datetime(2025, 4, 15, 12, 0, 0, tzinfo=LOCAL_TZ)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_POOL = _words(
    "kiến kiện kiên nghị nghi an toàn giao thông thống tai nạn tài tại điện tử diễn đàn Bắc Ninh cháy nổ "
    "xe máy dự án TP.HCM quận hoà hòa bình giáo dục ngân hàng 52-NQ/TU an an toàn"
)
_OUTLETS = ("vnexpress", "tuoitre", "thanhnien", "baobacninh", "vietnamnet")
_KINDS = ("national", "provincial", "online")
_PROVINCES = ("Bắc Ninh", "TP. Hồ Chí Minh", "Hà Nội", "Đà Nẵng", "Hoà Bình")
_TOPICS = ("Giao thông", "Giáo dục", "Y tế", "An ninh trật tự", "Kinh tế")
_TONES = ("negative", "neutral", "positive")
_AUTHORS = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Hoà", "")
_SECTIONS = ("Thời sự", "Pháp luật", "Kinh doanh", "")


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _handwritten() -> list[dict]:
    return [
        {
            "title": "Kiến nghị về an toàn giao thông",
            "sapo": "Cử tri TP.HCM kiến nghị giải pháp",
            "body": "Nhiều ý kiến nghị cần bảo đảm an toàn giao thông trên quốc lộ.",
            "published_at": _at("2025-02-28T23:59:59+07:00"),
            "topics": ["Giao thông"],
            "tone": "neutral",
        },
        {
            "title": "Khởi kiện vụ tai nạn giao thông ở Bắc Ninh",
            "sapo": "Gia đình nạn nhân khởi kiện",
            "body": "Vụ tai nạn xảy ra tại Bắc Ninh, giao thông ùn tắc.",
            "provinces": ["Bắc Ninh"],
            "published_at": _at("2025-03-01T00:00:00+07:00"),
            "topics": ["Giao thông", "An ninh trật tự"],
            "tone": "negative",
            "outlet_id": "baobacninh",
            "outlet_kind": "provincial",
        },
        {
            "title": "Nghị quyết 52-NQ/TU về chuyển đổi điện tử",
            "sapo": "",
            "body": (
                "Thực hiện nghị quyết 52-NQ/TU, tỉnh đẩy mạnh chính quyền điện tử và diễn đàn trực tuyến."
            ),
            "published_at": _at("2025-03-01T00:30:00+07:00"),
            "topics": ["Kinh tế"],
            "tone": "positive",
        },
        {
            "title": "Hoà Bình mưa lớn",
            "sapo": "Mưa lớn ở Hòa Bình gây sạt lở",
            "body": "",
            "published_at": _at("2025-03-31T23:59:59.900000+07:00"),
            "provinces": ["Hoà Bình"],
        },
        {
            "title": "giao thông an toàn",
            "sapo": "thông giao an",
            "body": "toàn an giao thông giao",
            "published_at": _at("2025-04-08T12:00:00+07:00"),
        },
        {
            "title": "an toàn là trên hết cho giao thông",
            "body": "an x x x x x toàn và giao x x thông",
            "published_at": _at("2025-04-08T11:59:59.500000+07:00"),
        },
        {
            "title": "Tài xế xe máy gây tai nạn tại quận 1",
            "sapo": "TP.HCM: tài xế bỏ chạy",
            "body": "Xe máy va chạm, tai nạn liên hoàn tại quận 1 TP.HCM.",
            "provinces": ["TP. Hồ Chí Minh"],
            "published_at": _at("2025-01-15T08:00:00+07:00"),
            "tone": "negative",
            "topics": ["Giao thông"],
        },
        {
            "title": "Cháy nổ ở khu công nghiệp",
            "sapo": "Cháy lớn, nổ liên tiếp",
            "body": "cháy cháy nổ nổ cháy",
            "published_at": _at("2025-01-01T00:00:00+07:00"),
            "author": "Nguyễn Văn An",
            "section": "Thời sự",
        },
        {
            "title": "Dự án ngân hàng số",
            "sapo": "Ngân hàng triển khai dự án",
            "body": "dự án dự án ngân hàng điện tử",
            "published_at": _at("2024-12-31T23:59:59+07:00"),
            "topics": ["Kinh tế"],
            "story_id": "story-bank",
        },
        {
            "title": "Giáo dục Đà Nẵng",
            "sapo": "Ngành giáo dục kiến nghị",
            "body": "kiên trì đổi mới giáo dục",
            "published_at": _at("2025-04-15T11:59:59+07:00"),
            "provinces": ["Đà Nẵng"],
            "topics": ["Giáo dục"],
            "story_id": "story-bank",
        },
        {"title": "Tin vắn", "published_at": _at("2025-04-15T12:00:00+07:00")},
        {
            "title": "nghi nghị nghi",
            "sapo": "kiện kiến kiên",
            "body": "an an toàn toàn",
            "published_at": _at("2025-02-01T06:00:00+07:00"),
            "author": "Lê Hoà",
        },
    ]


def documents() -> list[Document]:
    """The shared corpus (deterministic, ~40 documents)."""
    rng = random.Random(20250301)
    records = _handwritten()
    start = _at("2025-01-01T00:00:00+07:00")
    for _ in range(28):
        records.append(
            {
                "title": " ".join(rng.choices(_POOL, k=rng.randint(3, 8))),
                "sapo": " ".join(rng.choices(_POOL, k=rng.randint(0, 10))),
                "body": " ".join(rng.choices(_POOL, k=rng.randint(0, 30))),
                "published_at": start + timedelta(seconds=rng.randint(0, 120 * 86_400)),
                "provinces": rng.sample(_PROVINCES, rng.randint(0, 2)),
                "topics": rng.sample(_TOPICS, rng.randint(0, 2)),
                "tone": rng.choice(_TONES),
                "author": rng.choice(_AUTHORS),
                "section": rng.choice(_SECTIONS),
                "story_id": rng.choice(("", "story-a", "story-b")),
            }
        )
    docs = []
    for i, record in enumerate(records):
        record.setdefault("outlet_id", _OUTLETS[i % len(_OUTLETS)])
        record.setdefault("outlet_kind", _KINDS[i % len(_KINDS)])
        docs.append(Document(url=f"https://example.vn/bai-{i}", **record))
    return docs


def build_sqlite(docs: list[Document]) -> sqlite3.Connection:
    """An in-memory embedded index holding ``docs`` (rowid = position + 1), functions registered."""
    conn = sqlite3.connect(":memory:")
    create_schema(conn)
    register_sqlite_functions(conn)
    for rowid, doc in enumerate(docs, 1):
        conn.execute(
            "INSERT INTO articles(rowid, id, url, outlet_id, outlet_kind, tone, story_id, published_ts,"
            " indexed_ts, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rowid,
                doc.id,
                doc.url,
                doc.outlet_id,
                doc.outlet_kind,
                doc.tone,
                doc.story_id,
                epoch_seconds(doc.published_at),
                0,
                "{}",
            ),
        )
        for field, values in doc.keyword_values().items():
            conn.executemany(
                "INSERT INTO article_terms(article_rowid, field, value, value_f) VALUES (?, ?, ?, ?)",
                [(rowid, field, value, fold_keyword(value)) for value in values],
            )
        text = doc.match_text()
        columns = ("title_f", "sapo_f", "body_f", "title_x", "sapo_x", "body_x")
        conn.execute(
            f"INSERT INTO articles_fts(rowid, {', '.join(columns)}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (rowid, *(text[c] for c in columns)),
        )
    return conn


# -- query strategy ------------------------------------------------------------------------
WORDS = _words(
    "kiến kien kiện kiên nghị nghi an toàn toan giao thông thong tai tài nạn nan điện dien tử tu "
    "Bắc ninh cháy nổ xe máy dự án TP.HCM tp.hcm quận hoà hòa hoa bình giáo ngân hàng 52-NQ/TU "
    "bão lũ"
)
EXACT_WORDS = ("=kiến", "=kiện", "=hoà", "=tài", "=tai", "=Bắc", "=an", "=giao")
PREFIXES = ("gia*", "giao*", "ngh*", "ki*", "th*", "an*", "điệ*", "TP.HC*", "=kiế*", "=tà*", "ng*")
_keyword_values = {
    "outlet": ("vnexpress", "TUOITRE", "vn*", "bao*", "baobacninh"),
    "kind": ("national", "provincial", "prov*"),
    "province": ('"Bắc Ninh"', '"bac ninh"', "bac*", '"TP. Hồ Chí Minh"', '"hoà bình"', "ha*"),
    "topic": ('"giao thông"', "giao*", '"Giáo dục"', "kinh*", '"an ninh trật tự"'),
    "tone": ("negative", "positive", "NEUTRAL"),
    "author": ('"Nguyễn Văn An"', "nguyen*", '"le hoa"'),
    "section": ('"thời sự"', "phap*", '"Kinh doanh"'),
    "story": ("story-bank", "story-a", "story*"),
}
DATES = (
    "published:[2025-01-01 TO 2025-02-28]",
    "published:2025-03-01",
    "published:2025-03",
    "published:>=2025-03-01",
    "published:>2025-02-28",
    "published:<2025-03-01",
    "published:<=2025-02-28",
    "published:>=now-7d",
    "published:[now-30d TO now]",
    "published:[* TO 2025-02-01]",
    "published:2025",
    "published:<now-1w",
    "published:>now-12h",
    "published:[2025-03-01 TO *]",
)


def _phrase(words: list[str], exact: bool, suffix: str) -> str:
    return ("=" if exact else "") + '"' + " ".join(words) + '"' + suffix


def _phrases() -> st.SearchStrategy[str]:
    suffix = st.sampled_from(("", "", "*", "~0", "~1", "~2", "~4", "~6", "*~3"))
    return st.builds(_phrase, st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), st.booleans(), suffix)


def _operand(exact: bool) -> st.SearchStrategy[str]:
    words = st.sampled_from(WORDS).map(lambda w: ("=" + w) if exact else w)
    phrases = st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(lambda ws: _phrase(ws, exact, ""))
    prefixes = st.sampled_from([p for p in PREFIXES if p.startswith("=") == exact])
    return st.one_of(words, phrases, prefixes)


def _near() -> st.SearchStrategy[str]:
    def build(exact: bool) -> st.SearchStrategy[str]:
        return st.builds(
            lambda a, op, n, b: f"{a} {op}/{n} {b}",
            _operand(exact),
            st.sampled_from(("NEAR", "ONEAR")),
            st.integers(0, 6),
            _operand(exact),
        )

    return st.booleans().flatmap(build)


def _simple_text_leaf() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(WORDS), st.sampled_from(EXACT_WORDS), st.sampled_from(PREFIXES), _phrases()
    )


def _text_leaf() -> st.SearchStrategy[str]:
    return st.one_of(_simple_text_leaf(), _near())


def _fielded() -> st.SearchStrategy[str]:
    field = st.sampled_from(("title", "sapo", "body"))
    inner = st.one_of(
        _simple_text_leaf(),
        _near().map(lambda q: f"({q})"),
        st.tuples(_text_leaf(), _text_leaf()).map(lambda t: f"({t[0]} OR {t[1]})"),
        st.tuples(_text_leaf(), _text_leaf()).map(lambda t: f"({t[0]} -{t[1]})"),
    )
    return st.builds(lambda f, v: f"{f}:{v}", field, inner)


def _keyword() -> st.SearchStrategy[str]:
    def build(name: str) -> st.SearchStrategy[str]:
        values = st.sampled_from(_keyword_values[name])
        return st.one_of(
            values.map(lambda v: f"{name}:{v}"),
            st.tuples(values, values).map(lambda t: f"{name}:({t[0]} OR {t[1]})"),
        )

    return st.sampled_from(sorted(_keyword_values)).flatmap(build)


def _leaf() -> st.SearchStrategy[str]:
    return st.one_of(_text_leaf(), _text_leaf(), _fielded(), _keyword(), st.sampled_from(DATES))


def queries() -> st.SearchStrategy[str]:
    """Valid query strings over the corpus vocabulary, combining every syntax form."""

    def extend(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        pair = st.tuples(children, children)
        return st.one_of(
            pair.map(lambda t: f"{t[0]} {t[1]}"),
            pair.map(lambda t: f"{t[0]} AND {t[1]}"),
            pair.map(lambda t: f"{t[0]} OR {t[1]}"),
            pair.map(lambda t: f"({t[0]}) || ({t[1]})"),
            pair.map(lambda t: f"({t[0]}) && NOT ({t[1]})"),
            children.map(lambda c: f"-({c})"),
            children.map(lambda c: f"NOT ({c})"),
            children.map(lambda c: f"({c})"),
        )

    negated_leaf = _leaf().map(lambda q: q if q.startswith("-") else f"-{q}")
    return st.recursive(st.one_of(_leaf(), _leaf(), _leaf(), negated_leaf), extend, max_leaves=6)
