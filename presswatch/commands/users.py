"""`presswatch users create|list|reset-password`: account administration from the terminal."""

from __future__ import annotations

import sqlite3
import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from web.auth import ROLES, create_user, set_password, temporary_password
from web.db import connect, database_path


@click.group("users")
def users_group() -> None:
    """Manage staff accounts (roles: viewer, editor, admin)."""


@users_group.command("create")
@click.option("--email", required=True)
@click.option("--name", default="")
@click.option("--role", type=click.Choice(ROLES), default="viewer", show_default=True)
@click.password_option(help="At least 8 characters (prompted when omitted).")
@with_appcontext
def create_command(email: str, name: str, role: str, password: str) -> None:
    """Create an account."""
    with connect(database_path(current_app)) as db:
        try:
            create_user(db, email, password, role, name)
        except sqlite3.IntegrityError:
            click.echo(f"Cannot create {email}: an account with this email exists.", err=True)
            sys.exit(1)
        except ValueError as error:
            click.echo(f"Cannot create {email}: {error}", err=True)
            sys.exit(1)
    click.echo(f"Created {role} {email}")


@users_group.command("list")
@with_appcontext
def list_command() -> None:
    """List accounts."""
    with connect(database_path(current_app)) as db:
        for row in db.execute("SELECT email, name, role, active FROM users ORDER BY email"):
            click.echo(
                f"{row['email']:<32} {row['role']:<7} {'active' if row['active'] else 'disabled'}  "
                f"{row['name']}"
            )


@users_group.command("reset-password")
@click.argument("email")
@with_appcontext
def reset_password_command(email: str) -> None:
    """Give EMAIL a new temporary password, printed once (only its hash is kept)."""
    with connect(database_path(current_app)) as db:
        row = db.execute(
            "SELECT id, email FROM users WHERE lower(email) = lower(?)", (email.strip(),)
        ).fetchone()
        if row is None:
            click.echo(f"No account {email}; `presswatch users list` shows them.", err=True)
            sys.exit(1)
        password = temporary_password()
        set_password(db, row["id"], password)
    click.echo(f"New password for {row['email']}: {password}")
    click.echo("It is shown only this once; open sessions of this account have ended.")
