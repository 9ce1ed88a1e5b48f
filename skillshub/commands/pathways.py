"""`skillshub pathways --from ST0128` (or `--from-text "..."`): next Level 4-5 steps."""

from __future__ import annotations

import argparse
from typing import Any

from skillshub.commands import use_case
from skillshub.commands.console import err, out


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "pathways", help="the next Level 4-5 steps from a standard or a job"
    )
    start = parser.add_mutually_exclusive_group(required=True)
    start.add_argument(
        "--from", dest="from_reference", metavar="REF", help="a standard, e.g. ST0128"
    )
    start.add_argument("--from-text", metavar="TEXT", help="your job now, in your own words")
    parser.add_argument("--limit", type=int, default=5, help="how many steps (1-10)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from skillshub.catalogue.matching import CatalogueNotLoaded
    from skillshub.domain.pathways import NeedsEmbeddings
    from skillshub.domain.search import QueryError
    from skillshub.progression import services

    return use_case.run(
        lambda: services.PathwaysRequest(
            from_reference=args.from_reference, from_text=args.from_text, limit=args.limit
        ),
        services.find_pathways,
        as_json=args.json,
        show=_show,
        fixable=(services.UnknownStart, QueryError),
        not_ready=(CatalogueNotLoaded, NeedsEmbeddings),
        json_options={"by_alias": True},
    )


def _show(result: Any) -> None:
    if result.no_match or result.start is None:
        out.print(
            "No standard matches that description: try your job title, or a few words "
            "about what you do."
        )
        return
    start = result.start
    out.print(f"[bold]From {start.title} ({start.reference}, level {start.level})[/bold]")
    for rank, step in enumerate(result.steps, start=1):
        out.print(f"\n{rank}. {step.title} ({step.reference}, level {step.level})", markup=False)
        out.print(f"   Time: {step.time}", markup=False)
        themes = ", ".join(f"{t.label} ({t.count})" for t in step.themes) or "-"
        out.print(
            f"   You already have {len(step.held)}; {len(step.builds_on)} build on them; "
            f"{len(step.new)} are new. Themes: {themes}",
            markup=False,
        )
        out.print(f"   Cost to your employer: {step.employer_cost}", markup=False)
    if result.alternatives:
        names = "; ".join(f"{a.reference} {a.title}" for a in result.alternatives)
        err.print(f"[dim]Other standards that may describe your job: {names}[/dim]")
