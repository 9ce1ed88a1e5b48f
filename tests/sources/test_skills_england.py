"""Reading, validating and merging the Skills England standards files."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from skillshub.domain.standards import APPROVED, NOT_LISTED
from skillshub.sources import skills_england as se
from skillshub.sources.errors import SourceError
from skillshub.sources.http import Download

FIXTURES = Path(__file__).parent.parent / "fixtures" / "skills_england"


def current() -> list[dict]:
    return json.loads((FIXTURES / "current_list.json").read_text())


def details() -> list[dict]:
    return json.loads((FIXTURES / "full_records.json").read_text())


def merged() -> list:
    cur = se.parse_current_list(current(), source="current.json")
    det = se.parse_detail_records(details(), source="full.json")
    return se.merge(cur, det, sources=("current.json", "full.json"))


def test_current_list_is_the_authority_for_status_and_headline_facts() -> None:
    by_ref = {s.reference: s for s in merged()}
    software = by_ref["ST0116"]
    assert software.title == "Software developer"
    assert software.level == 4
    assert software.status == APPROVED  # retired in 2023 records, current in the 2026 list
    assert software.is_current
    assert software.detail_may_be_older


def test_old_format_ksbs_are_recovered_and_numbered() -> None:
    software = {s.reference: s for s in merged()}["ST0116"]
    assert software.ksb_origin == "published-text"
    assert [k.ref for k in software.knowledge][:2] == ["K1", "K2"]
    assert software.knowledge[0].text.startswith("Understands and operates at all stages")
    assert software.skills and software.behaviours


def test_structured_ksbs_and_duties_keep_their_mapping() -> None:
    gas = {s.reference: s for s in merged()}["ST0155"]
    assert gas.ksb_origin in {"structured", "published-text"}
    with_duties = [s for s in merged() if s.duties]
    assert with_duties
    for standard in with_duties:
        refs = {k.ref for k in standard.ksbs}
        for duty in standard.duties:
            assert set(duty.ksb_refs) <= refs


def test_standard_absent_from_current_list_is_not_current() -> None:
    others = [s for s in merged() if not s.in_current_list]
    assert others
    assert all(not s.is_current for s in others)
    assert all(s.status != APPROVED for s in others)
    assert {s.status for s in others} <= {NOT_LISTED, "Retired", "Withdrawn"}


def test_html_is_stripped_from_text() -> None:
    assert se.plain_text("&lt;p&gt;Build &amp;amp; test&lt;/p&gt;") == "Build & test"


@pytest.mark.parametrize(
    ("mutate", "field", "record"),
    [
        (lambda rows: rows[1].pop("title"), "title", "1 (ST"),
        (lambda rows: rows[2].__setitem__("level", "four"), "level", "2 (ST"),
        (lambda rows: rows[0].__setitem__("referenceNumber", "XX12"), "referenceNumber", "0"),
        (
            lambda rows: rows[3].__setitem__("typicalJobTitles", "Engineer"),
            "typicalJobTitles",
            "3 (ST",
        ),
        (lambda rows: rows.append(dict(rows[0])), "referenceNumber", f"{10} (ST"),
    ],
)
def test_malformed_current_list_names_record_and_field(mutate, field, record) -> None:  # type: ignore[no-untyped-def]
    rows = current()
    mutate(rows)
    with pytest.raises(SourceError) as caught:
        se.parse_current_list(rows, source="current.json")
    assert caught.value.source == "current.json"
    assert caught.value.field == field
    assert str(caught.value.record).startswith(record)
    assert "current.json" in str(caught.value)


def test_malformed_ksb_list_names_the_field() -> None:
    rows = details()
    index = next(i for i, r in enumerate(rows) if r["knowledges"])
    rows[index]["knowledges"][0]["detail"] = 42
    with pytest.raises(SourceError) as caught:
        se.parse_detail_records(rows, source="full.json")
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
        se.parse_current_list({"a": 1}, source="x.json")


def test_live_api_keeps_newest_version_of_each_standard() -> None:
    rows = details()
    first = next(r for r in rows if r["knowledges"])
    older = dict(first, version="0.9", versionNumber="0.9", status="Retired")
    standards = se.from_api_payload([older, first], source="https://api.example")
    chosen = next(s for s in standards if s.reference == first["referenceNumber"])
    assert chosen.detail_version == first["version"]
    assert chosen.detail_is_current_version
    assert not chosen.detail_may_be_older


def test_fetch_from_api_validates_what_it_downloads() -> None:
    body = json.dumps(details()).encode()

    def fetcher(url: str, **kwargs) -> Download:  # type: ignore[no-untyped-def]
        return Download(url=url, content=body, content_type="application/json")

    standards, raw = se.fetch_from_api("https://api.example/standards", fetcher=fetcher)
    assert raw == body
    assert {s.reference for s in standards} >= {"ST0116", "ST0155"}

    def broken(url: str, **kwargs) -> Download:  # type: ignore[no-untyped-def]
        return Download(url=url, content=b"<html>maintenance</html>", content_type="text/html")

    with pytest.raises(SourceError, match="not valid JSON"):
        se.fetch_from_api("https://api.example/standards", fetcher=broken)


def test_embedded_default_catalogue_has_the_current_standards() -> None:
    data_dir = Path(__file__).resolve().parents[2] / "data"
    standards = se.read_default(data_dir)
    current_standards = [s for s in standards if s.is_current]
    assert len(current_standards) >= 600
    software = next(s for s in standards if s.reference == "ST0116")
    assert (software.title, software.level) == ("Software developer", 4)
    assert software.knowledge and software.skills and software.behaviours
