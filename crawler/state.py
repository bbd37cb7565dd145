"""Crawl state: what was fetched, its validators, and each outlet's health, in one SQLite file.

An article URL discovered in a listing is written to ``pending`` before the listing's validators
(ETag, Last-Modified) are saved, and leaves ``pending`` only once its document reached the index.
So a crawl killed at any point (even SIGKILL) and restarted re-queues what was in flight, even
when the listings now answer 304; re-indexing the same canonical URL overwrites, so nothing is
doubled either.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from search.config import CRAWL_STATE_FILE, LOCAL_TZ, data_dir
from search.private_files import connect_private

# An outlet whose extraction fails on more than this share of its article pages in a run (with
# at least MIN_PAGES pages) probably changed its markup: flag it for a maintainer.
EXTRACTION_FAILURE_FLAG = 0.5
MIN_PAGES = 5
STATE_FILE = CRAWL_STATE_FILE


def state_path(settings: Any, folder: Path | None = None) -> Path:
    """PRESSWATCH_CRAWL_STATE if set (a Scrapy setting or a mapping), else in the data folder
    (``folder``, or the one the environment names)."""
    return Path(settings.get("PRESSWATCH_CRAWL_STATE") or (folder or data_dir()) / STATE_FILE)


SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    url TEXT PRIMARY KEY,
    outlet_id TEXT NOT NULL,
    published_at TEXT,
    first_seen TEXT NOT NULL,
    last_fetched TEXT NOT NULL,
    content_hash TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS pending (
    url TEXT PRIMARY KEY,
    outlet_id TEXT NOT NULL,
    discovered_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS validators (
    url TEXT PRIMARY KEY,
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    checked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE TABLE IF NOT EXISTS outlet_runs (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    outlet_id TEXT NOT NULL,
    pages_fetched INTEGER NOT NULL DEFAULT 0,
    articles_new INTEGER NOT NULL DEFAULT 0,
    articles_updated INTEGER NOT NULL DEFAULT 0,
    extraction_failures INTEGER NOT NULL DEFAULT 0,
    fetch_errors INTEGER NOT NULL DEFAULT 0,
    articles_extracted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, outlet_id)
);
-- outlet_runs.refused / refused_examples: added by _migrate to older state files.
CREATE TABLE IF NOT EXISTS outlet_health (
    outlet_id TEXT PRIMARY KEY,
    last_run TEXT,
    last_success TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    flagged TEXT NOT NULL DEFAULT ''
);
-- What discovery (crawler/discovery/learn.py) last found for an outlet: JSON list of routes.
CREATE TABLE IF NOT EXISTS outlet_discovery (
    outlet_id TEXT PRIMARY KEY,
    checked_at TEXT NOT NULL,
    found TEXT NOT NULL
);
"""


class CrawlStateError(RuntimeError):
    """The crawl state cannot be written; the message says where and what to do."""


@dataclass
class OutletRun:
    outlet_id: str
    pages_fetched: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    extraction_failures: int = 0
    fetch_errors: int = 0
    articles_extracted: int = 0
    # URLs the fetch policy refused (other hosts, non-http(s), private addresses), a few with reasons.
    refused: int = 0
    refused_examples: str = ""
    # "old host → new host" per line: redirects from a predecessor's domain (crawler.fetch_policy).
    # Reported in the health flag, not stored per run.
    moved: str = ""
    # Listings that answered 410 Gone, or with a domain-parking page (the spider's examples).
    gone: str = ""
    parked: str = ""


@dataclass
class OutletHealth:
    outlet_id: str
    last_run: str | None
    last_success: str | None
    consecutive_failures: int
    flagged: str
    last: OutletRun | None
    # Routes discovery found on the site (feeds, sitemaps) with their verdicts, and when; routes
    # that work and are not in the registry yet are the ones to promote.
    discovered: list[dict[str, Any]] = field(default_factory=list)
    discovered_at: str | None = None


def _now() -> str:
    return datetime.now(LOCAL_TZ).isoformat(timespec="seconds")


def _join(flag: str, more: str) -> str:
    return f"{flag}; {more}" if flag else more


def _symptoms(run: OutletRun) -> str:
    """What the listings themselves said: gone (410) or parked, first example of each."""
    flag = ""
    if run.gone:
        flag = _join(flag, f"gone: HTTP 410 at {run.gone.split(chr(10))[0]}")
    if run.parked:
        flag = _join(flag, f"parked domain page at {run.parked.split(chr(10))[0]}")
    return flag


