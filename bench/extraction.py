"""Extraction benchmark: Presswatch vs trafilatura alone vs news-please on the labelled set.

    python bench/extraction.py [--only presswatch] [--pages 'vgp-*'] [--show N] [--real-only]

First the real-pages row (bench/realpages.py's facts per outlet, then CPU per page for Presswatch,
trafilatura and a bare lxml parse, same pages, same run). Then the labelled set:
reads tests/data/extraction/pages/*.html and labels.json (see that folder's README.md). Prints, per
extractor: body token precision/recall/F1 (mean and the five worst pages), title exact, date exact
to the minute with the right offset, author exact. The scoring functions are shared with the test
that enforces the quality floors (tests/crawler/test_extract_quality.py).

Scoring rules, the same for every extractor:
- body: bag-of-tokens overlap with the labelled main text (sapo + body), tokens from search.text
  (exact form, lower-case). Competitors do not separate the sapo, so the lead counts as text for
  all three; their description is prepended when their text does not already contain it.
- title: exact after whitespace collapse and search.text.normalize.
- date: same instant to the minute; a naive value (news-please) is read as Vietnamese local time,
  a date without a time (trafilatura's default) cannot match a labelled time.
- author: same set of names, compared folded for case and separators (" - ", ",", ";", "và").
- sapo: exact like the title; for the competitors, their description (usually the meta description).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from search.config import LOCAL_TZ as LOCAL  # noqa: E402
from search.text import normalize, tokens  # noqa: E402

DATA = REPO / "tests" / "data" / "extraction"


@dataclass
class Result:
    title: str = ""
    text: str = ""  # main text incl. the lead
    published: datetime | None = None
    author: str = ""
    sapo: str = ""


@dataclass
class Score:
    file: str
    precision: float
    recall: float
    f1: float
    title: bool
    date: bool
    day: bool
    author: bool
    sapo: bool


def load_labels(pattern: str = "*") -> list[dict]:
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    return [label for label in labels if fnmatch.fnmatch(label["file"], pattern)]


def body_prf(predicted: str, expected: str) -> tuple[float, float, float]:
    got, want = Counter(tokens(predicted, folded=False)), Counter(tokens(expected, folded=False))
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def same_title(predicted: str, expected: str) -> bool:
    return normalize(" ".join(predicted.split())) == normalize(" ".join(expected.split()))


def same_minute(predicted: datetime | None, expected: str) -> bool:
    if predicted is None:
        return False
    if predicted.tzinfo is None:
        predicted = predicted.replace(tzinfo=LOCAL)
    want = datetime.fromisoformat(expected)
    return predicted.astimezone(LOCAL).replace(second=0, microsecond=0) == want.astimezone(LOCAL).replace(
        second=0, microsecond=0
    )


def author_names(text: str) -> set[str]:
    parts = re.split(r"\s+[-–]\s+|[,;]|\s+và\s+", normalize(text or "").casefold())
    return {" ".join(p.split()) for p in parts if p.strip()}


def same_day(predicted: datetime | None, expected: str) -> bool:
    if predicted is None:
        return False
    if predicted.tzinfo is None:
        predicted = predicted.replace(tzinfo=LOCAL)
    return predicted.astimezone(LOCAL).date() == datetime.fromisoformat(expected).astimezone(LOCAL).date()


def same_author(predicted: str, expected: str) -> bool:
    return author_names(predicted) == author_names(expected)


def score(label: dict, result: Result) -> Score:
    expected_text = "\n\n".join(part for part in (label["sapo"], label["body"]) if part)
    precision, recall, f1 = body_prf(result.text, expected_text)
    return Score(
        label["file"],
        precision,
        recall,
        f1,
        same_title(result.title, label["title"]),
        same_minute(result.published, label["published_at"]),
        same_day(result.published, label["published_at"]),
        same_author(result.author, label["author"]),
        same_title(result.sapo, label["sapo"]),
    )


def presswatch(page: bytes, url: str) -> Result:
    from crawler.extract import extract_article

    extraction = extract_article(page, url)
    if not extraction.ok:
        return Result()
    article = extraction.article
    return Result(
        article.title,
        "\n\n".join(p for p in (article.sapo, article.body) if p),
        article.published_at,
        article.author,
        article.sapo,
    )


def _with_lead(text: str, lead: str) -> str:
    """Competitors' text with their description in front, unless the text already holds it."""
    lead = " ".join((lead or "").split())
    if lead and normalize(lead[:60]) not in normalize(" ".join(text.split())):
        return f"{lead}\n\n{text}"
    return text


