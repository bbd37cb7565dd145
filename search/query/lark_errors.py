"""lark's parse errors as the query's faults: ``syntax_error(text, exc)`` -> ``QuerySyntaxError``.

The parser (search.query.parser) turns a parse tree into the AST; this module says, when lark
stops, where (the column) and what the query needed there ("expected ')'", an unterminated quote,
a stray NEAR), in Vietnamese and English, from the grammar's terminals (``TERMINAL_EXPECTS``).
"""

from __future__ import annotations

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from search.query.errors import QuerySyntaxError, expected_error
from search.query.grammar import TERMINAL_EXPECTS


def token_start(token: Token) -> int:
    """Where the token starts; the lexer always sets it (None only for hand-made tokens)."""
    assert token.start_pos is not None
    return token.start_pos


def syntax_error(text: str, exc: UnexpectedInput) -> QuerySyntaxError:
    """lark's exception as the query's fault: the column, what was expected there, in both languages."""
    end_column = len(text.rstrip()) + 1
    if isinstance(exc, UnexpectedCharacters):
        position = exc.pos_in_stream
        assert position is not None  # the basic lexer always says where it stopped
        column = position + 1
        char = text[position]
        if char == '"':
            return QuerySyntaxError(
                column, ['"'], "dấu ngoặc kép '\"' chưa được đóng", "unterminated double quote '\"'"
            )
        return expected_error(column, char, ["term"])
    if isinstance(exc, UnexpectedEOF):
        return expected_error(end_column, None, ["term"])
    assert isinstance(exc, UnexpectedToken)
    token = exc.token
    accepts = set(exc.accepts or exc.expected)
    expected: list[str] = sorted({TERMINAL_EXPECTS[name] for name in accepts if name in TERMINAL_EXPECTS})
    if accepts == {"WORD"}:
        expected = ["date"]
    if token.type == "$END":
        closing: list[str] = [key for key in (")", "]") if key in expected]
        return expected_error(end_column, None, closing or expected or ["term"])
    column = token_start(token) + 1
    if token.type == "NEAR_OP":
        return QuerySyntaxError(
            column,
            ["term"],
            "NEAR/ONEAR chỉ nối hai từ hoặc hai cụm từ, ví dụ: a NEAR/5 b",
            "NEAR/ONEAR joins exactly two terms or phrases, e.g. a NEAR/5 b",
        )
    if token.type == "_RPAR" and ")" not in expected:
        return QuerySyntaxError(
            column, expected, "dấu ')' thừa, không có '(' tương ứng", "unmatched ')' without an opening '('"
        )
    return expected_error(column, str(token.value), expected or ["term"])
