"""Find Apprenticeship Training: which provider teaches which standard, and where.

Format followed: the course-provider details that the FAT outer API returns for
``GET courses/{larsCode}/providers/{ukprn}``, as the FAT web app deserialises them in
``SkillsFundingAgency/das-findapprenticeshiptraining`` ``src/SFA.DAS.FAT.Domain/Courses/``
(``CourseProviderDetailsModel``, ``LocationModel``, ``ShortProviderAddressModel``,
``ContactModel``, ``CourseProviders/LocationType``) and as ``das-apim-endpoints`` builds them
(``GetCourseProviderDetailsResponse``). The JSON is camelCase:

* ``ukprn``, ``providerName``, ``providerAddress`` (or ``address``) with ``addressLine1``-``4``,
  ``town`` and ``postcode``; ``contact`` with ``marketingInfo``, ``email``, ``phoneNumber`` and
  ``website``;
* ``courseName``, ``level``, ``larsCode`` (a number; a string in newer versions) and
  ``iFateReferenceNumber`` (the ST reference);
* ``locations[]``: ``locationType`` (0/``Provider`` = at the provider's site, 1/``National`` =
  at the employer anywhere in England, 2/``Regional`` = at the employer within a region),
  ``atEmployer``, ``dayRelease``, ``blockRelease``, ``courseLocation``, ``addressLine1``,
  ``addressLine2``, ``town``, ``county``, ``postcode`` and ``courseDistance``.

A file holds one such object or a JSON array of them (one per standard and provider). The API
needs a subscription key; pass it in ``headers``. Records are numbered from 1 in errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from skillshub.domain.geography import normalise_postcode
from skillshub.domain.provision import (
    DeliveryMode,
    FundingRoute,
    Offer,
    OfferType,
    Provider,
    ProviderLocation,
    ProviderStatus,
    ProviderType,
    Provision,
    merge_providers,
    standards_for,
    validate_ukprn,
)
from skillshub.sources.errors import SourceError
from skillshub.sources.http import ProgressCallback, fetch
from skillshub.sources.tables import RowError, load_json, parse_url, read_bytes, refuse_errors

API_PATH = "courses/{lars_code}/providers/{ukprn}"
PAGE_URL = (
    "https://findapprenticeshiptraining.apprenticeships.education.gov.uk/courses/{lars_code}"
    "/providers/{ukprn}"
)
LICENCE = "Open Government Licence v3.0 (Crown copyright, Department for Education)"
PROVIDER_SITE, NATIONAL, REGIONAL = 0, 1, 2
_LOCATION_TYPES = {"0": 0, "1": 1, "2": 2, "provider": 0, "national": 1, "regional": 2}
_STANDARD = re.compile(r"^ST\d{4}$")
_TAG = re.compile(r"<[^>]+>")


@dataclass
class _Record:
    """Typed access to one JSON object that records each problem with its path."""

    number: int
    data: Mapping[str, Any]
    errors: list[RowError]
    prefix: str = ""

    def fail(self, key: str, message: str) -> None:
        self.errors.append(RowError(self.number, self.prefix + key, message))

    def text(self, key: str, *, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.fail(key, "this is missing or empty")
            return ""
        if not isinstance(value, str):
            self.fail(key, f"expected text, found {type(value).__name__}")
            return ""
        return value.strip()

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, f"expected true or false, found {value!r}")
            return False
        return value

    def section(self, key: str) -> _Record:
        """The object under ``key`` (empty when absent); its problems name the full path."""
        value = self.data.get(key)
        if value is None:
            value = {}
        if not isinstance(value, Mapping):
            self.fail(key, "expected an object")
            value = {}
        return _Record(self.number, value, self.errors, f"{self.prefix}{key}.")


def _lars_code(record: _Record) -> str:
    value = record.data.get("larsCode")
    if isinstance(value, bool) or value is None or str(value).strip() == "":
        record.fail("larsCode", "the LARS code is missing")
        return ""
    text = str(value).strip()
    if not re.match(r"^[A-Za-z0-9]{1,10}$", text):
        record.fail("larsCode", f"'{text}' is not a LARS code (a number such as 474)")
        return ""
    return text


def _level(record: _Record) -> int | None:
    value = record.data.get("level")
    if value in (None, 0):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 8:
        record.fail("level", f"{value!r} is not a level from 1 to 8")
        return None
    return value


def _location_type(location: _Record) -> int | None:
    value = location.data.get("locationType")
    found = _LOCATION_TYPES.get(str(value).strip().lower()) if value is not None else None
    if found is None or isinstance(value, bool):
        location.fail("locationType", f"{value!r} is not 0/Provider, 1/National or 2/Regional")
    return found


def _offers(record: _Record, ukprn: int, lars_to_standard: Mapping[int, str] | None) -> list[Offer]:
    title = record.text("courseName", required=True)
    lars = _lars_code(record)
    level = _level(record)
    reference = record.text("iFateReferenceNumber")
    if reference and not _STANDARD.match(reference):
        record.fail(
            "iFateReferenceNumber", f"'{reference}' is not a standard reference like ST0662"
        )
        reference = ""
    if not reference and lars.isdigit():
        try:
            references = standards_for(int(lars), lars_to_standard)
        except ValueError as error:
            record.fail("larsCode", str(error))
            references = ()
    else:
        references = (reference,) if reference else ()
    contact = record.section("contact")
    description = _TAG.sub(" ", contact.text("marketingInfo"))
    locations = record.data.get("locations") or []
    if not isinstance(locations, list):
        record.fail("locations", "expected a list of locations")
        return []
    offers = []
    for position, raw in enumerate(locations):
        if not isinstance(raw, Mapping):
            record.fail(f"locations[{position}]", "expected an object")
            continue
        location = _Record(record.number, raw, record.errors, f"locations[{position}].")
        kind = _location_type(location)
        postcode = None
        if kind == PROVIDER_SITE:
            raw_postcode = location.text("postcode", required=True)
            if raw_postcode:
                try:
                    postcode = normalise_postcode(raw_postcode)
                except ValueError as error:
                    location.fail("postcode", str(error))
        day, block = location.flag("dayRelease"), location.flag("blockRelease")
        location.flag("atEmployer")
        if kind is None or not title or not lars:
            continue
        if kind == PROVIDER_SITE:
            mode = (
                DeliveryMode.DAY_RELEASE
                if day
                else (DeliveryMode.BLOCK_RELEASE if block else DeliveryMode.CLASSROOM)
            )
        else:
            mode = DeliveryMode.WORKPLACE
        releases = " and ".join(name for name, on in (("day", day), ("block", block)) if on)
        venue = location.text("courseLocation") or location.text("addressLine1")
        offers.append(
            Offer(
                offer_id=f"fat:{ukprn}:{lars}:{position + 1}",
                ukprn=ukprn,
                offer_type=OfferType.APPRENTICESHIP,
                title=title,
                delivery_mode=mode,
                level=level,
                qualification_reference=lars,
                standard_references=references,
                cost_to_learner_gbp=Decimal(0),
                funding_routes=(FundingRoute.APPRENTICESHIP,),
                flexible_start=True,
                venue_name=venue,
                venue_postcode=postcode,
                national=kind == NATIONAL,
                description=" ".join(
                    part
                    for part in (
                        f"Off-the-job training by {releases} release." if releases else "",
                        description.strip(),
                    )
                    if part
                ),
                url=PAGE_URL.format(lars_code=lars, ukprn=ukprn),
            )
        )
    return offers


def _provider(record: _Record, ukprn: int, offers: list[Offer]) -> Provider | None:
    name = record.text("providerName", required=True)
    contact = record.section("contact")
    website = contact.text("website")
    if website:
        try:
            website = parse_url(website)
        except ValueError as error:
            contact.fail("website", str(error))
            website = ""
    address_key = "providerAddress" if "providerAddress" in record.data else "address"
    address = record.section(address_key)
    locations: dict[str, ProviderLocation] = {}
    raw_postcode = address.text("postcode")
    if raw_postcode:
        try:
            postcode = normalise_postcode(raw_postcode)
            locations[postcode] = ProviderLocation(address.text("town") or "Head office", postcode)
        except ValueError as error:
            address.fail("postcode", str(error))
    for offer in offers:
        if offer.venue_postcode and offer.venue_postcode not in locations:
            locations[offer.venue_postcode] = ProviderLocation(
                offer.venue_name or offer.venue_postcode, offer.venue_postcode
            )
    if not name:
        return None
    return Provider(
        ukprn, name, ProviderType.OTHER, ProviderStatus.ACTIVE, website, tuple(locations.values())
    )


def parse_fat_courses(
    payload: Any, *, source: str, lars_to_standard: Mapping[int, str] | None = None
) -> tuple[Provision, list[RowError]]:
    """Apprenticeship offers (one per provider location) and providers, with every problem."""
    records = [payload] if isinstance(payload, Mapping) else payload
    if not isinstance(records, list):
        raise SourceError("expected a JSON object or a JSON array of objects", source=source)
    errors: list[RowError] = []
    providers: dict[int, Provider] = {}
    offers: list[Offer] = []
    for number, raw in enumerate(records, start=1):
        if not isinstance(raw, Mapping):
            errors.append(RowError(number, "(record)", "expected a JSON object"))
            continue
        record = _Record(number, raw, errors)
        before = len(errors)
        try:
            ukprn = validate_ukprn(raw.get("ukprn", ""))
        except ValueError as error:
            record.fail("ukprn", str(error))
            continue
        found = _offers(record, ukprn, lars_to_standard)
        provider = _provider(record, ukprn, found)
        if len(errors) > before or provider is None:
            continue
        known = providers.get(ukprn)
        providers[ukprn] = merge_providers(known, provider) if known else provider
        offers.extend(found)
    return Provision(tuple(providers.values()), tuple(offers), source), errors


def _provision(raw: bytes, *, source: str, lars_to_standard: Mapping[int, str] | None) -> Provision:
    provision, errors = parse_fat_courses(
        load_json(raw, source=source), source=source, lars_to_standard=lars_to_standard
    )
    refuse_errors(errors, source=source)
    return provision


def read_fat_courses(path: Path, *, lars_to_standard: Mapping[int, str] | None = None) -> Provision:
    """Read and validate saved course-provider details (one object or an array)."""
    return _provision(read_bytes(path), source=str(path), lars_to_standard=lars_to_standard)


def fetch_fat_courses(
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    lars_to_standard: Mapping[int, str] | None = None,
    fetcher: Callable[..., Any] = fetch,
    progress: ProgressCallback | None = None,
) -> Provision:
    """Download one ``courses/{larsCode}/providers/{ukprn}`` response (or an array) and read it.

    The outer API sits behind API Management: pass the subscription key in ``headers``
    (``{"Ocp-Apim-Subscription-Key": ...}``); the base address is issued with the key.
    """
    download = fetcher(url, progress=progress, headers=dict(headers or {}))
    return _provision(download.content, source=url, lars_to_standard=lars_to_standard)
