"""Read the stored labour market series for pages, API and CLI, with where they came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from skillshub.core.models import DatasetLoad
from skillshub.core.versioned_cache import VersionedCache
from skillshub.dashboard import store
from skillshub.dashboard.ingest import DATASET
from skillshub.domain.labour_market import Publication, Series, publication_from_notes

NOT_LOADED = "No ONS labour market data has been loaded yet: run `skillshub ingest ons`."


class DataNotLoaded(LookupError):
    """The ONS series have not been ingested into this database."""

    def __init__(self) -> None:
        super().__init__(NOT_LOADED)


@dataclass(frozen=True)
class Provenance:
    """What is being served: the files or addresses it came from, when, and ONS release dates."""

    source: str
    licence: str
    loaded_at: datetime
    sha256: str
    notes: str
    published: date | None
    next_release: date | None
    publication: Publication | None  # the release day, or the latest it can be; None: unknown


@dataclass(frozen=True)
class Picture:
    """Every stored series, and where they came from."""

    series: dict[str, Series]
    provenance: Provenance


PICTURES: VersionedCache[Picture] = VersionedCache(max_entries=1)
"""The series of the ONS load being served, read once per load."""


def _latest(series: dict[str, Series], attribute: str) -> date | None:
    found = [getattr(s.release, attribute) for s in series.values() if s.release]
    dates = [d for d in found if d is not None]
    return max(dates) if dates else None


def picture() -> Picture:
    """The stored series, read once per load (each ingest records a new DatasetLoad)."""
    load = DatasetLoad.latest_for(DATASET)
    if load is None:
        raise DataNotLoaded
    return PICTURES.get((load.pk, load.sha256, load.loaded_at), "picture", lambda: _read(load))


def _read(load: DatasetLoad) -> Picture:
    series = store.load_series()
    if not series:
        raise DataNotLoaded
    published = _latest(series, "published")
    publication = publication_from_notes(load.notes)
    if published is not None:  # a live load: the release dates ONS wrote in its files
        publication = Publication(published, exact=True, source="the ONS datasets as downloaded")
    provenance = Provenance(
        source=load.source,
        licence=load.licence,
        loaded_at=load.loaded_at,
        sha256=load.sha256,
        notes=load.notes,
        published=published,
        next_release=_latest(series, "next_release"),
        publication=publication,
    )
    return Picture(series=series, provenance=provenance)
