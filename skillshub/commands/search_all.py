"""`skillshub search all "NEED" [--postcode P]`: every route to a skill, grouped, with costs."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from skillshub.commands import use_case
from skillshub.commands.console import err, out


def register_kind(kinds: Any) -> None:
    parser = kinds.add_parser(
        "all", help="apprenticeships, qualifications, providers and courses for a need"
    )
    parser.add_argument("query", help='the need in plain words, e.g. "bookkeeping"')
    parser.add_argument("--postcode", default="", help="workplace postcode or district")
    parser.add_argument("--radius-km", type=float, default=25.0, help="how far to look (25)")
    parser.add_argument("--level", type=int, help="only this level")
    parser.add_argument(
        "--levy",
        choices=("pays-levy", "no-levy", "unknown"),
        default="unknown",
        help="does the employer pay the apprenticeship levy?",
    )
    parser.add_argument("--employees", type=int, help="how many staff the employer has")
    parser.add_argument(
        "--age",
        choices=("16-24", "25+", "unknown"),
        default="unknown",
        help="the apprentice's age band at the start",
    )
    parser.add_argument("--per-group", type=int, default=5, help="options per group (1-20)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=search_all)


def search_all(args: argparse.Namespace) -> int:
    from skillshub.catalogue.matching import CatalogueNotLoaded
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace
    from skillshub.domain.search import QueryError
    from skillshub.journey import services

    return use_case.run(
        lambda: services.TrainingSearchRequest(
            q=args.query,
            postcode=args.postcode,
            radius_km=args.radius_km,
            level=args.level,
            levy=args.levy,
            employees=args.employees,
            age=args.age,
            per_group=args.per_group,
        ),
        lambda request: services.find_training(request, today=date.today()),
        as_json=args.json,
        show=_show,
        fixable=(QueryError, InvalidPostcode, UnknownPlace),
        not_ready=(CatalogueNotLoaded,),
    )


def _show(result: Any) -> None:
    for note in result.notes:
        err.print(f"[dim]{note}[/dim]")
    if result.no_good_match:
        out.print("[bold]No good match for this description.[/bold]")
    for group in result.groups:
        out.print(f"\n[bold]{group.heading}[/bold] ({group.count} in all)")
        for rank, card in enumerate(group.cards, start=1):
            out.print(f"{rank}. {card.title} ({card.kind_name}, {card.reference})", markup=False)
            for label, value in (
                ("Level", card.level_words),
                ("Time", card.time),
                ("Format", card.format),
                ("Where", card.where),
                ("Cost to you", card.cost),
            ):
                if value:
                    out.print(f"   {label}: {value}", markup=False)
    rules = result.funding_rules
    err.print(f"[dim]Costs: {rules.title} (checked {rules.checked_on:%-d %B %Y}).[/dim]")
