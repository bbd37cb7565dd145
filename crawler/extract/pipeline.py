"""The one extraction pipeline: each step is a small module, run in this order.

1. ``pagekind``   reject what is not an HTML article page (type, size, binary, empty, truncated)
2. ``encoding``   bytes → Unicode, incl. Windows-1258, TCVN3 and VNI; NFC
3. ``metadata``   JSON-LD NewsArticle, OpenGraph, meta tags (extruct)
4. ``content``    headline (checked against the metadata title), sapo, body container
5. ``published``  publish-time candidates (JSON-LD, meta, printed line, URL) → ``evidence.choose``
6. ``byline``     author from the body's closing byline, the header, then metadata
7. ``furniture``  related boxes, widgets, share bars, credits cut from the body; captions apart
8. trafilatura (tuned) only where no body container is found

Every step is handed the one ``ExtractionOptions`` (options.py: the outlet's selectors and hosts,
the budget and limits), built once per outlet by whoever extracts, not knob by knob.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from crawler.extract import (
    budget,
    byline,
    content,
    dates,
    encoding,
    furniture,
    furniture_text,
    pagekind,
    published,
)
from crawler.extract.metadata import Metadata, read_metadata
from crawler.extract.options import DEFAULTS, ExtractionOptions
from crawler.extract.result import ExtractedArticle, Extraction, not_article
from crawler.extract.selector_lists import SAPO_FALLBACK
from search.text import fold, normalize

_HOME = {"trang chu", "home", "trang nhat", "trang chinh"}


# Why a page is not an article: every reason starts with one of these. Anything else ("extraction
# failed: KeyError: …") is a bug of the extractor, reported as a reason only so that a crawl goes on;
# the fuzz tests accept nothing outside this list.
REASONS = (
    "not HTML",
    "page too large",
    "binary content",
    "empty page",
    "truncated page",
    "unparseable HTML",
    "error page",
    "section or listing page",
    "photo gallery with little text",
    "video page with little text",
    "too little text",
    "no title",
    "no publish date found",
    budget.REASON,
)
CRASHED = "extraction failed"
# Control characters XML forbids. A character class, not str.translate with a dict: translate
# looks every character up in the dict (48 ms on a 500 KB page, most of an extraction's cost).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The same characters written as references ('&#xb;', '&#12;', '&#x1F' without ';'): the parser turns
# them into the characters above, after the clean-up. Fixed alternatives, no nested repeats: linear.
_NOT_XML_REFERENCE = re.compile(
    r"&#(?:[xX]0*(?:[1-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F])"
    r"|0*(?:[1-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9]))"
)


def reason_kind(reason: str) -> str | None:
    """The entry of REASONS a reason belongs to; None for an internal failure (or no reason)."""
    return next((kind for kind in REASONS if reason.startswith(kind)), None)


def extract_article(
    page: str | bytes,
    url: str,
    content_type: str | None = None,
    options: ExtractionOptions = DEFAULTS,
) -> Extraction:
    """Extract one article page. Never raises for bad input: returns ``ok == False`` and a reason.

    A page that needs more than ``options.cpu_seconds`` of CPU is given up (``budget``). The page's
    canonical URL is believed only on ``options.hosts`` (the outlet's; default: the page's own host)."""
    try:
        with budget.cpu_budget(options.cpu_seconds):
            return _extract_page(page, url, content_type, options)
    except budget.OverBudget as over:
        return not_article(over.reason)
    except Exception as error:  # noqa: BLE001 - a bad page must not stop the crawl; the reason is kept
        return not_article(f"{CRASHED}: {type(error).__name__}: {error}")


def _extract_page(
    page: str | bytes,
    url: str,
    content_type: str | None,
    options: ExtractionOptions,
) -> Extraction:
    if reason := pagekind.check_response(page, content_type, options):
        return not_article(reason)
    if isinstance(page, bytes):
        text, label = encoding.decode_page(page, content_type)
    else:
        text, label = encoding.decode_text(page)
    # Control characters XML forbids (TCVN3 capitals among them were converted by the decoding):
    # lxml parses them into text nodes but refuses them when a step edits the tree (drop_tree).
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("", text)
    if "&#" in text and _NOT_XML_REFERENCE.search(text):
        text = _NOT_XML_REFERENCE.sub(" ", text)
    if reason := pagekind.check_truncated(text):
        return not_article(reason, encoding=label)
    try:  # only the parser's own complaints are "unparseable"; a bug elsewhere is a crash
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        return not_article(f"unparseable HTML: {error}", encoding=label)
    try:
        return _extract(tree, text, url, label, options)
    except Exception as error:  # noqa: BLE001 - a bad page must not stop the crawl; the reason is kept
        return not_article(f"{CRASHED}: {type(error).__name__}: {error}", encoding=label)


def _section(
    tree: lxml_html.HtmlElement,
    meta: Metadata,
    title: str,
    title_el: lxml_html.HtmlElement | None,
    options: ExtractionOptions,
) -> str:
    """The article's section: the last breadcrumb item (not home, not the headline), else metadata."""
    for trail in content.select_all(tree, options.section_selectors):
        items = [content.text_of(a) for a in trail.iter("a")] or content.lines(trail)
        items = [i for i in items if i and fold(i) not in _HOME and fold(i) != fold(title) and len(i) < 60]
        if items:
            return items[-1]
    crumbs = [i for i in meta.breadcrumb if fold(i) not in _HOME and fold(i) != fold(title)]
    if crumbs:
        return crumbs[-1]
    if meta.section:
        return meta.section.split(",")[-1].strip()
    return _section_link_before(title_el)


