"""Errors the query language raises: always bilingual, always a ``QueryError`` (a ``ValueError``)."""

from __future__ import annotations

# What a parser state can expect next, in the order messages list them: English key (what
# ``QuerySyntaxError.expected`` holds) -> Vietnamese wording, English wording.
EXPECTED_WORDS: dict[str, tuple[str, str]] = {
    ")": ("dấu ')'", "')'"),
    "]": ("dấu ']'", "']'"),
    '"': ("dấu '\"' đóng cụm từ", "a closing '\"'"),
    "term": ("từ khoá, cụm từ hoặc nhóm", "a term, phrase or group"),
    "date": ("ngày (dd/mm/yyyy, YYYY-MM-DD) hoặc now-7d", "a date (dd/mm/yyyy, YYYY-MM-DD) or now-7d"),
    "field": ("tên trường", "a field name"),
    "operator": ("toán tử AND/OR", "an AND/OR operator"),
    "NEAR": ("toán tử NEAR/n", "a NEAR/n operator"),
    "end": ("hết truy vấn", "the end of the query"),
    "letters": ("chữ hoặc số", "letters or digits"),
}


class QueryError(ValueError):
    """Base class: ``message_vi`` and ``message_en``; ``str()`` is ``"vi / en"``."""

    def __init__(self, message_vi: str, message_en: str, *, column: int | None = None) -> None:
        self.message_vi = message_vi
        self.message_en = message_en
        self.column = column
        super().__init__(f"{message_vi} / {message_en}")


class QuerySyntaxError(QueryError):
    """The query does not follow the grammar; ``column`` is 1-based, ``expected`` English keys."""

    def __init__(self, column: int, expected: list[str], detail_vi: str, detail_en: str) -> None:
        self.expected = list(expected)
        super().__init__(
            f"Lỗi cú pháp ở cột {column}: {detail_vi}",
            f"Syntax error at column {column}: {detail_en}",
            column=column,
        )


class QueryTooCostly(QueryError):
    """Valid syntax, but refused because it would be too expensive to run on every backend."""

    def __init__(self, detail_vi: str, detail_en: str, *, column: int | None = None) -> None:
        where_vi = f" (cột {column})" if column else ""
        where_en = f" (column {column})" if column else ""
        super().__init__(
            f"Truy vấn quá tốn kém{where_vi}: {detail_vi}",
            f"Query too costly{where_en}: {detail_en}",
            column=column,
        )


def describe_expected(expected: list[str]) -> tuple[str, str]:
    """Vietnamese and English wording for a list of ``EXPECTED_WORDS`` keys."""
    keys = [k for k in EXPECTED_WORDS if k in expected] + [k for k in expected if k not in EXPECTED_WORDS]
    vi = " hoặc ".join(EXPECTED_WORDS.get(k, (k, k))[0] for k in keys)
    en = " or ".join(EXPECTED_WORDS.get(k, (k, k))[1] for k in keys)
    return vi, en


def expected_error(column: int, found: str | None, expected: list[str]) -> QuerySyntaxError:
    """``thiếu X`` / ``expected X`` at the end of input, ``gặp 'Y' nhưng cần X`` elsewhere."""
    vi, en = describe_expected(expected)
    if found is None:
        return QuerySyntaxError(column, expected, f"thiếu {vi}", f"expected {en}")
    return QuerySyntaxError(
        column, expected, f"gặp '{found}' nhưng cần {vi}", f"unexpected '{found}', expected {en}"
    )
