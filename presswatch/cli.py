"""The `presswatch` command: a Flask CLI group, so `presswatch X` and `flask --app web X` are one."""

from __future__ import annotations

import functools
import json
import sys
import time
from pathlib import Path
from typing import Any

import click
from flask.cli import FlaskGroup, with_appcontext

from presswatch.app import create_app
from presswatch.commands.article_input import article_source, read_article, refuse
from web import services
from web.db import current_flask_app


class PresswatchGroup(FlaskGroup):
    """Flask's CLI group, with Presswatch's commands first in ``--help``.

    Flask's own maintenance commands (``shell``, ``routes``, plugins such as ``limiter``) stay
    available but are listed apart, and Flask's loader options (``--app``, ``--env-file``,
    ``--debug``, ``--version``) are hidden: ``presswatch`` always loads this app.
    """

    FLASK_OPTIONS = ("app", "env_file", "debug", "version")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        for param in self.params:
            if param.name in self.FLASK_OPTIONS and isinstance(param, click.Option):
                param.hidden = True

    @staticmethod
    def is_ours(command: click.Command) -> bool:
        module = getattr(command.callback, "__module__", "") or ""
        return module.split(".")[0] in ("presswatch", "web", "crawler", "search")

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = [
            (name, command)
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) and not command.hidden
        ]
        limit = formatter.width - 6 - max((len(name) for name, _c in commands), default=0)
        for title, wanted in (("Commands", True), ("Flask commands (maintenance)", False)):
            rows = [
                (name, command.get_short_help_str(limit))
                for name, command in commands
                if self.is_ours(command) is wanted
            ]
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


@click.group(cls=PresswatchGroup, create_app=create_app)
def main() -> None:
    """Presswatch: theo dõi báo chí — crawl, index, search and serve Vietnamese press coverage."""


def _print_crawl_summary(stats: dict[str, Any], seconds: float) -> None:
    def total(kind: str) -> int:
        return sum(v for k, v in stats.items() if k.startswith(f"presswatch/{kind}/"))

    click.echo(
        f"Crawl finished in {seconds:.1f}s: {total('pages')} pages fetched, "
        f"{total('articles')} articles extracted ({total('new')} new, {total('updated')} updated), "
        f"{stats.get('presswatch_total/skipped_known', 0)} known articles skipped, "
        f"{total('not_article')} pages not articles, {total('fetch_errors')} fetch errors, "
        f"{stats.get('presswatch_total/index_errors', 0)} index errors."
    )


def _outlet_overrides() -> dict[str, bool]:
    """Outlets an admin switched on or off in the web app (the crawler never reads web's data)."""
    from flask import current_app

    from web.admin.outlets import overrides
    from web.db import connect, database_path

    with connect(database_path(current_app)) as db:
        return overrides(db)


def _edited_registry() -> str:
    """The registry with the outlets admins added or edited (web/admin/outlet_store), rewritten
    from today's shipped registry so a newer release's entries are not hidden by an old copy;
    "" (the shipped one) when admins changed nothing."""
    from flask import current_app

    from web.admin.outlet_store import managed, write_effective
    from web.db import connect, database_path

    with connect(database_path(current_app)) as db:
        if not managed(db):
            return ""
        return str(write_effective(db, Path(current_app.config["PRESSWATCH_DATA_DIR"])))


@main.command("crawl")
@click.option("--sample", is_flag=True, help="Crawl the bundled sample press (started for the run).")
@click.option("--sample-url", default="", help="Crawl a sample press already running at this URL.")
@click.option(
    "--registry",
    default="",
    help="Outlet registry YAML (default: the one the admins edited, "
    "<data folder>/outlets.yaml, if they did; else the shipped one).",
)
@click.option("--outlets", default="", help="Comma-separated outlet ids to crawl (default: all).")
@click.option("--since", default="", help="Backfill bound: skip articles published before YYYY-MM-DD.")
@click.option("--refetch", is_flag=True, help="Fetch known articles again (default: only new/changed).")
@with_appcontext
def crawl_command(
    sample: bool, sample_url: str, registry: str, outlets: str, since: str, refetch: bool
) -> None:
    """Crawl outlets and index what is new (embedded index unless PRESSWATCH_ELASTICSEARCH_URL)."""

    from crawler.run import crawl
    from search.backends import settings_problem
    from search.config import SearchConfig

    config = SearchConfig.from_env()
    # A setting Elasticsearch would refuse fails here, not as tracebacks mid-crawl.
    if config.backend == "elasticsearch" and (problem := settings_problem(config)):
        raise click.ClickException(problem)
    if not registry and not sample and not sample_url:
        registry = _edited_registry()
    if (sample or sample_url) and not registry:
        from presswatch.sample_press.server import REGISTRY

        registry = str(REGISTRY)  # the sample press's outlets (the crawler knows only the real press)
    run_crawl = functools.partial(
        crawl, registry=registry, outlets=outlets, since=since, refetch=refetch, overrides=_outlet_overrides()
    )
    waiting_before = _spooled()
    started = time.monotonic()
    if sample and not sample_url:
        from presswatch.sample_press import SamplePress
        from presswatch.sample_press.server import STABLE_ORIGIN

        # The stable origin: a second `crawl --sample` updates the same articles (see cli_demo).
        with SamplePress(origin=STABLE_ORIGIN) as press:
            click.echo(
                f"Sample press serving {len(press.articles)} articles as {press.base_url} "
                f"(listening at {press.address})"
            )
            stats = run_crawl(sample_press_url=press.base_url, sample_press_address=press.address)
    else:
        stats = run_crawl(sample_press_url=sample_url)
    _print_crawl_summary(stats, time.monotonic() - started)
    _say_what_the_counts_miss(waiting_before)


