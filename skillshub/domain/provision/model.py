"""Training providers and the offers they run: types, vocabularies and value rules."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from skillshub.domain.geography import Point


class ProviderType(StrEnum):
    FE_COLLEGE = "FE college"
    INDEPENDENT_TRAINING_PROVIDER = "independent training provider"
    HIGHER_EDUCATION = "university or higher education provider"
    EMPLOYER_PROVIDER = "employer-provider"
    OTHER = "other"


class ProviderStatus(StrEnum):
    ACTIVE = "active"
    NOT_STARTING_NEW_APPRENTICES = "not starting new apprentices"
    REMOVED = "removed"
    UNKNOWN = "unknown"


class OfferType(StrEnum):
    APPRENTICESHIP = "apprenticeship"
    HTQ = "Higher Technical Qualification"
    HNC = "Higher National Certificate"
    HND = "Higher National Diploma"
    FOUNDATION_DEGREE = "foundation degree"
    SHORT_COURSE = "short course"
    SKILLS_BOOTCAMP = "Skills Bootcamp"
    MODULE = "module"
    OTHER = "other qualification"


class DeliveryMode(StrEnum):
    CLASSROOM = "classroom"
    ONLINE = "online"
    BLENDED = "blended"
    WORKPLACE = "workplace"
    DAY_RELEASE = "day release"
    BLOCK_RELEASE = "block release"


class StudyMode(StrEnum):
    FULL_TIME = "full time"
    PART_TIME = "part time"
    FLEXIBLE = "flexible"


class AttendancePattern(StrEnum):
    DAYTIME = "daytime"
    EVENING = "evening"
    WEEKEND = "weekend"
    DAY_OR_BLOCK_RELEASE = "day or block release"


class FundingRoute(StrEnum):
    APPRENTICESHIP = "apprenticeship levy or co-investment"
    ADVANCED_LEARNER_LOAN = "Advanced Learner Loan"
    SKILLS_BOOTCAMP = "Skills Bootcamp funded"
    FREE_COURSES_FOR_JOBS = "Free Courses for Jobs"
    STUDENT_FINANCE = "student finance"


class DurationUnit(StrEnum):
    HOURS = "hours"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


UKPRN_RANGE = (10_000_000, 99_999_999)
STANDARD_REFERENCE = re.compile(r"^ST\d{4}$")
DAYS_PER_MONTH = 365.25 / 12
_MONTHS_PER_UNIT = {
    DurationUnit.HOURS: 1 / (24 * DAYS_PER_MONTH),
    DurationUnit.DAYS: 1 / DAYS_PER_MONTH,
    DurationUnit.WEEKS: 7 / DAYS_PER_MONTH,
    DurationUnit.MONTHS: 1.0,
    DurationUnit.YEARS: 12.0,
}
_FREE_WORDS = frozenset({"free", "£0", "0", "nil", "no cost", "fully funded"})


def validate_ukprn(value: int | str) -> int:
    """Return the UKPRN as an int, or raise ValueError: a UKPRN is exactly 8 digits."""
    text = str(value).strip()
    if not text.isdigit() or len(text) != 8:
        raise ValueError(f"'{text}' is not a UKPRN: a UKPRN is exactly 8 digits, like 10001234")
    number = int(text)
    if not UKPRN_RANGE[0] <= number <= UKPRN_RANGE[1]:
        raise ValueError(f"'{text}' is not a UKPRN: it cannot start with 0")
    return number


def months_from_duration(value: float, unit: DurationUnit | str) -> float:
    """Normalise a duration such as (2, 'years') or (10, 'weeks') to months, 2 decimal places."""
    try:
        unit = DurationUnit(str(unit).strip().lower())
    except ValueError:
        known = ", ".join(u.value for u in DurationUnit)
        raise ValueError(f"'{unit}' is not a duration unit (use one of: {known})") from None
    if value <= 0:
        raise ValueError(f"a duration must be more than 0, not {value}")
    return round(value * _MONTHS_PER_UNIT[unit], 2)


def parse_cost_gbp(text: str | None) -> Decimal | None:
    """Read a price in pounds: '£1,250' -> 1250, 'Free' -> 0, blank -> None (not stated)."""
    if text is None or not text.strip():
        return None
    cleaned = text.strip().lower()
    if cleaned in _FREE_WORDS:
        return Decimal(0)
    number = cleaned.removeprefix("£").replace(",", "").strip()
    if number.endswith("gbp"):
        number = number[:-3].strip()
    try:
        amount = Decimal(number)
    except InvalidOperation:
        raise ValueError(
            f"'{text}' is not a price: write pounds like 1250, £1,250.00 or Free"
        ) from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"'{text}' is not a price: it must be 0 or more")
    return amount.quantize(Decimal("0.01"))


@dataclass(frozen=True)
class ProviderLocation:
    """A site where a provider teaches: a venue name, its postcode and, once known, its point."""

    name: str
    postcode: str
    point: Point | None = None


@dataclass(frozen=True)
class Provider:
    """An organisation that delivers training, identified by its UK Provider Reference Number."""

    ukprn: int
    name: str
    type: ProviderType = ProviderType.OTHER
    status: ProviderStatus = ProviderStatus.UNKNOWN
    website: str = ""
    locations: tuple[ProviderLocation, ...] = ()

    def __post_init__(self) -> None:
        validate_ukprn(self.ukprn)
        if not self.name.strip():
            raise ValueError(f"provider {self.ukprn} has no name")


@dataclass(frozen=True)
class Offer:
    """One thing an employer can buy or a learner can join: a course run or apprenticeship offer."""

    offer_id: str
    ukprn: int
    offer_type: OfferType
    title: str
    delivery_mode: DeliveryMode
    level: int | None = None
    qualification_reference: str = ""
    standard_references: tuple[str, ...] = ()
    study_mode: StudyMode | None = None
    attendance_pattern: AttendancePattern | None = None
    hours_per_week: float | None = None
    duration_months: float | None = None
    cost_to_learner_gbp: Decimal | None = None
    cost_to_employer_gbp: Decimal | None = None
    funding_routes: tuple[FundingRoute, ...] = ()
    awarding_body: str = ""
    accreditation: str = ""
    start_dates: tuple[date, ...] = ()
    flexible_start: bool = False
    venue_name: str = ""
    venue_postcode: str | None = None
    national: bool = False
    description: str = ""
    url: str = ""

    def __post_init__(self) -> None:
        validate_ukprn(self.ukprn)
        if not self.offer_id.strip():
            raise ValueError("an offer needs an offer_id")
        if not self.title.strip():
            raise ValueError(f"offer {self.offer_id} has no title")
        if self.level is not None and not 1 <= self.level <= 8:
            raise ValueError(f"offer {self.offer_id}: level {self.level} is not between 1 and 8")
        for reference in self.standard_references:
            if not STANDARD_REFERENCE.match(reference):
                raise ValueError(
                    f"offer {self.offer_id}: '{reference}' is not a standard reference like ST0662"
                )
        for name in ("hours_per_week", "duration_months", "cost_to_learner_gbp"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"offer {self.offer_id}: {name} cannot be negative")
        if self.cost_to_employer_gbp is not None and self.cost_to_employer_gbp < 0:
            raise ValueError(f"offer {self.offer_id}: cost_to_employer_gbp cannot be negative")
        if tuple(sorted(set(self.start_dates))) != self.start_dates:
            # Sorted, unique dates keep "next start" a simple scan and equality meaningful.
            object.__setattr__(self, "start_dates", tuple(sorted(set(self.start_dates))))

    @property
    def headline_cost_gbp(self) -> Decimal | None:
        """The price an employer compares: the employer's cost if stated, else the learner's.

        Apprentices never pay, but the employer's share depends on whether it pays the levy, so
        an apprenticeship with no stated employer cost has no headline cost.
        """
        if self.cost_to_employer_gbp is not None:
            return self.cost_to_employer_gbp
        if self.offer_type is OfferType.APPRENTICESHIP:
            return None
        return self.cost_to_learner_gbp

    @property
    def is_funded(self) -> bool:
        """True when public funding is named or the learner pays nothing."""
        return bool(self.funding_routes) or self.cost_to_learner_gbp == 0

    @property
    def location_free(self) -> bool:
        """Online or national offers: available wherever the employer is."""
        return self.national or self.delivery_mode is DeliveryMode.ONLINE

    def next_start(self, today: date) -> date | None:
        """The first listed start date on or after today, if any."""
        return next((start for start in self.start_dates if start >= today), None)


@dataclass(frozen=True)
class Provision:
    """Providers and their offers as one importer delivers them."""

    providers: tuple[Provider, ...] = ()
    offers: tuple[Offer, ...] = ()
    source: str = ""

    def provider_by_ukprn(self) -> dict[int, Provider]:
        return {provider.ukprn: provider for provider in self.providers}

    def merged(self, *others: Provision) -> Provision:
        """Combine batches: providers by UKPRN (see ``merge_providers``), offers by offer_id."""
        providers: dict[int, Provider] = {}
        offers: dict[str, Offer] = {}
        for batch in (self, *others):
            for provider in batch.providers:
                known = providers.get(provider.ukprn)
                providers[provider.ukprn] = merge_providers(known, provider) if known else provider
            offers.update((offer.offer_id, offer) for offer in batch.offers)
        sources = ", ".join(batch.source for batch in (self, *others) if batch.source)
        return Provision(tuple(providers.values()), tuple(offers.values()), sources)


def merge_providers(first: Provider, second: Provider) -> Provider:
    """One record from two sources: the first name and website, a known type, the later status.

    A register loaded later (RoATP, OfS) knows best whether a provider is still active; any
    source that knows the provider's type beats one that does not; sites are joined by postcode,
    keeping the one with a grid point.
    """
    if first.ukprn != second.ukprn:
        raise ValueError(f"cannot merge UKPRN {first.ukprn} with UKPRN {second.ukprn}")
    sites = {location.postcode: location for location in first.locations}
    for location in second.locations:
        known = sites.get(location.postcode)
        if known is None or (known.point is None and location.point is not None):
            sites[location.postcode] = location
    return Provider(
        ukprn=first.ukprn,
        name=first.name,
        type=first.type if first.type is not ProviderType.OTHER else second.type,
        status=second.status if second.status is not ProviderStatus.UNKNOWN else first.status,
        website=first.website or second.website,
        locations=tuple(sites.values()),
    )


def standards_for(
    key: str | int, mapping: Mapping[Any, str | Iterable[str]] | None
) -> tuple[str, ...]:
    """The standard references a LARS code or learning aim maps to, validated, in mapping order."""
    found = mapping.get(key) if mapping else None
    if found is None:
        return ()
    references = (found,) if isinstance(found, str) else tuple(found)
    for reference in references:
        if not STANDARD_REFERENCE.match(reference):
            raise ValueError(f"the mapping gives '{reference}', which is not like ST0662")
    return references
