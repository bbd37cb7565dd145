"""A hostile outlet on 127.0.0.1: feeds, sitemaps and pages written to attack the crawler.

Tests register routes (path → body, status, headers), crawl a registry that points at the server
with ``python -m crawler.run`` in its own process, and read back the stats, the index, the outlet
health and the server's request log (host header and path of every request it answered).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from search.backends.embedded import EmbeddedBackend

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Route:
    body: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    hold: bool = False  # answer only once the server's ``release`` event is set


class HostileServer:
    """A threaded HTTP server on a free loopback port; ``routes`` can change between crawls."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, str]] = []  # (Host header, path)
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.log.append((self.headers.get("Host", ""), self.path))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.hold:
                    server.release.wait(120)
                self.send_response(route.status)
                headers = {"Content-Type": "text/html; charset=utf-8", **route.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                # The crawler may give up (too large, killed): nothing left to answer then.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(route.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> HostileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def route(
        self, path: str, body: str | bytes, status: int = 200, hold: bool = False, **headers: str
    ) -> str:
        """Serve ``body`` at ``path``; returns the absolute URL. Header names use _ for -."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, status, {k.replace("_", "-"): v for k, v in headers.items()}, hold)
        return self.base_url + path

    def paths(self) -> list[str]:
        return [path for _host, path in self.log]


def article_page(title: str, *, canonical: str = "", day: int = 18) -> str:
    """An article page the extractor accepts: headline, date line, a few paragraphs."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(
        f"<p>{title}: đoạn {n}. Ủy ban nhân dân tỉnh Bắc Ninh họp bàn về giao thông, đầu tư công và "
        "cải cách hành chính; các sở, ngành báo cáo tiến độ giải ngân và kiến nghị của cử tri.</p>"
        for n in range(1, 5)
    )
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>{link}'
        f'<meta property="article:published_time" content="2026-11-{day:02d}T08:00:00+07:00">'
        f'</head><body><article><h1>{title}</h1><div class="date">{day:02d}/11/2026 08:00</div>'
        f'<div class="content">{paragraphs}</div></article></body></html>'
    )


def rss(*links: str) -> str:
    items = "".join(
        f"<item><title>Tin {n}</title><link>{link}</link>"
        f"<pubDate>Wed, 18 Nov 2026 01:00:00 GMT</pubDate></item>"
        for n, link in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>'
        f"{items}</channel></rss>"
    )


def sitemap_index(*children: str) -> str:
    entries = "".join(f"<sitemap><loc>{child}</loc></sitemap>" for child in children)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    )


def outlet_yaml(
    outlet_id: str,
    *,
    domain: str = "hostile.sample",
    feeds: tuple[str, ...] = (),
    sitemaps: tuple[str, ...] = (),
    local_test: bool = True,
    extra: str = "",
) -> str:
    """One registry entry (a list item under ``outlets:``)."""
    return (
        f"  - id: {outlet_id}\n    name: Báo {outlet_id} (mẫu)\n    domain: {domain}\n"
        "    kind: provincial-party-paper\n    province: Bắc Ninh\n"
        f"    feeds: {json.dumps(list(feeds))}\n    sitemaps: {json.dumps(list(sitemaps))}\n"
        f"    sections: []\n    feeds_source: sample\n"
        + ("    local_test: true\n" if local_test else "")
        + extra
    )


@dataclass
class Crawl:
    stats: dict
    log: str
    index: EmbeddedBackend
    health: dict[str, dict]
    returncode: int


def run_crawl(data_dir: Path, registry: str, *, settings: dict | None = None, timeout: float = 180) -> Crawl:
    """``python -m crawler.run`` on ``registry`` (YAML text) in its own process and data folder."""
    path = data_dir / "registry.yaml"
    path.write_text("outlets:\n" + registry, encoding="utf-8")
    stats_path = data_dir / "stats.json"
    command = [
        sys.executable,
        "-m",
        "crawler.run",
        "--registry",
        str(path),
        "--stats",
        str(stats_path),
        "-s",
        "AUTOTHROTTLE_ENABLED=false",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "RETRY_TIMES=0",
        "-s",
        "DOWNLOAD_TIMEOUT=10",
        "-s",
        "PRESSWATCH_EXTRACT_WORKERS=1",
    ]
    for key, value in (settings or {}).items():
        command += ["-s", f"{key}={json.dumps(value)}"]
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir), "PRESSWATCH_ELASTICSEARCH_URL": ""}
    result = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    assert stats_path.exists(), result.stderr[-4000:]
    health = subprocess.run(
        [sys.executable, "-m", "presswatch", "outlets", "health", "--json"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert health.returncode == 0, health.stderr
    index = EmbeddedBackend(data_dir / "index.sqlite3")
    return Crawl(
        json.loads(stats_path.read_text()),
        result.stderr,
        index,
        {row["outlet_id"]: row for row in json.loads(health.stdout)},
        result.returncode,
    )
