"""Move standards between the domain types and the database, replacing the catalogue whole."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from skillshub.catalogue import models
from skillshub.domain import standards as domain

BATCH = 2000


def replace_catalogue(standards: Sequence[domain.Standard]) -> dict[str, int]:
    """Delete the stored catalogue and write the given one; call inside a transaction."""
    models.Ksb.objects.all().delete()
    models.Duty.objects.all().delete()
    models.Standard.objects.all().delete()
    rows = models.Standard.objects.bulk_create(
        [_standard_row(s) for s in standards], batch_size=BATCH
    )
    stored = {row.reference: row for row in rows}
    if any(row.pk is None for row in rows):  # backends that do not return ids on bulk insert
        stored = {row.reference: row for row in models.Standard.objects.all()}
    ksbs = [
        models.Ksb(standard=stored[s.reference], kind=k.kind, ref=k.ref, position=i, text=k.text)
        for s in standards
        for i, k in enumerate(s.ksbs)
    ]
    duties = [
        models.Duty(
            standard=stored[s.reference],
            ref=d.ref,
            position=i,
            text=d.text,
            ksb_refs=list(d.ksb_refs),
            core=d.core,
        )
        for s in standards
        for i, d in enumerate(s.duties)
    ]
    models.Ksb.objects.bulk_create(ksbs, batch_size=BATCH)
    models.Duty.objects.bulk_create(duties, batch_size=BATCH)
    return {
        "standards": len(standards),
        "current standards": sum(s.is_current for s in standards),
        "KSBs": len(ksbs),
        "duties": len(duties),
    }


def _standard_row(s: domain.Standard) -> models.Standard:
    return models.Standard(
        reference=s.reference,
        lars_code=s.lars_code,
        title=s.title,
        level=s.level,
        status=s.status,
        route=s.route,
        pathway=s.pathway,
        typical_duration_months=s.typical_duration_months,
        max_funding_gbp=s.max_funding_gbp,
        job_titles=list(s.job_titles),
        keywords=list(s.keywords),
        overview=s.overview,
        occupation_summary=s.occupation_summary,
        entry_requirements=s.entry_requirements,
        detail_version=s.detail_version,
        detail_updated=s.detail_updated,
        ksb_origin=s.ksb_origin,
        detail_is_current_version=s.detail_is_current_version,
        in_current_list=s.in_current_list,
        is_current=s.is_current,
        integrated_degree=s.integrated_degree,
        regulated=s.regulated,
        standard_page_url=s.standard_page_url,
        assessment_plan_url=s.assessment_plan_url,
        sources=list(s.sources),
    )


def to_domain(
    row: models.Standard,
    ksbs: Iterable[models.Ksb] = (),
    duties: Iterable[models.Duty] = (),
) -> domain.Standard:
    by_kind: dict[str, list[domain.Ksb]] = defaultdict(list)
    for k in ksbs:
        by_kind[k.kind].append(domain.Ksb(kind=k.kind, ref=k.ref, text=k.text))
    return domain.Standard(
        reference=row.reference,
        title=row.title,
        level=row.level,
        status=row.status,
        route=row.route,
        lars_code=row.lars_code,
        pathway=row.pathway,
        typical_duration_months=row.typical_duration_months,
        max_funding_gbp=row.max_funding_gbp,
        job_titles=tuple(row.job_titles),
        keywords=tuple(row.keywords),
        overview=row.overview,
        occupation_summary=row.occupation_summary,
        entry_requirements=row.entry_requirements,
        knowledge=tuple(by_kind["knowledge"]),
        skills=tuple(by_kind["skill"]),
        behaviours=tuple(by_kind["behaviour"]),
        duties=tuple(
            domain.Duty(ref=d.ref, text=d.text, ksb_refs=tuple(d.ksb_refs), core=d.core)
            for d in duties
        ),
        detail_version=row.detail_version,
        detail_updated=row.detail_updated,
        ksb_origin=row.ksb_origin,
        detail_is_current_version=row.detail_is_current_version,
        in_current_list=row.in_current_list,
        integrated_degree=row.integrated_degree,
        regulated=row.regulated,
        standard_page_url=row.standard_page_url,
        assessment_plan_url=row.assessment_plan_url,
        sources=tuple(row.sources),
    )


def load_standards(*, current_only: bool = False) -> list[domain.Standard]:
    """Every stored standard as domain objects, with KSBs and duties, in three queries."""
    rows = models.Standard.objects.all()
    if current_only:
        rows = rows.filter(is_current=True)
    ksbs: dict[int, list[models.Ksb]] = defaultdict(list)
    duties: dict[int, list[models.Duty]] = defaultdict(list)
    for k in models.Ksb.objects.filter(standard__in=rows).order_by("standard_id", "position"):
        ksbs[k.standard_id].append(k)
    for d in models.Duty.objects.filter(standard__in=rows).order_by("standard_id", "position"):
        duties[d.standard_id].append(d)
    return [to_domain(r, ksbs[r.pk], duties[r.pk]) for r in rows]


def get_standard(reference: str) -> domain.Standard | None:
    row = models.Standard.objects.filter(reference=reference.upper()).first()
    if row is None:
        return None
    return to_domain(row, row.ksb_set.order_by("position"), row.duty_set.order_by("position"))
