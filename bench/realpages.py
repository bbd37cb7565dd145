"""Real-page benchmark: asserted facts on real Vietnamese article pages, per outlet, for Presswatch,
trafilatura and news-please in the same run.

    python bench/realpages.py [--only presswatch] [--folder DIR ...] [--show]
    PRESSWATCH_REALPAGES=/work/realpages-local python bench/realpages.py   # with the local-only pages

The pages are not in this repository (they belong to their outlets). ``tests/data/realpages/facts.json``
names each page, where it was published (repository, path, commit, licence), its sha256 and the
facts read off it by hand; the pages are looked for in the folder it names beside the checkout
(``shared/pages``: what CI has) and in any ``--folder`` or ``PRESSWATCH_REALPAGES`` folder
(``:``-separated). A page whose bytes do not match its sha256 is refused, not scored.

Facts per page, each one point, the same rule for every extractor (text = lead + body):
- title: exact after whitespace collapse and ``search.text.normalize``;
- time: the same minute (with its offset) when the page prints a time, the same day when it prints
  only a day;
- author: the same set of names (case and separators ignored); "" means the page credits no one;
- first, last: the article's first and last sentence (or the part given) are in the text;
- furniture absent: none of the listed strings (related headlines, widgets, the byline) is in the text.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Run as a script, bench/ is first on sys.path and bench/search.py would shadow the search package.
if str(REPO) not in sys.path[:1]:
    sys.path.insert(0, str(REPO))
FACTS = REPO / "tests" / "data" / "realpages" / "facts.json"
FACT_NAMES = ("title", "time", "author", "first", "last", "furniture")


def _bench():  # noqa: ANN202 - bench/extraction.py, loaded by path (bench/ is not a package)
    name = "presswatch_bench_extraction"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "extraction.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@dataclass
class Page:
    file: str
    outlet: str
    url: str
    facts: dict
    source: dict
    split: str = "dev"  # "heldout": scored before any change, no rule derived from it
    path: Path | None = None  # where the bytes were found (None: not available here)


def folders(extra: list[Path] | None = None) -> list[Path]:
    """Folders searched for pages: those given, PRESSWATCH_REALPAGES, then ../shared/pages."""
    found = list(extra or [])
    found += [Path(p) for p in os.environ.get("PRESSWATCH_REALPAGES", "").split(":") if p]
    return [*found, REPO.parent / "shared" / "pages"]


def load(extra: list[Path] | None = None) -> list[Page]:
    """Every page of facts.json, with the path of its verified bytes when a folder has them."""
    data = json.loads(FACTS.read_text(encoding="utf-8"))
    pages = []
    for entry in data["pages"]:
        page = Page(
            entry["file"],
            entry["outlet"],
            entry["url"],
            entry["facts"],
            entry["source"],
            entry.get("split", "dev"),
        )
        candidates = [folder / entry["file"] for folder in folders(extra)]
        if entry.get("folder"):
            candidates.append(REPO.parent / entry["folder"] / entry["file"])
        for candidate in candidates:
            if candidate.is_file():
                digest = hashlib.sha256(candidate.read_bytes()).hexdigest()
                if digest != entry["source"]["sha256"]:
                    raise ValueError(
                        f"{candidate}: sha256 {digest} is not the manifest's "
                        f"{entry['source']['sha256']}: a different page"
                    )
                page.path = candidate
                break
        pages.append(page)
    return pages


def same_time(predicted: datetime | None, facts: dict) -> bool:
    bench = _bench()
    if facts["precision"] == "day":
        return bench.same_day(predicted, facts["published"] + "T00:00:00+07:00")
    return bench.same_minute(predicted, facts["published"] + ":00+07:00")


def check(facts: dict, result) -> dict[str, bool]:  # noqa: ANN001 - bench.Result
    """Which of the page's facts the extraction got right."""
    bench = _bench()
    text = bench.normalize(" ".join(result.text.split()))
    present = lambda part: bench.normalize(" ".join(part.split())) in text  # noqa: E731
    expected_author = facts["author"]
    return {
        "title": bench.same_title(result.title, facts["title"]),
        "time": same_time(result.published, facts),
        "author": (
            bench.same_author(result.author, expected_author)
            if expected_author
            else not result.author.strip()
        ),
        "first": present(facts["first"]),
        "last": present(facts["last"]),
        "furniture": not any(present(part) for part in facts["absent"]),
    }


