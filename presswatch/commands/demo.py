"""`presswatch demo`: a newcomer's first screen. Crawls the sample press into the configured index
with a progress bar, prints a short summary, then the address and the login, and serves the UI.

Run again on the same data folder it changes nothing: the sample press keeps its stable origin
(``STABLE_ORIGIN``, so article URLs and ids do not depend on its port) and the corpus date of the
first run (``sample-press.json``), so the index keeps the same articles and stories; the admin
created by the first run is named with the command that resets its password (passwords are only
ever stored hashed, so the first one cannot be shown again).
"""

from __future__ import annotations

import json
import logging
import secrets
import shlex
import shutil
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from flask import Flask

from presswatch.app import create_app
from search.private_files import write_private
from web import services
from web.filters import SAMPLE_PRESS_LIVE

DEMO_ADMIN = "admin@presswatch.example"
CORPUS_FILE = "sample-press.json"  # in the data folder: the sample corpus's end date and moment
LOG_FILE = "demo.log"  # in the data folder: Scrapy's log, then the web server's


@click.command("demo")
@click.option("--port", default=5000, show_default=True, type=int, help="Port of the web UI.")
@click.option(
    "--verbose",
    is_flag=True,
    help=f"Show the crawl's log here too (always written to <data folder>/{LOG_FILE}).",
)
def demo_command(port: int, verbose: bool) -> None:
    """Crawl the sample press into the configured index, then serve the UI on 127.0.0.1."""
    from crawler.run import crawl
    from presswatch.crawl_console import CrawlProgress, crawl_totals, echo_log, log_to_file
    from presswatch.sample_press import SamplePress
    from presswatch.sample_press.server import REGISTRY, STABLE_ORIGIN
    from web import base_url
    from web.digest.send import setting
    from web.serve import port_problem

    app = create_app()
    if problem := services.unusable_settings(app):
        raise click.ClickException(problem)
    # A demo still running elsewhere holds the port: say so now, not after a crawl.
    if busy := port_problem("127.0.0.1", port):
        raise click.ClickException(busy)
    data = Path(app.config["PRESSWATCH_DATA_DIR"])
    log_path = data / LOG_FILE
    end, until = corpus_end(data)
    press = SamplePress(origin=STABLE_ORIGIN, end=end, until=until).start()
    outlets = len({article.outlet_id for article in press.articles})
    progress = CrawlProgress(outlets)
    echo = echo_log() if verbose else None
    started = time.monotonic()
    try:
        stats = crawl(
            registry=str(REGISTRY),
            sample_press_url=press.base_url,
            sample_press_address=press.address,
            settings=log_to_file(log_path),
            on_crawler=progress.attach,
        )
    finally:
        progress.close()
        if echo is not None:
            logging.getLogger().removeHandler(echo)
    totals = crawl_totals(stats)
    click.echo(
        f"Crawled {totals['outlets']} sample outlets in {time.monotonic() - started:.0f} s: "
        f"{totals['pages']} pages, {totals['new']} new articles, {totals['updated']} updated, "
        f"{totals['fetch_errors'] + totals['index_errors']} errors."
    )
    click.echo(f"Index: {_indexed()} articles. Log: {_shown(log_path)}")
    if hint := _embedded_only_hint(data):
        click.echo(hint)
    login = _login_line(app)
    # The articles keep the stable origin's URLs; their "Bài gốc" links open the running press.
    app.config[SAMPLE_PRESS_LIVE] = (STABLE_ORIGIN, press.address)
    if not setting(app.config, "PRESSWATCH_BASE_URL"):
        # Links in mails (digest previews) point at this demo's port, not the default's 5000.
        app.config["PRESSWATCH_BASE_URL"] = f"http://127.0.0.1:{port}"
    services.warm_backend(app)
    try:
        server = _server(app, port)
    except OSError as error:  # PortInUse: taken during the crawl
        raise click.ClickException(str(error)) from None
    # ... and so do mails `presswatch digest send` sends from another shell on this data folder.
    base_url.record(app.config, "127.0.0.1", port, "demo")
    click.echo(f"Presswatch is ready: http://127.0.0.1:{port}  (Ctrl-C to stop)")
    click.echo(login)
    try:
        server.run()  # returns after Ctrl-C (KeyboardInterrupt), worker threads stopped
    finally:
        server.close()
        press.stop()


