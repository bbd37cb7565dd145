"""The shipped outlet registry, its extra keys, and `presswatch outlets list|check`."""

from __future__ import annotations

import contextlib
import csv
import datetime
import gzip
import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from crawler import succession
from crawler.outlet_check import check_outlets
from crawler.registry import DEFAULT_REGISTRY, KINDS, QUIRKS, RegistryError, load_registry
from crawler.settings import USER_AGENT
from presswatch.commands.outlets import outlets_group

REPO = Path(__file__).resolve().parents[2]
# The reference data lives beside the repository (shared/), in the session and in CI alike.
REFERENCE = REPO.parent / "shared" / "reference"


@pytest.fixture(scope="module")
def outlets():
    return load_registry(DEFAULT_REGISTRY)


# ---------------------------------------------------------------- the shipped registry


def test_shipped_registry_loads_and_is_big_enough(outlets):
    assert len(outlets) >= 60
    kinds = Counter(o.kind for o in outlets)
    assert set(kinds) == set(KINDS)
    enabled_papers = [o for o in outlets if o.kind == "provincial-party-paper" and o.enabled]
    assert len(enabled_papers) >= 25
    assert len({o.province for o in enabled_papers}) >= 25
    assert sum(1 for o in outlets if o.enabled) >= 60


def test_ids_unique_and_raw_yaml_has_no_duplicates(outlets):
    raw = yaml.safe_load(DEFAULT_REGISTRY.read_text(encoding="utf-8"))["outlets"]
    ids = [entry["id"] for entry in raw]
    assert len(ids) == len(set(ids)) == len(outlets)
    # A merged agency keeps its predecessor's domain; only outlets crawled today must differ.
    today = datetime.date.today()
    crawled_domains = [o.domain for o in outlets if o.enabled and o.active_on(today)]
    assert len(crawled_domains) == len(set(crawled_domains))


def test_every_url_is_on_the_outlets_own_domain_or_an_alias(outlets):
    # Aliases are the documented exception (legacy domains such as cand.com.vn).
    stray = [
        (o.id, url)
        for o in outlets
        for url in (*o.feeds, *o.sitemaps, *o.sections, *([o.prime_url] if o.prime_url else []))
        if not o.owns(url)
    ]
    assert stray == []
    assert all(url.startswith("https://") for o in outlets for url in (*o.feeds, *o.sitemaps, *o.sections))


def test_provinces_are_set_for_provincial_kinds_and_null_for_national_outlets(outlets):
    for outlet in outlets:
        if outlet.kind.startswith("provincial"):
            assert outlet.province, outlet.id
    national = {o.id for o in outlets if o.province is None}
    assert {"vnexpress", "nhandan", "vietnamplus", "vov", "vtv", "baodautu"} <= national


@pytest.mark.parametrize(
    "outlet_id, source",
    [
        ("vnexpress", "verified"),
        ("nhandan", "verified"),
        ("baochinhphu", "verified"),
        ("vov", "verified"),
        ("sggp", "verified"),
        ("hanoimoi", "verified"),
        ("vietnamplus", "verified"),
        ("laodong", "seen"),
        ("nld", "seen"),
        ("baolaocai", "seen"),
        ("baoquangninh", "seen"),
        ("baodautu", "guessed"),
        ("kinhtedothi", "guessed"),
        ("baocaobang", "guessed"),
        ("baocamau", "guessed"),
    ],
)
def test_feeds_source_of_pinned_outlets_matches_the_reference_evidence(outlets, outlet_id, source):
    assert {o.id: o for o in outlets}[outlet_id].feeds_source == source


