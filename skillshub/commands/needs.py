"""`skillshub needs adverts FILE --partner NAME`: job adverts (CSV or JSON) stored as demand."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from skillshub.commands.console import err, out


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("needs", help="add demand: job adverts matched to standards")
    kinds = parser.add_subparsers(dest="kind", required=True)
    adverts = kinds.add_parser(
        "adverts",
        help="match job adverts (CSV or JSON: title, text, location, date); store as demand",
    )
    adverts.add_argument("file", type=Path, metavar="FILE", help="a .csv or .json file of adverts")
    adverts.add_argument(
        "--partner", required=True, help="who the adverts come from, e.g. 'WMCA skills team'"
    )
    adverts.add_argument("--json", action="store_true", help="print JSON")
    adverts.set_defaults(handler=import_adverts)


def import_adverts(args: argparse.Namespace) -> int:
    from rich.progress import Progress

    from skillshub.demand import services
    from skillshub.sources.errors import SourceError
    from skillshub.sources.job_adverts import read_job_adverts
    from skillshub.sources.tables import InvalidRows, read_bytes

    try:
        adverts = read_job_adverts(read_bytes(args.file), source=str(args.file))
    except InvalidRows as error:
        for problem in error.errors[:20]:
            err.print(
                f"[red]{args.file}: {problem.describe()}[/red]", highlight=False, soft_wrap=True
            )
        err.print("Nothing was stored: correct the file and run this again.")
        return 2
    except SourceError as error:
        err.print(f"[red]{error}[/red]", highlight=False)
        return 2
    with Progress(console=err, transient=True, disable=args.json) as bar:
        task = bar.add_task("Matching adverts", total=len(adverts))
        try:
            result = services.import_adverts(
                adverts,
                partner=args.partner,
                progress=lambda done, total: bar.update(task, completed=done),
            )
        except services.UnplacedAdverts as error:
            err.print(f"[red]{error}[/red]", highlight=False)
            return 2
    if args.json:
        print(result.model_dump_json())
    else:
        out.print(
            f"Stored {result.stored} advert(s) as demand; {result.already_held} already held; "
            f"{result.unmatched} matched no standard (kept, counted without a standard).",
            highlight=False,
        )
    return 0
