"""Reading and validating the Skills England API records and the apprenticeship units list."""

from __future__ import annotations

import copy
import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from skillshub.domain.standards import APPROVED
from skillshub.sources import skills_england as se
from skillshub.sources.errors import SourceError
from skillshub.sources.http import Download
from tests import embedded

FIXTURES = Path(__file__).parent.parent / "fixtures" / "skills_england"
DATA = Path(__file__).resolve().parents[2] / "data"


def payload() -> dict[str, Any]:
    return json.loads(gzip.decompress((FIXTURES / "catalogue_sample.json.gz").read_bytes()))


def units() -> list:
    raw = (FIXTURES / "apprenticeship_units.csv").read_bytes()
    return se.parse_units_csv(raw, source="units.csv")


def catalogue(data: Any = None) -> Any:
    return se.from_api_payload(data or payload(), source="sample.json", units=units())


def shown() -> dict[str, Any]:
    return {s.reference: s for s in catalogue().shown}


def test_the_highest_approved_version_is_shown_not_a_newer_draft() -> None:
    by_ref = shown()
    vision = by_ref["ST0431"]  # 2.0 is in development, 1.2 approved
    assert (vision.detail_version, vision.status) == ("1.2", APPROVED)
    assert vision.is_current
    legal = by_ref["ST1312"]
    assert legal.detail_version == "2.0"
    cellular = by_ref["ST1299"]
    assert cellular.detail_version == "1.1"
    assert len(cellular.knowledge) == 44
    assert (len(cellular.skills), len(cellular.behaviours)) == (28, 6)


def test_a_reference_with_no_approved_version_shows_its_last_published_one() -> None:
    marketer = shown()["ST0122"]
    assert marketer.status == "Retired"
    assert marketer.detail_version == "1.1"
    assert not marketer.is_current


def test_every_version_is_kept_in_order() -> None:
    versions = [v for v in catalogue().versions if v.reference == "ST0154"]
    assert [v.detail_version for v in versions] == ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
    assert sum(v.status == APPROVED for v in versions) == 1


def test_newer_fields_are_read() -> None:
    cellular = shown()["ST1299"]
    assert cellular.occupation_code == "OCC1299"
    assert cellular.minimum_off_the_job_hours == 626  # the API writes it as text
    assert cellular.epa_period_months == 6
    assert cellular.cluster == "Utilities installation and maintenance advanced technician"
    assert cellular.sector_subject_area == "4.1 Engineering"
    assert cellular.approved_on is not None
    assert cellular.starts_paused is False


def test_foundation_apprenticeships_read_their_own_ksb_fields_and_duplicates_are_dropped() -> None:
    result = catalogue()
    assert result.duplicates_dropped == 1  # "FA0005 " (trailing space) is a stale copy
    software = {s.reference: s for s in result.shown}["FA0005"]
    assert software.kind == "foundation"
    assert software.kind_name == "Foundation apprenticeship"
    assert software.level == 2
    assert software.minimum_off_the_job_hours == 187
    assert software.knowledge and software.skills and software.behaviours
    # Related occupations resolve to the standards in this sample that carry those codes.
    assert "ST0128" in software.related_standards
    assert all(ref.startswith("ST") for ref in software.related_standards)


def test_units_come_from_the_units_list_with_hours_funding_and_related_standards() -> None:
    by_ref = shown()
    unit = by_ref["AU0001"]
    assert unit.kind == "unit"
    assert unit.existing_employees_only
    assert (unit.level, unit.minimum_off_the_job_hours, unit.max_funding_gbp) == (2, 140, 3200)
    assert unit.related_standards == ("ST0265",)
    assert unit.is_current
    assert not by_ref["AU0002"].is_current  # withdrawn
    assert by_ref["AU0009"].related_standards == ("ST1512", "ST0272", "ST0480", "ST1398")


def test_duties_keep_their_ksb_mapping() -> None:
    with_duties = [s for s in catalogue().versions if s.duties]
    assert with_duties
    for standard in with_duties:
        refs = {k.ref for k in standard.ksbs}
        for duty in standard.duties:
            assert set(duty.ksb_refs) <= refs
    assert any(d.ksb_refs for s in with_duties for d in s.duties)


def test_html_is_stripped_from_text() -> None:
    assert se.plain_text("&lt;p&gt;Build &amp;amp; test&lt;/p&gt;") == "Build & test"