def corpus_end(data: Path) -> tuple[date, datetime | None]:
    """The sample corpus's end date and the moment no article may be after: today and now on the
    first run, then the same on every later run, so a demo started later (or on another day) serves
    (and keeps) the same articles. A file from before the moment was kept gives ``None``: that
    folder's index already holds the whole end day, and moving it now would change those articles."""
    path = data / CORPUS_FILE
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        until = kept.get("until")
        return date.fromisoformat(kept["end"]), datetime.fromisoformat(until) if until else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        from presswatch.sample_press.corpus import TZ

        now = datetime.now(TZ).replace(microsecond=0)
        write_private(path, json.dumps({"end": now.date().isoformat(), "until": now.isoformat()}).encode())
        return now.date(), now


def _indexed() -> int:
    from search.backends import SearchRequest, open_backend

    return open_backend().search(SearchRequest(query="", limit=0)).total


def _embedded_only_hint(data: Path) -> str:
    """A folder a first demo filled in the embedded index, run again on Elasticsearch: the crawl
    state knows every sample article, so none reaches Elasticsearch; say how to copy them."""
    from search.config import SearchConfig

    config = SearchConfig.from_env()
    if config.backend != "elasticsearch":
        return ""
    from presswatch.commands.index import embedded_only_articles
    from search.backends import open_backend
    from search.backends.elastic import ElasticsearchBackend

    backend = open_backend(config)
    assert isinstance(backend, ElasticsearchBackend)  # the configured backend is Elasticsearch
    missing = embedded_only_articles(config, backend)
    return (
        f"The embedded index of this data folder holds {missing} articles more than Elasticsearch "
        "(a crawl fetches only what it does not know): stop the demo, run "
        f"{_presswatch(data)} index import-embedded, then start it again."
        if missing
        else ""
    )


def _shown(path: Path) -> str:
    """``path`` relative to the working directory when it is under it (``var/demo.log``)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _server(app: Flask, port: int) -> Any:  # a waitress server (web.serve.make_server)
    """The server (web.serve), bound before the closing lines are printed: they stay the last ones."""
    from web.serve import make_server

    return make_server(app, "127.0.0.1", port)


def _ensure_demo_admin(app: Flask) -> tuple[str, str] | None:
    """A first admin for the demo when there are no accounts yet: (email, password) to print once;
    only the password's hash is stored."""
    from web.auth import create_user
    from web.db import connect, database_path

    with connect(database_path(app)) as db:
        if db.execute("SELECT count(*) FROM users").fetchone()[0]:
            return None
        password = secrets.token_urlsafe(9)
        # .example is reserved for examples (RFC 2606) yet a valid address for the account forms.
        create_user(db, DEMO_ADMIN, password, "admin", "Quản trị viên")
    return DEMO_ADMIN, password


def _login_line(app: Flask) -> str:
    """The closing line: the new admin's password, else which account to use and how to reset it."""
    from web.db import connect, database_path

    created = _ensure_demo_admin(app)
    if created:
        return f"Log in as {created[0]} with password {created[1]}"
    command = _presswatch(Path(app.config["PRESSWATCH_DATA_DIR"]))
    with connect(database_path(app)) as db:
        if db.execute("SELECT 1 FROM users WHERE email = ?", (DEMO_ADMIN,)).fetchone():
            return (
                f"Log in as {DEMO_ADMIN} (password printed by the first demo; to reset its password: "
                f"{command} users reset-password {DEMO_ADMIN})"
            )
    return (
        f"Log in with your account ({command} users list; to reset a password: "
        f"{command} users reset-password EMAIL)"
    )


def _presswatch(data: Path) -> str:
    """How to call this command from the user's shell, as printed, from any folder: with this demo's
    data folder (else the copied command opens ./var and finds no account), then ``presswatch``
    when it is on PATH, else the script next to this Python (``make demo`` runs
    ``.venv/bin/presswatch`` unactivated)."""
    folder = f"PRESSWATCH_DATA_DIR={shlex.quote(str(data.resolve()))}"
    script = Path(sys.executable).parent / "presswatch"
    if shutil.which("presswatch") or not script.exists():
        return f"{folder} presswatch"
    return f"{folder} {shlex.quote(str(script.absolute()))}"
