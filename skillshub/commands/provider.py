"""`skillshub provider add-user|list-users|remove-user`: provider sign-ins, each for one UKPRN."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from skillshub.commands.console import err, out


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "provider", help="manage provider accounts (each may publish offers for one UKPRN)"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add-user", help="create a sign-in for a provider")
    add.add_argument("--ukprn", required=True, help="the provider's 8-digit UKPRN")
    add.add_argument("--email", required=True, help="the person's email address (their sign-in)")
    add.add_argument("--name", help="the provider's name, if no loaded source lists this UKPRN yet")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    add.set_defaults(handler=add_user)
    listing = actions.add_parser("list-users", help="list provider sign-ins")
    listing.set_defaults(handler=list_users)
    remove = actions.add_parser("remove-user", help="delete a provider sign-in")
    remove.add_argument("--email", required=True)
    remove.set_defaults(handler=remove_user)


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password for the new sign-in: ")
    if getpass.getpass("The same password again: ") != first:
        raise ValueError("the two passwords are different")
    return first


def add_user(args: argparse.Namespace) -> int:
    from skillshub.commands.ingest import ensure_schema
    from skillshub.provider_area import services

    ensure_schema()
    try:
        new = services.new_account(ukprn=args.ukprn, email=args.email, name=args.name)
        account = services.create_account(new, password=_password(args))
    except services.BadAnswer as error:
        err.print(f"[red]{error}[/red]")
        return 2
    except services.Refused as error:
        err.print(f"[red]{error}[/red]")
        return 1
    except ValueError as error:  # the two passwords typed differ
        err.print(f"[red]{error}[/red]")
        return 2
    err.print(
        f"[green]{new.email} can now sign in to publish offers for {account.provider}.[/green]"
    )
    return 0


def list_users(args: argparse.Namespace) -> int:
    from skillshub.commands.ingest import ensure_schema
    from skillshub.provider_area import services

    ensure_schema()
    for account in services.list_accounts():
        out.print(f"{account.ukprn}\t{account.email}\t{account.provider_name}")
    return 0


def remove_user(args: argparse.Namespace) -> int:
    from skillshub.commands.ingest import ensure_schema
    from skillshub.provider_area import services

    ensure_schema()
    try:
        email = services.remove_account(args.email)
    except services.Refused as error:
        err.print(f"[red]{error}[/red]")
        return 1
    err.print(f"[green]{email} can no longer sign in. Their published offers stay.[/green]")
    return 0
