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


SCALAR_FIELDS = (
    "reference",
    "lars_code",
    "title",
    "level",
    "status",
    "route",
    "pathway",
    "typical_duration_months",
    "max_funding_gbp",
    "overview",
    "occupation_summary",
    "entry_requirements",
    "detail_version",
    "detail_updated",
    "ksb_origin",
    "detail_is_current_version",
    "in_current_list",
    "integrated_degree",
    "regulated",
    "standard_page_url",
    "assessment_plan_url",
)
"""Fields stored as they are; the list fields (job titles, keywords, sources) change type."""
LIST_FIELDS = ("job_titles", "keywords", "sources")


def _standard_row(s: domain.Standard) -> models.Standard:
    values = {name: getattr(s, name) for name in SCALAR_FIELDS}
    values.update({name: list(getattr(s, name)) for name in LIST_FIELDS})
    return models.Standard(is_current=s.is_current, **values)


def to_domain(
    row: models.Standard,
    ksbs: Iterable[models.Ksb] = (),
    duties: Iterable[models.Duty] = (),
) -> domain.Standard:
    by_kind: dict[str, list[domain.Ksb]] = defaultdict(list)
    for k in ksbs:
        by_kind[k.kind].append(domain.Ksb(kind=k.kind, ref=k.ref, text=k.text))
    values = {name: getattr(row, name) for name in SCALAR_FIELDS}
    values.update({name: tuple(getattr(row, name)) for name in LIST_FIELDS})
    return domain.Standard(
        knowledge=tuple(by_kind["knowledge"]),
        skills=tuple(by_kind["skill"]),
        behaviours=tuple(by_kind["behaviour"]),
        duties=tuple(
            domain.Duty(ref=d.ref, text=d.text, ksb_refs=tuple(d.ksb_refs), core=d.core)
            for d in duties
        ),
        **values,
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
