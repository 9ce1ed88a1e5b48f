"""Demand signals and registered needs: typed requests, one service function each, typed results."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time
from typing import TypeVar

from django.db import transaction
from django.utils import timezone
from pydantic import BaseModel, ConfigDict, Field, field_validator

from skillshub.demand import models
from skillshub.domain import needs as vocabulary
from skillshub.sources.job_adverts import JobAdvert


class DemandSignalRequest(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    need: str = Field(min_length=1, max_length=2000)
    postcode: str = Field("", max_length=10)


class DemandSignalResult(BaseModel):
    recorded: bool
    outcode: str
    standard_references: list[str]
    message: str


def record_nothing_near(request: DemandSignalRequest) -> DemandSignalResult:
    """Store 'we need this here' with the postcode district and the standards the need matched;
    raises InvalidPostcode / UnknownPlace for a place that cannot be found."""
    from skillshub.catalogue import services as catalogue
    from skillshub.domain.geography import outcode_of
    from skillshub.geo import places

    location = places.locate(request.postcode) if request.postcode else None
    outcode = ""
    if location is not None:
        outcode = location.query if location.kind == "outcode" else outcode_of(location.query)
    try:
        matched = catalogue.search_standards(
            catalogue.StandardsSearchRequest(q=request.need, limit=5)
        )
        references = [m.reference for m in matched.results]
    except Exception:  # the signal is worth keeping even when the need cannot be matched now
        references = []
    models.DemandSignal.objects.create(
        source="nothing-near",
        need=request.need,
        outcode=outcode,
        local_authority_code=(location.local_authority_code or "") if location else "",
        standard_references=references,
    )
    where = f" near {outcode}" if outcode else ""
    return DemandSignalResult(
        recorded=True,
        outcode=outcode,
        standard_references=references,
        message=(
            f"Thank you. We have recorded that an employer{where} needs this training. Local "
            "authorities and providers see these needs counted by area, never who asked."
        ),
    )


class NeedRequest(BaseModel):
    """One training need, as the question pages, a partner's API call or an advert give it."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    need: str = Field(
        min_length=3, max_length=2000, description="What the staff need to be able to do."
    )
    standard_references: list[str] = Field(
        default_factory=list,
        max_length=5,
        description="Standards confirmed as meeting the need (ST0116, FA0001, AU0003), best first.",
    )
    headcount: int = Field(1, ge=1, le=vocabulary.MAX_HEADCOUNT, description="Staff who need it.")
    needed_within_months: int = Field(
        12, description="How soon: " + ", ".join(str(m) for m in vocabulary.WITHIN_MONTHS)
    )
    delivery_format: str = Field("any", description=", ".join(vocabulary.FORMATS))
    level: int | None = Field(None, description="4, 5, or empty for either.")
    postcode: str = Field(min_length=2, max_length=10, description="The workplace postcode.")
    size_band: str = Field("", description="Empty, or " + ", ".join(vocabulary.SIZE_BANDS))
    sic_section: str = Field("", description="Empty, or a SIC 2007 section letter A to U.")

    @field_validator("standard_references")
    @classmethod
    def _references(cls, value: list[str]) -> list[str]:
        cleaned = [ref.strip().upper() for ref in value]
        bad = [ref for ref in cleaned if not _REFERENCE.fullmatch(ref)]
        if bad:
            raise ValueError(f"not a standard reference: {', '.join(bad)} (for example ST0116)")
        return list(dict.fromkeys(cleaned))

    @field_validator("needed_within_months")
    @classmethod
    def _within(cls, value: int) -> int:
        return _one_of(value, vocabulary.WITHIN_MONTHS, "needed_within_months")

    @field_validator("delivery_format")
    @classmethod
    def _format(cls, value: str) -> str:
        return _one_of(value, vocabulary.FORMATS, "delivery_format")

    @field_validator("level")
    @classmethod
    def _level(cls, value: int | None) -> int | None:
        if value not in (None, 4, 5):
            raise ValueError("level must be 4, 5 or empty for either")
        return value

    @field_validator("size_band")
    @classmethod
    def _size(cls, value: str) -> str:
        return _one_of(value, {"": "", **vocabulary.SIZE_BANDS}, "size_band")

    @field_validator("sic_section")
    @classmethod
    def _sector(cls, value: str) -> str:
        return _one_of(value.upper(), {"": "", **vocabulary.SIC_SECTIONS}, "sic_section")


_REFERENCE = re.compile(r"(ST|FA|AU)\d{4}")


T = TypeVar("T")


def _one_of(value: T, allowed: dict[T, str], name: str) -> T:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(str(k) for k in allowed if k != '')}")
    return value


