"""Search benchmark: bulk indexing docs/s and query latency (p50/p95) on both backends.

    python bench/search.py                 # 100k synthetic articles
    python bench/search.py --docs 1000000  # the production-size run (Elasticsearch mostly)

Starts a local Elasticsearch node unless PRESSWATCH_ELASTICSEARCH_URL is set. Prints figures and
the embedded/Elasticsearch ratios measured in this same run.

Indexing docs/s is the backend's time only: each batch of synthetic documents is generated before
the clock starts for it (generation runs at a few thousand documents/s and would otherwise count
against the backend), and in the same way for both backends; the generation rate is printed on
its own. The clock covers ``backend.index`` for every batch and the final refresh, so everything
the backend does to make the documents searchable is counted. Elasticsearch loads in its
bulk-load mode (``ElasticsearchBackend.bulk_load``: no periodic refresh, asynchronous translog,
one refresh at the end), as a backfill would; ``--crawl-settings`` measures the crawl path's
settings instead (refresh every second, translog fsync per request). A bulk load ends by merging
the indices of closed months to one segment each; that merge is timed and printed on its own
("merge s"), queries run after it, and "incl. merge" counts it against indexing too. A node the
benchmark starts first indexes (and deletes) 10,000 other articles, so JIT compilation is not
counted; ``--cold`` skips that.

``--adversarial`` also measures what one hostile page does to everyone's searches (issue 16):
a 1 MB article that repeats the words of every benchmark query is added to and removed from each
index between rounds, the query mix runs newest first (so the article is on the first page of
every query it matches and gets a snippet) with and without it, and the two p95 are printed with
their ratio (the goal: within 10 %).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqdm import tqdm  # noqa: E402

from bench.synthetic import QUERIES, TZ, documents  # noqa: E402
from presswatch.elasticsearch_node import Node  # noqa: E402
from search.backends import SearchRequest  # noqa: E402
from search.backends.elastic import ElasticsearchBackend  # noqa: E402
from search.backends.embedded import EmbeddedBackend  # noqa: E402
from search.document import Document  # noqa: E402


def index_all(backend, count: int, batch: int = 2000, mode=None, node: Node | None = None) -> dict:
    """Backend docs/s and generation docs/s: only the backend's work is timed (``backend.index``,
    entering and leaving ``mode``, e.g. bulk-load mode, and the final refresh). Also the CPU time
    per document of this process (timed parts only) and of the local node, if any: on a shared
    box those move much less than wall-clock rates."""
    indexing = generating = cpu = 0.0
    node_cpu = node.cpu_seconds() if node else None
    source = documents(count)
    mode = mode or contextlib.nullcontext()

    def timed(fn) -> None:
        nonlocal indexing, cpu
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        indexing += time.perf_counter() - started
        cpu += time.process_time() - started_cpu

    timed(mode.__enter__)
    with tqdm(total=count, unit="doc", desc=f"index {backend.name}") as bar:
        while True:
            started = time.perf_counter()
            buffer = list(itertools.islice(source, batch))
            generating += time.perf_counter() - started
            if not buffer:
                break
            timed(lambda: backend.index(buffer))  # noqa: B023 - called right away
            bar.update(len(buffer))
        timed(
            lambda: (
                mode.__exit__(None, None, None),
                backend.refresh_now() if hasattr(backend, "refresh_now") else None,
            )
        )
    if node_cpu is not None:
        node_cpu = (node.cpu_seconds() - node_cpu) / count * 1e6
    return {
        "rate": count / indexing,
        "generated": count / generating,
        "cpu_us": cpu / count * 1e6,
        "node_cpu_us": node_cpu,
    }


def warm_up(url: str, count: int = 10_000) -> None:
    """Index (then delete) other synthetic articles, so a freshly started node's JIT compilation
    is not counted as indexing cost: a production node runs for weeks."""
    backend = ElasticsearchBackend(url, f"warmup-{uuid.uuid4().hex[:6]}")
    with backend.bulk_load():
        source = documents(count, seed=7)
        while buffer := list(itertools.islice(source, 2000)):
            backend.index(buffer)
    backend.client.indices.delete(index=f"{backend.alias}-*")
    backend.client.indices.delete_index_template(name=f"{backend.alias}-g*")
    backend.close()


def latencies(backend, rounds: int, sort: str = "relevance") -> list[float]:
    timings = []
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            backend.search(SearchRequest(query=query, limit=20, facets=True, sort=sort))
            timings.append((time.perf_counter() - started) * 1000)
    return timings


# Every benchmark query's words in one sentence, so the hostile article matches nearly all of them.
HOSTILE_SENTENCE = (
    "An toàn giao thông, kiến nghị của cử tri Bắc Ninh về giải phóng mặt bằng và thu hồi "
    "đất, ô nhiễm nước thải, chuyển đổi số và chính quyền số, giao lưu, đầu tư công, lễ hội "
    "quan họ, tai nạn, đất đai, tăng trưởng kinh tế GRDP, ma túy, lừa đảo bị triệt phá, "
    "an toàn thực phẩm. "
)


def hostile_article(size: int = 1_000_000) -> Document:
    """A 1 MB article repeating the words of every benchmark query: the page that once made a
    search for "giao thông" take 81 s (snippets were quadratic in a document's matches)."""
    return Document(
        url="https://outlet01.vn/bai-doc-hai.html",
        outlet_id="outlet01",
        outlet_kind="provincial-party-paper",
        title="Bắc Ninh: " + HOSTILE_SENTENCE[:120],
        sapo=HOSTILE_SENTENCE,
        body=HOSTILE_SENTENCE * (size // len(HOSTILE_SENTENCE)),
        provinces=["Bắc Ninh", "Hà Nội"],
        topics=["Đầu tư công"],
        tone="negative",
        published_at=datetime(2026, 11, 20, 22, tzinfo=TZ) + timedelta(minutes=1),
    )


def adversarial(backend, rounds: int) -> dict:
    """p95 of the query mix (newest first) without and with the hostile article, in alternating
    rounds so both see the same load; and on how many result pages the article was."""
    article = hostile_article()
    refresh = getattr(backend, "refresh_now", lambda: None)
    timings: dict[str, list[float]] = {"without": [], "with": []}
    for _ in range(rounds):
        for phase in ("without", "with"):
            if phase == "with":
                backend.index([article])
            else:
                backend.delete(article.id)
            refresh()
            latencies(backend, 1, sort="date")  # the first search after a change syncs/refreshes
            timings[phase] += latencies(backend, 1, sort="date")
    shown = sum(
        any(
            hit.document.id == article.id
            for hit in backend.search(SearchRequest(query=query, limit=20, sort="date")).hits
        )
        for query in QUERIES
    )
    backend.delete(article.id)
    refresh()
    p95 = {phase: percentile(values, 95) for phase, values in timings.items()}
    return {**p95, "ratio": p95["with"] / p95["without"], "shown": shown, "size": len(article.body)}


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def print_per_query(results: dict) -> None:
    """Median per query: which queries make the p95 (``latencies`` runs them in QUERIES order)."""
    print(f"\n{'query':<44}" + "".join(f"{name:>15}" for name in results))
    for i, query in enumerate(QUERIES):
        medians = [statistics.median(timings[i :: len(QUERIES)]) for _, timings in results.values()]
        print(f"{query[:43]!s:<44}" + "".join(f"{m:>12.1f} ms" for m in medians))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the 20-query mix")
    parser.add_argument("--skip-embedded", action="store_true")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="measure a freshly started node's first documents too (no warm-up)",
    )
    parser.add_argument(
        "--crawl-settings",
        action="store_true",
        help="index Elasticsearch with the crawl path's settings, not bulk-load mode",
    )
    parser.add_argument("--per-query", action="store_true", help="also print each query's median latency")
    parser.add_argument(
        "--adversarial",
        action="store_true",
        help="also measure p95 with a 1 MB hostile article in the index (issue 16)",
    )
    args = parser.parse_args()
    hostile = {}

    results = {}
    node = None
    url = os.environ.get("PRESSWATCH_ELASTICSEARCH_URL")
    if not url:
        node = Node(name=f"bench-{uuid.uuid4().hex[:6]}", heap="2g").start()
        url = node.url
    try:
        if node and not args.cold:
            warm_up(url)
        es = ElasticsearchBackend(url, f"bench-{uuid.uuid4().hex[:6]}", refresh=False)
        es.ensure_index()
        loaded = index_all(
            es, args.docs, mode=None if args.crawl_settings else es.bulk_load(optimize=False), node=node
        )
        started = time.perf_counter()
        merged = es.optimize()
        loaded["merge"] = time.perf_counter() - started
        loaded["with_merge"] = args.docs / (args.docs / loaded["rate"] + loaded["merge"])
        print(f"merged {len(merged)} closed month(s) to one segment in {loaded['merge']:.1f} s")
        latencies(es, 1)  # warm caches
        results["elasticsearch"] = (loaded, latencies(es, args.rounds))
        if args.adversarial:
            hostile["elasticsearch"] = adversarial(es, args.rounds)
        if not args.skip_embedded:
            with tempfile.TemporaryDirectory() as tmp:
                embedded = EmbeddedBackend(Path(tmp) / "bench.sqlite3")
                indexed = index_all(embedded, args.docs)
                latencies(embedded, 1)
                results["embedded"] = (indexed, latencies(embedded, args.rounds))
                if args.adversarial:
                    hostile["embedded"] = adversarial(embedded, args.rounds)
    finally:
        if node:
            node.stop()
            shutil.rmtree(node.base_dir, ignore_errors=True)  # its data is this run's throwaway corpus

    generated = results["elasticsearch"][0]["generated"]
    print(
        f"\n{args.docs:,} synthetic articles, {len(QUERIES)} queries with facets x {args.rounds} rounds; "
        f"generating them (not timed): {generated:,.0f} docs/s; Elasticsearch "
        f"{'crawl settings' if args.crawl_settings else 'bulk-load mode'}"
    )
    print(
        f"{'backend':<14} {'index docs/s':>13} {'merge s':>8} {'incl. merge':>12} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'max ms':>8} {'CPU us/doc':>11} {'node CPU':>9}"
    )
    for name, (indexed, timings) in results.items():
        node_cpu = f"{indexed['node_cpu_us']:>9,.0f}" if indexed["node_cpu_us"] is not None else f"{'-':>9}"
        merge = (
            f"{indexed['merge']:>8.1f} {indexed['with_merge']:>12,.0f}"
            if "merge" in indexed
            else f"{'-':>8} {'-':>12}"
        )
        print(
            f"{name:<14} {indexed['rate']:>13,.0f} {merge} {statistics.median(timings):>8.1f} "
            f"{percentile(timings, 95):>8.1f} {max(timings):>8.1f} {indexed['cpu_us']:>11,.0f} {node_cpu}"
        )
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end)")
    if args.per_query:
        print_per_query(results)
    for name, figures in hostile.items():
        print(
            f"{name}: a {figures['size'] / 1e6:.1f} MB hostile article (on {figures['shown']} of "
            f"{len(QUERIES)} first pages), newest first: p95 {figures['without']:.1f} ms without, "
            f"{figures['with']:.1f} ms with it ({figures['ratio']:.2f}x)"
        )
    if len(results) == 2:
        (es_run, es_t), (em_run, em_t) = results["elasticsearch"], results["embedded"]
        print(
            f"ratio embedded/elasticsearch: indexing {em_run['rate'] / es_run['rate']:.2f}x, "
            f"p95 latency {percentile(em_t, 95) / percentile(es_t, 95):.2f}x"
        )


if __name__ == "__main__":
    main()
