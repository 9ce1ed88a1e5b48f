"""domain/glossary: lookup by term, alias or slug; terms found in a text, longest first."""

from __future__ import annotations

import pytest

from skillshub.domain.glossary import DuplicateName, Entry, build_glossary, normalise, slugify


def entry(term: str, *aliases: str, in_text: bool = True) -> Entry:
    return Entry(
        term=term,
        aliases=aliases,
        definition=f"What {term} means. More about it.",
        source_name="A source",
        source_url="https://www.gov.uk/",
        in_text=in_text,
    )


GLOSSARY = build_glossary(
    [
        entry("Higher National Diploma", "HND"),
        entry("diploma"),
        entry("end-point assessment", "EPA"),
        entry("Level 4"),
        entry("knowledge, skills and behaviours", "KSBs"),
        entry("SOC 2020", "SOC"),
        entry("route", in_text=False),
        entry("Skills Bootcamp"),
    ]
)


def test_names_fold_case_and_punctuation() -> None:
    assert normalise("End-point  Assessment!") == "end point assessment"
    assert slugify("Knowledge, skills and behaviours") == "knowledge-skills-and-behaviours"


@pytest.mark.parametrize(
    ("name", "term"),
    [
        ("HND", "Higher National Diploma"),
        ("hnd", "Higher National Diploma"),
        ("higher-national-diploma", "Higher National Diploma"),
        ("End Point Assessment", "end-point assessment"),
        ("knowledge skills and behaviours", "knowledge, skills and behaviours"),
        ("  level 4 ", "Level 4"),
    ],
)
def test_lookup_by_term_alias_or_slug(name: str, term: str) -> None:
    found = GLOSSARY.lookup(name)
    assert found is not None and found.term == term


def test_unknown_names_are_none() -> None:
    assert GLOSSARY.lookup("widget") is None
    assert GLOSSARY.lookup("") is None


def test_entries_are_a_to_z() -> None:
    assert [e.term for e in GLOSSARY][:2] == ["diploma", "end-point assessment"]


def test_the_short_definition_is_the_first_sentence() -> None:
    assert GLOSSARY.entries[0].short == "What diploma means."


def test_a_name_used_twice_is_refused() -> None:
    with pytest.raises(DuplicateName, match="'hnd' is used by both"):
        build_glossary([entry("Higher National Diploma", "HND"), entry("H.N.D.")])


def test_longest_match_first_and_whole_words_only() -> None:
    found = GLOSSARY.find("A Higher National Diploma, not a diplomat, then a diploma.")
    assert [(f.entry.term, f.text) for f in found] == [
        ("Higher National Diploma", "Higher National Diploma"),
        ("diploma", "diploma"),
    ]


def test_only_the_first_occurrence_of_each_term() -> None:
    found = GLOSSARY.find("An HND, then a Higher National Diploma, then EPA and an EPA.")
    assert [(f.entry.term, f.start) for f in found] == [
        ("Higher National Diploma", 3),
        ("end-point assessment", 45),
    ]


def test_spelling_variants_and_plurals() -> None:
    text = "Two end point assessments, their KSBs, Level 4, and three Skills Bootcamps."
    assert [f.text for f in GLOSSARY.find(text)] == [
        "end point assessments",
        "KSBs",
        "Level 4",
        "Skills Bootcamps",
    ]


def test_level_4_is_not_found_in_level_45() -> None:
    assert [f.text for f in GLOSSARY.find("Level 45 and level 4-5")] == ["level 4"]
    assert GLOSSARY.find("Level 45") == []


def test_abbreviations_match_only_in_capitals() -> None:
    assert GLOSSARY.find("soc and epa") == []
    assert [f.text for f in GLOSSARY.find("SOC codes")] == ["SOC"]


def test_everyday_words_are_not_found_in_text() -> None:
    assert GLOSSARY.find("every route to the skill") == []
    assert GLOSSARY.lookup("route") is not None


def test_skip_and_limit() -> None:
    text = "HND, EPA, Level 4"
    assert [f.text for f in GLOSSARY.find(text, skip={"higher-national-diploma"})] == [
        "EPA",
        "Level 4",
    ]
    assert len(GLOSSARY.find(text, limit=2)) == 2
    assert GLOSSARY.find(text, limit=0) == []


def test_search_names_then_definitions() -> None:
    assert [e.term for e in GLOSSARY.search("diploma")][:2] == [
        "diploma",
        "Higher National Diploma",
    ]
    assert len(GLOSSARY.search("")) == len(GLOSSARY)
    assert GLOSSARY.search("zzz") == []
