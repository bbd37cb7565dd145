"""Outlets managed in the app: added or edited by admins, kept in the app database, validated by
the registry's own rules, audited (who, when, what changed).

The shipped registry (crawler/outlets.yaml) stays the reference; ``managed_outlets`` holds
whole entries, in the registry's YAML shape, that replace a shipped entry of the same id or add a
new outlet. ``effective_entries`` is the two merged; after every change it is written to
``<data folder>/outlets.yaml`` (``EFFECTIVE_FILE``), the registry `presswatch crawl` uses when it
exists, so the crawler reads a file and never the app's database. Enabling and disabling stays in
``outlet_settings`` (web/admin/outlets.py).

The registry's rules come from the composition root (``register_rules``; presswatch/app.py
gives crawler.registry's): web/ imports nothing from crawler/. Without them the editor is off.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any, Protocol

import yaml
from flask import Flask, abort, current_app

from search.config import OUTLETS_FILE

# Tables: managed_outlets and outlet_audit, in web/db.py's SCHEMA.
EFFECTIVE_FILE = OUTLETS_FILE
SOURCE = "admin"  # how validation errors name the source of an entry edited in the app
RULES_KEY = "presswatch.registry_rules"


class RegistryRules(Protocol):
    """The outlet registry's rules (crawler.registry's, given by presswatch/outlet_rules.py).
    ``validate`` and ``entries_from_text`` raise a ValueError with ``field`` and ``message``."""

    @property
    def kinds(self) -> tuple[str, ...]: ...
    @property
    def feeds_sources(self) -> tuple[str, ...]: ...

    def base_entries(self) -> list[dict[str, Any]]: ...
    def entries_from_text(self, text: str, source: str) -> list[dict[str, Any]]: ...
    def validate(self, entries: list[dict[str, Any]], source: str) -> list[Any]: ...
    def sample_outlets(self) -> list[Any]: ...
    def probe_command(self, outlet_id: str, registry: Path, articles: int) -> list[str]: ...


def register_rules(app: Flask, rules: RegistryRules) -> None:
    app.extensions[RULES_KEY] = rules


def rules() -> RegistryRules:
    found: RegistryRules | None = current_app.extensions.get(RULES_KEY)
    if found is None:
        abort(404)  # an app built without the composition root has no registry to edit
    return found


def _plain(value: Any) -> Any:
    """Dates as ISO text, so an entry round-trips through JSON and YAML unchanged."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def base_entries() -> list[dict[str, Any]]:
    return [_plain(e) for e in rules().base_entries()]


