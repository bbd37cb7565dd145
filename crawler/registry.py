"""The outlet registry: a YAML list of outlets, validated on load.

Errors name the file, the entry and the field, so an operator editing the YAML knows what to fix.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from crawler import succession
from crawler.registry_errors import OUTLET_ID, RegistryError
from crawler.registry_yaml import load_yaml

# provincial-press-agency: "Báo và Phát thanh, Truyền hình <tỉnh>", a party paper and a radio-TV
# station merged (2025); their predecessors are papers and stations (crawler/succession.py).
KINDS = (
    "central-daily",
    "central-online",
    "provincial-party-paper",
    "provincial-tv",
    "provincial-press-agency",
    "trade-magazine",
    "agency",
)
FEEDS_SOURCES = ("verified", "seen", "guessed", "sample")
REQUIRED = ("id", "name", "domain", "kind", "province", "feeds", "sitemaps", "sections")
OPTIONAL = (
    "feeds_source",
    "enabled",
    "notes",
    "aliases",
    "render_js",
    "selectors",
    "section_pages",
    "crawl_delay",
    "prime_url",
    "article_pattern",
    "quirks",
    "cdn_hosts",
    "local_test",
    "active_from",
    "active_until",
    "merged_into",
    "predecessors",
    "evidence",
)
# Per-outlet CSS selector overrides, for pages where generic extraction picks the wrong block.
SELECTOR_FIELDS = ("title", "sapo", "body", "author", "date")
# Known site behaviours, named so tools can act on them (docs/OUTLETS.md says what each means).
QUIRKS = (
    "ua-blocked",
    "js-challenge",
    "session-cookie",
    "empty-feeds",
    "stale-feeds",
    "mixed-feeds",
    "pubdate-us-format",
    "pubdate-short-offset",
    "client-rendered",
    "blocking-reported",
    "insecure-tls",
    "no-dates-in-listing",
)
_HOST = re.compile(r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
DEFAULT_REGISTRY = Path(__file__).parent / "outlets.yaml"


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    domain: str
    kind: str
    province: str | None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    feeds_source: str = "guessed"
    enabled: bool = True
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # Optional handling keys (docs/OUTLETS.md); the defaults mean "nothing special".
    aliases: tuple[str, ...] = ()
    render_js: bool = False
    selectors: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    section_pages: int | None = None
    crawl_delay: float | None = None
    prime_url: str | None = None
    article_pattern: str | None = None
    quirks: tuple[str, ...] = ()
    cdn_hosts: tuple[str, ...] = ()
    # A fictional outlet served on this machine (the sample press, test servers): the only kind the
    # crawler may fetch from loopback or private addresses (crawler/fetch_policy.py).
    local_test: bool = False
    # Succession (crawler/succession.py): the outlet's lifetime, its successor, and (filled in on
    # load from every merged_into) its predecessors; evidence grades of its facts.
    active_from: dt.date | None = None
    active_until: dt.date | None = None
    merged_into: str | None = None
    predecessors: tuple[str, ...] = ()
    evidence: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # The outlets it succeeded, direct and indirect (filled in on load): their hosts are its archive,
    # which it may fetch and whose redirects to its own hosts are moves, not strays.
    succeeded: tuple[Outlet, ...] = field(default=(), compare=False, hash=False, repr=False)
    # The id of the last successor of its chain (itself if it never merged), filled in on load.
    group: str = ""

    def active_on(self, day: dt.date) -> bool:
        """Whether the outlet existed on ``day`` (open ends: always was / still is)."""
        return (self.active_from is None or self.active_from <= day) and (
            self.active_until is None or day <= self.active_until
        )

    @property
    def hosts(self) -> tuple[str, ...]:
        """The outlet's own host names: its domain, legacy or sister domains, then its CDN hosts."""
        return (self.domain, *self.aliases, *self.cdn_hosts)

    def owns(self, url: str) -> bool:
        """Whether ``url`` is on the outlet's domain, an alias, or a subdomain of either."""
        host = (urlsplit(url).hostname or "").lower()
        return any(host == h or host.endswith("." + h) for h in self.hosts)

    @property
    def routes(self) -> list[str]:
        """Discovery routes in preference order."""
        return [
            name
            for name, urls in (
                ("feeds", self.feeds),
                ("sitemaps", self.sitemaps),
                ("sections", self.sections),
            )
            if urls
        ]


