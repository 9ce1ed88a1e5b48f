"""A need's answers as GOV.UK summary-list rows, for 'Check your answers' and the private page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.html import format_html, format_html_join

from skillshub.demand.services import NeedRequest, StandardChoice
from skillshub.domain import needs as vocabulary


def _standards_html(standards: list[StandardChoice]) -> Any:
    if not standards:
        return "None chosen: we record your need as you wrote it"
    items = format_html_join(
        "",
        '<li><a class="govuk-link" href="{}">{}</a> (level {}, {})</li>',
        (
            (reverse("catalogue:detail", args=[s.reference]), s.title, s.level, s.reference)
            for s in standards
        ),
    )
    return format_html('<ul class="govuk-list">{}</ul>', items)


def answer_rows(
    request: NeedRequest, standards: list[StandardChoice], *, change: bool
) -> list[dict[str, Any]]:
    """One row an answer; with ``change``, each row links back to its question page."""
    level = {4: vocabulary.LEVELS["4"], 5: vocabulary.LEVELS["5"]}.get(
        request.level or 0, vocabulary.LEVELS["either"]
    )
    rows: list[tuple[str, str, Any]] = [
        ("what", "What your staff need to be able to do", request.need),
        ("matches", "Standards that would meet it", _standards_html(standards)),
        ("how-many", "Staff who need it", str(request.headcount)),
        ("when", "How soon", vocabulary.WITHIN_MONTHS[request.needed_within_months]),
        ("format", "Delivery", vocabulary.FORMATS[request.delivery_format]),
        ("level", "Level", level),
        ("postcode", "Workplace", request.postcode.upper()),
        ("size", "Organisation size", vocabulary.SIZE_BANDS.get(request.size_band, "Not given")),
        ("sector", "What it does", vocabulary.SIC_SECTIONS.get(request.sic_section, "Not given")),
    ]
    summary = []
    for step, label, value in rows:
        row: dict[str, Any] = {"key": {"text": label}}
        row["value"] = {"html": value} if not isinstance(value, str) else {"text": value}
        if change:
            href = reverse("demand:question", args=[step]) + "?change=1"
            row["actions"] = {
                "items": [
                    {
                        "href": href,
                        "text": "Change",
                        "visuallyHiddenText": label.lower(),
                        "classes": "govuk-link--no-visited-state",
                    }
                ]
            }
        summary.append(row)
    return summary
