"""The crawl follows moves (issue 20): a merged agency's archive on its predecessor's old domain
redirects to the agency's own; that redirect is accepted and recorded, the article keeps the
predecessor for its date, and a redirect from the old domain to a host nobody registered is still
refused. Three servers on 127.0.0.1: the new site, the old one, and an internal service."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from search.document import document_id
from tests.adversarial.hostile import HostileServer, article_page, outlet_yaml, rss, run_crawl


@pytest.fixture(scope="module")
def old_site() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server


@pytest.fixture(scope="module")
def internal() -> Iterator[HostileServer]:
    with HostileServer() as server:
        server.route("/secret", article_page("Bí mật nội bộ"))
        yield server


def test_a_redirect_from_the_predecessors_domain_is_a_move_not_a_refusal(
    hostile: HostileServer, old_site: HostileServer, internal: HostileServer, tmp_path: Path
):
    fresh = hostile.route("/moi/bai-moi.html", article_page("Tin mới của cơ quan hợp nhất"))
    archived_new = hostile.route(
        "/moi/bai-2024.html",
        article_page("Bài cũ của báo tỉnh", canonical=f"{hostile.base_url}/moi/bai-2024.html").replace(
            "2026-11-18T", "2024-11-18T"
        ),
    )
    archived_old = old_site.route("/cu/bai-2024.html", "", status=301, Location=archived_new)
    stray = old_site.route("/cu/lac.html", "", status=302, Location=f"{internal.base_url}/secret")
    feed = hostile.route("/moi/rss.xml", rss(fresh, archived_old, stray), Content_Type="application/rss+xml")
    old_feed = old_site.route("/cu/rss.xml", rss(archived_old), Content_Type="application/rss+xml")
    registry = outlet_yaml(
        "baocu",
        domain="cu.sample",
        feeds=(old_feed,),
        extra="    active_until: 2025-06-30\n    merged_into: baomoi\n",
    ) + outlet_yaml(
        "baomoi", domain="moi.sample", feeds=(feed,), extra="    active_from: 2025-07-01\n"
    ).replace("provincial-party-paper", "provincial-press-agency")
    crawl = run_crawl(tmp_path, registry)

    assert crawl.stats["finish_reason"] == "finished", crawl.log[-3000:]
    assert internal.log == []  # the stray redirect never reached the internal service
    assert "/cu/rss.xml" not in old_site.paths()  # the ended predecessor is not crawled itself
    assert crawl.index.ids() == {document_id(fresh), document_id(archived_new)}
    assert crawl.index.get(document_id(fresh)).outlet_id == "baomoi"
    # Published in 2024, before the agency existed, from the old paper's domain: the old paper's.
    old_article = crawl.index.get(document_id(archived_new))
    assert old_article.outlet_id == "baocu" and old_article.outlet_name == "Báo baocu (mẫu)"
    assert crawl.stats["presswatch/refused/baomoi"] == 1
    assert "presswatch/refused/baocu" not in crawl.stats
    old, new = old_site.base_url.split("//")[1], hostile.base_url.split("//")[1]
    assert crawl.stats["presswatch_moved/baomoi"] == [f"{old} → {new}"]
    flag = crawl.health["baomoi"]["flagged"]
    assert f"moved to {new} (from {old})" in flag
    assert (
        f"{internal.base_url}/secret (not on the outlet's hosts"
        in crawl.health["baomoi"]["last"]["refused_examples"]
    )
