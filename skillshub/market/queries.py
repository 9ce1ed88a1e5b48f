"""What the gap analysis reads: needs and signals (the only reader of the demand app), offers,
standards, authorities and starts, as domain types."""

from __future__ import annotations

from collections.abc import Iterable

from skillshub.catalogue.models import Standard
from skillshub.demand.models import DemandSignal, EmployerNeed
from skillshub.domain.gaps import Need, StandardInfo, Supply
from skillshub.domain.geography import LocalAuthority, Point
from skillshub.domain.provision import DeliveryMode
from skillshub.geo import store as geo_store
from skillshub.market import store
from skillshub.market.models import ApprenticeshipStarts
from skillshub.provision import index as provision_index
from skillshub.provision import store as provision_store
from skillshub.provision.models import Offer
from skillshub.sources.apprenticeship_starts import StartsRow

SIGNAL_SOURCE = "find-training"
"""The source name a 'tell us you need this' signal counts under."""
SOURCE_NAMES = {
    "register": "Registered needs",
    "partner-api": "Sent by partners",
    "job-advert": "Job adverts",
    SIGNAL_SOURCE: "'Tell us you need this' on Find training",
}


def authorities() -> dict[str, LocalAuthority]:
    return geo_store.load_local_authorities()


def needs(local_authority_codes: Iterable[str]) -> list[Need]:
    """Live registered needs and signals in these authorities (withdrawn needs left out)."""
    codes = list(local_authority_codes)
    found = [
        Need(
            need_id=f"need-{row['id']}",
            source=row["source"],
            standards=tuple(row["standard_references"] or ()),
            local_authority_code=row["local_authority_code"],
            point=_point(row["easting"], row["northing"]),
            headcount=row["headcount"],
            level=row["level"],
            accepts_online=row["delivery_format"] != "in-person",
            created_on=row["created_at"].date(),
        )
        for row in EmployerNeed.objects.filter(
            withdrawn_at__isnull=True, local_authority_code__in=codes
        ).values(
            "id",
            "source",
            "standard_references",
            "local_authority_code",
            "easting",
            "northing",
            "headcount",
            "level",
            "delivery_format",
            "created_at",
        )
    ]
    outcodes = geo_store.load_outcodes() if codes else {}
    for row in DemandSignal.objects.filter(local_authority_code__in=codes).values(
        "id", "outcode", "local_authority_code", "standard_references", "created_at"
    ):
        outcode = outcodes.get(row["outcode"])
        found.append(
            Need(
                need_id=f"signal-{row['id']}",
                source=SIGNAL_SOURCE,
                standards=tuple(row["standard_references"] or ()),
                local_authority_code=row["local_authority_code"],
                point=outcode.point if outcode else None,
                headcount=None,  # a signal says one employer, not how many staff
                created_on=row["created_at"].date(),
            )
        )
    return found


def _point(easting: float | None, northing: float | None) -> Point | None:
    return None if easting is None or northing is None else Point(easting, northing)


def supply() -> list[Supply]:
    """Every live offer from every source, with the standards its qualification prepares for."""
    links = provision_store.aim_links()
    rows = (
        Offer.objects.filter(provision_store.live_offers())
        .order_by("id")
        .values(
            "offer_id",
            "provider__ukprn",
            "standard_references",
            "qualification_reference",
            "easting",
            "northing",
            "national",
            "delivery_mode",
        )
    )
    return [
        Supply(
            offer_id=row["offer_id"],
            ukprn=row["provider__ukprn"],
            standards=(
                *(row["standard_references"] or ()),
                *links.get(row["qualification_reference"] or "", ()),
            ),
            point=_point(row["easting"], row["northing"]),
            national=row["national"],
            online=row["delivery_mode"] == DeliveryMode.ONLINE.value,
        )
        for row in rows.iterator(chunk_size=5000)
    ]


def he_sites() -> list[tuple[int, str, str, Point]]:
    """(UKPRN, provider, site, point) of every higher education teaching location."""
    return [
        (provider.ukprn, provider.name, site.name, site.point)
        for provider in provision_index.current().he_providers
        for site in provider.locations
        if site.point is not None
    ]


def provider_name(ukprn: int) -> str | None:
    card = provision_index.current().providers.get(ukprn)
    return card.name if card else None


def standards(references: Iterable[str]) -> dict[str, StandardInfo]:
    rows = Standard.objects.filter(reference__in=set(references)).values(
        "reference", "title", "route", "level"
    )
    return {
        r["reference"]: StandardInfo(r["reference"], r["title"], r["route"], r["level"])
        for r in rows
    }


def starts(area_codes: Iterable[str]) -> list[StartsRow]:
    rows = ApprenticeshipStarts.objects.filter(area_code__in=list(area_codes))
    return [store.from_row(row) for row in rows.order_by("time_period", "apps_level")]


def data_version() -> tuple[object, ...]:
    """What the figures depend on, in three small queries: needs and signals (their count and
    latest change) and the latest data load of any dataset (offers, standards, places, starts)."""
    from django.db.models import Count, Max

    from skillshub.core.models import DatasetLoad

    needs = EmployerNeed.objects.aggregate(n=Count("id"), at=Max("updated_at"))
    signals = DemandSignal.objects.aggregate(n=Count("id"), at=Max("created_at"))
    loads = DatasetLoad.objects.aggregate(n=Max("id"), at=Max("loaded_at"))
    return (needs["n"], needs["at"], signals["n"], signals["at"], loads["n"], loads["at"])
