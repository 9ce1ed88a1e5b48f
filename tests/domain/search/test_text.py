"""Cleaning and tokenising query and catalogue text."""

from __future__ import annotations

from skillshub.domain.search.text import (
    clean,
    content_words,
    index_terms,
    sentences,
    terms,
    word_spans,
    words,
)


def test_clean_strips_control_and_invisible_characters() -> None:
    assert clean("weld\x00ing\x07 pipes\u200b\r\n  now") == "weld ing pipes now"


def test_clean_normalises_unicode_and_quotes() -> None:
    assert clean("\uff30\uff2c\uff23 \u2019s") == "PLC 's"


def test_words_lowercase_drop_possessives_and_fold_accents() -> None:
    assert words("The employer\u2019s Café, H&S") == ["the", "employer", "cafe", "h", "s"]


def test_content_words_drop_stopwords_and_filler() -> None:
    assert content_words("We need someone to fix our 3 vans") == ["fix", "3", "vans"]


def test_terms_are_stemmed_content_words() -> None:
    assert terms("Repairing the pumps") == ["repair", "pump"]


def test_word_spans_point_into_the_original_text() -> None:
    text = "Fit PLC\u2019s quickly"
    spans = list(word_spans(text))
    assert [text[s:e] for s, e, _ in spans] == ["Fit", "PLC\u2019s", "quickly"]
    assert [w for _, _, w in spans] == ["fit", "plc", "quickly"]


def test_sentences_split_on_stops_before_capitals() -> None:
    assert sentences("Lifts move people. Escalators too! e.g. not here") == [
        "Lifts move people.",
        "Escalators too! e.g. not here",
    ]


def test_index_terms_add_neighbouring_pairs() -> None:
    assert index_terms(["repairing", "pumps"], bigrams=False) == ["repair", "pump"]
    assert index_terms(["repairing", "pumps"], bigrams=True) == ["repair", "pump", "repair_pump"]