def managed(db: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    return {
        row[0]: json.loads(row[1])
        for row in db.execute("SELECT outlet_id, entry FROM managed_outlets ORDER BY outlet_id")
    }


def merge(base: list[dict[str, Any]], changed: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The shipped entries with the changed ones in their place, then the new ones."""
    ids = {e.get("id") for e in base}
    return [changed.get(e.get("id") or "", e) for e in base] + [e for i, e in changed.items() if i not in ids]


def effective_entries(db: sqlite3.Connection) -> list[dict[str, Any]]:
    return merge(base_entries(), managed(db))


def validate(entries: list[dict[str, Any]]) -> list[Any]:
    """The registry's rules on the whole merged list (ids unique, succession consistent);
    raises the registry's error (a ValueError) naming the outlet and the field."""
    return rules().validate(entries, SOURCE)


def diff(before: dict[str, Any] | None, after: dict[str, Any]) -> dict[str, list[Any]]:
    before = before or {}
    return {
        k: [before.get(k), after.get(k)]
        for k in sorted(set(before) | set(after))
        if before.get(k) != after.get(k)
    }


def audit(
    db: sqlite3.Connection,
    user: str,
    outlet_id: str,
    action: str,
    changes: dict[str, list[Any]] | None = None,
) -> None:
    db.execute(
        "INSERT INTO outlet_audit(at, user_email, outlet_id, action, changes) VALUES (?,?,?,?,?)",
        (
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            user,
            outlet_id,
            action,
            json.dumps(changes or {}, ensure_ascii=False),
        ),
    )


def history(db: sqlite3.Connection, outlet_id: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    sql = "SELECT at, user_email, outlet_id, action, changes FROM outlet_audit"
    params: tuple[Any, ...] = ()
    if outlet_id:
        sql, params = sql + " WHERE outlet_id = ?", (outlet_id,)
    rows = db.execute(sql + " ORDER BY id DESC LIMIT ?", (*params, limit))
    return [
        {"at": at, "user": user, "outlet_id": oid, "action": action, "changes": json.loads(changes)}
        for at, user, oid, action, changes in rows
    ]


def save(
    db: sqlite3.Connection, entry: dict[str, Any], user: str, data_dir: Path, action: str = "edit"
) -> dict[str, list[Any]]:
    """Validate ``entry`` against everything else, store it, audit the change and rewrite the
    effective registry file. Returns the changes ({} when nothing changed)."""
    entry = _plain(entry)
    current = effective_entries(db)
    before = next((e for e in current if e.get("id") == entry["id"]), None)
    validate(merge(base_entries(), {**managed(db), entry["id"]: entry}))
    changes = diff(before, entry)
    if not changes:
        return {}
    db.execute(
        "INSERT INTO managed_outlets(outlet_id, entry, updated_at, updated_by) VALUES (?,?,?,?) "
        "ON CONFLICT(outlet_id) DO UPDATE SET entry = excluded.entry, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        (
            entry["id"],
            json.dumps(entry, ensure_ascii=False),
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            user,
        ),
    )
    audit(db, user, entry["id"], "add" if before is None else action, changes)
    db.commit()
    write_effective(db, data_dir)
    return changes


def dump(entries: list[dict[str, Any]]) -> str:
    """Registry YAML for ``entries`` (what ``load_registry`` reads)."""
    return yaml.safe_dump({"outlets": entries}, allow_unicode=True, sort_keys=False, width=110)


def export_yaml(db: sqlite3.Connection) -> str:
    """The effective registry as YAML that ``import_yaml`` and the crawler both read."""
    return dump(effective_entries(db))


def all_outlets(db: sqlite3.Connection) -> list[tuple[Any, str]]:
    """(outlet, source) for the admin list: the effective registry ("registry", or "app" for an
    outlet added or edited here) and the sample press ("sample")."""
    changed = managed(db)
    try:
        real = validate(merge(base_entries(), changed))
    except ValueError:  # a later shipped registry disagrees with an old edit: show the shipped one
        real, changed = validate(base_entries()), {}
    sample = rules().sample_outlets()
    return [(o, "app" if o.id in changed else "registry") for o in real] + [(o, "sample") for o in sample]


def write_effective(db: sqlite3.Connection, data_dir: Path) -> Path:
    """Write the registry the crawl and the app's outlet names read, and forget the names cached."""
    from web.services import NAMES_KEY, OUTLETS_KEY

    path = Path(data_dir) / EFFECTIVE_FILE
    path.write_text(export_yaml(db), encoding="utf-8")
    current_app.extensions.pop(OUTLETS_KEY, None)
    current_app.extensions.pop(NAMES_KEY, None)
    return path


def import_yaml(db: sqlite3.Connection, text: str, user: str, data_dir: Path) -> list[str]:
    """Take every entry of an uploaded registry that differs from what is in effect (all or
    nothing: the merged result is validated first). Returns the ids that changed."""
    uploaded = [_plain(e) for e in rules().entries_from_text(text, "upload")]
    validate(uploaded)  # the file on its own: errors name the uploaded outlet and field
    current = {e.get("id"): e for e in effective_entries(db)}
    changed = {e["id"]: e for e in uploaded if current.get(e["id"]) != e}
    validate(merge(base_entries(), {**managed(db), **changed}))
    for outlet_id, entry in changed.items():
        db.execute(
            "INSERT OR REPLACE INTO managed_outlets(outlet_id, entry, updated_at, updated_by) "
            "VALUES (?,?,?,?)",
            (
                outlet_id,
                json.dumps(entry, ensure_ascii=False),
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                user,
            ),
        )
        audit(db, user, outlet_id, "import", diff(current.get(outlet_id), entry))
    db.commit()
    if changed:
        write_effective(db, data_dir)
    return sorted(changed)
