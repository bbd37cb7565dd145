"""Typed items the spiders yield."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class ArticleItem:
    url: str  # canonical URL: the article's identity everywhere downstream
    outlet_id: str
    title: str
    published_at: datetime  # timezone-aware, Asia/Ho_Chi_Minh
    sapo: str = ""
    body: str = ""
    author: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    outlet_name: str = ""
    outlet_kind: str = ""
    outlet_province: str = ""
    fetched_url: str = ""
    crawled_at: datetime | None = None

    def to_article(self) -> dict[str, Any]:
        """The mapping ``search`` ingests."""
        return asdict(self)
