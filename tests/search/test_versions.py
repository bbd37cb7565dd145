"""The versions store on its own: the snapshot budget (set by the environment, as an operator sets
it), the per-page limit, edits against replacements, append-only events, rechecks due."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from search.versions import VersionStore, snapshot_budget

T0 = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
BODY = " ".join(f"từ{i} câu chuyện dân sinh" for i in range(60))


def page(n: int, size: int = 20_000) -> bytes:
    """A page whose compressed size is about ``size`` bytes (random bytes do not compress)."""
    return b"<html>" + os.urandom(size) + f"<h1>Bài {n}</h1></html>".encode()


def observe(store: VersionStore, n: int, **changes: object) -> object:
    values = {
        "document_id": f"doc{n}",
        "url": f"http://o.test/{n}.html",
        "outlet_id": "o",
        "published_at": T0,
        "title": f"Bài {n}",
        "sapo": "Sapo",
        "body": BODY,
        "html": page(n),
        "at": T0 + timedelta(minutes=n),
    }
    values.update(changes)
    return store.observe(**values)


def test_budget_from_the_environment_drops_the_oldest_snapshots_but_keeps_their_text(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSWATCH_SNAPSHOT_BUDGET_MB", str(70_000 / 1024 / 1024))  # room for 3 pages
    monkeypatch.setenv("PRESSWATCH_SNAPSHOT_MAX_KB", "30")
    store = VersionStore.open_in(tmp_path)
    for n in range(5):
        observe(store, n)
    observe(store, 9, html=page(9, size=40_000))  # over the per-page limit: text only
    kept = [n for n in (0, 1, 2, 3, 4, 9) if store.snapshot(f"doc{n}") is not None]
    assert kept == [2, 3, 4]
    assert all(store.history(f"doc{n}").first_seen.body == BODY for n in (0, 9))
    assert store.snapshot("doc4").endswith("<h1>Bài 4</h1></html>".encode())
    store.close()


def test_bad_budget_is_refused_with_its_name(monkeypatch):
    monkeypatch.setenv("PRESSWATCH_SNAPSHOT_BUDGET_MB", "lots")
    with pytest.raises(ValueError, match="PRESSWATCH_SNAPSHOT_BUDGET_MB"):
        snapshot_budget()


def test_edit_versus_replaced_body_and_events_are_append_only(tmp_path):
    store = VersionStore.open_in(tmp_path)
    assert observe(store, 1) is None  # first seen
    assert observe(store, 1, at=T0 + timedelta(hours=1)) is None  # same text: nothing
    later = T0 + timedelta(hours=2)
    edit = observe(store, 1, title="Bài 1 (sửa)", body=BODY.replace("từ3 ", "chữ3 "), at=later)
    assert edit.kind == "edit" and edit.fields == ["title", "body"]
    notice = "Bài viết không còn tồn tại."
    gone = observe(store, 1, title="Bài 1 (sửa)", body=notice, at=later + timedelta(hours=1))
    assert gone.kind == "takedown" and gone.reason == "body_replaced"
    assert store.history("doc1").gone_at is not None
    # recorded once per disappearance
    assert store.record_takedown(document_id="doc1", url="u", outlet_id="o", reason="http_404") is None
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("UPDATE events SET kind = 'edit'")
    store.close()


def test_rechecks_due_skip_gone_old_and_recently_checked(tmp_path):
    store = VersionStore.open_in(tmp_path)
    for n in range(4):
        observe(store, n)
    observe(store, 5, published_at=T0 - timedelta(days=10))
    store.record_takedown(document_id="doc0", url="u", outlet_id="o", reason="http_410", at=T0)
    now = T0 + timedelta(hours=13)
    store.checked("doc1", at=now - timedelta(hours=1))
    due = [doc for doc, _url in store.due_for_recheck("o", days=3, every_hours=12, limit=10, now=now)]
    assert due == ["doc2", "doc3"]
    store.close()
