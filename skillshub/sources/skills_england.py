"""Skills England apprenticeship products: the API's per-version records and the units list."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from skillshub.domain.standards import (
    APPROVED,
    KSB_PREFIX,
    Catalogue,
    Duty,
    Ksb,
    KsbKind,
    KsbOrigin,
    Standard,
    choose_shown_version,
    version_order,
)
from skillshub.sources.errors import SourceError
from skillshub.sources.http import ProgressCallback, fetch
from skillshub.sources.limits import maybe_gunzip, refuse_escaped_nul, refuse_nul
from skillshub.sources.old_format_ksbs import ksbs_from_published_text

API_URL = "https://skillsengland.education.gov.uk/api/apprenticeshipstandards"
CATALOGUE_FILE = "skills_england/skills_england_standards_2026-08-22.json.gz"
UNITS_FILE = "skills_england/apprenticeship_units_2026_metadata.csv"
LICENCE = "Open Government Licence v3.0 (Crown copyright, Skills England / IfATE)"

REFERENCE_PATTERN = re.compile(r"^(ST|FA|AU)\d{4}$")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_WHOLE_NUMBER = re.compile(r"^\d+$")


def plain_text(value: str | None) -> str:
    """Strip HTML (which the API sometimes escapes twice) down to readable text."""
    if not value:
        return ""
    text = html.unescape(html.unescape(value))
    text = _TAG.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def load_json(raw: bytes, *, source: str) -> Any:
    """Parse JSON (gzipped or not, within the size limit), refusing objects with repeated keys
    and NUL characters."""
    raw = maybe_gunzip(raw, source=source)
    refuse_nul(raw, source=source)

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
        text = raw.decode("utf-8-sig")
        refuse_escaped_nul(text, source=source)
        return json.loads(text, object_pairs_hook=no_repeats)
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
        self.draft = raw.get("status") != APPROVED
        """Records not approved for delivery are drafts or history: placeholders are tolerated."""
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
        """A whole number; the API writes some as text ("626"), and empty text means none."""
        value = self.raw.get(field)
        if isinstance(value, str):
            value = value.strip()
            if value == "":
                return None
            if _WHOLE_NUMBER.match(value):
                value = int(value)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value < 0 and self.draft:
            return None  # drafts hold placeholders such as maxFunding -3
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(field, f"expected a whole number of 0 or more, found {value!r}")
        return value

    def optional_bool(self, field: str) -> bool:
        value = self.raw.get(field)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(field, f"expected true or false, found {value!r}")
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
        # Stale copies of some foundation apprenticeships carry a trailing space ("FA0005 ").
        reference = self.required_str("referenceNumber").strip()
        if not REFERENCE_PATTERN.match(reference):
            raise self.fail(
                "referenceNumber",
                f"expected a reference like ST0116, FA0001 or AU0001, found {reference!r}",
            )
        return reference


def _iter_records(payload: Any, *, source: str) -> Iterable[_Record]:
    """The live API answers a JSON array; the embedded snapshot wraps it as {meta, records}."""
    if isinstance(payload, dict) and isinstance(payload.get("records"), list):
        payload = payload["records"]
    if not isinstance(payload, list):
        raise SourceError(
            f"expected a JSON array of standards, found {type(payload).__name__}", source=source
        )
    for index, raw in enumerate(payload):
        yield _Record(raw, source=source, index=index)


# Standards name their KSB lists knowledges/skills/behaviours; foundation apprenticeships name
# them technicalKnowledges/technicalSkills/employabilitySkillsAndBehaviours.
_KSB_FIELDS: tuple[tuple[KsbKind, tuple[str, ...], str], ...] = (
    ("knowledge", ("knowledges", "technicalKnowledges"), "knowledgeId"),
    ("skill", ("skills", "technicalSkills"), "skillId"),
    ("behaviour", ("behaviours", "employabilitySkillsAndBehaviours"), "behaviourId"),
)


def _ksb_items(record: _Record, names: tuple[str, ...]) -> tuple[str, list[dict[str, Any]]]:
    for name in names:
        items = record.object_list(name)
        if items:
            return name, items
    return names[0], []


def _ksbs(record: _Record) -> tuple[dict[KsbKind, tuple[Ksb, ...]], dict[str, str]]:
    """Each KSB list numbered as Skills England numbers it, and a map from KSB id to K1/S1/B1."""
    lists: dict[KsbKind, tuple[Ksb, ...]] = {}
    ids: dict[str, str] = {}
    for kind, names, id_field in _KSB_FIELDS:
        field, items = _ksb_items(record, names)
        prefix = KSB_PREFIX[kind]
        parsed = []
        for number, item in enumerate(items, start=1):
            detail = item.get("detail")
            if not isinstance(detail, str):
                raise record.fail(f"{field}[{number - 1}].detail", "expected text")
            ref = f"{prefix}{number}"
            parsed.append(Ksb(kind=kind, ref=ref, text=plain_text(detail)))
            identifier = item.get(id_field, item.get("id"))
            if isinstance(identifier, str):
                ids[identifier] = ref
        lists[kind] = tuple(parsed)
    return lists, ids


def _duties(record: _Record, ids: dict[str, str]) -> tuple[Duty, ...]:
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


def _related_occupations(record: _Record) -> tuple[str, ...]:
    """Occupation codes (OCC1020) a foundation apprenticeship leads to; resolved to standards
    by build_catalogue, since each standard carries its own occupation code."""
    codes = []
    for item in record.object_list("relatedOccupations"):
        code = item.get("reference")
        if isinstance(code, str) and code.strip():
            codes.append(code.strip())
    return tuple(codes)


def parse_record(record: _Record) -> Standard:
    """Turn one API record (one version of one product) into a Standard."""
    lists, ids = _ksbs(record)
    knowledge, skills, behaviours = lists["knowledge"], lists["skill"], lists["behaviour"]
    origin: KsbOrigin = "structured" if knowledge or skills or behaviours else "none"
    if origin == "none":
        parsed = ksbs_from_published_text(record.optional_str("standardInformation"))
        knowledge, skills, behaviours = parsed.knowledge, parsed.skills, parsed.behaviours
        if knowledge or skills or behaviours:
            origin = "published-text"
    job_titles = record.str_list("typicalJobTitles") or record.str_list("jobRoles")
    page = record.optional_str("standardPageUrl") or record.optional_str(
        "foundationApprenticeshipUrl"
    )
    status = record.required_str("status")
    # Withdrawn drafts carry level 0 ("not set"); anything approved must have a real level.
    level = record.required_int("level", low=0 if record.draft else 1, high=8)
    return Standard(
        reference=record.reference(),
        title=record.required_str("title"),
        level=level,
        status=status,
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
        duties=_duties(record, ids),
        detail_version=str(record.raw.get("version") or record.raw.get("versionNumber") or ""),
        detail_updated=_date(record.raw.get("lastUpdated")),
        ksb_origin=origin,
        integrated_degree=record.optional_str("integratedDegree"),
        regulated=bool(record.raw.get("regulated")),
        standard_page_url=page,
        assessment_plan_url=record.optional_str("assessmentPlanUrl"),
        occupation_code=record.optional_str("occupationCode").strip(),
        cluster=record.optional_str("cluster").strip(),
        sector_subject_area=(
            record.optional_str("ssa2").strip() or record.optional_str("ssa1").strip()
        ),
        minimum_off_the_job_hours=record.optional_int("minimumHoursForCompliance") or None,
        epa_period_months=record.optional_int("ePALength") or None,
        starts_paused=record.optional_bool("approvedForDeliveryPausedStarts"),
        approved_on=_date(record.raw.get("approvedForDelivery")),
        earliest_start=_date(record.raw.get("earliestStartDate")),
        latest_start=_date(record.raw.get("latestStartDate")),
        change_note=record.optional_str("change").strip(),
        related_standards=_related_occupations(record),
    )


def parse_records(payload: Any, *, source: str) -> tuple[list[Standard], int]:
    """Validate API records, one per (reference, version). Where the API holds two copies of one
    version (it does for FA0005 and FA0007), keep the later-updated; return how many it dropped."""
    kept: dict[tuple[str, str], Standard] = {}
    dropped = 0
    for record in _iter_records(payload, source=source):
        standard = parse_record(record)
        key = (standard.reference, standard.detail_version)
        held = kept.get(key)
        if held is not None:
            dropped += 1
            if (held.detail_updated or date.min) >= (standard.detail_updated or date.min):
                continue
        kept[key] = replace(standard, sources=(source,))
    return list(kept.values()), dropped


UNIT_COLUMNS = (
    "referenceNumber",
    "title",
    "level",
    "route",
    "status",
    "minimumHoursForCompliance",
    "maxFunding",
    "approvedForDelivery",
    "earliestStartDate",
    "lastUpdated",
    "related_standards",
)


def parse_units_csv(raw: bytes, *, source: str) -> list[Standard]:
    """The apprenticeship units list (metadata only: title, level, hours, funding, related
    standards); its knowledge and skills statements are not in this file."""
    if b"\x00" in raw:
        raise SourceError("the file contains NUL bytes; it is not a text CSV", source=source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"the file is not UTF-8 text ({error})", source=source) from error
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in UNIT_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise SourceError(
            f"the header lacks the column(s) {', '.join(missing)}; "
            f"expected {', '.join(UNIT_COLUMNS)}",
            source=source,
        )
    units: dict[str, Standard] = {}
    for line, row in enumerate(reader, start=2):
        record = _Record(
            {
                **row,
                "level": int(row["level"]) if row["level"].strip().isdigit() else row["level"],
                "version": "1.0",
            },
            source=source,
            index=line,
        )
        unit = parse_record(record)
        if unit.reference in units:
            raise record.fail("referenceNumber", f"{unit.reference} is listed more than once")
        related = tuple(r.strip() for r in row["related_standards"].split(";") if r.strip())
        units[unit.reference] = replace(unit, related_standards=related, sources=(source,))
    return list(units.values())


def build_catalogue(
    records: Iterable[Standard], *, units: Iterable[Standard] = (), duplicates_dropped: int = 0
) -> Catalogue:
    """Choose the shown version per reference and resolve foundation apprenticeships' related
    occupations to the current standards with those occupation codes. Units from the API
    (AU records) win over the units list."""
    versions = list(records)
    by_reference: dict[str, list[Standard]] = defaultdict(list)
    for version in versions:
        by_reference[version.reference].append(version)
    for unit in units:
        if unit.reference not in by_reference:
            versions.append(unit)
            by_reference[unit.reference].append(unit)
    shown = {ref: choose_shown_version(held) for ref, held in by_reference.items()}
    standard_for_occupation = {
        s.occupation_code: s.reference
        for s in shown.values()
        if s.kind == "standard" and s.occupation_code and s.is_current
    }

    def resolved(standard: Standard) -> Standard:
        if standard.kind != "foundation":
            return standard
        related = tuple(
            standard_for_occupation[code]
            for code in standard.related_standards
            if code in standard_for_occupation
        )
        return replace(standard, related_standards=tuple(dict.fromkeys(related)))

    versions = sorted(
        (resolved(v) for v in versions),
        key=lambda v: (v.reference, version_order(v.detail_version, v.detail_updated)),
    )
    return Catalogue(
        shown=sorted((resolved(s) for s in shown.values()), key=lambda s: s.reference),
        versions=versions,
        duplicates_dropped=duplicates_dropped,
    )


def from_api_payload(payload: Any, *, source: str, units: Iterable[Standard] = ()) -> Catalogue:
    """The API's per-version records (live, or the embedded snapshot) as one catalogue."""
    records, dropped = parse_records(payload, source=source)
    return build_catalogue(records, units=units, duplicates_dropped=dropped)


def read_default(data_dir: Path) -> list[Standard]:
    """The embedded catalogue (22 Aug 2026 snapshot plus the units list): the shown versions."""
    units = parse_units_csv((data_dir / UNITS_FILE).read_bytes(), source=UNITS_FILE)
    payload = load_json((data_dir / CATALOGUE_FILE).read_bytes(), source=CATALOGUE_FILE)
    return from_api_payload(payload, source=CATALOGUE_FILE, units=units).shown


def fetch_from_api(
    url: str = API_URL,
    *,
    progress: ProgressCallback | None = None,
    fetcher: Callable[..., Any] = fetch,
    timeout_s: float = 120.0,
) -> tuple[Catalogue, bytes]:
    """Download every standard from the live API and validate it; return the catalogue and bytes."""
    download = fetcher(url, timeout_s=timeout_s, progress=progress)
    payload = load_json(download.content, source=url)
    return from_api_payload(payload, source=url), download.content
