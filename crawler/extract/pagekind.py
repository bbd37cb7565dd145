"""Is this an article at all? Cheap checks on the raw response, then on the parsed page.

Each check returns a reason ("binary content (PNG image)") or None; the pipeline turns a reason
into a "not an article" result, so a bad page is counted and logged, never raised.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import html as lxml_html

from crawler.extract.content import text_of
from crawler.extract.metadata import Metadata

if TYPE_CHECKING:
    from crawler.extract.options import ExtractionOptions

_MAGIC = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x00", "binary media"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32)
_HTML_TYPES = ("text/html", "application/xhtml", "text/plain", "application/xml", "text/xml")
# Error-page wording. Headlines can say "không tồn tại" too, so this only counts on pages that do
# not declare themselves articles and carry little text.
_ERROR_TEXT = re.compile(
    r"^\W*404\b|(?:lỗi|error)\s*404|404\s*(?:not found|error)|không tìm thấy (?:trang|bài|nội dung)|"
    r"(?:trang|bài viết|nội dung) (?:bạn (?:yêu cầu|tìm|truy cập) )?không tồn tại|"
    r"(?:trang|bài viết|nội dung|tin|bài) (?:này )?đã bị (?:xóa|xoá|gỡ)|"
    r"page not found|trang bạn (?:yêu cầu|tìm|truy cập)|lỗi hệ thống|server error|có lỗi xảy ra|"
    r"bài viết không còn",
    re.I,
)


def check_response(page: bytes | str, content_type: str | None, options: ExtractionOptions) -> str | None:
    """Reasons visible before parsing: wrong media type, size, binary bytes, empty, truncated."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media and not media.startswith(_HTML_TYPES):
        return f"not HTML ({media})"
    if len(page) > options.max_page_bytes:
        return f"page too large ({len(page):,} > {options.max_page_bytes:,} bytes)"
    if isinstance(page, bytes):
        head = page[:4096]
        for magic, kind in _MAGIC:
            if head.startswith(magic):
                return f"binary content ({kind})"
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        if b"\x00" in head or (head and controls > 0.05 * len(head)):
            return "binary content, not HTML"
        if not page.strip():
            return "empty page"
    elif not page.strip():
        return "empty page"
    return None


def check_truncated(text: str) -> str | None:
    """A cut-off download ends before </body> and </html>, mid-text or mid-tag.

    Minified pages may omit both end tags legitimately (HTML allows it), but they still end on a
    tag; a download cut in the middle of a paragraph does not.
    """
    tail = text[-200_000:].lower()
    if "</html" not in tail and "</body" not in tail and not tail.rstrip().endswith(">"):
        return "truncated page (ends mid-content without </body> or </html>: an incomplete download)"
    return None


def check_error(tree: lxml_html.HtmlElement, title: str, meta: Metadata) -> str | None:
    """ "Not found" / "removed" pages, recognised before any article field is trusted."""
    if meta.has_article_jsonld or meta.og_type.lower() == "article":
        return None
    headings = [title, *(text_of(h) for h in tree.xpath("//h1")[:2]), " ".join(tree.xpath("//title/text()"))]
    if (
        any(_ERROR_TEXT.search(h[:200]) for h in headings if h)
        and len(text_of(tree.body if tree.body is not None else tree)) < 3000
    ):
        return "error page (not found or removed)"
    return None


def _headline_links(element: lxml_html.HtmlElement) -> int:
    return sum(1 for a in element.xpath(".//h2//a | .//h3//a | .//h4//a") if len(text_of(a)) >= 25)


def check_listing(
    tree: lxml_html.HtmlElement, meta: Metadata, body: lxml_html.HtmlElement | None
) -> str | None:
    """A section, tag or search page: headline after headline, and the "body" found is one more list.

    Judged after furniture is cut from the body, so an article's related-story boxes do not count.
    """
    if meta.has_article_jsonld or meta.og_type.lower() == "article":
        return None
    on_page = _headline_links(tree)
    if on_page < 10:
        return None
    if body is None:
        return f"section or listing page ({on_page} headline links, no article text)"
    text = len(text_of(body))
    links = sum(len(text_of(a)) for a in body.iter("a"))
    if _headline_links(body) >= 5 or (text and links > 0.5 * text):
        return f"section or listing page ({on_page} headline links; the main block is a list)"
    return None


def check_length(
    body_chars: int, image_count: int, tree: lxml_html.HtmlElement, options: ExtractionOptions
) -> str | None:
    """Why a page with too little text is not an article: a gallery, a video page, or nothing."""
    if body_chars >= options.min_body_chars:
        return None
    if image_count >= 3:
        return f"photo gallery with little text ({body_chars} characters, {image_count} images)"
    if tree.xpath("//video | //*[contains(@class, 'video')]//iframe | //meta[@property='og:video']"):
        return f"video page with little text ({body_chars} characters)"
    return f"too little text ({body_chars} characters): a section, gallery or error page"
