"""HTTP hardening applied by the app factory to every response and request, whatever the blueprint:
security headers, cookie flags, and the trusted reverse proxy."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Flask, Response
from werkzeug.middleware.proxy_fix import ProxyFix

from search.config import settings

# Scripts only from /static (no inline script, no event handler attribute, no eval). Images only
# from this site: article images named by crawled pages are links, opened on click, so a staff
# browser never fetches a host a page chose just by being shown it. Inline styles stay allowed
# (the digest mail preview and progress bars use them; they cannot run code). frame-ancestors
# 'self' lets the digest preview show the mail in its own srcdoc frame and no other site frame us.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'self'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",  # frame-ancestors for browsers that predate CSP 2
}


def security_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def cookie_config(base_url: str) -> dict[str, Any]:
    """Session and remember-me cookies: HttpOnly, SameSite=Lax, Secure when the site is https.

    ``PRESSWATCH_SECURE_COOKIES`` (1/0) overrides; by default it follows ``PRESSWATCH_BASE_URL``.
    """
    env = settings()
    secure = env.flag("PRESSWATCH_SECURE_COOKIES", base_url.lower().startswith("https://"))
    days = int(env.get("PRESSWATCH_REMEMBER_DAYS", "14") or 14)
    return {
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_DURATION": timedelta(days=days),
    }


def trusted_proxies() -> int:
    """How many reverse proxies stand in front (``PRESSWATCH_TRUSTED_PROXIES``, default 0)."""
    value = settings().get("PRESSWATCH_TRUSTED_PROXIES", "").strip() or "0"
    if not value.isdigit():
        raise ValueError(f"PRESSWATCH_TRUSTED_PROXIES must be a number of proxies, not {value!r}")
    return int(value)


def init_app(app: Flask) -> None:
    app.after_request(security_headers)
    proxies = int(app.config.get("PRESSWATCH_TRUSTED_PROXIES") or 0)
    if proxies:
        # Only then are X-Forwarded-For/-Proto/-Host believed, and only the last ``proxies`` hops:
        # the login throttle keys on the client's address, which a client could otherwise forge.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]  # Flask's documented way to wrap it
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )
