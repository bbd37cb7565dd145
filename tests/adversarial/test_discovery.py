"""Discovery (issue 20): feeds and sitemaps learnt from the homepage's <link rel=alternate>,
robots.txt's Sitemap: lines and common paths, written to the outlet's health for a maintainer;
everything off the outlet's hosts (a declared feed elsewhere, a redirect to an internal service)
is refused and never fetched. Two servers on 127.0.0.1: the outlet and an "internal" service."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.adversarial.hostile import REPO, HostileServer, article_page, outlet_yaml, rss


@pytest.fixture(scope="module")
def internal() -> Iterator[HostileServer]:
    with HostileServer() as server:
        server.route("/feed.xml", rss("http://internal.invalid/x"), Content_Type="application/rss+xml")
        server.route("/secret", article_page("Bí mật nội bộ"))
        yield server


def _sitemap(*urls: str) -> str:
    entries = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    )


def test_discovery_learns_routes_on_the_outlets_hosts_only(
    hostile: HostileServer, internal: HostileServer, tmp_path: Path
):
    articles = [
        hostile.route(f"/tin/bai-{n}.html", article_page(f"Tin thứ {n} của báo", day=10 + n))
        for n in range(1, 5)
    ]
    hostile.route(
        "/",
        f'''<html><head>
        <link rel="alternate" type="application/rss+xml" title="Tin mới" href="/tin/rss.xml">
        <link rel="alternate" type="application/rss+xml" href="{internal.base_url}/feed.xml">
        <link rel="alternate" type="application/atom+xml" href="/tin/cu.xml">
        <link rel="stylesheet" href="/style.css"></head><body><a href="/tin/">Tin</a></body></html>''',
    )
    hostile.route("/tin/rss.xml", rss(*articles[:3]), Content_Type="application/rss+xml")
    hostile.route("/tin/cu.xml", "", status=302, Location=f"{internal.base_url}/secret")
    hostile.route(
        "/robots.txt",
        f"User-agent: *\nDisallow: /admin\nSitemap: /sitemaps/news.xml\n"
        f"sitemap: {internal.base_url}/sitemap.xml\n",
        Content_Type="text/plain",
    )
    hostile.route("/sitemaps/news.xml", _sitemap(*articles), Content_Type="application/xml")
    hostile.route("/rss", "<html><body>Không tìm thấy trang</body></html>")  # a 404 page served as 200
    section = hostile.route("/tin/", "".join(f'<a href="{a}">x</a>' for a in articles))
    registry = tmp_path / "registry.yaml"
    registry.write_text(
        "outlets:\n"
        + outlet_yaml("baokham", sitemaps=()).replace(
            "    sections: []\n", f"    sections: [{json.dumps(section)}]\n"
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(tmp_path), "PRESSWATCH_ELASTICSEARCH_URL": ""}

    probe = subprocess.run(
        [
            sys.executable,
            "-m",
            "presswatch",
            "outlets",
            "discover",
            "baokham",
            "--registry",
            str(registry),
            "--articles",
            "3",
            "--timeout",
            "10",
        ],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert probe.returncode == 0, probe.stderr[-3000:]
    (report,) = json.loads(probe.stdout)
    found = {f["url"]: f for f in report["found"]}
    base = hostile.base_url
    assert (found[f"{base}/tin/rss.xml"]["verdict"], found[f"{base}/tin/rss.xml"]["items"]) == ("ok", 3)
    assert found[f"{base}/tin/rss.xml"]["source"] == "homepage"
    assert found[f"{base}/sitemaps/news.xml"]["source"] == "robots.txt"
    assert found[f"{base}/sitemaps/news.xml"]["items"] == 4
    assert found[f"{internal.base_url}/feed.xml"]["verdict"] == "refused"
    assert found[f"{internal.base_url}/sitemap.xml"]["verdict"] == "refused"
    assert found[f"{base}/tin/cu.xml"]["verdict"] == "refused"  # its redirect leaves the outlet
    assert f"{base}/rss" not in found and f"{base}/sitemap.xml" not in found  # guesses that missed
    assert internal.log == []  # nothing was ever sent to the other host
    assert [a["ok"] for a in report["articles"]] == [True, True, True]
    assert report["articles"][0]["title"].startswith("Tin thứ")

    health = subprocess.run(
        [sys.executable, "-m", "presswatch", "outlets", "health", "--json"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert health.returncode == 0, health.stderr
    (row,) = json.loads(health.stdout)
    assert row["outlet_id"] == "baokham" and row["discovered_at"]
    working = sorted(f["url"] for f in row["discovered"] if f["verdict"] == "ok" and not f["registered"])
    assert working == [f"{base}/sitemaps/news.xml", f"{base}/tin/rss.xml"]
    table = subprocess.run(
        [sys.executable, "-m", "presswatch", "outlets", "health"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    header, _rule, line = (re.split(r"\s{2,}", row.strip()) for row in table.stdout.splitlines()[:3])
    assert dict(zip(header, line, strict=False))["to promote"] == "2", table.stdout
