"""Search benchmark: bulk indexing docs/s and query latency (p50/p95) on both backends.

    python bench/search.py                 # 100k synthetic articles
    python bench/search.py --docs 1000000  # the production-size run (Elasticsearch mostly)

Starts a local Elasticsearch node unless PRESSWATCH_ELASTICSEARCH_URL is set. Prints figures and
the embedded/Elasticsearch ratios measured in this same run.
"""

from __future__ import annotations

import argparse
import os
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


def index_all(backend, count: int, batch: int = 2000) -> float:
    started = time.perf_counter()
    buffer = []
    with tqdm(total=count, unit="doc", desc=f"index {backend.name}") as bar:
        for document in documents(count):
            buffer.append(document)
            if len(buffer) == batch:
                backend.index(buffer)
                bar.update(len(buffer))
                buffer = []
        if buffer:
            backend.index(buffer)
            bar.update(len(buffer))
    if hasattr(backend, "refresh_now"):
        backend.refresh_now()
    return count / (time.perf_counter() - started)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the 20-query mix")
    parser.add_argument("--skip-embedded", action="store_true")
    args = parser.parse_args()

    results = {}
    node = None
    url = os.environ.get("PRESSWATCH_ELASTICSEARCH_URL")
    if not url:
        node = Node(name=f"bench-{uuid.uuid4().hex[:6]}", heap="2g").start()
        url = node.url
    try:
        es = ElasticsearchBackend(url, f"bench-{uuid.uuid4().hex[:6]}", refresh=False)
        es.ensure_index()
        es.client.indices.put_settings(index=f"{es.alias}-*", settings={"refresh_interval": "30s"})
        rate = index_all(es, args.docs)
        latencies(es, 1)  # warm caches
        results["elasticsearch"] = (rate, latencies(es, args.rounds))
        if not args.skip_embedded:
            with tempfile.TemporaryDirectory() as tmp:
                embedded = EmbeddedBackend(Path(tmp) / "bench.sqlite3")
                rate = index_all(embedded, args.docs)
                latencies(embedded, 1)
                results["embedded"] = (rate, latencies(embedded, args.rounds))
    finally:
        if node:
            node.stop()

    print(f"\n{args.docs:,} synthetic articles, {len(QUERIES)} queries with facets x {args.rounds} rounds")
    print(f"{'backend':<14} {'index docs/s':>13} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, (rate, timings) in results.items():
        print(f"{name:<14} {rate:>13,.0f} {statistics.median(timings):>8.1f} "
              f"{percentile(timings, 95):>8.1f} {max(timings):>8.1f}")
    if len(results) == 2:
        (es_rate, es_t), (em_rate, em_t) = results["elasticsearch"], results["embedded"]
        print(f"ratio embedded/elasticsearch: indexing {em_rate / es_rate:.2f}x, "
              f"p95 latency {percentile(em_t, 95) / percentile(es_t, 95):.2f}x")


if __name__ == "__main__":
    main()
