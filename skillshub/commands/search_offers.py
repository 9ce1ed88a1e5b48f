"""`skillshub search offers "NEED" --postcode "B1 1AA"`: courses near a place, table or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from skillshub.commands import use_case
from skillshub.commands.console import err, out

if TYPE_CHECKING:
    from skillshub.provision.services import OfferSearchRequest, OfferSearchResult


def register_kind(kinds: Any) -> None:
    from skillshub.provision import vocabulary as v

    parser = kinds.add_parser("offers", help="courses and apprenticeships near a postcode")
    parser.add_argument("query", nargs="?", default="", help="the need in plain words (optional)")
    parser.add_argument("--postcode", default="", help="postcode or district, e.g. 'B1 1AA'")
    parser.add_argument("--radius-km", type=float, help="straight-line km (25)")
    parser.add_argument("--level", type=int, action="append", default=[], help="only this level")
    parser.add_argument(
        "--type", action="append", default=[], help=f"offer type: {', '.join(v.OFFER_TYPES)}"
    )
    parser.add_argument(
        "--delivery", action="append", default=[], help=f"{', '.join(v.DELIVERY_MODES)}"
    )
    parser.add_argument("--max-duration-months", type=float)
    parser.add_argument("--max-cost-gbp", type=float)
    parser.add_argument("--funded", action="store_true", help="only funded or free offers")
    parser.add_argument(
        "--funding",
        action="append",
        default=[],
        help=f"only offers naming this funding route (repeat for several): "
        f"{', '.join(v.FUNDING_ROUTES)}",
    )
    parser.add_argument("--start-within-months", type=int)
    parser.add_argument("--sort", help=f"{', '.join(v.SORTS)} (relevance)")
    parser.add_argument("--limit", type=int, help="how many results (1-100, 20)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=search_offers)


def search_offers(args: argparse.Namespace) -> int:
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace
    from skillshub.domain.search import QueryError
    from skillshub.provision import services

    options: dict[str, Any] = {
        "q": args.query,
        "postcode": args.postcode,
        "radius_km": args.radius_km,
        "level": args.level,
        "type": args.type,
        "delivery": args.delivery,
        "max_duration_months": args.max_duration_months,
        "max_cost_gbp": args.max_cost_gbp,
        "funded": args.funded,
        "funding": args.funding,
        "start_within_months": args.start_within_months,
        "sort": args.sort,
        "limit": args.limit,
    }
    return use_case.run(
        # An option not given takes the request's default.
        lambda: services.OfferSearchRequest(
            **{name: value for name, value in options.items() if value is not None}
        ),
        _find,
        as_json=args.json,
        show=_show,
        fixable=(QueryError, InvalidPostcode, UnknownPlace),
    )


def _find(request: OfferSearchRequest) -> OfferSearchResult:
    from django.utils import timezone

    from skillshub.provision import services
    from skillshub.provision.ingest import COMMAND

    result = services.find_offers(request, today=timezone.localdate())
    if result.offers_loaded == 0:
        err.print(
            f"[yellow]No course data is loaded. Load it with `{COMMAND}`; meanwhile "
            "`skillshub search providers --postcode ...` lists the colleges and universities "
            "near a postcode that teach higher education.[/yellow]"
        )
    return result


def _show(result: OfferSearchResult) -> None:
    for note in result.notes:
        err.print(f"[dim]{note}[/dim]")
    where = f" within {result.radius_km:g} km of {result.postcode}" if result.postcode else ""
    out.print(f"[bold]{result.total} offers{where}[/bold]")
    for rank, hit in enumerate(result.results, start=1 + result.offset):
        facts = hit.facts
        out.print()
        out.print(f"[bold]{rank}. {escape(hit.title)}[/bold]")
        out.print(
            f"   {hit.provider.name} · {facts.type}, {facts.level.lower()} · {hit.offer_id}",
            markup=False,
        )
        for name, value in (
            ("Distance", facts.distance),
            ("Cost", facts.cost),
            ("Time", facts.time),
            ("Format", facts.format),
            ("Starts", facts.starts),
            ("Funding", facts.funding),
        ):
            out.print(f"   {name}: {value}", markup=False)