def test_known_special_handling_is_recorded(outlets):
    by_id = {o.id: o for o in outlets}
    assert "ua-blocked" in by_id["vov"].quirks and not by_id["vov"].enabled
    for outlet_id in ("laodong", "nld"):
        assert by_id[outlet_id].render_js and "js-challenge" in by_id[outlet_id].quirks
    assert by_id["qdnd"].prime_url == "https://www.qdnd.vn/rss" and "session-cookie" in by_id["qdnd"].quirks
    baodautu = by_id["baodautu"]
    assert not baodautu.feeds and baodautu.sections and "empty-feeds" in baodautu.quirks
    assert "pubdate-us-format" in by_id["baochinhphu"].quirks
    assert "pubdate-short-offset" in by_id["vtv"].quirks
    assert by_id["cand"].domain == "cand.vn" and "cand.com.vn" in by_id["cand"].aliases
    # Bến Tre's paper lives on as a sub-site of the merged Vĩnh Long paper.
    assert by_id["baodongkhoi"].domain == "dongkhoi.baovinhlong.vn" and by_id["baodongkhoi"].enabled


def test_disabled_papers_name_an_enabled_successor_or_a_reason(outlets):
    by_id = {o.id: o for o in outlets}
    for outlet in outlets:
        if outlet.enabled:
            continue
        assert outlet.notes.startswith("DISABLED"), outlet.id
        if outlet.kind == "provincial-party-paper":
            successor = outlet.notes.split("the surviving paper is ")[1].split(".")[0]
            assert by_id[successor].enabled, (outlet.id, successor)


@pytest.mark.skipif(not (REFERENCE / "outlets.csv").exists(), reason="shared/reference not beside the repo")
def test_whole_registry_is_consistent_with_the_reference_evidence(outlets):
    rows = {r["id"]: r for r in csv.DictReader((REFERENCE / "outlets.csv").open(encoding="utf-8"))}
    tag_to_source = {"verified": "verified", "seen": "seen", "none": "guessed"}
    by_id = {o.id: o for o in outlets}
    with (REFERENCE / "provinces.csv").open(encoding="utf-8") as handle:
        new_provinces = {r["merged_into"] for r in csv.DictReader(handle)}
    for outlet in outlets:
        if outlet.kind == "provincial-press-agency":
            # Not in the reference: its feeds are its predecessors' (nothing invented either), its
            # province one of the 34 when it outlived 2025-06-30, else a pre-2025 one.
            lineage_feeds = {f for p in succession.lineage(by_id, outlet.id)[1:] for f in p.feeds}
            assert set(outlet.feeds) <= lineage_feeds, outlet.id
            if outlet.active_until is None:
                assert outlet.province in new_provinces, outlet.id
            continue
        row = rows[outlet.id]
        tag = row["notes"].split("]", 1)[0].removeprefix("[feeds:")
        assert outlet.feeds_source == tag_to_source[tag], outlet.id
        # Nothing invented: every feed listed was seen somewhere; guessed outlets list no feeds.
        assert set(outlet.feeds) <= set(filter(None, row["feeds_known"].split("|"))), outlet.id
        assert outlet.province == (row["province"] or None), outlet.id
    provinces = {r["name"] for r in csv.DictReader((REFERENCE / "provinces.csv").open(encoding="utf-8"))}
    assert {o.province for o in outlets if o.province} <= provinces


def test_every_quirk_and_key_is_documented():
    doc = (REPO / "docs" / "OUTLETS.md").read_text(encoding="utf-8")
    from crawler.registry import OPTIONAL, REQUIRED

    for name in (*REQUIRED, *OPTIONAL, *QUIRKS):
        assert f"`{name}`" in doc, name


# ---------------------------------------------------------------- the extra keys are validated

