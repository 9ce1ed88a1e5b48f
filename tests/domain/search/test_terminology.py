"""The employer jargon and abbreviation table, and finding its phrases in a query."""

from __future__ import annotations

from collections import Counter

from skillshub.domain.search.terminology import TERMS, expansions


def test_table_is_well_formed() -> None:
    phrases = Counter((t.phrase, t.case_sensitive) for t in TERMS)
    assert [p for p, n in phrases.items() if n > 1] == []
    for term in TERMS:
        assert term.expansion.strip(), term
        if not term.case_sensitive:
            assert term.phrase == term.phrase.lower(), term


def test_abbreviations_expand() -> None:
    found = expansions("keep our production line robots and PLCs running")
    assert [e.found for e in found] == ["robots", "PLCs"]
    assert "programmable logic controllers" in found[1].expansion


def test_ambiguous_abbreviations_need_capitals() -> None:
    assert [e.found for e in expansions("IT support for our office")] == ["IT support"]
    assert [e.found for e in expansions("we need IT help")] == ["IT"]
    assert expansions("make it work") == []
    assert [e.found for e in expansions("SEN pupils")] == ["SEN"]
    assert expansions("sen pupils") == []


def test_longest_phrase_wins_and_words_stay_whole() -> None:
    assert [e.found for e in expansions("install EV charging points")] == ["EV charging"]
    assert expansions("several evenings") == []
    assert [e.found for e in expansions("H&S checks")] == ["H&S"]
