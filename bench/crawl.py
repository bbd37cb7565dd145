"""Crawl benchmark: Presswatch end to end vs news-please, over the same sample press.

    python bench/crawl.py [--repeat N] [--workers N] [--only presswatch|news-please] [--json FILE]

Each system runs in its own process against its own freshly started sample press (the flaky site
counts requests, so sharing one would hand the second system fewer failures):

- presswatch: ``python -m crawler.run`` over the six clean outlets (outlets.yaml) and the fault sites
  a plain HTTP crawler can read (``BENCH_FAULT_SITES``: legacy encodings, sitemap-only, paginated,
  flaky, redirects, robots, tracking duplicates, old markup); fetch, extract, analyse, index into
  the embedded SQLite index. The slow, dead and JavaScript sites are left out: they measure
  timeouts and a browser, not a crawler.
- news-please: the same outlets' article URLs, found the way its RSS/sitemap crawl finds them
  (feed, else sitemap and its children, else the section pages; robots.txt honoured), then
  ``NewsPlease.from_urls`` (threaded fetch, a process pool for extraction, on every core), each
  article written to a JSON file. URL discovery is timed as part of its run.

Printed per system: articles, wall seconds (process start to exit), articles/s, CPU seconds per
article (user+sys of the whole process tree), peak RSS of the tree, and extraction quality against
the sample press's ground truth: title exact, body token F1 (sapo + body, as bench/extraction.py
scores it), mean and worst-5.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib import robotparser

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.extraction import _with_lead, body_prf, same_title  # noqa: E402
from presswatch.sample_press import SampleArticle, SamplePress  # noqa: E402
from presswatch.sample_press.server import FAULT_REGISTRY, REGISTRY  # noqa: E402

BENCH_FAULT_SITES = (
    "baosongcau",
    "nhipsong",
    "truyenhinhbacson",
    "tinchop",
    "baophonui",
    "baokin",
    "tinmang",
    "baodoimoi",
)


def bench_registry(folder: Path) -> Path:
    """outlets.yaml plus the chosen fault sites, in one registry file."""
    clean = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))["outlets"]
    faults = [
        o
        for o in yaml.safe_load(FAULT_REGISTRY.read_text(encoding="utf-8"))["outlets"]
        if o["id"] in BENCH_FAULT_SITES
    ]
    path = folder / "bench-registry.yaml"
    path.write_text(yaml.safe_dump({"outlets": clean + faults}, allow_unicode=True), encoding="utf-8")
    return path


# --- measuring a process tree ---------------------------------------------------------------------


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="latin-1") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def measured(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run ``command``; wall time, CPU of the whole tree, peak RSS of the tree (sampled every 50 ms)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.05)
    wall = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"{command[2]} failed ({process.returncode}):\n{stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "peak_rss": peak}


# --- the two systems --------------------------------------------------------------------------------


def run_presswatch(press: SamplePress, registry: Path, folder: Path, workers: str) -> tuple[dict, dict]:
    data = folder / "presswatch"
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data),
        "PRESSWATCH_ELASTICSEARCH_URL": "",
        "PRESSWATCH_EXTRACT_WORKERS": workers,
    }
    stats_file = folder / "presswatch-stats.json"
    timing = measured(
        [
            sys.executable,
            "-m",
            "crawler.run",
            "--registry",
            str(registry),
            "--sample-url",
            press.base_url,
            "--stats",
            str(stats_file),
            "-s",
            "LOG_LEVEL=WARNING",
        ],
        env,
    )
    from search.backends.embedded import EmbeddedBackend

    index = EmbeddedBackend(data / "index.sqlite3")
    documents = {}
    for doc_id in index.ids():
        document = index.get(doc_id)
        documents[document.url] = {
            "title": document.title,
            "text": "\n\n".join(p for p in (document.sapo, document.body) if p),
        }
    index.close()
    stats = json.loads(stats_file.read_text())
    timing["crawl_seconds"] = float(stats.get("elapsed_time_seconds", 0.0))
    return timing, documents


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except (urllib.error.URLError, TimeoutError):
        return None


def discover(registry: Path, base_url: str) -> list[str]:
    """Article URLs the way a feed/sitemap crawler finds them (robots.txt honoured)."""
    from crawler.discovery import parse_feed, parse_section, parse_sitemap

    robots = robotparser.RobotFileParser(f"{base_url}/robots.txt")
    robots.read()
    urls: list[str] = []
    text = registry.read_text(encoding="utf-8").replace("{sample_press}", base_url)
    for outlet in yaml.safe_load(text)["outlets"]:
        found: list[str] = []
        for feed in outlet["feeds"][:1]:
            found += [link.url for link in parse_feed(_get(feed) or b"")]
        todo = [] if found else list(outlet["sitemaps"][:1])
        while todo:
            links, children = parse_sitemap(_get(todo.pop()) or b"")
            found += [link.url for link in links]
            todo += children
        if not found:
            for section in outlet["sections"]:
                page, prefix = section, section.rsplit("/", 1)[0] + "/"
                for _ in range(outlet.get("section_pages") or 5):
                    if not page or not robots.can_fetch("*", page):
                        break
                    import re

                    pattern = re.compile(outlet["article_pattern"]) if outlet.get("article_pattern") else None
                    links, page = parse_section(
                        (_get(page) or b"").decode("utf-8", "replace"), page, prefix, pattern
                    )
                    found += links
        urls += [u for u in dict.fromkeys(found) if robots.can_fetch("*", u)]
    return urls


def news_please_worker(registry: Path, base_url: str, out: Path) -> None:
    """In its own process: discover, fetch and extract with news-please, one JSON file per article."""
    import logging

    from newsplease import NewsPlease

    logging.disable(logging.CRITICAL)
    urls = discover(registry, base_url)
    # request_args must be a dict: from_urls reads its timeout for each extraction result.
    results = NewsPlease.from_urls(urls, request_args={"timeout": 60}, fetch_images=False)
    out.mkdir(parents=True, exist_ok=True)
    for number, (url, article) in enumerate(results.items()):
        if not article or not getattr(article, "title", None):
            continue
        record = {
            "url": url,
            "title": article.title or "",
            "text": _with_lead(article.maintext or "", article.description or ""),
        }
        (out / f"{number:05d}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def run_news_please(press: SamplePress, registry: Path, folder: Path) -> tuple[dict, dict]:
    out = folder / "news-please"
    timing = measured(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--news-please-worker",
            str(registry),
            press.base_url,
            str(out),
        ],
        dict(os.environ),
    )
    documents = {}
    for path in sorted(out.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        documents[record["url"]] = record
    return timing, documents


# --- scoring and the table --------------------------------------------------------------------------


def quality(press: SamplePress, truth: list[SampleArticle], documents: dict[str, dict]) -> dict[str, float]:
    from crawler.urls import canonicalize

    by_url = {canonicalize(url): doc for url, doc in documents.items()}
    f1s, titles = [], []
    for article in truth:
        doc = by_url.get(press.url_for(article))
        expected = "\n\n".join((article.sapo, *article.paragraphs))
        f1s.append(body_prf(doc["text"], expected)[2] if doc else 0.0)
        titles.append(bool(doc) and same_title(doc["title"], article.title))
    worst = sorted(f1s)[:5]
    return {
        "title_exact": statistics.mean(titles),
        "body_f1": statistics.mean(f1s),
        "body_f1_worst5": statistics.mean(worst),
        "found": sum(1 for f in f1s if f > 0),
    }


def one_run(system: str, folder: Path, workers: str) -> dict:
    with SamplePress() as press:
        press.warm()  # the sites' own rendering is not what is measured
        registry = bench_registry(folder)
        wanted = set(BENCH_FAULT_SITES)
        truth = list(press.articles) + [
            a for a in press.fault_articles if a.outlet_id in wanted and not a.path.startswith("/noi-bo/")
        ]
        if system == "presswatch":
            timing, documents = run_presswatch(press, registry, folder, workers)
        else:
            timing, documents = run_news_please(press, registry, folder)
        articles = len(documents)
        return {
            "system": system,
            "articles": articles,
            "expected": len(truth),
            **timing,
            "articles_per_s": articles / timing["wall"],
            "cpu_per_article": timing["cpu"] / max(1, articles),
            **quality(press, truth, documents),
        }


def table(rows: list[dict]) -> str:
    head = (
        "system",
        "articles",
        "wall s",
        "art/s",
        "crawl art/s",
        "CPU s/art",
        "peak RSS MB",
        "title exact",
        "body F1",
        "F1 worst-5",
    )
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for r in rows:
        crawl_rate = f"{r['articles'] / r['crawl_seconds']:.1f}" if r.get("crawl_seconds") else "–"
        lines.append(
            " | ".join(
                (
                    r["system"],
                    f"{r['articles']}/{r['expected']}",
                    f"{r['wall']:.1f}",
                    f"{r['articles_per_s']:.1f}",
                    crawl_rate,
                    f"{r['cpu_per_article'] * 1000:.0f} ms",
                    f"{r['peak_rss'] / 2**20:.0f}",
                    f"{r['title_exact']:.1%}",
                    f"{r['body_f1']:.3f}",
                    f"{r['body_f1_worst5']:.3f}",
                )
            )
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per system; the median run is shown")
    parser.add_argument("--workers", default="", help="PRESSWATCH_EXTRACT_WORKERS for the Presswatch run")
    parser.add_argument("--only", choices=("presswatch", "news-please"))
    parser.add_argument("--json", default="", help="also write the rows here")
    parser.add_argument(
        "--news-please-worker", nargs=3, metavar=("REGISTRY", "BASE_URL", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.news_please_worker:
        registry, base_url, out = args.news_please_worker
        news_please_worker(Path(registry), base_url, Path(out))
        return
    rows = []
    for system in ("presswatch", "news-please"):
        if args.only and system != args.only:
            continue
        runs = []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory(prefix="bench-crawl-") as folder:
                runs.append(one_run(system, Path(folder), args.workers))
        rows.append(sorted(runs, key=lambda r: r["articles_per_s"])[len(runs) // 2])
    print(f"{os.cpu_count()} cores; load average before the last run: {os.getloadavg()[0]:.1f}")
    print(table(rows))
    if len(rows) == 2:
        ours, theirs = rows
        speed = ours["articles_per_s"] / theirs["articles_per_s"]
        print(
            f"\nPresswatch / news-please: {speed:.1f}× articles/s, "
            f"{theirs['cpu_per_article'] / ours['cpu_per_article']:.1f}× less CPU per article"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
