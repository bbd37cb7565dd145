"""One URL at a time under the crawler's fetch policy, without Scrapy: for discovery and the admin's
"test this outlet" probe, which run outside a crawl but must not become a way to reach other hosts.

Every URL, and every redirect hop, must pass ``fetch_policy.refusal`` (http(s), on the outlet's or
its predecessors' hosts) and, unless the outlet is ``local_test``, resolve to public addresses
only. (The address is checked before urllib connects, so a name that resolves differently the
second time could slip through; the crawl itself re-checks the connected address.)
"""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import IO
from urllib.parse import urlsplit

from crawler import fetch_policy
from crawler.outlet_check import MAX_BYTES, _decode_body, _tls_context
from crawler.registry import Outlet


class Refused(urllib.error.URLError):
    """The fetch policy refused this URL (or a redirect to it); ``reason`` says why."""


@dataclass(frozen=True)
class Page:
    url: str  # asked for
    final_url: str  # after redirects
    status: int
    headers: Message
    body: bytes


def _check_address(outlet: Outlet, url: str) -> None:
    if outlet.local_test:
        return
    parts = urlsplit(url)
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise urllib.error.URLError(f"cannot resolve {parts.hostname}: {error}") from None
    addresses = [str(info[4][0]) for info in infos]  # sockaddr[0]: the address, IPv4 or IPv6
    private = [address for address in addresses if not fetch_policy.public(address)]
    if private:
        raise Refused(f"{parts.hostname} resolves to a non-public address ({private[0]})")


def check(outlet: Outlet, url: str) -> None:
    """Raise ``Refused`` unless ``url`` may be fetched for ``outlet``."""
    reason = fetch_policy.refusal(outlet, url)
    if reason:
        raise Refused(reason)
    _check_address(outlet, url)


class _PolicyRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, outlet: Outlet) -> None:
        self.outlet = outlet

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        check(self.outlet, newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class SafeFetcher:
    """GETs for one outlet: policy-checked, at most MAX_BYTES, the crawler's User-Agent."""

    def __init__(self, outlet: Outlet, *, user_agent: str, timeout: float = 15.0) -> None:
        self.outlet, self.user_agent, self.timeout = outlet, user_agent, timeout
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=_tls_context()), _PolicyRedirects(outlet)
        )

    def get(self, url: str) -> Page:
        """The page; raises ``Refused``, ``urllib.error.HTTPError`` or another ``OSError``."""
        check(self.outlet, url)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "*/*"})
        with self.opener.open(request, timeout=self.timeout) as response:
            raw = response.read(MAX_BYTES)
            body, _more = _decode_body(raw, response.headers)
            return Page(url, response.geturl(), response.status, response.headers, body)
