"""Accounts and logged-in Flask test clients, the way a user gets them: through the login form."""

from __future__ import annotations

import re
import uuid
from typing import Any

from flask import Flask
from flask.testing import FlaskClient


def login(client: FlaskClient, email: str, password: str) -> Any:
    """Log in through the real form, CSRF token included."""
    page = client.get("/auth/login").get_data(as_text=True)
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert match, "the login page has no CSRF token"
    return client.post(
        "/auth/login", data={"email": email, "password": password, "csrf_token": match.group(1)}
    )


def make_user(
    app: Flask, role: str = "viewer", email: str | None = None, password: str = "mat-khau-123"
) -> tuple[str, str]:
    from web.auth import create_user
    from web.db import connect, database_path

    email = email or f"{role}-{uuid.uuid4().hex[:6]}@example.vn"
    with connect(database_path(app)) as db:
        create_user(db, email, password, role)
    return email, password


def logged_in_client(app: Flask, role: str = "viewer") -> FlaskClient:
    client = app.test_client()
    email, password = make_user(app, role)
    response = login(client, email, password)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return client
