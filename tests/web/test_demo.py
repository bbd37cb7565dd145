"""`presswatch demo`, the README's first command after its install, run as a newcomer runs it: twice
in the same data folder. The first run crawls the sample press and prints a short screen ending with
the address and a login that works; the second (in a terminal, with --verbose: progress bar and log)
reuses the data (same articles, same stories, however the sample press's port changes), names the
account and the command that resets its password; both stop on Ctrl-C."""

from __future__ import annotations

import concurrent.futures
import html
import http.cookiejar
import json
import os
import pty
import queue
import re
import shlex
import signal
import stat
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.web.test_digest_support import free_port

REPO = Path(__file__).resolve().parents[2]
LOGIN_WITH_PASSWORD = r"Log in as (\S+) with password (\S+)"
RESET = r"Log in as \S+ .*reset its password: (.*presswatch users reset-password \S+)\)"


def _env(data: Path) -> dict[str, str]:
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(data), "PRESSWATCH_SECRET_KEY": "demo-test"}
    env.pop("PRESSWATCH_ELASTICSEARCH_URL", None)
    return env


def _read_until(lines: queue.Queue, pattern: str, seen: list[str], timeout: float = 180) -> re.Match | None:
    """The first printed line matching ``pattern``; None (never hangs) when none comes in time."""
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            break
        if line is None:  # the demo exited
            break
        seen.append(line)
        if match := re.search(pattern, line):
            return match
    return None


def _lines(process: subprocess.Popen) -> queue.Queue:
    lines: queue.Queue = queue.Queue()

    def pump() -> None:
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _terminal_lines(master: int) -> queue.Queue:
    """Lines a terminal shows, from a pseudo-terminal's master side (the bar's redraws are \r)."""
    lines: queue.Queue = queue.Queue()

    def pump() -> None:
        pending = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the demo closed the terminal
                chunk = b""
            if not chunk:
                break
            pending += chunk.replace(b"\r\n", b"\n")
            *complete, pending = pending.split(b"\n")
            for line in complete:
                lines.put(line.decode(errors="replace") + "\n")
        if pending:
            lines.put(pending.decode(errors="replace"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


@dataclass
class DemoRun:
    """One `presswatch demo` from start to Ctrl-C: what it printed and what the browser saw."""

    lines: list[str] = field(default_factory=list)
    after_ready: str = ""  # everything printed after the closing login line, up to the exit
    exit_code: int | None = None
    articles: int = 0  # the search page's total for the empty query
    stories: int = 0  # the same, grouped by story
    cli_articles: int = 0  # `presswatch search ''` afterwards
    newest: str = ""  # the newest article's published_at (`presswatch search '' --limit 1`)
    started: datetime | None = None  # just before the demo was started
    # In Chromium: an article page's title, then the page its "Xem bài gốc" and a search hit's
    # "Bài gốc" opened (title, h1 and address), as a newcomer clicks them.
    article_title: str = ""
    originals: list[tuple[str, str, str]] = field(default_factory=list)
    mail_links: list[str] = field(default_factory=list)  # the app's links in a digest's preview
    # On the first sample page opened: its links still naming the stable origin, and where following
    # its first link to another page of the sample press (its breadcrumb's "Trang chủ") led.
    dead_links: list[str] = field(default_factory=list)
    followed: str = ""
    # The article page's image links ("Mở ảnh từ …"): the status and type each one answered with.
    images: list[str] = field(default_factory=list)


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def _log_in(base: str, email: str, password: str) -> urllib.request.OpenerDirector:
    opener = _opener()
    deadline = time.monotonic() + 30
    while True:
        try:
            page = opener.open(f"{base}/auth/login", timeout=5).read().decode()
            break
        except OSError:
            assert time.monotonic() < deadline, "the demo never served its login page"
            time.sleep(0.2)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrf_token": token, "email": email, "password": password}).encode()
    landed = opener.open(f"{base}/auth/login", form, timeout=30)
    assert landed.status == 200 and not landed.url.endswith("/auth/login"), f"{email} could not log in"
    return opener


def _total(opener: urllib.request.OpenerDirector, url: str) -> int:
    page = opener.open(url, timeout=60).read().decode()
    return int(re.search(r'class="total">([\d.]+)<', page).group(1).replace(".", ""))


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args],
        cwd=REPO,
        env=_env(data),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _run_demo(
    data: Path,
    then,
    *options: str,  # noqa: ANN001 - then(run, login line, base URL)
    terminal: bool = False,
) -> DemoRun:
    """One demo; ``terminal``: in a pseudo-terminal, as a newcomer's shell runs it."""
    port = free_port()
    run = DemoRun(started=datetime.now(UTC).replace(microsecond=0))
    command = [sys.executable, "-m", "presswatch", "demo", "--port", str(port), *options]
    # Ctrl-C must work even when this test runs as a background job (SIGINT inherited ignored).
    restore_sigint = lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)  # noqa: E731
    if terminal:
        # Left at the size a new pseudo-terminal has, 0×0, as under `script` or a CI runner's tty.
        master, child = pty.openpty()
        demo = subprocess.Popen(
            command,
            cwd=REPO,
            env=_env(data),
            stdin=child,
            stdout=child,
            stderr=child,
            preexec_fn=restore_sigint,
        )
        os.close(child)
    else:
        demo = subprocess.Popen(
            command,
            cwd=REPO,
            env=_env(data),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=restore_sigint,
        )
    try:
        lines = _terminal_lines(master) if terminal else _lines(demo)
        base = f"http://127.0.0.1:{port}"
        ready = _read_until(lines, re.escape(base), run.lines)
        assert ready, f"the demo never said where it serves:\n{''.join(run.lines)[-4000:]}"
        # The login comes right after the address (no timeout wait when it is there).
        then(run, _read_until(lines, r"Log in", run.lines, timeout=20), base)
        demo.send_signal(signal.SIGINT)
        # A hang guard, generous for a loaded machine; Scrapy's crawl-time signal handlers no longer
        # swallow Ctrl-C.
        demo.wait(timeout=120)
        rest = []
        while (line := lines.get(timeout=30)) is not None:
            rest.append(line)
        run.after_ready, run.exit_code = "".join(rest), demo.returncode
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.wait()
        if terminal:
            os.close(master)
    result = _cli(data, "search", "", "--json", "--limit", "1")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    run.cli_articles, run.newest = found["total"], found["hits"][0]["published_at"]
    return run