def _url_list(path: Path, entry: str, name: str, value: Any, variables: dict[str, str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RegistryError(path, "must be a list of URLs (use [] for none)", entry, name)
    urls = []
    for raw in value:
        try:
            url = raw.format(**variables)
        except (KeyError, IndexError, ValueError) as error:
            raise RegistryError(path, f"unknown placeholder in {raw!r}: {error}", entry, name) from None
        if not url.startswith(("http://", "https://")):
            raise RegistryError(path, f"not an http(s) URL: {url!r}", entry, name)
        urls.append(url)
    return tuple(urls)


def _outlet(path: Path, position: int, raw: Any, variables: dict[str, str]) -> Outlet:
    if not isinstance(raw, dict):
        raise RegistryError(path, "each outlet must be a mapping of fields", f"#{position}")
    entry = str(raw.get("id") or f"#{position}")
    unknown = sorted(set(raw) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise RegistryError(
            path, f"unknown key (allowed: {', '.join(REQUIRED + OPTIONAL)})", entry, unknown[0]
        )
    for name in REQUIRED:
        if name not in raw:
            raise RegistryError(path, "missing required field", entry, name)
    for name in ("id", "name", "domain", "kind"):
        if not isinstance(raw[name], str) or not raw[name].strip():
            raise RegistryError(path, "must be a non-empty string", entry, name)
    if not OUTLET_ID.match(raw["id"]):
        raise RegistryError(path, "must be lower-case letters, digits, '-' or '_'", entry, "id")
    if raw["kind"] not in KINDS:
        raise RegistryError(path, f"must be one of {', '.join(KINDS)}", entry, "kind")
    if raw["province"] is not None and not isinstance(raw["province"], str):
        raise RegistryError(path, "must be a province name or null", entry, "province")
    feeds_source = raw.get("feeds_source", "guessed")
    if feeds_source not in FEEDS_SOURCES:
        raise RegistryError(path, f"must be one of {', '.join(FEEDS_SOURCES)}", entry, "feeds_source")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RegistryError(path, "must be true or false", entry, "enabled")
    routes = {
        name: _url_list(path, entry, name, raw[name], variables) for name in ("feeds", "sitemaps", "sections")
    }
    if not any(routes.values()):
        raise RegistryError(path, "needs at least one of feeds, sitemaps or sections", entry, "feeds")
    return Outlet(
        id=raw["id"],
        name=raw["name"].strip(),
        domain=raw["domain"].strip(),
        kind=raw["kind"],
        province=raw["province"],
        feeds_source=feeds_source,
        enabled=enabled,
        notes=str(raw.get("notes", "")),
        feeds=routes["feeds"],
        sitemaps=routes["sitemaps"],
        sections=routes["sections"],
        **_handling(path, entry, raw, variables),
        **succession.parse_succession(path, entry, raw),
    )


def _handling(path: Path, entry: str, raw: dict[str, Any], variables: dict[str, str]) -> dict[str, Any]:
    """The optional handling keys, validated as strictly as the required ones."""
    out: dict[str, Any] = {}
    if "aliases" in raw:
        aliases = raw["aliases"]
        # "localhost": the sample press's stand-in for an old domain (loopback: local_test outlets only).
        if not isinstance(aliases, list) or not all(
            isinstance(a, str) and (_HOST.match(a) or a == "localhost") for a in aliases
        ):
            raise RegistryError(
                path, "must be a list of lower-case host names, e.g. [baoa.com.vn]", entry, "aliases"
            )
        out["aliases"] = tuple(aliases)
    if "cdn_hosts" in raw:
        hosts = raw["cdn_hosts"]
        if not isinstance(hosts, list) or not all(isinstance(h, str) and _HOST.match(h) for h in hosts):
            raise RegistryError(
                path, "must be a list of lower-case host names, e.g. [cdn.baoa.vn]", entry, "cdn_hosts"
            )
        out["cdn_hosts"] = tuple(hosts)
    if "local_test" in raw:
        if not isinstance(raw["local_test"], bool):
            raise RegistryError(path, "must be true or false", entry, "local_test")
        out["local_test"] = raw["local_test"]
    if "render_js" in raw:
        if not isinstance(raw["render_js"], bool):
            raise RegistryError(path, "must be true or false", entry, "render_js")
        out["render_js"] = raw["render_js"]
    if "selectors" in raw:
        selectors = raw["selectors"]
        if not isinstance(selectors, dict) or not selectors:
            raise RegistryError(
                path, f"must be a mapping with some of {', '.join(SELECTOR_FIELDS)}", entry, "selectors"
            )
        for key, value in selectors.items():
            if key not in SELECTOR_FIELDS:
                raise RegistryError(
                    path,
                    f"unknown selector {key!r} (allowed: {', '.join(SELECTOR_FIELDS)})",
                    entry,
                    "selectors",
                )
            if not isinstance(value, str) or not value.strip():
                raise RegistryError(
                    path, f"selector {key!r} must be a non-empty CSS selector", entry, "selectors"
                )
        out["selectors"] = {k: v.strip() for k, v in selectors.items()}
    if "section_pages" in raw:
        pages = raw["section_pages"]
        # bool is an int subclass; "section_pages: yes" is a mistake, not 1.
        if isinstance(pages, bool) or not isinstance(pages, int) or not 1 <= pages <= 50:
            raise RegistryError(path, "must be a whole number of pages from 1 to 50", entry, "section_pages")
        out["section_pages"] = pages
    if "crawl_delay" in raw:
        delay = raw["crawl_delay"]
        if isinstance(delay, bool) or not isinstance(delay, int | float) or not 0 <= delay <= 120:
            raise RegistryError(path, "must be a number of seconds from 0 to 120", entry, "crawl_delay")
        out["crawl_delay"] = float(delay)
    if "prime_url" in raw:
        if not isinstance(raw["prime_url"], str):
            raise RegistryError(path, "must be one URL", entry, "prime_url")
        (out["prime_url"],) = _url_list(path, entry, "prime_url", [raw["prime_url"]], variables)
    if "article_pattern" in raw:
        pattern = raw["article_pattern"]
        if not isinstance(pattern, str) or not pattern.strip():
            raise RegistryError(path, "must be a regular expression (a string)", entry, "article_pattern")
        try:
            re.compile(pattern)
        except re.error as error:
            raise RegistryError(
                path, f"not a valid regular expression: {error}", entry, "article_pattern"
            ) from None
        out["article_pattern"] = pattern
    if "quirks" in raw:
        quirks = raw["quirks"]
        if not isinstance(quirks, list) or not all(isinstance(q, str) for q in quirks):
            raise RegistryError(path, "must be a list of quirk names", entry, "quirks")
        unknown = [q for q in quirks if q not in QUIRKS]
        if unknown:
            raise RegistryError(
                path, f"unknown quirk {unknown[0]!r} (known: {', '.join(QUIRKS)})", entry, "quirks"
            )
        out["quirks"] = tuple(quirks)
    return out


def load_registry(
    path: Path | str = DEFAULT_REGISTRY, variables: dict[str, str] | None = None
) -> list[Outlet]:
    """Load and validate a registry file; ``variables`` fill placeholders like ``{sample_press}``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RegistryError(path, f"cannot read the registry ({error.strerror})") from None
    return validate_entries(registry_entries(text, path), path, variables)


def registry_entries(text: str, path: Path | str) -> list[Any]:
    """The raw entries of registry YAML text (not yet validated); ``path`` names it in errors."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as error:
        raise RegistryError(path, f"not valid YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise RegistryError(path, "must be a mapping with an 'outlets:' list")
    extra_keys = set(data) - {"outlets"}
    if extra_keys:
        raise RegistryError(path, f"unknown top-level key {sorted(extra_keys)[0]!r}")
    outlets: list[Any] = data["outlets"]  # checked to be a list above
    return outlets


def validate_entries(
    entries: list[Any], path: Path | str, variables: dict[str, str] | None = None
) -> list[Outlet]:
    """The registry's rules on a list of parsed entries (YAML mappings, or the web app's edited
    outlets): every field, unique ids, succession. ``path`` names the source in errors."""
    path = Path(path)
    outlets, seen = [], set()
    for position, raw in enumerate(entries, start=1):
        outlet = _outlet(path, position, raw, variables or {})
        if outlet.id in seen:
            raise RegistryError(path, "duplicate id", outlet.id, "id")
        seen.add(outlet.id)
        outlets.append(outlet)
    return succession.link(path, outlets)
