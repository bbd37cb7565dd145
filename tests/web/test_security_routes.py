"""Every route of the app, enumerated from ``app.url_map``, so a new one cannot be forgotten.

* every route needs a logged-in user, except the explicit allow-list below (with reasons);
* every non-GET route refuses a request without a CSRF token (400), except the explicit list;
* every non-GET route refuses anonymous users even when they send a valid CSRF token.

A new public or CSRF-exempt route fails these tests until it is added here with its reason.
"""

from __future__ import annotations

import re

import pytest
from werkzeug.routing import IntegerConverter, PathConverter

from presswatch.app import create_app
from tests.helpers import logged_in_client

PUBLIC = {
    "static": "stylesheet, icons and scripts that the login page itself needs; no data",
    "auth.login": "the login form",
    "i18n.set_language": "the language switch, also on the login page; only sets a session value",
    "digest.unsubscribe": "one-click unsubscribe from an e-mail: the signed token authenticates it",
}
CSRF_EXEMPT = {
    "digest.unsubscribe": "RFC 8058 one-click POST from mail clients has no CSRF token; the signed "
    "token in the URL authenticates it",
}
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("security-routes")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRESSWATCH_DATA_DIR", str(data_dir))
        patch.delenv("PRESSWATCH_ELASTICSEARCH_URL", raising=False)
        yield create_app({"PRESSWATCH_DATA_DIR": data_dir, "RATELIMIT_ENABLED": False})


def url_for_rule(rule) -> str:
    """The rule's URL with placeholder arguments (1 for numbers, a harmless word otherwise)."""
    values = {}
    for name, converter in rule._converters.items():
        if isinstance(converter, IntegerConverter):
            values[name] = 1
        elif isinstance(converter, PathConverter):
            values[name] = "app.css"
        else:
            values[name] = "x"
    return rule.build(values, append_unknown=False)[1]


def routes(app, methods: set[str]) -> list[tuple[str, str, str]]:
    found = []
    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) & methods):
            found.append((rule.endpoint, method, url_for_rule(rule)))
    return sorted(found)


def refused_anonymous(response) -> bool:
    if response.status_code in (401, 403):
        return True
    return response.status_code in (302, 303) and "/auth/login" in response.headers.get("Location", "")


def test_the_allow_lists_name_real_routes(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert set(PUBLIC) <= endpoints and set(CSRF_EXEMPT) <= endpoints
    assert len(routes(app, {"GET"})) > 20  # the enumeration itself works


def test_every_get_route_needs_login(app):
    client = app.test_client()
    open_routes = []
    for endpoint, method, url in routes(app, {"GET"}):
        if endpoint in PUBLIC:
            continue
        response = client.open(url, method=method)
        if not refused_anonymous(response):
            open_routes.append(f"{method} {url} ({endpoint}) → {response.status_code}")
    assert not open_routes, "routes readable without login:\n" + "\n".join(open_routes)


def test_every_unsafe_route_refuses_a_missing_csrf_token(app):
    client = logged_in_client(app, "admin")
    accepted = []
    for endpoint, method, url in routes(app, UNSAFE):
        if endpoint in CSRF_EXEMPT:
            continue
        response = client.open(url, method=method, data={"x": "1"})
        if response.status_code != 400 or "CSRF" not in response.get_data(as_text=True):
            accepted.append(f"{method} {url} ({endpoint}) → {response.status_code}")
    assert not accepted, "unsafe routes that ran without a CSRF token:\n" + "\n".join(accepted)


def test_every_unsafe_route_refuses_anonymous_users_with_a_valid_token(app):
    client = app.test_client()
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    accepted = []
    for endpoint, method, url in routes(app, UNSAFE):
        if endpoint in PUBLIC:
            continue
        response = client.open(url, method=method, data={"csrf_token": token})
        if not refused_anonymous(response):
            accepted.append(f"{method} {url} ({endpoint}) → {response.status_code}")
    assert not accepted, "unsafe routes open to anonymous users:\n" + "\n".join(accepted)


def test_csrf_exempt_routes_still_refuse_a_forged_request(app):
    client = app.test_client()
    for endpoint, method, url in routes(app, UNSAFE):
        if endpoint in CSRF_EXEMPT:
            assert client.open(url, method=method).status_code in (400, 403, 404), url


def test_public_posts_still_need_a_csrf_token(app):
    client = app.test_client()
    for endpoint, method, url in routes(app, UNSAFE):
        if endpoint in PUBLIC and endpoint not in CSRF_EXEMPT:
            assert client.open(url, method=method, data={"x": "1"}).status_code == 400, url


SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}


def _missing_headers(response) -> list[str]:
    missing = [name for name, value in SECURITY_HEADERS.items() if response.headers.get(name) != value]
    policy = response.headers.get("Content-Security-Policy", "")
    if "frame-ancestors 'self'" not in policy or "script-src 'self'" not in policy:
        missing.append("Content-Security-Policy")
    return missing


def test_every_route_sends_the_security_headers(app):
    """Login, admin, reports, operations, subscriptions, digest … — every page, whatever its
    blueprint or status (redirects, 403, 404 and CSRF refusals too), cannot be framed by another
    site and carries nosniff and the referrer policy."""
    anonymous, admin = app.test_client(), logged_in_client(app, "admin")
    lacking = []
    for client, who in ((anonymous, "anonymous"), (admin, "admin")):
        for endpoint, method, url in routes(app, {"GET"} | UNSAFE):
            response = client.open(url, method=method)
            if missing := _missing_headers(response):
                lacking.append(f"{who} {method} {url} ({endpoint}) → {response.status_code}: {missing}")
    assert not lacking, "responses without the security headers:\n" + "\n".join(lacking)