def trafilatura_alone(page: bytes, url: str) -> Result:
    import trafilatura

    text = trafilatura.extract(page, url=url) or ""
    meta = trafilatura.extract_metadata(page, default_url=url)
    if meta is None:
        return Result(text=text)
    published = None
    if meta.date:
        try:
            published = datetime.fromisoformat(meta.date)
        except ValueError:
            published = None
    # trafilatura's default date is a day ("2023-10-10"): it can only match a label at 00:00.
    return Result(
        meta.title or "",
        _with_lead(text, meta.description or ""),
        published,
        meta.author or "",
        meta.description or "",
    )


def news_please(page: bytes, url: str) -> Result:
    from newsplease import NewsPlease
    from w3lib.encoding import html_to_unicode

    # news-please takes text: decode as a crawler would (HTTP header/BOM/<meta charset>, else UTF-8).
    _, text = html_to_unicode(None, page)
    article = NewsPlease.from_html(text, url=url, fetch_images=False)
    if article is None:
        return Result()
    authors = " - ".join(article.authors or [])
    return Result(
        article.title or "",
        _with_lead(article.maintext or "", article.description or ""),
        article.date_publish,
        authors,
        article.description or "",
    )


EXTRACTORS: dict[str, Callable[[bytes, str], Result]] = {
    "presswatch": presswatch,
    "trafilatura": trafilatura_alone,
    "news-please": news_please,
}


def run(name: str, labels: list[dict]) -> tuple[list[Score], float]:
    extractor = EXTRACTORS[name]
    scores, started = [], time.perf_counter()
    for label in labels:
        page = (DATA / "pages" / label["file"]).read_bytes()
        try:
            result = extractor(page, label["url"])
        except Exception:  # noqa: BLE001 - a crashing extractor scores zero on that page, the run goes on
            result = Result()
        scores.append(score(label, result))
    return scores, time.perf_counter() - started


def summary(scores: list[Score]) -> dict[str, float]:
    worst = sorted(s.f1 for s in scores)[:5]
    return {
        "precision": statistics.mean(s.precision for s in scores),
        "recall": statistics.mean(s.recall for s in scores),
        "f1": statistics.mean(s.f1 for s in scores),
        "f1_worst": worst[0] if worst else 0.0,
        "f1_worst5": statistics.mean(worst) if worst else 0.0,
        "title": statistics.mean(s.title for s in scores),
        "date": statistics.mean(s.date for s in scores),
        "day": statistics.mean(s.day for s in scores),
        "author": statistics.mean(s.author for s in scores),
        "sapo": statistics.mean(s.sapo for s in scores),
    }