class CrawlState:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.db = connect_private(self.path, timeout=30, check_same_thread=False, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            # NORMAL: no fsync per commit (each blocked the crawl's one thread for ~5 ms). A killed
            # process loses nothing; a power cut loses at most the last writes, which are re-fetched.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
            self._migrate()
        except (OSError, sqlite3.OperationalError) as error:
            raise CrawlStateError(
                f"Cannot open the crawl state at {self.path}: {error}. Check that the folder exists, "
                "is writable and has free space, or set PRESSWATCH_DATA_DIR elsewhere."
            ) from error
        self._lock = threading.Lock()

    def _migrate(self) -> None:
        """Columns added since the first release, appended so that positional reads still line up."""
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(outlet_runs)")}
        if "refused" not in columns:
            self.db.execute("ALTER TABLE outlet_runs ADD COLUMN refused INTEGER NOT NULL DEFAULT 0")
        if "refused_examples" not in columns:
            self.db.execute("ALTER TABLE outlet_runs ADD COLUMN refused_examples TEXT NOT NULL DEFAULT ''")

    def _write(self, sql: str, params: Iterable[object] = ()) -> sqlite3.Cursor:
        with self._lock:
            try:
                return self.db.execute(sql, tuple(params))
            except sqlite3.OperationalError as error:
                raise CrawlStateError(
                    f"Cannot write the crawl state at {self.path}: {error}. "
                    "Free disk space or fix the folder's permissions, then rerun: "
                    "the crawl resumes where it stopped."
                ) from error

    # -- articles ----------------------------------------------------------------------------

    def last_fetched(self, url: str) -> datetime | None:
        row = self.db.execute("SELECT last_fetched FROM articles WHERE url = ?", (url,)).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def known_urls(self, outlet_id: str | None = None) -> set[str]:
        if outlet_id:
            rows = self.db.execute("SELECT url FROM articles WHERE outlet_id = ?", (outlet_id,))
        else:
            rows = self.db.execute("SELECT url FROM articles")
        return {row[0] for row in rows}

    def record_article(self, url: str, outlet_id: str, published_at: datetime, content_hash: str) -> str:
        """Remember an indexed article; returns "new", "updated" or "unchanged"."""
        row = self.db.execute("SELECT content_hash FROM articles WHERE url = ?", (url,)).fetchone()
        now = _now()
        self.done(url)
        self._write(
            "INSERT INTO articles(url, outlet_id, published_at, first_seen, last_fetched, "
            "content_hash) VALUES (?,?,?,?,?,?) ON CONFLICT(url) DO UPDATE SET "
            "last_fetched = excluded.last_fetched, content_hash = excluded.content_hash, "
            "published_at = excluded.published_at",
            (url, outlet_id, published_at.isoformat(), now, now, content_hash),
        )
        if row is None:
            return "new"
        return "unchanged" if row[0] == content_hash else "updated"

    # -- discovered, not yet indexed ----------------------------------------------------------

    MAX_ATTEMPTS = 5

    def add_pending(self, urls: Iterable[str], outlet_id: str) -> None:
        now = _now()
        with self._lock:
            try:
                self.db.execute("BEGIN")
                self.db.executemany(
                    "INSERT OR IGNORE INTO pending(url, outlet_id, discovered_at) VALUES (?,?,?)",
                    [(url, outlet_id, now) for url in urls],
                )
                self.db.execute("COMMIT")
            except sqlite3.OperationalError as error:
                self.db.execute("ROLLBACK")
                raise CrawlStateError(
                    f"Cannot write the crawl state at {self.path}: {error}. Free disk "
                    "space or fix the folder's permissions, then rerun."
                ) from error

    def pending(self, outlet_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT url FROM pending WHERE outlet_id = ? AND attempts < ? ORDER BY url",
            (outlet_id, self.MAX_ATTEMPTS),
        )
        return [row[0] for row in rows]

    def attempted(self, url: str) -> None:
        """A fetch failed: try again next run, up to MAX_ATTEMPTS times."""
        self._write("UPDATE pending SET attempts = attempts + 1 WHERE url = ?", (url,))

    def done(self, url: str) -> None:
        """Fetched and settled (indexed, or not an article): no longer pending."""
        self._write("DELETE FROM pending WHERE url = ?", (url,))

    # -- HTTP validators (feeds, sitemaps, listing pages) ------------------------------------

    def validators(self, url: str) -> tuple[str, str]:
        row = self.db.execute("SELECT etag, last_modified FROM validators WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else ("", "")

    def record_validators(self, url: str, etag: str, last_modified: str) -> None:
        self._write(
            "INSERT OR REPLACE INTO validators(url, etag, last_modified, checked_at) VALUES (?,?,?,?)",
            (url, etag, last_modified, _now()),
        )

    # -- runs and outlet health --------------------------------------------------------------

    def start_run(self) -> int:
        run_id = self._write("INSERT INTO runs(started_at) VALUES (?)", (_now(),)).lastrowid
        assert run_id is not None  # set by every INSERT
        return run_id

    def finish_run(self, run_id: int, outlets: dict[str, OutletRun], dead_after: int = 3) -> None:
        """Store each outlet's run and its health; ``dead_after`` failed runs in a row flag it as
        not answering."""
        now = _now()
        for run in outlets.values():
            self._write(
                "INSERT OR REPLACE INTO outlet_runs VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    run_id,
                    run.outlet_id,
                    run.pages_fetched,
                    run.articles_new,
                    run.articles_updated,
                    run.extraction_failures,
                    run.fetch_errors,
                    run.articles_extracted,
                    run.refused,
                    run.refused_examples,
                ),
            )
            article_pages = run.articles_extracted + run.extraction_failures
            # A parked page answers 200 but carries no news: a success only if articles came too.
            succeeded = (
                run.pages_fetched > 0
                and run.fetch_errors < run.pages_fetched
                and not (run.parked and run.articles_extracted == 0)
            )
            previous = self.db.execute(
                "SELECT consecutive_failures, last_success FROM outlet_health WHERE outlet_id = ?",
                (run.outlet_id,),
            ).fetchone()
            failures = 0 if succeeded else (previous[0] if previous else 0) + 1
            flag = _symptoms(run)
            failing = run.extraction_failures > EXTRACTION_FAILURE_FLAG * article_pages
            if article_pages >= MIN_PAGES and failing:
                flag = _join(
                    flag,
                    f"extraction failed on {run.extraction_failures} of {article_pages} "
                    "article pages: has the site changed its markup?",
                )
            elif not succeeded and failures >= max(1, dead_after):
                since = (previous[1] or "")[:10] if previous else ""
                flag = _join(flag, f"no answer for {failures} runs (last success: {since or 'never'})")
            elif not succeeded and not flag:
                flag = f"no page fetched ({run.fetch_errors} fetch errors)"
            if run.moved:
                hosts = run.moved.split("\n")
                moves = "; ".join(f"moved to {m.split(' → ')[1]} (from {m.split(' → ')[0]})" for m in hosts)
                flag = f"{flag}; {moves}" if flag else moves
            if run.refused:
                first = run.refused_examples.split("\n", 1)[0]
                refused = f"refused {run.refused} URL(s) the policy forbids, e.g. {first}"
                flag = f"{flag}; {refused}" if flag else refused
            self._write(
                "INSERT INTO outlet_health(outlet_id, last_run, last_success, consecutive_failures, flagged) "
                "VALUES (?,?,?,?,?) ON CONFLICT(outlet_id) DO UPDATE SET last_run = excluded.last_run, "
                "last_success = coalesce(excluded.last_success, outlet_health.last_success), "
                "consecutive_failures = CASE WHEN ? THEN 0 ELSE outlet_health.consecutive_failures + 1 END, "
                "flagged = excluded.flagged",
                (run.outlet_id, now, now if succeeded else None, 0 if succeeded else 1, flag, succeeded),
            )
        self._write("UPDATE runs SET finished_at = ? WHERE id = ?", (now, run_id))

    def health(self) -> list[OutletHealth]:
        latest = {}
        for row in self.db.execute(
            "SELECT r.* FROM outlet_runs r JOIN (SELECT outlet_id, max(run_id) AS run_id "
            "FROM outlet_runs GROUP BY outlet_id) m "
            "ON m.outlet_id = r.outlet_id AND m.run_id = r.run_id"
        ):
            latest[row[1]] = OutletRun(*row[1:])
        rows = {
            outlet_id: OutletHealth(
                outlet_id, last_run, last_success, failures, flagged, latest.get(outlet_id)
            )
            for outlet_id, last_run, last_success, failures, flagged in self.db.execute(
                "SELECT outlet_id, last_run, last_success, consecutive_failures, flagged FROM outlet_health"
            )
        }
        for outlet_id, checked_at, found in self.db.execute(
            "SELECT outlet_id, checked_at, found FROM outlet_discovery"
        ):
            row = rows.setdefault(outlet_id, OutletHealth(outlet_id, None, None, 0, "", None))
            row.discovered, row.discovered_at = json.loads(found), checked_at
        return [rows[outlet_id] for outlet_id in sorted(rows)]

    def record_discovery(self, outlet_id: str, found: list[dict[str, Any]]) -> None:
        """Replace what discovery found for the outlet (the last probe is what is true now)."""
        self._write(
            "INSERT OR REPLACE INTO outlet_discovery(outlet_id, checked_at, found) VALUES (?,?,?)",
            (outlet_id, _now(), json.dumps(found, ensure_ascii=False)),
        )

    def close(self) -> None:
        self.db.close()
