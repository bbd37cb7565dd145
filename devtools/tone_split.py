"""Tone accuracy on two fixed halves of the real-text dev part, to tune on one and check the other.

    PRESSWATCH_REALTEXT_DIR=/work/realtext python devtools/tone_split.py [--errors A|B|all] [--cues]

The halves are devtools/realtext_halves.py's (fixed by the text's path in ``manifest.tsv``: half A
holds the texts whose sha256(path) is even, half B the odd ones). Rules are tuned on A's errors;
B is the check that a rule is general (B's accuracy should not drop). Dev only: the held-out parts
are never read here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devtools.evaluate import to_document  # noqa: E402
from devtools.realtext import load_real_set, manifest  # noqa: E402
from devtools.realtext_halves import half  # noqa: E402
from search.analysis import analyze  # noqa: E402
from search.analysis.tone import LABELS  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--errors", choices=["A", "B", "all"], default=None, help="list the tone errors of a half"
    )
    parser.add_argument("--cues", action="store_true", help="with --errors: show each error's cues")
    args = parser.parse_args()
    rows = manifest()
    items = load_real_set("dev").items
    confusion: dict[str, dict[str, dict[str, int]]] = {
        h: {e: dict.fromkeys(LABELS, 0) for e in LABELS} for h in ("A", "B")
    }
    errors: list[tuple[str, dict[str, Any], Any]] = []
    for item in items:
        h = half(rows[item["id"]]["path"])
        tone = analyze(to_document(item)).tone
        confusion[h][item["tone"]][tone.label] += 1
        if tone.label != item["tone"]:
            errors.append((h, item, tone))
    for h in ("A", "B"):
        c = confusion[h]
        size = sum(sum(row.values()) for row in c.values())
        right = sum(c[label][label] for label in LABELS)
        rows_text = "  ".join(f"{e[:3]} " + "/".join(str(c[e][g]) for g in LABELS) for e in LABELS)
        print(f"half {h}: {right}/{size} = {right / size:.3f}   {rows_text}")
    total = sum(confusion[h][label][label] for h in ("A", "B") for label in LABELS)
    print(f"all: {total}/{len(items)} = {total / len(items):.3f}")
    if args.errors:
        for h, item, tone in errors:
            if args.errors not in ("all", h):
                continue
            print(f"\n[{h}] {item['id']} expected {item['tone']} got {tone.label} ({tone.score:.2f})")
            print(f"  T: {item['title']}")
            print(f"  S: {item['sapo'][:300]}")
            if args.cues:
                shown = [
                    f"{c['field'][0]}:{c['cue']}{'/' + c.get('modifier', '') * bool(c.get('modifier'))}"
                    f"={c['score']}"
                    for c in tone.cues
                ]
                print("  cues: " + ", ".join(shown)[:600])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
