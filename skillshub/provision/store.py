"""Move providers and offers between the domain types and the database, one source at a time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q
from django.utils import timezone

from skillshub.domain import provision as domain
from skillshub.domain.geography import Point
from skillshub.provision import models
from skillshub.provision.models import MERGE_ORDER, Source

BATCH = 2000


@dataclass(frozen=True)
class SourceBatch:
    """Everything one source delivered, validated and placed on the grid, ready to swap in."""

    source: Source
    providers: tuple[domain.Provider, ...]
    offers: tuple[domain.Offer, ...] = ()
    points: Mapping[str, Point | None] = field(default_factory=dict)
    """Grid point of each offer's venue, by offer_id (None when it could not be placed)."""


def offer_row(
    offer: domain.Offer,
    *,
    provider: models.Provider,
    source: Source,
    point: Point | None,
    row: models.Offer | None = None,
) -> models.Offer:
    """The database row for a domain offer (filling ``row`` in place when given)."""
    row = row or models.Offer()
    row.offer_id = offer.offer_id
    row.provider = provider
    row.source = source
    row.offer_type = offer.offer_type.value
    row.title = offer.title
    row.level = offer.level
    row.qualification_reference = offer.qualification_reference
    row.standard_references = list(offer.standard_references)
    row.delivery_mode = offer.delivery_mode.value
    row.study_mode = offer.study_mode.value if offer.study_mode else ""
    row.attendance_pattern = offer.attendance_pattern.value if offer.attendance_pattern else ""
    row.hours_per_week = offer.hours_per_week
    row.duration_months = offer.duration_months
    row.cost_to_learner_gbp = offer.cost_to_learner_gbp
    row.cost_to_employer_gbp = offer.cost_to_employer_gbp
    row.funding_routes = [route.value for route in offer.funding_routes]
    row.awarding_body = offer.awarding_body[:200]
    row.accreditation = offer.accreditation[:200]
    row.start_dates = [start.isoformat() for start in offer.start_dates]
    row.flexible_start = offer.flexible_start
    row.venue_name = offer.venue_name[:300]
    row.venue_postcode = offer.venue_postcode or ""
    row.easting = point.easting if point else None
    row.northing = point.northing if point else None
    row.national = offer.national
    row.description = offer.description
    row.url = offer.url
    return row


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def to_domain_offer(
    values: Mapping[str, Any], *, ukprn: int, extra_standards: Sequence[str] = ()
) -> domain.Offer:
    """A domain offer from an Offer row (or its ``values()`` dict)."""
    get = values.get
    explicit = list(get("standard_references") or [])
    references = tuple(dict.fromkeys([*explicit, *extra_standards]))
    study, attendance = get("study_mode"), get("attendance_pattern")
    return domain.Offer(
        offer_id=str(get("offer_id")),
        ukprn=ukprn,
        offer_type=domain.OfferType(values["offer_type"]),
        title=str(get("title")),
        delivery_mode=domain.DeliveryMode(values["delivery_mode"]),
        level=get("level"),
        qualification_reference=str(get("qualification_reference") or ""),
        standard_references=references,
        study_mode=domain.StudyMode(study) if study else None,
        attendance_pattern=domain.AttendancePattern(attendance) if attendance else None,
        hours_per_week=get("hours_per_week"),
        duration_months=get("duration_months"),
        cost_to_learner_gbp=_decimal(get("cost_to_learner_gbp")),
        cost_to_employer_gbp=_decimal(get("cost_to_employer_gbp")),
        funding_routes=tuple(domain.FundingRoute(r) for r in get("funding_routes") or []),
        awarding_body=str(get("awarding_body") or ""),
        accreditation=str(get("accreditation") or ""),
        start_dates=tuple(date.fromisoformat(d) for d in get("start_dates") or []),
        flexible_start=bool(get("flexible_start")),
        venue_name=str(get("venue_name") or ""),
        venue_postcode=str(get("venue_postcode") or "") or None,
        national=bool(get("national")),
        description=str(get("description") or ""),
        url=str(get("url") or ""),
    )


def offer_point(values: Mapping[str, Any]) -> Point | None:
    easting, northing = values.get("easting"), values.get("northing")
    if easting is None or northing is None:
        return None
    return Point(float(easting), float(northing))


