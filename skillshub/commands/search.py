"""`skillshub search standards "NEED"`: plain-language matching in the terminal or as JSON."""

from __future__ import annotations

import argparse
from typing import Any

from rich.table import Table

from skillshub.commands import use_case
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
    from skillshub.catalogue import services
    from skillshub.catalogue.matching import CatalogueNotLoaded
    from skillshub.domain.search import QueryError

    return use_case.run(
        lambda: services.StandardsSearchRequest(
            q=args.query, limit=args.limit, level=args.level, route=args.route
        ),
        services.search_standards,
        as_json=args.json,
        show=_show_standards,
        fixable=(QueryError,),
        not_ready=(CatalogueNotLoaded,),
    )


def _show_standards(result: Any) -> None:
    for note in result.notes:
        err.print(f"[dim]{note}[/dim]")
    for group, heading in (
        ("level-4-5", "Level 4 and 5"),
        ("other-levels", "Also at other levels"),
    ):
        matches = result.group(group)
        if not matches:
            continue
        table = Table(title=f"{heading}: standards for {result.query}", show_lines=True)
        table.add_column("#", justify="right")
        table.add_column("Standard")
        table.add_column("Level", justify="right")
        table.add_column("Why it matches")
        for rank, match in enumerate(matches, start=1):
            why = "\n".join(f"{r.label}: {r.text[:100]} ({r.explanation})" for r in match.why)
            table.add_row(str(rank), f"{match.title}\n{match.reference}", str(match.level), why)
        out.print(table)
