"""``parse(text) -> Node``: lark parse tree -> AST; every fault of the query is a QueryError.

Only the query's faults become a ``QueryError`` (with the column where it is): a bug of the
parser itself raises as it is, so tests, logs and error pages see it instead of a "syntax error".
What lark itself stops on is worded by ``search.query.lark_errors``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple, TypeVar

from lark import Token, Tree
from lark.exceptions import UnexpectedInput

from search.document import KEYWORD_FIELDS, fold_keyword
from search.query import dates
from search.query.ast import (
    ALL_TEXT_FIELDS,
    MAX_DISTANCE,
    MAX_LEAVES,
    MAX_NESTING,
    MAX_QUERY_LENGTH,
    MIN_PREFIX_LENGTH,
    And,
    DateRange,
    Keyword,
    MatchAll,
    Near,
    Node,
    Not,
    Or,
    Phrase,
    SloppyPhrase,
    Text,
    leaf_count,
)
from search.query.errors import QuerySyntaxError, QueryTooCostly
from search.query.grammar import CLOSE_QUOTES, FIELD_NAMES, OPEN_QUOTES, parser
from search.query.lark_errors import syntax_error, token_start
from search.text import fold, tokens

# The PHRASE terminal's pattern (search.query.grammar): straight or typographic quotes.
_PHRASE = re.compile(
    rf'(=?)(?:"([^"]*)"|[{OPEN_QUOTES}]([^"{OPEN_QUOTES}{CLOSE_QUOTES}]*)[{CLOSE_QUOTES}])(\*?)(?:~([0-9]+))?',
    re.DOTALL,
)
_ALL_FIELDS = FIELD_NAMES


class _Ctx(NamedTuple):
    """Parse context: ``kind`` "text" with the searched ``fields``, or "keyword" with its ``name``."""

    kind: str
    fields: tuple[str, ...] = ()
    name: str = ""


_T = TypeVar("_T")
_DEFAULT = _Ctx("text", ALL_TEXT_FIELDS)


def parse(text: str) -> Node:
    """Parse a query; an empty or blank query is ``MatchAll()``. A malformed query raises a
    ``QuerySyntaxError`` (with its column) or ``QueryTooCostly``."""
    if not isinstance(text, str):
        raise QuerySyntaxError(1, [], "truy vấn phải là chuỗi ký tự", "the query must be a string")
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryTooCostly(
            f"dài hơn {MAX_QUERY_LENGTH} ký tự", f"longer than {MAX_QUERY_LENGTH} characters"
        )
    if not text.strip():
        return MatchAll()
    try:
        tree = parser().parse(text)
    except UnexpectedInput as exc:
        raise syntax_error(text, exc) from None
    _check_depth(tree)
    node = _Converter(text).convert(tree, _DEFAULT)
    count = leaf_count(node)
    if count > MAX_LEAVES:
        raise QueryTooCostly(
            f"{count} điều kiện, tối đa {MAX_LEAVES}", f"{count} terms, at most {MAX_LEAVES}"
        )
    return node


def _end(token: Token) -> int:
    assert token.end_pos is not None
    return token.end_pos


def _token(item: Tree[Token] | Token) -> Token:
    """A child the grammar makes a terminal; a subtree there is a bug of the grammar."""
    if not isinstance(item, Token):
        raise AssertionError(f"expected a token, got the parse node {item.data}")
    return item


def _check_depth(tree: Tree[Token]) -> None:
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            raise QueryTooCostly("lồng nhau quá sâu", "nested too deeply")
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tree))


def _error(token: Token, expected: list[str], vi: str, en: str) -> QuerySyntaxError:
    return QuerySyntaxError(token_start(token) + 1, expected, vi, en)


def _date(token: Token, parse_date: Callable[[str], _T]) -> _T:
    """Run a date parser on the token's text; its errors become syntax errors at the token."""
    try:
        return parse_date(token.value)
    except dates.DateSyntaxError as exc:
        raise _error(token, ["date"], exc.vi, exc.en) from None


