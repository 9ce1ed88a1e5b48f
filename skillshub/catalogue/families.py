"""Families of related standards and the most similar ones: worked out once at ingest, stored,
then one typed request and result per use case, shared by the pages, the API and the CLI."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from skillshub.catalogue import models
from skillshub.domain import families as rules
from skillshub.domain.search import CatalogueVectors, get_preset
from skillshub.domain.search.units import Unit, index_units
from skillshub.domain.standards import Ksb, Standard

REFERENCE = r"^[A-Za-z]{2}\d{4}$"
P = rules.DEFAULT
METHOD = (
    "Each current standard is compared with the standards whose descriptions, duties and "
    "knowledge, skills and behaviours are closest overall, statement by statement: a knowledge "
    f"or skill statement is shared when the other has one at least {P.shared_at} similar "
    "(cosine of their text vectors). Similarity is "
    f"{P.overlap_weight} x the share of both standards' statements that are shared + "
    f"{P.centre_weight} x the closeness of the whole standards + {P.cluster_bonus} for the same "
    "Skills England cluster of work. Families join the closest groups while their average "
    f"similarity is at least {P.family_at}, up to {P.max_family_size} standards each."
)
NOT_WORKED_OUT = (
    "Families and similar standards are worked out when the standards are loaded, and these "
    "were loaded before that: run `skillshub ingest standards --force`."
)


class KsbOut(BaseModel):
    kind: str
    ref: str
    text: str


class SharedOut(BaseModel):
    """A statement of this standard and the closest statement of the other."""

    own: KsbOut
    other: KsbOut
    cosine: float


class ThemeOut(BaseModel):
    label: str
    count: int
    refs: list[str]


class SimilarStandard(BaseModel):
    reference: str
    title: str
    level: int
    route: str
    url: str
    score: float = Field(description="Similarity (see `method`); higher is closer")
    overlap: float = Field(description="Share of both standards' knowledge and skills shared")
    share_of_own: float = Field(description="Share of this standard's statements it also has")
    share_of_other: float = Field(description="Share of its statements this standard also has")
    shared_count: int
    only_there_count: int
    shared: list[SharedOut] = Field(description="Shared statements, closest first (a few)")
    only_there: list[KsbOut] = Field(description="Some of its statements this one lacks")
    different: list[ThemeOut] = Field(description="What it adds, in a few themes")
    same_family: bool


class FamilyMember(BaseModel):
    reference: str
    title: str
    level: int
    url: str


class FamilyOut(BaseModel):
    key: str
    label: str
    route: str
    url: str
    central: str = Field(description="The member most similar to the rest")
    members: list[FamilyMember] = Field(description="By level, then reference")


class SimilarStandardsQuery(BaseModel):
    """What a similar-standards request holds besides the standard: the API's query parameters."""

    model_config = ConfigDict(str_strip_whitespace=True)

    limit: int = Field(5, ge=1, le=rules.DEFAULT.similar_limit, description="How many, 1 to 6.")


class SimilarStandardsRequest(SimilarStandardsQuery):
    reference: str = Field(pattern=REFERENCE, description="A standard, e.g. ST0116.")


class SimilarStandardsResult(BaseModel):
    reference: str
    title: str
    level: int
    family: FamilyOut | None
    similar: list[SimilarStandard]
    notes: list[str]
    method: str


