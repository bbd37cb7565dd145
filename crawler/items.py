"""Typed items the spiders yield."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from crawler.urls import canonicalize
from search.config import LOCAL_TZ

if TYPE_CHECKING:
    from crawler.extract.result import ExtractedArticle

NOT_INGESTED = ("prepared", "html", "recheck")


@dataclass
class ArticleItem:
    url: str  # canonical URL: the article's identity everywhere downstream
    outlet_id: str
    title: str
    published_at: datetime  # timezone-aware, Asia/Ho_Chi_Minh
    published_precision: str = "unknown"  # "minute", or "day": local midnight, never shown as a time
    sapo: str = ""
    body: str = ""
    author: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    outlet_name: str = ""
    outlet_kind: str = ""
    outlet_province: str = ""
    outlet_group: str = ""  # crawler.succession.group_of: the successor the outlet's chain ends in
    fetched_url: str = ""
    crawled_at: datetime | None = None
    # search.ingest.PreparedArticle: normalised, analysed and signed in the extraction worker.
    prepared: Any = field(default=None, repr=False, compare=False)
    # The page as fetched, for the first-seen snapshot (search.versions); set by the spider after
    # extraction, in the crawl's main process (never pickled to or from a worker).
    html: bytes | None = field(default=None, repr=False, compare=False)
    recheck: bool = False  # fetched again to look for edits and takedowns, not found in a listing

    def to_article(self) -> dict[str, Any]:
        """The mapping ``search`` ingests (lists copied, so the item can be changed afterwards)."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in NOT_INGESTED}
        out["tags"] = list(self.tags)
        out["images"] = [dict(image) for image in self.images]
        return out


class OutletFields(TypedDict):
    """An item's outlet fields, as plain values an extraction worker process can receive."""

    outlet_id: str
    outlet_name: str
    outlet_kind: str
    outlet_province: str
    outlet_group: NotRequired[str]


def article_item(article: ExtractedArticle, outlet: OutletFields, fetched_url: str) -> ArticleItem:
    """The item for an extracted article; ``outlet``: outlet_id, outlet_name, outlet_kind,
    outlet_province (plain values, so an extraction worker can build it too)."""
    return ArticleItem(
        url=canonicalize(article.url),
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
        fetched_url=fetched_url,
        crawled_at=datetime.now(LOCAL_TZ),
    )


def attribute_item(item: ArticleItem, outlet: Any) -> None:
    """Give the item (and its prepared document, if any) to ``outlet`` (a registry Outlet)."""
    values = {
        "outlet_id": outlet.id,
        "outlet_name": outlet.name,
        "outlet_kind": outlet.kind,
        "outlet_province": outlet.province or "",
        "outlet_group": outlet.group or outlet.id,
    }
    for target in (item, getattr(item.prepared, "document", None)):
        if target is not None:
            for name, value in values.items():
                setattr(target, name, value)


@dataclass
class TakedownItem:
    """A known article that a recheck found gone (``search.versions.TAKEDOWN_REASONS``)."""

    url: str
    outlet_id: str
    reason: str
    status: int = 0
    final_url: str = ""
    note: str = ""
