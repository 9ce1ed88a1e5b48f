"""Ranking qualifications for a need: title first, linked standards' words too, level filter."""

from __future__ import annotations

import pytest

from skillshub.domain.qualification_search import QualificationIndex, SearchableQualification
from skillshub.domain.search import QueryError

ITEMS = [
    SearchableQualification(
        "60363393",
        "AAT Level 4 Diploma in Professional Accounting",
        "Accounting and finance",
        (4,),
        (("standard", "Professional accounting technician"),),
    ),
    SearchableQualification(
        "60305435",
        "BCS Level 4 Diploma in Software Development Methodologies",
        "Digital technology (practitioners)",
        (4,),
        (("standard", "Software developer"), ("standard evidence", "Build and test code")),
    ),
    SearchableQualification(
        "60348914", "ATHE Level 5 Extended Diploma in Law", "Law and legal services", (5,)
    ),
    SearchableQualification(
        "61008187", "AAT Level 1 Award in Bookkeeping", "Accounting and finance", (1,)
    ),
]


@pytest.fixture(scope="module")
def index() -> QualificationIndex:
    return QualificationIndex(ITEMS)


def test_the_title_ranks_first_with_its_matched_words(index: QualificationIndex) -> None:
    ranking = index.search("professional accounting")
    assert ranking.hits[0].number == "60363393" and ranking.hits[0].score == 1.0
    assert ranking.hits[0].why[0].kind == "title"
    assert "Accounting" in ranking.hits[0].why[0].matched_words


def test_linked_standard_words_find_a_qualification(index: QualificationIndex) -> None:
    ranking = index.search("test code")
    assert [hit.number for hit in ranking.hits] == ["60305435"]
    assert ranking.hits[0].why[0].kind == "standard evidence"


def test_levels_filter(index: QualificationIndex) -> None:
    assert {h.number for h in index.search("accounting").hits} == {"60363393", "61008187"}
    assert [h.number for h in index.search("accounting", levels=[4, 5]).hits] == ["60363393"]


def test_employer_context_words_do_not_rank(index: QualificationIndex) -> None:
    assert index.search("law for a small firm").hits[0].number == "60348914"


def test_nothing_matched_and_nothing_to_search(index: QualificationIndex) -> None:
    assert index.search("welding").hits == []
    with pytest.raises(QueryError):
        index.search("?!")
