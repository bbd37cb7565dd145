"""Browser-test fixtures: the real app on a free port with a populated index, and Chromium.

Reusable by any page's tests::

    def test_my_page(live_server, browser_page, login_page):
        email, password = make_user(live_server.app, "admin")
        login_page(browser_page, email, password)
        browser_page.goto(live_server.url + "/my/page")

``live_server`` is shared by the session (one crawl): create your own users, and do not rely
on what other tests saved. ``browser_page.console_errors`` lists the page's console errors and
uncaught exceptions; ``screenshot(page, name)`` writes test-artifacts/screenshots/<name>.png.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from search.backends import open_backend
from search.config import SearchConfig
from tests.browser.corpus import index_corpus
from web.filters import local_today
from web.serve import ServerSettings, serving_in_thread

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("PRESSWATCH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-gpu",
]


@dataclass
class LiveServer:
    url: str
    app: object
    data_dir: Path
    anchor: date  # the local day the fixture corpus is anchored on ("today" for the dashboard)
    sample_press: bool  # whether the sample press was crawled into the index too

    def __iter__(self):  # ``url, app = live_server``
        return iter((self.url, self.app))


def _crawl_sample_press(request: pytest.FixtureRequest, data_dir: Path) -> bool:
    """Crawl the sample press like the e2e test does, when the sample press is available."""
    try:
        from presswatch.sample_press import SamplePress  # noqa: F401
    except ImportError:  # still being built: the fixture corpus alone populates the index
        return False
    press = request.getfixturevalue("sample_press")
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "crawl", "--sample-url", press.base_url],
        env={**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir), "PRESSWATCH_ELASTICSEARCH_URL": ""},
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return True


@pytest.fixture(scope="session")
def live_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    from presswatch.app import create_app

    data_dir = tmp_path_factory.mktemp("live-data")
    crawled = _crawl_sample_press(request, data_dir)
    config = SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(data_dir)})
    anchor = local_today()
    backend = open_backend(config)
    index_corpus(backend, anchor)
    backend.close()
    with pytest.MonkeyPatch.context() as patch:  # the app's own files go to the temp folder too
        patch.setenv("PRESSWATCH_DATA_DIR", str(data_dir))
        app = create_app({"PRESSWATCH_DATA_DIR": data_dir, "PRESSWATCH_SEARCH": config})
    # The production server, as `presswatch run` serves the app (waitress), in a thread.
    with serving_in_thread(app, settings=ServerSettings(threads=8)) as url:
        yield LiveServer(url, app, data_dir, anchor, crawled)


@pytest.fixture(scope="session")
def _chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(_chromium) -> Iterator[object]:
    """A fresh browser context (no cookies) and page; console errors are collected."""
    context = _chromium.new_context(
        viewport={"width": 1366, "height": 900}, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.console_errors = errors
    yield page
    context.close()


@pytest.fixture
def login_page(live_server: LiveServer) -> Callable[[object, str, str], None]:
    """``login_page(page, email, password)``: log in through the real form, then land on the dashboard."""

    def login(page, email: str, password: str) -> None:
        for attempt in range(2):
            page.goto(f"{live_server.url}/auth/login")
            page.fill("input[name=email]", email)
            page.fill("input[name=password]", password)
            with page.expect_navigation() as navigation:
                page.click("main form button[type=submit]")
            response = navigation.value
            if response is None or response.status != 429 or attempt:
                break
            # The login form allows 10 attempts a minute per address, and every browser test
            # logs in from 127.0.0.1: wait for the window to pass once rather than fail.
            time.sleep(61)
        page.wait_for_load_state("load")
        assert "/auth/login" not in page.url, f"login failed for {email}"

    return login


@pytest.fixture(scope="session")
def screenshot() -> Callable[[object, str], Path]:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, full_page: bool = True) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take
