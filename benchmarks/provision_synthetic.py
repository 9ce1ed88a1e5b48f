"""SYNTHETIC provision at scale, for benchmarking only: every title says "[synthetic]"."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from skillshub.domain.provision import (
    DeliveryMode,
    FundingRoute,
    Offer,
    OfferType,
    Point,
    Provider,
    ProviderLocation,
    ProviderStatus,
    ProviderType,
    StudyMode,
)

LABEL = "[synthetic]"
# UKPRNs from 19000000 up are far beyond any issued so far, so they cannot collide with real ones.
FIRST_UKPRN = 19_000_000
# England's rough extent on the national grid, in metres.
EASTING_RANGE = (140_000, 655_000)
NORTHING_RANGE = (10_000, 657_000)
_TOPICS = (
    "Engineering maintenance",
    "Mechatronics",
    "Automation and controls",
    "Electrical engineering",
    "Manufacturing engineering",
    "Digital engineering",
    "Data analysis",
    "Software development",
    "Cyber security",
    "Construction management",
    "Health and social care leadership",
    "Business management",
)
_TYPES = (
    OfferType.APPRENTICESHIP,
    OfferType.HTQ,
    OfferType.HNC,
    OfferType.HND,
    OfferType.FOUNDATION_DEGREE,
    OfferType.SHORT_COURSE,
    OfferType.SKILLS_BOOTCAMP,
    OfferType.MODULE,
)


@dataclass(frozen=True)
class SyntheticProvision:
    """SYNTHETIC providers, offers and the grid point of each offer's venue (None if national)."""

    providers: tuple[Provider, ...]
    offers: tuple[Offer, ...]
    points: dict[str, Point | None]

    def point_of(self, offer: Offer) -> Point | None:
        return self.points.get(offer.offer_id)


def synthetic_provision(
    *,
    offers: int = 100_000,
    providers: int = 5_000,
    standards: Sequence[str] = (),
    seed: int = 20261122,
    today: date | None = None,
) -> SyntheticProvision:
    """Make a reproducible SYNTHETIC dataset of the given size. Never load it as real data."""
    rng = random.Random(seed)
    today = today or date(2026, 11, 22)
    references = tuple(standards) or tuple(f"ST{n:04d}" for n in range(1, 700))
    made_providers: list[Provider] = []
    sites: list[list[tuple[str, Point]]] = []
    for number in range(providers):
        ukprn = FIRST_UKPRN + number
        provider_sites = []
        centre = Point(rng.uniform(*EASTING_RANGE), rng.uniform(*NORTHING_RANGE))
        for site in range(rng.randint(1, 3)):
            point = Point(
                centre.easting + rng.gauss(0, 5_000), centre.northing + rng.gauss(0, 5_000)
            )
            provider_sites.append((f"ZZ{number % 90 + 10} {site}ZZ", point))
        sites.append(provider_sites)
        made_providers.append(
            Provider(
                ukprn=ukprn,
                name=f"{LABEL} Provider {number}",
                type=rng.choice(list(ProviderType)),
                status=ProviderStatus.ACTIVE,
                locations=tuple(
                    ProviderLocation(f"{LABEL} site {i}", postcode, point)
                    for i, (postcode, point) in enumerate(provider_sites)
                ),
            )
        )
    made_offers: list[Offer] = []
    points: dict[str, Point | None] = {}
    for number in range(offers):
        owner = rng.randrange(providers)
        offer_type = rng.choice(_TYPES)
        national = rng.random() < 0.08
        mode = DeliveryMode.ONLINE if national else rng.choice(list(DeliveryMode))
        postcode, point = rng.choice(sites[owner])
        starts = tuple(
            sorted(
                {today + timedelta(days=rng.randint(-60, 540)) for _ in range(rng.randint(0, 4))}
            )
        )
        cost = rng.choice((None, Decimal(0), Decimal(rng.randint(3, 90) * 50)))
        offer_id = f"synthetic-{number}"
        made_offers.append(
            Offer(
                offer_id=offer_id,
                ukprn=FIRST_UKPRN + owner,
                offer_type=offer_type,
                title=f"{LABEL} {rng.choice(_TOPICS)} {offer_type.value} {number}",
                delivery_mode=mode,
                level=rng.choice((3, 4, 4, 5, 5, 6, None)),
                standard_references=tuple(rng.sample(references, rng.randint(0, 2))),
                study_mode=rng.choice(list(StudyMode)),
                hours_per_week=rng.choice((None, 3.0, 7.5, 15.0, 30.0)),
                duration_months=rng.choice((None, 0.5, 3.0, 6.0, 12.0, 18.0, 24.0, 36.0)),
                cost_to_learner_gbp=cost,
                funding_routes=(FundingRoute.ADVANCED_LEARNER_LOAN,) if rng.random() < 0.2 else (),
                start_dates=starts,
                flexible_start=rng.random() < 0.15,
                venue_postcode=None if national else postcode,
                national=national,
            )
        )
        points[offer_id] = None if national else point
    return SyntheticProvision(tuple(made_providers), tuple(made_offers), points)
