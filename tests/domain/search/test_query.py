"""Reading queries: bad input, long input, syntax as plain words, spelling and jargon notes."""

from __future__ import annotations

import pytest

from skillshub.domain.search import QueryError, StandardsIndex
from skillshub.domain.search.query import ParsedQuery


def parse(index: StandardsIndex, query: str) -> ParsedQuery:
    return index.parse(query)


@pytest.mark.parametrize("query", ["", "   ", "\n\t", "\x00\x01\x02", "***", "?!", "\u200b"])
def test_nothing_to_search_is_a_clear_error(index: StandardsIndex, query: str) -> None:
    with pytest.raises(QueryError, match="Describe the skills or tasks you need, for example"):
        parse(index, query)


def test_non_text_is_an_error(index: StandardsIndex) -> None:
    with pytest.raises(QueryError):
        parse(index, None)  # type: ignore[arg-type]


def test_long_queries_are_shortened_with_a_note(index: StandardsIndex) -> None:
    parsed = parse(index, "repair lifts " * 800)
    assert len(parsed.text) <= index.preset.max_query_chars
    assert len(parsed.text.split()) <= index.preset.max_query_words
    assert any("was long" in note for note in parsed.notes)


def test_control_characters_are_stripped(index: StandardsIndex) -> None:
    parsed = parse(index, "repair\x00 lifts\x1b[31m\x7f")
    assert parsed.text == "repair lifts [31m"
    assert [t.word for t in parsed.terms if t.origin == "query"][:2] == ["repair", "lifts"]


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert('lifts')</script>",
        "lifts' OR '1'='1",
        "lifts; DROP TABLE standards; --",
        'lift* NEAR "escalator" AND (repair OR -install)',
        'lifts") UNION SELECT * FROM users',
    ],
)
def test_syntax_is_only_words(index: StandardsIndex, query: str) -> None:
    parsed = parse(index, query)
    assert "lift" in {t.term for t in parsed.terms}


def test_spelling_is_corrected_with_a_note(index: StandardsIndex) -> None:
    parsed = parse(index, "mechatronix")
    # The sample has "mechatronic" (one edit away) as well as "mechatronics" (two).
    assert parsed.notes == ("Searched for 'mechatronic' instead of 'mechatronix'.",)
    assert parsed.embed_text == "mechatronic"


def test_jargon_is_expanded_with_a_note(index: StandardsIndex) -> None:
    parsed = parse(index, "PLC faults")
    origins = {t.word: t.origin for t in parsed.terms}
    assert origins["plc"] == "query" and origins["programmable"] == "terminology"
    expanded = [t for t in parsed.terms if t.origin == "terminology"]
    assert all(t.weight < 1 for t in expanded)
    assert any(note.startswith("Also searched for") and "'PLC'" in note for note in parsed.notes)


def test_stopword_only_queries_still_search(index: StandardsIndex) -> None:
    parsed = parse(index, "what can we do?")
    assert parsed.terms
    assert any("few specific words" in note for note in parsed.notes)


def test_level_words_are_hints_not_terms(index: StandardsIndex) -> None:
    parsed = parse(index, "controls engineer level 4")
    assert parsed.level_hint is not None and parsed.level_hint.levels == {4}
    assert "level" not in {t.term for t in parsed.terms}


def test_neighbouring_words_become_pair_terms(index: StandardsIndex) -> None:
    parsed = parse(index, "repair the lifts quickly")
    pairs = {t.term: t for t in parsed.terms if t.origin == "pair"}
    assert set(pairs) == {"repair_lift", "lift_quickli"}
    assert all(t.weight == index.preset.bigram_weight for t in pairs.values())


def test_agent_nouns_join_their_verbs(index: StandardsIndex) -> None:
    # Porter leaves "weld" and "welder" apart; the catalogue's own stems bring them together.
    variants = {t.term: t for t in parse(index, "drive vans").terms if t.origin == "variant"}
    assert "driver" in variants
    assert variants["driver"].weight == index.preset.variant_weight
