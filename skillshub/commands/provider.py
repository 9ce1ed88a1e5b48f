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
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email
    from django.db import transaction

    from skillshub.commands.ingest import ensure_schema
    from skillshub.domain.provision import ProviderStatus, ProviderType, validate_ukprn
    from skillshub.provision import models

    ensure_schema()
    try:
        ukprn = validate_ukprn(args.ukprn)
        email = args.email.strip().lower()
        validate_email(email)
    except (ValueError, ValidationError) as error:
        message = error.messages[0] if isinstance(error, ValidationError) else str(error)
        err.print(f"[red]{message}[/red]")
        return 2
    provider = models.Provider.objects.filter(ukprn=ukprn).first()
    if provider is None and not args.name:
        err.print(
            f"[red]No provider with UKPRN {ukprn} is loaded. Load the course directory or a "
            "register first (`skillshub ingest provision --file ...`), or give --name.[/red]"
        )
        return 1
    User = get_user_model()
    user = User.objects.filter(username=email).first()
    if user is not None and models.ProviderAccount.objects.filter(user=user).exists():
        err.print(f"[red]{email} already has a provider sign-in; remove it first.[/red]")
        return 1
    try:
        password = _password(args)
        validate_password(password, user=user)
    except ValidationError as error:
        err.print(f"[red]{' '.join(error.messages)}[/red]")
        return 2
    except ValueError as error:
        err.print(f"[red]{error}[/red]")
        return 2
    with transaction.atomic():
        if provider is None:
            provider = models.Provider.objects.create(
                ukprn=ukprn,
                name=args.name.strip(),
                type=ProviderType.OTHER.value,
                status=ProviderStatus.UNKNOWN.value,
            )
            models.ProviderListing.objects.create(
                provider=provider,
                source=models.Source.PROVIDER,
                name=provider.name,
                type=provider.type,
                status=provider.status,
            )
        if user is None:
            user = User.objects.create_user(username=email, email=email)
        user.set_password(password)
        user.save()
        models.ProviderAccount.objects.create(user=user, provider=provider)
    err.print(f"[green]{email} can now sign in to publish offers for {provider}.[/green]")
    return 0


def list_users(args: argparse.Namespace) -> int:
    from skillshub.commands.ingest import ensure_schema
    from skillshub.provision import models

    ensure_schema()
    for account in models.ProviderAccount.objects.select_related("user", "provider").order_by(
        "provider__ukprn", "user__username"
    ):
        out.print(f"{account.provider.ukprn}\t{account.user.username}\t{account.provider.name}")
    return 0


def remove_user(args: argparse.Namespace) -> int:
    from django.contrib.auth import get_user_model

    from skillshub.commands.ingest import ensure_schema
    from skillshub.provision import models

    ensure_schema()
    email = args.email.strip().lower()
    account = models.ProviderAccount.objects.filter(user__username=email).first()
    if account is None:
        err.print(f"[red]{email} has no provider sign-in.[/red]")
        return 1
    get_user_model().objects.filter(pk=account.user_id).delete()
    err.print(f"[green]{email} can no longer sign in. Their published offers stay.[/green]")
    return 0
