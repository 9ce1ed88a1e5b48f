"""Move providers and offers between the domain types and the database, one source at a time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
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


def _same(value: Any) -> Any:
    return value


def _text(value: Any) -> str:
    return str(value or "")


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@dataclass(frozen=True)
class OfferColumn:
    """One stored field of an offer: the name its domain attribute and its column share, and how
    the value changes on its way into the column and back out (of a row or a ``values()`` dict)."""

    name: str
    to_column: Callable[[Any], Any] = _same
    from_column: Callable[[Any], Any] = _same


def _text_column(name: str, *, max_length: int | None = None) -> OfferColumn:
    """Text, cut to the column's length where sources send longer; a null reads back as ''."""
    cut = (lambda value: value[:max_length]) if max_length else _same
    return OfferColumn(name, cut, _text)


def _choice(name: str, kind: Callable[[str], Any], *, optional: bool = False) -> OfferColumn:
    """An enum stored as its value; an optional one is stored as '' when not given."""
    if optional:
        return OfferColumn(
            name, lambda value: value.value if value else "", lambda v: kind(v) if v else None
        )
    return OfferColumn(name, lambda value: value.value, kind)


def _listed(name: str, *, out: Callable[[Any], Any], back: Callable[[Any], Any]) -> OfferColumn:
    """A tuple in the domain, a JSON list in the column, each item converted on the way."""
    return OfferColumn(
        name,
        lambda items: [out(item) for item in items],
        lambda stored: tuple(back(item) for item in stored or ()),
    )


OFFER_COLUMNS = (
    OfferColumn("offer_id", from_column=str),
    _choice("offer_type", domain.OfferType),
    OfferColumn("title", from_column=str),
    OfferColumn("level"),
    _text_column("qualification_reference"),
    _listed("standard_references", out=str, back=str),
    _choice("delivery_mode", domain.DeliveryMode),
    _choice("study_mode", domain.StudyMode, optional=True),
    _choice("attendance_pattern", domain.AttendancePattern, optional=True),
    OfferColumn("hours_per_week"),
    OfferColumn("duration_months"),
    OfferColumn("cost_to_learner_gbp", from_column=_decimal),
    OfferColumn("cost_to_employer_gbp", from_column=_decimal),
    _listed("funding_routes", out=lambda route: route.value, back=domain.FundingRoute),
    _text_column("awarding_body", max_length=200),
    _text_column("accreditation", max_length=200),
    _listed("start_dates", out=date.isoformat, back=date.fromisoformat),
    OfferColumn("flexible_start", from_column=bool),
    _text_column("venue_name", max_length=300),
    OfferColumn("venue_postcode", lambda postcode: postcode or "", lambda v: _text(v) or None),
    OfferColumn("national", from_column=bool),
    _text_column("description"),
    _text_column("url"),
)
"""Every field of a domain Offer that its row stores, the one list both directions follow."""
NOT_STORED_AS_COLUMNS = frozenset({"ukprn"})
"""Offer fields held elsewhere: the UKPRN is the row's provider's."""
POINT_COLUMNS = ("easting", "northing")
READ_COLUMNS = (*(column.name for column in OFFER_COLUMNS), *POINT_COLUMNS)
"""The columns ``to_domain_offer`` and ``offer_point`` read: ``values(*READ_COLUMNS)`` will do."""


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
    for column in OFFER_COLUMNS:
        setattr(row, column.name, column.to_column(getattr(offer, column.name)))
    row.provider = provider
    row.source = source
    row.easting = point.easting if point else None
    row.northing = point.northing if point else None
    return row


def to_domain_offer(
    values: Mapping[str, Any], *, ukprn: int, extra_standards: Sequence[str] = ()
) -> domain.Offer:
    """A domain offer from an Offer row (or its ``values()`` dict)."""
    fields = {column.name: column.from_column(values.get(column.name)) for column in OFFER_COLUMNS}
    fields["standard_references"] = tuple(
        dict.fromkeys([*fields["standard_references"], *extra_standards])
    )
    return domain.Offer(ukprn=ukprn, **fields)


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
