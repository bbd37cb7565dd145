"""Helpers for tests that use the web app."""

from __future__ import annotations

import uuid


def login(client, email: str, password: str):
    """Log in through the real form, CSRF token included."""
    import re

    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    return client.post("/auth/login", data={"email": email, "password": password, "csrf_token": token})


def make_user(app, role: str = "viewer", email: str | None = None,
              password: str = "mat-khau-123") -> tuple[str, str]:
    from web.auth import create_user
    from web.db import connect, database_path

    email = email or f"{role}-{uuid.uuid4().hex[:6]}@example.vn"
    with connect(database_path(app)) as db:
        create_user(db, email, password, role)
    return email, password


def logged_in_client(app, role: str = "viewer"):
    client = app.test_client()
    email, password = make_user(app, role)
    response = login(client, email, password)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return client


def load_bench(name: str):  # noqa: ANN201 - a module loaded from a file path
    """bench/<name>.py as a module (bench/ is scripts, not a package), so tests score with the very
    functions the published benchmark uses."""
    import importlib.util
    import sys
    from pathlib import Path

    module_name = f"presswatch_bench_{name}"
    if module_name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "bench" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name]
