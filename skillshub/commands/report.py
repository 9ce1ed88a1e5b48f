"""`skillshub report labour-market`: the ONS headline figures as a table in the terminal."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.table import Table

from skillshub.commands.console import err, out


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("report", help="print a report (the labour market headlines)")
    kinds = parser.add_subparsers(dest="kind", required=True)
    labour = kinds.add_parser(
        "labour-market",
        help="the latest ONS headline figures with changes on the quarter and the year",
    )
    labour.add_argument("--json", action="store_true", help="print JSON")
    labour.set_defaults(handler=labour_market)


def _change(words: str | None) -> str:
    return words.rsplit(" on the ", 1)[0] if words else "no figure"


def labour_market(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from skillshub.dashboard import queries
    from skillshub.domain.labour_market import headlines

    try:
        picture = queries.picture()
    except queries.DataNotLoaded as error:
        err.print(f"[red]{error}[/red]")
        return 1
    found = headlines(picture.series)
    provenance = picture.provenance
    if args.json:
        rows = [
            {
                "cdid": h.cdid,
                "name": h.name,
                "value": h.value,
                "formatted": h.formatted,
                "period": h.period_label,
                "period_end": f"{h.period_end:%Y-%m}",
                "change_on_quarter": h.change_on_quarter.difference
                if h.change_on_quarter
                else None,
                "change_on_year": h.change_on_year.difference if h.change_on_year else None,
                "summary": h.summary,
            }
            for h in found
        ]
        source = {"source": provenance.source, "loaded_at": provenance.loaded_at.isoformat()}
        print(json.dumps({"headlines": rows, **source}, ensure_ascii=False))
        return 0
    published = f"{provenance.published:%-d %B %Y}" if provenance.published else "not recorded"
    loaded = timezone.localtime(provenance.loaded_at)
    table = Table(
        title="Labour market headlines (Office for National Statistics)",
        caption=f"Seasonally adjusted. ONS release: {published}. Loaded "
        f"{loaded:%-d %B %Y %H:%M} from {provenance.source}.",
    )
    table.add_column("Measure")
    table.add_column("Latest", justify="right", no_wrap=True)
    table.add_column("Period", no_wrap=True)
    table.add_column("On the quarter", justify="right")
    table.add_column("On the year", justify="right")
    table.add_column("CDID", no_wrap=True)
    for h in found:
        table.add_row(
            h.name,
            h.formatted,
            h.period_label,
            _change(h.quarter_words),
            _change(h.year_words),
            h.cdid,
        )
    out.print(table)
    return 0
