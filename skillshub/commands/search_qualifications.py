"""`skillshub search qualifications "NEED"`: funded Level 4-5 qualifications, table or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.table import Table

from skillshub.commands import use_case
from skillshub.commands.console import err, out

if TYPE_CHECKING:
    from skillshub.qualifications.services import QualificationResults


def register_kind(kinds: Any) -> None:
    parser = kinds.add_parser("qualifications", help="funded qualifications that meet a need")
    parser.add_argument("query", help='the need in plain words, e.g. "bookkeeping and payroll"')
    parser.add_argument(
        "--level",
        type=int,
        action="append",
        default=[],
        help="only this level, 0 (Entry Level) to 8; repeat for several (4 and 5)",
    )
    parser.add_argument("--limit", type=int, default=10, help="how many results (1-100)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=search_qualifications)


def search_qualifications(args: argparse.Namespace) -> int:
    from skillshub.qualifications import services

    return use_case.run(
        lambda: services.QualificationQuery(
            need=args.query, levels=tuple(args.level), page_size=args.limit
        ),
        services.find_qualifications,
        as_json=args.json,
        show=_show,
        fixable=(services.QueryError,),
        option_names={"need": "the need", "levels": "--level", "page_size": "--limit"},
    )


def _show(results: QualificationResults) -> None:
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
