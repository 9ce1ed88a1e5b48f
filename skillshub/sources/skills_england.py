"""Skills England apprenticeship standards: January 2023 API records and the 2026 current list."""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from skillshub.domain.standards import (
    APPROVED,
    KSB_PREFIX,
    NOT_LISTED,
    Duty,
    Ksb,
    KsbKind,
    KsbOrigin,
    Standard,
)
from skillshub.sources.errors import SourceError
from skillshub.sources.http import ProgressCallback, fetch
from skillshub.sources.old_format_ksbs import ksbs_from_published_text

API_URL = "https://skillsengland.education.gov.uk/api/apprenticeshipstandards"
DETAIL_FILE = "skills_england/ifate_apprenticeship_standards_2023-01.json.gz"
CURRENT_FILE = "skills_england/ifate_relevant_standards.json.gz"
LICENCE = "Open Government Licence v3.0 (Crown copyright, Skills England / IfATE)"

REFERENCE_PATTERN = re.compile(r"^ST\d{4}$")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class CurrentEntry:
    """One row of the 2026 list: the authority for what is current and its headline facts."""

    reference: str
    lars_code: int | None
    title: str
    level: int
    route: str
    status: str
    typical_duration_months: int | None
    max_funding_gbp: int | None
    overview: str
    job_titles: tuple[str, ...]


def plain_text(value: str | None) -> str:
    """Strip HTML (which the API sometimes escapes twice) down to readable text."""
    if not value:
        return ""
    text = html.unescape(html.unescape(value))
    text = _TAG.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def load_json(raw: bytes, *, source: str) -> Any:
    """Parse JSON (gzipped or not), refusing objects with repeated keys."""
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as error:
            raise SourceError(f"the gzip data is damaged ({error})", source=source) from error

    def no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in pairs:
            if key in seen:
                raise SourceError(
                    f"the key '{key}' appears twice in one object", source=source, field=key
                )
            seen[key] = value
        return seen

    try:
        return json.loads(raw.decode("utf-8-sig"), object_pairs_hook=no_repeats)
    except UnicodeDecodeError as error:
        raise SourceError(f"the file is not UTF-8 text ({error})", source=source) from error
    except json.JSONDecodeError as error:
        raise SourceError(
            f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}",
            source=source,
        ) from error


class _Record:
    """Typed, located access to one JSON object so every problem names its record and field."""

    def __init__(self, raw: Any, *, source: str, index: int) -> None:
        self.source = source
        self.label: str | int = index
        if not isinstance(raw, dict):
            raise SourceError(
                f"expected an object, found {type(raw).__name__}", source=source, record=index
            )
        self.raw = raw
        reference = raw.get("referenceNumber")
        if isinstance(reference, str):
            self.label = f"{index} ({reference})"

    def fail(self, field: str, message: str) -> SourceError:
        return SourceError(message, source=self.source, record=self.label, field=field)

    def required_str(self, field: str) -> str:
        value = self.raw.get(field)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, f"a non-empty text value is required, found {value!r}")
        return value.strip()

    def optional_str(self, field: str) -> str:
        value = self.raw.get(field)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.fail(field, f"expected text, found {type(value).__name__}")
        return value

    def required_int(self, field: str, *, low: int, high: int) -> int:
        value = self.raw.get(field)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, f"a whole number is required, found {value!r}")
        if not low <= value <= high:
            raise self.fail(field, f"must be between {low} and {high}, found {value}")
        return value

    def optional_int(self, field: str) -> int | None:
        value = self.raw.get(field)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(field, f"expected a whole number of 0 or more, found {value!r}")
        return value

    def str_list(self, field: str) -> tuple[str, ...]:
        value = self.raw.get(field)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(field, "expected a list of text values")
        return tuple(item.strip() for item in value if item.strip())

    def object_list(self, field: str) -> list[dict[str, Any]]:
        value = self.raw.get(field)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.fail(field, "expected a list of objects")
        return value

    def reference(self) -> str:
        reference = self.required_str("referenceNumber")
        if not REFERENCE_PATTERN.match(reference):
            raise self.fail(
                "referenceNumber", f"expected a reference like ST0116, found {reference!r}"
            )
        return reference


def _iter_records(payload: Any, *, source: str) -> Iterable[_Record]:
    if not isinstance(payload, list):
        raise SourceError(
            f"expected a JSON array of standards, found {type(payload).__name__}", source=source
        )
    for index, raw in enumerate(payload):
        yield _Record(raw, source=source, index=index)


