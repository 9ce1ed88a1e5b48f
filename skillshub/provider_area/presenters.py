"""A provider's own courses and the problems found in an uploaded file, as GOV.UK table params."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from skillshub.provision.models import Source
from skillshub.provision.presenters import offer_href


def row_errors_table(errors: Sequence[Any]) -> dict[str, Any]:
    return {
        "caption": "Problems found in the file",
        "captionClasses": "govuk-table__caption--m",
        "head": [
            {"text": "Row", "format": "numeric"},
            {"text": "Column"},
            {"text": "What to change"},
        ],
        "rows": [
            [{"text": str(e.row), "format": "numeric"}, {"text": e.column}, {"text": e.message}]
            for e in errors
        ],
    }


def _hidden(text: str) -> SafeString:
    return format_html('<span class="govuk-visually-hidden"> {}</span>', text)


def provider_offers_table(rows: Sequence[Any]) -> dict[str, Any]:
    """A provider's own offers with what they can do to each."""
    table_rows = []
    for row in rows:
        own = row.source == Source.PROVIDER
        state = "Withdrawn" if row.withdrawn_at else "Published"
        if own and not row.withdrawn_at:
            actions = format_html(
                '<a class="govuk-link" href="{}">Change{}</a> '
                '<a class="govuk-link" href="{}">Withdraw{}</a>',
                reverse("provider_area:offer-edit", args=[row.offer_id]),
                _hidden(row.title),
                reverse("provider_area:offer-withdraw", args=[row.offer_id]),
                _hidden(row.title),
            )
        elif own:
            actions = format_html(
                '<a class="govuk-link" href="{}">Change and publish again<span '
                'class="govuk-visually-hidden"> {}</span></a>',
                reverse("provider_area:offer-edit", args=[row.offer_id]),
                row.title,
            )
        else:
            actions = format_html("Update it in the {}", Source(row.source).label)
        table_rows.append(
            [
                {
                    "html": format_html(
                        '<a class="govuk-link" href="{}">{}</a>',
                        offer_href(row.offer_id),
                        row.title,
                    )
                    if not row.withdrawn_at
                    else format_html("{}", row.title)
                },
                {"text": state},
                {"text": "You, on Skills Hub" if own else Source(row.source).label},
                {"html": actions},
            ]
        )
    return {
        "caption": "Your courses",
        "captionClasses": "govuk-table__caption--m",
        "firstCellIsHeader": True,
        "head": [
            {"text": "Course"},
            {"text": "Status"},
            {"text": "Published by"},
            {"text": "Actions"},
        ],
        "rows": table_rows,
    }
