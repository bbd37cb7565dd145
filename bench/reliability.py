"""Reliability figures: fuzzed inputs, XSS payloads, load held, faults survived → docs/RELIABILITY.md.

    python bench/reliability.py              # everything (starts Elasticsearch for the fault runs)
    python bench/reliability.py --quick      # fuzz, payloads and load only

Every figure is measured in this run; the Markdown table is rewritten from them.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

REPO = Path(__file__).resolve().parent.parent
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '"><script>alert(1)</script>',
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=javascript:alert(1)>",
    "<body onload=alert(1)>",
    "'';!--\"<XSS>=&{()}",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "{{7*7}}",
    "${7*7}",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
]


def live_markup(page: str) -> list[str]:
    """Markup a browser would run: a script or handler carrying a payload, a javascript: URL."""
    from lxml import html as lxml_html

    found = []
    tree = lxml_html.document_fromstring(page)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "script" and "alert" in (element.text or ""):
            found.append("script")
        for name, value in element.attrib.items():
            if name.lower().startswith("on") and "alert" in value:
                found.append(f"{element.tag}[{name}]")
            if name.lower() in ("href", "src", "action") and value.strip().lower().startswith("javascript:"):
                found.append(f"{element.tag}[{name}]")
    return found


def fuzz(count: int) -> dict[str, tuple[int, int]]:
    """(inputs, crashes) per target: any exception other than the documented error is a crash."""
    from crawler.extract import extract_article
    from crawler.extract.pipeline import CRASHED
    from crawler.urls import canonicalize
    from search.query import QueryError, parse

    rng = random.Random(1)
    results = {}
    crashes = 0
    for _ in range(count):
        try:
            result = extract_article(rng.randbytes(rng.randrange(0, 4096)), "https://baoa.vn/a.html")
            crashes += result.reason.startswith(CRASHED)  # a bug the extractor turned into a reason
        except Exception:  # noqa: BLE001 - counting crashes is the point
            crashes += 1
    results["extractor (random bytes)"] = (count, crashes)
    alphabet = list('abcđêôơư ():"*-=~/\\[]{}<>!&|ANDORNOTNEAR0123456789') + ["title:", "published:>="]
    crashes = 0
    for _ in range(count):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        try:
            parse(text)
        except QueryError:
            pass
        except Exception:  # noqa: BLE001
            crashes += 1
    results["query parser (random syntax)"] = (count, crashes)
    crashes = 0
    parts = [
        "http://",
        "https://",
        "//",
        "m.",
        "amp.",
        "[::1]",
        ":99999",
        "/%",
        "?utm_source=x",
        "#f",
        "\x85",
        "baoa.vn",
        "/bai-1.html",
        "&fbclid=1",
        ":",
        "@",
    ]
    for _ in range(count):
        url = "".join(rng.choice(parts) for _ in range(rng.randrange(1, 8)))
        try:
            once = canonicalize(url)
            if canonicalize(once) != once:
                crashes += 1
        except Exception:  # noqa: BLE001
            crashes += 1
    results["URL canonicaliser (random parts)"] = (count, crashes)
    return results


def payloads(tmp: Path) -> tuple[int, int]:
    """Hostile titles, bodies, outlet names and queries: (renders checked, renders with live markup)."""
    from devtools.web_client import logged_in_client
    from presswatch.app import create_app
    from search.backends.embedded import EmbeddedBackend
    from search.config import SearchConfig
    from search.document import LOCAL_TZ, Document

    index = EmbeddedBackend(tmp / "index.sqlite3")
    docs = [
        Document(
            url=f"https://x.vn/{n}.html",
            outlet_id="x",
            outlet_name=payload,
            title=f"{payload} kiến nghị",
            sapo=payload,
            body=f"Nội dung {payload} kiến nghị cử tri.",
            author=payload,
            tags=[payload],
            published_at=datetime(2026, 3, 1, 8, tzinfo=LOCAL_TZ),
        )
        for n, payload in enumerate(PAYLOADS)
    ]
    index.index(docs)
    app = create_app(
        {
            "PRESSWATCH_SEARCH": SearchConfig(embedded_path=tmp / "index.sqlite3"),
            "PRESSWATCH_DATA_DIR": tmp,
            "PRESSWATCH_DATABASE": tmp / "app.sqlite3",
        }
    )
    client = logged_in_client(app, "admin")
    search = app.url_map.bind("x").build("search.index")
    pages = [client.get(search, query_string={"q": "kien nghi"})]
    pages += [client.get(search, query_string={"q": payload}) for payload in PAYLOADS]
    pages += [client.get(f"/articles/{d.id}") for d in docs]
    pages.append(client.get("/"))
    live = sum(1 for page in pages if live_markup(page.get_data(as_text=True)))
    return len(pages), live


def load(tmp: Path, users: int, seconds: float) -> dict[str, float]:
    """N concurrent users on search and dashboard over real HTTP: requests, error rate, p50/p95."""
    import requests

    from bench.synthetic import QUERIES, documents
    from devtools.web_client import make_user
    from presswatch.app import create_app
    from search.backends.embedded import EmbeddedBackend
    from search.config import SearchConfig
    from web.serve import serving_in_thread

    index = EmbeddedBackend(tmp / "load.sqlite3")
    index.index(list(documents(5000)))
    app = create_app(
        {
            "PRESSWATCH_SEARCH": SearchConfig(embedded_path=tmp / "load.sqlite3"),
            "PRESSWATCH_DATA_DIR": tmp,
            "PRESSWATCH_DATABASE": tmp / "load-app.sqlite3",
            "RATELIMIT_ENABLED": False,
        }
    )
    email, password = make_user(app, "viewer")
    search = app.url_map.bind("x").build("search.index")
    timings: list[float] = []
    errors = 0
    lock = threading.Lock()

    def user(base: str, n: int) -> None:
        nonlocal errors
        session = requests.Session()
        token = re.search(
            r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"', session.get(f"{base}/auth/login").text
        ).group(1)
        session.post(f"{base}/auth/login", data={"email": email, "password": password, "csrf_token": token})
        deadline = time.monotonic() + seconds
        i = n
        while time.monotonic() < deadline:
            url = f"{base}/" if i % 4 == 0 else f"{base}{search}"
            started = time.perf_counter()
            try:
                response = session.get(url, params={"q": QUERIES[i % len(QUERIES)]}, timeout=30)
                ok = response.status_code == 200
            except requests.RequestException:
                ok = False
            with lock:
                timings.append((time.perf_counter() - started) * 1000)
                errors += not ok
            i += 1

    # The production server, as `presswatch run` serves (waitress).
    with serving_in_thread(app) as base, ThreadPoolExecutor(users) as pool:
        list(pool.map(user, [base] * users, range(users)))
    return {
        "users": users,
        "requests": len(timings),
        "error_rate": errors / max(1, len(timings)),
        "p50": statistics.median(timings),
        "p95": statistics.quantiles(timings, n=100)[94],
    }


def faults(matching: str = "") -> list[tuple[str, str, float]]:
    """The fault-injection tests, run for real: (fault, outcome, seconds); ``matching``: only the
    tests whose path contains it."""
    cases = [
        ("Elasticsearch killed mid-bulk, restarted", "tests/reliability/test_elasticsearch_down.py"),
        (
            "Crawler SIGKILLed twice mid-crawl, resumed",
            "tests/crawler/test_incremental.py::test_sigkill_mid_crawl_then_resume_neither_duplicates_nor_misses",
        ),
        ("Web app under a burst while reindexing", "tests/reliability/test_reindex_under_load.py"),
        ("Backup restored into an empty instance", "tests/reliability/test_backup_restore.py"),
        (
            "Crawl, retag and the web app's retag writing one embedded index at once",
            "tests/reliability/test_concurrent_writers.py",
        ),
        (
            "Elasticsearch rejects replayed documents (mapping conflict, write block): kept as dead letters",
            "tests/reliability/test_dead_letters.py",
        ),
        (
            "Damaged or truncated backup restored: nothing touched; data folder private",
            "tests/reliability/test_private_data.py",
        ),
        ("A 1 MB article repeating the query words: snippet work bounded", "tests/search/test_snippets.py"),
        # A hostile outlet on loopback (tests/adversarial/): each row is a fault the crawler must
        # contain, i.e. the test passes.
        (
            "Feed/redirects name other hosts, file://, 169.254.169.254; a host resolving to loopback: "
            "refused, recorded",
            "tests/adversarial/test_fetch_policy.py",
        ),
        (
            "Canonical URL of another outlet, javascript:, data: ignored",
            "tests/adversarial/test_canonical.py",
        ),
        ("Sitemap index listing itself, endless index chain: bounded", "tests/adversarial/test_sitemaps.py"),
        (
            "Quadratic-regex pages, a page over its CPU budget, damaged UTF-8",
            "tests/adversarial/test_hostile_pages.py",
        ),
        ("Crawl SIGKILLed: no extraction worker left", "tests/adversarial/test_orphans.py"),
        ("gzip bomb (160 MB in 159 KB) in outlets check", "tests/adversarial/test_outlet_check.py"),
        (
            "SMTP server down mid-batch, then back: every digest delivered once",
            "tests/web/test_digest_delivery.py::test_smtp_down_mid_batch_then_back_delivers_every_mail_once",
        ),
    ]
    rows = []
    for name, target in [case for case in cases if matching in case[1]]:
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", target],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        rows.append((name, "survived" if result.returncode == 0 else "FAILED", time.monotonic() - started))
    return rows


def kept_sections(path: Path) -> list[str]:
    """The file's sections measured by other, heavier scripts (`## Served load: bench/web.py`,
    the hostile article of bench/search.py): everything from the first `## ` heading on, kept as
    it is when this script rewrites the table above them."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    return lines[first:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the fault-injection runs")
    parser.add_argument("--fuzz", type=int, default=2000, help="inputs per fuzz target")
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument(
        "--faults-matching",
        default="",
        metavar="TEXT",
        help="only run the fault tests whose path contains TEXT and print their rows "
        "(docs/RELIABILITY.md is left as it is)",
    )
    args = parser.parse_args()
    if args.faults_matching:
        for name, outcome, seconds in faults(args.faults_matching):
            print(f"| fault | {name} | {outcome} ({seconds:.0f} s) |")
        return
    with tempfile.TemporaryDirectory() as tmp:
        import os

        os.environ["PRESSWATCH_DATA_DIR"] = tmp
        fuzzed = fuzz(args.fuzz)
        rendered, live = payloads(Path(tmp))
        held = load(Path(tmp), args.users, args.seconds)
    fault_rows = [] if args.quick else faults()
    lines = [
        "# Reliability",
        "",
        f"Figures measured by `python bench/reliability.py` on {date.today():%d/%m/%Y} "
        "(2 cores). Regenerate them with that command.",
        "",
        "| area | what | figure |",
        "| --- | --- | --- |",
    ]
    for target, (count, crashes) in fuzzed.items():
        lines.append(f"| fuzzing | {target} | {count} inputs, {crashes} crashes |")
    lines.append(
        f"| security | {len(PAYLOADS)} XSS payloads in titles, bodies, outlet names, queries | "
        f"{rendered} pages rendered, {live} with live markup |"
    )
    lines.append(
        f"| load | {held['users']} users on search + dashboard, {args.seconds:.0f} s, 5k articles | "
        f"{held['requests']} requests, {held['error_rate']:.1%} errors, p50 {held['p50']:.0f} ms, "
        f"p95 {held['p95']:.0f} ms |"
    )
    for name, outcome, seconds in fault_rows:
        lines.append(f"| fault | {name} | {outcome} ({seconds:.0f} s) |")
    lines += [
        "",
        "The test suite runs the same faults (`tests/reliability/`, `tests/crawler/test_incremental.py`,",
        "`tests/adversarial/` with a hostile outlet on loopback), property-based fuzzing with bounded",
        "examples (`tests/reliability/test_fuzz.py`,",
        "`tests/search/test_query_parser.py`) and the route-by-route security checks",
        "(`tests/web/test_security_routes.py`) in CI.",
    ]
    out = REPO / "docs" / "RELIABILITY.md"
    lines += ["", *kept_sections(out)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
