"""Turn qualifications into parameters for GOV.UK component macros (tables, summary lists)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.html import format_html

from skillshub.catalogue.presenters import highlighted
from skillshub.domain.qualifications import (
    ADVANCED_LEARNER_LOANS,
    LIFELONG_LEARNING_ENTITLEMENT,
    Qualification,
    levels_in_words,
)
from skillshub.domain.standards import level_in_words
from skillshub.qualifications.services import QualificationResults

WHY_LABELS = {
    "title": "Title",
    "sector": "Sector subject area",
    "standard": "Fits the standard",
    "standard evidence": "The standard it fits says",
}


def yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def results_table(results: QualificationResults) -> dict[str, Any]:
    return {
        "caption": "Qualifications",
        "captionClasses": "govuk-visually-hidden",
        "firstCellIsHeader": True,
        "head": [
            {"text": "Qualification"},
            {"text": "Level"},
            {"text": "Awarding organisation"},
            {"text": "Advanced Learner Loan"},
        ],
        "rows": [
            [
                {
                    "html": format_html(
                        '<a class="govuk-link" href="{}">{}</a> '
                        '<span class="govuk-caption-s">{}</span>',
                        hit.page_url,
                        hit.title,
                        hit.number,
                    )
                },
                {"text": hit.level},
                {"text": hit.awarding_organisation},
                {"text": yes_no(hit.advanced_learner_loan)},
            ]
            for hit in results.results
        ],
    }


def search_results(results: QualificationResults) -> list[dict[str, Any]]:
    """Ranked results, each with the parts that matched and the matched words marked."""
    return [
        {
            "title": hit.title,
            "number": hit.number,
            "href": hit.page_url,
            "level": hit.level,
            "organisation": hit.awarding_organisation,
            "loan": yes_no(hit.advanced_learner_loan),
            "why": [
                {
                    "label": WHY_LABELS.get(item.kind, item.kind.capitalize()),
                    "html": highlighted(item.text, item.matched_words),
                }
                for item in hit.why
            ],
        }
        for hit in results.results
    ]


def _row(key: str, value: str = "", html: str = "") -> dict[str, Any]:
    return {"key": {"text": key}, "value": {"html": html} if html else {"text": value}}


def summary(qualification: Qualification) -> dict[str, Any]:
    organisation = qualification.awarding_organisation
    if qualification.awarding_organisation_url:
        organisation_html = format_html(
            '{}<br><a class="govuk-link" href="{}">{} (opens their website)</a>',
            organisation,
            qualification.awarding_organisation_url,
            qualification.awarding_organisation_url,
        )
    else:
        organisation_html = format_html("{}", organisation)
    level = qualification.level
    meaning = level_in_words(level) if level else levels_in_words(qualification.levels)
    rows = [
        _row("Qualification number", qualification.number),
        _row("Awarding organisation", html=organisation_html),
        _row("Level", html=format_html("{}<br>{}", qualification.level_label, meaning)),
        _row("Type", qualification.qualification_type),
    ]
    if qualification.subcategory:
        rows.append(_row("Subcategory", qualification.subcategory))
    rows += [
        _row("Sector subject area", qualification.sector_subject_area),
        _row("Status", qualification.status),
    ]
    return {"rows": rows}


def funding_summary(qualification: Qualification, *, today: date) -> dict[str, Any]:
    """The two Level 4-5 answers first, then every other stream the list has."""
    first = (ADVANCED_LEARNER_LOANS, LIFELONG_LEARNING_ENTITLEMENT)
    streams = [qualification.stream(key) for key in first]
    streams += [s for s in qualification.funding if s.key not in first]
    return {"rows": [_row(s.label, s.in_words(today)) for s in streams]}


def standard_links(qualification: Qualification) -> list[dict[str, Any]]:
    return [
        {
            "title": link.title,
            "reference": link.reference,
            "level": link.level,
            "href": reverse("catalogue:detail", args=[link.reference]),
            "reason": link.reason,
        }
        for link in qualification.links
    ]
