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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqdm import tqdm  # noqa: E402

from bench.synthetic import QUERIES, documents  # noqa: E402
from search.backends import SearchRequest  # noqa: E402
from search.backends.elastic import ElasticsearchBackend  # noqa: E402
from search.backends.embedded import EmbeddedBackend  # noqa: E402
from search.node import Node  # noqa: E402


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
        timed(lambda: (mode.__exit__(None, None, None),
                       backend.refresh_now() if hasattr(backend, "refresh_now") else None))
    if node_cpu is not None:
        node_cpu = (node.cpu_seconds() - node_cpu) / count * 1e6
    return {"rate": count / indexing, "generated": count / generating, "cpu_us": cpu / count * 1e6,
            "node_cpu_us": node_cpu}


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


def latencies(backend, rounds: int) -> list[float]:
    timings = []
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            backend.search(SearchRequest(query=query, limit=20, facets=True))
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def print_per_query(results: dict) -> None:
    """Median per query: which queries make the p95 (``latencies`` runs them in QUERIES order)."""
    print(f"\n{'query':<44}" + "".join(f"{name:>15}" for name in results))
    for i, query in enumerate(QUERIES):
        medians = [statistics.median(timings[i::len(QUERIES)]) for _, timings in results.values()]
        print(f"{query[:43]!s:<44}" + "".join(f"{m:>12.1f} ms" for m in medians))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the 20-query mix")
    parser.add_argument("--skip-embedded", action="store_true")
    parser.add_argument("--cold", action="store_true",
                        help="measure a freshly started node's first documents too (no warm-up)")
    parser.add_argument("--crawl-settings", action="store_true",
                        help="index Elasticsearch with the crawl path's settings, not bulk-load mode")
    parser.add_argument("--per-query", action="store_true", help="also print each query's median latency")
    args = parser.parse_args()

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
        loaded = index_all(es, args.docs, mode=None if args.crawl_settings else es.bulk_load(optimize=False),
                           node=node)
        started = time.perf_counter()
        merged = es.optimize()
        loaded["merge"] = time.perf_counter() - started
        loaded["with_merge"] = args.docs / (args.docs / loaded["rate"] + loaded["merge"])
        print(f"merged {len(merged)} closed month(s) to one segment in {loaded['merge']:.1f} s")
        latencies(es, 1)  # warm caches
        results["elasticsearch"] = (loaded, latencies(es, args.rounds))
        if not args.skip_embedded:
            with tempfile.TemporaryDirectory() as tmp:
                embedded = EmbeddedBackend(Path(tmp) / "bench.sqlite3")
                indexed = index_all(embedded, args.docs)
                latencies(embedded, 1)
                results["embedded"] = (indexed, latencies(embedded, args.rounds))
    finally:
        if node:
            node.stop()
            shutil.rmtree(node.base_dir, ignore_errors=True)  # its data is this run's throwaway corpus

    generated = results["elasticsearch"][0]["generated"]
    print(f"\n{args.docs:,} synthetic articles, {len(QUERIES)} queries with facets x {args.rounds} rounds; "
          f"generating them (not timed): {generated:,.0f} docs/s; Elasticsearch "
          f"{'crawl settings' if args.crawl_settings else 'bulk-load mode'}")
    print(f"{'backend':<14} {'index docs/s':>13} {'merge s':>8} {'incl. merge':>12} {'p50 ms':>8} "
          f"{'p95 ms':>8} {'max ms':>8} {'CPU us/doc':>11} {'node CPU':>9}")
    for name, (indexed, timings) in results.items():
        node_cpu = f"{indexed['node_cpu_us']:>9,.0f}" if indexed["node_cpu_us"] is not None else f"{'-':>9}"
        merge = f"{indexed['merge']:>8.1f} {indexed['with_merge']:>12,.0f}" if "merge" in indexed else \
            f"{'-':>8} {'-':>12}"
        print(f"{name:<14} {indexed['rate']:>13,.0f} {merge} {statistics.median(timings):>8.1f} "
              f"{percentile(timings, 95):>8.1f} {max(timings):>8.1f} {indexed['cpu_us']:>11,.0f} {node_cpu}")
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end)")
    if args.per_query:
        print_per_query(results)
    if len(results) == 2:
        (es_run, es_t), (em_run, em_t) = results["elasticsearch"], results["embedded"]
        print(f"ratio embedded/elasticsearch: indexing {em_run['rate'] / es_run['rate']:.2f}x, "
              f"p95 latency {percentile(em_t, 95) / percentile(es_t, 95):.2f}x")


if __name__ == "__main__":
    main()
