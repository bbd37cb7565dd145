"""Learn an outlet's feeds and sitemaps from the site itself, and try three of its articles.

Candidates come from the homepage's ``<link rel="alternate">`` (RSS/Atom), robots.txt's
``Sitemap:`` lines and a few common paths; each is fetched under the fetch policy
(``safe_fetch``: the outlet's own hosts only) and judged the way ``presswatch outlets check``
judges a route. What was found is written to the crawl state (``outlet_discovery``), shown by
``presswatch outlets health``, for a maintainer to promote into the registry: nothing here edits
the registry itself.

``python -m crawler.discovery.learn`` is the command the admin's "test this outlet" probe runs in
a subprocess (the web app never imports Scrapy or the crawler's fetching code).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import urllib.error
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from crawler.discovery import parse_feed, parse_section, parse_sitemap
from crawler.discovery.safe_fetch import Refused, SafeFetcher
from crawler.extract.xpaths import html_elements
from crawler.outlet_check import judge
from crawler.registry import Outlet, RegistryError, load_registry

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
COMMON_FEEDS = ("/rss", "/rss.xml", "/feed", "/rss/home.rss", "/rss/tin-moi-nhat.rss")
COMMON_SITEMAPS = ("/sitemap.xml", "/sitemap_index.xml", "/sitemap-news.xml", "/sitemaps.xml")
MAX_CANDIDATES = 40  # a homepage listing hundreds of feeds is not probed one by one
SITEMAP_LINE = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Found:
    route: str  # "feeds" or "sitemaps"
    url: str
    source: str  # "homepage", "robots.txt", "common path"
    verdict: str  # outlet_check's: ok, empty, wrong-format, http-error, network-error, refused
    items: int = 0
    registered: bool = False
    error: str = ""


@dataclass
class Report:
    outlet: str
    found: list[Found] = field(default_factory=list)
    articles: list[dict[str, object]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "outlet": self.outlet,
            "found": [asdict(f) for f in self.found],
            "articles": self.articles,
            "errors": self.errors,
        }


def origins(outlet: Outlet) -> list[str]:
    """Where the outlet's homepage is: the origins of its registered routes on its own hosts, and
    ``https://<domain>`` (except for local test outlets, whose domains are fictional)."""
    found = []
    for url in (*outlet.feeds, *outlet.sitemaps, *outlet.sections):
        parts = urlsplit(url)
        found.append(f"{parts.scheme}://{parts.netloc}")
    if not outlet.local_test:
        found.insert(0, f"https://{outlet.domain}")
    return list(dict.fromkeys(found))


