"""Digests and alerts by email: compose (what a digest says), outbox (exactly-once bookkeeping),
send (SMTP with retries), alerts (immediate rules with the in-Python matcher), runner (one run),
views (preview, outbox admin page, one-click unsubscribe).
"""

from __future__ import annotations

import sqlite3


def ensure_schema(db: sqlite3.Connection) -> None:
    """The digest's tables (beside web/db.py's SCHEMA); idempotent, run at app start."""
    from web.digest import model, outbox

    model.ensure_schema(db)
    outbox.ensure_schema(db)
