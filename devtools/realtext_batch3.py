"""Which VietNews texts the third real-text batch holds (issue 17, 2026-12-03): a fresh held-out
part, chosen by a random rule written down before any text was read and without the analyser.

Batches 1-2's held-out parts have both been scored once, and the analyser is now tuned on the
dev part; batch 2 was also chosen by headline words, which favours clear cases. Batch 3 is a plain
random sample, as batch 1 was, and all of it is held out (``split: heldout3``), to be scored once
by the coordinator at the end (``bench/analysis.py --set real-heldout3``).

Rule (fixed before reading):

- folder ``data/test_tokenized`` of the manifest's commit (batch 1's folder);
- eligible: a file not in the manifest (batches 1-2, any split), with title, sapo and body, a body
  of 80-330 words, and a Vietnamese place word (an old province name or "Việt Nam") in its text,
  exactly as batch 2 tested it (``realtext_batch2._places`` / ``_plain``);
- order: sha256 of ``SALT + ":" + path``; take the first ``N`` in that order;
- a text whose title + sapo opening equals that of a text already in the manifest or already taken
  here (the corpus holds some articles twice) is dropped and the next one taken.

    python devtools/realtext_batch3.py CORPUS_DIR > batch3.tsv

CORPUS_DIR holds ``data/*_tokenized`` (``git archive a20d9b7f… data | tar -x``): the manifest's
batch-2 texts come from val and train too, and their openings are needed for the copy check.
Any prefix of the output is itself a sample under the same rule (texts are labelled in this order).

Later batches (``realtext_batch4.py``) use the same functions with their own salt, size and split;
"the manifest" is then the rows listed before the batch's own first row (earlier batches only).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from devtools.realtext_batch2 import _places, _plain, _same

FOLDER = "data/test_tokenized"
SALT = "presswatch-issue17-batch3-2026-12-03"
N = 120
SPLIT = "heldout3"


def order(path: str, salt: str = SALT) -> str:
    return hashlib.sha256(f"{salt}:{path}".encode()).hexdigest()


def eligible(file: Path, places: list[str]) -> bool:
    blocks = [b for b in file.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    if len(blocks) < 3:
        return False
    words = len(blocks[2].replace("_", " ").split())
    text = _plain(" ".join(blocks[:3]))
    return 80 <= words <= 330 and any(p in text for p in places)


def earlier_paths(split: str) -> set[str]:
    """Paths of the manifest rows listed before ``split``'s first row (all rows while it has none):
    the earlier batches, so a batch's own rows and later batches' (appended after it) do not count."""
    manifest = Path(__file__).resolve().parents[1] / "tests/data/analysis/realtext/manifest.tsv"
    rows = [
        line.split("\t")
        for line in manifest.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith(("#", "id\t"))
    ]
    first = next((i for i, row in enumerate(rows) if row[1] == split), len(rows))
    return {row[5] for row in rows[:first]}


def select(corpus: Path, n: int = N, salt: str = SALT, split: str = SPLIT) -> list[str]:
    taken = earlier_paths(split)
    seen = {_same(corpus / p.removeprefix("vietnews/")) for p in taken if p.startswith("vietnews/")}
    places = _places()
    paths = [f"vietnews/{FOLDER}/{f.name}" for f in (corpus / FOLDER).iterdir()]
    chosen: list[str] = []
    for path in sorted(paths, key=lambda p: order(p, salt)):
        if len(chosen) == n:
            break
        file = corpus / path.removeprefix("vietnews/")
        if path in taken or not eligible(file, places):
            continue
        same = _same(file)
        if same in seen:
            print(f"dropped, a copy of a text taken before: {path}", file=sys.stderr)
            continue
        seen.add(same)
        chosen.append(path)
    return chosen


def main(corpus: Path, n: int = N, salt: str = SALT, split: str = SPLIT) -> None:
    for path in select(corpus, n, salt, split):
        print(f"{path}\t{split}\trandom")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
