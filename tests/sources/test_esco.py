"""The embedded ESCO skills file: read, validated, errors that name the row and column."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from skillshub.sources import esco
from skillshub.sources.errors import SourceError

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "esco" / "esco_skills.csv.gz"
DATA = Path(__file__).resolve().parents[2] / "data" / esco.SKILLS_FILE
HEADER = "conceptUri,preferredLabel,skillType,reuseLevel,description\n"
URI = "http://data.europa.eu/esco/skill/2522a6ce-3202-4ac8-9f5b-b9cb5a3a83a1"


def test_the_fixture_slice_reads_with_its_fields() -> None:
    skills = esco.read_skills(FIXTURE)
    assert len(skills) == 1240
    debug = next(s for s in skills if s.uri == URI)
    assert (debug.label, debug.skill_type, debug.reuse_level) == (
        "debug software",
        "skill/competence",
        "sector-specific",
    )
    assert debug.description.startswith("Repair computer code")


@pytest.mark.parametrize(
    ("body", "record", "field"),
    [
        ("https://example.com/x,label,knowledge,,\n", 2, "conceptUri"),
        (f"{URI},debug,knowledge,,\n{URI},again,knowledge,,\n", URI, "conceptUri"),
        (f"{URI},,knowledge,,\n", URI, "preferredLabel"),
        (f"{URI},debug,ability,,\n", URI, "skillType"),
    ],
)
def test_bad_records_are_named(body: str, record: object, field: str) -> None:
    data = gzip.compress((HEADER + body).encode())
    with pytest.raises(SourceError) as caught:
        esco.parse_skills(data, source="esco_skills.csv.gz")
    assert caught.value.record == record and caught.value.field == field
    assert caught.value.source == "esco_skills.csv.gz"


def test_a_missing_column_or_an_empty_file() -> None:
    with pytest.raises(SourceError, match="no 'DESCRIPTION' column"):
        esco.parse_skills(b"conceptUri,preferredLabel,skillType,reuseLevel\n", source="x.csv")
    with pytest.raises(SourceError, match="lists no ESCO skills"):
        esco.parse_skills(HEADER.encode(), source="x.csv")


@pytest.mark.data
def test_the_embedded_file_holds_every_esco_skill() -> None:
    skills = esco.read_skills(DATA)
    assert len(skills) == 13_896
    assert {s.skill_type for s in skills} == {"skill/competence", "knowledge", ""}
    assert DATA.stat().st_size < 2_000_000
