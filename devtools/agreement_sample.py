"""The 80 real texts labelled a second time, blind, to measure how far two readers agree.

    python devtools/agreement_sample.py          # prints the 80 ids with their manifest paths

Rule (issue 17, session 5, fixed before any text was read): the manifest rows whose split is
``dev``, ``heldout``, ``heldout2`` or ``heldout3`` (never ``heldout4``: that batch is being scored
blind by the coordinator), ordered by sha256 of ``SALT + path``, the first 80. Only the manifest is
read, so the sample does not depend on any label or on the analyser.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devtools.realtext import manifest  # noqa: E402

SALT = "presswatch-issue17-agreement-2026-12-03:"
SPLITS = ("dev", "heldout", "heldout2", "heldout3")
SIZE = 80


def sample(size: int = SIZE) -> list[tuple[str, str]]:
    """(id, path) of the sampled rows, in the sample's order."""
    rows = [row for row in manifest().values() if row["split"] in SPLITS]
    rows.sort(key=lambda row: hashlib.sha256((SALT + row["path"]).encode("utf-8")).hexdigest())
    return [(row["id"], row["path"]) for row in rows[:size]]


def main() -> int:
    for ident, path in sample():
        print(f"{ident}\t{path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
