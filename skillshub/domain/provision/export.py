"""Hand offers on: a side-by-side CSV for a shortlist and schema.org Course JSON-LD."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from skillshub.domain.provision.model import (
    DAYS_PER_MONTH,
    DeliveryMode,
    Offer,
    Provider,
    ProviderType,
)
from skillshub.domain.provision.search import LOCATION_FREE, OfferHit

SHORTLIST_COLUMNS = (
    "Title",
    "Provider",
    "UKPRN",
    "Type",
    "Level",
    "Distance (km)",
    "Where",
    "Cost to learner (GBP)",
    "Cost to employer (GBP)",
    "Duration (months)",
    "Hours per week",
    "Delivery",
    "Study mode",
    "Start dates",
    "Funding",
    "URL",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_COURSE_MODE = {
    DeliveryMode.CLASSROOM: "Onsite",
    DeliveryMode.ONLINE: "Online",
    DeliveryMode.BLENDED: "Blended",
    DeliveryMode.WORKPLACE: "Onsite",
    DeliveryMode.DAY_RELEASE: "Onsite",
    DeliveryMode.BLOCK_RELEASE: "Onsite",
}
STANDARDS_TERM_SET = "https://skillsengland.education.gov.uk/apprenticeships/"


def _cell(value: object) -> str:
    """Text for one spreadsheet cell; a leading apostrophe stops it being read as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _number(value: float | Decimal | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return f"{value:g}"


def shortlist_csv(
    hits: Iterable[OfferHit], *, providers: Mapping[int, Provider] | None = None
) -> str:
    """A CSV an employer opens in a spreadsheet to compare shortlisted offers side by side."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SHORTLIST_COLUMNS)
    for hit in hits:
        offer = hit.offer
        provider = (providers or {}).get(offer.ukprn)
        starts = [start.isoformat() for start in offer.start_dates]
        if offer.flexible_start:
            starts.append("flexible")
        where = LOCATION_FREE if offer.location_free else (offer.venue_postcode or "")
        row = (
            offer.title,
            provider.name if provider else "",
            offer.ukprn,
            offer.offer_type.value,
            offer.level or "",
            "" if hit.distance_km is None else f"{hit.distance_km:.1f}",
            where,
            _number(offer.cost_to_learner_gbp),
            _number(offer.cost_to_employer_gbp),
            _number(offer.duration_months),
            _number(offer.hours_per_week),
            offer.delivery_mode.value,
            offer.study_mode.value if offer.study_mode else "",
            "; ".join(starts),
            "; ".join(route.value for route in offer.funding_routes),
            offer.url,
        )
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def iso_duration_months(months: float) -> str:
    """ISO 8601 duration for a span in months: 24 -> P2Y, 18 -> P18M, 2.3 -> P70D."""
    if months == int(months):
        whole = int(months)
        return f"P{whole // 12}Y" if whole and whole % 12 == 0 else f"P{whole}M"
    return f"P{round(months * DAYS_PER_MONTH)}D"


def iso_duration_hours(hours: float) -> str:
    """ISO 8601 duration in hours (PT7H, PT2.5H)."""
    return f"PT{hours:g}H"


def _organisation(provider: Provider) -> dict[str, Any]:
    kind = (
        "CollegeOrUniversity"
        if provider.type in (ProviderType.FE_COLLEGE, ProviderType.HIGHER_EDUCATION)
        else "EducationalOrganization"
    )
    organisation: dict[str, Any] = {
        "@type": kind,
        "name": provider.name,
        "identifier": {
            "@type": "PropertyValue",
            "propertyID": "UKPRN",
            "value": str(provider.ukprn),
        },
    }
    if provider.website:
        organisation["url"] = provider.website
    return organisation


def _offers(offer: Offer) -> list[dict[str, Any]]:
    priced: list[dict[str, Any]] = []
    for amount, who in (
        (offer.cost_to_learner_gbp, None),
        (offer.cost_to_employer_gbp, "Business"),
    ):
        if amount is None:
            continue
        item: dict[str, Any] = {
            "@type": "Offer",
            "category": "Free" if amount == 0 else "Paid",
            "price": f"{amount:.2f}",
            "priceCurrency": "GBP",
        }
        if who:
            item["eligibleCustomerType"] = who
        priced.append(item)
    return priced


def _instances(offer: Offer) -> list[dict[str, Any]]:
    base: dict[str, Any] = {
        "@type": "CourseInstance",
        "courseMode": _COURSE_MODE[offer.delivery_mode],
    }
    if offer.duration_months is not None:
        base["duration"] = iso_duration_months(offer.duration_months)
    if offer.hours_per_week is not None:
        schedule: dict[str, Any] = {
            "@type": "Schedule",
            "repeatFrequency": "Weekly",
            "duration": iso_duration_hours(offer.hours_per_week),
        }
        if offer.duration_months is not None:
            weeks = max(1, round(offer.duration_months * DAYS_PER_MONTH / 7))
            schedule["repeatCount"] = weeks
            base["courseWorkload"] = iso_duration_hours(offer.hours_per_week * weeks)
        base["courseSchedule"] = schedule
    if offer.location_free:
        base["location"] = {"@type": "VirtualLocation", "name": LOCATION_FREE}
    elif offer.venue_postcode:
        place: dict[str, Any] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "postalCode": offer.venue_postcode,
                "addressCountry": "GB",
            },
        }
        if offer.venue_name:
            place["name"] = offer.venue_name
        base["location"] = place
    if not offer.start_dates:
        return [base]
    return [{**base, "startDate": start.isoformat()} for start in offer.start_dates]


def course_jsonld(offer: Offer, provider: Provider) -> dict[str, Any]:
    """A schema.org ``Course`` for one offer, for search engines and other services."""
    if provider.ukprn != offer.ukprn:
        raise ValueError(
            f"offer {offer.offer_id} belongs to UKPRN {offer.ukprn}, not {provider.ukprn}"
        )
    course: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": offer.url or f"urn:skillshub:offer:{offer.offer_id}",
        "name": offer.title,
        "courseCode": offer.qualification_reference or offer.offer_id,
        "inLanguage": "en-GB",
        "provider": _organisation(provider),
        "hasCourseInstance": _instances(offer),
        "educationalCredentialAwarded": {
            "@type": "EducationalOccupationalCredential",
            "name": offer.accreditation or offer.offer_type.value,
            "credentialCategory": offer.offer_type.value,
        },
    }
    if offer.description:
        course["description"] = offer.description
    if offer.url:
        course["url"] = offer.url
    if offer.level is not None:
        course["educationalLevel"] = f"Level {offer.level}"
    if offer.awarding_body:
        course["educationalCredentialAwarded"]["recognizedBy"] = {
            "@type": "Organization",
            "name": offer.awarding_body,
        }
    priced = _offers(offer)
    if priced:
        course["offers"] = priced
    if offer.standard_references:
        course["teaches"] = [
            {"@type": "DefinedTerm", "termCode": ref, "inDefinedTermSet": STANDARDS_TERM_SET}
            for ref in offer.standard_references
        ]
    return course
