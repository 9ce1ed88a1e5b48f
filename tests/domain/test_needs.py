"""A need's vocabularies and dates: month arithmetic, answer round trips, the private token."""

from __future__ import annotations

from datetime import date

from skillshub.domain import needs


def test_months_after_clamps_to_the_last_day() -> None:
    assert needs.months_after(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert needs.months_after(date(2027, 11, 30), 3) == date(2028, 2, 29)
    assert needs.months_after(date(2026, 12, 1), 12) == date(2027, 12, 1)


def test_each_answer_survives_being_stored_as_a_date() -> None:
    today = date(2026, 12, 1)
    for months in needs.WITHIN_MONTHS:
        assert needs.within_months_of(today, needs.months_after(today, months)) == months
    assert needs.within_months_of(today, None) is None
    assert needs.within_months_of(today, date(2040, 1, 1)) == max(needs.WITHIN_MONTHS)


def test_tokens_are_long_random_and_stored_only_as_digests() -> None:
    first, second = needs.new_token(), needs.new_token()
    assert first != second and len(first) >= 32
    assert needs.token_digest(first) != first and len(needs.token_digest(first)) == 64


def test_the_sic_sections_are_the_twenty_one_of_sic_2007() -> None:
    assert list(needs.SIC_SECTIONS) == [chr(c) for c in range(ord("A"), ord("U") + 1)]
