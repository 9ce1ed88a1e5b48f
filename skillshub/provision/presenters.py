"""Turn provision data into parameters for GOV.UK component macros, and JSON-LD for offer pages."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from skillshub.domain import provision as domain
from skillshub.provision import vocabulary as v
from skillshub.provision import words
from skillshub.provision.models import Source
from skillshub.provision.nearby import ProviderNear
from skillshub.provision.services import OfferFacts, OfferMatch, OfferSearchResult

STATUS_WARNINGS = {
    domain.ProviderStatus.NOT_STARTING_NEW_APPRENTICES: (
        "The register says this provider is not starting new apprentices at the moment."
    ),
    domain.ProviderStatus.REMOVED: "This provider has been removed from a provider register.",
}
MAX_STANDARDS_SHOWN = 5
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def offer_href(offer_id: str) -> str:
    return reverse("provision:offer", args=[offer_id])


def provider_href(ukprn: int) -> str:
    return reverse("provision:provider", args=[ukprn])


def _row(key: str, value: str | SafeString) -> dict[str, Any]:
    cell = {"html": value} if isinstance(value, SafeString) else {"text": value}
    return {"key": {"text": key}, "value": cell}


def _standard_links(references: Iterable[str], titles: Mapping[str, str]) -> SafeString:
    return format_html_join(
        ", ",
        '<a class="govuk-link" href="{}">{}</a>',
        (
            (
                reverse("catalogue:detail", args=[ref]),
                f"{titles[ref]} ({ref})" if titles.get(ref) else ref,
            )
            for ref in references
        ),
    )


def result_summary(facts: OfferFacts) -> dict[str, Any]:
    """The facts an employer decides on, at a glance."""
    return {
        "classes": "govuk-summary-list--no-border app-offer-facts",
        "rows": [
            _row("Distance", facts.distance),
            _row("Cost", facts.cost),
            _row("Time", facts.time),
            _row("Format", facts.format),
            _row("Starts", facts.starts),
            _row("Funding", facts.funding),
        ],
    }


def _why(hit: OfferMatch) -> list[SafeString]:
    """The standards the need matched that it teaches, and the title words that match."""
    reasons = []
    titles = {standard.reference: standard.title for standard in hit.standards if standard.title}
    if titles:
        reasons.append(format_html("Teaches {}", _standard_links(titles, titles)))
    for reason in hit.reasons:
        if reason.startswith("title mentions"):
            reasons.append(format_html("The {}", reason))
    return reasons


def offer_anchor(offer_id: str) -> str:
    """A fragment id for an offer on a results page (ids allow only some characters)."""
    return "offer-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in offer_id)


def _status_warning(status: str | None) -> str | None:
    return STATUS_WARNINGS.get(domain.ProviderStatus(status)) if status else None


def result_items(results: OfferSearchResult, *, shortlisted: Iterable[str]) -> list[dict[str, Any]]:
    chosen = set(shortlisted)
    return [
        {
            "offer_id": hit.offer_id,
            "anchor": offer_anchor(hit.offer_id),
            "title": hit.title,
            "href": offer_href(hit.offer_id),
            "provider": hit.provider.name,
            "provider_href": provider_href(hit.provider.ukprn),
            "caption": f"{hit.facts.type} · {hit.facts.level}",
            "warning": _status_warning(hit.provider.status),
            "summary": result_summary(hit.facts),
            "why": _why(hit),
            "shortlisted": hit.offer_id in chosen,
            **shortlist_buttons(hit.title),
        }
        for hit in results.results
    ]


def shortlist_buttons(title: str) -> dict[str, SafeString]:
    """Button texts that name the course for screen readers."""
    return {
        "add_html": format_html(
            'Add<span class="govuk-visually-hidden"> {}</span> to shortlist', title
        ),
        "remove_html": format_html(
            'Remove<span class="govuk-visually-hidden"> {}</span> from shortlist', title
        ),
    }


def standards_found(results: OfferSearchResult) -> list[dict[str, str]]:
    return [
        {
            "reference": link.reference,
            "title": link.title,
            "level": words.level(link.level),
            "href": reverse("catalogue:detail", args=[link.reference]),
        }
        for link in results.standards[:MAX_STANDARDS_SHOWN]
    ]


def where(offer: domain.Offer) -> str:
    if offer.location_free:
        return "Online or at the employer: available anywhere in England"
    return ", ".join(part for part in (offer.venue_name, offer.venue_postcode or "") if part) or (
        "Not stated"
    )


def offer_summary(
    offer: domain.Offer,
    *,
    provider: domain.Provider,
    standard_titles: Mapping[str, str],
    source: str,
    today: date,
) -> dict[str, Any]:
    rows = [
        _row(
            "Provider",
            format_html(
                '<a class="govuk-link" href="{}">{}</a>',
                provider_href(provider.ukprn),
                provider.name,
            ),
        ),
        _row("Type", v.label(offer.offer_type)),
        _row("Level", words.level(offer.level)),
        _row("Where", where(offer)),
        _row("Cost", words.cost(offer)),
        _row("Funding", words.funding(offer)),
        _row("Length", words.duration(offer.duration_months)),
        _row("Study mode", v.label(offer.study_mode) if offer.study_mode else "Not stated"),
        _row(
            "Hours a week",
            f"{offer.hours_per_week:g}" if offer.hours_per_week is not None else "Not stated",
        ),
        _row("Format", words.delivery_format(offer)),
        _row("Starts", words.starts(offer, today=today)),
    ]
    if offer.standard_references:
        rows.append(
            _row(
                "Apprenticeship standards it teaches",
                _standard_links(offer.standard_references, standard_titles),
            )
        )
    if offer.qualification_reference:
        rows.append(_row("Qualification or learning aim reference", offer.qualification_reference))
    if offer.awarding_body:
        rows.append(_row("Awarding body", offer.awarding_body))
    if offer.accreditation:
        rows.append(_row("Accreditation", offer.accreditation))
    rows.append(_row("Where this information comes from", Source(source).label))
    return {"rows": rows}


def _provider_type(provider: domain.Provider, sources: Sequence[str]) -> str:
    if provider.type is domain.ProviderType.OTHER and Source.DISCOVER_UNI in sources:
        return "College or university teaching higher education"
    return provider.type.value[:1].upper() + provider.type.value[1:]


def provider_summary(provider: domain.Provider, *, sources: Sequence[str]) -> dict[str, Any]:
    rows = [
        _row("UKPRN", str(provider.ukprn)),
        _row("Type", _provider_type(provider, sources)),
        _row("Status", provider.status.value[:1].upper() + provider.status.value[1:]),
    ]
    if provider.website:
        rows.append(
            _row(
                "Website",
                format_html(
                    '<a class="govuk-link" href="{}" rel="noopener">{}</a>',
                    provider.website,
                    provider.website,
                ),
            )
        )
    sites = ", ".join(
        f"{site.name} ({site.postcode})" if site.postcode else site.name
        for site in provider.locations
    )
    if sites:
        rows.append(_row("Sites", sites))
    rows.append(_row("Listed by", "; ".join(Source(s).label for s in sources) or "Not stated"))
    return {"rows": rows}


def providers_table(hits: Sequence[ProviderNear], *, caption: str) -> dict[str, Any]:
    """Providers near a place, nearest first: name (to its page), distance, site, website."""
    return {
        "caption": caption,
        "captionClasses": "govuk-table__caption--m",
        "firstCellIsHeader": True,
        "head": [
            {"text": "College or university"},
            {"text": "Distance"},
            {"text": "Nearest teaching location"},
            {"text": "Website"},
        ],
        "rows": [
            [
                {"html": format_html('<a class="govuk-link" href="{}">{}</a>', hit.path, hit.name)},
                {"text": words.distance(hit.distance_km)},
                {"text": hit.nearest_site},
                {
                    "html": format_html(
                        '<a class="govuk-link" href="{}" rel="noopener">{}</a>',
                        hit.website,
                        hit.website.removeprefix("https://").removeprefix("http://"),
                    )
                }
                if hit.website
                else {"text": "Not listed"},
            ]
            for hit in hits
        ],
    }


def offers_table(offers: Sequence[domain.Offer], *, caption: str, today: date) -> dict[str, Any]:
    return {
        "caption": caption,
        "captionClasses": "govuk-table__caption--m",
        "firstCellIsHeader": True,
        "head": [{"text": "Course"}, {"text": "Type"}, {"text": "Where"}, {"text": "Starts"}],
        "rows": [
            [
                {
                    "html": format_html(
                        '<a class="govuk-link" href="{}">{}</a>', offer_href(o.offer_id), o.title
                    )
                },
                {"text": f"{v.label(o.offer_type)}, {words.level(o.level).lower()}"},
                {"text": where(o)},
                {"text": words.starts(o, today=today)},
            ]
            for o in offers
        ],
    }


def comparison_table(
    hits: Sequence[domain.OfferHit], *, providers: Mapping[int, str], today: date
) -> dict[str, Any]:
    """The shortlist side by side: one column per offer, one row per fact."""
    facts: list[tuple[str, Any]] = [
        ("Provider", lambda h: providers.get(h.offer.ukprn, str(h.offer.ukprn))),
        ("Type", lambda h: v.label(h.offer.offer_type)),
        ("Level", lambda h: words.level(h.offer.level)),
        ("Distance", lambda h: words.distance(h.distance_km, location_free=h.offer.location_free)),
        ("Where", lambda h: where(h.offer)),
        ("Cost", lambda h: words.cost(h.offer)),
        ("Funding", lambda h: words.funding(h.offer)),
        ("Time", lambda h: words.time_commitment(h.offer)),
        ("Format", lambda h: words.delivery_format(h.offer)),
        ("Starts", lambda h: words.starts(h.offer, today=today)),
        ("Awarding body", lambda h: h.offer.awarding_body or "Not stated"),
    ]
    return {
        "caption": "Your shortlist side by side",
        "captionClasses": "govuk-visually-hidden",
        "firstCellIsHeader": True,
        "head": [{"text": "Course"}]
        + [
            {
                "html": format_html(
                    '<a class="govuk-link" href="{}">{}</a>',
                    offer_href(h.offer.offer_id),
                    h.offer.title,
                )
            }
            for h in hits
        ],
        "rows": [[{"text": name}] + [{"text": str(fact(h))} for h in hits] for name, fact in facts],
    }


def jsonld_script(data: Mapping[str, Any]) -> SafeString:
    """A schema.org JSON-LD block; <, > and & are escaped so the text cannot end the script."""
    text = json.dumps(data, ensure_ascii=False, indent=1).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