ENTRY = """
outlets:
  - id: baoa
    name: Báo A
    domain: baoa.vn
    kind: provincial-party-paper
    province: Bắc Ninh
    feeds: ["https://baoa.vn/rss/home.rss"]
    sitemaps: []
    sections: []
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outlets.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_extra_keys_load(tmp_path):
    extra = (
        "    aliases: [baoa.com.vn]\n    render_js: true\n    selectors: {sapo: h2.sapo}\n"
        "    section_pages: 2\n    crawl_delay: 1.5\n    prime_url: https://baoa.vn/rss\n"
        "    article_pattern: '-a\\d+\\.html$'\n    quirks: [session-cookie]\n"
    )
    (outlet,) = load_registry(write(tmp_path, ENTRY + extra))
    assert outlet.aliases == ("baoa.com.vn",) and outlet.render_js and outlet.section_pages == 2
    assert outlet.selectors == {"sapo": "h2.sapo"} and outlet.crawl_delay == 1.5
    assert outlet.prime_url == "https://baoa.vn/rss" and outlet.quirks == ("session-cookie",)
    assert outlet.owns("https://www.baoa.com.vn/x-a123.html") and not outlet.owns("https://evil.vn/baoa.vn")
    # Defaults mean "nothing special", so old registries (the sample press's) load unchanged.
    (plain,) = load_registry(write(tmp_path, ENTRY))
    assert (plain.aliases, plain.render_js, plain.selectors, plain.quirks) == ((), False, {}, ())


@pytest.mark.parametrize(
    "line, field",
    [
        ("render_js: yes-please", "render_js"),
        ("selectors: {headline: h1}", "selectors"),
        ("selectors: {title: ''}", "selectors"),
        ("section_pages: 0", "section_pages"),
        ("section_pages: true", "section_pages"),
        ("crawl_delay: -1", "crawl_delay"),
        ("aliases: [Bao A.vn]", "aliases"),
        ("aliases: baoa.com.vn", "aliases"),
        ("prime_url: /rss", "prime_url"),
        ("quirks: [haunted]", "quirks"),
        ("article_pattern: '(['", "article_pattern"),
    ],
)
def test_bad_extra_keys_name_the_outlet_and_field(tmp_path, line, field):
    with pytest.raises(RegistryError, match=f"outlet baoa, field '{field}'"):
        load_registry(write(tmp_path, ENTRY + f"    {line}\n"))


# ---------------------------------------------------------------- `outlets list`


def test_list_json_has_the_documented_keys():
    result = CliRunner().invoke(outlets_group, ["list", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) >= 60
    assert {"id", "name", "domain", "kind", "province", "routes", "feeds_source"} <= set(rows[0])
    vnexpress = next(r for r in rows if r["id"] == "vnexpress")
    assert vnexpress["feeds_source"] == "verified" and vnexpress["province"] is None
    assert "https://vnexpress.net/rss/tin-moi-nhat.rss" in vnexpress["routes"]["feeds"]


def test_list_json_shows_the_merged_agencies_with_predecessors_dates_and_evidence():
    result = CliRunner().invoke(outlets_group, ["list", "--json", "--kind", "provincial-press-agency"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.output)}
    current = {i: r for i, r in rows.items() if r["active_until"] is None}
    # 33 of the 34 new provinces; TP HCM's agency was decided and then suspended (docs/OUTLETS.md).
    assert len(current) == 33
    assert {r["province"] for r in current.values()}.isdisjoint({"TP Hồ Chí Minh"})
    assert all(r["predecessors"] and r["active_from"] and r["evidence"] for r in current.values())
    cantho = rows["bptth-cantho"]
    assert set(cantho["predecessors"]) == {"baocantho", "baohaugiang", "bdptth-soctrang"}
    # Báo Sóc Trăng had two successive successors: the April merger, then the province's in July.
    soctrang = rows["bdptth-soctrang"]
    assert (soctrang["active_from"], soctrang["active_until"], soctrang["merged_into"]) == (
        "2025-05-01",
        "2025-06-30",
        "bptth-cantho",
    )
    assert soctrang["predecessors"] == ["baosoctrang"]
    assert rows["bptth-hanoi"]["active_from"] == "2026-02-05"
    assert rows["bptth-hanoi"]["evidence"]["name"] == "verified"
    papers = {
        r["id"]: r
        for r in json.loads(
            CliRunner().invoke(outlets_group, ["list", "--json", "--kind", "provincial-party-paper"]).output
        )
    }
    assert papers["baosoctrang"]["merged_into"] == "bdptth-soctrang"
    assert papers["baosoctrang"]["active_until"] == "2025-04-30"
    merged = [r for r in papers.values() if r["merged_into"]]
    assert len(merged) >= 60 and all(r["evidence"]["merged_into"] in ("verified", "seen") for r in merged)


def test_list_filters_by_kind_and_accent_free_province():
    runner = CliRunner()
    agencies = json.loads(runner.invoke(outlets_group, ["list", "--json", "--kind", "agency"]).output)
    assert {r["kind"] for r in agencies} == {"agency"} and "vietnamplus" in {r["id"] for r in agencies}
    result = runner.invoke(outlets_group, ["list", "--province", "da nang"])
    assert result.exit_code == 0 and "baodanang" in result.output and "vnexpress" not in result.output
    national = json.loads(runner.invoke(outlets_group, ["list", "--json", "--province", "none"]).output)
    assert national and all(r["province"] is None for r in national)


def test_list_reports_a_broken_registry(tmp_path):
    result = CliRunner().invoke(outlets_group, ["list", "--registry", str(write(tmp_path, "outlets: 3"))])
    assert result.exit_code == 2 and "outlets" in result.output


# ---------------------------------------------------------------- `outlets check` on a local server

RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
    b"<item><title>A</title><link>http://h/a-10001.html</link></item>"
    b"<item><title>B</title><link>http://h/b-10002.html</link></item></channel></rss>"
)
ATOM = (
    b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>'
    b'<link href="http://h/a-10001.html"/></entry></feed>'
)
EMPTY_RSS = b'<rss version="2.0"><channel><title>Empty</title></channel></rss>'
SITEMAP = (
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    b"<url><loc>http://h/a-10001.html</loc></url><url><loc>http://h/b-10002.html</loc></url></urlset>"
)
HTML_PAGE = b"<html><body><p>Trang ch\xe1\xbb\xa7</p></body></html>"
SECTION = (
    b'<html><body><a href="/thoi-su/bai-mot-123456.html">1</a>'
    b'<a href="/thoi-su/bai-hai-123457.html">2</a></body></html>'
)
SLUG_SECTION = b'<html><body><a href="/kinh-te/202507/bai-mot/">1</a></body></html>'


class Handler(BaseHTTPRequestHandler):
    pages = {
        "/rss/home.rss": ("application/rss+xml", RSS),
        "/atom.xml": ("application/atom+xml", ATOM),
        "/rss/empty.rss": ("application/rss+xml", EMPTY_RSS),
        "/rss/page.rss": ("text/html; charset=utf-8", HTML_PAGE),
        "/sitemap.xml": ("application/xml", SITEMAP),
        "/thoi-su/": ("text/html; charset=utf-8", SECTION),
        "/kinh-te/": ("text/html; charset=utf-8", SLUG_SECTION),
    }
    user_agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        Handler.user_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/prime":
            return self._send(200, "text/html", b"<html></html>", [("Set-Cookie", "sid=ok; Path=/")])
        if self.path == "/rss/cookie.rss":
            if "sid=ok" in (self.headers.get("Cookie") or ""):
                return self._send(200, "application/rss+xml", RSS)
            return self._send(302, "text/html", b"", [("Location", "/rss/cookie.rss")])  # QĐND's loop
        if self.path == "/rss/gzip.rss":
            return self._send(200, "application/rss+xml", gzip.compress(RSS), [("Content-Encoding", "gzip")])
        if self.path == "/slow.rss":
            time.sleep(1.5)
            return self._send(200, "application/rss+xml", RSS)
        if self.path in self.pages:
            return self._send(200, *self.pages[self.path])
        self._send(404, "text/html", b"<html>not found</html>")

    def _send(self, status: int, content_type: str, body: bytes, headers=()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        # The slow route's client has given up by now (that is the point of it).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


LOCAL_REGISTRY = """
outlets:
  - id: good
    name: Báo Tốt
    domain: 127.0.0.1
    kind: provincial-party-paper
    province: Hà Nội
    feeds: ["{sample_press}/rss/home.rss", "{sample_press}/atom.xml", "{sample_press}/rss/gzip.rss"]
    sitemaps: ["{sample_press}/sitemap.xml"]
    sections: ["{sample_press}/thoi-su/"]
  - id: broken
    name: Báo Hỏng
    domain: 127.0.0.1
    kind: central-daily
    province: null
    feeds: ["{sample_press}/missing.rss", "{sample_press}/rss/page.rss", "{sample_press}/rss/empty.rss",
            "http://127.0.0.1:%(closed)d/rss/home.rss"]
    sitemaps: ["{sample_press}/rss/home.rss"]
    sections: ["{sample_press}/kinh-te/"]
  - id: cookie
    name: Báo Bánh quy
    domain: 127.0.0.1
    kind: central-daily
    province: null
    feeds: ["{sample_press}/rss/cookie.rss"]
    sitemaps: []
    sections: []
    prime_url: "{sample_press}/prime"
  - id: nocookie
    name: Báo Không bánh
    domain: 127.0.0.1
    kind: central-daily
    province: null
    feeds: ["{sample_press}/rss/cookie.rss"]
    sitemaps: []
    sections: ["{sample_press}/kinh-te/"]
    article_pattern: '/\\d{6}/[^/]+/?$'
  - id: sleepy
    name: Báo Ngủ
    domain: 127.0.0.1
    kind: trade-magazine
    province: null
    enabled: false
    feeds: ["{sample_press}/slow.rss"]
    sitemaps: []
    sections: []
