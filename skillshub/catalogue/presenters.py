"""Turn catalogue data into parameters for GOV.UK component macros (tables, summary lists)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from skillshub.catalogue.browse import StandardSummaryOut
from skillshub.catalogue.esco import StandardEscoResult
from skillshub.catalogue.families import (
    FamiliesResult,
    FamilyOut,
    SimilarStandardsResult,
    ThemeOut,
)
from skillshub.catalogue.models import StandardVersion
from skillshub.catalogue.services import StandardsSearchResult
from skillshub.domain.standards import Ksb, Standard


def months(value: int | None) -> str:
    if value is None:
        return "Not stated"
    return f"{value} months" if value != 1 else "1 month"


def pounds(value: int | None) -> str:
    return f"£{value:,}" if value is not None else "Not stated"


def standards_table(rows: Iterable[StandardSummaryOut]) -> dict[str, Any]:
    return {
        "caption": "Standards",
        "captionClasses": "govuk-visually-hidden",
        "firstCellIsHeader": True,
        "head": [
            {"text": "Standard"},
            {"text": "Level", "format": "numeric"},
            {"text": "Route"},
            {"text": "Typical duration"},
            {"text": "Funding band maximum", "format": "numeric"},
        ],
        "rows": [
            [
                {
                    "html": format_html(
                        '<a class="govuk-link" href="{}">{}</a> '
                        '<span class="govuk-caption-s">{}</span>',
                        reverse("catalogue:detail", args=[row.reference]),
                        row.title,
                        row.reference,
                    )
                },
                {"text": str(row.level), "format": "numeric"},
                {"text": row.route},
                {"text": months(row.typical_duration_months)},
                {"text": pounds(row.max_funding_gbp), "format": "numeric"},
            ]
            for row in rows
        ],
    }


def hours(value: int | None) -> str:
    return f"{value:,} hours" if value is not None else "Not stated"


def day(value: date | None) -> str:
    return f"{value:%-d %B %Y}" if value else "Not stated"


def version_line(standard: Standard) -> str:
    version = standard.detail_version or "not numbered"
    if standard.is_current and standard.approved_on:
        return f"{version} (approved for delivery on {day(standard.approved_on)})"
    return version


def standard_summary(standard: Standard) -> dict[str, Any]:
    status = standard.status
    if standard.starts_paused:
        status += ": new starts are paused"
    rows: list[tuple[str, str | SafeString]] = [
        ("Type", standard.kind_name),
        ("Reference", standard.reference),
        ("Level", f"Level {standard.level}" if standard.level else "Not set"),
        ("Status", status),
        ("Version", version_line(standard)),
        ("Route", standard.route or "Not stated"),
    ]
    if standard.pathway:
        rows.append(("Pathway", standard.pathway))
    if standard.cluster:
        rows.append(("Occupation cluster", standard.cluster))
    if standard.kind == "unit":
        rows.append(
            (
                "Who it is for",
                "People you already employ: an apprenticeship unit adds skills to an existing "
                "job, it is not a way to recruit",
            )
        )
    rows += [
        ("Typical duration", months(standard.typical_duration_months)),
        ("Off-the-job training (minimum)", hours(standard.minimum_off_the_job_hours)),
    ]
    if standard.epa_period_months:
        rows.append(("End-point assessment period", months(standard.epa_period_months)))
    rows.append(("Maximum government funding", pounds(standard.max_funding_gbp)))
    if standard.sector_subject_area:
        rows.append(("Sector subject area", standard.sector_subject_area))
    if standard.occupation_code:
        rows.append(("Occupation code", standard.occupation_code))
    if standard.kind == "standard" or standard.job_titles:
        rows.append(("Typical job titles", ", ".join(standard.job_titles) or "Not stated"))
    if standard.related_standards:
        rows.append(("Related apprenticeships", related_links(standard.related_standards)))
    if standard.integrated_degree:
        rows.append(("Integrated degree", standard.integrated_degree))
    return {
        "rows": [
            {
                "key": {"text": key},
                "value": {"html": value} if isinstance(value, SafeString) else {"text": value},
            }
            for key, value in rows
        ],
    }


def related_links(references: Iterable[str]) -> SafeString:
    return format_html(
        '<ul class="govuk-list">{}</ul>',
        format_html_join(
            "",
            '<li><a class="govuk-link" href="{}">{}</a></li>',
            ((reverse("catalogue:detail", args=[ref]), ref) for ref in references),
        ),
    )


def version_rows(
    versions: Iterable[StandardVersion], *, shown: str, reference: str
) -> list[list[dict[str, Any]]]:
    """One row per version for the 'Versions' table, linking each version not shown here."""
    rows = []
    for version in versions:
        label = version.version or "not numbered"
        if version.version == shown:
            cell: dict[str, Any] = {"text": f"{label} (shown on this page)"}
        else:
            cell = {
                "html": format_html(
                    '<a class="govuk-link" href="{}">Version {}</a>',
                    reverse("catalogue:version", args=[reference, version.version or "-"]),
                    label,
                )
            }
        rows.append(
            [
                cell,
                {"text": version.status},
                {"text": day(version.detail_updated)},
                {"text": version.change_note or "-"},
            ]
        )
    return rows


def versions_table(
    versions: list[StandardVersion], *, shown: str, reference: str
) -> dict[str, Any] | None:
    if len(versions) < 2:
        return None
    return {
        "caption": "Versions",
        "captionClasses": "govuk-table__caption--m",
        "firstCellIsHeader": True,
        "head": [{"text": "Version"}, {"text": "Status"}, {"text": "Updated"}, {"text": "Change"}],
        "rows": version_rows(versions, shown=shown, reference=reference),
    }


def training_near(standard: Standard, *, postcode: str) -> dict[str, Any]:
    """The way from a standard to training for it near a place, keeping the need: a link when
    the postcode is known (it came with the visitor), else a one-field postcode form."""
    need = {"q": standard.title}
    if postcode:
        return {
            "href": "/find-training/?" + urlencode({**need, "postcode": postcode}),
            "text": f"Find training for this near {postcode.upper()}",
        }
    return {
        "need": standard.title,
        "input": {
            "id": "training-postcode",
            "name": "postcode",
            "label": {"text": "Your workplace postcode", "classes": "govuk-label--s"},
            "hint": {"text": "For example B1 1AA, or a district like B1"},
            "classes": "govuk-input--width-10",
            "autocomplete": "postal-code",
        },
    }


def ksb_items(ksbs: Iterable[Ksb], esco: StandardEscoResult | None) -> list[dict[str, Any]]:
    """KSBs for the standard page, each with its ESCO skills (best first; low ones say so)."""
    by_ref = {s.ref: s.skills for s in esco.statements} if esco else {}
    return [
        {
            "ref": ksb.ref,
            "text": ksb.text,
            "esco": [
                {
                    "label": skill.label,
                    "href": skill.uri,
                    "confidence": f"{skill.confidence:.2f}",
                    "band": "low confidence: check" if skill.band == "low" else skill.band,
                }
                for skill in by_ref.get(ksb.ref, [])
            ],
        }
        for ksb in ksbs
    ]


def esco_summary(esco: StandardEscoResult | None) -> str:
    """One sentence on how many statements were mapped, by band."""
    if not esco or not esco.statements:
        return ""
    counts = esco.band_counts
    return (
        f"Each knowledge and skill statement is shown with its closest ESCO skills (the EU's "
        f"skills vocabulary): {counts['high']} with high, {counts['medium']} with medium and "
        f"{counts['low']} with low confidence. Low-confidence ones are often wrong: check them."
    )


def duties_table(standard: Standard) -> dict[str, Any] | None:
    if not standard.duties:
        return None
    return {
        "caption": "Duties",
        "captionClasses": "govuk-table__caption--m",
        "firstCellIsHeader": True,
        "head": [{"text": "Duty"}, {"text": "What it involves"}, {"text": "KSBs used"}],
        "rows": [
            [{"text": d.ref}, {"text": d.text}, {"text": ", ".join(d.ksb_refs) or "-"}]
            for d in standard.duties
        ],
    }


def highlighted(text: str, terms: Iterable[str]) -> str:
    """Escape the text and wrap matched words in <mark>; safe to print unescaped."""
    from skillshub.domain.search.explain import highlight

    parts = []
    for segment, is_match in highlight(text, tuple(terms)):
        if is_match:
            parts.append(format_html('<mark class="app-highlight">{}</mark>', segment))
        else:
            parts.append(format_html("{}", segment))
    return "".join(parts)


def search_groups(result: StandardsSearchResult) -> list[dict[str, Any]]:
    """The results in two groups, Level 4-5 first, each match with its reasons highlighted."""
    groups = []
    for name, heading in (
        ("level-4-5", "Level 4 and 5"),
        ("other-levels", "Also at other levels"),
    ):
        matches = result.group(name)  # type: ignore[arg-type]
        if not matches:
            continue
        groups.append(
            {
                "id": name,
                "heading": heading,
                "results": [
                    {
                        "reference": match.reference,
                        "title": match.title,
                        "kind_name": match.kind_name,
                        "level": match.level,
                        "route": match.route,
                        "href": match.url,
                        "facts": " · ".join(
                            fact
                            for fact in (
                                months(match.typical_duration_months)
                                if match.typical_duration_months
                                else "",
                                f"at least {hours(match.minimum_off_the_job_hours)} off the job"
                                if match.minimum_off_the_job_hours
                                else "",
                                f"funding band up to {pounds(match.max_funding_gbp)}"
                                if match.max_funding_gbp
                                else "",
                            )
                            if fact
                        ),
                        "why": [
                            {
                                "label": reason.label,
                                "html": highlighted(reason.text, reason.matched_terms),
                                "explanation": reason.explanation,
                            }
                            for reason in match.why
                        ],
                    }
                    for match in matches
                ],
            }
        )
    return groups


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _themes_text(themes: list[ThemeOut]) -> str:
    words = [t.label.lower() for t in themes]
    if not words:
        return ""
    return ", ".join(words[:-1]) + (" and " if len(words) > 1 else "") + words[-1]


def similar_cards(result: SimilarStandardsResult) -> list[dict[str, Any]]:
    """Each similar standard: what share they have in common, and disclosures of what is
    shared and what the other adds."""
    cards = []
    for item in result.similar:
        shared = format_html(
            '<ul class="govuk-list govuk-list--bullet">{}</ul>',
            format_html_join(
                "",
                '<li><strong>{}</strong> {} <span class="govuk-hint govuk-!-display-inline">'
                "(like its {}: {})</span></li>",
                ((p.own.ref, p.own.text, p.other.ref, p.other.text) for p in item.shared),
            ),
        )
        adds = format_html(
            '<ul class="govuk-list govuk-list--bullet">{}</ul>',
            format_html_join(
                "", "<li><strong>{}</strong> {}</li>", ((k.ref, k.text) for k in item.only_there)
            ),
        )
        more = item.only_there_count - len(item.only_there)
        if more > 0:
            adds = format_html('{}<p class="govuk-body">And {} more on its page.</p>', adds, more)
        themes = _themes_text(item.different)
        cards.append(
            {
                "item": item,
                "share": f"{percent(item.share_of_own)} of this standard's knowledge and skills "
                f"are also in it ({item.shared_count}); {percent(item.share_of_other)} of its "
                "own are in this one.",
                "adds": f"What it adds is mostly about {themes}." if themes else "",
                "details": [
                    d
                    for d in (
                        {
                            "summaryText": f"Shared knowledge and skills ({item.shared_count})",
                            "html": shared,
                        }
                        if item.shared
                        else None,
                        {
                            "summaryText": f"Only in {item.title} ({item.only_there_count})",
                            "html": adds,
                        }
                        if item.only_there
                        else None,
                    )
                    if d
                ],
            }
        )
    return cards


def family_tables(result: FamiliesResult) -> list[dict[str, Any]]:
    """One table per route: a row per family, a column per level, the standards in each cell."""
    routes: dict[str, list[FamilyOut]] = {}
    levels = sorted({m.level for f in result.families for m in f.members})
    for family in result.families:
        routes.setdefault(family.route, []).append(family)
    tables = []
    for route, families in routes.items():
        rows = []
        for family in families:
            cells = [
                {
                    "html": format_html(
                        '<span id="{}">{}</span> '
                        '<span class="govuk-caption-s">{} standard{}</span>',
                        family.key,
                        family.label,
                        len(family.members),
                        "" if len(family.members) == 1 else "s",
                    )
                }
            ]
            for level in levels:
                members = [m for m in family.members if m.level == level]
                cells.append(
                    {
                        "html": format_html_join(
                            mark_safe("<br>"),  # a constant
                            '<a class="govuk-link" href="{}">{}</a>',
                            ((m.url, m.title) for m in members),
                        )
                        if members
                        else "-"
                    }
                )
            rows.append(cells)
        tables.append(
            {
                "route": route,
                "id": slugify(route),
                "count": len(families),
                "table": {
                    "caption": f"{route}: families of related standards by level",
                    "captionClasses": "govuk-visually-hidden",
                    "firstCellIsHeader": True,
                    "head": [{"text": "Family"}] + [{"text": f"Level {level}"} for level in levels],
                    "rows": rows,
                },
            }
        )
    return tables
