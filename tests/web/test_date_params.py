"""Every route's date parameters, driven with hypothesis: a far or malformed date is a 400 that says
why, in Vietnamese and in English, never a 5xx.

The routes and their date parameters come from the app itself (each view declares the ones it
reads with ``@date_params``; reading an undeclared one raises), so a new date parameter is driven
here without editing this file.
"""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.browser.corpus import corpus_app
from tests.helpers import login, make_user
from tests.web.test_digest_support import add_subscription
from web.filters import MAX_DATE, MIN_DATE, parse_date

# Values for the URL variables of the routes that have date parameters.
URL_VALUES = {"fmt": "docx"}
# Routes every Presswatch has: the walk below must find at least these.
KNOWN = {
    ("search.index", "from"),
    ("search.index", "to"),
    ("dashboard.index", "end"),
    ("digest.preview", "date"),
    ("reports.export", "date"),
}
ANY_DATE = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
DATE_TEXT = st.one_of(
    ANY_DATE.map(date.isoformat),
    ANY_DATE.map(lambda d: f"{d.day:02d}/{d.month:02d}/{d.year:04d}"),
    st.sampled_from(
        [
            "9999-12-31",
            "0001-01-01",
            "31/12/9999",
            "01/01/0001",
            "2026-02-30",
            "1899-12-31",
            "2101-01-01",
            "00/00/0000",
            " 25/11/2026 ",
            "2026-11-25T00:00",
        ]
    ),
    st.text(max_size=16),
)


def routes_with_dates(app) -> list[tuple[object, str, tuple[str, ...]]]:
    found = []
    for rule in app.url_map.iter_rules():
        params = getattr(app.view_functions[rule.endpoint], "date_params", ())
        if params:
            found.append((rule, rule.endpoint, params))
    return found


def driver(client, url: str, method: str, params: tuple[str, ...], post: dict):
    """A hypothesis test of one route: each date parameter in turn, any text in it."""

    @settings(max_examples=12, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(name=st.sampled_from(params), text=DATE_TEXT)
    def drive(name: str, text: str) -> None:
        if method == "GET":
            response = client.get(url, query_string={name: text})
        else:
            response = client.post(url, data={**post, name: text})
        body = response.get_data(as_text=True) if response.mimetype == "text/html" else ""
        where = f"{method} {url} {name}={text!r}"
        assert response.status_code < 500, where
        if text.strip() and parse_date(text) is None:
            assert response.status_code == 400, where
            assert "không hợp lệ" in body and f"{MIN_DATE.year}–{MAX_DATE.year}" in body, where
        else:
            assert response.status_code in (200, 302), where

    return drive


def test_every_date_parameter_is_refused_cleanly(tmp_path_factory):
    app, _ = corpus_app(tmp_path_factory.mktemp("dates"))
    email, password = make_user(app, "admin")
    client = app.test_client()
    assert login(client, email, password).status_code == 302
    subscription_id, _ = add_subscription(app, email=email)
    values = {**URL_VALUES, "subscription_id": subscription_id}
    token = re.search(
        r'name="csrf_token" value="([^"]+)"', client.get("/subscriptions/").get_data(as_text=True)
    ).group(1)
    any_id = re.search(r'href="/articles/([^"?#]+)"', client.get("/search").get_data(as_text=True)).group(1)
    # The basket export needs a basket: tick one article in, as a user does from the search page.
    assert client.post("/basket/add", data={"csrf_token": token, "ids": any_id}).status_code == 303

    routes = routes_with_dates(app)
    declared = {(endpoint, name) for _, endpoint, params in routes for name in params}
    assert declared >= KNOWN

    for rule, endpoint, params in routes:
        missing = set(rule.arguments) - set(values)
        assert not missing, f"{endpoint}: give URL_VALUES a sample for {missing}"
        with app.test_request_context():
            from flask import url_for

            url = url_for(endpoint, **{name: values[name] for name in rule.arguments})
        method = "GET" if "GET" in rule.methods else "POST"

        post = {"csrf_token": token, "format": "docx", "ids": any_id}
        driver(client, url, method, params, post)()


def test_the_refusal_is_in_english_too(tmp_path):
    app, _ = corpus_app(tmp_path)
    email, password = make_user(app)
    client = app.test_client()
    login(client, email, password)
    page = client.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post("/language", data={"language": "en", "csrf_token": token})
    response = client.get("/", query_string={"end": "9999-12-31"})
    assert response.status_code == 400
    assert "Invalid date “9999-12-31”" in response.get_data(as_text=True)


def test_the_command_line_refuses_far_dates_too(tmp_path):
    from presswatch.commands.digest import digest_group

    app, _ = corpus_app(tmp_path)
    subscription_id, _ = add_subscription(app)
    for command in (
        ["send", "--date", "9999-12-31"],
        ["preview", "--subscription", str(subscription_id), "--date", "0001-01-01"],
    ):
        result = app.test_cli_runner().invoke(digest_group, command)
        assert result.exit_code == 2, result.output
        assert "between the years 1900 and 2100" in result.output