def parse_current_list(payload: Any, *, source: str) -> dict[str, CurrentEntry]:
    """Validate the 2026 list of current standards, keyed by reference."""
    entries: dict[str, CurrentEntry] = {}
    for record in _iter_records(payload, source=source):
        reference = record.reference()
        if reference in entries:
            raise record.fail("referenceNumber", f"{reference} is listed more than once")
        entries[reference] = CurrentEntry(
            reference=reference,
            lars_code=record.optional_int("larsCode"),
            title=record.required_str("title"),
            level=record.required_int("level", low=1, high=8),
            route=record.required_str("route"),
            status=record.required_str("status"),
            typical_duration_months=record.optional_int("typicalDuration"),
            max_funding_gbp=record.optional_int("maxFunding"),
            overview=plain_text(record.optional_str("overviewOfRole")),
            job_titles=record.str_list("typicalJobTitles"),
        )
    return entries


def _ksbs(record: _Record, field: str, text_field: str, kind: KsbKind) -> tuple[Ksb, ...]:
    prefix = KSB_PREFIX[kind]
    items = []
    for number, item in enumerate(record.object_list(field), start=1):
        detail = item.get(text_field)
        if not isinstance(detail, str):
            raise record.fail(f"{field}[{number - 1}].{text_field}", "expected text")
        items.append(Ksb(kind=kind, ref=f"{prefix}{number}", text=plain_text(detail)))
    return tuple(items)


def _ksb_ids(record: _Record) -> dict[str, str]:
    ids: dict[str, str] = {}
    for field, id_field, prefix in (
        ("knowledges", "knowledgeId", "K"),
        ("skills", "skillId", "S"),
        ("behaviours", "behaviourId", "B"),
    ):
        for number, item in enumerate(record.object_list(field), start=1):
            if isinstance(item.get(id_field), str):
                ids[item[id_field]] = f"{prefix}{number}"
    return ids


def _duties(record: _Record) -> tuple[Duty, ...]:
    ids = _ksb_ids(record)
    duties = []
    for number, item in enumerate(record.object_list("duties"), start=1):
        detail = item.get("dutyDetail")
        if not isinstance(detail, str):
            raise record.fail(f"duties[{number - 1}].dutyDetail", "expected text")
        mapped: list[str] = []
        for key in ("mappedKnowledge", "mappedSkills", "mappedBehaviour"):
            mapped.extend(ids[i] for i in item.get(key) or [] if isinstance(i, str) and i in ids)
        duties.append(
            Duty(
                ref=f"D{number}",
                text=plain_text(detail),
                ksb_refs=tuple(mapped),
                core=bool(item.get("isThisACoreDuty", 1)),
            )
        )
    return tuple(duties)


def _date(value: Any) -> date | None:
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def parse_detail_record(record: _Record) -> Standard:
    """Turn one API record into a Standard carrying its own (possibly dated) status."""
    knowledge = _ksbs(record, "knowledges", "detail", "knowledge")
    skills = _ksbs(record, "skills", "detail", "skill")
    behaviours = _ksbs(record, "behaviours", "detail", "behaviour")
    origin: KsbOrigin = "structured" if knowledge or skills or behaviours else "none"
    if origin == "none":
        parsed = ksbs_from_published_text(record.optional_str("standardInformation"))
        knowledge, skills, behaviours = parsed.knowledge, parsed.skills, parsed.behaviours
        if knowledge or skills or behaviours:
            origin = "published-text"
    job_titles = record.str_list("typicalJobTitles") or record.str_list("jobRoles")
    return Standard(
        reference=record.reference(),
        title=record.required_str("title"),
        level=record.required_int("level", low=1, high=8),
        status=record.required_str("status"),
        route=record.optional_str("route").strip(),
        lars_code=record.optional_int("larsCode"),
        pathway=record.optional_str("pathway").strip(),
        typical_duration_months=record.optional_int("typicalDuration"),
        max_funding_gbp=record.optional_int("maxFunding"),
        job_titles=job_titles,
        keywords=record.str_list("keywords"),
        overview=plain_text(record.optional_str("overviewOfRole")),
        occupation_summary=plain_text(record.optional_str("occupationalSummary")),
        entry_requirements=plain_text(record.optional_str("entryRequirements")),
        knowledge=knowledge,
        skills=skills,
        behaviours=behaviours,
        duties=_duties(record),
        detail_version=str(record.raw.get("version") or record.raw.get("versionNumber") or ""),
        detail_updated=_date(record.raw.get("lastUpdated")),
        ksb_origin=origin,
        integrated_degree=record.optional_str("integratedDegree"),
        regulated=bool(record.raw.get("regulated")),
        standard_page_url=record.optional_str("standardPageUrl"),
        assessment_plan_url=record.optional_str("assessmentPlanUrl"),
    )