def _section_link_before(title_el: lxml_html.HtmlElement | None) -> str:
    """A lone category link printed just above the headline ("ĐẦU TƯ TÀI CHÍNH")."""
    sibling = title_el.getprevious() if title_el is not None else None
    for _ in range(3):
        if sibling is None:
            return ""
        links = [content.text_of(a) for a in sibling.iter("a") if content.text_of(a)]
        if (
            1 <= len(links) <= 3
            and all(len(link) < 40 for link in links)
            and len(content.text_of(sibling)) <= sum(len(link) for link in links) + 5
        ):
            return links[-1]
        sibling = sibling.getprevious()
    return ""


def _tags(tree: lxml_html.HtmlElement, meta: Metadata, options: ExtractionOptions) -> list[str]:
    links = content.select_all(tree, options.tag_selectors)
    found = [content.text_of(a).lstrip("#").strip() for a in links]
    tags = meta.tags or found
    return list(dict.fromkeys(t for t in tags if t and len(t) < 80))


def _has_blocks(element: lxml_html.HtmlElement) -> bool:
    return any(isinstance(c.tag, str) and c.tag in content.BLOCK_TAGS for c in element.iterdescendants())


def _lead_from_body(body_el: lxml_html.HtmlElement, description: str) -> str:
    """A sapo printed as the body's first paragraph: all bold, or the page's meta description."""
    first = next(
        (
            e
            for e in body_el.iterdescendants("p", "div", "h2", "td")
            if content.text_of(e) and not _has_blocks(e)
        ),
        None,
    )
    if first is None:
        return ""
    text = content.text_of(first)
    bold = sum(len(content.text_of(b)) for b in first.iter("strong", "b"))
    described = description and fold(text).startswith(fold(description)[: max(40, len(description) - 5)])
    if (40 <= len(text) <= 800 and bold >= 0.9 * len(text)) or described:
        first.drop_tree()
        return text
    return ""


def _lead_near_title(
    tree: lxml_html.HtmlElement,
    title_el: lxml_html.HtmlElement | None,
    body_el: lxml_html.HtmlElement | None,
    description: str,
) -> str:
    """A lead paragraph printed between headline and body without a telltale class: the first
    link-free paragraph after the headline that matches the meta description."""
    if title_el is None or not description:
        return ""
    following = False
    for seen, element in enumerate(tree.iter()):
        if element is title_el:
            following = True
            continue
        if not following or not isinstance(element.tag, str):
            continue
        if any(a is title_el for a in element.iterancestors()):
            continue
        if element is body_el or seen > 10_000:
            return ""
        if element.tag in ("p", "div", "h2", "span") and not element.xpath(".//a | .//p | .//div"):
            text = content.text_of(element)
            if 60 <= len(text) <= 800 and content.similarity(text, description) >= 0.7:
                return text
    return ""


def _drop_leading(lines: list[str], title: str, sapo: str, author: str) -> list[str]:
    """Header lines a body container sometimes repeats: headline, sapo, author, date line."""
    while lines:
        line, folded = lines[0], fold(lines[0])
        if folded in (fold(title), fold(sapo), fold(author)) or (
            len(line) < 90 and (stamp := dates.parse_line(line)) is not None and stamp.has_time
        ):
            lines = lines[1:]
        else:
            break
    return lines


def canonical_url(url: str, declared: str, options: ExtractionOptions = DEFAULTS) -> tuple[str, str]:
    """(URL to index the page under, warning): the page's declared canonical URL when it is http(s)
    on ``options.hosts`` (or a subdomain; default: the page's own host), else the page's own URL.

    A page's <link rel=canonical> is the article's identity (its id is a hash of it): believed
    blindly, one page could replace another outlet's article, and "javascript:"/"data:" URLs became
    article links that reached exports."""
    if not declared:
        return url, ""
    candidate = urljoin(url, declared.strip())
    parts = urlsplit(candidate)
    host = (parts.hostname or "").lower()
    hosts = options.hosts or (urlsplit(url).hostname or "",)
    allowed = [h.lower().removeprefix("www.") for h in hosts if h]
    bare = host.removeprefix("www.")
    if (
        parts.scheme.lower() in ("http", "https")
        and host
        and any(bare == h or bare.endswith("." + h) for h in allowed)
    ):
        return candidate, ""
    return url, f"canonical URL ignored (not http(s) on the outlet's hosts): {candidate[:200]}"


