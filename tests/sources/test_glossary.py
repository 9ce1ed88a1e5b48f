"""sources/glossary: the embedded glossary loads; every broken variant names entry and field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from skillshub.domain.glossary import Glossary
from skillshub.sources.errors import SourceError
from skillshub.sources.glossary import GLOSSARY_FILE, parse_glossary, read_embedded

DATA = Path(__file__).resolve().parents[2] / "data"


def good_entry(term: str = "Higher Technical Qualification", **changes: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "term": term,
        "aliases": ["HTQ"] if term == "Higher Technical Qualification" else [],
        "definition": "A Level 4 or 5 qualification approved against employers' needs.",
        "source_name": "Department for Education",
        "source_url": "https://www.gov.uk/guidance/htqs",
        "related": [],
    }
    raw.update(changes)
    return raw


def parse(*entries: Any) -> Glossary:
    return parse_glossary(json.dumps({"terms": list(entries)}).encode(), source="test.json")


def test_the_embedded_glossary() -> None:
    glossary = read_embedded(DATA)
    assert len(glossary) >= 45
    for term in (
        "Level 2",
        "Level 7",
        "HTQ",
        "HNC",
        "HND",
        "foundation degree",
        "degree apprenticeship",
        "foundation apprenticeship",
        "apprenticeship unit",
        "apprenticeship standard",
        "KSBs",
        "duties",
        "EPA",
        "Growth and Skills Levy",
        "co-investment",
        "off-the-job training",
        "funding band",
        "Advanced Learner Loan",
        "Lifelong Learning Entitlement",
        "Skills Bootcamp",
        "T Level",
        "awarding organisation",
        "Ofqual",
        "OfS",
        "regulated qualification",
        "route",
        "pathway",
        "occupational cluster",
        "occupational map",
        "Skills England",
        "UKPRN",
        "RoATP",
        "EPAO",
        "sector subject area",
        "CertHE",
        "DipHE",
        "SOC 2020",
        "ESCO",
    ):
        assert glossary.lookup(term) is not None, term
    for entry in glossary:
        assert entry.source_url.startswith("https://"), entry.term
        assert entry.definition.count(". ") <= 2, f"{entry.term}: one to three sentences"


def test_the_glossary_agrees_with_the_funding_rules() -> None:
    """The co-investment and levy definitions give the shares the hub's calculator uses."""
    from skillshub.sources.funding_rules import read_embedded as read_rules

    rules = read_rules(DATA)
    glossary = read_embedded(DATA)
    co_investment = glossary.lookup("co-investment")
    levy = glossary.lookup("apprenticeship levy")
    assert co_investment is not None and levy is not None
    assert f"pays {rules.non_levy_employer_share:.0%}" in co_investment.definition
    assert f"pays {rules.levy_used_up_employer_share:.0%}" in co_investment.definition
    assert "aged {} to {}".format(*rules.fully_funded_ages) in co_investment.definition
    assert f"{rules.levy_rate:.1%}" in levy.definition
    assert f"£{rules.levy_allowance_gbp:,}" in levy.definition
    assert f"£{rules.levy_pay_bill_threshold_gbp // 1_000_000} million" in levy.definition


def test_a_small_valid_file() -> None:
    glossary = parse(good_entry(), good_entry("Level 4", related=["HTQ"]))
    assert glossary.lookup("htq") is not None
    level_4 = glossary.lookup("Level 4")
    assert level_4 is not None and level_4.related == ("HTQ",)


@pytest.mark.parametrize(
    ("broken", "record", "field", "message"),
    [
        (good_entry(term=""), "#0", "term", "non-empty"),
        (good_entry(term="---"), "---", "term", "letter or digit"),
        (
            good_entry(definition=" padded"),
            "Higher Technical Qualification",
            "definition",
            "spaces",
        ),
        (good_entry(definition="x" * 601), "Higher Technical Qualification", "definition", "601"),
        (good_entry(source_url="http://www.gov.uk/"), None, "source_url", "https"),
        (good_entry(aliases="HTQ"), None, "aliases", "list"),
        (good_entry(aliases=[""]), None, "aliases", "list"),
        (good_entry(related=["Nowhere"]), None, "related", "'Nowhere' is not a term"),
        (good_entry(related=["HTQ"]), None, "related", "itself"),
        (good_entry(in_text="no"), None, "in_text", "true or false"),
        (good_entry(colour="blue"), None, "colour", "unknown field"),
        ({k: v for k, v in good_entry().items() if k != "source_name"}, None, "source_name", ""),
    ],
)
def test_broken_entries_name_the_entry_and_field(
    broken: dict[str, Any], record: str | None, field: str, message: str
) -> None:
    with pytest.raises(SourceError) as caught:
        parse(broken)
    assert caught.value.record == (record or "Higher Technical Qualification")
    assert caught.value.field == field
    assert message in caught.value.message


def test_duplicate_terms_and_aliases_are_refused() -> None:
    with pytest.raises(SourceError) as caught:
        parse(good_entry(), good_entry("H.T.Q."))
    assert (caught.value.record, caught.value.field) == ("H.T.Q.", "term")
    with pytest.raises(SourceError) as caught:
        parse(good_entry(), good_entry("Higher technical course", aliases=["htq"]))
    assert (caught.value.record, caught.value.field) == ("Higher technical course", "aliases")
    assert "already a term or alias of 'Higher Technical Qualification'" in caught.value.message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff", "UTF-8"),
        (b"{", "JSON"),
        (b"[]", "terms"),
        (b'{"terms": []}', "no terms"),
        (b'{"terms": ["HTQ"]}', "JSON object"),
    ],
)
def test_broken_files(content: bytes, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        parse_glossary(content, source="test.json")


def test_the_file_lives_where_the_reader_looks() -> None:
    assert (DATA / GLOSSARY_FILE).is_file()
