"""`skillshub search qualifications "NEED"`: funded Level 4-5 qualifications, table or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from rich.markup import escape
from rich.table import Table

from skillshub.commands.console import err, out


def register_kind(kinds: Any) -> None:
    parser = kinds.add_parser("qualifications", help="funded qualifications that meet a need")
    parser.add_argument("query", help='the need in plain words, e.g. "bookkeeping and payroll"')
    parser.add_argument("--level", type=int, choices=(4, 5), help="only this level (4 or 5)")
    parser.add_argument("--limit", type=int, default=10, help="how many results (1-100)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=search_qualifications)


def search_qualifications(args: argparse.Namespace) -> int:
    from skillshub.qualifications import services

    if not 1 <= args.limit <= 100:
        err.print("[red]--limit must be between 1 and 100[/red]")
        return 2
    try:
        results = services.search_qualifications(args.query, level=args.level, limit=args.limit)
    except services.QueryError as error:
        err.print(f"[red]{escape(str(error))}[/red]")
        return 2
    if args.json:
        print(results.model_dump_json())
        return 0
    for note in results.notes:
        err.print(f"[dim]{escape(note)}[/dim]")
    table = Table(title=f"Qualifications for: {escape(results.need)}", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("Qualification")
    table.add_column("Level")
    table.add_column("Loan")
    table.add_column("Why it matches")
    for rank, hit in enumerate(results.results, start=1):
        why = "\n".join(f"{w.kind}: {w.text[:100]}" for w in hit.why)
        table.add_row(
            str(rank),
            escape(f"{hit.title}\n{hit.number} · {hit.awarding_organisation}"),
            hit.level,
            "yes" if hit.advanced_learner_loan else "no",
            escape(why),
        )
    out.print(table)
    out.print(f"{results.count} qualification(s) match.", markup=False)
    return 0
