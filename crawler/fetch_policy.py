"""What the crawler may fetch: http(s) URLs on the outlet's own hosts, at public addresses.

A feed, a sitemap or a redirect can name any URL: another site, ``file:///etc/passwd``, the
cloud metadata service at 169.254.169.254, a database on loopback. Whatever the crawler fetches
is indexed and shown to every viewer, so ``FetchPolicyMiddleware`` refuses, before anything is
sent:

- schemes other than http and https;
- hosts that are not the outlet's: its ``domain``, ``aliases`` and ``cdn_hosts`` (and their
  subdomains, ``Outlet.owns``), or the exact host:port of a route the registry lists for it, or
  the same of an outlet it succeeded (``Outlet.succeeded``: a merged agency's archive is on its
  predecessors' domains; a redirect from there to its own hosts is recorded as a move);
- for outlets not marked ``local_test``, hosts that resolve to a loopback, private, link-local,
  shared or otherwise non-global address (every address DNS returns must be public), and, once
  connected, a response from such an address (a name that resolved differently the second time).

Redirects are new requests, so each hop is checked again. A refusal is counted per outlet
(``presswatch/refused/<outlet>``, a few examples in ``presswatch_refused/<outlet>``), kept in the
outlet's health and logged; the page is settled, not retried.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Coroutine
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from crawler.registry import Outlet

log = logging.getLogger(__name__)
SCHEMES = ("http", "https")
EXAMPLES = 5  # refused URLs kept per outlet and run, with their reasons


class RefusedRequest(IgnoreRequest):
    """The fetch policy refused this URL; the message says why."""


def _host_port(url: str) -> tuple[str, int | None]:
    parts = urlsplit(url)
    try:
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())
    except ValueError:  # a port out of range
        port = None
    return (parts.hostname or "").lower(), port


def route_hosts(outlet: Outlet) -> frozenset[tuple[str, int | None]]:
    """(host, port) of every URL the registry itself lists for the outlet."""
    urls = (*outlet.feeds, *outlet.sitemaps, *outlet.sections, *filter(None, (outlet.prime_url,)))
    return frozenset(_host_port(url) for url in urls)


def own_hosts(outlet: Outlet) -> tuple[str, ...]:
    """Host names the outlet's pages may name as their canonical URL's (subdomains included):
    its own and those of the outlets it succeeded (archived articles keep their old URL)."""
    return tuple(
        dict.fromkeys(
            host
            for o in (outlet, *outlet.succeeded)
            for host in (*o.hosts, *(h for h, _port in route_hosts(o) if h))
        )
    )


def on_hosts_of(outlet: Outlet, url: str) -> bool:
    """On the outlet's own hosts, or on the host:port of one of its registered routes."""
    return outlet.owns(url) or _host_port(url) in route_hosts(outlet)


def refusal(outlet: Outlet, url: str) -> str | None:
    """Why ``url`` may not be fetched for ``outlet`` by its scheme and host; None if it may."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        return f"not an http(s) URL ({scheme or 'no scheme'})"
    host, _port = _host_port(url)
    if not host:
        return "no host"
    if any(on_hosts_of(o, url) for o in (outlet, *outlet.succeeded)):
        return None
    return f"not on the outlet's hosts ({host})"


def moved(outlet: Outlet, redirected_from: list[str], url: str) -> str | None:
    """ "old → new" when a redirect led from a predecessor's host to the outlet's own, else None."""
    if not redirected_from or not on_hosts_of(outlet, url) or on_hosts_of(outlet, redirected_from[0]):
        return None
    if not any(on_hosts_of(o, redirected_from[0]) for o in outlet.succeeded):
        return None
    old, new = urlsplit(redirected_from[0]).netloc.lower(), urlsplit(url).netloc.lower()
    return f"{old} → {new}"


def public(address: str) -> bool:
    """Whether an IP address is globally routable (not loopback, private, link-local, shared…)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _resolve(host: str, port: int | None) -> list[str]:
    try:
        # sockaddr[0] is the address string for both IPv4 and IPv6.
        return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})
    except (OSError, UnicodeError):
        return []  # the download fails with its own DNS error


class FetchPolicyMiddleware:
    """Downloader middleware enforcing the policy above (before robots.txt, which fetches too)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.addresses: dict[tuple[str, int | None], list[str]] = {}
        # host:port an outlet's request was let through to: Scrapy's own robots.txt requests for
        # them carry no outlet and inherit that verdict.
        self.allowed: dict[tuple[str, int | None], Outlet] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FetchPolicyMiddleware:
        return cls(crawler)

    def process_request(
        self, request: Request, spider: Spider | None = None
    ) -> Coroutine[Any, Any, None] | None:
        outlet: Outlet | None = request.meta.get("outlet")
        key = _host_port(request.url)
        if outlet is None:
            outlet = self.allowed.get(key)
            if outlet is None:
                self.refuse(request, None, "no outlet asked for this host")
            return None
        reason = refusal(outlet, request.url)
        if reason:
            self.refuse(request, outlet, reason)
        move = moved(outlet, request.meta.get("redirect_urls") or [], request.url)
        if move:
            record_move(self.crawler.stats, outlet.id, move)
        if outlet.local_test:
            self.allowed[key] = outlet
            return None
        if key in self.addresses:
            self.check_addresses(request, outlet, key)
            return None
        return self._resolve_then_check(request, outlet, key)

    async def _resolve_then_check(
        self, request: Request, outlet: Outlet, key: tuple[str, int | None]
    ) -> None:
        # getaddrinfo in a thread: the reactor never waits for DNS.
        self.addresses[key] = await maybe_deferred_to_future(deferToThread(_resolve, *key))
        self.check_addresses(request, outlet, key)

    def check_addresses(self, request: Request, outlet: Outlet, key: tuple[str, int | None]) -> None:
        private = [address for address in self.addresses[key] if not public(address)]
        if private:
            self.refuse(request, outlet, f"{key[0]} resolves to a non-public address ({private[0]})")
        self.allowed[key] = outlet

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        outlet: Outlet | None = request.meta.get("outlet") or self.allowed.get(_host_port(request.url))
        address = getattr(response, "ip_address", None)
        if outlet is not None and not outlet.local_test and address is not None and not public(str(address)):
            self.refuse(request, outlet, f"answered from a non-public address ({address})")
        return response

    def refuse(self, request: Request, outlet: Outlet | None, reason: str) -> None:
        record(self.crawler.stats, outlet.id if outlet else "unknown", request.url, reason)
        raise RefusedRequest(f"refused: {reason}")


def record(stats: Any, outlet_id: str, url: str, reason: str) -> None:
    """Count a refusal for the outlet's health, keep the first few with their reasons, log it."""
    stats.inc_value(f"presswatch/refused/{outlet_id}")
    examples = stats.get_value(f"presswatch_refused/{outlet_id}") or []
    if len(examples) < EXAMPLES:
        stats.set_value(f"presswatch_refused/{outlet_id}", [*examples, f"{url} ({reason})"])
    log.warning("Refused: %s (%s; outlet %s)", url, reason, outlet_id)


def record_move(stats: Any, outlet_id: str, move: str) -> None:
    """Keep the distinct moves (old host → new host) an outlet's redirects showed, for its health."""
    moves = stats.get_value(f"presswatch_moved/{outlet_id}") or []
    if move not in moves:
        stats.set_value(f"presswatch_moved/{outlet_id}", [*moves, move][:EXAMPLES])
        log.info("Moved: %s (outlet %s)", move, outlet_id)
