"""Parser tests: every syntax form, precedence, errors with columns, costly queries, fuzzing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.query import (
    And,
    DateRange,
    Keyword,
    MatchAll,
    Near,
    Not,
    Or,
    Phrase,
    QueryError,
    QuerySyntaxError,
    QueryTooCostly,
    SloppyPhrase,
    Text,
    parse,
)
from search.query.ast import MAX_LEAVES

ALL = ("title", "sapo", "body")


def text(source: str, *tokens: str, prefix: bool = False, exact: bool = False, fields=ALL) -> Text:
    return Text(fields=fields, exact=exact, source=source, phrase=Phrase(tokens, prefix))


def t(word: str) -> Text:
    return text(word, word)


# -- forms ----------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_blank_query_is_match_all(query):
    assert parse(query) == MatchAll()


def test_term_is_folded_and_keeps_its_source():
    assert parse("Kiến") == text("Kiến", "kien")
    assert parse("kien nghi") == And((t("kien"), t("nghi")))


def test_phrase_prefix_exact():
    assert parse('"An toàn giao thông"') == text('"An toàn giao thông"', "an", "toan", "giao", "thong")
    assert parse("giao*") == text("giao*", "giao", prefix=True)
    assert parse("=kiến") == text("=kiến", "kiến", exact=True)
    assert parse('="Bắc Ninh"') == text('="Bắc Ninh"', "bắc", "ninh", exact=True)
    assert parse('"giao th"*') == text('"giao th"*', "giao", "th", prefix=True)
    assert parse('"giao th*"') == text('"giao th*"', "giao", "th", prefix=True)
    assert parse("=kiế*") == text("=kiế*", "kiế", prefix=True, exact=True)


def test_exact_normalises_tone_mark_placement():
    assert parse("=hoà").phrase == parse("=hòa").phrase == Phrase(("hòa",))


def test_multi_token_term_is_a_phrase():
    assert parse("TP.HCM") == text("TP.HCM", "tp", "hcm")
    assert parse("52-NQ/TU") == text("52-NQ/TU", "52", "nq", "tu")
    assert parse("TP.HC*") == text("TP.HC*", "tp", "hc", prefix=True)


def test_sloppy_phrase():
    node = parse('"an giao"~5')
    assert node == SloppyPhrase(fields=ALL, exact=False, source='"an giao"~5', tokens=("an", "giao"), slop=5)
    assert parse('"an giao"~0') == text('"an giao"~0', "an", "giao")  # ~0 is a plain phrase
    assert parse('"an"~3') == text('"an"~3', "an")
    assert parse('"an gia"*~2').prefix is True


def test_near_and_onear():
    node = parse('kiến NEAR/5 "giao thông"')
    assert node == Near(
        fields=ALL,
        exact=False,
        source='kiến NEAR/5 "giao thông"',
        left=Phrase(("kien",)),
        right=Phrase(("giao", "thong")),
        distance=5,
        ordered=False,
    )
    onear = parse("=kiến ONEAR/0 =nghị")
    assert isinstance(onear, Near) and onear.ordered and onear.exact and onear.distance == 0
    assert parse("giao* NEAR/3 an").left == Phrase(("giao",), True)


def test_near_binds_tighter_than_and():
    node = parse("x a NEAR/2 b y")
    assert isinstance(node, And) and [type(c) for c in node.children] == [Text, Near, Text]


def test_text_fields_and_groups():
    assert parse("title:kiến") == text("kiến", "kien", fields=("title",))
    assert parse("Title:kiến") == text("kiến", "kien", fields=("title",))
    node = parse('sapo:(kiến OR "an toàn") -body:nạn')
    assert node == And(
        (
            Or((text("kiến", "kien", fields=("sapo",)), text('"an toàn"', "an", "toan", fields=("sapo",)))),
            Not(text("nạn", "nan", fields=("body",))),
        )
    )
    near = parse("title:(a NEAR/2 b)")
    assert isinstance(near, Near) and near.fields == ("title",)


def test_metadata_fields():
    assert parse("outlet:VnExpress") == Keyword("outlet", "vnexpress", False, "VnExpress")
    assert parse('province:"Bắc  Ninh"') == Keyword("province", "bac ninh", False, '"Bắc  Ninh"')
    assert parse("topic:giao*") == Keyword("topic", "giao", True, "giao*")
    assert parse('topic:"giao thông"*') == Keyword("topic", "giao thong", True, '"giao thông"*')
    node = parse("tone:(negative OR neutral)")
    assert node == Or(
        (Keyword("tone", "negative", False, "negative"), Keyword("tone", "neutral", False, "neutral"))
    )
    for name in ("kind", "author", "section", "story"):
        assert parse(f"{name}:x1").field == name


def test_dates():
    node = parse("published:[2025-01-01 TO 2025-03-31]")
    assert isinstance(node, DateRange) and node.lower.day == 1 and node.upper.month == 3
    assert parse("published:>=2025-01-01").upper is None
    assert parse("published:<2025-01-01").lower is None
    assert parse("published:>=now-7d").lower.now_offset == -7 * 86400
    assert parse("published:>now-2w").lower_edge == "end"
    assert parse("published:<=now-12h").upper.now_offset == -12 * 3600
    day = parse("published:2025-03-01")
    assert day.lower == day.upper and (day.lower_edge, day.upper_edge) == ("start", "end")
    assert parse("published:2025-03").lower.day is None
    assert parse("published:[* TO 2025-01-01]").lower is None


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("published:03/12/2026", "published:2026-12-03"),
        ("published:3/12/2026", "published:2026-12-03"),
        ("published:1/2/2026", "published:2026-02-01"),
        ("published:>=01/11/2026", "published:>=2026-11-01"),
        ("published:<30/11/2026", "published:<2026-11-30"),
        ("published:[01/11/2026 TO 30/11/2026]", "published:[2026-11-01 TO 2026-11-30]"),
        ("published:[1/11/2026 TO *]", "published:[2026-11-01 TO *]"),
        ("published:03/2026", "published:2026-03"),
        ("published:3/2026", "published:2026-03"),
        ("published:12/2026", "published:2026-12"),
        ("published:>=03/2026", "published:>=2026-03"),
        ("published:[11/2026 TO 12/2026]", "published:[2026-11 TO 2026-12]"),
    ],
)
def test_day_month_year_dates_mean_the_iso_day(written, iso):
    """dd/mm/yyyy, as the app shows every date, is the same day as YYYY-MM-DD (not mm/dd)."""
    ours, theirs = parse(written), parse(iso)
    assert (ours.lower, ours.upper, ours.lower_edge, ours.upper_edge) == (
        theirs.lower,
        theirs.upper,
        theirs.lower_edge,
        theirs.upper_edge,
    )


@pytest.mark.parametrize(
    "query",
    [
        "published:31/02/2026",
        "published:29/02/2026",
        "published:3/13/2026",
        "published:03/12/1800",
        "published:13/2026",
        "published:0/2026",
        "published:03/1800",
    ],
)
def test_impossible_day_month_year_dates_are_refused(query):
    err = syntax_error(query)
    assert (err.column, err.expected) == (11, ["date"]), str(err)
    assert "không tồn tại" in err.message_vi or "ngoài khoảng" in err.message_vi


def test_unknown_date_forms_name_the_accepted_ones():
    err = syntax_error("published:03.12.2026")
    assert "dd/mm/yyyy" in err.message_vi and "dd/mm/yyyy" in err.message_en


# -- boolean structure ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("a b", And((t("a"), t("b")))),
        ("a AND b", And((t("a"), t("b")))),
        ("a && b", And((t("a"), t("b")))),
        ("a OR b", Or((t("a"), t("b")))),
        ("a || b", Or((t("a"), t("b")))),
        ("a OR b c", Or((t("a"), And((t("b"), t("c")))))),
        ("a b OR c", Or((And((t("a"), t("b"))), t("c")))),
        ("a AND b OR c AND d", Or((And((t("a"), t("b"))), And((t("c"), t("d")))))),
        ("NOT a b", And((Not(t("a")), t("b")))),
        ("-a OR b", Or((Not(t("a")), t("b")))),
        ("a -b", And((t("a"), Not(t("b"))))),
        ("a NOT b", And((t("a"), Not(t("b"))))),
        ("(a OR b) c", And((Or((t("a"), t("b"))), t("c")))),
        ("-(a OR b)", Not(Or((t("a"), t("b"))))),
        ("NOT NOT a", t("a")),
        ("--a", t("a")),
        ("a and b", And((t("a"), t("and"), t("b")))),  # keywords are upper-case only
        ("ANDROID ORB NOTE", And((t("android"), t("orb"), t("note")))),  # not keywords
        ("a-b", text("a-b", "a", "b")),
        ("10:30", text("10:30", "10", "30")),
    ],
)
def test_precedence_and_operators(query, expected):
    assert _strip_sources(parse(query)) == _strip_sources(expected)


def _strip_sources(node):
    if isinstance(node, (And, Or)):
        return type(node)(tuple(_strip_sources(c) for c in node.children))
    if isinstance(node, Not):
        return Not(_strip_sources(node.child))
    if isinstance(node, Text):
        return Text(fields=node.fields, exact=node.exact, source="", phrase=node.phrase)
    return node


def test_only_negative_query():
    assert parse('-"tai nạn"') == Not(text('"tai nạn"', "tai", "nan"))
    assert parse("NOT outlet:x") == Not(Keyword("outlet", "x", False, "x"))


# -- errors ---------------------------------------------------------------------------------
def syntax_error(query: str) -> QuerySyntaxError:
    with pytest.raises(QuerySyntaxError) as info:
        parse(query)
    return info.value


def test_missing_closing_parenthesis_message():
    err = syntax_error("(a OR b")
    assert err.column == 8 and err.expected == [")"]
    assert str(err) == "Lỗi cú pháp ở cột 8: thiếu dấu ')' / Syntax error at column 8: expected ')'"
    assert err.message_vi.startswith("Lỗi cú pháp") and err.message_en.startswith("Syntax error")
    assert isinstance(err, QueryError) and isinstance(err, ValueError)


@pytest.mark.parametrize(
    ("query", "column", "expected"),
    [
        ("a OR", 5, ["term"]),
        ("a AND OR b", 7, ["term"]),
        ("a)", 2, ["end"]),
        ('kiến "an toàn', 6, ['"']),
        ("(a OR (b c)", 12, [")"]),
        ("published:[2025-01-01 TO", 25, ["date"]),
        ("published:[2025-01-01 TO 2025-02-01", 36, ["]"]),
        ("title:", 7, ["term"]),
        ("titel:x", 1, ["field"]),
        ("!!!", 1, ["letters"]),
        ("a !!! b", 3, ["letters"]),
        ('""', 1, ["letters"]),
        ("a NEAR/5 b NEAR/5 c", 12, ["operator"]),
        ("(a OR b) NEAR/5 c", 10, ["term"]),
        ("title:a NEAR/5 b", 9, ["term"]),
        ("NEAR b", 1, ["NEAR"]),
        ("gi*o", 1, ["term"]),
        ("published:2025-02-30", 11, ["date"]),
        ("published:[2025-01-01 FROM 2025-02-01]", 23, ["TO"]),
        ("published:tomorrow", 11, ["date"]),
        ("published:now", 11, ["date"]),
        ('published:"2025"', 1, ["date"]),
        ("title:[a TO b]", 8, []),
        ("outlet:(a NEAR/2 b)", 11, []),
        ("title:(body:x)", 8, ["term"]),
        ("outlet:=abc", 8, ["term"]),
        ('outlet:"  "', 8, ["term"]),
        ("=a NEAR/3 b", 4, []),
        ('a NEAR/3 "b c"~2', 10, ["term"]),
        ('"a b" ~5', 7, ["term"]),
        ("[a]", 1, ["term"]),
    ],
)
def test_syntax_errors_name_column_and_expectation(query, column, expected):
    err = syntax_error(query)
    assert (err.column, err.expected) == (column, expected), str(err)
    assert f"cột {column}" in err.message_vi and f"column {column}" in err.message_en


@pytest.mark.parametrize(
    "query",
    [
        "*nghi",
        "=*nghi",
        "g*",
        "đ*",
        "=đ*",
        "TP.H*",
        "outlet:v*",
        "outlet:*press",
        "a NEAR/101 b",
        '"a b"~101',
        "x" * 16_001,
        "(a " * 300 + ")" * 300,
        "NOT " * 3000 + "a",
        "-" * 5000 + "a",
        " OR ".join(f"w{i}" for i in range(MAX_LEAVES + 1)),
        " OR ".join(f"w{i} NEAR/2 v" for i in range(MAX_LEAVES // 2 + 1)),
    ],
)
def test_costly_queries_are_refused(query):
    with pytest.raises(QueryTooCostly) as info:
        parse(query)
    assert info.value.message_vi.startswith("Truy vấn quá tốn kém")


def test_limits_are_inclusive():
    parse("gi*")
    parse("a NEAR/100 b")
    parse(" OR ".join(f"w{i}" for i in range(MAX_LEAVES)))
    parse("x" * 16_000)
    assert parse("(" * 2000 + "a" + ")" * 2000) == t("a")  # redundant parentheses cost nothing
    parse("(a " * 50 + ")" * 50)


def test_non_string_input_is_a_query_error():
    with pytest.raises(QueryError):
        parse(None)  # type: ignore[arg-type]


# -- fuzz -----------------------------------------------------------------------------------
def _parse_or_query_error(query: str) -> None:
    """Parses, or fails with one of the query language's own errors, placed in the query. Any other
    exception (a bug of the parser) is not caught here, so it fails the test."""
    try:
        parse(query)
    except QuerySyntaxError as exc:
        assert isinstance(exc.column, int) and 1 <= exc.column <= len(query) + 1
        assert f"cột {exc.column}" in exc.message_vi and f"column {exc.column}" in exc.message_en
    except QueryTooCostly as exc:
        assert exc.message_vi.startswith("Truy vấn quá tốn kém")
        assert exc.message_en.startswith("Query too costly")


def test_a_bug_in_the_parser_is_not_reported_as_a_syntax_error(monkeypatch):
    from search.query import parser as parser_module

    def broken(self, tree, context):
        raise KeyError("internal")

    monkeypatch.setattr(parser_module._Converter, "convert", broken)
    with pytest.raises(KeyError):
        parse("giao thông")


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_fuzz_any_text(query):
    _parse_or_query_error(query)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                "kiến",
                " ",
                "(",
                ")",
                '"',
                "[",
                "]",
                "-",
                "*",
                "=",
                "~",
                "~3",
                ":",
                "/",
                "AND",
                "OR",
                "NOT",
                "&&",
                "||",
                "NEAR/2",
                "ONEAR/1",
                "NEAR",
                "title:",
                "outlet:",
                "published:",
                "TO",
                "2025-01-01",
                ">=",
                "now-7d",
                "!!!",
                "g",
                "\n",
            ]
        ),
        max_size=14,
    ).map("".join)
)
def test_fuzz_query_shaped_text(query):
    _parse_or_query_error(query)
