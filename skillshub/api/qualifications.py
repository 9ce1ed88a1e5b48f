"""`/api/v1/qualifications`: funded qualifications, listed or searched, and one with its links."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router, Schema

from skillshub.api.problems import Problem
from skillshub.domain.qualifications import levels_in_words
from skillshub.domain.standards import level_in_words
from skillshub.qualifications import esco, queries, services, store
from skillshub.qualifications.esco import QualificationEsco
from skillshub.sources.funded_qualifications import is_valid_number, normalise_number

router = Router()


@router.get(
    "",
    response=services.QualificationResults,
    operation_id="list_qualifications",
    url_name="list_qualifications",
)
def list_qualifications(
    request: HttpRequest, params: Query[services.QualificationQuery]
) -> services.QualificationResults:
    """Qualifications approved for funding, Level 4-5 unless `level` says otherwise; with `q`,
    ranked for that plain-English need, each with the words that matched."""
    try:
        return services.find_qualifications(params)
    except services.QueryError as error:
        raise Problem(400, "Invalid query", str(error)) from error


class FundingOut(Schema):
    stream: str
    label: str
    approved: bool
    """The list's flag for this stream."""
    starts: date | None
    ends: date | None
    notes: str
    status_today: str
    """'available', 'not started', 'ended' or 'not approved', by the dates, on `as_of`."""


class LinkEvidenceOut(Schema):
    kind: str
    ref: str
    text: str
    matched_words: list[str]


class StandardLinkOut(Schema):
    reference: str
    title: str
    level: int
    score: float
    reason: str
    url: str
    evidence: list[LinkEvidenceOut]


class SourceOut(Schema):
    dataset: str
    file: str | None
    snapshot: date | None
    loaded_at: str | None
    sha256: str | None
    licence: str | None
    attribution: str


class QualificationOut(Schema):
    number: str
    title: str
    awarding_organisation: str
    awarding_organisation_url: str
    level: str
    levels: list[int]
    level_meaning: str
    qualification_type: str
    subcategory: str
    sector_subject_area: str
    status: str
    advanced_learner_loan: bool
    lifelong_learning_entitlement: bool
    as_of: date
    funding: list[FundingOut]
    standards: list[StandardLinkOut]
    standards_note: str
    esco: QualificationEsco
    source: SourceOut


@router.get(
    "/{number}",
    response=QualificationOut,
    operation_id="get_qualification",
    url_name="get_qualification",
)
def get_qualification(request: HttpRequest, number: str) -> QualificationOut:
    """One qualification: funding streams with dates, the standards it fits, with why, and
    (Level 4-5) the ESCO skills its title maps to, with a confidence and band."""
    wanted = normalise_number(number)
    if not is_valid_number(wanted):
        raise Problem(
            400,
            "Invalid qualification number",
            f"'{number}' is not an Ofqual qualification number: 8 characters, seven digits and a "
            "digit or X, e.g. 60363393 (write 603/6339/3 without the slashes).",
        )
    qualification = store.get_qualification(wanted)
    if qualification is None:
        raise Problem(
            404,
            "Qualification not found",
            f"Qualification {wanted} is not in the list of qualifications approved for funding "
            "that this hub serves; list them at /api/v1/qualifications.",
        )
    today = timezone.localdate()
    load = queries.latest_load()
    level = qualification.level
    return QualificationOut(
        number=qualification.number,
        title=qualification.title,
        awarding_organisation=qualification.awarding_organisation,
        awarding_organisation_url=qualification.awarding_organisation_url,
        level=qualification.level_label,
        levels=list(qualification.levels),
        level_meaning=level_in_words(level) if level else levels_in_words(qualification.levels),
        qualification_type=qualification.qualification_type,
        subcategory=qualification.subcategory,
        sector_subject_area=qualification.sector_subject_area,
        status=qualification.status,
        advanced_learner_loan=qualification.advanced_learner_loan,
        lifelong_learning_entitlement=qualification.lifelong_learning_entitlement,
        as_of=today,
        funding=[
            FundingOut(
                stream=s.key,
                label=s.label,
                approved=s.approved,
                starts=s.starts,
                ends=s.ends,
                notes=s.notes,
                status_today=s.status_on(today),
            )
            for s in qualification.funding
        ],
        standards=[
            StandardLinkOut(
                reference=link.reference,
                title=link.title,
                level=link.level,
                score=link.score,
                reason=link.reason,
                url=reverse("api:get_standard", kwargs={"reference": link.reference}),
                evidence=[
                    LinkEvidenceOut(
                        kind=e.kind, ref=e.ref, text=e.text, matched_words=list(e.matched_words)
                    )
                    for e in link.evidence
                ],
            )
            for link in qualification.links
        ],
        standards_note=queries.links_note(qualification),
        esco=esco.find_esco(qualification.number),
        source=SourceOut(
            dataset="qualifications",
            file=load.source.split(", ")[0] if load else None,
            snapshot=qualification.snapshot,
            loaded_at=load.loaded_at.isoformat() if load else None,
            sha256=load.sha256 if load else None,
            licence=load.licence if load else None,
            attribution=queries.ATTRIBUTION,
        ),
    )
