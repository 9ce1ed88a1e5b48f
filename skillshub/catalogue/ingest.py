"""Ingest plans for the apprenticeship catalogue: the embedded snapshot, downloaded files or the
live Skills England API, all read by the one API-format reader."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from skillshub.catalogue.esco import (
    esco_files,
    map_catalogue,
    replace_mapping,
    vocabulary_from_file,
)
from skillshub.catalogue.families import relate_catalogue, replace_relations
from skillshub.catalogue.matching import compute_vectors, prepare_index, replace_vectors
from skillshub.catalogue.store import replace_catalogue
from skillshub.core.ingest import IngestPlan, SourceFile
from skillshub.domain.esco_mapping import EscoMatch, EscoVocabulary
from skillshub.domain.families import Relations
from skillshub.domain.search import CatalogueVectors
from skillshub.domain.standards import Catalogue, Standard
from skillshub.settings import get_settings
from skillshub.sources import esco, skills_england
from skillshub.sources.errors import SourceError
from skillshub.sources.http import Download, ProgressCallback, fetch

DATASET = "standards"
MIN_CURRENT = 1
"""A catalogue with no current product is refused: it would empty every search."""


@dataclass(frozen=True)
class Prepared:
    """A validated catalogue and its search vectors, ready to swap in."""

    catalogue: Catalogue
    vectors: CatalogueVectors
    relations: Relations | None = None
    esco: dict[str, list[tuple[str, tuple[EscoMatch, ...]]]] | None = None
    vocabulary: EscoVocabulary | None = None


def _store(prepared: Prepared) -> dict[str, int]:
    counts = replace_catalogue(prepared.catalogue)
    counts["search vectors"] = replace_vectors(prepared.vectors)
    counts["families"] = replace_relations(prepared.relations, prepared.catalogue.shown)
    counts["KSBs mapped to ESCO"] = replace_mapping(prepared.esco, prepared.vocabulary)
    return counts


def _parse(files: tuple[SourceFile, ...]) -> Prepared:
    """API-format JSON files (the records of every version) and units CSV files, read as one;
    the ESCO skills file, when given, to map the knowledge and skills onto."""
    records: list[Standard] = []
    units: list[Standard] = []
    esco_file: SourceFile | None = None
    dropped = 0
    for file in files:
        if file.label.endswith(esco.SKILLS_FILE.name):
            esco_file = file
            continue
        if file.label.lower().endswith(".csv"):
            units.extend(skills_england.parse_units_csv(file.content, source=file.label))
            continue
        payload = skills_england.load_json(file.content, source=file.label)
        read, duplicates = skills_england.parse_records(payload, source=file.label)
        records.extend(read)
        dropped += duplicates
    catalogue = skills_england.build_catalogue(records, units=units, duplicates_dropped=dropped)
    current = [s for s in catalogue.shown if s.is_current]
    if len(current) < MIN_CURRENT:
        raise SourceError(
            f"no standard in it is approved for delivery ({len(catalogue.shown)} references "
            "read); loading it would empty the catalogue, so nothing was changed",
            source=", ".join(f.label for f in files),
        )
    # Retired products are indexed too (a next step can start from one); search skips them.
    vectors = compute_vectors(catalogue.shown)
    preset_name = get_settings().search_preset
    relations = relate_catalogue(catalogue.shown, vectors, preset_name=preset_name)
    vocabulary = (
        vocabulary_from_file(esco_file.content, label=esco_file.label, preset_name=preset_name)
        if esco_file is not None
        else None
    )
    mapping = map_catalogue(
        catalogue.shown, vectors, preset_name=preset_name, vocabulary=vocabulary
    )
    return Prepared(catalogue, vectors, relations, mapping, vocabulary)


def _plan(files: Sequence[SourceFile], notes: str) -> IngestPlan[Prepared]:
    return IngestPlan(
        dataset=DATASET,
        licence=skills_england.LICENCE,
        files=tuple(files),
        parse=_parse,
        store=_store,
        notes=notes,
        # Servers switch to the new catalogue when its index cache is complete, never building
        # one inside a request.
        after_commit=prepare_index,
    )


def embedded_plan(
    data_dir: Path, *, catalogue_file: Path | None = None, units_file: Path | None = None
) -> IngestPlan[Prepared]:
    """The embedded default: the 22 Aug 2026 API snapshot and the apprenticeship units list."""
    paths = [
        catalogue_file or data_dir / skills_england.CATALOGUE_FILE,
        units_file or data_dir / skills_england.UNITS_FILE,
    ]
    return _plan(
        [SourceFile.read(path, label=_label(path, data_dir)) for path in paths]
        + esco_files(data_dir),
        "Skills England API records of 22 Aug 2026 (every version) and the units list.",
    )


def file_plan(paths: Sequence[Path]) -> IngestPlan[Prepared]:
    """Files an operator downloaded: the API's JSON (every version) and, optionally, a units CSV
    (with the embedded ESCO skills, to map their knowledge and skills)."""
    return _plan(
        [SourceFile.read(path) for path in paths] + esco_files(get_settings().data_dir),
        "Downloaded Skills England API records.",
    )


def api_plan(
    url: str = skills_england.API_URL,
    *,
    progress: ProgressCallback | None = None,
    timeout_s: float = 120.0,
    fetcher: Callable[..., Download] = fetch,
    data_dir: Path | None = None,
) -> IngestPlan[Prepared]:
    """The live API, downloaded whole first so a failed download changes nothing. The units list
    of the embedded data is kept beside it (the API's own AU records win where it has them)."""
    download = fetcher(url, timeout_s=timeout_s, progress=progress)
    folder = data_dir or get_settings().data_dir
    units = folder / skills_england.UNITS_FILE
    files = [SourceFile(label=url, content=download.content)]
    if units.exists():
        files.append(SourceFile.read(units, label=_label(units, folder)))
    files += esco_files(folder)
    return _plan(files, "Live Skills England API: every version of every standard.")


def _label(path: Path, data_dir: Path) -> str:
    try:
        return f"data/{path.resolve().relative_to(data_dir.resolve())}"
    except ValueError:
        return path.name