def row_values(row: models.Offer) -> dict[str, Any]:
    """An Offer row's field values by name, as ``to_domain_offer`` reads them."""
    return {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}


def offer_from_row(row: models.Offer, *, links: Mapping[str, Sequence[str]]) -> domain.Offer:
    """A stored offer as a domain offer, with the standards its learning aim is linked to."""
    return to_domain_offer(
        row_values(row),
        ukprn=row.provider.ukprn,
        extra_standards=links.get(row.qualification_reference, ()),
    )


def to_domain_provider(row: models.Provider) -> domain.Provider:
    return domain.Provider(
        ukprn=row.ukprn,
        name=row.name,
        type=domain.ProviderType(row.type),
        status=domain.ProviderStatus(row.status),
        website=row.website,
        locations=tuple(
            domain.ProviderLocation(
                site.name,
                site.postcode,
                None if site.easting is None else Point(site.easting, site.northing or 0.0),
            )
            for site in row.sites.all()
        ),
    )


def providers_listed_by(source: Source) -> tuple[domain.Provider, ...]:
    """Every provider ``source`` lists, with the sites that source gives for it."""
    sites = models.ProviderSite.objects.filter(source=source)
    rows = (
        models.Provider.objects.filter(listings__source=source)
        .prefetch_related(Prefetch("sites", queryset=sites))
        .order_by("ukprn")
        .distinct()
    )
    return tuple(to_domain_provider(row) for row in rows)


def _listing_to_domain(listing: models.ProviderListing, ukprn: int) -> domain.Provider:
    return domain.Provider(
        ukprn=ukprn,
        name=listing.name,
        type=domain.ProviderType(listing.type),
        status=domain.ProviderStatus(listing.status),
        website=listing.website,
    )


def refresh_providers(ukprns: Iterable[int]) -> None:
    """Recompute each provider's merged name, type, status and website from its listings.

    A provider with no listing left keeps its last values while it still has offers or an
    account (so nothing a provider published is lost); otherwise it is removed.
    """
    rank = {source: position for position, source in enumerate(MERGE_ORDER)}
    rows = models.Provider.objects.filter(ukprn__in=set(ukprns)).prefetch_related("listings")
    for row in rows:
        listings = sorted(row.listings.all(), key=lambda listing: rank[Source(listing.source)])
        if not listings:
            if not (row.offers.exists() or row.accounts.exists()):
                row.delete()
            continue
        merged = _listing_to_domain(listings[0], row.ukprn)
        for listing in listings[1:]:
            merged = domain.merge_providers(merged, _listing_to_domain(listing, row.ukprn))
        row.name = merged.name
        row.type = merged.type.value
        row.status = merged.status.value
        row.website = merged.website
        row.save()


def replace_source(batch: SourceBatch) -> dict[str, int]:
    """Swap in one source's providers and offers; other sources' rows are left alone.

    Call inside a transaction. Offers that providers published themselves are never touched.
    """
    if batch.source is Source.PROVIDER:
        raise ValueError("offers published by providers are never replaced by an import")
    source = batch.source
    touched = set(
        models.ProviderListing.objects.filter(source=source).values_list(
            "provider__ukprn", flat=True
        )
    )
    models.Offer.objects.filter(source=source).delete()
    models.ProviderListing.objects.filter(source=source).delete()
    models.ProviderSite.objects.filter(source=source).delete()

    ukprns = {provider.ukprn for provider in batch.providers}
    existing = {row.ukprn: row for row in models.Provider.objects.filter(ukprn__in=ukprns)}
    new_rows = [
        models.Provider(
            ukprn=provider.ukprn,
            name=provider.name,
            type=provider.type.value,
            status=provider.status.value,
            website=provider.website,
        )
        for provider in batch.providers
        if provider.ukprn not in existing
    ]
    models.Provider.objects.bulk_create(new_rows, batch_size=BATCH)
    stored = {row.ukprn: row for row in models.Provider.objects.filter(ukprn__in=ukprns)}
    models.ProviderListing.objects.bulk_create(
        [
            models.ProviderListing(
                provider=stored[p.ukprn],
                source=source,
                name=p.name[:300],
                type=p.type.value,
                status=p.status.value,
                website=p.website,
            )
            for p in batch.providers
        ],
        batch_size=BATCH,
    )
    models.ProviderSite.objects.bulk_create(
        [
            models.ProviderSite(
                provider=stored[p.ukprn],
                source=source,
                name=site.name[:300],
                postcode=site.postcode,
                easting=site.point.easting if site.point else None,
                northing=site.point.northing if site.point else None,
            )
            for p in batch.providers
            for site in p.locations
        ],
        batch_size=BATCH,
    )
    offers = [
        offer_row(
            offer,
            provider=stored[offer.ukprn],
            source=source,
            point=batch.points.get(offer.offer_id),
        )
        for offer in batch.offers
    ]
    models.Offer.objects.bulk_create(offers, batch_size=BATCH)
    refresh_providers(touched | ukprns)
    models.ProvisionVersion.bump()
    return {
        "providers": len(batch.providers),
        "offers": len(offers),
        "offers without a known place": sum(
            1
            for offer in batch.offers
            if not offer.location_free and batch.points.get(offer.offer_id) is None
        ),
    }


