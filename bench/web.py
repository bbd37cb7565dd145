"""Web benchmark: the search page (results + facets) on the embedded index, server time per request.

    python bench/web.py                   # 100k synthetic articles, 3 rounds of the query mix
    python bench/web.py --docs 20000 --rounds 1
    python bench/web.py --users 50        # 50 concurrent users through waitress, then the dev server

Indexes the synthetic corpus (bench/synthetic.py) into a temporary embedded index, logs in through
the real form with the Flask test client, then times full GET /search requests (query, backend
search, disjunctive facet counts, template rendering) over a fixed mix: the search benchmark's
queries alone, with filters, grouped by story, sorted by date. Prints p50/p95/max against the
goal p95 < 300 ms; the dashboard is timed too, for information.

With ``--users N`` it measures the served app instead (bench/web_load.py): N simulated staff with
their own logins, over HTTP, through ``presswatch run`` (waitress) and, in the same run, through
Werkzeug's development server; p50/p95/errors per server.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqdm import tqdm  # noqa: E402

from bench.synthetic import QUERIES, documents  # noqa: E402
from search.backends.embedded import EmbeddedBackend  # noqa: E402
from search.config import SearchConfig  # noqa: E402

GOAL_P95_MS = 300.0
END = date(2026, 11, 20)  # bench.synthetic's corpus ends on this day


def request_mix() -> list[dict[str, str | list[str]]]:
    """The search benchmark's queries as typed, then the same with what staff add on the page."""
    mix: list[dict[str, str | list[str]]] = [{"q": q} for q in QUERIES]
    month = {"from": (END - timedelta(days=29)).isoformat(), "to": END.isoformat()}
    mix += [
        {"q": '"an toàn giao thông"', "province": "Bắc Ninh"},
        {"q": "kien nghi", "tone": "negative", "sort": "date"},
        {"q": "", "province": "Bắc Ninh", **month},
        {"q": "chuyển đổi số", "kind": ["central-online", "central-daily"], "collapse": "1"},
        {"q": "đất đai", "topic": "Đất đai", "province": ["Bắc Ninh", "Hà Nội"], **month},
        {"q": "ô nhiễm OR nước thải", "sort": "date", "page": "3"},
        {"q": "giao*", "outlet": "outlet01", "tone": ["negative", "neutral"]},
        {"q": "", "collapse": "1", "sort": "date"},
    ]
    return mix


def index_corpus(path: Path, count: int, batch: int = 2000) -> float:
    backend = EmbeddedBackend(path)
    started = time.perf_counter()
    buffer = []
    with tqdm(total=count, unit="doc", desc="index embedded") as bar:
        for document in documents(count):
            buffer.append(document)
            if len(buffer) == batch:
                backend.index(buffer)
                bar.update(len(buffer))
                buffer = []
        if buffer:
            backend.index(buffer)
            bar.update(len(buffer))
    backend.close()
    return count / (time.perf_counter() - started)


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def timed(client, path: str, args: dict) -> float:
    started = time.perf_counter()
    response = client.get(path, query_string=args)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path} {args} -> {response.status_code}")
    return elapsed


