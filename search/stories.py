"""Stories: copies and rewrites of one piece across outlets, grouped with MinHash LSH (datasketch).

Syndicated agency copy ("Theo TTXVN") and lightly edited rewrites share most word 3-grams, so a
Jaccard estimate over folded 3-gram shingles finds them. Signatures of recent articles are kept in
a small SQLite file beside the index, so grouping works the same for either backend and survives
restarts; the in-memory LSH is rebuilt from it when a grouper opens.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH

from search.document import Document
from search.text import tokens

NUM_PERM = 128
SHINGLE = 3
THRESHOLD = 0.5  # estimated Jaccard of shingle sets above which two articles are one story
WINDOW_DAYS = 30  # a copy published a month later is a new story (anniversaries, follow-ups)
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=7).permutations  # computed once, reused


def signature(document: Document) -> MinHash:
    words = tokens(f"{document.title} {document.sapo} {document.body}")
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=7, permutations=_PERMUTATIONS)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


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
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.stories: dict[str, tuple[str, int]] = {}
        # A year of signatures in memory (~1 KB each); the window test below applies per pair.
        cutoff = int(time.time()) - 400 * 86400
        for doc_id, story_id, published_ts, blob in self.db.execute(
                "SELECT id, story_id, published_ts, hashvalues FROM signatures WHERE published_ts >= ?",
                (cutoff,)):
            minhash = MinHash(num_perm=NUM_PERM, seed=7, permutations=_PERMUTATIONS,
                              hashvalues=np.frombuffer(blob, dtype=np.uint64))
            self.lsh.insert(doc_id, minhash)
            self.stories[doc_id] = (story_id, published_ts)

    def assign(self, document: Document) -> str:
        """Set and return ``document.story_id``; re-assigning the same article keeps its story."""
        with self._lock:
            if document.id in self.stories:
                document.story_id = self.stories[document.id][0]
                return document.story_id
            minhash = signature(document)
            published = int(document.published_at.timestamp())
            candidates = [(self.stories[c][1], self.stories[c][0]) for c in self.lsh.query(minhash)
                          if abs(self.stories[c][1] - published) <= WINDOW_DAYS * 86400]
            story_id = min(candidates)[1] if candidates else document.id
            self.lsh.insert(document.id, minhash)
            self.stories[document.id] = (story_id, published)
            blob = minhash.hashvalues.astype(np.uint64).tobytes()
            self.db.execute("INSERT OR REPLACE INTO signatures VALUES (?,?,?,?)",
                            (document.id, story_id, published, blob))
            self.db.commit()
            document.story_id = story_id
            return story_id

    def close(self) -> None:
        self.db.close()
