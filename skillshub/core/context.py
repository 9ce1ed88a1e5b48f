"""Template context every page shares: service name, navigation, footer with data attribution."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

SERVICE_NAME = "Skills Hub"
ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0: "
    "Skills England (IfATE) apprenticeship standards; Office for National Statistics labour "
    "market statistics, postcode directory and geography codes. Contains OS data and Royal Mail "
    "data © Crown copyright and database right. Local authority lookup © mySociety, CC BY 4.0. "
    "ESCO classification © European Union (ESCO v1.1.1, CC BY 4.0), adapted; ONS Standard "
    "Occupational Classification 2020 (OGL v3.0). Contains Discover Uni (Unistats) data, "
    "Office for Students / HESA. Department for Education list of qualifications approved "
    "for funding (OGL v3.0)."
)

NAVIGATION = (
    ("Find training", "journey:find_training"),
    ("Browse standards", "catalogue:browse"),
    ("Qualifications", "qualifications:list"),
    ("Labour market", "dashboard:index"),
    ("Local market", "market:choose"),
    ("About the data", "core:about"),
)


def _navigation(request: HttpRequest) -> list[dict[str, Any]]:
    items = []
    for text, name in NAVIGATION:
        try:
            href = reverse(name)
        except Exception:  # an area not installed in this deployment is simply not shown
            continue
        active = request.path == href or (href != "/" and request.path.startswith(href))
        items.append({"text": text, "href": href, "active": active})
    return items


def site(request: HttpRequest) -> dict[str, Any]:
    about = reverse("core:about")
    return {
        "site": {
            "name": SERVICE_NAME,
            "navigation": {
                "serviceName": SERVICE_NAME,
                "serviceUrl": "/",
                "navigation": _navigation(request),
            },
            "phase_banner": {
                "tag": {"text": "Beta"},
                "html": format_html(
                    'An open-source service built on public data. <a class="govuk-link" '
                    'href="{}">Where the data comes from</a>.',
                    about,
                ),
            },
            "footer": {
                "meta": {
                    "items": [
                        {"href": about, "text": "About the data"},
                        {"href": "/api/docs", "text": "API"},
                        {"href": "/glossary/", "text": "Glossary"},
                    ],
                    # The full attribution folds away so a phone shows the page, not the footer.
                    "html": format_html(
                        "Contains public sector information licensed under the Open Government "
                        'Licence v3.0. <details class="govuk-details govuk-!-margin-top-2 '
                        'govuk-!-margin-bottom-0"><summary class="govuk-details__summary">'
                        '<span class="govuk-details__summary-text">Data sources and attribution'
                        '</span></summary><div class="govuk-details__text">{}</div></details>',
                        ATTRIBUTION,
                    ),
                },
                "contentLicence": {
                    "html": format_html(
                        'Data under the <a class="govuk-footer__link" href="{}">Open Government '
                        "Licence v3.0</a> and CC BY 4.0, as listed on the "
                        '<a class="govuk-footer__link" href="{}">about page</a>.',
                        "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
                        about,
                    )
                },
                "copyright": {"text": "Data © Crown copyright"},
            },
        }
    }
