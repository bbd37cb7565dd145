"""What `presswatch extract` and `presswatch analyze` read: a web page (a saved file, a URL, HTML on
standard input) or plain text (a .txt file, text on standard input with ``-``, or ``--text``), whose
first line is the title. What is not an article is said in plain words on stderr (exit status 1).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from crawler.extract.result import Extraction

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
NO_INPUT = "give a FILE or URL, - to read standard input, or --text 'Title\\n\\nText…'"
# Reasons from crawler.extract (pagekind, pipeline, plaintext) → what a user can do about them.
EXPLANATIONS = (
    (
        "truncated page",
        "the page stops before its end (no </html>): the download was cut short, or "
        "this is not a web page. For plain text use a .txt file, - or --text",
    ),
    ("not HTML", "this is not a web page. For plain text use a .txt file, - or --text"),
    ("binary content", "this is a binary file (an image, a PDF, an archive…), not a web page or text"),
    ("empty page", "the page is empty"),
    ("empty text", "the text is empty"),
    ("page too large", "the file is too large to be one article page"),
    ("error page", "this is an error page (not found or removed), not an article"),
    (
        "section or listing page",
        "this is a list of headlines (a home or section page), not an article: open one of its articles",
    ),
    ("photo gallery", "there is too little text for an article (a photo gallery)"),
    ("video page", "there is too little text for an article (a video page)"),
    ("too little text", "there is too little text for an article"),
    ("no title", "no headline was found on the page"),
    (
        "no publish date",
        "no publication date was found on the page; to analyse its text anyway, "
        "save the text as a .txt file (first line: the title)",
    ),
    ("over the per-page CPU budget", "the page took too long to read; it may be malformed"),
    ("unparseable HTML", "the page's HTML cannot be read"),
)


def explain(reason: str) -> str:
    """A not-an-article reason in a user's words, keeping the technical one in brackets."""
    for prefix, words in EXPLANATIONS:
        if reason.startswith(prefix):
            return f"{words} [{reason}]"
    return reason


def article_source(command: Callable[..., Any]) -> Callable[..., Any]:
    """The SOURCE argument and the --text/--url options shared by extract and analyze."""
    command = click.option("--url", default="", help="The article's URL, when the source is a file or text.")(
        command
    )
    command = click.option(
        "--text", "text", default=None, help="The article as plain text: first line the title, then the text."
    )(command)
    return click.argument("source", metavar="[FILE_OR_URL|-]", required=False)(command)


def _looks_like_html(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def read_article(source: str | None, text: str | None, url: str) -> Extraction:
    """The Extraction of what the user gave; a usage error when it is none or both."""
    from crawler.extract import extract_article
    from crawler.extract.plaintext import decode_text, extract_text

    if text is not None and source:
        raise click.UsageError(f"{source} and --text: give one of them")
    if text is not None:
        return extract_text(text, url or "text:--text")
    if not source:
        raise click.UsageError(NO_INPUT)
    if source == "-":
        data, page_url, content_type, as_text = sys.stdin.buffer.read(), url or "text:stdin", None, None
    elif source.startswith(("http://", "https://")):
        import urllib.request

        with urllib.request.urlopen(source, timeout=30) as response:  # noqa: S310 - user-given URL
            data, content_type = response.read(), response.headers.get("Content-Type")
        page_url = url or source
        as_text = (content_type or "").split(";")[0].strip().lower() == "text/plain" or None
    else:
        path = Path(source)
        if not path.is_file():
            raise click.BadParameter(f"no such file: {source}", param_hint="FILE_OR_URL")
        data, page_url, content_type = path.read_bytes(), url or path.resolve().as_uri(), None
        suffix = path.suffix.lower()
        as_text = True if suffix in TEXT_SUFFIXES else False if suffix in HTML_SUFFIXES else None
    sniffed = as_text is None
    if sniffed:
        as_text = not _looks_like_html(data)
    if not as_text:
        return extract_article(data, page_url, content_type)
    try:
        return extract_text(decode_text(data), page_url)
    except ValueError as error:
        if sniffed:  # neither HTML nor UTF-8 text: the page checks say what it is (binary…)
            return extract_article(data, page_url, content_type)
        click.echo(f"Cannot read {source}: {error}", err=True)
        sys.exit(1)


def refuse(result: Extraction, as_json: bool) -> NoReturn:
    """Say on stderr why this is not an article (plain words), and exit with status 1."""
    words = explain(result.reason)
    if as_json:
        click.echo(
            json.dumps(
                {"not_article": True, "reason": result.reason, "explanation": words}, ensure_ascii=False
            ),
            err=True,
        )
    else:
        click.echo(f"Không phải bài báo / not an article: {words}", err=True)
    sys.exit(1)