class StandardChoice(BaseModel):
    reference: str
    title: str
    level: int


class NeedSummary(BaseModel):
    """A need as its employer sees it on the private page (never shown publicly)."""

    need: str
    standards: list[StandardChoice]
    headcount: int
    needed_by: date | None
    needed_within_months: int | None
    delivery_format: str
    level: int | None
    outcode: str
    local_authority_code: str
    size_band: str
    sic_section: str
    source: str
    created_at: date
    withdrawn: bool


class NeedRegistered(BaseModel):
    """What registering gives back: the private link's token, shown once and never stored."""

    token: str
    private_path: str
    summary: NeedSummary


class NeedNotFound(LookupError):
    """No need has this private link (mistyped, or never made)."""


class UnknownStandards(ValueError):
    """The request names standards the hub does not hold."""


def propose_standards(need: str, *, limit: int = 5) -> list[StandardChoice]:
    """The standards a need matches best, to show back for confirmation (empty: no good match)."""
    from skillshub.catalogue import services as catalogue

    found = catalogue.search_standards(catalogue.StandardsSearchRequest(q=need, limit=limit))
    if found.no_good_match:
        return []
    return [
        StandardChoice(reference=m.reference, title=m.title, level=m.level) for m in found.results
    ]


def _references_matched(text: str) -> list[str]:
    """The best standards for a need nobody will confirm (a partner's, an advert); none when the
    text has nothing to match on (it is still demand, counted without a standard)."""
    from skillshub.domain.search import QueryError

    try:
        return [m.reference for m in propose_standards(text, limit=3)]
    except QueryError:
        return []


def standards_for(references: list[str]) -> list[StandardChoice]:
    """The titles and levels of the standards a need names (raises UnknownStandards)."""
    from skillshub.catalogue.models import Standard

    rows = {
        row["reference"]: row
        for row in Standard.objects.filter(reference__in=references).values(
            "reference", "title", "level"
        )
    }
    missing = [ref for ref in references if ref not in rows]
    if missing:
        raise UnknownStandards(
            f"the hub holds no standard {', '.join(missing)}: check the reference on /standards/"
        )
    return [StandardChoice(**rows[ref]) for ref in references]


def _placed(place: str) -> dict[str, object]:
    """The district, its centroid and authority of a postcode or district (a need keeps no full
    postcode). Raises InvalidPostcode or UnknownPlace."""
    from skillshub.domain.geography import outcode_of
    from skillshub.geo import places

    location = places.locate(place)
    outcode = location.query if location.kind == "outcode" else outcode_of(location.query)
    district = places.outcode(outcode)
    point = district.point if district and district.point else location.point
    return {
        "outcode": outcode,
        "local_authority_code": location.local_authority_code or "",
        "easting": point.easting,
        "northing": point.northing,
    }


def _fields(request: NeedRequest) -> dict[str, object]:
    standards_for(request.standard_references)
    return {
        "need": request.need,
        "standard_references": request.standard_references,
        "headcount": request.headcount,
        "needed_by": vocabulary.months_after(timezone.localdate(), request.needed_within_months),
        "delivery_format": request.delivery_format,
        "level": request.level,
        "size_band": request.size_band,
        "sic_section": request.sic_section,
        **_placed(request.postcode),
    }


def summary_of(need: models.EmployerNeed) -> NeedSummary:
    return NeedSummary(
        need=need.need,
        standards=standards_for(list(need.standard_references)),
        headcount=need.headcount,
        needed_by=need.needed_by,
        needed_within_months=vocabulary.within_months_of(need.created_at.date(), need.needed_by),
        delivery_format=need.delivery_format,
        level=need.level,
        outcode=need.outcode,
        local_authority_code=need.local_authority_code,
        size_band=need.size_band,
        sic_section=need.sic_section,
        source=need.source,
        created_at=need.created_at.date(),
        withdrawn=need.withdrawn_at is not None,
    )


def register_need(
    request: NeedRequest, *, source: str = "register", partner: str = ""
) -> NeedRegistered:
    """Store a need with a fresh private link; raises InvalidPostcode, UnknownPlace or
    UnknownStandards (nothing is stored then). A partner's need that names no standard is
    matched here, as an advert is (on the pages the employer confirms the match, or says
    'None of these')."""
    if source != "register" and not request.standard_references:
        matched = _references_matched(request.need)
        request = request.model_copy(update={"standard_references": matched})
    fields = _fields(request)
    token = vocabulary.new_token()
    need = models.EmployerNeed.objects.create(
        source=source, partner=partner, token_hash=vocabulary.token_digest(token), **fields
    )
    return NeedRegistered(token=token, private_path=private_path(token), summary=summary_of(need))


