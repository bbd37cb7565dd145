"""Per-article metadata of the embedded index as arrays indexed by rowid: its "doc values".

SQLite finds the matching rowids (FTS5 and the metadata indexes do that well); counting facets,
day histograms, story sizes and ordering a page over tens of thousands of matches is what it
does slowly (a sort per GROUP BY). Elasticsearch answers those from column-oriented doc values;
this module keeps the same columns in numpy arrays so that counting is a ``bincount`` over the
matches.

The arrays follow the database through the ``changes`` log (rows appended by triggers on
``articles``, see sqlite_schema): each ``sync`` reads only the articles changed since the last
one, so a crawl writing in another process costs a search a few milliseconds, not a reload. A
``Columns`` object is shared by a backend's threads: ``sync`` builds a new immutable ``Snapshot``
and swaps it in, so a search never sees arrays half-updated.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

# Viet Nam has no daylight saving: a local day is UTC + 7 hours.
LOCAL_OFFSET_SECONDS = 7 * 3600
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_CHUNK = 500  # rowids per "IN (…)" lookup
_ARTICLE_COLUMNS = "rowid, id, story_id, outlet_id, published_ts"
_TERM_COLUMNS = "article_rowid, field, value, value_f"


@dataclass
class Codes:
    """Strings ↔ small integers, so that columns hold numbers (append-only, shared by snapshots)."""

    names: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)

    def code(self, name: str) -> int:
        found = self.index.get(name)
        if found is None:
            found = self.index[name] = len(self.names)
            self.names.append(name)
        return found


@dataclass
class Terms:
    """Metadata values keyed as filters compare them (field, folded value); shown as ``display``."""

    fields: list[str] = field(default_factory=list)
    display: list[str] = field(default_factory=list)
    index: dict[tuple[str, str], int] = field(default_factory=dict)

    def code(self, name: str, value: str, value_f: str) -> int:
        key = (name, value_f)
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.fields)
            self.fields.append(name)
            self.display.append(value)
        elif value < self.display[found]:  # one stable spelling whichever article came first
            self.display[found] = value
        return found


@dataclass(frozen=True)
class Snapshot:
    seq: int
    live: np.ndarray  # bool per rowid
    published: np.ndarray  # int64 epoch seconds per rowid
    story: np.ndarray  # int32 story code per rowid
    outlet: np.ndarray  # int32 outlet code per rowid
    ids: list[str | None]  # document id per rowid
    pair_rowid: np.ndarray  # (rowid, term code) pairs: multi-valued metadata, story excepted
    pair_code: np.ndarray
    id_rank: np.ndarray | None = None  # position of each rowid's id in id order; built on demand

    @property
    def size(self) -> int:
        return len(self.live)


class Columns:
    def __init__(self) -> None:
        self.stories = Codes()
        self.outlets = Codes()
        self.terms = Terms()
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()

    # -- following the database --------------------------------------------------------------

    def sync(self, db: sqlite3.Connection) -> Snapshot:
        """The columns as of ``db``'s current read transaction (or later)."""
        low, high = db.execute("SELECT min(seq), max(seq) FROM changes").fetchone()
        high = high or 0
        current = self._snapshot
        if current is not None and current.seq >= high:
            return current
        with self._lock:
            current = self._snapshot
            if current is not None and current.seq >= high:
                return current
            if current is None or (low is not None and low > current.seq + 1):
                # First use, or the log was pruned past what we hold: read everything.
                snapshot = self._load(db, None, high)
            else:
                changed = [
                    row[0]
                    for row in db.execute(
                        "SELECT DISTINCT article_rowid FROM changes WHERE seq > ?", (current.seq,)
                    )
                ]
                snapshot = self._load(db, (current, changed), high)
            self._snapshot = snapshot
            return snapshot

    def _load(self, db: sqlite3.Connection, base: tuple[Snapshot, list[int]] | None, seq: int) -> Snapshot:
        if base is None:
            articles = db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles").fetchall()
            terms = db.execute(f"SELECT {_TERM_COLUMNS} FROM article_terms WHERE field != 'story'").fetchall()
            changed: list[int] = []
            size = max((row[0] for row in articles), default=0) + 1
            snapshot = _empty(size, seq)
        else:
            previous, changed = base
            articles, terms = [], []
            for start in range(0, len(changed), _CHUNK):
                chunk = changed[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                articles += db.execute(
                    f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE rowid IN ({marks})", chunk
                ).fetchall()
                terms += db.execute(
                    f"SELECT {_TERM_COLUMNS} FROM article_terms "
                    f"WHERE field != 'story' AND article_rowid IN ({marks})",
                    chunk,
                ).fetchall()
            snapshot = _grown(previous, max([previous.size - 1, *changed]) + 1, seq)
        live, published, story, outlet, ids = (
            snapshot.live,
            snapshot.published,
            snapshot.story,
            snapshot.outlet,
            snapshot.ids,
        )
        if changed:
            live[changed] = False  # deleted unless read back below
        for rowid, document_id, story_id, outlet_id, published_ts in articles:
            live[rowid] = True
            ids[rowid] = document_id
            story[rowid] = self.stories.code(story_id)
            outlet[rowid] = self.outlets.code(outlet_id)
            published[rowid] = published_ts
        pair_rowid = np.fromiter((row[0] for row in terms), dtype=np.int64, count=len(terms))
        pair_code = np.fromiter(
            (self.terms.code(name, value, value_f) for _, name, value, value_f in terms),
            dtype=np.int32,
            count=len(terms),
        )
        # An article may carry two spellings of one value: count it once.
        pairs = np.unique(np.stack([pair_rowid, pair_code.astype(np.int64)]), axis=1)
        pair_rowid, pair_code = pairs[0], pairs[1].astype(np.int32)
        if changed:  # the changed articles' old pairs go, the pairs just read replace them
            keep = ~np.isin(snapshot.pair_rowid, np.asarray(changed, dtype=np.int64))
            pair_rowid = np.concatenate([snapshot.pair_rowid[keep], pair_rowid])
            pair_code = np.concatenate([snapshot.pair_code[keep], pair_code])
        # Ranks stay valid unless an article appeared (deleted ones leave harmless gaps).
        same_ids = base is not None and all(
            rowid < base[0].size and base[0].live[rowid] and base[0].ids[rowid] == ids[rowid]
            for rowid in changed
            if live[rowid]
        )
        return replace(
            snapshot,
            pair_rowid=pair_rowid,
            pair_code=pair_code,
            id_rank=base[0].id_rank if same_ids and base is not None else None,
        )

    # -- answering ---------------------------------------------------------------------------

    def id_rank(self, snapshot: Snapshot) -> np.ndarray:
        """Rank of each rowid's document id in sort order: the last tie-break of every ordering."""
        rank = snapshot.id_rank
        if rank is None:
            rowids = np.flatnonzero(snapshot.live)
            ordered = sorted(rowids.tolist(), key=lambda rowid: snapshot.ids[rowid] or "")
            rank = np.zeros(snapshot.size, dtype=np.int64)
            rank[ordered] = np.arange(len(ordered))
            object.__setattr__(snapshot, "id_rank", rank)  # a cache, computed once per snapshot
        return rank

    def facets(
        self, snapshot: Snapshot, matched: np.ndarray, names: Sequence[str], size: int
    ) -> dict[str, list[tuple[str, int]]]:
        """The ``size`` most frequent values per field among the matches, most frequent first."""
        counts = np.bincount(
            snapshot.pair_code[_selected(snapshot, matched)[snapshot.pair_rowid]],
            minlength=len(self.terms.fields),
        )
        facets: dict[str, list[tuple[str, int]]] = {name: [] for name in names}
        for code in np.flatnonzero(counts):
            name = self.terms.fields[code]
            if name in facets:
                facets[name].append((self.terms.display[code], int(counts[code])))
        for buckets in facets.values():
            buckets.sort(key=lambda bucket: (-bucket[1], bucket[0]))
            del buckets[size:]
        return facets

    def pivot(
        self, snapshot: Snapshot, matched: np.ndarray, row: str, column: str
    ) -> dict[str, dict[str, int]]:
        """Matches counted by a value of ``row`` and a value of ``column`` (e.g. tone per topic)."""
        selected = _selected(snapshot, matched)[snapshot.pair_rowid]
        fields = self.terms.fields[:]
        of_row = selected & np.asarray([name == row for name in fields], dtype=bool)[snapshot.pair_code]
        of_column = selected & np.asarray([name == column for name in fields], dtype=bool)[snapshot.pair_code]
        row_rowid, row_code = snapshot.pair_rowid[of_row], snapshot.pair_code[of_row].astype(np.int64)
        order = np.argsort(snapshot.pair_rowid[of_column], kind="stable")
        column_rowid = snapshot.pair_rowid[of_column][order]
        column_code = snapshot.pair_code[of_column][order].astype(np.int64)
        # Join the two lists of pairs on rowid: each row pair meets every column pair of its article.
        low = np.searchsorted(column_rowid, row_rowid, side="left")
        repeats = np.searchsorted(column_rowid, row_rowid, side="right") - low
        starts = np.repeat(low, repeats)
        steps = np.arange(int(repeats.sum())) - np.repeat(np.cumsum(repeats) - repeats, repeats)
        width = len(fields)
        cells, counts = np.unique(
            np.repeat(row_code, repeats) * width + column_code[starts + steps], return_counts=True
        )
        table: dict[str, dict[str, int]] = {}
        for cell, count in zip(cells.tolist(), counts.tolist(), strict=True):
            row_value, column_value = self.terms.display[cell // width], self.terms.display[cell % width]
            table.setdefault(row_value, {})[column_value] = count
        return table

    def filtered(
        self, snapshot: Snapshot, filters: dict[str, list[str]], start: int | None, end: int | None
    ) -> np.ndarray:
        """The live rowids with one of the values of each filter, published in [start, end):
        a query without text answered from the columns alone (the dashboard's counts)."""
        keep = snapshot.live.copy()
        if start is not None:
            keep &= snapshot.published >= start
        if end is not None:
            keep &= snapshot.published < end
        for name, values in filters.items():
            wanted = np.zeros(len(self.terms.fields), dtype=bool)
            codes = [self.terms.index.get((name, value)) for value in values]
            wanted[[code for code in codes if code is not None]] = True
            having = np.zeros(snapshot.size, dtype=bool)
            having[snapshot.pair_rowid[wanted[snapshot.pair_code]]] = True
            keep &= having
        return np.flatnonzero(keep)

    @staticmethod
    def histogram(snapshot: Snapshot, matched: np.ndarray, interval: str) -> list[tuple[date, int]]:
        days = (snapshot.published[matched] + LOCAL_OFFSET_SECONDS) // 86400
        if interval != "day":
            days = days - (days + 3) % 7  # back to Monday: 1970-01-01 was a Thursday
        buckets, counts = np.unique(days, return_counts=True)
        return [
            (date.fromordinal(EPOCH_ORDINAL + int(day)), int(count))
            for day, count in zip(buckets.tolist(), counts.tolist(), strict=True)
        ]

    def order(
        self, snapshot: Snapshot, matched: np.ndarray, scores: np.ndarray | None, first: int | None = None
    ) -> np.ndarray:
        """``matched`` best first: score (if any) descending, newest first, then by id.

        With ``first``, only the first ``first`` places are guaranteed (the rest is dropped or
        unordered): a partition picks the candidates so that a page costs no full sort.
        """
        primary = -scores if scores is not None else -snapshot.published[matched]
        if first is not None and 0 < first < matched.size // 4:
            threshold = np.partition(primary, first - 1)[first - 1]
            candidates = np.flatnonzero(primary <= threshold)  # ties at the threshold included
            matched, primary = matched[candidates], primary[candidates]
            scores = scores[candidates] if scores is not None else None
        keys = [self.id_rank(snapshot)[matched], -snapshot.published[matched]]
        if scores is not None:
            keys.append(primary)
        return matched[np.lexsort(keys)]

    @staticmethod
    def first_per_story(snapshot: Snapshot, ordered: np.ndarray) -> np.ndarray:
        """The best-placed article of each story, in the order given."""
        _, first = np.unique(snapshot.story[ordered], return_index=True)
        return ordered[np.sort(first)]

    @staticmethod
    def story_count(snapshot: Snapshot, matched: np.ndarray) -> int:
        return int(np.unique(snapshot.story[matched]).size)

    def story_sizes(
        self, snapshot: Snapshot, matched: np.ndarray, rowids: Iterable[int]
    ) -> dict[int, tuple[int, int]]:
        """For the stories of ``rowids``: (matching articles, distinct outlets), keyed by rowid."""
        stories = snapshot.story[matched]
        sizes = {}
        for rowid in rowids:
            members = matched[stories == snapshot.story[rowid]]
            sizes[rowid] = (int(members.size), int(np.unique(snapshot.outlet[members]).size))
        return sizes

    def top_stories(
        self, snapshot: Snapshot, matched: np.ndarray, size: int
    ) -> list[tuple[str, int, int, int]]:
        """Stories with 2+ matches carried by most outlets: (story id, articles, outlets, rowid of the
        earliest copy), most outlets first, then most articles, then by story id."""
        stories = snapshot.story[matched]
        codes, articles = np.unique(stories, return_counts=True)
        shared = codes[articles > 1]
        if not shared.size:
            return []
        # Distinct (story, outlet) pairs, then pairs per story.
        width = len(self.outlets.names) + 1
        pairs = np.unique(stories.astype(np.int64) * width + snapshot.outlet[matched])
        pair_story, outlets = np.unique(pairs // width, return_counts=True)
        outlets_of = dict(zip(pair_story.tolist(), outlets.tolist(), strict=True))
        articles_of = dict(zip(codes.tolist(), articles.tolist(), strict=True))
        names = self.stories.names
        ranked = sorted(
            shared.tolist(), key=lambda code: (-outlets_of[code], -articles_of[code], names[code])
        )
        chosen = []
        for code in ranked[:size]:
            members = matched[stories == code].tolist()
            first = min(members, key=lambda rowid: (snapshot.published[rowid], snapshot.ids[rowid]))
            chosen.append((names[code], articles_of[code], outlets_of[code], first))
        return chosen


def _selected(snapshot: Snapshot, matched: np.ndarray) -> np.ndarray:
    flags = np.zeros(snapshot.size, dtype=bool)
    flags[matched] = True
    return flags


def _empty(size: int, seq: int) -> Snapshot:
    return Snapshot(
        seq=seq,
        live=np.zeros(size, dtype=bool),
        published=np.zeros(size, dtype=np.int64),
        story=np.zeros(size, dtype=np.int32),
        outlet=np.zeros(size, dtype=np.int32),
        ids=[None] * size,
        pair_rowid=np.zeros(0, dtype=np.int64),
        pair_code=np.zeros(0, dtype=np.int32),
    )


def _grown(previous: Snapshot, size: int, seq: int) -> Snapshot:
    """A copy of ``previous`` with room for ``size`` rowids (the old snapshot stays untouched)."""
    grown = _empty(max(size, previous.size), seq)
    n = previous.size
    grown.live[:n] = previous.live
    grown.published[:n] = previous.published
    grown.story[:n] = previous.story
    grown.outlet[:n] = previous.outlet
    grown.ids[:n] = previous.ids
    return replace(grown, pair_rowid=previous.pair_rowid, pair_code=previous.pair_code)
