"""Benchmark of search.analysis on the labelled set in tests/data/analysis/.

    python bench/analysis.py [--set dev|heldout|all|real-dev|real-heldout|real-heldout2|real-heldout3|
                              real-heldout4|real-heldout5|real-heldout6|real-shared|
                              real|corrections]
                             [--texts DIR] [--file FILE] [--errors] [--rounds 5]

``real-*`` are the real-article sets (tests/data/analysis/realtext/: labels and a manifest; the
texts are read from --texts, $PRESSWATCH_REALTEXT_DIR or ../shared/realtext, and real-shared from
../shared/pages). ``real-heldout`` is batch 1's held-out third, ``real-heldout2`` batch 2's,
``real-heldout3`` to ``real-heldout6`` batches 3-6 (fresh random samples, all held out; reported
apart so each is scored once, untouched by tuning). ``dev``/``heldout`` are the written-for-the-project
sets. ``corrections`` is
what staff corrected (``presswatch analysis export-corrections --out FILE``), read from --file.

Prints per-topic precision/recall/F1 and macro-F1, province P/R/F1 (old + new units, as
Document.provinces holds them), tone accuracy with its confusion table, and throughput of
``annotate`` (articles/s on one core, all default profiles). Goals: topic macro-F1 >= 0.90,
province F1 >= 0.95, tone accuracy >= 0.85, >= 1,000 articles/s.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from devtools.evaluate import evaluate, lengthen, load_set, throughput  # noqa: E402
from devtools.realtext import load_real_set  # noqa: E402
from search.analysis.tone import LABELS  # noqa: E402

DATA = REPO / "tests" / "data" / "analysis"
GOALS = {"macro_f1": 0.92, "province_f1": 0.97, "tone_accuracy": 0.88, "articles_per_s": 1000}
REAL = (
    "real-dev",
    "real-heldout",
    "real-heldout2",
    "real-heldout3",
    "real-heldout4",
    "real-heldout5",
    "real-heldout6",
    "real-shared",
)


def _build() -> str:
    """Whether the scanning modules ran compiled (search/analysis/_native.py)."""
    from search.analysis import COMPILED

    return "compiled scanning modules" if COMPILED else "pure Python (scripts/build_native.py compiles)"


def _pin_one_core() -> str:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        return "pinned to one core"
    except (AttributeError, OSError):
        return "single process (affinity not available)"


def print_report(name: str, items: list, show_errors: bool) -> dict[str, float]:
    report = evaluate(items)
    print(f"\n## {name}: {report.size} articles\n")
    print(f"| {'topic':<24} | {'P':>5} | {'R':>5} | {'F1':>5} | support |")
    print(f"|{'-' * 26}|{'-' * 7}|{'-' * 7}|{'-' * 7}|---------|")
    for topic, counts in report.topics.items():
        print(
            f"| {topic:<24} | {counts.precision:5.2f} | {counts.recall:5.2f} | {counts.f1:5.2f} | "
            f"{counts.tp + counts.fn:>7} |"
        )
    p = report.provinces
    print(
        f"\ntopic macro-F1 {report.macro_f1:.3f}   province P {p.precision:.3f} R {p.recall:.3f} "
        f"F1 {p.f1:.3f}   tone accuracy {report.tone_accuracy:.3f}"
    )
    print("\ntone confusion (rows: expected, columns: predicted)\n")
    print(f"| {'':<9} | " + " | ".join(f"{label:>8}" for label in LABELS) + " |")
    print(f"|{'-' * 11}|" + "|".join("-" * 10 for _ in LABELS) + "|")
    for label in LABELS:
        print(f"| {label:<9} | " + " | ".join(f"{report.tone_confusion[label][x]:>8}" for x in LABELS) + " |")
    if show_errors:
        print("\nerrors:")
        for error in report.errors:
            print(f"  {error['id']} {error['title'][:70]}")
            for key in ("topics", "provinces", "tone"):
                expected, got = error[key]
                if expected != got:
                    print(
                        f"      {key}: expected {expected} got {got}"
                        + (f" (score {error['tone_score']})" if key == "tone" else "")
                    )
    return {"macro_f1": report.macro_f1, "province_f1": p.f1, "tone_accuracy": report.tone_accuracy}


def _real(name: str, folder: Path | None) -> list:
    loaded = load_real_set(name, folder)
    if loaded.missing:
        print(f"(realtext/{name}.yaml: {len(loaded.missing)} texts not found, scored without them)")
    return loaded.items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set", default="all", choices=["dev", "heldout", "all", *REAL, "real", "corrections"]
    )
    parser.add_argument(
        "--texts",
        type=Path,
        default=None,
        help="folder holding the real-article texts (see realtext/manifest.tsv)",
    )
    parser.add_argument(
        "--file", type=Path, default=None, help="--set corrections: the file export-corrections wrote"
    )
    parser.add_argument("--errors", action="store_true", help="list every misjudged article")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the set for throughput")
    args = parser.parse_args()
    sets = {"dev": lambda: load_set(DATA / "dev.yaml"), "heldout": lambda: load_set(DATA / "heldout.yaml")}
    for name in REAL:
        sets[name] = lambda name=name: _real(name[5:], args.texts)
    if args.set == "corrections" and args.file is None:
        parser.error("--set corrections needs --file (from `presswatch analysis export-corrections --out`)")
    sets["corrections"] = lambda: load_set(args.file)
    chosen = {"all": ["dev", "heldout"], "real": list(REAL)}.get(args.set, [args.set])
    sets = {name: sets[name]() for name in chosen}
    for name in chosen:
        print_report(name, sets[name], args.errors)
    if args.set == "all":
        print_report("dev + heldout", sets["dev"] + sets["heldout"], False)
    how = _pin_one_core()
    items = [item for name in chosen for item in sets[name]]
    rate = throughput(items, args.rounds)
    words = sum(len(f"{i['title']} {i['sapo']} {i['body']}".split()) for i in items) / len(items)
    print(
        f"\nthroughput: {rate:,.0f} articles/s ({how}; {len(items)} articles of ~{words:.0f} words "
        f"x {args.rounds} rounds; 12 default profiles, places, tone and focus tone; {_build()})"
    )
    long_items = [lengthen(i) for i in items]
    long_rate = throughput(long_items, max(1, args.rounds // 2))
    long_words = sum(len(f"{i['title']} {i['sapo']} {i['body']}".split()) for i in long_items) / len(items)
    print(
        f"throughput, long articles: {long_rate:,.0f} articles/s (bodies repeated to ~{long_words:.0f} words)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
