"""Probe outlets' discovery routes on the real network: does each feed, sitemap and section answer,
and does it parse into article links the way the spider would parse it?

Plain HTTP (urllib) rather than Scrapy, so a check is quick, synchronous and needs no reactor; it
sends the crawler's own User-Agent so that a block seen here is a block the spider will meet.
No click here: `presswatch/commands/outlets.py` is the command line.
"""

from __future__ import annotations

import functools
import http.client
import http.cookiejar
import re
import ssl
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from crawler.discovery import parse_feed, parse_section, parse_sitemap
from crawler.discovery.feeds import _local
from crawler.extract.xpaths import strings
from crawler.registry import Outlet

# Enough for any feed or sitemap page; a bigger body is read only this far (and says so).
MAX_BYTES = 8 * 1024 * 1024
# Verdicts, best first; ``ok`` is the only one that means "the spider gets articles here".
VERDICTS = ("ok", "empty", "wrong-format", "http-error", "network-error")
FEED_ROOTS = {"rss": "rss", "feed": "atom", "RDF": "rdf"}
SITEMAP_ROOTS = {"urlset": "sitemap", "sitemapindex": "sitemap-index"}


@dataclass(frozen=True)
class RouteResult:
    """One probed URL: what came back and what the spider's parser made of it."""

    outlet: str
    route: str  # "feeds", "sitemaps", "sections" (or "prime" for a cookie-priming fetch)
    url: str
    verdict: str  # one of VERDICTS
    status: int | None = None
    final_url: str = ""  # after redirects
    format: str = ""  # rss, atom, rdf, sitemap, sitemap-index, html, other
    items: int = 0  # article links (or child sitemaps, for an index)
    error: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.verdict == "ok"

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "ok": self.ok}


