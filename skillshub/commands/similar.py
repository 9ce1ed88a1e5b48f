"""`skillshub similar ST0116`: a standard's family and its most similar standards."""

from __future__ import annotations

import argparse
from typing import Any

from skillshub.commands import use_case
from skillshub.commands.console import err, out


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "similar", help="a standard's family and the most similar standards, with what they share"
    )
    parser.add_argument("reference", help="a standard, e.g. ST0116")
    parser.add_argument("--limit", type=int, default=5, help="how many similar standards (1-6)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from skillshub.catalogue import families

    return use_case.run(
        lambda: families.SimilarStandardsRequest(reference=args.reference, limit=args.limit),
        families.find_similar,
        as_json=args.json,
        show=_show,
        fixable=(families.UnknownStandard,),
    )


def _show(result: Any) -> None:
    out.print(f"{result.title} ({result.reference}, level {result.level})", markup=False)
    if result.family is not None:
        others = [m for m in result.family.members if m.reference != result.reference]
        names = "; ".join(f"{m.reference} {m.title} (level {m.level})" for m in others) or "none"
        out.print(f"Family: {result.family.label}. Others in it: {names}", markup=False)
    for note in result.notes:
        err.print(note, markup=False)
    for rank, item in enumerate(result.similar, start=1):
        out.print(
            f"\n{rank}. {item.title} ({item.reference}, level {item.level}): "
            f"{round(item.share_of_own * 100)}% of this one's knowledge and skills shared "
            f"({item.shared_count}); similarity {item.score:.2f}",
            markup=False,
        )
        for pair in item.shared[:3]:
            out.print(f"   shared {pair.own.ref}: {pair.own.text}", markup=False)
        if item.different:
            themes = ", ".join(t.label.lower() for t in item.different)
            out.print(f"   it adds: {themes}", markup=False)