def _homepage_feeds(body: bytes, base: str) -> list[str]:
    try:
        tree = lxml_html.document_fromstring(body)
    except (ValueError, etree.ParserError):
        return []
    urls = []
    for link in html_elements(tree, "//link[@href]"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES:
            urls.append(urljoin(base, link.get("href", "").strip()))
    return urls


def candidates(outlet: Outlet, fetcher: SafeFetcher, report: Report) -> list[tuple[str, str, str]]:
    """(route, url, source) to probe, declared ones first, without repeats."""
    out: list[tuple[str, str, str]] = []
    for origin in origins(outlet):
        for path, what in (("/", "homepage"), ("/robots.txt", "robots.txt")):
            try:
                page = fetcher.get(origin + path)
            except (urllib.error.URLError, OSError, ValueError) as error:
                report.errors.append(f"{origin}{path}: {getattr(error, 'reason', error)}")
                continue
            if what == "homepage":
                out += [("feeds", url, what) for url in _homepage_feeds(page.body, page.final_url)]
            else:
                text = page.body[: 512 * 1024].decode("utf-8", errors="replace")
                out += [("sitemaps", urljoin(page.final_url, m), what) for m in SITEMAP_LINE.findall(text)]
        out += [("feeds", origin + p, "common path") for p in COMMON_FEEDS]
        out += [("sitemaps", origin + p, "common path") for p in COMMON_SITEMAPS]
    seen: set[str] = set()
    unique = []
    for route, url, source in out:
        if url not in seen:
            seen.add(url)
            unique.append((route, url, source))
    return unique[:MAX_CANDIDATES]


def discover(outlet: Outlet, fetcher: SafeFetcher, report: Report | None = None) -> Report:
    """Probe every candidate; common paths that do not answer are left out (they are guesses)."""
    report = report or Report(outlet.id)
    registered = {*outlet.feeds, *outlet.sitemaps}
    for route, url, source in candidates(outlet, fetcher, report):
        try:
            page = fetcher.get(url)
        except Refused as error:
            report.found.append(
                Found(route, url, source, "refused", registered=url in registered, error=str(error.reason))
            )
            continue
        except urllib.error.HTTPError as error:
            if source != "common path":
                report.found.append(
                    Found(
                        route,
                        url,
                        source,
                        "http-error",
                        registered=url in registered,
                        error=f"HTTP {error.code}",
                    )
                )
            continue
        except (urllib.error.URLError, OSError, ValueError) as error:
            if source != "common path":
                report.found.append(
                    Found(
                        route,
                        url,
                        source,
                        "network-error",
                        registered=url in registered,
                        error=str(getattr(error, "reason", error)),
                    )
                )
            continue
        verdict, _fmt, items, note = judge(route, page.final_url, page.body, page.headers)
        if source == "common path" and verdict == "wrong-format":
            continue  # an HTML page at /rss is the site's 404 in disguise, not a find
        report.found.append(
            Found(
                route,
                page.final_url,
                source,
                verdict,
                items,
                registered=url in registered or page.final_url in registered,
                error=note,
            )
        )
    return report


def _article_links(outlet: Outlet, fetcher: SafeFetcher, report: Report) -> list[str]:
    """Article URLs from the working routes: discovered and registered feeds, sitemaps, sections."""
    listings = [(f.route, f.url) for f in report.found if f.verdict == "ok"]
    listings += [("feeds", u) for u in outlet.feeds] + [("sitemaps", u) for u in outlet.sitemaps]
    listings += [("sections", u) for u in outlet.sections]
    links: list[str] = []
    for route, url in dict.fromkeys(listings):
        try:
            page = fetcher.get(url)
        except (urllib.error.URLError, OSError, ValueError):
            continue
        if route == "feeds":
            links += [urljoin(page.final_url, link.url) for link in parse_feed(page.body)]
        elif route == "sitemaps":
            links += [urljoin(page.final_url, link.url) for link in parse_sitemap(page.body)[0]]
        else:
            prefix = url.rsplit("/", 1)[0] + "/"
            links += parse_section(page.body.decode("utf-8", errors="replace"), page.final_url, prefix)[0]
        if len(links) >= 20:
            break
    return list(dict.fromkeys(links))


def sample_articles(outlet: Outlet, fetcher: SafeFetcher, report: Report, count: int = 3) -> None:
    """Fetch and extract up to ``count`` articles, each as the crawler would (policy, selectors)."""
    from crawler.extract import extract_article
    from crawler.extract.options import ExtractionOptions
    from crawler.fetch_policy import own_hosts

    options = ExtractionOptions.build(outlet.selectors or None, own_hosts(outlet))
    for url in _article_links(outlet, fetcher, report):
        if len(report.articles) >= count:
            break
        try:
            page = fetcher.get(url)
        except (urllib.error.URLError, OSError, ValueError) as error:
            report.articles.append({"url": url, "ok": False, "error": str(getattr(error, "reason", error))})
            continue
        result = extract_article(page.body, page.final_url, page.headers.get("Content-Type"), options)
        row: dict[str, object] = {"url": page.final_url, "ok": result.ok, "error": result.reason}
        article = result.article  # None when not result.ok
        if article is not None:
            words = len(article.body.split())
            row.update(title=article.title, published_at=str(article.published_at), words=words)
        report.articles.append(row)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.discovery.learn", description=__doc__)
    parser.add_argument("ids", nargs="*", help="outlet ids (default: every enabled outlet)")
    parser.add_argument("--registry", default="", help="registry YAML (default: crawler/outlets.yaml)")
    parser.add_argument("--sample-url", default="http://127.0.0.1:8765", help="what {sample_press} means")
    parser.add_argument("--articles", type=int, default=0, help="also extract this many articles")
    parser.add_argument("--timeout", type=float, default=15.0)
    parser.add_argument("--state", default="", help="crawl state to record the finds in ('-': none)")
    args = parser.parse_args(argv)
    from crawler.registry import DEFAULT_REGISTRY
    from crawler.settings import USER_AGENT

    try:
        outlets = load_registry(Path(args.registry or DEFAULT_REGISTRY), {"sample_press": args.sample_url})
    except RegistryError as error:
        print(json.dumps({"error": str(error)}, ensure_ascii=False))
        return 2
    chosen = [o for o in outlets if o.id in args.ids] if args.ids else [o for o in outlets if o.enabled]
    unknown = sorted(set(args.ids) - {o.id for o in chosen})
    if unknown:
        print(json.dumps({"error": f"unknown outlet id(s): {', '.join(unknown)}"}, ensure_ascii=False))
        return 2
    reports = []
    for outlet in chosen:
        fetcher = SafeFetcher(outlet, user_agent=USER_AGENT, timeout=args.timeout)
        report = discover(outlet, fetcher)
        if args.articles:
            sample_articles(outlet, fetcher, report, args.articles)
        reports.append(report)
    if args.state != "-":
        record(reports, args.state)
    print(json.dumps([r.as_dict() for r in reports], ensure_ascii=False, indent=1))
    return 0


def record(reports: list[Report], state: str = "") -> None:
    """Write the finds into the crawl state (``outlet_discovery``), one row per outlet."""
    from crawler.settings import PRESSWATCH_CRAWL_STATE
    from crawler.state import CrawlState, state_path

    store = CrawlState(state_path({"PRESSWATCH_CRAWL_STATE": state or PRESSWATCH_CRAWL_STATE}))
    try:
        for report in reports:
            store.record_discovery(report.outlet, [asdict(f) for f in report.found])
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