def _tls_context() -> ssl.SSLContext:
    # Scrapy's default context factory does not verify certificates, so neither does the probe:
    # a route that "works" here must be one the spider can fetch (e.g. travinh.baovinhlong.vn).
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _opener(cookies: bool) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = [urllib.request.HTTPSHandler(context=_tls_context())]
    if cookies:
        handlers.append(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    return urllib.request.build_opener(*handlers)


def _inflate(body: bytes, wbits: int) -> tuple[bytes, bool]:
    """Decompress at most MAX_BYTES (a 200 KB gzip bomb expanded to 506 MB in memory before);
    (data, whether more was left)."""
    inflater = zlib.decompressobj(wbits)
    data = inflater.decompress(body, MAX_BYTES)
    return data, bool(inflater.unconsumed_tail)


def _decode_body(body: bytes, headers: Message) -> tuple[bytes, bool]:
    """(body, truncated): decompressed, if the server compressed it, up to MAX_BYTES."""
    # We send no Accept-Encoding, but some servers compress anyway (VietnamPlus per NM).
    encoding = (headers.get("Content-Encoding") or "").lower()
    if "gzip" in encoding or body[:2] == b"\x1f\x8b":
        try:
            return _inflate(body, 16 + zlib.MAX_WBITS)
        except zlib.error:
            return body, False
    if "deflate" in encoding:
        for wbits in (zlib.MAX_WBITS, -zlib.MAX_WBITS):  # zlib-wrapped, or raw as some servers send
            try:
                return _inflate(body, wbits)
            except zlib.error:
                continue
    return body, False


def _root_name(body: bytes) -> str:
    """Local name of the document's root element: rss, feed, urlset, html…; "" when unreadable."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(body.lstrip(), parser)
    except (etree.XMLSyntaxError, ValueError):
        return ""
    return _local(root.tag) if root is not None else ""


def _text(body: bytes, headers: Message) -> str:
    charset = headers.get_content_charset() or "utf-8"
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def judge(
    route: str, url: str, body: bytes, headers: Message, article_pattern: str | None = None
) -> tuple[str, str, int, str]:
    """(verdict, format, items, note) for a fetched body, parsed as the spider parses that route."""
    root = _root_name(body)
    fmt = FEED_ROOTS.get(root) or SITEMAP_ROOTS.get(root) or ("html" if root.lower() == "html" else "other")
    if route == "feeds":
        if fmt not in FEED_ROOTS.values():
            return "wrong-format", fmt, 0, f"expected RSS/Atom, got {fmt} (root <{root or '?'}>)"
        items = len(parse_feed(body))
        return ("ok" if items else "empty"), fmt, items, "" if items else "feed has no items"
    if route == "sitemaps":
        if fmt not in SITEMAP_ROOTS.values():
            return "wrong-format", fmt, 0, f"expected a sitemap, got {fmt} (root <{root or '?'}>)"
        links, children = parse_sitemap(body)
        items = len(links) or len(children)
        return ("ok" if items else "empty"), fmt, items, "" if items else "sitemap lists nothing"
    # Sections: same prefix rule as the spider (links under the section's folder).
    if fmt in FEED_ROOTS.values() or fmt in SITEMAP_ROOTS.values():
        return "wrong-format", fmt, 0, f"expected an HTML listing, got {fmt}"
    prefix = url.rsplit("/", 1)[0] + "/"
    text = _text(body, headers)
    articles, _next = parse_section(text, url, prefix)
    if not articles and article_pattern:
        # The outlet's own pattern (registry key article_pattern), so `check` shows what it finds.
        articles = _links_matching(text, url, prefix, article_pattern)
    items = len(articles)
    return ("ok" if items else "empty"), "html", items, "" if items else "no article links found"


def _links_matching(text: str, url: str, prefix: str, pattern: str) -> list[str]:
    try:
        tree = lxml_html.document_fromstring(text)
    except (ValueError, etree.ParserError):
        return []
    found: list[str] = []
    regex = re.compile(pattern)
    for href in strings(tree, "//a/@href"):
        absolute = urljoin(url, href.strip())
        if absolute.startswith(prefix) and regex.search(urlsplit(absolute).path) and absolute not in found:
            found.append(absolute)
    return found


def probe(
    url: str,
    route: str,
    outlet: Outlet,
    *,
    user_agent: str,
    timeout: float,
    opener: urllib.request.OpenerDirector | None = None,
) -> RouteResult:
    """Fetch one route URL and judge it; never raises for network or parse trouble."""
    opener = opener or _opener(cookies=False)
    request = urllib.request.Request(url, headers={"User-Agent": user_agent, "Accept": "*/*"})
    started = time.monotonic()
    result = functools.partial(RouteResult, outlet.id, route, url)
    try:
        with opener.open(request, timeout=timeout) as response:
            raw = response.read(MAX_BYTES + 1)
            status, final_url, headers = response.status, response.geturl(), response.headers
    except urllib.error.HTTPError as error:
        # A redirect loop (QĐND without its cookie) also lands here, with the 30x status.
        return result(
            verdict="http-error",
            status=error.code,
            final_url=error.geturl() or url,
            error=f"HTTP {error.code} {error.reason}",
            seconds=time.monotonic() - started,
        )
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return result(
            verdict="network-error",
            error=f"{type(reason).__name__}: {reason}",
            seconds=time.monotonic() - started,
        )
    body, inflated_more = _decode_body(raw[:MAX_BYTES], headers)
    note = "truncated at 8 MB; " if len(raw) > MAX_BYTES or inflated_more else ""
    if route == "prime":
        verdict, fmt, items, why = "ok", "", 0, ""
    else:
        verdict, fmt, items, why = judge(route, final_url, body, headers, outlet.article_pattern)
    return result(
        verdict=verdict,
        status=status,
        final_url=final_url,
        format=fmt,
        items=items,
        error=(note + why).strip("; "),
        seconds=time.monotonic() - started,
    )


def check_outlet(outlet: Outlet, *, user_agent: str, timeout: float) -> list[RouteResult]:
    """Every route of one outlet, one request at a time (polite to that site)."""
    # Only an outlet that needs a session cookie gets a cookie jar, primed the way the site expects.
    opener = _opener(cookies=bool(outlet.prime_url))
    results = []
    if outlet.prime_url:
        results.append(
            probe(outlet.prime_url, "prime", outlet, user_agent=user_agent, timeout=timeout, opener=opener)
        )
    routes = (("feeds", outlet.feeds), ("sitemaps", outlet.sitemaps), ("sections", outlet.sections))
    for route, urls in routes:
        for url in urls:
            results.append(probe(url, route, outlet, user_agent=user_agent, timeout=timeout, opener=opener))
    return results


def check_outlets(
    outlets: Iterable[Outlet],
    *,
    user_agent: str | None = None,
    timeout: float = 15.0,
    workers: int = 8,
    progress: Callable[[Outlet, list[RouteResult]], None] | None = None,
) -> list[RouteResult]:
    """Probe many outlets concurrently (one thread per outlet, at most ``workers`` at once).

    Results come back in registry order whatever order the threads finish in.
    """
    if user_agent is None:
        from crawler.settings import USER_AGENT  # the spider's own identity

        user_agent = USER_AGENT
    chosen = list(outlets)
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="outlet-check") as pool:
        futures = [pool.submit(check_outlet, o, user_agent=user_agent, timeout=timeout) for o in chosen]
        results: list[RouteResult] = []
        for outlet, future in zip(chosen, futures, strict=True):
            outcome = future.result()
            if progress:
                progress(outlet, outcome)
            results.extend(outcome)
    return results
