"""Real dev split in two halves by sha256(manifest path) % 2, to measure overfitting honestly.

    PRESSWATCH_REALTEXT_DIR=/work/realtext python devtools/realtext_halves.py [--errors] [--half A|B|both]

Tune while looking only at half A's errors (``--errors`` lists them for half A only); report half
B's figures before and after: a rule that fits A's wording and not the topic should not raise B.
Only the dev part is read (never the held-out parts).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.analysis import print_report  # noqa: E402
from devtools.realtext import load_real_set, manifest  # noqa: E402


def half(path: str) -> str:
    """ "A" when sha256(path) is even, else "B" (the split devtools/tone_split.py reads too)."""
    return "AB"[hashlib.sha256(path.encode("utf-8")).digest()[-1] % 2]


def halves(items: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    rows = manifest()
    out: dict[str, list[dict[str, Any]]] = {"A": [], "B": []}
    for item in items:
        out[half(rows[item["id"]]["path"])].append(item)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list half A's misjudged articles")
    parser.add_argument("--half", default="both", choices=["A", "B", "both"])
    args = parser.parse_args()
    loaded = load_real_set("dev")
    if loaded.missing:
        print(f"({len(loaded.missing)} dev texts not found, scored without them)")
    parts = halves(loaded.items)
    wanted = ["A", "B"] if args.half == "both" else [args.half]
    for name in wanted:
        print_report(f"real dev half {name}", parts[name], args.errors and name == "A")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
