"""Accounts: hashed passwords, CSRF on login, rate limiting, sessions that end when they should."""

from __future__ import annotations

from html.parser import HTMLParser

from werkzeug.security import generate_password_hash

from presswatch.app import create_app
from tests.helpers import login, make_user
from web.db import connect, database_path


def app_for_test():
    return create_app({"TESTING": True})


def test_passwords_are_stored_hashed():
    app = app_for_test()
    email, password = make_user(app, "viewer")
    with connect(database_path(app)) as db:
        stored = db.execute("SELECT password_hash FROM users WHERE email = ?", (email,)).fetchone()[0]
    assert password not in stored and stored.startswith(("scrypt:", "pbkdf2:"))


def test_login_without_csrf_token_is_refused():
    app = app_for_test()
    email, password = make_user(app, "viewer")
    response = app.test_client().post("/auth/login", data={"email": email, "password": password})
    assert response.status_code == 400


def test_wrong_password_and_rate_limit():
    app = app_for_test()
    email, _ = make_user(app, "viewer")
    client = app.test_client()
    statuses = [login(client, email, "sai-mat-khau").status_code for _ in range(12)]
    assert statuses[0] == 401 and 429 in statuses


def test_changing_the_password_ends_open_sessions():
    app = app_for_test()
    email, password = make_user(app, "viewer")
    client = app.test_client()
    assert login(client, email, password).status_code == 302
    search = app.url_map.bind("x").build("search.index")
    assert client.get(search).status_code == 200
    with connect(database_path(app)) as db:
        db.execute(
            "UPDATE users SET password_hash = ? WHERE email = ?",
            (generate_password_hash("mat-khau-moi-456"), email),
        )
    assert client.get(search).status_code == 302  # back to the login page


def test_login_redirect_stays_on_this_site():
    app = app_for_test()
    email, password = make_user(app, "viewer")
    client = app.test_client()
    import re

    page = client.get("/auth/login?next=https://evil.example/x").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(
        "/auth/login?next=https://evil.example/x",
        data={"email": email, "password": password, "csrf_token": token},
    )
    assert response.status_code == 302 and "evil.example" not in response.headers["Location"]


def test_the_demo_admin_printed_by_presswatch_demo_can_log_in_and_be_edited():
    from presswatch.commands.demo import _ensure_demo_admin

    app = app_for_test()
    email, password = _ensure_demo_admin(app)
    client = app.test_client()
    response = login(client, email, password)
    assert response.status_code == 302, response.get_data(as_text=True)
    # The account forms accept the address too (they check its format; .local would be refused).
    from email_validator import validate_email

    validate_email(email, check_deliverability=False)
    assert _ensure_demo_admin(app) is None  # only for a database without accounts


def test_an_address_with_a_special_use_domain_still_logs_in():
    app = app_for_test()
    email, password = make_user(app, "viewer", email="bientap@tuyengiao.local")
    assert login(app.test_client(), email, password).status_code == 302


def test_a_refused_login_says_why():
    app = app_for_test()
    client = app.test_client()
    page = login(client, "", "x").get_data(as_text=True)
    assert 'role="alert"' in page


class _Labels(HTMLParser):
    """Each form control's label on the login page: nested <label>s and labels for nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.nested = 0
        self.fors: set[str] = set()
        self.wrapped: set[str] = set()  # controls inside a <label>
        self.controls: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "label":
            self.nested += self.depth > 0
            self.depth += 1
            if named.get("for"):
                self.fors.add(str(named["for"]))
        elif tag == "input" and named.get("type") not in ("hidden", "submit"):
            self.controls.add(str(named.get("id")))
            if self.depth:
                self.wrapped.add(str(named.get("id")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.depth -= 1


def test_the_login_form_has_one_label_per_field_none_inside_another():
    page = app_for_test().test_client().get("/auth/login").get_data(as_text=True)
    labels = _Labels()
    labels.feed(page)
    assert labels.nested == 0  # was <label><label for="email">…</label><input></label>
    assert labels.controls == {"email", "password", "remember"}
    assert labels.controls <= labels.fors | labels.wrapped  # each field still has its label
