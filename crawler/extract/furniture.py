"""Page furniture: everything around an article that must never reach its body."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from search.text import fold

# Headings that open a furniture block, compared folded ("tin cung chuyen muc").
FURNITURE_HEADINGS = tuple(fold(h) for h in (
    "Tin cùng chuyên mục", "Bài viết cùng chủ đề", "Cùng chủ đề", "Cùng chuyên mục", "Tin liên quan",
    "Bài liên quan", "Xem thêm", "Đọc thêm", "Tin khác", "Tin mới", "Tin mới nhất", "Tin đọc nhiều",
    "Đọc nhiều", "Có thể bạn quan tâm", "Bạn thấy bài viết này thế nào", "Bạn cảm thấy bài viết",
    "Đánh giá bài viết", "Chia sẻ", "Bình luận", "Ý kiến bạn đọc", "Gửi bình luận", "Từ khóa",
    "Tags", "Chủ đề", "Tin nổi bật", "Video nổi bật", "Đăng ký nhận tin", "Theo dõi",
))
# class/id fragments of furniture containers on Vietnamese news CMSs.
_FURNITURE_ATTR = re.compile(
    r"(^|[\s_-])(share|social|sharing|rating|rate|vote|star|related|relate|lienquan|tinlienquan|"
    r"same-?cat|cung-?chuyen-?muc|more-?news|tin-?khac|comment|binh-?luan|banner|adv|ads|advert|"
    r"quang-?cao|newsletter|subscribe|cookie|consent|popup|modal|breadcrumb|tags?|keyword|tag-?list|"
    r"print|toolbar|tool-bar|sidebar|box-?category|read-?more|xem-?them|footer|header|menu|nav)"
    r"($|[\s_-])", re.I)
_ALWAYS = ("script", "style", "noscript", "iframe", "form", "nav", "header", "footer", "aside",
           "button", "select", "input", "svg", "template")
_STARS = re.compile(r"^[\s★☆✩✪⭐]+$")


def _heading_text(element: lxml_html.HtmlElement) -> str:
    return fold(" ".join(element.text_content().split()))[:80]


def is_furniture_heading(text: str) -> bool:
    folded = fold(" ".join(text.split())).strip(" :?.…-")
    return any(folded == h or (folded.startswith(h) and len(folded) < len(h) + 40)
               for h in FURNITURE_HEADINGS)


def _text_length(element: lxml_html.HtmlElement) -> int:
    return len(" ".join(element.text_content().split()))


def _link_text_length(element: lxml_html.HtmlElement) -> int:
    return sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))


def _drop(element: lxml_html.HtmlElement) -> None:
    parent = element.getparent()
    if parent is not None:
        element.drop_tree()


def remove_furniture(tree: lxml_html.HtmlElement) -> None:
    """Strip furniture in place: boilerplate tags, furniture containers, furniture blocks by heading."""
    for comment in list(tree.iter(etree.Comment, etree.ProcessingInstruction)):
        if comment.getparent() is not None:
            comment.drop_tree()
    for element in list(tree.iter(*_ALWAYS)):
        _drop(element)
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        attrs = f"{element.get('class', '')} {element.get('id', '')}"
        if _FURNITURE_ATTR.search(attrs) and element.tag not in ("html", "body"):
            # Only drop containers that are not the article itself (a wrapper with much prose).
            if _text_length(element) < 400 or _link_text_length(element) > 0.5 * _text_length(element):
                _drop(element)
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        own_text = " ".join((element.text or "").split())
        if own_text and _STARS.match(own_text):
            _drop(element)
            continue
        if element.tag in ("h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "div", "p", "a", "label") \
                and _text_length(element) < 120 and is_furniture_heading(element.text_content()):
            _drop_block(element)


def _drop_block(heading: lxml_html.HtmlElement) -> None:
    """Drop a furniture heading with the list it introduces, or the small box that holds both."""
    block = heading
    while True:
        parent = block.getparent()
        if parent is None or parent.tag in ("body", "html", "article"):
            break
        text = _text_length(parent)
        if text > 1500 or (text > 300 and _link_text_length(parent) < 0.5 * text):
            break
        block = parent
    if block is heading:
        # A bare heading in the body: its following link lists belong to it.
        sibling = heading.getnext()
        while sibling is not None and (sibling.tag in ("ul", "ol") or (
                _text_length(sibling) and _link_text_length(sibling) >= 0.7 * _text_length(sibling))):
            following = sibling.getnext()
            _drop(sibling)
            sibling = following
    _drop(block)
