"""`skillshub esco ST0116`: each knowledge and skill statement's ESCO skills, with confidence
(or, given a qualification number, those of its title)."""

from __future__ import annotations

import argparse
from typing import Any

from skillshub.commands import use_case
from skillshub.commands.console import err, out


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "esco", help="a standard's knowledge and skills mapped to ESCO skills, with confidence"
    )
    parser.add_argument(
        "reference", help="a standard, e.g. ST0116, or a qualification number, e.g. 60305435"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from skillshub.catalogue import esco
    from skillshub.sources.funded_qualifications import is_valid_number, normalise_number

    if is_valid_number(normalise_number(args.reference)):
        return _qualification(normalise_number(args.reference), as_json=args.json)

    return use_case.run(
        lambda: esco.StandardEscoRequest(reference=args.reference),
        esco.find_esco,
        as_json=args.json,
        show=_show,
        fixable=(esco.UnknownStandard,),
    )


def _show(result: Any) -> None:
    out.print(f"{result.title} ({result.reference}, level {result.level})", markup=False)
    counts = ", ".join(f"{count} {band}" for band, count in result.band_counts.items())
    if result.statements:
        out.print(f"ESCO skills for {len(result.statements)} statements: {counts}", markup=False)
    for note in result.notes:
        err.print(note, markup=False)
    for statement in result.statements:
        out.print(f"\n{statement.ref} {statement.text}", markup=False)
        for skill in statement.skills:
            check = ": check" if skill.band == "low" else ""
            out.print(
                f"   {skill.label} ({skill.skill_type or 'ESCO'}) "
                f"confidence {skill.confidence:.2f}, {skill.band}{check}",
                markup=False,
            )
    out.print(f"\n{result.attribution}", markup=False)


def _qualification(number: str, *, as_json: bool) -> int:
    from skillshub.qualifications import esco

    return use_case.run(
        lambda: esco.QualificationEscoRequest(number=number),
        esco.find_qualification_esco,
        as_json=as_json,
        show=_show_qualification,
        fixable=(esco.UnknownQualification,),
    )


def _show_qualification(result: Any) -> None:
    out.print(f"{result.title} ({result.number})", markup=False)
    if not result.skills:
        err.print("Only Level 4-5 qualifications' titles are mapped to ESCO skills.", markup=False)
        return
    out.print(f"Subject mapped: {result.subject}", markup=False)
    for skill in result.skills:
        check = ": check" if skill.band == "low" else ""
        out.print(
            f"   {skill.label} confidence {skill.confidence:.2f}, {skill.band}{check}",
            markup=False,
        )
    out.print(f"\n{result.attribution}", markup=False)