def _approved_index(data: dict[str, Any]) -> int:
    return next(i for i, r in enumerate(data["records"]) if r["status"] == APPROVED)


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda r: r.pop("title"), "title"),
        (lambda r: r.__setitem__("level", "four"), "level"),
        (lambda r: r.__setitem__("level", 0), "level"),
        (lambda r: r.__setitem__("referenceNumber", "XX12"), "referenceNumber"),
        (lambda r: r.__setitem__("typicalJobTitles", "Engineer"), "typicalJobTitles"),
        (lambda r: r.__setitem__("maxFunding", -3), "maxFunding"),
        (lambda r: r.__setitem__("minimumHoursForCompliance", "many"), "minimumHoursForCompliance"),
        (
            lambda r: r.__setitem__("approvedForDeliveryPausedStarts", "no"),
            "approvedForDeliveryPausedStarts",
        ),
    ],
)
def test_malformed_approved_record_names_record_and_field(
    mutate: Callable[[dict[str, Any]], object], field: str
) -> None:
    data = payload()
    index = _approved_index(data)
    mutate(data["records"][index])
    with pytest.raises(SourceError) as caught:
        se.parse_records(data, source="sample.json")
    assert caught.value.source == "sample.json"
    assert caught.value.field == field
    assert str(caught.value.record).startswith(str(index))
    assert "sample.json" in str(caught.value)


def test_drafts_may_hold_placeholders() -> None:
    data = payload()
    draft = next(r for r in data["records"] if r["status"] == "In development")
    draft["maxFunding"] = -3
    draft["level"] = 0
    read, _ = se.parse_records(data, source="sample.json")
    kept = next(
        s
        for s in read
        if s.reference == draft["referenceNumber"].strip() and s.status == "In development"
    )
    assert kept.max_funding_gbp is None


def test_malformed_ksb_list_names_the_field() -> None:
    data = payload()
    index = next(i for i, r in enumerate(data["records"]) if r.get("knowledges"))
    data["records"][index]["knowledges"][0]["detail"] = 42
    with pytest.raises(SourceError) as caught:
        se.parse_records(data, source="sample.json")
    assert caught.value.field == "knowledges[0].detail"


def test_bad_json_and_repeated_keys_are_refused() -> None:
    with pytest.raises(SourceError, match="not valid JSON at line 1"):
        se.load_json(b'[{"title": ', source="x.json")
    with pytest.raises(SourceError, match="appears twice") as caught:
        se.load_json(b'[{"title": "a", "title": "b"}]', source="x.json")
    assert caught.value.field == "title"
    with pytest.raises(SourceError, match="gzip data is damaged"):
        se.load_json(gzip.compress(b"[]")[:-6], source="x.json.gz")
    with pytest.raises(SourceError, match="expected a JSON array"):
        se.parse_records({"a": 1}, source="x.json")


def test_the_live_api_array_and_the_snapshot_read_the_same() -> None:
    data = payload()
    as_array = copy.deepcopy(data["records"])
    assert (
        se.from_api_payload(as_array, source="s").shown
        == se.from_api_payload(data, source="s").shown
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"referenceNumber,title\nAU0001,x\n", "lacks the column"),
        (b"\x00\x01", "NUL bytes"),
        (b"\xff\xfe\xfa", "not UTF-8"),
    ],
)
def test_a_broken_units_file_is_refused(content: bytes, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        se.parse_units_csv(content, source="units.csv")


def test_a_unit_listed_twice_is_refused() -> None:
    lines = (FIXTURES / "apprenticeship_units.csv").read_bytes().splitlines(keepends=True)
    with pytest.raises(SourceError, match="more than once") as caught:
        se.parse_units_csv(b"".join([*lines, lines[1]]), source="units.csv")
    assert caught.value.field == "referenceNumber"


def test_fetch_from_api_validates_what_it_downloads() -> None:
    body = json.dumps(payload()["records"]).encode()

    def fetcher(url: str, **kwargs: object) -> Download:
        return Download(url=url, content=body, content_type="application/json")

    result, raw = se.fetch_from_api("https://api.example/standards", fetcher=fetcher)
    assert raw == body
    assert {s.reference for s in result.shown} >= {"ST0116", "ST0155", "FA0001"}

    def broken(url: str, **kwargs: object) -> Download:
        return Download(url=url, content=b"<html>maintenance</html>", content_type="text/html")

    with pytest.raises(SourceError, match="not valid JSON"):
        se.fetch_from_api("https://api.example/standards", fetcher=broken)


@pytest.mark.data
def test_embedded_default_catalogue_has_the_current_offer() -> None:
    products = embedded.standards()
    current = [s for s in products if s.is_current]
    assert sum(s.kind == "standard" for s in current) == 714
    assert sum(s.kind == "foundation" for s in current) == 9
    assert {s.reference for s in current if s.kind == "unit"} >= {"AU0001", "AU0011"}
    routes = {s.route for s in current}
    assert {
        "Hair and beauty",
        "Protective services",
        "Agriculture, environmental and animal care",
    } <= routes
    by_ref = {s.reference: s for s in products}
    assert len(by_ref["ST1299"].knowledge) >= 40
    assert by_ref["ST0385"].is_current and by_ref["ST0385"].ksbs
    assert sum(1 for s in current if s.kind == "standard" and not s.ksbs) == 0
