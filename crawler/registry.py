"""The outlet registry: a YAML list of outlets, validated on load.

Errors name the file, the entry and the field, so an operator editing the YAML knows what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

KINDS = ("central-daily", "central-online", "provincial-party-paper", "provincial-tv",
         "trade-magazine", "agency")
FEEDS_SOURCES = ("verified", "seen", "guessed", "sample")
REQUIRED = ("id", "name", "domain", "kind", "province", "feeds", "sitemaps", "sections")
OPTIONAL = ("feeds_source", "enabled", "notes")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
DEFAULT_REGISTRY = Path(__file__).parent / "outlets.yaml"
SAMPLE_REGISTRY = Path(__file__).parent / "sample_press" / "outlets.yaml"


class RegistryError(ValueError):
    def __init__(self, path: Path | str, message: str, entry: str | None = None,
                 field_name: str | None = None) -> None:
        where = str(path)
        if entry is not None:
            where += f", outlet {entry}"
        if field_name is not None:
            where += f", field '{field_name}'"
        super().__init__(f"{where}: {message}")
        self.path, self.entry, self.field = str(path), entry, field_name


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

    @property
    def routes(self) -> list[str]:
        """Discovery routes in preference order."""
        return [name for name, urls in (("feeds", self.feeds), ("sitemaps", self.sitemaps),
                                        ("sections", self.sections)) if urls]


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
        raise RegistryError(path, f"unknown key (allowed: {', '.join(REQUIRED + OPTIONAL)})",
                            entry, unknown[0])
    for name in REQUIRED:
        if name not in raw:
            raise RegistryError(path, "missing required field", entry, name)
    for name in ("id", "name", "domain", "kind"):
        if not isinstance(raw[name], str) or not raw[name].strip():
            raise RegistryError(path, "must be a non-empty string", entry, name)
    if not _ID.match(raw["id"]):
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
    routes = {name: _url_list(path, entry, name, raw[name], variables)
              for name in ("feeds", "sitemaps", "sections")}
    if not any(routes.values()):
        raise RegistryError(path, "needs at least one of feeds, sitemaps or sections", entry, "feeds")
    return Outlet(id=raw["id"], name=raw["name"].strip(), domain=raw["domain"].strip(),
                  kind=raw["kind"], province=raw["province"], feeds_source=feeds_source,
                  enabled=enabled, notes=str(raw.get("notes", "")), **routes)


def load_registry(path: Path | str = DEFAULT_REGISTRY,
                  variables: dict[str, str] | None = None) -> list[Outlet]:
    """Load and validate a registry file; ``variables`` fill placeholders like ``{sample_press}``."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RegistryError(path, f"cannot read the registry ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise RegistryError(path, f"not valid YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise RegistryError(path, "must be a mapping with an 'outlets:' list")
    extra_keys = set(data) - {"outlets"}
    if extra_keys:
        raise RegistryError(path, f"unknown top-level key {sorted(extra_keys)[0]!r}")
    outlets, seen = [], set()
    for position, raw in enumerate(data["outlets"], start=1):
        outlet = _outlet(path, position, raw, variables or {})
        if outlet.id in seen:
            raise RegistryError(path, "duplicate id", outlet.id, "id")
        seen.add(outlet.id)
        outlets.append(outlet)
    return outlets
