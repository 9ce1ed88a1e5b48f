"""Move ONS series between the domain types and the database, replacing the stored set whole."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from skillshub.dashboard import models
from skillshub.domain.labour_market import Observation, Release, Series

BATCH = 5000


def replace_series(series: Mapping[str, Series]) -> dict[str, int]:
    """Delete the stored series and write the given ones; call inside a transaction."""
    models.LabourObservation.objects.all().delete()
    models.LabourSeries.objects.all().delete()
    rows = models.LabourSeries.objects.bulk_create(
        [_series_row(s) for _, s in sorted(series.items())], batch_size=BATCH
    )
    stored = {row.cdid: row for row in rows}
    if any(row.pk is None for row in rows):  # backends that do not return ids on bulk insert
        stored = {row.cdid: row for row in models.LabourSeries.objects.all()}
    observations = [
        models.LabourObservation(series=stored[s.cdid], period_end=o.period_end, value=o.value)
        for s in series.values()
        for o in s.observations
    ]
    models.LabourObservation.objects.bulk_create(observations, batch_size=BATCH)
    return {"series": len(rows), "observations": len(observations)}


def _series_row(s: Series) -> models.LabourSeries:
    return models.LabourSeries(
        cdid=s.cdid,
        title=s.title,
        unit=s.unit,
        frequency=s.frequency,
        seasonally_adjusted=s.seasonally_adjusted,
        published=s.release.published if s.release else None,
        next_release=s.release.next_release if s.release else None,
    )


def to_domain(row: models.LabourSeries, observations: Iterable[Observation]) -> Series:
    release = None
    if row.published or row.next_release:
        release = Release(row.published, row.next_release)
    return Series(
        cdid=row.cdid,
        title=row.title,
        unit=row.unit,
        frequency=row.frequency,
        seasonally_adjusted=row.seasonally_adjusted,
        observations=tuple(observations),
        release=release,
    )


def load_series(cdids: Iterable[str] | None = None) -> dict[str, Series]:
    """Stored series as domain objects (all, or only ``cdids``), in two queries."""
    rows = models.LabourSeries.objects.all()
    if cdids is not None:
        rows = rows.filter(cdid__in=[c.strip().upper() for c in cdids])
    values: dict[int, list[Observation]] = defaultdict(list)
    found = models.LabourObservation.objects.filter(series__in=rows).order_by(
        "series_id", "period_end"
    )
    for series_id, period_end, value in found.values_list("series_id", "period_end", "value"):
        values[series_id].append(Observation(period_end, value))
    return {row.cdid: to_domain(row, values[row.pk]) for row in rows}


def get_series(cdid: str) -> Series | None:
    return load_series([cdid]).get(cdid.strip().upper())