def _click_originals(run: DemoRun, base: str, email: str, password: str) -> None:
    """In Chromium: log in, open the first hit's article, click "Xem bài gốc", then a hit's "Bài gốc"."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            page.goto(f"{base}/auth/login")
            page.fill("input[name=email]", email)
            page.fill("input[name=password]", password)
            with page.expect_navigation():
                page.click("main form button[type=submit]")
            page.goto(f"{base}/search?q={urllib.parse.quote('Bắc Ninh')}")
            hit_original = page.locator("li.hit a.original").first
            page.locator("li.hit h2 a").first.click()
            page.wait_for_load_state()
            run.article_title = page.locator("article h1").inner_text()
            pictures = page.eval_on_selector_all("article figure a[href]", "links => links.map(a => a.href)")
            for href in pictures:
                try:
                    answer = page.request.get(href, timeout=15_000)
                    run.images.append(f"{answer.status} {answer.headers.get('content-type')} {href}")
                except Exception as error:  # noqa: BLE001 - a dead link: recorded, asserted by the test
                    run.images.append(f"<nothing: {type(error).__name__}> {href}")
            for link in (page.locator("article a.original"), None):
                if link is None:  # back on the results, the first hit's own "Bài gốc" link
                    page.go_back()
                    link = hit_original
                with page.context.expect_page() as opened:
                    link.click()
                original = opened.value
                try:
                    original.wait_for_load_state(timeout=30_000)
                    heading = original.locator("h1").first.inner_text(timeout=10_000)
                except Exception as error:  # noqa: BLE001 - a dead link: recorded, asserted by the test
                    heading = f"<nothing: {type(error).__name__}>"
                run.originals.append((original.title(), heading, original.url))
                if len(run.originals) == 1:
                    _follow_a_link(run, original)
                original.close()
        finally:
            browser.close()


def _follow_a_link(run: DemoRun, page) -> None:  # noqa: ANN001 - a Playwright page
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    run.dead_links = [href for href in hrefs if href.startswith("http://sample-press.localhost")]
    origin = urllib.parse.urlsplit(page.url)
    here = f"{origin.scheme}://{origin.netloc}/"
    others = [h for h in hrefs if h.startswith(here) and h.split("#")[0] != page.url]
    if not others:
        run.followed = f"<no link to another sample page among {len(hrefs)}>"
        return
    answer = page.goto(others[0])
    run.followed = f"{answer.status if answer else '-'} {page.url}"


def _browse(run: DemoRun, opener: urllib.request.OpenerDirector, base: str) -> None:
    query = urllib.parse.quote("Bắc Ninh")
    results = opener.open(f"{base}/search?q={query}", timeout=60).read().decode()
    assert results.count("<mark>") >= 5  # the sample press is indexed and searchable
    run.articles = _total(opener, f"{base}/search")
    run.stories = _total(opener, f"{base}/search?collapse=1")


def _preview_a_digest(run: DemoRun, base: str, email: str, password: str) -> None:
    """The newcomer subscribes to a daily digest on the province and opens its preview (the mail
    as it will be sent): ``run.mail_links`` are the links into the app it holds."""
    from tests.web.live import Browser

    browser = Browser(base)
    assert browser.login(email, password).status_code == 302
    fields = {"kind": "province", "province": "Bắc Ninh", "frequency": "daily", "send_at": "07:00"}
    created = browser.post_form("/subscriptions/", {**fields, "alert_rule": "match", "min_outlets": "3"})
    assert created.status_code == 302, created.text[:2000]
    preview = re.search(r'href="(/digest/preview/\d+)"', browser.get("/subscriptions/").text)
    assert preview
    mail = html.unescape(browser.get(preview.group(1)).text)  # the HTML mail is in a srcdoc
    run.mail_links = re.findall(r'href="(http://127\.0\.0\.1:\d+/[^"]*)"', mail)


@pytest.fixture(scope="module")
def demo_twice(tmp_path_factory) -> tuple[DemoRun, DemoRun, Path]:
    data = tmp_path_factory.mktemp("demo-data")

    def first_visit(run: DemoRun, line: re.Match | None, base: str) -> None:
        login = re.search(LOGIN_WITH_PASSWORD, line.string) if line else None
        assert login, "".join(run.lines)
        _browse(run, _log_in(base, login.group(1), login.group(2)), base)
        _preview_a_digest(run, base, login.group(1), login.group(2))
        # Playwright's sync API refuses a thread whose asyncio loop is running, which is the case
        # when tests/browser's session browser is open in the same pytest run: its own thread.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(_click_originals, run, base, login.group(1), login.group(2)).result()

    def second_visit(run: DemoRun, line: re.Match | None, base: str) -> None:
        reset = re.search(RESET, line.string) if line else None
        if reset is None:  # asserted by the test, after the article counts
            return
        # The newcomer lost the first run's password: they paste the command the demo printed into
        # a shell in another folder, without the demo's environment: it must reset this account.
        command = shlex.split(reset.group(1))
        assert command[-3:-1] == ["users", "reset-password"], command
        assert Path(command[-4]).name == "presswatch", command
        shell_env = {k: v for k, v in _env(data).items() if k != "PRESSWATCH_DATA_DIR"}
        elsewhere = data.parent / "another-folder"
        elsewhere.mkdir(exist_ok=True)
        result = subprocess.run(
            ["/bin/sh", "-c", reset.group(1)],
            cwd=elsewhere,
            env=shell_env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert not (elsewhere / "var").exists()  # no stray data folder where it was pasted
        password = re.search(r"New password for (\S+): (\S+)", result.stdout)
        assert password, result.stdout
        _browse(run, _log_in(base, password.group(1), password.group(2)), base)

    first = _run_demo(data, first_visit)
    # The second run in a terminal, with --verbose: the progress bar draws, the log shows too.
    second = _run_demo(data, second_visit, "--verbose", terminal=True)
    return first, second, data


def test_demo_prints_a_working_login_serves_the_sample_press_and_stops_on_ctrl_c(demo_twice):
    first, _, data = demo_twice
    output = "".join(first.lines)
    summary = r"Crawled 6 sample outlets .*: \d+ pages, (\d+) new articles.*\nIndex: \1 articles"
    assert re.search(summary, output), output
    assert first.exit_code is not None and first.articles > 200
    assert first.cli_articles == first.articles


def test_a_second_demo_reuses_the_data_same_articles_same_stories(demo_twice):
    first, second, data = demo_twice
    assert second.cli_articles == first.cli_articles  # 496 != 248 before: the sample press moved port
    output = "".join(second.lines)
    assert re.search(RESET, output), output
    assert second.articles == first.articles
    assert second.stories == first.stories
    account = re.search(r"Log in as (\S+)", output)
    assert account and account.group(1) == re.search(LOGIN_WITH_PASSWORD, "".join(first.lines)).group(1)
    assert "with password" not in output  # the first password is not kept, so it cannot be shown
    assert second.exit_code is not None


def test_no_demo_article_is_published_after_the_demo_started(demo_twice):
    # Found on a new user's walk: at 14:52 local the first demo showed articles dated 22:02 the same
    # day, and the dashboard's "Hôm nay" counted them. (Deterministic, for every hour of the day:
    # tests/crawler/test_sample_press_until.py.)
    first, second, _ = demo_twice
    assert datetime.fromisoformat(first.newest) <= first.started, first.newest
    assert second.newest == first.newest  # the second run keeps the first one's moment


def test_the_original_article_links_open_the_sample_article(demo_twice):
    # Found on a new user's walk: "Bài gốc" pointed at http://sample-press.localhost/…, where no
    # server listens in the user's browser. While the demo runs, they open the sample press's page.
    first, _, _ = demo_twice
    assert first.article_title
    assert len(first.originals) == 2, first.originals
    for title, heading, url in first.originals:
        assert heading == first.article_title, (title, heading, url)
        assert url.startswith("http://127.0.0.1:"), url
    # The sample page's own links work too: they name the address it was reached at.
    assert first.dead_links == [], first.dead_links[:5]
    assert first.followed.startswith("200 http://127.0.0.1:"), first.followed
    # The article's pictures ("Mở ảnh từ …") open too (notes/walk4.md: they named sample-press.localhost).
    assert first.images, "the demo article shows no picture link"
    for image in first.images:
        assert image.startswith("200 image/") and " http://127.0.0.1:" in image, image


def test_digest_mails_of_a_demo_link_to_the_port_it_serves_on(demo_twice):
    first, _, _ = demo_twice
    base = re.search(r"Presswatch is ready: (http://127\.0\.0\.1:\d+)", "".join(first.lines)).group(1)
    # walk4: they pointed to http://127.0.0.1:5000 (PRESSWATCH_BASE_URL's default) on `--port N`.
    assert any(link.startswith(base + "/digest/unsubscribe/") for link in first.mail_links), first.mail_links
    assert not [link for link in first.mail_links if link.startswith("http://127.0.0.1:5000/")]


def test_the_demo_keeps_no_password_in_clear(demo_twice):
    first, _, data = demo_twice
    password = re.search(LOGIN_WITH_PASSWORD, "".join(first.lines)).group(2)
    for path in data.rglob("*"):
        if path.is_file():
            assert password.encode() not in path.read_bytes(), path


def test_everything_the_demo_leaves_in_the_data_folder_is_private(demo_twice):
    # Issue 16, item 10, on the demo's path: its log and corpus date too, not only the databases.
    _, _, data = demo_twice
    modes = {
        path.relative_to(data).as_posix(): oct(stat.S_IMODE(path.stat().st_mode))
        for path in data.rglob("*")
        if path.is_file()
    }
    assert "demo.log" in modes and "sample-press.json" in modes and "app.sqlite3" in modes
    assert modes == dict.fromkeys(modes, oct(0o600))


def test_the_first_screen_is_short_and_ends_with_the_address_and_the_login(demo_twice):
    first, _, data = demo_twice
    shown = [line.rstrip("\n") for line in first.lines if line.strip()]
    assert len(shown) <= 5, shown  # was ~128 lines of Scrapy settings, stats and warnings
    assert re.fullmatch(r"Presswatch is ready: http://127\.0\.0\.1:\d+ .*", shown[-2]), shown
    assert re.fullmatch(LOGIN_WITH_PASSWORD, shown[-1]), shown
    assert first.after_ready.strip() == ""  # nothing after them, not even after browsing and Ctrl-C
    assert not re.search(r"Scrapy|WARNING|Deprecat|development server", "".join(first.lines))
    log = (data / "demo.log").read_text(encoding="utf-8")
    assert "Dumping Scrapy stats" in log and "'item_scraped_count'" in log
    assert re.search(r"Log: \S*demo\.log", "".join(first.lines))


def test_in_a_terminal_the_crawl_draws_a_progress_bar_and_verbose_shows_the_log(demo_twice):
    _, second, _ = demo_twice
    output = "".join(second.lines)
    bar = re.findall(r"Crawling (\d+)/(\d+) outlets \|.*\| (\d+)/(\d+) pages, (\d+) articles", output)
    assert bar, output[-3000:]
    reached, outlets, fetched, scheduled, _ = (int(n) for n in bar[-1])
    assert reached == outlets == 6 and fetched == scheduled > 6  # the last redraw: all done
    assert "Dumping Scrapy stats" in output  # --verbose
    shown = [line.rstrip("\n") for line in second.lines if line.strip()]
    assert re.fullmatch(r"Presswatch is ready: http://127\.0\.0\.1:\d+ .*", shown[-2].strip()), shown[-3:]
    assert second.after_ready.strip() == ""
