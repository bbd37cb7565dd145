"""Stories: copies and rewrites of one piece across outlets, grouped with MinHash LSH (datasketch's scheme).

Syndicated agency copy ("Theo TTXVN") and lightly edited rewrites share most word 3-grams, so a
Jaccard estimate over folded 3-gram shingles finds them. Signatures of recent articles are kept in
a small SQLite file beside the index, so grouping works the same for either backend and survives
restarts; the in-memory LSH is rebuilt from it when a grouper opens.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
import struct
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from search.document import Document
from search.text import tokens

if TYPE_CHECKING:
    import numpy as np

NUM_PERM = 128
SHINGLE = 3
THRESHOLD = 0.5  # estimated Jaccard of shingle sets above which two articles are one story
WINDOW_DAYS = 30  # a copy published a month later is a new story (anniversaries, follow-ups)

# MinHash and LSH as datasketch computes them (MinHash(num_perm=128, seed=7), sha1_hash32;
# MinHashLSH(threshold=0.5, num_perm=128) → 25 bands of 5 rows), without importing datasketch:
# its package imports scipy.integrate (~0.5–0.9 s in every crawl process) for a band count that
# is fixed here. A signature travels and is stored as its 128 uint64 values' bytes (machine
# order, as before), and a band is a slice of those bytes, so grouping needs no numpy: only
# computing a signature does (in the extraction workers). A test pins both against datasketch.
BANDS, ROWS = 25, 5
_BAND_BYTES = ROWS * 8


@functools.lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    generator = np.random.RandomState(7)
    prime = np.uint64((1 << 61) - 1)
    pairs = [(generator.randint(1, prime, dtype=np.uint64), generator.randint(0, prime, dtype=np.uint64))
             for _ in range(NUM_PERM)]
    a, b = np.array(pairs, dtype=np.uint64).T
    return a, b


def minhash(values: Iterable[bytes]) -> np.ndarray:
    """The MinHash signature (NUM_PERM uint64 values) of a set of byte strings."""
    import numpy as np

    a, b = _permutations()
    max_hash = np.uint64((1 << 32) - 1)
    hashed = [struct.unpack("<I", hashlib.sha1(value).digest()[:4])[0] for value in values]
    signature = np.full(NUM_PERM, max_hash, dtype=np.uint64)
    if not hashed:
        return signature
    column = np.array(hashed, dtype=np.uint64, ndmin=2).T
    permuted = np.bitwise_and((column * a + b) % np.uint64((1 << 61) - 1), max_hash)
    return np.minimum(signature, permuted.min(axis=0))


def signature(document: Document) -> bytes:
    """MinHash of the document's folded word 3-grams, as bytes; a pure function, so extraction
    workers compute it (``search.ingest.prepare``) and the crawl's main process only looks it up."""
    words = tokens(f"{document.title} {document.sapo} {document.body}")
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    return minhash(s.encode("utf-8") for s in shingles).tobytes()


class _LSH:
    """Banded LSH: two signatures are candidates when all rows of one band are equal."""

    def __init__(self) -> None:
        self.tables: list[dict[bytes, list[str]]] = [{} for _ in range(BANDS)]

    @staticmethod
    def _bands(blob: bytes) -> list[bytes]:
        return [blob[i * _BAND_BYTES:(i + 1) * _BAND_BYTES] for i in range(BANDS)]

    def insert(self, key: str, blob: bytes) -> None:
        for table, band in zip(self.tables, self._bands(blob), strict=True):
            table.setdefault(band, []).append(key)

    def query(self, blob: bytes) -> set[str]:
        found: set[str] = set()
        for table, band in zip(self.tables, self._bands(blob), strict=True):
            found.update(table.get(band, ()))
        return found


class StoryGrouper:
    """Assigns ``story_id``: the id of the earliest known near-duplicate, else the article's own."""

    def __init__(self, path: str | Path, threshold: float = THRESHOLD) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.threshold = threshold
        self._lock = threading.Lock()
        self.db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        # A lost signature after a power cut only means a copy starts its own story: no fsync each.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS signatures (id TEXT PRIMARY KEY, story_id TEXT NOT NULL,"
                        " published_ts INTEGER NOT NULL, hashvalues BLOB NOT NULL)")
        if threshold != THRESHOLD:
            raise ValueError(f"the bands ({BANDS}×{ROWS}) are those of threshold {THRESHOLD}")
        self.lsh = _LSH()
        self.stories: dict[str, tuple[str, int]] = {}
        # A year of signatures in memory (~1 KB each); the window test below applies per pair.
        cutoff = int(time.time()) - 400 * 86400
        for doc_id, story_id, published_ts, blob in self.db.execute(
                "SELECT id, story_id, published_ts, hashvalues FROM signatures WHERE published_ts >= ?",
                (cutoff,)):
            self.lsh.insert(doc_id, bytes(blob))
            self.stories[doc_id] = (story_id, published_ts)

    def assign(self, document: Document, hashvalues: bytes | None = None, *,
               commit: bool = True) -> str:
        """Set and return ``document.story_id``; re-assigning the same article keeps its story.

        ``hashvalues``: the document's ``signature`` when already computed (by an extraction
        worker). ``commit=False`` leaves the signature's row to the next ``commit()`` (the ingester
        commits once per batch, before the batch reaches the index)."""
        with self._lock:
            if document.id in self.stories:
                document.story_id = self.stories[document.id][0]
                return document.story_id
            values = signature(document) if hashvalues is None else hashvalues
            published = int(document.published_at.timestamp())
            candidates = [(self.stories[c][1], self.stories[c][0]) for c in self.lsh.query(values)
                          if abs(self.stories[c][1] - published) <= WINDOW_DAYS * 86400]
            story_id = min(candidates)[1] if candidates else document.id
            self.lsh.insert(document.id, values)
            self.stories[document.id] = (story_id, published)
            self.db.execute("INSERT OR REPLACE INTO signatures VALUES (?,?,?,?)",
                            (document.id, story_id, published, values))
            if commit:
                self.db.commit()
            document.story_id = story_id
            return story_id

    def commit(self) -> None:
        with self._lock:
            self.db.commit()

    def close(self) -> None:
        self.commit()
        self.db.close()