def _spooled() -> tuple[int, int]:
    """Articles waiting in the spool for Elasticsearch, and its dead letters ((0, 0) embedded)."""
    from search.config import SearchConfig
    from search.ingest import spool_path
    from search.spool import Spool

    config = SearchConfig.from_env()
    if config.backend != "elasticsearch" or not spool_path(config).exists():
        return 0, 0
    spool = Spool(spool_path(config))
    try:
        return len(spool), spool.dead_count()
    finally:
        spool.close()


def _say_what_the_counts_miss(waiting_before: tuple[int, int]) -> None:
    """What the summary's counts do not show on Elasticsearch: articles that wait in the spool
    because the node was away (they count as neither new nor updated until it takes them), those
    an earlier run spooled and this one delivered, and — for a data folder switched from the
    embedded index — the articles only the embedded index holds, which no crawl fetches again."""
    from presswatch.commands.index import embedded_only_articles
    from search.backends import BackendUnavailable, open_backend
    from search.backends.elastic import ElasticsearchBackend
    from search.config import SearchConfig
    from search.ingest import spool_path

    config = SearchConfig.from_env()
    if config.backend != "elasticsearch":
        return
    (waiting, dead), (before, dead_before) = _spooled(), waiting_before
    if before > waiting:
        click.echo(f"{before - waiting} articles that waited in the spool reached Elasticsearch.")
    if dead > dead_before:
        click.echo(
            f"Elasticsearch refused {dead - dead_before} articles: kept as dead letters with the reason "
            "(presswatch spool status; presswatch spool replay --dead-letters once the cause is fixed)."
        )
    try:
        backend = open_backend(config)
        assert isinstance(backend, ElasticsearchBackend)  # the configured backend is Elasticsearch
        backend.count()  # reachable now? (the reason the spool is not empty, if not)
        missing = embedded_only_articles(config, backend)
    except BackendUnavailable as error:
        click.echo(f"{error}\n", err=True)
        missing = 0
    if waiting:
        click.echo(
            f"{waiting} articles wait in the spool ({spool_path(config)}) because Elasticsearch did not "
            "take them: nothing is lost; the next crawl sends them, or run presswatch spool replay "
            "once Elasticsearch is back."
        )
    if missing:
        click.echo(
            f"The embedded index of this data folder ({config.embedded_path}) holds {missing} articles "
            "more than Elasticsearch; a crawl fetches only articles it does not know, so copy them "
            "with: presswatch index import-embedded"
        )


@main.command("sample-press")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8765, show_default=True, type=int)
def sample_press_command(host: str, port: int) -> None:
    """Serve the bundled sample outlets (RSS, sitemaps, sections, articles) until Ctrl-C."""
    from presswatch.sample_press import serve_forever

    serve_forever(host, port)


@main.command("run")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=int)
@with_appcontext
def run_command(host: str, port: int) -> None:
    """Serve the web app with waitress (PRESSWATCH_WEB_THREADS, _TIMEOUT; docs/OPERATIONS.md)."""

    from web import base_url
    from web.serve import PortInUse, ServerSettings, serve

    try:
        settings = ServerSettings.from_env()
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    app = current_flask_app()
    if problem := services.unusable_settings(app):
        raise click.ClickException(problem)
    click.echo(f"Presswatch: http://{host}:{port}  ({settings.threads} threads; Ctrl-C to stop)")
    services.warm_backend(app)
    # Once bound, the address mails sent from other processes link to (web/base_url.py).
    try:
        serve(app, host, port, settings, listening=lambda: base_url.record(app.config, host, port, "run"))
    except PortInUse as error:
        raise click.ClickException(str(error)) from None
    click.echo("Presswatch stopped.")


