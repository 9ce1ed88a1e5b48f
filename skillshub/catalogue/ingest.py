"""Ingest plans for the standards catalogue: the embedded files or the live Skills England API."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from skillshub.catalogue.matching import compute_vectors, replace_vectors
from skillshub.catalogue.store import replace_catalogue
from skillshub.core.ingest import IngestPlan, SourceFile
from skillshub.domain.search import CatalogueVectors
from skillshub.domain.standards import Standard
from skillshub.sources import skills_england
from skillshub.sources.http import Download, ProgressCallback, fetch

DATASET = "standards"


@dataclass(frozen=True)
class Catalogue:
    """Validated standards and their search vectors, ready to swap in."""

    standards: list[Standard]
    vectors: CatalogueVectors


def _with_vectors(standards: list[Standard]) -> Catalogue:
    return Catalogue(standards, compute_vectors(standards))


def _store(catalogue: Catalogue) -> dict[str, int]:
    counts = replace_catalogue(catalogue.standards)
    counts["search vectors"] = replace_vectors(catalogue.vectors)
    return counts


def _parse_embedded(files: tuple[SourceFile, ...]) -> Catalogue:
    current_file, detail_file = files
    current = skills_england.parse_current_list(
        skills_england.load_json(current_file.content, source=current_file.label),
        source=current_file.label,
    )
    details = skills_england.parse_detail_records(
        skills_england.load_json(detail_file.content, source=detail_file.label),
        source=detail_file.label,
    )
    merged = skills_england.merge(current, details, sources=(current_file.label, detail_file.label))
    return _with_vectors(merged)


def embedded_plan(
    data_dir: Path, *, current_file: Path | None = None, detail_file: Path | None = None
) -> IngestPlan[Catalogue]:
    """The embedded default: the 2026 current list merged with the January 2023 full records."""
    current = current_file or data_dir / skills_england.CURRENT_FILE
    detail = detail_file or data_dir / skills_england.DETAIL_FILE
    files = (
        SourceFile.read(current, label=_label(current, data_dir)),
        SourceFile.read(detail, label=_label(detail, data_dir)),
    )
    return IngestPlan(
        dataset=DATASET,
        licence=skills_england.LICENCE,
        files=files,
        parse=_parse_embedded,
        store=_store,
        notes="Current list of April 2026 with KSBs from the January 2023 full records.",
    )


def api_plan(
    url: str = skills_england.API_URL,
    *,
    progress: ProgressCallback | None = None,
    timeout_s: float = 120.0,
    fetcher: Callable[..., Download] = fetch,
) -> IngestPlan[Catalogue]:
    """The live API: downloaded whole first, so a failed download changes nothing."""
    download = fetcher(url, timeout_s=timeout_s, progress=progress)
    files = (SourceFile(label=url, content=download.content),)

    def parse(files: tuple[SourceFile, ...]) -> Catalogue:
        payload = skills_england.load_json(files[0].content, source=url)
        return _with_vectors(skills_england.from_api_payload(payload, source=url))

    return IngestPlan(
        dataset=DATASET,
        licence=skills_england.LICENCE,
        files=files,
        parse=parse,
        store=_store,
        notes="Live Skills England API: newest version of each standard.",
    )


def _label(path: Path, data_dir: Path) -> str:
    try:
        return f"data/{path.resolve().relative_to(data_dir.resolve())}"
    except ValueError:
        return path.name
