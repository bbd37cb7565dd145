"""The one options object of an extraction, as trafilatura's ``Extractor``: built once per outlet
(its selector overrides and hosts) and crawl (the CPU budget), then handed to each step.

Before it, each step took the knob it needed as its own argument (a selector list, the hosts, the
budget) or read a module constant by name; a new knob meant a new argument through five
signatures and the extraction worker's pickled argument tuple. Steps now read what they need from
``options``. The time zone is not here: it has one home already (``search.config.LOCAL_TZ``) and the
date parsers that use it are shared with the feeds and sitemaps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from crawler.extract import budget, selector_lists
from crawler.extract.selectors import FIELDS, parse


@dataclass(frozen=True)
class ExtractionOptions:
    """What an extraction may be told: the outlet's selector overrides (empty: the generic lists),
    where its canonical URL may point, and the limits. Frozen and small: it travels with each page
    to an extraction worker."""

    # The outlet's selector overrides, one tuple per field (crawler/extract/selectors.py); the
    # properties below give the list a step uses, the generic one when there is no override.
    title: tuple[str, ...] = ()
    sapo: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    date: tuple[str, ...] = ()  # empty: every dated element is a candidate, not a generic list
    section: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    # What was wrong with the overrides (unknown keys, invalid CSS): each result's warnings.
    selector_problems: tuple[str, ...] = ()
    # Hosts the page's canonical URL is believed on (the outlet's, subdomains included); None: the
    # page's own host.
    hosts: tuple[str, ...] | None = None
    # CPU seconds a page may take (crawler/extract/budget.py); None or 0: no limit.
    cpu_seconds: float | None = budget.DEFAULT_SECONDS
    # Larger responses are refused before decoding: the largest real article pages (inline base64
    # images) are ~3 MB.
    max_page_bytes: int = 8 * 1024 * 1024
    # An article has at least this much body text; less is a section, gallery or error page.
    min_body_chars: int = 150

    @classmethod
    def build(
        cls,
        selectors: Mapping[str, Any] | None = None,
        hosts: tuple[str, ...] | None = None,
        cpu_seconds: float | None = budget.DEFAULT_SECONDS,
    ) -> ExtractionOptions:
        """The options for an outlet's ``selectors`` mapping (as the registry gives it), ``hosts``
        and the page budget; bad selectors are reported in ``selector_problems``, not raised."""
        overrides = parse(dict(selectors) if selectors else None)
        return cls(
            **{name: getattr(overrides, name) for name in FIELDS},
            selector_problems=tuple(overrides.problems),
            hosts=hosts,
            cpu_seconds=cpu_seconds,
        )

    @property
    def title_selectors(self) -> tuple[str, ...]:
        return self.title or selector_lists.TITLE_SELECTORS

    @property
    def sapo_selectors(self) -> tuple[str, ...]:
        return self.sapo or selector_lists.SAPO_SELECTORS

    @property
    def body_selectors(self) -> tuple[str, ...]:
        return self.body or selector_lists.BODY_SELECTORS

    @property
    def author_selectors(self) -> tuple[str, ...]:
        return self.author or selector_lists.AUTHOR_SELECTORS

    @property
    def section_selectors(self) -> tuple[str, ...]:
        return self.section or selector_lists.BREADCRUMB_SELECTORS

    @property
    def tag_selectors(self) -> tuple[str, ...]:
        return self.tags or selector_lists.TAG_SELECTORS


DEFAULTS = ExtractionOptions()