def backend_only(app, mix: list[dict], rounds: int) -> list[float]:
    """The same requests straight to ``backend.search`` (one call each, facets on): what the index
    costs, so the page's own share (disjunctive facets, rendering) can be read off."""
    from werkzeug.datastructures import MultiDict

    from web import services
    from web.search_views import search_request_from_args

    timings = []
    with app.app_context():
        backend = services.backend()
        requests = [
            search_request_from_args(
                MultiDict([(k, v) for k, vs in a.items() for v in (vs if isinstance(vs, list) else [vs])]),
                app.config["PRESSWATCH_PAGE_SIZE"],
            )
            for a in mix
        ]
        for _ in range(rounds):
            for request in requests:
                started = time.perf_counter()
                backend.search(request)
                timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the request mix")
    parser.add_argument(
        "--index",
        type=Path,
        default=None,
        help="keep the embedded index here and reuse it when it exists (skips indexing)",
    )
    parser.add_argument("--users", type=int, default=0, help="concurrent users over HTTP (load mode)")
    parser.add_argument("--pages", type=int, default=20, help="pages each user opens (load mode)")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(1.0, 5.0),
        metavar=("MIN", "MAX"),
        help="seconds a user reads before the next page (load mode)",
    )
    args = parser.parse_args()
    if args.users:
        load(args)
        return

    from devtools.web_client import logged_in_client
    from presswatch.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        env = {"PRESSWATCH_DATA_DIR": str(data)}
        if args.index:
            env["PRESSWATCH_EMBEDDED_PATH"] = str(args.index)
        config = SearchConfig.from_env(env)
        rate = 0.0
        if not (args.index and args.index.exists()):
            rate = index_corpus(config.embedded_path, args.docs)
        app = create_app(
            {
                "PRESSWATCH_DATA_DIR": data,
                "PRESSWATCH_SEARCH": config,
                "SECRET_KEY": "bench",
                "PRESSWATCH_FOCUS_PROVINCE": "Bắc Ninh",
                "PRESSWATCH_DASHBOARD_CACHE_SECONDS": 0,
            }
        )  # time every dashboard build
        client = logged_in_client(app, "viewer")
        mix = request_mix()
        for request_args in mix:  # warm the page cache and SQLite's statement cache
            timed(client, "/search", request_args)
        search_ms = [timed(client, "/search", a) for _ in range(args.rounds) for a in mix]
        backend_ms = backend_only(app, mix, args.rounds)
        dashboard_ms = [
            timed(client, "/", {"end": END.isoformat(), "period": period})
            for _ in range(args.rounds)
            for period in ("day", "week", "month")
        ]

    indexed = f"{rate:,.0f} docs/s indexed" if rate else f"reused {args.index}"
    print(f"\n{args.docs:,} synthetic articles, embedded index ({indexed})")
    print(f"GET /search with facets: {len(mix)} requests x {args.rounds} rounds")
    print(f"{'page':<18} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    rows = (("search page", search_ms), ("  backend.search", backend_ms), ("dashboard", dashboard_ms))
    for name, values in rows:
        median, p95 = statistics.median(values), percentile(values, 95)
        print(f"{name:<18} {median:>8.1f} {p95:>8.1f} {max(values):>8.1f}")
    p95 = percentile(search_ms, 95)
    verdict = "meets" if p95 < GOAL_P95_MS else "MISSES"
    print(f"search page p95 {p95:.1f} ms {verdict} the goal of < {GOAL_P95_MS:.0f} ms")


def load(args: argparse.Namespace) -> None:
    from bench.web_load import run_load
    from devtools.web_client import make_user
    from presswatch.app import create_app
    from search.backends import SearchRequest, open_backend

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        env = {"PRESSWATCH_DATA_DIR": str(data), "PRESSWATCH_FOCUS_PROVINCE": "Bắc Ninh"}
        if args.index:
            env["PRESSWATCH_EMBEDDED_PATH"] = str(args.index)
        config = SearchConfig.from_env(env)
        if not (args.index and args.index.exists()):
            index_corpus(config.embedded_path, args.docs)
        backend = open_backend(config)
        article_ids = [
            hit.document.id
            for q in QUERIES
            for hit in backend.search(SearchRequest(query=q, limit=20, facets=False)).hits
        ]
        backend.close()
        app = create_app({"PRESSWATCH_DATA_DIR": data, "PRESSWATCH_SEARCH": config, "SECRET_KEY": "bench"})
        accounts = [make_user(app, "viewer", email=f"user{n}@bench.vn") for n in range(args.users)]
        run_load(
            data_dir=data,
            env_extra={k: v for k, v in env.items() if k != "PRESSWATCH_DATA_DIR"},
            users=args.users,
            pages=args.pages,
            think=tuple(args.think),
            mix=request_mix(),
            article_ids=article_ids,
            dashboard={"end": END.isoformat(), "period": "week"},
            goal_ms=GOAL_P95_MS,
            accounts=accounts,
        )
        print(f"{args.docs:,} synthetic articles, embedded index")


if __name__ == "__main__":
    main()