def private_path(token: str) -> str:
    from django.urls import reverse

    return reverse("demand:yours", args=[token])


def _need(digest: str) -> models.EmployerNeed:
    need = models.EmployerNeed.objects.filter(token_hash=digest).first() if digest else None
    if need is None:
        raise NeedNotFound(
            "No need has this link: check it was copied in full from your confirmation"
        )
    return need


def find_need(digest: str) -> NeedSummary:
    """The need behind a private link's digest; raises NeedNotFound."""
    return summary_of(_need(digest))


def need_request_of(digest: str) -> NeedRequest:
    """A stored need as a request again (to change it through the same question pages)."""
    need = _need(digest)
    return NeedRequest(
        need=need.need,
        standard_references=list(need.standard_references),
        headcount=need.headcount,
        needed_within_months=vocabulary.within_months_of(need.created_at.date(), need.needed_by)
        or 12,
        delivery_format=need.delivery_format,
        level=need.level,
        postcode=need.outcode,
        size_band=need.size_band,
        sic_section=need.sic_section,
    )


def change_need(digest: str, request: NeedRequest) -> NeedSummary:
    """Replace a need's answers; a withdrawn need cannot be changed (raises NeedNotFound)."""
    with transaction.atomic():
        need = _need(digest)
        if need.withdrawn_at is not None:
            raise NeedNotFound("This need was withdrawn: register it again if you still need it")
        for name, value in _fields(request).items():
            setattr(need, name, value)
        need.save()
    return summary_of(need)


def withdraw_need(digest: str) -> NeedSummary:
    """Withdraw a need: it leaves every figure and its free text is erased."""
    with transaction.atomic():
        need = _need(digest)
        if need.withdrawn_at is None:
            need.withdrawn_at = timezone.now()
            need.need = ""
            need.save(update_fields=["withdrawn_at", "need", "updated_at"])
    return summary_of(need)


class AdvertsImported(BaseModel):
    """What an advert upload added: stored, already held, and those no standard matched."""

    source: str
    stored: int
    already_held: int
    unmatched: int


class UnplacedAdverts(ValueError):
    """Adverts whose location the hub cannot place; nothing of the upload is stored."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(
            f"{problems[0]}{more}: give a postcode, a postcode district (B1) or a local "
            "authority's name. Nothing was stored."
        )


def _advert_place(location: str) -> dict[str, object]:
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace
    from skillshub.geo import places

    try:
        return _placed(location)
    except (InvalidPostcode, UnknownPlace):
        authority = places.local_authority_named(location)
        if authority is None or authority.point is None:
            raise
        return {
            "outcode": "",
            "local_authority_code": authority.code,
            "easting": authority.point.easting,
            "northing": authority.point.northing,
        }


def import_adverts(
    adverts: list[JobAdvert],
    *,
    partner: str,
    progress: Callable[[int, int], None] | None = None,
) -> AdvertsImported:
    """Match each advert to standards and store it as demand (source job-advert, one post
    each, dated when posted). Every location is checked first: one that cannot be placed
    refuses the whole upload (UnplacedAdverts). An advert already held is skipped."""
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace

    placed: list[dict[str, object]] = []
    problems: list[str] = []
    for advert in adverts:
        try:
            placed.append(_advert_place(advert.location))
        except (InvalidPostcode, UnknownPlace) as error:
            problems.append(f"row {advert.row}, location '{advert.location}': {error}")
    if problems:
        raise UnplacedAdverts(problems)
    held = set(
        models.EmployerNeed.objects.filter(source="job-advert", partner=partner).values_list(
            "need", flat=True
        )
    )
    new: list[tuple[JobAdvert, dict[str, object], str, list[str]]] = []
    for done, (advert, place) in enumerate(zip(adverts, placed, strict=True), start=1):
        text = f"{advert.title}\n{advert.text}"[:2000]
        if text not in held:
            held.add(text)
            matched = _references_matched(f"{advert.title}. {advert.text}"[:4000])
            new.append((advert, place, text, matched))
        if progress:
            progress(done, len(adverts))
    with transaction.atomic():
        for advert, place, text, references in new:
            need = models.EmployerNeed.objects.create(
                source="job-advert",
                partner=partner,
                need=text,
                standard_references=references,
                headcount=1,
                **place,
            )
            # Dated when posted, so trends follow the adverts, not the upload.
            posted = timezone.make_aware(datetime.combine(advert.posted_on, time(12)))
            models.EmployerNeed.objects.filter(pk=need.pk).update(created_at=posted)
    return AdvertsImported(
        source="job-advert",
        stored=len(new),
        already_held=len(adverts) - len(new),
        unmatched=sum(1 for *_, references in new if not references),
    )