class _Converter:
    def __init__(self, text: str) -> None:
        self.text = text

    def convert(self, item: Tree[Token] | Token, ctx: _Ctx) -> Node:
        if isinstance(item, Token):
            return self.leaf(item, ctx)
        data = item.data
        if data == "or_expr":
            return Or(tuple(self.convert(child, ctx) for child in item.children))
        if data == "and_expr":
            return And(tuple(self.convert(child, ctx) for child in item.children))
        if data == "negation":
            child = self.convert(item.children[0], ctx)
            return child.child if isinstance(child, Not) else Not(child)
        if data == "chain":
            return self.chain([_token(child) for child in item.children], ctx)
        if data == "field":
            return self.field(_token(item.children[0]), item.children[1], ctx)
        if data == "range":
            raise _error(
                _token(item.children[0]),
                [],
                "khoảng [a TO b] chỉ dùng cho published:",
                "[a TO b] ranges are for published: only",
            )
        raise AssertionError(f"unknown parse node {data}")

    # -- fields ----------------------------------------------------------------------------
    def field(self, name_token: Token, value: Tree[Token] | Token, ctx: _Ctx) -> Node:
        name = name_token.value[:-1].lower()
        if name not in _ALL_FIELDS:
            names = ", ".join(_ALL_FIELDS)
            raise _error(
                name_token,
                ["field"],
                f"không có trường '{name}'; các trường: {names}",
                f"unknown field '{name}'; fields are: {names}",
            )
        if ctx != _DEFAULT:
            raise _error(
                name_token,
                ["term"],
                f"không lồng trường '{name}:' bên trong một trường khác",
                f"field '{name}:' cannot be nested inside another field",
            )
        if name == "published":
            return self.published(name_token, value)
        new_ctx = _Ctx("keyword", name=name) if name in KEYWORD_FIELDS else _Ctx("text", (name,))
        return self.convert(value, new_ctx)

    def published(self, name_token: Token, value: Tree[Token] | Token) -> DateRange:
        if isinstance(value, Tree) and value.data == "range":
            low, to, high = (_token(child) for child in value.children)
            if to.value != "TO":
                raise _error(
                    to, ["TO"], f"gặp '{to.value}' nhưng cần TO", f"unexpected '{to.value}', expected TO"
                )
            lower, upper = (None if b.value == "*" else _date(b, dates.parse_value) for b in (low, high))
            source = self.text[token_start(name_token) : _end(high) + 1]
            return DateRange(lower=lower, upper=upper, source=source)
        if isinstance(value, Token) and value.type == "WORD":
            source = self.text[token_start(name_token) : _end(value)]
            return _date(value, lambda text: dates.parse_comparison(text, source))
        raise _error(
            name_token,
            ["date"],
            "published: cần một ngày, so sánh hoặc khoảng [a TO b]",
            "published: needs a date, a comparison or a [a TO b] range",
        )

    # -- leaves ----------------------------------------------------------------------------
    def chain(self, items: list[Token], ctx: _Ctx) -> Node:
        if len(items) == 1:
            return self.leaf(items[0], ctx)
        if len(items) > 3:
            raise _error(
                items[3],
                ["operator"],
                "NEAR/ONEAR chỉ nối hai vế; dùng (a NEAR/5 b) AND (b NEAR/5 c)",
                "NEAR/ONEAR joins two operands; use (a NEAR/5 b) AND (b NEAR/5 c)",
            )
        left_token, op, right_token = items
        if ctx.kind != "text":
            raise _error(
                op,
                [],
                "NEAR/ONEAR chỉ dùng cho văn bản (title, sapo, body)",
                "NEAR/ONEAR applies to text fields only (title, sapo, body)",
            )
        distance = int(op.value.split("/", 1)[1])
        if distance > MAX_DISTANCE:
            raise QueryTooCostly(
                f"khoảng cách {distance} lớn hơn {MAX_DISTANCE}",
                f"distance {distance} is over {MAX_DISTANCE}",
                column=token_start(op) + 1,
            )
        left_exact, left = self.operand(left_token)
        right_exact, right = self.operand(right_token)
        if left_exact != right_exact:
            raise _error(
                op,
                [],
                "hai vế của NEAR phải cùng có hoặc cùng không có dấu '='",
                "both NEAR operands must be exact ('=') or both accent-insensitive",
            )
        source = self.text[token_start(left_token) : _end(right_token)]
        return Near(
            fields=ctx.fields,
            exact=left_exact,
            source=source,
            left=left,
            right=right,
            distance=distance,
            ordered=op.value.startswith("O"),
        )

    def operand(self, token: Token) -> tuple[bool, Phrase]:
        node = self.leaf(token, _DEFAULT)
        if not isinstance(node, Text):
            raise _error(
                token,
                ["term"],
                "vế của NEAR không được là cụm từ có ~N",
                'a NEAR operand cannot be a "sloppy phrase"~N',
            )
        return node.exact, node.phrase

    def leaf(self, token: Token, ctx: _Ctx) -> Node:
        kind = ctx.kind
        if kind == "published":
            raise AssertionError("published is handled by field()")
        if token.type == "PHRASE":
            match = _PHRASE.fullmatch(token.value)
            assert match is not None  # the PHRASE terminal is this pattern
            exact, straight, typographic, suffix, slop_text = match.groups()
            inner = straight if straight is not None else typographic
            body = inner.rstrip()
            prefix = suffix == "*" or body.endswith("*")
            body = body.rstrip("*") if prefix else body
            slop = int(slop_text) if slop_text is not None else None
        else:
            value = token.value
            exact = "=" if value.startswith("=") else ""
            body = value[len(exact) :]
            if body.startswith("*"):
                raise QueryTooCostly(
                    f"'{value}' bắt đầu bằng ký tự đại diện *",
                    f"'{value}' starts with a wildcard",
                    column=token_start(token) + 1,
                )
            prefix = body.endswith("*")
            body = body[:-1] if prefix else body
            if "*" in body:
                raise _error(
                    token,
                    ["term"],
                    f"'{value}': chỉ hỗ trợ * ở cuối từ",
                    f"'{value}': '*' is only supported at the end of a word",
                )
            if value.startswith("~"):
                raise _error(
                    token,
                    ["term"],
                    "'~N' phải viết liền sau dấu '\"' đóng: \"a b\"~5",
                    "'~N' must directly follow the closing quote: \"a b\"~5",
                )
            if value in ("NEAR", "ONEAR"):
                raise _error(
                    token,
                    ["NEAR"],
                    f"{value} cần khoảng cách, ví dụ {value}/5",
                    f"{value} needs a distance, e.g. {value}/5",
                )
            slop = None
        if kind == "keyword":
            return self.keyword(token, ctx.name, exact, body, prefix, slop)
        words = tuple(tokens(body, folded=not exact))
        if not words:
            raise _error(
                token,
                ["letters"],
                f"'{token.value}' không có chữ hoặc số để tìm",
                f"'{token.value}' has no letters or digits to search for",
            )
        if prefix and len(fold(words[-1])) < MIN_PREFIX_LENGTH:
            raise QueryTooCostly(
                f"'{token.value}': tiền tố ngắn hơn {MIN_PREFIX_LENGTH} chữ",
                f"'{token.value}': prefix shorter than {MIN_PREFIX_LENGTH} letters",
                column=token_start(token) + 1,
            )
        fields, is_exact, source = ctx.fields, bool(exact), token.value
        if slop is not None:
            if slop > MAX_DISTANCE:
                raise QueryTooCostly(
                    f"khoảng cách {slop} lớn hơn {MAX_DISTANCE}",
                    f"distance {slop} is over {MAX_DISTANCE}",
                    column=token_start(token) + 1,
                )
            if slop > 0 and len(words) > 1:
                return SloppyPhrase(
                    tokens=words, slop=slop, prefix=prefix, fields=fields, exact=is_exact, source=source
                )
        return Text(phrase=Phrase(words, prefix), fields=fields, exact=is_exact, source=source)

    def keyword(
        self, token: Token, name: str, exact: str, body: str, prefix: bool, slop: int | None
    ) -> Keyword:
        if exact or slop is not None:
            raise _error(
                token,
                ["term"],
                f"'=' và '~' không dùng cho trường {name}:",
                f"'=' and '~' do not apply to the {name}: field",
            )
        value = fold_keyword(body)
        if not value:
            raise _error(
                token, ["term"], f"giá trị trống cho trường {name}:", f"empty value for the {name}: field"
            )
        if prefix and len(value) < MIN_PREFIX_LENGTH:
            raise QueryTooCostly(
                f"'{token.value}': tiền tố ngắn hơn {MIN_PREFIX_LENGTH} chữ",
                f"'{token.value}': prefix shorter than {MIN_PREFIX_LENGTH} letters",
                column=token_start(token) + 1,
            )
        if name == "tone" and not prefix:
            value = _tone(token, value)
        return Keyword(field=name, value=value, prefix=prefix, source=token.value)


# The app shows tones in Vietnamese, so staff write them so: ``tone:"tiêu cực"`` is ``tone:negative``.
# Tones are a closed set; any other value would silently find nothing, so it is an error instead.
TONE_VALUES = {
    "negative": "negative",
    "neutral": "neutral",
    "positive": "positive",
    "tieu cuc": "negative",
    "trung tinh": "neutral",
    "tich cuc": "positive",
}


def _tone(token: Token, value: str) -> str:
    if value in TONE_VALUES:
        return TONE_VALUES[value]
    raise _error(
        token,
        ["term"],
        f"không có sắc thái '{token.value}'; dùng negative (tiêu cực), neutral (trung tính) "
        "hoặc positive (tích cực)",
        f"no tone '{token.value}'; use negative (tiêu cực), neutral (trung tính) or positive (tích cực)",
    )
