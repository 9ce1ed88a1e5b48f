"""`skillshub keys create|list|revoke`: partner API keys for POST /api/v1/needs."""

from __future__ import annotations

import argparse
import json
from typing import Any

from skillshub.commands.console import err, out


def register(subparsers: Any) -> None:
    from skillshub.demand.keys import SCOPES

    parser = subparsers.add_parser("keys", help="partner API keys (make, list, revoke)")
    actions = parser.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="make a key; it is printed once, never again")
    create.add_argument("name", help="who holds it, e.g. 'WMCA skills team'")
    create.add_argument(
        "--scope",
        action="append",
        choices=SCOPES,
        required=True,
        help="what it may do (repeat for several)",
    )
    create.add_argument("--json", action="store_true", help="print JSON")
    create.set_defaults(handler=create_key)
    listing = actions.add_parser("list", help="every key: name, prefix, scopes, last use")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=list_keys)
    revoke = actions.add_parser("revoke", help="revoke a key by its prefix (shk_PREFIX_...)")
    revoke.add_argument("prefix", help="the 8 characters after 'shk_'")
    revoke.set_defaults(handler=revoke_key)


def create_key(args: argparse.Namespace) -> int:
    from skillshub.demand import keys

    try:
        made = keys.make_key(name=args.name, scopes=args.scope)
    except ValueError as error:
        err.print(f"[red]{error}[/red]")
        return 2
    if args.json:
        print(made.model_dump_json())
    else:
        out.print(f"Key for {made.name} ({', '.join(made.scopes)}):", highlight=False)
        out.print(made.key, markup=False, highlight=False)
        out.print("Keep it now: only its fingerprint is stored.", highlight=False)
    return 0


def list_keys(args: argparse.Namespace) -> int:
    from skillshub.demand import keys

    found = keys.list_keys()
    if args.json:
        print(json.dumps([k.model_dump(mode="json") for k in found]))
        return 0
    if not found:
        out.print("No partner keys yet: `skillshub keys create NAME --scope needs:write`.")
    for key in found:
        state = "revoked" if key.revoked else "active"
        used = f"last used {key.last_used_at:%Y-%m-%d}" if key.last_used_at else "never used"
        out.print(
            f"shk_{key.prefix}_…  {key.name}  {', '.join(key.scopes)}  {state}, {used}",
            markup=False,
            highlight=False,
        )
    return 0


def revoke_key(args: argparse.Namespace) -> int:
    from skillshub.demand import keys

    try:
        revoked = keys.revoke_key(args.prefix)
    except LookupError as error:
        err.print(f"[red]{error}[/red]")
        return 2
    out.print(f"Revoked shk_{revoked.prefix}_… ({revoked.name}).", highlight=False)
    return 0
