"""`skillshub explain TERM [--json]`: a glossary term in plain English, with its source."""

from __future__ import annotations

import argparse
from typing import Any

from skillshub.commands import use_case
from skillshub.commands.console import out


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("explain", help="a glossary term in plain English (e.g. HTQ)")
    parser.add_argument("term", metavar="TERM", help="a term, abbreviation or slug, e.g. HTQ")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from skillshub.terminology import services

    return use_case.run(
        lambda: services.TermRequest(term=args.term),
        services.explain_term,
        as_json=args.json,
        show=_show,
        fixable=(services.UnknownTerm,),
    )


def _show(entry: Any) -> None:
    out.print(f"[bold]{entry.term}[/bold]", highlight=False)
    if entry.aliases:
        out.print(f"Also: {', '.join(entry.aliases)}", markup=False, highlight=False)
    out.print(entry.definition, markup=False, highlight=False)
    out.print(f"Source: {entry.source_name} <{entry.source_url}>", markup=False, highlight=False)
    if entry.related:
        names = ", ".join(r.term for r in entry.related)
        out.print(f"Related: {names}", markup=False, highlight=False)
