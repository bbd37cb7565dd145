"""Everything ``annotate`` decides, for a large set of articles, as one JSON file: run it before and
after a change that must not change any output (a speed-up) and compare the files byte for byte.

    PRESSWATCH_REALTEXT_DIR=/work/realtext python devtools/analysis_dump.py OUT.json [--no-sample]

The set: the real-text sets (dev, held-out, shared — only their texts are used here, never their
labels), the written dev and held-out sets, each of those with its body repeated to ~600 words
(``lengthen``), and the sample press corpus. Per article: topics, provinces, tone and the full
``explanations`` (topic terms and hits, place evidence and ignored names, tone cues, focus tone),
plus the focus tone toward every province the article names, so the sentence-scoped path is
exercised on most articles and not only for the default focus province.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from devtools.evaluate import lengthen, load_set, to_document  # noqa: E402
from devtools.realtext import load_real_set  # noqa: E402
from search.analysis import analyze, annotate  # noqa: E402
from search.analysis.gazetteer import default_gazetteer  # noqa: E402

DATA = REPO / "tests" / "data" / "analysis"


def _items(sample: bool) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for name in ("dev", "heldout", "shared"):
        try:
            items += load_real_set(name, None).items
        except (OSError, ValueError) as error:  # texts not on this machine: say so, go on
            print(f"real {name}: skipped ({error})", file=sys.stderr)
    items += load_set(DATA / "dev.yaml") + load_set(DATA / "heldout.yaml")
    items += [lengthen(item) for item in items]
    if sample:
        from presswatch.sample_press.corpus import build_corpus

        for article in build_corpus(date(2025, 11, 20)):
            items.append(
                {
                    "id": f"sample-{article.article_id}",
                    "title": article.title,
                    "sapo": article.sapo,
                    "body": "\n".join(article.paragraphs),
                }
            )
    return items


def dump(sample: bool = True) -> dict[str, Any]:
    g = default_gazetteer()
    out: dict[str, Any] = {}
    for number, item in enumerate(_items(sample)):
        document = annotate(to_document(item))
        focus = {}
        for province in document.provinces or []:
            new = g.resolve(province)
            if new and new not in focus:
                result = analyze(to_document(item), new)
                focus[new] = result.explanations()["tone"]["focus"]
        out[f"{number}:{item.get('id', '')}"] = {
            "topics": document.topics,
            "provinces": document.provinces,
            "tone": document.tone,
            "explanations": document.explanations,
            "focus": focus,
        }
    return out


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    result = dump(sample="--no-sample" not in sys.argv)
    Path(sys.argv[1]).write_text(
        json.dumps(result, ensure_ascii=False, sort_keys=True, indent=0, default=str), encoding="utf-8"
    )
    print(f"{len(result)} articles -> {sys.argv[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