class FamiliesRequest(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    route: str | None = Field(None, max_length=200, description="Only this occupational route.")
    level: int | None = Field(None, ge=1, le=8, description="Only families with this level.")


class FamiliesResult(BaseModel):
    family_count: int
    standard_count: int
    families: list[FamilyOut] = Field(description="By route, then name")
    notes: list[str]
    method: str


class UnknownStandard(LookupError):
    """The reference is not in the catalogue."""

    def __str__(self) -> str:
        return str(self.args[0])


# At ingest ------------------------------------------------------------------------------------


def relate_catalogue(
    standards: Sequence[Standard], vectors: CatalogueVectors, *, preset_name: str
) -> rules.Relations | None:
    """Families and similar standards from the vectors just made at ingest (None when the
    search preset has no embeddings)."""
    from skillshub.catalogue.matching import occupation_links

    if vectors.dimensions == 0:
        return None
    preset = get_preset(preset_name)
    occupations = occupation_links()
    by_reference = {s.reference: s for s in standards}
    rows = {item.reference: item.matrix for item in vectors.standards()}

    def unit_vectors(reference: str) -> tuple[list[Unit], np.ndarray]:
        units = index_units(by_reference[reference], preset=preset, occupations=occupations)
        return units, rows[reference]

    return rules.relate(standards, unit_vectors=unit_vectors)


def _ksb(ksb: Ksb) -> KsbOut:
    return KsbOut(kind=ksb.kind, ref=ksb.ref, text=ksb.text)


def _similar_out(item: rules.Similar) -> SimilarStandard:
    return SimilarStandard(
        reference=item.reference,
        title=item.title,
        level=item.level,
        route=item.route,
        url=f"/standards/{item.reference}/",
        score=item.score,
        overlap=item.overlap,
        share_of_own=item.share_of_own,
        share_of_other=item.share_of_other,
        shared_count=item.shared_count,
        only_there_count=item.only_there_count,
        shared=[
            SharedOut(own=_ksb(p.own), other=_ksb(p.other), cosine=p.cosine) for p in item.shared
        ],
        only_there=[_ksb(k) for k in item.only_there],
        different=[
            ThemeOut(label=t.label, count=len(t.refs), refs=list(t.refs)) for t in item.different
        ],
        same_family=item.same_family,
    )


def _family_out(family: rules.Family, standards: dict[str, Standard]) -> FamilyOut:
    return FamilyOut(
        key=family.key,
        label=family.label,
        route=family.route,
        url=f"/standards/families/#{family.key}",
        central=family.central,
        members=[
            FamilyMember(
                reference=ref,
                title=standards[ref].title,
                level=standards[ref].level,
                url=f"/standards/{ref}/",
            )
            for ref in family.members
        ],
    )


def replace_relations(relations: rules.Relations | None, standards: Sequence[Standard]) -> int:
    """Store the families and similar standards; call inside the ingest transaction."""
    models.SimilarStandards.objects.all().delete()
    models.StandardFamily.objects.all().delete()
    if relations is None:
        return 0
    by_reference = {s.reference: s for s in standards}
    models.StandardFamily.objects.bulk_create(
        [
            models.StandardFamily(
                key=out.key,
                label=out.label,
                route=out.route,
                position=position,
                central=out.central,
                members=[m.model_dump() for m in out.members],
            )
            for position, out in enumerate(_family_out(f, by_reference) for f in relations.families)
        ],
        batch_size=500,
    )
    models.SimilarStandards.objects.bulk_create(
        [
            models.SimilarStandards(
                reference=reference,
                family_key=relations.family_of[reference],
                similar=[_similar_out(item).model_dump() for item in items],
            )
            for reference, items in relations.similar.items()
        ],
        batch_size=500,
    )
    return len(relations.families)


# At request time --------------------------------------------------------------------------


def _stored_family(row: models.StandardFamily) -> FamilyOut:
    return FamilyOut(
        key=row.key,
        label=row.label,
        route=row.route,
        url=f"/standards/families/#{row.key}",
        central=row.central,
        members=[FamilyMember.model_validate(m) for m in row.members],
    )


def find_similar(request: SimilarStandardsRequest) -> SimilarStandardsResult:
    """A standard's family and its most similar standards; raises UnknownStandard."""
    reference = request.reference.upper()
    standard = (
        models.Standard.objects.filter(reference=reference)
        .values("reference", "title", "level", "is_current")
        .first()
    )
    if standard is None:
        raise UnknownStandard(
            f"There is no standard with reference '{request.reference}'. References look like "
            "ST0116: find one at /standards/ or with `skillshub search standards`."
        )
    row = models.SimilarStandards.objects.filter(reference=reference).first()
    notes: list[str] = []
    family = None
    similar: list[SimilarStandard] = []
    if row is not None:
        stored = models.StandardFamily.objects.filter(key=row.family_key).first()
        family = _stored_family(stored) if stored is not None else None
        similar = [SimilarStandard.model_validate(s) for s in row.similar[: request.limit]]
    elif not standard["is_current"]:
        notes.append("Only current standards are grouped into families and compared.")
    elif not models.SimilarStandards.objects.exists():
        notes.append(NOT_WORKED_OUT)
    return SimilarStandardsResult(
        reference=standard["reference"],
        title=standard["title"],
        level=standard["level"],
        family=family,
        similar=similar,
        notes=notes,
        method=METHOD,
    )


def list_families(request: FamiliesRequest) -> FamiliesResult:
    """Every family of current standards, by route then name (optionally one route or level)."""
    rows = models.StandardFamily.objects.all()
    if request.route:
        rows = rows.filter(route__iexact=request.route)
    families = [_stored_family(row) for row in rows]
    if request.level is not None:
        families = [f for f in families if any(m.level == request.level for m in f.members)]
    notes = [] if families or models.StandardFamily.objects.exists() else [NOT_WORKED_OUT]
    return FamiliesResult(
        family_count=len(families),
        standard_count=sum(len(f.members) for f in families),
        families=families,
        notes=notes,
        method=METHOD,
    )
