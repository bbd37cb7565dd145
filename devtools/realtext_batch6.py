"""Which VietNews texts the sixth real-text batch holds (issue 17, session 6, 2026-12-03): a fresh
held-out part, chosen by batch 3's random rule with a new salt, written down before any text was
read and without the analyser.

Batch 5 was scored once by the coordinator during session 6 (21:25 UTC), and from then batches 1-5
may all be read and tuned on, so a second fresh part is needed that nobody tuned on. All of batch 6
is held out (``split: heldout6``, labels in ``heldout6.yaml``), to be scored once by the coordinator
at the end of the session (``bench/analysis.py --set real-heldout6``).

Rule (fixed before reading), batch 3's (``realtext_batch3.select``, its functions reused):

- folder ``data/test_tokenized`` of the manifest's commit;
- eligible: a file not in batches 1-5 (every manifest row before batch 6's own), with title, sapo
  and body, a body of 80-330 words and a Vietnamese place word (an old province name or "Việt Nam");
- order: sha256 of ``SALT + ":" + path``; take the first ``N`` in that order;
- a text whose title + sapo opening equals that of a text of batches 1-5 or one already taken here
  is dropped and the next one taken.

    python devtools/realtext_batch6.py CORPUS_DIR > batch6.tsv

CORPUS_DIR holds ``data/*_tokenized`` (``git archive a20d9b7f… data | tar -x``). Any prefix of the
output is itself a sample under the same rule (texts are labelled in this order).
"""

from __future__ import annotations

import sys
from pathlib import Path

from devtools import realtext_batch3

SALT = "presswatch-issue17-batch6-2026-12-03"
N = 120
SPLIT = "heldout6"


def select(corpus: Path) -> list[str]:
    return realtext_batch3.select(corpus, N, SALT, SPLIT)


if __name__ == "__main__":
    realtext_batch3.main(Path(sys.argv[1]), N, SALT, SPLIT)
