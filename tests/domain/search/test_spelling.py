"""Correcting misspelt words against the catalogue vocabulary."""

from __future__ import annotations

import pytest

from skillshub.domain.search.spelling import SpellingCorrector, edit_distance

COUNTS = {
    "mechatronics": 12,
    "electrician": 30,
    "plumbing": 20,
    "plumber": 8,
    "welding": 15,
    "wedding": 1,
    "nurse": 40,
    "purse": 2,
}


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("weld", "weld", 0), ("weld", "wled", 1), ("plumming", "plumbing", 1), ("abc", "xyz", 3)],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, limit=3) == distance


def test_corrects_to_the_closest_common_word() -> None:
    corrector = SpellingCorrector(COUNTS)
    assert corrector.correct("mechatronix") == "mechatronics"
    assert corrector.correct("eletrician") == "electrician"
    assert corrector.correct("plumming") == "plumbing"
    assert corrector.correct("weldng") == "welding"


def test_known_short_and_hopeless_words_are_left_alone() -> None:
    corrector = SpellingCorrector(COUNTS)
    assert corrector.correct("nurse") is None
    assert corrector.correct("nur") is None
    assert corrector.correct("qwertyuiop") is None
    assert corrector.correct("we1ding") is None


def test_rare_words_are_not_suggestions() -> None:
    # "wedding" appears once, below min_count, so it never replaces a query word.
    assert "wedding" not in SpellingCorrector(COUNTS)


def test_ties_prefer_the_more_common_word() -> None:
    # "nurse" and "purse" are both one edit from "murse": the common one wins.
    assert SpellingCorrector(COUNTS).correct("murse") == "nurse"


ZIPF = {"siemens": 3.33, "semen": 3.38, "mechatronics": 2.1, "maintainance": 1.76}


def test_words_in_general_use_are_kept_unless_the_correction_is_far_more_common() -> None:
    corrector = SpellingCorrector({**COUNTS, "semen": 5, "maintenance": 50})
    zipf = {**ZIPF, "maintenance": 4.6}

    def general(word: str) -> float:
        return zipf.get(word, 0.0)

    assert corrector.correct("siemens") == "semen"  # without general frequencies
    assert corrector.correct("siemens", general=general) is None  # a brand in use: kept
    assert corrector.correct("maintainance", general=general) == "maintenance"  # 30x rarer typo
    assert corrector.correct("mechatronix", general=general) == "mechatronics"  # unknown word
