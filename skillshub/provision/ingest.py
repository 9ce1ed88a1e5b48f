"""Ingest plans for provision: files an operator downloaded, or the live provider registers.

What ships: the higher education providers and teaching locations of Discover Uni
(``embedded_plan``, see ``skillshub.provision.discover_uni``); no courses. ``file_plan`` works
out which source each file is from by its content (course directory providers or courses CSV,
RoATP CSV, OfS register JSON/xlsx/CSV, FAT course-provider JSON, learning aim -> standard links,
the Discover Uni dataset zip), validates every file, places venues on the grid, then swaps each
source in atomically. An import replaces only the providers and offers of its own source, never
offers that providers published here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from skillshub.core.ingest import IngestPlan, SourceFile
from skillshub.provision import aim_links, discover_uni, store
from skillshub.provision.geocode import place_offers
from skillshub.provision.models import Offer, Source
from skillshub.settings import get_settings
from skillshub.sources import (
    course_directory,
    discover_uni_courses,
    fat_courses,
    ofs_register,
    roatp,
    tables,
)
from skillshub.sources.errors import SourceError
from skillshub.sources.http import Download, ProgressCallback, fetch

DATASET = "provision"
LICENCE = (
    "Open Government Licence v3.0 (Department for Education; Office for Students); "
    "Discover Uni data, Office for Students / HESA, with attribution"
)
COMMAND = "skillshub ingest provision --file PROVIDERS.csv --file COURSES.csv"


class Kind(StrEnum):
    COURSE_PROVIDERS = "course directory providers"
    COURSES = "course directory courses"
    ROATP = "RoATP register"
    OFS = "OfS register"
    FAT = "FAT course providers"
    AIM_LINKS = "learning aim to standard links"
    DISCOVER_UNI = "Discover Uni dataset"


_SOURCE = {
    Kind.COURSES: Source.COURSE_DIRECTORY,
    Kind.ROATP: Source.ROATP,
    Kind.OFS: Source.OFS,
    Kind.FAT: Source.FAT,
    Kind.DISCOVER_UNI: Source.DISCOVER_UNI,
}
_EXPECTED = (
    "the course directory providers or courses CSV (LiveCourseProvidersReport, "
    "LiveCoursesWithRegionsAndVenuesReport), the RoATP download (CSV), the OfS Register "
    "(JSON, .xlsx or CSV), FAT course-provider details (JSON) or a learning aim -> standard "
    "CSV (LEARN_AIM_REF, STANDARD_REFERENCE) or the Discover Uni dataset zip"
)


def _header(text: str, rows: int = 1) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text))
    found = []
    for _ in range(rows):
        try:
            found.append([cell.strip() for cell in next(reader)])
        except (StopIteration, csv.Error):
            break
    return found


def recognise(file: SourceFile) -> Kind:
    """Which source a file is from, by its content; raises SourceError naming what is expected."""
    data = file.content
    if data[:2] == b"PK":
        if discover_uni_courses.is_dataset_zip(data):
            return Kind.DISCOVER_UNI
        return Kind.OFS  # the only workbook any provision source publishes
    if data.lstrip()[:1] in (b"[", b"{"):
        payload = tables.load_json(data, source=file.label)
        records = [payload] if isinstance(payload, dict) else payload
        first = records[0] if isinstance(records, list) and records else {}
        keys = set(first) if isinstance(first, dict) else set()
        if {"Ukprn", "LegalName"} <= keys:
            return Kind.OFS
        if "ukprn" in keys and keys & {"courseName", "larsCode", "locations"}:
            return Kind.FAT
        raise SourceError(
            f"this JSON is not one of the files we can load: {_EXPECTED}", source=file.label
        )
    text = tables.decode_text(data, source=file.label)
    rows = _header(text, rows=5)
    names = [name.upper() for name in rows[0]] if rows else []
    if "PROVIDER_UKPRN" in names and {"DELIVER_MODE", "COURSE_NAME"} & set(names):
        return Kind.COURSES
    if "PROVIDER_UKPRN" in names and "PROVIDER_NAME" in names:
        return Kind.COURSE_PROVIDERS
    if "UKPRN" in names and "ORGANISATION NAME" in names:
        return Kind.ROATP
    if aim_links.is_aim_links_header(names):
        return Kind.AIM_LINKS
    if any(ofs_register.slug(cell) == "providers-ukprn" for row in rows for cell in row):
        return Kind.OFS
    raise SourceError(
        f"we cannot tell which source this file is from (its first row is "
        f"'{','.join(rows[0])[:80] if rows else ''}'). Expected {_EXPECTED}",
        source=file.label,
    )


@dataclass(frozen=True)
class ParsedProvision:
    batches: tuple[store.SourceBatch, ...]
    aim_links: tuple[tuple[str, str], ...] | None = None


def _course_directory(providers: SourceFile, courses: SourceFile) -> store.SourceBatch:
    provision = course_directory.parse_course_directory(
        providers.content,
        courses.content,
        providers_source=providers.label,
        courses_source=courses.label,
    )
    return store.SourceBatch(
        Source.COURSE_DIRECTORY,
        provision.providers,
        provision.offers,
        place_offers(provision.offers, provision.providers),
    )


def _fat(file: SourceFile) -> store.SourceBatch:
    payload = tables.load_json(file.content, source=file.label)
    provision, errors = fat_courses.parse_fat_courses(payload, source=file.label)
    tables.refuse_errors(errors, source=file.label)
    return store.SourceBatch(
        Source.FAT, provision.providers, provision.offers, place_offers(provision.offers)
    )


def _roatp(file: SourceFile) -> store.SourceBatch:
    entries, errors = roatp.parse_roatp(file.content, source=file.label)
    tables.refuse_errors(errors, source=file.label)
    return store.SourceBatch(Source.ROATP, tuple(entry.provider for entry in entries))


def _ofs(file: SourceFile) -> store.SourceBatch:
    entries = ofs_register.parse_ofs_register(file.content, source=file.label)
    return store.SourceBatch(Source.OFS, tuple(entry.provider for entry in entries))


def parse_files(files: Sequence[SourceFile]) -> ParsedProvision:
    """Recognise and validate every file; raises SourceError before anything is stored."""
    by_kind: dict[Kind, SourceFile] = {}
    for file in files:
        kind = recognise(file)
        if kind in by_kind:
            raise SourceError(
                f"two {kind} files were given ({by_kind[kind].label} and this one): give one",
                source=file.label,
            )
        by_kind[kind] = file
    if (Kind.COURSES in by_kind) != (Kind.COURSE_PROVIDERS in by_kind):
        given = by_kind.get(Kind.COURSES) or by_kind[Kind.COURSE_PROVIDERS]
        raise SourceError(
            "the course directory comes as two files, providers and courses, loaded together: "
            f"give both, as in `{COMMAND}`",
            source=given.label,
        )
    batches = []
    if Kind.COURSES in by_kind:
        batches.append(_course_directory(by_kind[Kind.COURSE_PROVIDERS], by_kind[Kind.COURSES]))
    readers: dict[Kind, Callable[[SourceFile], store.SourceBatch]] = {
        Kind.FAT: _fat,
        Kind.OFS: _ofs,
        Kind.ROATP: _roatp,
        Kind.DISCOVER_UNI: discover_uni.zip_batch,
    }
    batches += [read(by_kind[kind]) for kind, read in readers.items() if kind in by_kind]
    links = None
    if Kind.AIM_LINKS in by_kind:
        file = by_kind[Kind.AIM_LINKS]
        links = tuple(aim_links.parse_aim_links(file.content, source=file.label))
    return ParsedProvision(tuple(batches), links)


def store_provision(parsed: ParsedProvision) -> dict[str, int]:
    """Swap in each parsed source (inside run_ingest's transaction) and total the counts."""
    counts: dict[str, int] = {}
    for batch in parsed.batches:
        if batch.source is Source.DISCOVER_UNI:
            discover_uni.refuse_shrinking(batch, label="the Discover Uni zip")
        for name, count in store.replace_source(batch).items():
            counts[name] = counts.get(name, 0) + count
    if parsed.aim_links is not None:
        counts["learning aim links"] = store.replace_aim_links(parsed.aim_links)
    return counts


def _notes(files: Sequence[SourceFile]) -> str:
    kinds = []
    for file in files:
        try:
            kinds.append(f"{file.label}: {recognise(file)}")
        except SourceError:
            kinds.append(f"{file.label}: not recognised")
    return "Provision files loaded by an operator. " + "; ".join(kinds)


def embedded_plan(data_dir: Path) -> IngestPlan[store.SourceBatch]:
    """What ships: higher education providers and where they teach (Discover Uni, no courses)."""
    return discover_uni.embedded_plan(data_dir)


def file_plan(paths: list[Path]) -> IngestPlan[ParsedProvision]:
    """Files an operator downloaded (any mix of the recognised sources, each at most once)."""
    files = tuple(SourceFile.read(Path(path)) for path in paths)
    return _plan(files, notes=_notes(files))


def api_plan(
    url: str = "",
    *,
    progress: ProgressCallback | None = None,
    timeout_s: float = 120.0,
    fetcher: Callable[..., Download] = fetch,
) -> IngestPlan[ParsedProvision]:
    """The live registers (RoATP and OfS, no key needed), or one URL read like a file.

    For the FAT outer API give the ``courses/{larsCode}/providers/{ukprn}`` URL and set the
    subscription key in the SKILLSHUB_FAT_API_KEY environment variable.
    """
    urls = [url] if url else [roatp.DOWNLOAD_URL, ofs_register.API_URL]
    headers: dict[str, Any] = {}
    key = get_settings().fat_api_key.get_secret_value()
    if url and key:
        headers = {"Ocp-Apim-Subscription-Key": key}
    files = tuple(
        SourceFile(
            label=address,
            content=fetcher(
                address,
                timeout_s=timeout_s,
                progress=progress,
                **({"headers": headers} if headers else {}),
            ).content,
        )
        for address in urls
    )
    return _plan(files, notes="Downloaded from " + ", ".join(urls))


def _plan(files: tuple[SourceFile, ...], *, notes: str) -> IngestPlan[ParsedProvision]:
    return IngestPlan(
        dataset=DATASET,
        licence=LICENCE,
        files=files,
        parse=parse_files,
        store=store_provision,
        notes=notes,
        main_count="offers",
        held=_imported_offers,
    )


def _imported_offers() -> int:
    """Offers from imports (a load replaces only its own sources, so compare the whole)."""
    return Offer.objects.exclude(source=Source.PROVIDER).count()
