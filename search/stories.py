"""Stories: copies and rewrites of one piece across outlets, grouped with MinHash LSH (datasketch).

Syndicated agency copy ("Theo TTXVN") and lightly edited rewrites share most word 3-grams, so a
Jaccard estimate over folded 3-gram shingles finds them. Signatures of recent articles are kept in
a small SQLite file beside the index, so grouping works the same for either backend and survives
restarts; the in-memory LSH is rebuilt from it when a grouper opens.
"""

from __future__ import annotations

import functools
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from search.document import Document
from search.private_files import connect_private
from search.text import tokens

if TYPE_CHECKING:
    import numpy as np
    from datasketch import LeanMinHash

NUM_PERM = 128
SEED = 7
SHINGLE = 3
THRESHOLD = 0.5  # estimated Jaccard of shingle sets above which two articles are one story
WINDOW_DAYS = 30  # a copy published a month later is a new story (anniversaries, follow-ups)

# datasketch is imported where it is used: its package loads scipy (~0.6 s), which processes that
# import this module but never group or sign (the web app) should not pay.


@functools.lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash

    permutations: tuple[np.ndarray, np.ndarray] = MinHash(num_perm=NUM_PERM, seed=SEED).permutations
    return permutations  # computed once, reused


def signature(document: Document) -> bytes:
    """MinHash (datasketch) of the document's folded word 3-grams, as its hash values' bytes: a pure
    function of the document, so extraction workers compute it (``search.ingest.analyse_and_sign``) and the
    crawl's main process only looks it up."""
    from datasketch import MinHash

    words = tokens(f"{document.title} {document.sapo} {document.body}")
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations())
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles])
    hashvalues: np.ndarray = minhash.hashvalues
    return hashvalues.tobytes()


def _lean(blob: bytes) -> LeanMinHash:
    """A stored signature as datasketch's read-only MinHash, what MinHashLSH indexes."""
    import numpy as np
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(blob, dtype=np.uint64))


class StoryGrouper:
    """Assigns ``story_id``: the id of the earliest known near-duplicate, else the article's own."""

    def __init__(self, path: str | Path, threshold: float = THRESHOLD) -> None:
        self.path = Path(path)
        self.threshold = threshold
        self._lock = threading.Lock()
        self.db = connect_private(self.path, timeout=30, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        # A lost signature after a power cut only means a copy starts its own story: no fsync each.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS signatures (id TEXT PRIMARY KEY, story_id TEXT NOT NULL,"
            " published_ts INTEGER NOT NULL, hashvalues BLOB NOT NULL)"
        )
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.stories: dict[str, tuple[str, int]] = {}
        # A year of signatures in memory (~1 KB each); the window test below applies per pair.
        cutoff = int(time.time()) - 400 * 86400
        for doc_id, story_id, published_ts, blob in self.db.execute(
            "SELECT id, story_id, published_ts, hashvalues FROM signatures WHERE published_ts >= ?", (cutoff,)
        ):
            self.lsh.insert(doc_id, _lean(bytes(blob)))
            self.stories[doc_id] = (story_id, published_ts)

    def assign(self, document: Document, hashvalues: bytes | None = None, *, commit: bool = True) -> str:
        """Set and return ``document.story_id``; re-assigning the same article keeps its story.

        ``hashvalues``: the document's ``signature`` when already computed (by an extraction
        worker). ``commit=False`` leaves the signature's row to the next ``commit()`` (the ingester
        commits once per batch, before the batch reaches the index)."""
        with self._lock:
            if document.id in self.stories:
                document.story_id = self.stories[document.id][0]
                return document.story_id
            values = signature(document) if hashvalues is None else hashvalues
            minhash = _lean(values)
            published = int(document.published_at.timestamp())
            candidates = [
                (self.stories[c][1], self.stories[c][0])
                for c in self.lsh.query(minhash)
                if abs(self.stories[c][1] - published) <= WINDOW_DAYS * 86400
            ]
            story_id = min(candidates)[1] if candidates else document.id
            self.lsh.insert(document.id, minhash)
            self.stories[document.id] = (story_id, published)
            self.db.execute(
                "INSERT OR REPLACE INTO signatures VALUES (?,?,?,?)",
                (document.id, story_id, published, values),
            )
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
