"""What extraction returns: ``Extraction`` (ok, or why not) holding an ``ExtractedArticle``.

``ExtractedArticle`` is what the page says, typed, and nothing the crawl adds (outlet, crawl time)
or the analysis fills in. Its text fields are normalised (``search.text.normalize``) here, once:
``crawler.items.article_document`` builds the indexed ``search.document.Document`` from it without
normalising again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from crawler.extract.evidence import Evidence


@dataclass
class ExtractedArticle:
    url: str  # the page's canonical URL when believed (pipeline.canonical_url), else its own
    title: str
    published_at: datetime  # timezone-aware, Asia/Ho_Chi_Minh
    published_precision: str = "unknown"  # "minute", "day" (local midnight) or "unknown" (plain text)
    sapo: str = ""
    body: str = ""
    author: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)  # {"url", "caption"}

    def as_dict(self) -> dict[str, Any]:
        """The fields as a mapping (what ``presswatch extract --json`` prints)."""
        return asdict(self)


@dataclass
class Extraction:
    article: ExtractedArticle | None
    reason: str = ""
    canonical_url: str = ""
    warnings: list[str] = field(default_factory=list)
    encoding: str = ""
    # Publish-time candidates that disagree with the chosen time, described (see evidence.py).
    published_conflict: str = ""
    published_evidence: tuple[Evidence, ...] = ()

    @property
    def ok(self) -> bool:
        return self.article is not None


def not_article(reason: str, canonical_url: str = "", **extra: Any) -> Extraction:
    return Extraction(article=None, reason=reason, canonical_url=canonical_url, **extra)