def table(results: dict[str, dict[str, float]], seconds: dict[str, float], pages: int) -> str:
    rows = [
        ("body precision (mean)", "precision"),
        ("body recall (mean)", "recall"),
        ("body F1 (mean)", "f1"),
        ("body F1 (worst page)", "f1_worst"),
        ("body F1 (mean of worst 5)", "f1_worst5"),
        ("title exact", "title"),
        ("date exact to the minute", "date"),
        ("date, same day only", "day"),
        ("author exact", "author"),
        ("sapo exact (their description)", "sapo"),
    ]
    names = list(results)
    out = [f"| metric ({pages} pages) | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
    for caption, key in rows:
        out.append(f"| {caption} | " + " | ".join(f"{results[n][key]:.3f}" for n in names) + " |")
    out.append("| seconds (whole set) | " + " | ".join(f"{seconds[n]:.1f}" for n in names) + " |")
    return "\n".join(out)


def lxml_parse(page: bytes, url: str) -> None:
    from lxml import html as lxml_html

    lxml_html.document_fromstring(page)


def _realpages():  # noqa: ANN202 - bench/realpages.py, loaded by path (bench/ is not a package)
    import importlib.util

    name = "presswatch_bench_realpages"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "realpages.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def real_pages() -> list[tuple[bytes, str]]:
    """Every real page available here (bench/realpages.py: ../shared/pages and PRESSWATCH_REALPAGES),
    checked against its sha256, with its URL."""
    return [(page.path.read_bytes(), page.url) for page in _realpages().load() if page.path is not None]


def real_page_cost(pages: list[tuple[bytes, str]], rounds: int = 5) -> dict[str, float]:
    """Milliseconds of CPU per real page (``time.process_time``, best of ``rounds``, one process):
    Presswatch, trafilatura (text and metadata, as in the table above) and a bare lxml parse of the
    same bytes, measured in the same run so the ratios hold on any machine."""
    cost: dict[str, float] = {}
    for name, extractor in (
        ("presswatch", presswatch),
        ("trafilatura", trafilatura_alone),
        ("lxml parse", lxml_parse),
    ):
        extractor(*pages[0])  # imports and caches are not a page's cost
        best = float("inf")
        for _ in range(rounds):
            started = time.process_time()
            for page, url in pages:
                extractor(page, url)
            best = min(best, (time.process_time() - started) / len(pages) * 1000)
        cost[name] = best
    return cost


def cost_table(cost: dict[str, float], pages: int, kilobytes: float) -> str:
    names = list(cost)
    per_page = " | ".join(f"{cost[n]:.1f}" for n in names)
    ratios = " | ".join(f"{cost[n] / cost['trafilatura']:.2f}" for n in names)
    return "\n".join(
        [
            "| real pages | " + " | ".join(names) + " |",
            "| --- |" + " ---: |" * len(names),
            f"| CPU ms per page ({pages} pages, mean {kilobytes:.0f} KB, best of 5) | {per_page} |",
            f"| ratio to trafilatura | {ratios} |",
        ]
    )


def real_pages_row(names: list[str]) -> str:
    """The real-pages row: facts per outlet for each extractor, then the CPU cost per page, on the
    same pages in the same run."""
    realpages = _realpages()
    pages = realpages.load()
    available = [p for p in pages if p.path is not None]
    if not available:
        return "no real pages here (../shared/pages, PRESSWATCH_REALPAGES)"
    names = realpages.installed(names)
    facts = realpages.per_outlet(pages, {name: realpages.score(pages, name) for name in names})
    held = [p for p in pages if p.split == "heldout"]
    if any(p.path is not None for p in held):
        facts += "\n\nHeld-out pages only:\n\n" + realpages.per_outlet(
            held, {name: realpages.score(held, name) for name in names}
        )
    data = [(p.path.read_bytes(), p.url) for p in available]
    kilobytes = sum(len(b) for b, _ in data) / len(data) / 1024
    return facts + "\n\n" + cost_table(real_page_cost(data), len(data), kilobytes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=list(EXTRACTORS), action="append")
    parser.add_argument("--pages", default="*", help="glob on page file names, e.g. 'tcvn3-*'")
    parser.add_argument("--show", type=int, default=5, help="list this many worst pages per extractor")
    parser.add_argument(
        "--real-only",
        "--cost-only",
        action="store_true",
        help="only the real-pages row: facts per outlet and CPU per page on the real "
        "pages (../shared/pages and PRESSWATCH_REALPAGES)",
    )
    args = parser.parse_args()
    print(real_pages_row(args.only or list(EXTRACTORS)) + "\n")
    if args.real_only:
        return
    labels = load_labels(args.pages)
    held_out = [i for i, label in enumerate(labels) if label.get("split") == "heldout"]
    results, seconds, held = {}, {}, {}
    for name in args.only or list(EXTRACTORS):
        scores, seconds[name] = run(name, labels)
        results[name] = summary(scores)
        if held_out:
            held[name] = summary([scores[i] for i in held_out])
        worst = sorted(scores, key=lambda s: s.f1)[: args.show]
        misses = [
            s.file
            + ":"
            + "".join(flag for flag, ok in (("T", s.title), ("D", s.date), ("A", s.author)) if not ok)
            for s in scores
            if not (s.title and s.date and s.author)
        ]
        print(f"{name}: worst body F1 " + ", ".join(f"{s.file} {s.f1:.3f}" for s in worst))
        print(f"{name}: field misses ({len(misses)}) " + " ".join(misses[:40]))
    print()
    print(table(results, seconds, len(labels)))
    if held and len(held_out) < len(labels):
        print(f"\nHeld-out families only ({len(held_out)} pages; seconds are for the whole set):\n")
        print(table(held, seconds, len(held_out)))


if __name__ == "__main__":
    main()
