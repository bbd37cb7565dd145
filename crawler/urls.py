"""URL hygiene: one article, one URL, however it was reached.

Listings link the same article under many URLs: feeds add ``utm_*``, Facebook and Zalo shares add
``fbclid``/``zarsrc``, comment links add ``#binh-luan``, AMP copies live at ``/amp``, ``?amp=1``
or ``amp.`` hosts, mobile copies at ``m.`` hosts. ``canonicalize`` maps them all to one URL before
anything is fetched, so each article is requested once; the page's own canonical link (read by the
extractor) then settles the URL the article is indexed under.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import safe_url_string

TRACKING_PARAMS = {
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "yclid",
    "igshid",
    "zarsrc",
    "zacc",
    "gidzl",
    "_ga",
    "_gl",
    "mc_cid",
    "mc_eid",
    "mkt_tok",
    "ref",
    "refer",
    "src",
    "cmpid",
    "itm_source",
    "itm_medium",
    "itm_campaign",
    "itm_content",
}
TRACKING_PREFIXES = ("utm_", "amp")  # utm_source…; amp, amp_js_v, amp_gsa…
MOBILE_HOST_PREFIXES = ("m.", "amp.", "mobile.")
AMP_SUFFIXES = (("/amp/", "/"), ("/amp", ""), (".amp", ""))  # (suffix, replacement)


DEFAULT_PORTS = {"http": 80, "https": 443}


def canonicalize(url: str) -> str:
    """Lower-case host, no fragment, no tracking parameters, no mobile/AMP host or suffix.

    A URL too malformed to parse (a bad port, a broken IPv6 literal) or without a host comes back
    stripped but otherwise unchanged: the fetch then fails on its own, with the URL in the log.
    Canonical forms are fixed points (canonicalising one again changes nothing), also for the
    degenerate slash runs that hostile listings contain.
    """
    current = url.strip()
    for _ in range(4):
        following = _canonicalize_once(current)
        if following == current:
            break
        current = following
    return current


def _canonicalize_once(url: str) -> str:
    try:
        # Percent-encode as Scrapy does for requests, so the canonical form is what gets fetched.
        parts = urlsplit(safe_url_string(url.strip()))
        port = parts.port
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    if not host:
        return url.strip()
    for prefix in MOBILE_HOST_PREFIXES:
        # "m.baobacninh.vn" → "baobacninh.vn", but never down to a bare suffix ("m.vn").
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    scheme = parts.scheme.lower()
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = parts.path or "/"
    for suffix, replacement in AMP_SUFFIXES:
        if path.endswith(suffix) and len(path) > len(suffix):
            path = path[: -len(suffix)] + replacement or "/"
            break
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(TRACKING_PREFIXES) and k.lower() not in TRACKING_PARAMS
    ]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))
