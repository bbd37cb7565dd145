"""`presswatch outlets list|check`: read the outlet registry and probe its routes live."""

from __future__ import annotations

import datetime
import json
import sys
import unicodedata
from pathlib import Path

import click

from crawler.outlet_check import RouteResult
from crawler.registry import DEFAULT_REGISTRY, KINDS, Outlet, RegistryError, load_registry
from search.config import settings

# What `{sample_press}` means when a registry uses it (the sample press's default address), so the
# sample registry can be listed without starting anything.
DEFAULT_SAMPLE_URL = settings().get("PRESSWATCH_SAMPLE_PRESS_URL", "") or "http://127.0.0.1:8765"
NATIONAL = ("none", "national", "toàn quốc", "-")


def _fold(text: str) -> str:
    """Case- and accent-insensitive form, so `--province "da nang"` finds Đà Nẵng."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def _load(registry: str, sample_url: str) -> list[Outlet]:
    path = Path(registry) if registry else DEFAULT_REGISTRY
    try:
        return load_registry(path, {"sample_press": sample_url.rstrip("/")})
    except RegistryError as error:
        click.echo(str(error), err=True)
        sys.exit(2)


def _routes(outlet: Outlet) -> dict[str, list[str]]:
    return {"feeds": list(outlet.feeds), "sitemaps": list(outlet.sitemaps), "sections": list(outlet.sections)}


def _row(outlet: Outlet) -> dict[str, object]:
    return {
        "id": outlet.id,
        "name": outlet.name,
        "domain": outlet.domain,
        "kind": outlet.kind,
        "province": outlet.province,
        "routes": _routes(outlet),
        "feeds_source": outlet.feeds_source,
        "enabled": outlet.enabled,
        "quirks": list(outlet.quirks),
        "active_from": _day(outlet.active_from),
        "active_until": _day(outlet.active_until),
        "merged_into": outlet.merged_into,
        "predecessors": list(outlet.predecessors),
        "evidence": dict(outlet.evidence),
    }


def _day(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=False)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


@click.group("outlets")
def outlets_group() -> None:
    """The outlet registry: list the monitored press and check that their feeds still work."""


registry_option = click.option(
    "--registry", default="", metavar="PATH", help="Outlet registry YAML (default: crawler/outlets.yaml)."
)
sample_option = click.option(
    "--sample-url",
    default=DEFAULT_SAMPLE_URL,
    show_default=True,
    help="What {sample_press} stands for in a registry that uses it.",
)


@outlets_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="A JSON array, one object per outlet.")
@registry_option
@sample_option
@click.option("--kind", type=click.Choice(KINDS), default=None, help="Only outlets of this kind.")
@click.option(
    "--province",
    default=None,
    metavar="P",
    help="Only this (pre-2025) province, accents optional; 'none' for national outlets.",
)
def list_command(
    as_json: bool, registry: str, sample_url: str, kind: str | None, province: str | None
) -> None:
    """List outlets: id, name, domain, kind, province, discovery routes, feeds_source."""
    outlets = _load(registry, sample_url)
    if kind:
        outlets = [o for o in outlets if o.kind == kind]
    if province is not None:
        wanted = _fold(province)
        outlets = [
            o
            for o in outlets
            if (o.province is None and wanted in NATIONAL)
            or (o.province is not None and _fold(o.province) == wanted)
        ]
    if as_json:
        click.echo(json.dumps([_row(o) for o in outlets], ensure_ascii=False, indent=2))
        return
    rows = [
        [
            o.id,
            o.name,
            o.domain,
            o.kind,
            o.province or "—",
            " ".join(f"{name}:{len(urls)}" for name, urls in _routes(o).items() if urls),
            o.feeds_source,
            "yes" if o.enabled else "no",
        ]
        for o in outlets
    ]
    headers = ["id", "name", "domain", "kind", "province", "routes", "feeds_source", "enabled"]
    click.echo(_table(rows, headers))
    disabled = sum(1 for o in outlets if not o.enabled)
    click.echo(f"\n{len(outlets)} outlets ({disabled} disabled)")


@outlets_group.command("check")
@click.argument("ids", nargs=-1)
@registry_option
@sample_option
@click.option(
    "--timeout", default=15.0, show_default=True, type=click.FloatRange(min=0.1), help="Seconds per request."
)
@click.option(
    "--workers",
    default=8,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Outlets probed at once (each outlet's routes are fetched one by one).",
)
@click.option(
    "--all",
    "include_disabled",
    is_flag=True,
    help="Also probe disabled outlets (named IDs are always probed).",
)
@click.option("--json", "as_json", is_flag=True, help="A JSON array, one object per route.")
def check_command(
    ids: tuple[str, ...],
    registry: str,
    sample_url: str,
    timeout: float,
    workers: int,
    include_disabled: bool,
    as_json: bool,
) -> None:
    """Probe each outlet's feeds, sitemaps and sections live and report what the crawler would get.

    Exits 0 when every probed route gave article links, 1 when some did not, 2 on a bad registry
    or an unknown id.
    """
    from crawler.outlet_check import check_outlets

    outlets = _load(registry, sample_url)
    if ids:
        known = {o.id for o in outlets}
        unknown = [i for i in ids if i not in known]
        if unknown:
            click.echo(f"Unknown outlet id(s): {', '.join(unknown)}", err=True)
            sys.exit(2)
        chosen = [o for o in outlets if o.id in ids]
    else:
        chosen = [o for o in outlets if o.enabled or include_disabled]

    def progress(outlet: Outlet, results: list[RouteResult]) -> None:
        if as_json:
            return
        for r in results:
            detail = r.error or f"{r.format} {r.items} items"
            status = r.status or "---"
            click.echo(f"{r.verdict:<13} {status:<4} {outlet.id:<20} {r.route:<8} {r.url}  {detail}")

    results = check_outlets(chosen, timeout=timeout, workers=workers, progress=progress)
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        counts: dict[str, int] = {}
        for r in results:
            counts[r.verdict] = counts.get(r.verdict, 0) + 1
        summary = ", ".join(f"{n} {v}" for v, n in sorted(counts.items()))
        click.echo(f"\n{len(chosen)} outlets, {len(results)} routes: {summary or 'nothing probed'}")
    # The priming fetch is a means, not a route: it does not decide the exit status on its own.
    sys.exit(0 if all(r.ok for r in results if r.route != "prime") else 1)


@outlets_group.command("health")
@click.option("--json", "as_json", is_flag=True, help="A JSON array, one object per outlet.")
def health_command(as_json: bool) -> None:
    """Per-outlet crawl health from the crawl state: last run, last success, failures, flags."""
    from dataclasses import asdict

    from crawler.settings import PRESSWATCH_CRAWL_STATE
    from crawler.state import CrawlState, state_path

    state = CrawlState(state_path({"PRESSWATCH_CRAWL_STATE": PRESSWATCH_CRAWL_STATE}))
    rows = state.health()
    state.close()
    if as_json:
        click.echo(json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("No crawl has run yet: run `presswatch crawl` first.")
        return
    table = []
    for row in rows:
        last = row.last
        # Routes discovery found working that the registry does not list yet: to promote.
        found = sum(1 for f in row.discovered if f.get("verdict") == "ok" and not f.get("registered"))
        table.append(
            [
                row.outlet_id,
                (row.last_success or "never")[:16],
                str(row.consecutive_failures),
                str(last.pages_fetched if last else 0),
                str(last.articles_new if last else 0),
                str(last.articles_updated if last else 0),
                str(last.extraction_failures if last else 0),
                str(last.refused if last else 0),
                str(found) if row.discovered_at else "-",
                row.flagged,
            ]
        )
    click.echo(
        _table(
            table,
            [
                "outlet",
                "last success",
                "failures",
                "pages",
                "new",
                "updated",
                "not article",
                "refused",
                "to promote",
                "flag",
            ],
        )
    )
    if any(row.discovered for row in rows):
        click.echo(
            "\nto promote: working feeds/sitemaps discovery found that the registry does not list "
            '(`presswatch outlets health --json`, "discovered").'
        )


@outlets_group.command("discover")
@click.argument("ids", nargs=-1)
@registry_option
@sample_option
@click.option(
    "--articles",
    default=0,
    show_default=True,
    type=click.IntRange(0, 20),
    help="Also fetch and extract this many articles per outlet.",
)
@click.option(
    "--timeout", default=15.0, show_default=True, type=click.FloatRange(min=0.1), help="Seconds per request."
)
def discover_command(
    ids: tuple[str, ...], registry: str, sample_url: str, articles: int, timeout: float
) -> None:
    """Learn feeds and sitemaps from each outlet's homepage, robots.txt and common paths (only on
    its own hosts) and record them in its health; prints the findings as JSON."""
    from crawler.discovery.learn import main as learn

    argv = [*ids, "--sample-url", sample_url, "--articles", str(articles), "--timeout", str(timeout)]
    if registry:
        argv += ["--registry", registry]
    sys.exit(learn(argv))
