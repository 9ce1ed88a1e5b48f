"""`skillshub report labour-market` (the ONS headlines) and `skillshub report gaps --area CODE`
(an area's demand against supply, protected as on the area page)."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.table import Table

from skillshub.commands.console import err, out

if TYPE_CHECKING:
    from skillshub.dashboard.services import ChangeOut


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report", help="print a report (the labour market headlines, an area's skills gaps)"
    )
    kinds = parser.add_subparsers(dest="kind", required=True)
    labour = kinds.add_parser(
        "labour-market",
        help="the latest ONS headline figures with changes on the quarter and the year",
    )
    labour.add_argument("--json", action="store_true", help="print JSON")
    labour.set_defaults(handler=labour_market)
    gaps = kinds.add_parser(
        "gaps",
        help="an area's demand against supply: top unmet needs, by route and level, cold spots",
    )
    gaps.add_argument(
        "--area", required=True, help="GSS code of a combined authority, local authority or region"
    )
    gaps.add_argument("--radius-km", type=float, default=25.0, help="travel radius (default 25)")
    output = gaps.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON")
    output.add_argument("--csv", action="store_true", help="print CSV (as the page's download)")
    gaps.set_defaults(handler=area_gaps)


def area_gaps(args: argparse.Namespace) -> int:
    from skillshub.commands.use_case import run
    from skillshub.market import exports, services

    def show(result: services.AreaGapsResult) -> None:
        if args.csv:
            print(exports.to_csv(result), end="")
            return
        table = Table(
            title=f"{result.name} ({result.area}): demand against supply within "
            f"{result.radius_km:g} km",
            caption=f"Counts of fewer than {result.threshold} employers are not shown.",
        )
        for name in ("Standard", "Employers", "Staff", "Not reached", "Offers", "Gap score"):
            table.add_column(name, justify="left" if name == "Standard" else "right")
        for row in result.standards:
            table.add_row(
                row.label,
                row.employers.text,
                row.staff.text,
                row.unmet_employers.text,
                str(row.offers_reaching),
                str(row.gap_score),
            )
        out.print(table)
        for note in [*result.notes, result.starts_note]:
            if note:
                out.print(note)

    return run(
        lambda: services.AreaGapsRequest(area=args.area, radius_km=args.radius_km),
        services.area_gaps,
        as_json=args.json,
        show=show,
        fixable=(services.UnknownArea,),
    )


def _change(found: ChangeOut | None) -> str:
    return found.words.rsplit(" on the ", 1)[0] if found else "no figure"


def labour_market(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from skillshub.dashboard import services

    try:
        result = services.labour_market_headlines()
    except services.DataNotLoaded as error:
        err.print(f"[red]{error}[/red]")
        return 1
    if args.json:
        print(result.model_dump_json())
        return 0
    published = result.release.published
    loaded = timezone.localtime(datetime.fromisoformat(result.source.loaded_at))
    table = Table(
        title="Labour market headlines (Office for National Statistics)",
        caption=f"Seasonally adjusted. ONS release: "
        f"{f'{published:%-d %B %Y}' if published else 'not recorded'}. Loaded "
        f"{loaded:%-d %B %Y %H:%M} from {result.source.source}.",
    )
    table.add_column("Measure")
    table.add_column("Latest", justify="right", no_wrap=True)
    table.add_column("Period", no_wrap=True)
    table.add_column("On the quarter", justify="right")
    table.add_column("On the year", justify="right")
    table.add_column("CDID", no_wrap=True)
    for h in result.headlines:
        table.add_row(
            h.name,
            h.formatted,
            h.period,
            _change(h.change_on_quarter),
            _change(h.change_on_year),
            h.cdid,
        )
    out.print(table)
    return 0