def _newness(standard: Standard) -> tuple[tuple[int, ...], date]:
    numbers = tuple(int(part) for part in re.findall(r"\d+", standard.detail_version))
    return numbers, standard.detail_updated or date.min


def _version_key(standard: Standard) -> tuple[bool, tuple[tuple[int, ...], date]]:
    return standard.ksb_origin != "none", _newness(standard)


def parse_detail_records(payload: Any, *, source: str) -> list[Standard]:
    """Validate API records; keep one per (reference, LARS code, version)."""
    seen: set[tuple[str, int | None, str]] = set()
    standards = []
    for record in _iter_records(payload, source=source):
        standard = parse_detail_record(record)
        key = (standard.reference, standard.lars_code, standard.detail_version)
        if key in seen:
            raise record.fail(
                "referenceNumber",
                f"{standard.reference} version {standard.detail_version or '?'} appears twice",
            )
        seen.add(key)
        standards.append(standard)
    return standards


def latest_by_reference(details: Iterable[Standard]) -> dict[str, Standard]:
    """The most useful record of each reference: with KSBs first, then newest version."""
    best: dict[str, Standard] = {}
    for standard in details:
        current = best.get(standard.reference)
        if current is None or _version_key(standard) > _version_key(current):
            best[standard.reference] = standard
    return best


def merge(
    current: Mapping[str, CurrentEntry], details: Iterable[Standard], *, sources: tuple[str, ...]
) -> list[Standard]:
    """One catalogue: the current list decides status and headline facts, the records add detail."""
    by_reference = latest_by_reference(details)
    merged: list[Standard] = []
    for reference, entry in current.items():
        detail = by_reference.get(reference)
        base = detail or Standard(
            reference=reference,
            title=entry.title,
            level=entry.level,
            status=entry.status,
            route=entry.route,
        )
        merged.append(
            replace(
                base,
                title=entry.title,
                level=entry.level,
                status=entry.status,
                route=entry.route,
                lars_code=entry.lars_code if entry.lars_code is not None else base.lars_code,
                typical_duration_months=entry.typical_duration_months,
                max_funding_gbp=entry.max_funding_gbp,
                overview=entry.overview or base.overview,
                job_titles=entry.job_titles or base.job_titles,
                in_current_list=True,
                sources=sources,
            )
        )
    for reference, detail in by_reference.items():
        if reference in current:
            continue
        status = NOT_LISTED if detail.status == APPROVED else detail.status
        merged.append(replace(detail, status=status, in_current_list=False, sources=sources[1:]))
    return sorted(merged, key=lambda s: s.reference)


def from_api_payload(payload: Any, *, source: str) -> list[Standard]:
    """The live API lists every version: the newest version of each reference is the current one."""
    details = parse_detail_records(payload, source=source)
    newest: dict[str, Standard] = {}
    for standard in details:
        held = newest.get(standard.reference)
        if held is None or _newness(standard) > _newness(held):
            newest[standard.reference] = standard
    return sorted(
        (
            replace(
                s,
                in_current_list=s.status == APPROVED,
                detail_is_current_version=True,
                sources=(source,),
            )
            for s in newest.values()
        ),
        key=lambda s: s.reference,
    )


def read_default(data_dir: Path) -> list[Standard]:
    """The embedded catalogue: 2026 current list merged with the January 2023 full records."""
    current_path = data_dir / CURRENT_FILE
    detail_path = data_dir / DETAIL_FILE
    current = parse_current_list(
        load_json(current_path.read_bytes(), source=CURRENT_FILE), source=CURRENT_FILE
    )
    details = parse_detail_records(
        load_json(detail_path.read_bytes(), source=DETAIL_FILE), source=DETAIL_FILE
    )
    return merge(current, details, sources=(CURRENT_FILE, DETAIL_FILE))


def fetch_from_api(
    url: str = API_URL,
    *,
    progress: ProgressCallback | None = None,
    fetcher: Callable[..., Any] = fetch,
    timeout_s: float = 120.0,
) -> tuple[list[Standard], bytes]:
    """Download every standard from the live API and validate it; return standards and bytes."""
    download = fetcher(url, timeout_s=timeout_s, progress=progress)
    payload = load_json(download.content, source=url)
    return from_api_payload(payload, source=url), download.content
