"""Concurrent staff against a real server: ``bench/web.py --users 50`` (this module does the load).

Each simulated user logs in through the form, then loops: a search with facets (the benchmark's
request mix), an article page from the results, now and then the dashboard, with a think time
between pages as a reader has. The same users and the same sequence (seeded) go first through
``presswatch run`` (waitress) and then through Werkzeug's development server (``flask run``), each
in its own process on the same index, and the load generator runs in this process.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Tally:
    timings: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, ms: float | None, error: str | None = None) -> None:
        with self.lock:
            if error is None:
                self.timings.setdefault(kind, []).append(ms)
            else:
                self.errors.append(f"{kind}: {error}")

    @property
    def all(self) -> list[float]:
        return [ms for values in self.timings.values() for ms in values]


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(kind: str, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """``presswatch run`` (waitress) or ``flask run`` (Werkzeug's development server)."""
    port = free_port()
    if kind == "waitress":
        command = [sys.executable, "-m", "presswatch", "run", "--port", str(port)]
    else:
        command = [
            sys.executable,
            "-m",
            "flask",
            "--app",
            "presswatch.app",
            "run",
            "--port",
            str(port),
            "--no-reload",
            "--no-debugger",
            "--with-threads",
        ]
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            requests.get(f"{url}/auth/login", timeout=5)
            return process, url
        except requests.RequestException:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise SystemExit(f"{kind} server did not start") from None
            time.sleep(0.2)


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def logged_in(url: str, email: str, password: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{url}/auth/login", timeout=60).text
    token = re.search(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    response = session.post(
        f"{url}/auth/login", data={"email": email, "password": password, "csrf_token": token}, timeout=60
    )
    if response.status_code != 200 or response.url.endswith("/auth/login"):
        raise SystemExit(f"login failed: {response.status_code}")
    return session


def user_loop(
    session: requests.Session,
    url: str,
    mix: list[dict],
    article_ids: list[str],
    dashboard: dict,
    pages: int,
    think: tuple[float, float],
    seed: int,
    tally: Tally,
) -> None:
    rng = random.Random(seed)

    def visit(kind: str, path: str, params: dict | None = None) -> None:
        started = time.perf_counter()
        try:
            response = session.get(url + path, params=params, timeout=60, allow_redirects=False)
        except requests.RequestException as error:
            tally.add(kind, None, type(error).__name__)
            return
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            tally.add(kind, None, f"HTTP {response.status_code}")
        else:
            tally.add(kind, elapsed)

    time.sleep(rng.uniform(0, think[1]))  # users do not all start in the same millisecond
    for n in range(pages):
        roll = rng.random()
        if roll < 0.15:
            visit("dashboard", "/", dashboard)
        elif roll < 0.55:
            visit("article", f"/articles/{rng.choice(article_ids)}")
        else:
            visit("search", "/search", rng.choice(mix))
        if n + 1 < pages:
            time.sleep(rng.uniform(*think))


def drive(
    url: str,
    users: list[tuple[str, str]],
    mix: list[dict],
    article_ids: list[str],
    dashboard: dict,
    pages: int,
    think: tuple[float, float],
) -> tuple[Tally, float]:
    sessions = [logged_in(url, email, password) for email, password in users]
    for args in mix[:6]:  # warm the server's caches (index columns, statement cache, templates)
        sessions[0].get(f"{url}/search", params=args, timeout=120)
    sessions[0].get(url + "/", params=dashboard, timeout=120)
    tally = Tally()
    threads = [
        threading.Thread(target=user_loop, args=(s, url, mix, article_ids, dashboard, pages, think, n, tally))
        for n, s in enumerate(sessions)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.monotonic() - started


def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def run_load(
    *,
    data_dir: Path,
    env_extra: dict[str, str],
    users: int,
    pages: int,
    think: tuple[float, float],
    mix: list[dict],
    article_ids: list[str],
    dashboard: dict,
    goal_ms: float,
    accounts: list[tuple[str, str]],
) -> None:
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data_dir),
        "PRESSWATCH_SECRET_KEY": "bench-web",
        "PYTHONPATH": str(REPO),
        **env_extra,
    }
    env.pop("PRESSWATCH_ELASTICSEARCH_URL", None)
    rows = []
    for kind in ("waitress", "werkzeug-dev"):
        process, url = start_server(kind, env)
        try:
            tally, seconds = drive(url, accounts[:users], mix, article_ids, dashboard, pages, think)
        finally:
            stop_server(process)
        rows.append((kind, tally, seconds))
    print(
        f"\n{users} concurrent users x {pages} pages, think time {think[0]:g}-{think[1]:g} s "
        "(45% search with facets, 40% article, 15% dashboard; the same seeded sequence on each server)"
    )
    print(
        f"{'server':<14} {'page':<10} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'max ms':>8} {'req/s':>6}"
    )
    for kind, tally, seconds in rows:
        for page in ("all", "search", "article", "dashboard"):
            values = tally.all if page == "all" else tally.timings.get(page, [])
            errors = len(tally.errors) if page == "all" else sum(e.startswith(page) for e in tally.errors)
            rate = f"{len(values) / seconds:6.1f}" if page == "all" else ""
            if values:
                print(
                    f"{kind:<14} {page:<10} {len(values):>8} {errors:>6} {statistics.median(values):>8.1f} "
                    f"{percentile(values, 95):>8.1f} {max(values):>8.1f} {rate:>6}"
                )
        if tally.errors:
            print(f"{'':<14} first errors: {tally.errors[:3]}")
    waitress = rows[0][1]
    p95 = percentile(waitress.all, 95)
    verdict = "meets" if p95 < goal_ms and not waitress.errors else "MISSES"
    print(
        f"waitress: p95 {p95:.0f} ms, {len(waitress.errors)} errors: {verdict} the goal "
        f"(p95 < {goal_ms:.0f} ms, 0 errors at {users} users)"
    )
