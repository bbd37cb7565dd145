"""Page furniture: everything around or inside an article that must never reach its body.

Three kinds of evidence, because no single one is reliable across CMSs: the tag or its class/id/type
("relatedbox", "box-tinlienquan", type="RelatedNewsBox"); a furniture heading ("Tin cùng chuyên
mục", "Tham khảo thêm") and the links it introduces; and shape (a block made of headline links
inside the body is an inline related-article box even without a heading). This module cleans
the tree; what furniture says (its headings and line shapes) is ``furniture_text``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree
from lxml import html as lxml_html

from crawler.extract import content
from crawler.extract.content import link_text_length, text_of
from crawler.extract.furniture_text import STARS, WIDGET_TEXT, is_button, is_furniture_heading, is_terminal

if TYPE_CHECKING:
    from crawler.extract.options import ExtractionOptions

ALWAYS_REMOVE = (
    "script",
    "style",
    "noscript",
    "iframe",
    "button",
    "select",
    "input",
    "textarea",
    "svg",
    "template",
    "object",
    "embed",
    "video",
    "audio",
    "canvas",
    "map",
    "dialog",
)
_STRONG_ATTR = re.compile(
    r"relat|lienquan|cungchuyenmuc|cung-chuyen-muc|samecat|same-cat|xemthem|xem-them|docthem|doc-them|"
    r"tinkhac|tin-khac|morenews|more-news|othernews|other-news|newsletter|subscri|cookie|consent|gdpr|"
    r"comment|binhluan|binh-luan|sharing|share|social|rating|ratestar|vote|breadcrumb|quangcao|quang-cao|"
    r"advert|banner|sponsor|popup|modal|toolbar|print|tags|tag-|keyword|widget|adzone|adsbygoogle|"
    r"boxtopic|box-topic|topic-box|read-also|readalso|also-read|box-news-other|tinmoi|tindocnhieu|author-box",
    re.I,
)
_WEAK_TOKENS = frozenset(
    (
        "ad",
        "ads",
        "adv",
        "tag",
        "menu",
        "nav",
        "navbar",
        "footer",
        "header",
        "sidebar",
        "aside",
        "stars",
        "star",
        "fb",
        "zalo",
        "twitter",
        "facebook",
        "rate",
    )
)
_ATTRS = ("class", "id", "type", "data-type", "data-module", "data-component-type", "role", "data-role")


def _drop(element: lxml_html.HtmlElement) -> None:
    if element.getparent() is not None:
        element.drop_tree()


def remove_boilerplate_tags(tree: lxml_html.HtmlElement) -> None:
    """Scripts, styles, forms, media players and comments: never article text anywhere."""
    for node in list(tree.iter(etree.Comment, etree.ProcessingInstruction)):
        if node.getparent() is not None:
            node.drop_tree()
    for element in list(tree.iter(*ALWAYS_REMOVE)):
        _drop(element)
    # ASP.NET WebForms wraps the whole page in one <form>: only small forms (search, login,
    # newsletter) are furniture.
    for element in list(tree.iter("form")):
        if len(text_of(element)) < 300:
            _drop(element)


def remove_selected(tree: lxml_html.HtmlElement, options: ExtractionOptions) -> None:
    """Drop what the outlet's ``remove`` selectors match (its options; none: no walk of the tree)."""
    if not options.remove:
        return  # no walk of the tree for an empty list
    for element in content.select_all(tree, options.remove):
        if element.getparent() is not None:
            element.drop_tree()


_INLINE = frozenset(
    ("a", "em", "strong", "b", "i", "u", "font", "sup", "sub", "small", "mark", "abbr", "time")
)


def _attached(element: lxml_html.HtmlElement, body: lxml_html.HtmlElement) -> bool:
    return any(ancestor is body for ancestor in element.iterancestors())


def _attr_text(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.get(a, "") for a in _ATTRS)


def _is_furniture_box(element: lxml_html.HtmlElement) -> bool:
    attrs = _attr_text(element)
    if element.tag in _INLINE or not attrs.strip():
        return False
    length = len(text_of(element))
    links = link_text_length(element)
    if _STRONG_ATTR.search(attrs):
        return length < 2500 or links > 0.3 * length
    tokens = set(re.split(r"[\s_:-]+", attrs.lower()))
    if element.tag in ("nav", "aside", "footer", "header") or tokens & _WEAK_TOKENS:
        return length < 400 or links > 0.5 * length
    return False


