"""`skillshub search offers "NEED" --postcode "B1 1AA"`: courses near a place, table or JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.markup import escape

from skillshub.commands.console import err, out


def register_kind(kinds: Any) -> None:
    from skillshub.provision import vocabulary as v

    parser = kinds.add_parser("offers", help="courses and apprenticeships near a postcode")
    parser.add_argument("query", nargs="?", default="", help="the need in plain words (optional)")
    parser.add_argument("--postcode", default="", help="postcode or district, e.g. 'B1 1AA'")
    parser.add_argument("--radius-km", type=float, default=25.0, help="straight-line km (25)")
    parser.add_argument("--level", type=int, action="append", default=[], help="only this level")
    parser.add_argument(
        "--type", action="append", default=[], choices=sorted(v.OFFER_TYPES), help="offer type"
    )
    parser.add_argument("--delivery", action="append", default=[], choices=sorted(v.DELIVERY_MODES))
    parser.add_argument("--max-duration-months", type=float)
    parser.add_argument("--max-cost-gbp", type=float)
    parser.add_argument("--funded", action="store_true", help="only funded or free offers")
    parser.add_argument(
        "--funding",
        action="append",
        default=[],
        choices=sorted(v.FUNDING_ROUTES),
        help="only offers naming this funding route (repeat for several)",
    )
    parser.add_argument("--start-within-months", type=int)
    parser.add_argument("--sort", choices=sorted(v.SORTS), default="relevance")
    parser.add_argument("--limit", type=int, default=20, help="how many results (1-100)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=search_offers)


def _numbers_ok(args: argparse.Namespace) -> str:
    from skillshub.provision.offer_search import MAX_LIMIT, MAX_RADIUS_KM, negative_filter

    if not 1 <= args.limit <= MAX_LIMIT:
        return f"--limit must be between 1 and {MAX_LIMIT}"
    if not 0 < args.radius_km <= MAX_RADIUS_KM:
        return f"--radius-km must be more than 0 and at most {MAX_RADIUS_KM:g}"
    if name := negative_filter(
        max_duration_months=args.max_duration_months,
        max_cost_gbp=args.max_cost_gbp,
        start_within_months=args.start_within_months,
    ):
        return f"--{name.replace('_', '-')} cannot be negative"
    if not args.query.strip() and not args.postcode.strip():
        return "give the need in plain words, a --postcode, or both"
    return ""


def search_offers(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from skillshub.domain.geography import InvalidPostcode, UnknownPlace
    from skillshub.domain.search import QueryError
    from skillshub.provision import finder, words
    from skillshub.provision import vocabulary as v
    from skillshub.provision.ingest import COMMAND
    from skillshub.provision.offer_search import offer_search

    if problem := _numbers_ok(args):
        err.print(f"[red]{problem}[/red]")
        return 2
    search_request = offer_search(
        need=args.query,
        postcode=args.postcode,
        radius_km=args.radius_km,
        levels=args.level,
        types=args.type,
        delivery=args.delivery,
        max_duration_months=args.max_duration_months,
        max_cost_gbp=args.max_cost_gbp,
        funded=args.funded,
        funding=args.funding,
        start_within_months=args.start_within_months,
        sort=args.sort,
        limit=args.limit,
    )
    today = timezone.localdate()
    try:
        results = finder.find_offers(search_request, today=today)
    except (QueryError, InvalidPostcode, UnknownPlace) as error:
        err.print(f"[red]{error}[/red]")
        return 2
    if results.loaded.offer_count == 0:
        err.print(
            f"[yellow]No course data is loaded. Load it with `{COMMAND}`; meanwhile "
            "`skillshub search providers --postcode ...` lists the colleges and universities "
            "near a postcode that teach higher education.[/yellow]"
        )
    if args.json:
        print(json.dumps(finder.results_as_dict(results), ensure_ascii=False))
        return 0
    for note in results.notes:
        err.print(f"[dim]{note}[/dim]")
    where = f" within {args.radius_km:g} km of {results.location.query}" if results.location else ""
    out.print(f"[bold]{results.total} offers{where}[/bold]")
    for rank, hit in enumerate(results.hits, start=1 + results.search.offset):
        offer = hit.offer
        facts = (
            ("Distance", words.distance(hit.distance_km, location_free=offer.location_free)),
            ("Cost", words.cost(offer)),
            ("Time", words.time_commitment(offer)),
            ("Format", words.delivery_format(offer)),
            ("Starts", words.starts(offer, today=today)),
            ("Funding", words.funding(offer)),
        )
        out.print()
        out.print(f"[bold]{rank}. {escape(offer.title)}[/bold]")
        out.print(
            f"   {escape(results.provider_name(offer.ukprn))} · {v.label(offer.offer_type)}, "
            f"{words.level(offer.level).lower()} · {offer.offer_id}",
            markup=False,
        )
        for name, value in facts:
            out.print(f"   {name}: {value}", markup=False)
    return 0
