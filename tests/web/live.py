"""The app behind the real server (waitress on 127.0.0.1, a free port) and an HTTP client for it,
for tests that must go through HTTP as a browser does (cookies, headers, the server's threads)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import requests


@contextmanager
def serving(app, threads: int = 4) -> Iterator[str]:
    """Serve ``app`` with the production server in a thread; yields its base URL."""
    from web.serve import ServerSettings, serving_in_thread

    with serving_in_thread(app, settings=ServerSettings(threads=threads)) as url:
        yield url


class Browser:
    """Cookies kept by hand (so Secure cookies are replayed over the test's plain HTTP, and a test
    can copy them); ``client_ip`` is sent as X-Forwarded-For, for an app behind a trusted proxy."""

    def __init__(self, base: str, client_ip: str | None = None) -> None:
        self.base, self.cookies, self.client_ip = base, {}, client_ip

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        if self.client_ip:
            headers["X-Forwarded-For"] = self.client_ip
        response = requests.request(
            method, self.base + path, headers=headers, allow_redirects=False, timeout=60, **kwargs
        )
        for name, value in response.cookies.items():
            self.cookies[name] = value
        for header in response.raw.headers.getlist("Set-Cookie"):
            if re.search(r"expires=Thu, 01 Jan 1970", header, re.I):  # deleted by the server
                self.cookies.pop(header.split("=", 1)[0], None)
        return response

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def token(self, path: str = "/auth/login") -> str:
        page = self.get(path).text
        return re.search(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"', page).group(1)

    def post_form(self, path: str, data: dict, token_from: str | None = None) -> requests.Response:
        """A form POST with the CSRF token of the page the form is on (``token_from``, else ``path``)."""
        return self.request("POST", path, data={**data, "csrf_token": self.token(token_from or path)})

    def login(self, email: str, password: str, remember: bool = False) -> requests.Response:
        data = {"email": email, "password": password, "csrf_token": self.token()}
        if remember:
            data["remember"] = "y"
        return self.request("POST", "/auth/login", data=data)