# A query may start with NOT's minus sign ("-tai nạn"): not an option of this command.
@main.command("search", context_settings={"ignore_unknown_options": True})
@click.argument("query")
@click.option("--backend", type=click.Choice(["embedded", "elasticsearch"]), default=None)
@click.option("--limit", default=10, show_default=True, type=int)
@click.option("--json", "as_json", is_flag=True, help="One JSON object: total, hits, facets.")
def search_command(query: str, backend: str | None, limit: int, as_json: bool) -> None:
    """Search the index with the query language and print hits and facet counts."""
    from search.backends import BackendUnavailable, SearchRequest, open_backend
    from search.query import QueryError, operator_hint

    try:
        index = open_backend(backend=backend)
        result = index.search(SearchRequest(query=query, limit=limit))
    except (QueryError, BackendUnavailable) as error:
        click.echo(str(error), err=True)
        sys.exit(2)
    if hint := operator_hint(query):  # on stderr: --json output stays one JSON object
        try_it = f"\n  presswatch search '{hint.suggestion}'" if hint.suggestion else ""
        click.echo(f"{hint.message_vi}\n{hint.message_en}{try_it}", err=True)
    hits: list[dict[str, Any]] = [
        {
            "id": h.document.id,
            "title": h.document.title,
            "outlet": h.document.outlet_id,
            # a day-only date is printed as the day (its stored midnight is no time)
            "published_at": (
                h.document.published_at.date() if h.document.published_day_only else h.document.published_at
            ).isoformat(),
            "published_precision": h.document.published_precision,
            "score": round(h.score, 4),
            "url": h.document.url,
        }
        for h in result.hits
    ]
    if as_json:
        click.echo(
            json.dumps(
                {"total": result.total, "hits": hits, "facets": result.facets}, ensure_ascii=False, indent=2
            )
        )
        return
    click.echo(f"{result.total} bài viết")
    for hit in hits:
        when = hit["published_at"][:16]
        click.echo(f"{hit['score']:>8.3f}  {when:<16}  {hit['outlet']:<12} {hit['title']}")
    for name, buckets in result.facets.items():
        if buckets:
            click.echo(f"{name}: " + ", ".join(f"{value} ({count})" for value, count in buckets[:8]))


@main.command("extract")
@article_source
@click.option("--json", "as_json", is_flag=True, help="One JSON object with the extracted fields.")
def extract_command(source: str | None, text: str | None, url: str, as_json: bool) -> None:
    """Extract one article and print its parts: a web page (a file, a URL, HTML on standard input)
    or plain text (a .txt file, - for standard input, or --text) whose first line is the title."""
    result = read_article(source, text, url)
    if result.article is None:
        refuse(result, as_json)
    published = result.article.published_at
    # A day-only date is printed as a day: its stored midnight is not a time the page gave.
    shown = published.date() if result.article.published_precision == "day" else published
    article: dict[str, Any] = {**result.article.as_dict(), "published_at": shown.isoformat()}
    if result.published_conflict:
        article["published_conflict"] = result.published_conflict
    if as_json:
        click.echo(json.dumps(article, ensure_ascii=False, indent=2))
        return
    if article["published_precision"] == "unknown":  # plain text: read now, not published now
        article["published_at"] = "unknown"
    for key in (
        "title",
        "published_at",
        "published_precision",
        "published_conflict",
        "author",
        "section",
        "url",
    ):
        if key in article:
            click.echo(f"{key}: {article[key]}")
    click.echo(f"tags: {', '.join(article['tags'])}")
    click.echo(f"\n{article['sapo']}\n\n{article['body']}\n")
    for image in article["images"]:
        click.echo(f"image: {image['url']}  {image['caption']}")


from presswatch.commands.analysis import analysis_group, analyze_command, retag_command  # noqa: E402 - sub-commands register below
from presswatch.commands.backup import backup_command, restore_command  # noqa: E402
from presswatch.commands.demo import demo_command  # noqa: E402
from presswatch.commands.digest import digest_group, up_command  # noqa: E402
from presswatch.commands.elasticsearch import elasticsearch_group  # noqa: E402
from presswatch.commands.index import index_group  # noqa: E402
from presswatch.commands.outlets import outlets_group  # noqa: E402
from presswatch.commands.report import report_group  # noqa: E402
from presswatch.commands.spool import spool_group  # noqa: E402
from presswatch.commands.users import users_group  # noqa: E402

main.add_command(demo_command)
main.add_command(analyze_command)
main.add_command(retag_command)
main.add_command(analysis_group)
main.add_command(digest_group)
main.add_command(up_command)
main.add_command(backup_command)
main.add_command(spool_group)
main.add_command(restore_command)
main.add_command(elasticsearch_group)
main.add_command(index_group)
main.add_command(outlets_group)
main.add_command(users_group)
main.add_command(report_group)
