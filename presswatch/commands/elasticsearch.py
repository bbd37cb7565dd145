"""`presswatch elasticsearch start|stop|status`: the local development/test node."""

from __future__ import annotations

import sys

import click

from presswatch.elasticsearch_node import Node, NodeError, install


@click.group("elasticsearch")
def elasticsearch_group() -> None:
    """Run a local Elasticsearch node (fetched once from Maven Central) for development and tests."""


@elasticsearch_group.command("install")
def install_command() -> None:
    """Fetch and unpack the Elasticsearch distribution into the cache (once)."""
    try:
        click.echo(f"Elasticsearch installed at {install(progress=click.echo)}")
    except NodeError as error:
        click.echo(str(error), err=True)
        sys.exit(1)


@elasticsearch_group.command("start")
@click.option("--port", default=9200, show_default=True, type=int)
@click.option("--heap", default="1g", show_default=True)
def start_command(port: int, heap: str) -> None:
    """Start a single node on 127.0.0.1 and wait until it is healthy."""
    existing = Node.from_state()
    if existing and existing.healthy():
        click.echo(f"Already running: export PRESSWATCH_ELASTICSEARCH_URL={existing.url}")
        return
    try:
        # Left running after this command (`presswatch elasticsearch stop` stops it).
        node = Node(http_port=port, heap=heap, outlive_parent=True).start(progress=click.echo)
    except NodeError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(f"Elasticsearch is up. Use it with:\n  export PRESSWATCH_ELASTICSEARCH_URL={node.url}")


@elasticsearch_group.command("stop")
def stop_command() -> None:
    """Stop the node started by `start`."""
    node = Node.from_state()
    if node is None:
        click.echo("No local Elasticsearch node is running.")
        return
    node.stop()
    click.echo("Elasticsearch stopped.")


@elasticsearch_group.command("status")
def status_command() -> None:
    """Say whether the local node is running and healthy."""
    node = Node.from_state()
    if node and node.healthy():
        click.echo(f"running at {node.url}")
    else:
        click.echo("not running")
        sys.exit(1)
