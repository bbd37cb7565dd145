"""A plain-text article (a saved .txt, text pasted on standard input): the first non-empty line is
the title, the next paragraph the sapo, the rest the body.

Paragraphs are separated by blank lines; text without any blank line has one paragraph per line.
Text copied from a page keeps its furniture (ratings, "Tin cùng chuyên mục" and the headlines
after it) and its closing byline: the HTML pipeline's own line steps (``furniture_text.filter_lines``,
``byline.split_trailing_byline``) take them off here too.
Plain text carries no publish time: the article gets the time it was read, with precision
"unknown", so nothing downstream mistakes it for a dated one. Line-by-line, no regex over the text.
"""

from __future__ import annotations

from datetime import datetime

from crawler.extract import byline, furniture_text
from crawler.extract.result import ExtractedArticle, Extraction, not_article
from search.document import LOCAL_TZ
from search.text import normalize


def _paragraphs(lines: list[str]) -> list[str]:
    if not any(not line.strip() for line in lines):
        return [line.strip() for line in lines if line.strip()]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark); ValueError says what else to do."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"the text is not UTF-8 (byte {error.start}); save it as UTF-8 and try again"
        ) from None


def extract_text(text: str, url: str, read_at: datetime | None = None) -> Extraction:
    """An article from plain text; never raises: a text with no title or no body says why."""
    lines = normalize(text).splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return not_article("empty text")
    title = lines[start].strip()
    paragraphs = furniture_text.filter_lines(_paragraphs(lines[start + 1 :]))
    author, paragraphs = byline.split_trailing_byline(paragraphs)
    if not paragraphs:
        return not_article("only a title line: the article's text must follow the first line")
    sapo, body = (paragraphs[0], paragraphs[1:]) if len(paragraphs) > 1 else ("", paragraphs)
    article = ExtractedArticle(
        url=url,
        title=title,
        sapo=sapo,
        body="\n\n".join(body),
        author=author if author and byline.is_person(author, ()) else "",
        published_at=read_at or datetime.now(LOCAL_TZ),
        published_precision="unknown",
    )
    return Extraction(article=article, canonical_url=url, encoding="utf-8")