"""


@pytest.fixture
def local_registry(tmp_path: Path) -> Path:
    path = tmp_path / "local.yaml"
    path.write_text(LOCAL_REGISTRY.replace("%(closed)d", str(closed_port())), encoding="utf-8")
    return path


def run_check(local_registry: Path, site: str, *args: str):
    return CliRunner().invoke(
        outlets_group,
        [
            "check",
            "--registry",
            str(local_registry),
            "--sample-url",
            site,
            "--timeout",
            "0.5",
            "--json",
            *args,
        ],
    )


def test_check_reports_working_and_broken_routes(local_registry, site):
    result = run_check(local_registry, site)
    assert result.exit_code == 1, result.output  # some routes are broken
    rows = json.loads(result.output)
    got = {(r["outlet"], r["url"].replace(site, "")): r for r in rows}
    assert {r["outlet"] for r in rows} == {"good", "broken", "cookie", "nocookie"}  # sleepy is disabled
    expected = (
        ("/rss/home.rss", "rss", 2),
        ("/atom.xml", "atom", 1),
        ("/rss/gzip.rss", "rss", 2),
        ("/sitemap.xml", "sitemap", 2),
        ("/thoi-su/", "html", 2),
    )
    for path, fmt, items in expected:
        row = got[("good", path)]
        assert (row["verdict"], row["status"], row["format"], row["items"], row["ok"]) == (
            "ok",
            200,
            fmt,
            items,
            True,
        ), row
    assert got[("broken", "/missing.rss")]["verdict"] == "http-error"
    assert got[("broken", "/missing.rss")]["status"] == 404
    assert got[("broken", "/rss/page.rss")]["verdict"] == "wrong-format"
    assert got[("broken", "/rss/page.rss")]["format"] == "html"
    assert got[("broken", "/rss/empty.rss")]["verdict"] == "empty"
    assert got[("broken", "/rss/home.rss")]["verdict"] == "wrong-format"  # a feed is not a sitemap
    assert got[("broken", "/kinh-te/")]["verdict"] == "empty"  # slug URLs: no ids to recognise
    refused = next(
        r for r in rows if r["outlet"] == "broken" and "/rss/home.rss" in r["url"] and r["route"] == "feeds"
    )
    assert refused["verdict"] == "network-error" and "refused" in refused["error"].lower()
    # QĐND-style: the priming fetch earns the cookie; without it the feed redirects forever.
    assert got[("cookie", "/rss/cookie.rss")]["verdict"] == "ok"
    assert got[("cookie", "/prime")]["route"] == "prime"
    assert got[("nocookie", "/rss/cookie.rss")]["verdict"] == "http-error"
    assert got[("nocookie", "/rss/cookie.rss")]["status"] == 302
    assert got[("nocookie", "/kinh-te/")]["verdict"] == "ok"  # its article_pattern finds the slug links


def test_check_named_ids_include_disabled_ones_and_time_out(local_registry, site):
    result = run_check(local_registry, site, "sleepy")
    assert result.exit_code == 1
    (row,) = json.loads(result.output)
    assert row["verdict"] == "network-error" and "timed out" in row["error"].lower()


def test_check_exit_codes_and_table_output(local_registry, site):
    runner = CliRunner()
    base = ["check", "--registry", str(local_registry), "--sample-url", site, "--timeout", "2"]
    assert runner.invoke(outlets_group, [*base, "good"]).exit_code == 0
    table = runner.invoke(outlets_group, [*base, "good", "broken"])
    assert table.exit_code == 1
    assert "ok" in table.output and "http-error" in table.output and "404" in table.output
    assert "2 outlets, 11 routes" in table.output
    unknown = runner.invoke(outlets_group, [*base, "nosuch"])
    assert unknown.exit_code == 2 and "nosuch" in unknown.output


def test_probes_send_the_crawlers_user_agent(local_registry, site):
    Handler.user_agents.clear()
    outlets = load_registry(local_registry, {"sample_press": site})
    results = check_outlets([o for o in outlets if o.id == "good"], timeout=2, workers=2)
    assert all(r.ok for r in results) and len(results) == 5
    assert set(Handler.user_agents) == {USER_AGENT}


def test_every_verified_or_seen_fact_cites_a_source_in_the_docs(outlets):
    doc = (REPO / "docs" / "OUTLETS.md").read_text(encoding="utf-8")
    table = {}
    for line in doc.split("### Evidence for the merged agencies")[1].splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 5 and cells[0].startswith("`"):
            table[(cells[0].strip("`"), cells[1])] = (cells[3], cells[4])
    keys = {
        line.split("|")[1].strip()
        for line in doc.splitlines()
        if line.startswith("| ") and ("http" in line or "vietnam-2025.md" in line or "address" in line)
    }
    graded = [(o.id, fact, grade) for o in outlets for fact, grade in o.evidence.items()]
    assert len(graded) >= 200
    for outlet_id, fact, grade in graded:
        doc_grade, source = table[(outlet_id, fact)]
        assert doc_grade == grade, (outlet_id, fact)
        if grade != "guessed":  # a source key with an address, or an entry whose notes hold the evidence
            assert source in keys or source.startswith("`"), (outlet_id, fact, source)


def test_the_docs_counts_per_grade_match_the_registry(outlets):
    """docs/OUTLETS.md's closing figures (facts per grade, the 33 agencies' domains and feeds, the
    whole registry's feeds_source) are recomputed from `presswatch outlets list --json`."""
    import re
    from collections import Counter

    rows = json.loads(CliRunner().invoke(outlets_group, ["list", "--json"]).output)
    doc = (REPO / "docs" / "OUTLETS.md").read_text(encoding="utf-8")

    def figures(counter: Counter) -> str:
        return f"verified {counter['verified']}, seen {counter['seen']}, guessed {counter['guessed']}"

    facts = Counter(g for r in rows for g in r["evidence"].values())
    current = [r for r in rows if r["kind"] == "provincial-press-agency" and not r["active_until"]]
    active = [r for r in rows if not r["active_until"]]
    expected = [
        f"Counts per grade over all {sum(facts.values())} graded facts: {figures(facts)}.",
        f"Domains of the {len(current)} current agencies: "
        f"{figures(Counter(r['evidence'].get('domain', 'guessed') for r in current))}.",
        f"Their feeds (`feeds_source`): {figures(Counter(r['feeds_source'] for r in current))}",
        f"Over the whole registry ({len(rows)} outlets) `feeds_source` is "
        f"{figures(Counter(r['feeds_source'] for r in rows))}",
        f"over the {len(active)} outlets still active (no `active_until`) "
        f"{figures(Counter(r['feeds_source'] for r in active))}.",
    ]
    text = re.sub(r"\s+", " ", doc)
    for sentence in expected:
        assert sentence in text, sentence
