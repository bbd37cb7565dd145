"""`presswatch report briefing --period 2026-Q4 --out FILE.docx [--xlsx FILE.xlsx]`: the periodic
press briefing from the command line (the web app offers the same files under Reports)."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from search.backends import BackendUnavailable


@click.group("report")
def report_group() -> None:
    """Reports for the record: the periodic press briefing."""


@report_group.command("briefing")
@click.option("--period", required=True, help="YYYY-MM (2026-11) or YYYY-Qn (2026-Q4).")
@click.option(
    "--out",
    "docx_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the DOCX report here.",
)
@click.option(
    "--xlsx",
    "xlsx_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the same tables as an XLSX workbook here.",
)
@click.option(
    "--scope",
    type=click.Choice(["province", "all"]),
    default="province",
    show_default=True,
    help="province: articles about the focus province (as the dashboard counts them); "
    "all: every article followed.",
)
@with_appcontext
def briefing_command(period: str, docx_path: Path | None, xlsx_path: Path | None, scope: str) -> None:
    """Coverage by outlet kind, topic and tone against the previous period, top stories, negative
    items and their handling, the province's own press vs the rest; charts in the DOCX."""
    from web.reports.briefing import PeriodError
    from web.reports.briefing_views import briefing_for, docx_bytes, xlsx_bytes

    if docx_path is None and xlsx_path is None:
        raise click.UsageError("give --out FILE.docx and/or --xlsx FILE.xlsx")
    try:
        briefing = briefing_for(period, scope)
    except PeriodError as error:
        raise click.BadParameter(str(error), param_hint="--period") from error
    except BackendUnavailable as error:
        raise click.ClickException(str(error)) from error
    if docx_path is not None:
        docx_path.write_bytes(docx_bytes(briefing))
        click.echo(f"{docx_path}: {briefing.period.key}, {briefing.total} articles")
    if xlsx_path is not None:
        xlsx_path.write_bytes(xlsx_bytes(briefing))
        click.echo(f"{xlsx_path}: {len(briefing.tables) + 1} sheets")
