"""Move apprenticeship products between the domain types and the database, whole catalogue at
a time: the shown version of each reference in full, and every version as a compressed record."""

from __future__ import annotations

import json
import zlib
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from skillshub.catalogue import models
from skillshub.domain import standards as domain

BATCH = 2000

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
    "integrated_degree",
    "regulated",
    "standard_page_url",
    "assessment_plan_url",
    "occupation_code",
    "cluster",
    "sector_subject_area",
    "minimum_off_the_job_hours",
    "epa_period_months",
    "starts_paused",
    "approved_on",
    "earliest_start",
    "latest_start",
    "change_note",
)
"""Fields stored as they are; the list fields change type (tuple in the domain, list stored)."""
LIST_FIELDS = ("job_titles", "keywords", "related_standards", "sources")
DATE_FIELDS = frozenset({"detail_updated", "approved_on", "earliest_start", "latest_start"})


def replace_catalogue(catalogue: domain.Catalogue) -> dict[str, int]:
    """Delete the stored catalogue and write the given one; call inside a transaction."""
    shown = catalogue.shown
    models.Ksb.objects.all().delete()
    models.Duty.objects.all().delete()
    models.Standard.objects.all().delete()
    models.StandardVersion.objects.all().delete()
    rows = models.Standard.objects.bulk_create([_standard_row(s) for s in shown], batch_size=BATCH)
    stored = {row.reference: row for row in rows}
    if any(row.pk is None for row in rows):  # backends that do not return ids on bulk insert
        stored = {row.reference: row for row in models.Standard.objects.all()}
    ksbs = [
        models.Ksb(standard=stored[s.reference], kind=k.kind, ref=k.ref, position=i, text=k.text)
        for s in shown
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
        for s in shown
        for i, d in enumerate(s.duties)
    ]
    models.Ksb.objects.bulk_create(ksbs, batch_size=BATCH)
    models.Duty.objects.bulk_create(duties, batch_size=BATCH)
    models.StandardVersion.objects.bulk_create(
        [_version_row(v, position) for position, v in enumerate(catalogue.versions)],
        batch_size=500,
    )
    current = [s for s in shown if s.is_current]
    return {
        "current standards": sum(s.kind == "standard" for s in current),
        "current foundation apprenticeships": sum(s.kind == "foundation" for s in current),
        "current apprenticeship units": sum(s.kind == "unit" for s in current),
        "references": len(shown),
        "versions": len(catalogue.versions),
        "KSBs": len(ksbs),
        "duties": len(duties),
    }


def _scalars(s: domain.Standard) -> dict[str, Any]:
    values = {name: getattr(s, name) for name in SCALAR_FIELDS}
    values.update({name: list(getattr(s, name)) for name in LIST_FIELDS})
    return values


def _standard_row(s: domain.Standard) -> models.Standard:
    return models.Standard(is_current=s.is_current, kind=s.kind, **_scalars(s))


def _from_scalars(
    values: dict[str, Any], ksbs: Iterable[domain.Ksb], duties: Iterable[domain.Duty]
) -> domain.Standard:
    by_kind: dict[str, list[domain.Ksb]] = defaultdict(list)
    for k in ksbs:
        by_kind[k.kind].append(k)
    fields: dict[str, Any] = {name: values[name] for name in SCALAR_FIELDS}
    fields.update({name: tuple(values[name]) for name in LIST_FIELDS})
    return domain.Standard(
        knowledge=tuple(by_kind["knowledge"]),
        skills=tuple(by_kind["skill"]),
        behaviours=tuple(by_kind["behaviour"]),
        duties=tuple(duties),
        **fields,
    )


def to_domain(
    row: models.Standard,
    ksbs: Iterable[models.Ksb] = (),
    duties: Iterable[models.Duty] = (),
) -> domain.Standard:
    return _from_scalars(
        {name: getattr(row, name) for name in SCALAR_FIELDS + LIST_FIELDS},
        (domain.Ksb(kind=k.kind, ref=k.ref, text=k.text) for k in ksbs),
        (
            domain.Duty(ref=d.ref, text=d.text, ksb_refs=tuple(d.ksb_refs), core=d.core)
            for d in duties
        ),
    )


def _version_row(s: domain.Standard, position: int) -> models.StandardVersion:
    values = _scalars(s)
    for name in DATE_FIELDS:
        values[name] = values[name].isoformat() if values[name] else None
    values["ksbs"] = [[k.kind, k.ref, k.text] for k in s.ksbs]
    values["duties"] = [[d.ref, d.text, list(d.ksb_refs), d.core] for d in s.duties]
    record = zlib.compress(json.dumps(values, ensure_ascii=False).encode(), 6)
    return models.StandardVersion(
        reference=s.reference,
        version=s.detail_version,
        status=s.status,
        title=s.title,
        level=s.level,
        detail_updated=s.detail_updated,
        change_note=s.change_note,
        position=position,
        record=record,
    )


def version_to_domain(row: models.StandardVersion) -> domain.Standard:
    values = json.loads(zlib.decompress(bytes(row.record)))
    for name in DATE_FIELDS:
        values[name] = date.fromisoformat(values[name]) if values[name] else None
    return _from_scalars(
        values,
        (domain.Ksb(kind=kind, ref=ref, text=text) for kind, ref, text in values["ksbs"]),
        (
            domain.Duty(ref=ref, text=text, ksb_refs=tuple(refs), core=core)
            for ref, text, refs, core in values["duties"]
        ),
    )


def load_standards(*, current_only: bool = False) -> list[domain.Standard]:
    """Every stored product (shown versions) as domain objects, with KSBs and duties."""
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
    row = models.Standard.objects.filter(reference=reference.strip().upper()).first()
    if row is None:
        return None
    return to_domain(row, row.ksb_set.order_by("position"), row.duty_set.order_by("position"))


def versions_of(reference: str) -> list[models.StandardVersion]:
    """The versions held for a reference, oldest first (without decompressing them)."""
    return list(
        models.StandardVersion.objects.filter(reference=reference.strip().upper())
        .defer("record")
        .order_by("position")
    )


def get_version(reference: str, version: str) -> domain.Standard | None:
    row = models.StandardVersion.objects.filter(
        reference=reference.strip().upper(), version=version.strip()
    ).first()
    return version_to_domain(row) if row else None