def replace_aim_links(links: Iterable[tuple[str, str]]) -> int:
    """Swap in the learning aim -> standard links; call inside a transaction."""
    models.AimStandardLink.objects.all().delete()
    rows = [
        models.AimStandardLink(learn_aim_ref=aim, standard_reference=reference)
        for aim, reference in dict.fromkeys(links)
    ]
    models.AimStandardLink.objects.bulk_create(rows, batch_size=BATCH)
    models.ProvisionVersion.bump()
    return len(rows)


def aim_links() -> dict[str, tuple[str, ...]]:
    """Learning aim reference -> the standards it prepares for."""
    found: dict[str, list[str]] = defaultdict(list)
    for aim, reference in models.AimStandardLink.objects.order_by("id").values_list(
        "learn_aim_ref", "standard_reference"
    ):
        found[aim].append(reference)
    return {aim: tuple(references) for aim, references in found.items()}


def live_offers() -> Q:
    """The filter for offers a search may show: not withdrawn."""
    return Q(withdrawn_at__isnull=True)


def withdraw(row: models.Offer) -> None:
    row.withdrawn_at = timezone.now()
    row.save(update_fields=["withdrawn_at", "updated_at"])
    models.ProvisionVersion.bump()


def save_provider_offer(
    offer: domain.Offer,
    *,
    provider: models.Provider,
    point: Point | None,
    duration: tuple[Decimal | None, str] = (None, ""),
    row: models.Offer | None = None,
) -> models.Offer:
    """Publish (or re-publish) an offer a provider entered; call inside a transaction."""
    if offer.ukprn != provider.ukprn:
        raise ValueError(f"offer {offer.offer_id} is for UKPRN {offer.ukprn}, not {provider.ukprn}")
    if row is not None and (row.provider_id != provider.pk or row.source != Source.PROVIDER):
        raise ValueError(f"offer {row.offer_id} is not one this provider published here")
    row = offer_row(offer, provider=provider, source=Source.PROVIDER, point=point, row=row)
    row.duration_value, row.duration_unit = duration
    row.withdrawn_at = None
    row.save()
    models.ProvisionVersion.bump()
    return row


def save_uploaded_offers(
    offers: Sequence[domain.Offer],
    *,
    provider: models.Provider,
    points: Mapping[str, Point | None],
) -> tuple[int, int]:
    """Add or update a provider's uploaded offers by offer_id; returns (added, updated).

    Call inside a transaction. Offers in other sources with the same course run are separate.
    """
    existing = {
        row.offer_id: row
        for row in models.Offer.objects.filter(
            provider=provider, source=Source.PROVIDER, offer_id__in=[o.offer_id for o in offers]
        )
    }
    taken = set(
        models.Offer.objects.filter(offer_id__in=[o.offer_id for o in offers])
        .exclude(pk__in=[row.pk for row in existing.values()])
        .values_list("offer_id", flat=True)
    )
    if taken:
        raise ValueError(
            f"course runs already published by someone else: {', '.join(sorted(taken))}"
        )
    added = 0
    for offer in offers:
        row = existing.get(offer.offer_id)
        added += row is None
        row = offer_row(
            offer,
            provider=provider,
            source=Source.PROVIDER,
            point=points.get(offer.offer_id),
            row=row,
        )
        row.withdrawn_at = None
        row.save()
    models.ProvisionVersion.bump()
    return added, len(offers) - added
