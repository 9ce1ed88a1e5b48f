"""`skillshub search standards "NEED"`: plain-language matching in the terminal or as JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.table import Table

from skillshub.commands.console import err, out

SEARCHES: dict[str, Any] = {}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("search", help="search standards (or offers) in plain words")
    kinds = parser.add_subparsers(dest="kind", metavar="WHAT", required=True)
    standards = kinds.add_parser("standards", help="standards that meet a need")
    standards.add_argument("query", help='the need in plain words, e.g. "keep our robots running"')
    standards.add_argument("--limit", type=int, default=10, help="how many results (1-100)")
    standards.add_argument("--level", type=int, help="only this level")
    standards.add_argument("--route", help="only this occupational route")
    standards.add_argument("--json", action="store_true", help="print JSON")
    standards.set_defaults(handler=search_standards)
    for register_kind in SEARCHES.values():
        register_kind(kinds)


def search_standards(args: argparse.Namespace) -> int:
    from skillshub.catalogue import matching
    from skillshub.domain.search import QueryError

    if not 1 <= args.limit <= 100:
        err.print("[red]--limit must be between 1 and 100[/red]")
        return 2
    try:
        outcome = matching.search_standards(
            args.query, limit=args.limit, level=args.level, route=args.route
        )
    except QueryError as error:
        err.print(f"[red]{error}[/red]")
        return 2
    except matching.CatalogueNotLoaded as error:
        err.print(f"[red]{error}[/red]")
        return 1
    if args.json:
        print(json.dumps(outcome.as_dict(), ensure_ascii=False))
        return 0
    for note in outcome.notes:
        err.print(f"[dim]{note}[/dim]")
    table = Table(title=f"Standards for: {outcome.query}", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("Standard")
    table.add_column("Level", justify="right")
    table.add_column("Why it matches")
    for rank, match in enumerate(outcome.matches, start=1):
        why = "\n".join(
            f"{e.kind}{' ' + e.ref if e.ref else ''}: {e.text[:110]}" for e in match.why
        )
        table.add_row(str(rank), f"{match.title}\n{match.reference}", str(match.level), why)
    out.print(table)
    return 0