def score(pages: list[Page], extractor_name: str) -> dict[str, dict[str, bool]]:
    """{file: {fact: ok}} for the available pages."""
    bench = _bench()
    extractor = bench.EXTRACTORS[extractor_name]
    out = {}
    for page in pages:
        if page.path is None:
            continue
        try:
            result = extractor(page.path.read_bytes(), page.url)
        except Exception:  # noqa: BLE001 - a crashing extractor scores zero on that page, the run goes on
            result = bench.Result()
        out[page.file] = check(page.facts, result)
    return out


def per_outlet(pages: list[Page], results: dict[str, dict[str, dict[str, bool]]]) -> str:
    names = list(results)
    outlets: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        if page.path is not None:
            outlets[page.outlet].append(page)
    lines = [
        "| outlet | pages | facts | " + " | ".join(names) + " |",
        "| --- | ---: | ---: |" + " ---: |" * len(names),
    ]
    totals = {n: 0 for n in names}
    facts_total = 0
    for outlet, group in sorted(outlets.items()):
        count = len(group) * len(FACT_NAMES)
        facts_total += count
        cells = []
        for name in names:
            right = sum(ok for page in group for ok in results[name][page.file].values())
            totals[name] += right
            cells.append(f"{right}/{count}")
        lines.append(f"| {outlet} | {len(group)} | {count} | " + " | ".join(cells) + " |")
    pages_total = sum(len(g) for g in outlets.values())
    lines.append(
        f"| **all** | {pages_total} | {facts_total} | "
        + " | ".join(f"{totals[n]}/{facts_total} ({totals[n] / max(facts_total, 1):.1%})" for n in names)
        + " |"
    )
    by_fact = ["| fact | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
    for fact in FACT_NAMES:
        by_fact.append(
            f"| {fact} | "
            + " | ".join(f"{sum(r[fact] for r in results[n].values())}/{len(results[n])}" for n in names)
            + " |"
        )
    return "\n".join(lines) + "\n\n" + "\n".join(by_fact)


def installed(names: list[str]) -> list[str]:
    """The extractors whose package is importable here (news-please comes with the ``bench`` extra):
    a missing package is left out of the table, not scored as zero."""
    import importlib.util

    needs = {"trafilatura": "trafilatura", "news-please": "newsplease"}
    return [n for n in names if n not in needs or importlib.util.find_spec(needs[n]) is not None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=list(_bench().EXTRACTORS), action="append")
    parser.add_argument("--folder", type=Path, action="append", help="another folder holding pages")
    parser.add_argument("--show", action="store_true", help="list every missed fact")
    args = parser.parse_args()
    pages = load(args.folder)
    available = [p for p in pages if p.path is not None]
    print(f"{len(available)} of {len(pages)} pages available, {len({p.outlet for p in available})} outlets\n")
    names = args.only or list(_bench().EXTRACTORS)
    for name in sorted(set(names) - set(installed(names))):
        print(f"{name}: not installed here (pip install -e '.[bench]'), left out\n")
    results = {name: score(pages, name) for name in installed(names)}
    if args.show:
        for name, result in results.items():
            for file, facts in result.items():
                missed = [fact for fact, ok in facts.items() if not ok]
                if missed:
                    print(f"{name}: {file}: {', '.join(missed)}")
        print()
    print(per_outlet(pages, results))
    held = [p for p in pages if p.split == "heldout" and p.path is not None]
    if held:
        print(f"\nHeld-out pages only ({len(held)}):\n")
        print(per_outlet(held, {name: {p.file: r[p.file] for p in held} for name, r in results.items()}))


if __name__ == "__main__":
    main()
