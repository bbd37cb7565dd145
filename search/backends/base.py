"""The one interface every index implements, and the request/result types the web app uses."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Literal, Protocol

from search.document import LOCAL_TZ, Document

# "group": outlets with their predecessors (merged papers) counted under the successor.
FACET_FIELDS = ("group", "outlet", "kind", "province", "topic", "tone")


@dataclass
class SearchRequest:
    query: str = ""
    # Filters: values in display form; each list is OR-ed, lists are AND-ed together.
    outlets: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # outlet groups: a successor and its predecessors
    kinds: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    tones: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    sort: Literal["relevance", "date"] = "relevance"
    limit: int = 20
    offset: int = 0
    facets: bool = True
    collapse: bool = False  # one hit per story; hits carry story_size and story_outlets
    histogram: Literal["day", "week"] | None = None  # coverage over time, local days
    now: datetime | None = None

    def filters(self) -> dict[str, list[str]]:
        return {
            "outlet": self.outlets,
            "group": self.groups,
            "kind": self.kinds,
            "province": self.provinces,
            "topic": self.topics,
            "tone": self.tones,
        }

    def time_bounds(self) -> tuple[datetime | None, datetime | None]:
        """[start, end) in local time: date filters cover whole days in Asia/Ho_Chi_Minh."""
        start = datetime.combine(self.date_from, time.min, LOCAL_TZ) if self.date_from else None
        end = datetime.combine(self.date_to + timedelta(days=1), time.min, LOCAL_TZ) if self.date_to else None
        return start, end


@dataclass
class Hit:
    document: Document
    score: float
    snippet: str = ""  # HTML-safe, matches wrapped in <mark>
    story_size: int = 1  # articles in this hit's story among the matches (with collapse)
    story_outlets: int = 1


@dataclass
class StorySummary:
    story_id: str
    articles: int
    outlets: int
    first: Document  # the earliest published copy: who broke it, and when


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    histogram: list[tuple[date, int]] = field(default_factory=list)


@dataclass
class IndexReport:
    indexed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (document id, reason)
    spooled: int = 0  # kept in the durable spool while the index was away
    replayed: int = 0  # taken from the spool into the index
    unavailable: str = ""  # why the index was away, if it was


class BackendUnavailable(RuntimeError):
    """The index cannot be reached; the message says what to do next."""


class SearchBackend(Protocol):
    name: str

    def index(self, documents: Iterable[Document]) -> IndexReport: ...

    def search(self, request: SearchRequest) -> SearchResult: ...

    def get(self, document_id: str) -> Document | None: ...

    def scan(self, request: SearchRequest) -> Iterator[Document]:
        """Every match, newest first, streamed (exports, retagging): never truncated."""
        ...

    def stories(self, request: SearchRequest, size: int = 10) -> list[StorySummary]:
        """The matching stories carried by most outlets (only stories with 2+ articles)."""
        ...

    def pivot(self, request: SearchRequest, row: str, column: str) -> dict[str, dict[str, int]]:
        """Counts of matches by two facet fields, e.g. tone per topic."""
        ...

    def count(self) -> int: ...

    def ids(self) -> set[str]: ...

    def close(self) -> None: ...
