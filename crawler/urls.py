"""URL hygiene: one article, one URL, however it was reached."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import safe_url_string

TRACKING_PARAMS = {"fbclid", "gclid", "zarsrc", "zacc", "_ga", "mc_cid", "mc_eid", "ref", "refer",
                   "src", "cmpid", "itm_source", "itm_medium", "itm_campaign", "gidzl"}


DEFAULT_PORTS = {"http": 80, "https": 443}


def canonicalize(url: str) -> str:
    """Lower-case host, no fragment, no tracking parameters, no mobile/AMP host or suffix.

    A URL too malformed to parse (a bad port, a broken IPv6 literal) comes back stripped but
    otherwise unchanged: the fetch will then fail on its own, with the URL in the log.
    """
    try:
        # Percent-encode as Scrapy does for requests, so the canonical form is what gets fetched.
        parts = urlsplit(safe_url_string(url.strip()))
        port = parts.port
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    for prefix in ("m.", "amp.", "mobile."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    scheme = parts.scheme.lower()
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = parts.path or "/"
    for suffix in ("/amp", ".amp"):
        if path.endswith(suffix):
            path = path[: -len(suffix)] or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(("utm_", "amp")) and k.lower() not in TRACKING_PARAMS]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))
