"""The indexed article: one record type shared by every backend, keyed by canonical URL."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import InitVar, asdict, dataclass, field, fields
from datetime import datetime
from typing import Any

from search.config import LOCAL_TZ
from search.text import fold, normalize, token_text

TEXT_FIELDS = ("title", "sapo", "body")
# How much of published_at the source page stated: a day-only date is shown without a time.
PRECISIONS = ("minute", "day", "unknown")
# Metadata fields the query language can name (``outlet:``), mapped to the record attribute.
KEYWORD_FIELDS = {
    "outlet": "outlet_id",
    # The last successor of the outlet's merger chain (crawler/succession.py): reports group
    # Báo Sóc Trăng's 2024 articles under today's Báo và Phát thanh, Truyền hình Cần Thơ.
    "group": "outlet_group",
    "kind": "outlet_kind",
    "province": "provinces",
    "topic": "topics",
    "tone": "tone",
    "author": "author",
    "section": "section",
    "story": "story_id",
}
# The kind of an article whose outlet has none (an outlet outside the registry): breakdowns by
# kind count it under this value on both backends, so they add up to the total, and ``kind:``
# filters on it like any other kind.
UNCLASSIFIED_KIND = "unclassified"


def document_id(canonical_url: str) -> str:
    """Stable id from the canonical URL, so a re-crawl updates instead of duplicating."""
    return hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()[:20]


@dataclass
class Document:
    url: str
    outlet_id: str
    title: str
    published_at: datetime
    published_precision: str = "unknown"  # "minute" | "day" (stored at local midnight) | "unknown"
    sapo: str = ""
    body: str = ""
    author: str = ""
    section: str = ""
    outlet_name: str = ""
    outlet_kind: str = ""
    outlet_province: str = ""
    outlet_group: str = ""  # the successor-chain root's id; the outlet's own id if it never merged
    tags: list[str] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    crawled_at: datetime | None = None
    # Filled by analysis; every value here is a display form (diacritics kept).
    topics: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    tone: str = "neutral"
    story_id: str = ""
    explanations: dict[str, Any] = field(default_factory=dict)
    id: str = ""
    # True for a record this code stored (``from_source``): its text is normalised already.
    normalised: InitVar[bool] = False

    def __post_init__(self, normalised: bool) -> None:
        if self.published_at.tzinfo is None:
            raise ValueError(f"published_at must be timezone-aware: {self.url}")
        self.published_at = self.published_at.astimezone(LOCAL_TZ)
        if self.published_precision not in PRECISIONS:
            raise ValueError(f"published_precision must be one of {PRECISIONS}: {self.published_precision!r}")
        if not normalised:
            for name in ("title", "sapo", "body", "author", "section"):
                setattr(self, name, normalize(getattr(self, name) or ""))
            self.tags = [normalize(t) for t in self.tags]
        self.id = self.id or document_id(self.url)
        self.outlet_group = self.outlet_group or self.outlet_id
        self.story_id = self.story_id or self.id

    @classmethod
    def from_mapping(cls, record: Mapping[str, Any], *, normalised: bool = False) -> Document:
        """Build from stored data (an index's source, a spool entry): the one place a mapping
        becomes a Document. Dates may be ISO strings; unknown keys are ignored (an older or newer
        record's fields), missing ones take their defaults."""
        values = {k: v for k, v in record.items() if k in _FIELD_NAMES and v is not None}
        for key in ("published_at", "crawled_at"):
            if isinstance(values.get(key), str):
                values[key] = datetime.fromisoformat(values[key])
        return cls(**values, normalised=normalised)

    def to_source(self) -> dict[str, Any]:
        """JSON-able record, as stored and returned by every backend."""
        source = asdict(self)
        source["published_at"] = self.published_at.isoformat()
        source["crawled_at"] = self.crawled_at.isoformat() if self.crawled_at else None
        return source

    @classmethod
    def from_source(cls, source: Mapping[str, Any]) -> Document:
        """A record ``to_source`` wrote, as every backend returns it. Its text was normalised when
        it was built, so it is not normalised again (a fifth of a result page's Python time);
        a reindex rebuilds with ``from_mapping`` so changed normalisation rules reach old articles."""
        return cls.from_mapping(source, normalised=True)

    @property
    def published_day_only(self) -> bool:
        """The page gave the day but no time: show the date alone, never an invented midnight."""
        return self.published_precision == "day"

    def match_text(self) -> dict[str, str]:
        """Token fields both indexes match against: ``<field>_f`` folded, ``<field>_x`` exact."""
        out: dict[str, str] = {}
        for name in TEXT_FIELDS:
            value = getattr(self, name)
            out[f"{name}_f"] = token_text(value)
            out[f"{name}_x"] = token_text(value, folded=False)
        return out

    def keyword_values(self) -> dict[str, list[str]]:
        """Values of the query language's metadata fields, in display form."""
        out: dict[str, list[str]] = {}
        for query_field, attribute in KEYWORD_FIELDS.items():
            value = getattr(self, attribute)
            values = value if isinstance(value, list) else [value]
            out[query_field] = [v for v in values if v]
        if not out["kind"]:
            out["kind"] = [UNCLASSIFIED_KIND]
        return out


_FIELD_NAMES = frozenset(f.name for f in fields(Document))


def fold_keyword(value: str) -> str:
    """How metadata values compare in filters: accent- and case-insensitive, spaces squeezed."""
    return " ".join(fold(value).split())
