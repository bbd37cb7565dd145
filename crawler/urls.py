"""URL hygiene: one article, one URL, however it was reached."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = {"fbclid", "gclid", "zarsrc", "zacc", "_ga", "mc_cid", "mc_eid", "ref", "refer",
                   "src", "cmpid", "itm_source", "itm_medium", "itm_campaign", "gidzl"}


def canonicalize(url: str) -> str:
    """Lower-case host, no fragment, no tracking parameters, no mobile/AMP host or suffix."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    for prefix in ("m.", "amp.", "mobile."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    netloc = host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"
    path = parts.path or "/"
    for suffix in ("/amp", ".amp"):
        if path.endswith(suffix):
            path = path[: -len(suffix)] or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(("utm_", "amp")) and k.lower() not in TRACKING_PARAMS]
    return urlunsplit((parts.scheme.lower(), netloc, path, urlencode(sorted(query)), ""))
