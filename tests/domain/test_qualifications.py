"""Funding streams in plain words, levels in words, and the two headline booleans."""

from __future__ import annotations

from datetime import date

from skillshub.domain.qualifications import (
    FundingStream,
    Qualification,
    levels_in_words,
)

LOAN = FundingStream("AdvancedLearnerLoans", True, date(2022, 9, 1), date(2028, 7, 31))
LLE = FundingStream("LifelongLearningEntitlement", True, date(2027, 1, 1), date(2028, 7, 31))


def qualification(*streams: FundingStream, levels: tuple[int, ...] = (4,)) -> Qualification:
    return Qualification(
        number="60363393",
        title="AAT Level 4 Diploma in Professional Accounting",
        awarding_organisation="Association of Accounting Technicians",
        level_label="Level 4",
        levels=levels,
        qualification_type="Vocationally-Related Qualification",
        sector_subject_area="Accounting and finance",
        status="Approved",
        funding=streams,
    )


def test_status_by_the_approval_dates() -> None:
    assert LOAN.status_on(date(2026, 12, 1)) == "available"
    assert LOAN.status_on(date(2022, 8, 31)) == "not started"
    assert LOAN.status_on(date(2028, 8, 1)) == "ended"
    assert LOAN.available_on(date(2028, 7, 31))
    assert FundingStream("Age1416", False).status_on(date(2026, 1, 1)) == "not approved"
    assert FundingStream("X", True).available_on(date(2026, 1, 1))  # no dates: the flag


def test_in_words() -> None:
    assert LOAN.in_words(date(2026, 12, 1)) == "Yes, approved from 1 September 2022 to 31 July 2028"
    assert "(not started on 1 December 2026)" in LLE.in_words(date(2026, 12, 1))
    assert "had ended by 1 August 2028" in LOAN.in_words(date(2028, 8, 1))
    assert FundingStream("Age1416", False).in_words(date(2026, 1, 1)) == "No"
    noted = FundingStream("Age1619", True, date(2022, 9, 1), date(2026, 7, 31), "18+ only")
    assert noted.in_words(date(2025, 1, 1)).endswith(". 18+ only")


def test_the_booleans_are_the_lists_flags_not_todays_dates() -> None:
    q = qualification(LOAN, LLE)
    assert q.advanced_learner_loan and q.lifelong_learning_entitlement  # LLE starts in 2027
    assert not qualification().advanced_learner_loan
    assert q.stream("Age1416") == FundingStream("Age1416", False)


def test_product_levels_and_words() -> None:
    assert qualification().is_product and qualification(levels=(5,)).is_product
    assert not qualification(levels=(3,)).is_product
    assert not qualification(levels=(4, 5)).is_product  # a range has no single level
    assert levels_in_words((0,)) == "Entry Level"
    assert levels_in_words((1, 2)) == "Levels 1 and 2"
    assert LOAN.label == "Advanced Learner Loan" and FundingStream("New", True).label == "New"
