"""The crawler fetches only http(s) URLs on the outlet's own hosts, at public addresses
(issue 16, item 1). A second server on 127.0.0.1 plays the internal service a feed points at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from search.document import document_id
from tests.adversarial.hostile import HostileServer, article_page, outlet_yaml, rss, run_crawl


@pytest.fixture(scope="module")
def internal() -> Iterator[HostileServer]:
    """Something on this machine that must never be fetched (a database, an admin API)."""
    with HostileServer() as server:
        server.route("/secret", article_page("Bí mật nội bộ"))
        yield server


def test_links_off_the_outlets_hosts_are_refused_and_recorded(
    hostile: HostileServer, internal: HostileServer, tmp_path: Path
):
    own = hostile.route("/policy/bai-1.html", article_page("Tin của chính tòa soạn"))
    hostile.route(
        "/policy/chuyen-huong.html", "", status=302, Location=f"{internal.base_url}/secret?qua=chuyen-huong"
    )
    hostile.route(
        "/policy/sieu-du-lieu.html", "", status=302, Location="http://169.254.169.254/latest/meta-data/"
    )
    links = [
        own,
        f"{hostile.base_url}/policy/chuyen-huong.html",
        f"{hostile.base_url}/policy/sieu-du-lieu.html",
        f"{internal.base_url}/secret",
        f"http://localhost:{internal.port}/secret",
        "http://169.254.169.254/latest/meta-data/iam/",
        "file:///etc/passwd",
        "http://baokhac.example/bai.html",
        "javascript:alert(1)",
    ]
    feed = hostile.route("/policy/rss.xml", rss(*links), Content_Type="application/rss+xml")
    crawl = run_crawl(tmp_path, outlet_yaml("policy", feeds=(feed,)))

    assert crawl.stats["finish_reason"] == "finished"
    assert crawl.index.ids() == {document_id(own)}
    assert internal.log == []  # nothing reached the internal service, not even robots.txt
    assert "log_count/ERROR" not in crawl.stats, crawl.log[-3000:]
    assert crawl.stats["presswatch/refused/policy"] == 8  # six links and two redirect targets
    assert "presswatch/fetch_errors/policy" not in crawl.stats
    health = crawl.health["policy"]
    assert health["last"]["refused"] == 8
    assert (
        "file:///etc/passwd (not an http(s) URL (file))" in health["last"]["refused_examples"]
        or "169.254.169.254" in health["last"]["refused_examples"]
    )
    assert "refused 8 URL(s)" in health["flagged"]
    assert (
        "Refused: http://169.254.169.254/latest/meta-data/ (not on the outlet's hosts (169.254.169.254)"
        in crawl.log
    )


def test_an_outlet_whose_host_resolves_to_loopback_is_not_fetched(internal: HostileServer, tmp_path: Path):
    # A real outlet (not local_test) whose name resolves to 127.0.0.1: by DNS (here /etc/hosts), not
    # by an address written in the URL.
    feed = f"http://localhost:{internal.port}/secret"
    before = len(internal.log)
    crawl = run_crawl(tmp_path, outlet_yaml("dns", domain="localhost", feeds=(feed,), local_test=False))

    assert crawl.stats["finish_reason"] == "finished"
    assert internal.log[before:] == []
    assert crawl.stats["presswatch/refused/dns"] == 1
    assert crawl.health["dns"]["last"]["refused"] == 1
    examples = crawl.health["dns"]["last"]["refused_examples"]
    assert "localhost resolves to a non-public address (127.0.0.1)" in examples
