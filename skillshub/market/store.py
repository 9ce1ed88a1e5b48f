"""Move apprenticeship starts between the source rows and the database."""

from __future__ import annotations

from skillshub.market import models
from skillshub.sources.apprenticeship_starts import StartsRow

FIELDS = (
    "time_period",
    "area_code",
    "area_name",
    "apps_level",
    "subject",
    "starts",
    "achievements",
    "participation",
    "symbols",
)
"""One field list for both directions (round-trip tested)."""


def to_row(row: StartsRow) -> models.ApprenticeshipStarts:
    return models.ApprenticeshipStarts(**{name: getattr(row, name) for name in FIELDS})


def from_row(row: models.ApprenticeshipStarts) -> StartsRow:
    return StartsRow(**{name: getattr(row, name) for name in FIELDS})


def replace_areas(rows: list[StartsRow]) -> dict[str, int]:
    """Replace the stored rows of every area the file covers; other areas stay (call inside a
    transaction: run_ingest does)."""
    areas = {row.area_code for row in rows}
    models.ApprenticeshipStarts.objects.filter(area_code__in=areas).delete()
    unique = {(r.time_period, r.area_code, r.apps_level, r.subject): r for r in rows}
    models.ApprenticeshipStarts.objects.bulk_create(
        (to_row(row) for row in unique.values()), batch_size=2000
    )
    return {"rows": len(unique), "areas": len(areas)}


def held() -> int:
    return models.ApprenticeshipStarts.objects.count()
