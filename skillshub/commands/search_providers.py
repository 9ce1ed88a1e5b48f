"""`skillshub search providers --postcode "B1 1AA"`: HE providers near a place, table or JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from skillshub.commands.console import err, out


def register_kind(kinds: Any) -> None:
    parser = kinds.add_parser(
        "providers", help="colleges and universities teaching higher education near a postcode"
    )
    parser.add_argument("--postcode", required=True, help="postcode or district, e.g. 'B1 1AA'")
    parser.add_argument("--radius-km", type=float, default=25.0, help="straight-line km (25)")
    parser.add_argument("--limit", type=int, default=20, help="how many results (1-100)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=search_providers)


def search_providers(args: argparse.Namespace) -> int:
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace
    from skillshub.provision import nearby
    from skillshub.provision.services import MAX_LIMIT

    if not 1 <= args.limit <= MAX_LIMIT:
        err.print(f"[red]--limit must be between 1 and {MAX_LIMIT}[/red]")
        return 2
    if not 0 < args.radius_km <= nearby.MAX_RADIUS_KM:
        err.print(
            f"[red]--radius-km must be more than 0 and at most {nearby.MAX_RADIUS_KM:g}[/red]"
        )
        return 2
    try:
        results = nearby.find_providers(args.postcode, radius_km=args.radius_km, limit=args.limit)
    except (InvalidPostcode, UnknownPlace) as error:
        err.print(f"[red]{error}[/red]")
        return 2
    body = nearby.results_as_dict(results)
    if args.json:
        print(json.dumps(body, ensure_ascii=False))
        return 0
    for note in body["notes"]:
        err.print(f"[yellow]{note}[/yellow]")
    out.print(
        f"[bold]{results.total} higher education providers within {args.radius_km:g} km of "
        f"{results.location.query}[/bold]"
    )
    for rank, hit in enumerate(body["results"], start=1):
        out.print(
            f"{rank}. {hit['name']} · {hit['distance_km']:.1f} km ({hit['distance_miles']:.1f} "
            f"miles) · {hit['nearest_site']} · {hit['website'] or 'no website listed'} · "
            f"UKPRN {hit['ukprn']}",
            markup=False,
        )
    err.print(f"[dim]{body['attribution']}[/dim]")
    return 0
