"""`skillshub search providers --postcode "B1 1AA"`: HE providers near a place, table or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from skillshub.commands import use_case
from skillshub.commands.console import err, out

if TYPE_CHECKING:
    from skillshub.provision.nearby import ProviderSearchResult


def register_kind(kinds: Any) -> None:
    parser = kinds.add_parser(
        "providers", help="colleges and universities teaching higher education near a postcode"
    )
    parser.add_argument("--postcode", required=True, help="postcode or district, e.g. 'B1 1AA'")
    parser.add_argument("--radius-km", type=float, help="straight-line km (25)")
    parser.add_argument("--limit", type=int, help="how many results (1-100, 20)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=search_providers)


def search_providers(args: argparse.Namespace) -> int:
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace
    from skillshub.provision import nearby

    options: dict[str, Any] = {
        "postcode": args.postcode,
        "radius_km": args.radius_km,
        "limit": args.limit,
    }
    return use_case.run(
        # An option not given takes the request's default.
        lambda: nearby.ProviderSearchRequest(
            **{name: value for name, value in options.items() if value is not None}
        ),
        nearby.find_providers,
        as_json=args.json,
        show=_show,
        fixable=(InvalidPostcode, UnknownPlace),
    )


def _show(result: ProviderSearchResult) -> None:
    for note in result.notes:
        err.print(f"[yellow]{note}[/yellow]")
    out.print(
        f"[bold]{result.total} higher education providers within {result.radius_km:g} km of "
        f"{result.postcode}[/bold]"
    )
    for rank, hit in enumerate(result.results, start=1 + result.offset):
        out.print(
            f"{rank}. {hit.name} · {hit.distance_km:.1f} km ({hit.distance_miles:.1f} miles) · "
            f"{hit.nearest_site} · {hit.website or 'no website listed'} · UKPRN {hit.ukprn}",
            markup=False,
        )
    err.print(f"[dim]{result.attribution}[/dim]")
