"""Move qualifications between the domain types and the database, replacing the list whole."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from skillshub.domain import qualifications as domain
from skillshub.qualifications import models

BATCH = 2000

SCALAR_FIELDS = (
    "number",
    "title",
    "awarding_organisation",
    "awarding_organisation_url",
    "level_label",
    "qualification_type",
    "subcategory",
    "sector_subject_area",
    "status",
    "snapshot",
)
"""Fields stored as they are; levels, funding streams and links change shape (below)."""
LINK_FIELDS = ("reference", "title", "level", "score", "reason")


def _stream_row(stream: domain.FundingStream) -> dict[str, Any]:
    return {
        "key": stream.key,
        "approved": stream.approved,
        "starts": stream.starts.isoformat() if stream.starts else None,
        "ends": stream.ends.isoformat() if stream.ends else None,
        "notes": stream.notes,
    }


def _stream(value: dict[str, Any]) -> domain.FundingStream:
    return domain.FundingStream(
        key=value["key"],
        approved=value["approved"],
        starts=date.fromisoformat(value["starts"]) if value["starts"] else None,
        ends=date.fromisoformat(value["ends"]) if value["ends"] else None,
        notes=value["notes"],
    )


def _evidence_row(item: domain.LinkEvidence) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "ref": item.ref,
        "text": item.text,
        "matched_words": list(item.matched_words),
    }


def _evidence(value: dict[str, Any]) -> domain.LinkEvidence:
    return domain.LinkEvidence(
        kind=value["kind"],
        ref=value["ref"],
        text=value["text"],
        matched_words=tuple(value["matched_words"]),
    )


def _row(q: domain.Qualification) -> models.Qualification:
    values = {name: getattr(q, name) for name in SCALAR_FIELDS}
    return models.Qualification(
        level_low=min(q.levels),
        level_high=max(q.levels),
        funding=[_stream_row(s) for s in q.funding],
        advanced_learner_loan=q.advanced_learner_loan,
        lifelong_learning_entitlement=q.lifelong_learning_entitlement,
        **values,
    )


def replace_qualifications(qualifications: Sequence[domain.Qualification]) -> dict[str, int]:
    """Delete the stored list and write the given one; call inside a transaction."""
    models.StandardLink.objects.all().delete()
    models.Qualification.objects.all().delete()
    rows = models.Qualification.objects.bulk_create(
        [_row(q) for q in qualifications], batch_size=BATCH
    )
    stored = {row.number: row for row in rows}
    if any(row.pk is None for row in rows):  # backends that do not return ids on bulk insert
        stored = {row.number: row for row in models.Qualification.objects.all()}
    links = [
        models.StandardLink(
            qualification=stored[q.number],
            position=i,
            evidence=[_evidence_row(e) for e in link.evidence],
            **{name: getattr(link, name) for name in LINK_FIELDS},
        )
        for q in qualifications
        for i, link in enumerate(q.links)
    ]
    models.StandardLink.objects.bulk_create(links, batch_size=BATCH)
    product = [q for q in qualifications if q.is_product]
    return {
        "qualifications": len(qualifications),
        "at level 4-5": len(product),
        "level 4-5 with Advanced Learner Loans": sum(q.advanced_learner_loan for q in product),
        "standard links": len(links),
    }


def to_domain(
    row: models.Qualification, links: Iterable[models.StandardLink] = ()
) -> domain.Qualification:
    values = {name: getattr(row, name) for name in SCALAR_FIELDS}
    return domain.Qualification(
        levels=tuple(range(row.level_low, row.level_high + 1)),
        funding=tuple(_stream(s) for s in row.funding),
        links=tuple(
            domain.StandardLink(
                evidence=tuple(_evidence(e) for e in link.evidence),
                **{name: getattr(link, name) for name in LINK_FIELDS},
            )
            for link in links
        ),
        **values,
    )


def load_qualifications(
    rows: Iterable[models.Qualification] | None = None,
) -> list[domain.Qualification]:
    """Stored qualifications (all, or `rows`) as domain objects with their links, two queries."""
    chosen = list(models.Qualification.objects.all() if rows is None else rows)
    links: dict[int, list[models.StandardLink]] = defaultdict(list)
    found = models.StandardLink.objects.all()
    if rows is not None:
        found = found.filter(qualification__in=[r.pk for r in chosen])
    for link in found.order_by("qualification_id", "position"):
        links[link.qualification_id].append(link)
    return [to_domain(row, links[row.pk]) for row in chosen]


def get_qualification(number: str) -> domain.Qualification | None:
    row = models.Qualification.objects.filter(number=number).first()
    if row is None:
        return None
    return to_domain(row, row.standard_links.order_by("position"))
