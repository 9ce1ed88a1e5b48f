"""Ingest plans for the ONS labour market series: the embedded files or the live ONS datasets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from skillshub.core.ingest import IngestPlan, SourceFile
from skillshub.dashboard.store import replace_series
from skillshub.domain.labour_market import (
    HEADLINE_SERIES,
    VACANCY_INDUSTRY_SECTIONS,
    Series,
    publication_note,
)
from skillshub.sources import ons
from skillshub.sources.errors import SourceError
from skillshub.sources.http import ProgressCallback, fetch

DATASET = "ons"
REQUIRED_CDIDS = tuple(spec.cdid for spec in HEADLINE_SERIES)
"""Without these the dashboard has no headlines, so a load that lacks any of them is refused."""
LIVE_REQUIRED_CDIDS = REQUIRED_CDIDS + tuple(VACANCY_INDUSTRY_SECTIONS)
"""A live download must also have every industry; other series are taken where ONS has them."""


def check_complete(
    series: Mapping[str, Series], *, source: str, required: Sequence[str] = REQUIRED_CDIDS
) -> dict[str, Series]:
    """Refuse a load that lacks a required series or has one without observations."""
    missing = [cdid for cdid in required if cdid not in series or not series[cdid].observations]
    if missing:
        raise SourceError(
            f"no observations for {', '.join(missing)}; the dashboard needs every headline "
            "series, so nothing was loaded (is the file complete and the right dataset?)",
            source=source,
            field="CDID",
        )
    return dict(series)


def _parse_embedded(files: tuple[SourceFile, ...]) -> dict[str, Series]:
    series = ons.parse_long_csvs((f.label, f.content) for f in files)
    return check_complete(series, source=", ".join(f.label for f in files))


def embedded_plan(
    data_dir: Path, *, files: Sequence[Path] | None = None
) -> IngestPlan[dict[str, Series]]:
    """The embedded default: UK and regional series from the ONS LMS and UNEM datasets."""
    paths = list(files) if files is not None else [data_dir / f for f in ons.DEFAULT_FILES]
    for path in paths:
        if not path.is_file():
            raise SourceError("the file does not exist; check the data directory", source=str(path))
    return IngestPlan(
        dataset=DATASET,
        licence=ons.LICENCE,
        files=tuple(SourceFile.read(p, label=_label(p, data_dir)) for p in paths),
        parse=_parse_embedded,
        store=replace_series,
        notes="Embedded copy of ONS labour market series (datasets LMS and UNEM); "
        "see data/ons/README.md for origin and dates. "
        + publication_note(ons.EMBEDDED_PUBLICATION),
    )


def api_plan(
    url: str = ons.LMS_CSV_URL,
    *,
    unem_url: str = ons.UNEM_CSV_URL,
    progress: ProgressCallback | None = None,
    timeout_s: float = 120.0,
    fetcher: ons.Fetcher = fetch,
) -> IngestPlan[dict[str, Series]]:
    """The live ONS datasets LMS (``url``) and UNEM, each downloaded whole before parsing.

    A failed download raises before the plan exists, and the plan's parse step validates both
    files, so a failed or partial download changes nothing.
    """
    files = []
    for address in (url, unem_url):
        download = fetcher(address, timeout_s=timeout_s, progress=progress)
        files.append(SourceFile(label=address, content=download.content))
    return IngestPlan(
        dataset=DATASET,
        licence=ons.LICENCE,
        files=tuple(files),
        parse=_parse_live,
        store=replace_series,
        notes="Live ONS datasets LMS (labour market statistics) and UNEM (claimant count "
        "and vacancies), downloaded whole.",
    )


def _parse_live(files: tuple[SourceFile, ...]) -> dict[str, Series]:
    lms, unem = files
    series: dict[str, Series] = {}
    for source, cdids in ((lms, ons.LMS_CDIDS), (unem, ons.UNEM_CDIDS)):
        series.update(
            ons.parse_dataset_csv(
                source.content, source=source.label, cdids=cdids, require_all=False
            )
        )
    return check_complete(series, source=f"{lms.label}, {unem.label}", required=LIVE_REQUIRED_CDIDS)


def _label(path: Path, data_dir: Path) -> str:
    try:
        return f"data/{path.resolve().relative_to(data_dir.resolve())}"
    except ValueError:
        return path.name