def _drop_heading_block(heading: lxml_html.HtmlElement, body: lxml_html.HtmlElement) -> None:
    """A furniture heading, the link list it introduces, or the small box holding both."""
    block = heading
    while (parent := block.getparent()) is not None and parent is not body:
        length = len(text_of(parent))
        if length > 2500 or (length > 300 and link_text_length(parent) < 0.4 * length):
            break
        block = parent
    sibling = block.getnext()
    while sibling is not None:
        length = len(text_of(sibling))
        if not (sibling.tag in ("ul", "ol") or (length and link_text_length(sibling) >= 0.6 * length)):
            break
        following = sibling.getnext()
        _drop(sibling)
        sibling = following
    _drop(block)


def _drop_rest(heading: lxml_html.HtmlElement, body: lxml_html.HtmlElement) -> None:
    """A terminal heading ("Tin cùng chuyên mục", "Bạn thấy bài viết này thế nào?") inside the body
    container: the article is over, so it goes with everything after it."""
    node = heading
    while node is not None and node is not body:
        for sibling in list(node.itersiblings()):
            _drop(sibling)
        node = node.getparent()
    _drop(heading)


def _is_link_block(element: lxml_html.HtmlElement) -> bool:
    """Headline links standing alone inside the body: an inline related-article box."""
    text = text_of(element)
    if not text:
        return False
    headline_links = [a for a in element.iter("a") if len(text_of(a).split()) >= 4]
    return bool(headline_links) and link_text_length(element) >= 0.8 * len(text)


def clean_body(body: lxml_html.HtmlElement) -> None:
    """Remove furniture inside the chosen article container, in place."""
    for element in list(body.iter()):
        if element is body or not isinstance(element.tag, str) or not _attached(element, body):
            continue
        if element.tag in ("nav", "aside", "footer") or (
            any(element.get(a) for a in _ATTRS) and _is_furniture_box(element)
        ):
            _drop(element)
    for element in list(
        body.iter(
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "p",
            "div",
            "strong",
            "b",
            "span",
            "label",
            "section",
            "ul",
            "table",
            "li",
        )
    ):
        if element is body or not _attached(element, body):
            continue
        raw_length = len(element.text_content())
        if raw_length > 3000 or (raw_length > 400 and element.find(".//a") is None):
            continue  # too much prose to be a heading, widget or link box (and cheap to tell)
        text = text_of(element)
        if len(text) < 120 and is_terminal(text) and is_furniture_heading(text):
            _drop_rest(element, body)
        elif len(text) < 120 and (is_furniture_heading(text) or STARS.match(text or "x")):
            _drop_heading_block(element, body)
        elif _is_link_box(element, text) or _is_widget(element, text):
            _drop(element)
    for element in list(body.iter("a", "span", "button", "label", "div", "p", "li")):
        if element is not body and _attached(element, body) and _standalone_button(element):
            _drop(element)


def _standalone_button(element: lxml_html.HtmlElement) -> bool:
    """A button word standing alone ("XUÂN LONG <a>Quan tâm</a>"), not a link inside a sentence
    ("… sự <a>quan tâm</a> của …")."""
    if len(element.text_content()) > 40 or not is_button(text_of(element)):
        return False
    previous = element.getprevious()
    before = (previous.tail if previous is not None else (element.getparent().text or "")) or ""
    return not before.strip() and not (element.tail or "").strip()


def _is_link_box(element: lxml_html.HtmlElement, text: str) -> bool:
    return (
        element.tag in ("p", "div", "ul", "ol", "table", "li", "section")
        and len(text) < 1500
        and _is_link_block(element)
    )


def _is_widget(element: lxml_html.HtmlElement, text: str) -> bool:
    """Cookie banners, newsletter boxes, "rate this article" prompts: recognised by their words."""
    return (
        element.tag in ("div", "section", "p", "table") and len(text) < 400 and bool(WIDGET_TEXT.search(text))
    )
