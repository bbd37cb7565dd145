"""Outlet health says why an outlet yields nothing (issue 20): a listing that answers 410 Gone, a
domain that now serves a parking page, and a site that has not answered for N runs are each
flagged with their reason in `presswatch outlets health`. Servers on 127.0.0.1; a closed port is
the site that answers nothing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.adversarial.hostile import REPO, HostileServer, article_page, outlet_yaml, rss, run_crawl

PARKED = (
    "<html><head><title>baocu.vn</title><script src='https://www.sedoparking.com/x.js'></script>"
    "</head><body><h1>baocu.vn</h1><p>This domain may be for sale. Tên miền này đang được rao bán."
    "</p></body></html>"
)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gone_parked_and_silent_outlets_are_flagged_with_the_reason(hostile: HostileServer, tmp_path: Path):
    good = hostile.route("/song/bai.html", article_page("Tin của báo còn sống"))
    quoted = hostile.route("/trich/bai.html", article_page("Cảnh giác lừa đảo mua bán tên miền"))
    # A real feed whose item quotes a parking phrase is not a parked domain.
    quoting = rss(quoted).replace(
        "<title>Tin 0</title>", "<title>“This domain is for sale”: chiêu lừa</title>"
    )
    registry = (
        outlet_yaml("baosong", feeds=(hostile.route("/song/rss.xml", rss(good)),))
        + outlet_yaml("baotrich", feeds=(hostile.route("/trich/rss.xml", quoting),))
        + outlet_yaml("baongung", feeds=(hostile.route("/ngung/rss.xml", "Gone", status=410),))
        + outlet_yaml("baobando", feeds=(hostile.route("/bando/rss.xml", PARKED),))
        + outlet_yaml("baoim", feeds=(f"http://127.0.0.1:{_closed_port()}/rss.xml",))
    )
    settings = {"PRESSWATCH_DEAD_AFTER_RUNS": 2}
    first = run_crawl(tmp_path, registry, settings=settings)
    assert first.stats["finish_reason"] == "finished", first.log[-3000:]
    assert first.health["baosong"]["flagged"] == ""
    assert first.health["baotrich"]["flagged"] == "" and first.health["baotrich"]["last_success"]
    gone = first.health["baongung"]["flagged"]
    assert gone.startswith(f"gone: HTTP 410 at {hostile.base_url}/ngung/rss.xml")
    parked = first.health["baobando"]
    assert parked["flagged"].startswith(f"parked domain page at {hostile.base_url}/bando/rss.xml")
    assert parked["consecutive_failures"] == 1 and parked["last_success"] is None  # 200, but no news
    # One silent run is a hiccup, not yet a dead site.
    assert first.health["baoim"]["flagged"].startswith("no page fetched")

    second = run_crawl(tmp_path, registry, settings=settings)
    assert second.health["baoim"]["flagged"] == "no answer for 2 runs (last success: never)"
    assert second.health["baoim"]["consecutive_failures"] == 2
    assert second.health["baosong"]["flagged"] == ""

    # The operator's table shows the same reasons.
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(tmp_path), "PRESSWATCH_ELASTICSEARCH_URL": ""}
    table = subprocess.run(
        [sys.executable, "-m", "presswatch", "outlets", "health"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert table.returncode == 0, table.stderr
    lines = {line.split()[0]: line for line in table.stdout.splitlines() if line.strip()}
    assert "no answer for 2 runs" in lines["baoim"]
    assert "gone: HTTP 410" in lines["baongung"] and "parked domain page" in lines["baobando"]
