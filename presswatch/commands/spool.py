"""`presswatch spool status|replay`: what waits for Elasticsearch, and what it rejected."""

from __future__ import annotations

import sys

import click

from search.backends import BackendUnavailable
from search.config import SearchConfig
from search.ingest import replay_spool, spool_path
from search.spool import Spool


@click.group("spool")
def spool_group() -> None:
    """The spool of documents waiting for Elasticsearch, and the dead letters it rejected."""


@spool_group.command("status")
@click.option("--limit", default=20, show_default=True, help="Dead letters to list.")
def status_command(limit: int) -> None:
    """How many documents wait in the spool; the dead letters with the index's reason."""
    spool = Spool(spool_path(SearchConfig.from_env()))
    try:
        click.echo(f"{len(spool)} waiting in the spool, {spool.dead_count()} dead letters.")
        for letter in spool.dead_letters(limit):
            click.echo(
                f"  {letter.failed_at:%Y-%m-%d %H:%M} {letter.url} ({letter.attempts}x): {letter.reason}"
            )
    finally:
        spool.close()


@spool_group.command("replay")
@click.option("--dead-letters", is_flag=True, help="Send the rejected documents again too (after a fix).")
def replay_command(dead_letters: bool) -> None:
    """Send the spool to Elasticsearch now; exits 1 if the index rejected any document."""
    try:
        report, dead = replay_spool(dead_letters=dead_letters)
    except BackendUnavailable as error:
        click.echo(f"{error} Nothing was lost: the spool keeps every document.", err=True)
        sys.exit(2)
    click.echo(
        f"Indexed {report.replayed} documents from the spool; {len(report.errors)} rejected; "
        f"{dead} dead letters."
    )
    for document_id, reason in report.errors[:20]:
        click.echo(f"  rejected {document_id}: {reason}", err=True)
    if report.errors:
        sys.exit(1)
