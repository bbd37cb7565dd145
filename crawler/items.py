"""Typed items the spiders yield."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from crawler.urls import canonicalize
from search.config import LOCAL_TZ
from search.document import Document

if TYPE_CHECKING:
    from crawler.extract.result import ExtractedArticle


@dataclass
class ArticleItem:
    """What the spider yields for an article: the indexed record, built once from the extraction
    (``article_document``), and what only the crawl needs. The pipeline hands ``document`` to
    ``search.ingest.Ingester.add`` as it is: no other copy of the article's fields exists."""

    document: Document
    fetched_url: str = ""  # the URL the page was fetched at; the document's is the canonical one
    # search.stories.signature(document), set when an extraction worker analysed the document
    # (search.ingest.analyse_and_sign); None: the ingester analyses and signs it itself.
    signature: bytes | None = field(default=None, repr=False, compare=False)
    # The page as fetched, for the first-seen snapshot (search.versions); set by the spider after
    # extraction, in the crawl's main process (never pickled to or from a worker).
    html: bytes | None = field(default=None, repr=False, compare=False)
    recheck: bool = False  # fetched again to look for edits and takedowns, not found in a listing


class OutletFields(TypedDict):
    """An item's outlet fields, as plain values an extraction worker process can receive."""

    outlet_id: str
    outlet_name: str
    outlet_kind: str
    outlet_province: str
    outlet_group: NotRequired[str]


def article_document(
    article: ExtractedArticle, outlet: OutletFields, *, url: str = "", crawled_at: datetime | None = None
) -> Document:
    """The indexed record of an extracted article, under ``url`` (default: the article's). The
    extraction normalised the text already (``crawler.extract.result``): the document does not again."""
    return Document(
        url=url or article.url,
        **outlet,
        title=article.title,
        sapo=article.sapo,
        body=article.body,
        author=article.author,
        published_at=article.published_at,
        published_precision=article.published_precision,
        section=article.section,
        tags=article.tags,
        images=article.images,
        crawled_at=crawled_at,
        normalised=True,
    )


def article_item(article: ExtractedArticle, outlet: OutletFields, fetched_url: str) -> ArticleItem:
    """The item for an extracted article; ``outlet``: outlet_id, outlet_name, outlet_kind,
    outlet_province (plain values, so an extraction worker can build it too)."""
    document = article_document(
        article, outlet, url=canonicalize(article.url), crawled_at=datetime.now(LOCAL_TZ)
    )
    return ArticleItem(document, fetched_url)


def attribute_item(item: ArticleItem, outlet: Any) -> None:
    """Give the item's document to ``outlet`` (a registry Outlet)."""
    document = item.document
    document.outlet_id = outlet.id
    document.outlet_name = outlet.name
    document.outlet_kind = outlet.kind
    document.outlet_province = outlet.province or ""
    document.outlet_group = outlet.group or outlet.id


@dataclass
class TakedownItem:
    """A known article that a recheck found gone (``search.versions.TAKEDOWN_REASONS``)."""

    url: str
    outlet_id: str
    reason: str
    status: int = 0
    final_url: str = ""
    note: str = ""