def _extract(
    tree: lxml_html.HtmlElement,
    page_text: str,
    url: str,
    label: str,
    options: ExtractionOptions,
) -> Extraction:
    warnings = list(options.selector_problems)  # this page's: the options are shared
    encoding.convert_legacy_nodes(tree, encoding.legacy_kind(label), page_text)
    meta = read_metadata(tree, url)
    canonical, ignored = canonical_url(url, meta.canonical, options)
    if ignored:
        warnings.append(ignored)
    furniture.remove_boilerplate_tags(tree)
    furniture.remove_selected(tree, options)
    site_names = [meta.site_name, meta.publisher]
    order = content.document_order(tree)

    lists = (
        options.title_selectors,
        options.sapo_selectors,
        SAPO_FALLBACK,
        options.author_selectors,
        options.section_selectors,
        options.tag_selectors,
        options.body_selectors,
    )
    # Everything up to the body's choice reads an unchanged tree: its selector lists match in one pass.
    with content.preselected(tree, lists):
        title, title_el = content.find_title(tree, meta.title, site_names, options, weak=meta.title_is_weak)
        if reason := pagekind.check_error(tree, title, meta):
            return not_article(reason, canonical, encoding=label)
        when = published.find_published(
            tree, page_text, meta.published_jsonld, meta.published_meta, title_el, order, url, options
        )
        sapo_el = content.find_sapo(tree, title_el, order, options)
        sapo = content.text_of(sapo_el) if sapo_el is not None else ""
        header_author = byline.header_author(tree, title_el, order, site_names, options)
        section = _section(tree, meta, title, title_el, options)
        tags = _tags(tree, meta, options)

        body_el = content.find_body(tree, options, exclude=[e for e in (sapo_el, title_el) if e is not None])
        known_bodies = content.select_all(tree, options.body_selectors)
    images: list[dict[str, str]] = []
    if body_el is not None:
        for inside in (sapo_el, title_el):
            if inside is not None and any(a is body_el for a in inside.iterancestors()):
                inside.drop_tree()
        furniture.clean_body(body_el)
        if reason := pagekind.check_listing(tree, meta, body_el):
            return not_article(reason, canonical, encoding=label)
        images = content.take_images(body_el, url)
        if not sapo:
            sapo = _lead_from_body(body_el, meta.description) or _lead_near_title(
                tree, title_el, body_el, meta.description
            )
        body_lines = content.lines(body_el)
        known = body_el in known_bodies
        if not known and len(" ".join(body_lines)) < 500:
            # A guessed container with little text: trafilatura may see the article better.
            alternative = _trafilatura_lines(tree, url)
            if len(" ".join(alternative)) >= 2 * len(" ".join(body_lines)):
                body_lines = alternative
    else:
        if reason := pagekind.check_listing(tree, meta, None):
            return not_article(reason, canonical, encoding=label)
        body_lines = _trafilatura_lines(tree, url)
    body_lines = _drop_leading(furniture_text.filter_lines(body_lines), title, sapo, header_author)
    repeats_body = bool(body_lines) and content.similarity(body_lines[0], meta.description) >= 0.7
    if not sapo and meta.description and not repeats_body:
        sapo = meta.description  # not printed as a lead, but the outlet's own summary
    trailing_author, body_lines = byline.split_trailing_byline(body_lines)
    author = trailing_author if trailing_author and byline.is_person(trailing_author, site_names) else ""
    listed = byline.meta_author(meta.authors, site_names)
    if header_author and fold(header_author) in fold(listed):
        header_author = listed  # the header shows one name and "và 1 tác giả khác"; JSON-LD lists all
    author = author or header_author or listed
    body = "\n\n".join(body_lines)

    if not title:
        return not_article("no title", canonical, encoding=label)
    if reason := pagekind.check_length(len(body), len(images), tree, options):
        return not_article(reason, canonical, encoding=label)
    if when is None:
        return not_article("no publish date found", canonical, encoding=label)
    if meta.image and not images:
        images = [
            {"url": image, "caption": ""}
            for image in [urljoin(url, meta.image.strip())]
            if urlsplit(image).scheme.lower() in ("http", "https")
        ]
    article = ExtractedArticle(
        url=canonical,
        title=normalize(title),
        sapo=normalize(sapo),
        body=normalize(body),
        author=normalize(author),
        published_at=when.moment,
        published_precision=when.precision,
        section=normalize(section),
        tags=[normalize(t) for t in tags],
        images=[{"url": i["url"], "caption": normalize(i["caption"])} for i in images],
    )
    return Extraction(
        article=article,
        canonical_url=canonical,
        warnings=warnings,
        encoding=label,
        published_conflict=when.conflict,
        published_evidence=when.evidence,
    )


def _trafilatura_lines(tree: lxml_html.HtmlElement, url: str) -> list[str]:
    """Main text by trafilatura, for pages whose article container the generic path cannot find.

    Tuned for this press: precision first (sidebars are long lists of headlines), tables kept
    (provincial layouts put text in cells), comments and duplicate lines dropped.
    """
    import trafilatura

    text = (
        trafilatura.extract(
            etree.tostring(tree, encoding="unicode"),
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=True,
        )
        or ""
    )
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]
