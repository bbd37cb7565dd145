"""Per-outlet selector overrides, for the few outlets where the generic path fails.

The outlet registry may give an outlet a ``selectors`` mapping; each value is a CSS selector
string (or a list of them, tried in order) that replaces the generic candidates for one field;
``parse`` reads them once into the outlet's ``ExtractionOptions`` (options.py).
Overrides narrow the search, they never disable cleaning: furniture removal, caption handling
and date parsing still apply to what they select; the ``remove`` ones are dropped by
``furniture.remove_selected``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

FIELDS = ("title", "sapo", "body", "author", "date", "section", "tags", "remove")


@dataclass
class Overrides:
    title: tuple[str, ...] = ()
    sapo: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    problems: list[str] = field(default_factory=list)


def parse(selectors: dict[str, Any] | None) -> Overrides:
    """Validated overrides; unknown keys and invalid selectors are reported, not raised."""
    overrides = Overrides()
    for key, value in (selectors or {}).items():
        if key not in FIELDS:
            overrides.problems.append(f"unknown selectors key {key!r} (known: {', '.join(FIELDS)})")
            continue
        values = (value,) if isinstance(value, str) else tuple(str(v) for v in value or ())
        valid = []
        for selector in values:
            try:
                lxml_html.fromstring("<p></p>").cssselect(selector)
            except Exception as error:  # noqa: BLE001 - cssselect raises several parse error types
                overrides.problems.append(f"selectors.{key}: invalid CSS {selector!r}: {error}")
                continue
            valid.append(selector)
        setattr(overrides, key, tuple(valid))
    return overrides


def validate(selectors: dict[str, Any] | None) -> list[str]:
    """Problems in an outlet's ``selectors`` mapping (for the registry's load-time validation)."""
    return parse(selectors).problems
