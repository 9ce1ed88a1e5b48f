"""The Porter stemmer against the examples in Porter's 1980 paper and words employers use."""

from __future__ import annotations

import pytest

from skillshub.domain.search.stemmer import stem


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("cats", "cat"),
        ("agreed", "agre"),
        ("plastered", "plaster"),
        ("motoring", "motor"),
        ("hopping", "hop"),
        ("filing", "file"),
        ("happy", "happi"),
        ("relational", "relat"),
        ("hopefulness", "hope"),
        ("adjustment", "adjust"),
        ("controll", "control"),
    ],
)
def test_porter_examples(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(
    "family",
    [
        ("repair", "repairs", "repaired", "repairing"),
        ("install", "installation", "installer", "installing"),
        ("manager", "management", "managing"),
        ("engineer", "engineering", "engineers"),
    ],
)
def test_word_families_share_a_stem(family: tuple[str, ...]) -> None:
    assert len({stem(word) for word in family}) == 1


def test_short_words_and_numbers_are_left_alone() -> None:
    assert stem("it") == "it"
    assert stem("2024") == "2024"
    assert stem("5g") == "5g"
