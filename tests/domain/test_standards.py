"""The standards domain types and the plain-English meaning of levels."""

from datetime import date

from skillshub.domain.standards import (
    APPROVED,
    IN_DEVELOPMENT,
    RETIRED,
    Ksb,
    Standard,
    choose_shown_version,
    level_in_words,
    time_commitment,
    version_order,
)


def test_levels_in_plain_english() -> None:
    assert "Higher National Certificate" in level_in_words(4)
    assert "foundation degree" in level_in_words(5)
    assert level_in_words(9) == "Level 9"


def test_current_means_approved_for_delivery() -> None:
    retired = Standard(reference="ST0001", title="T", level=4, status="Retired", route="Digital")
    assert not retired.is_current
    approved = Standard(
        reference="ST0001",
        title="T",
        level=4,
        status=APPROVED,
        route="Digital",
        ksb_origin="structured",
        knowledge=(Ksb("knowledge", "K1", "k"),),
        skills=(Ksb("skill", "S1", "s"),),
    )
    assert approved.is_current
    assert [k.ref for k in approved.ksbs] == ["K1", "S1"]
    assert approved.ksb("S1") == Ksb("skill", "S1", "s")
    assert approved.ksb("B1") is None


def test_the_reference_prefix_names_the_kind_of_product() -> None:
    def product(reference: str) -> Standard:
        return Standard(reference=reference, title="T", level=2, status=APPROVED, route="R")

    assert product("ST0116").kind == "standard"
    assert product("FA0001").kind_name == "Foundation apprenticeship"
    unit = product("AU0001")
    assert unit.kind == "unit" and unit.existing_employees_only
    assert not product("ST0116").existing_employees_only


def version(number: str, status: str, updated: date | None = None) -> Standard:
    return Standard(
        reference="ST0001",
        title="T",
        level=4,
        status=status,
        route="R",
        detail_version=number,
        detail_updated=updated,
    )


def test_the_shown_version_is_the_highest_approved_then_the_last_published() -> None:
    approved = version("1.2", APPROVED)
    newer_draft = version("2.0", IN_DEVELOPMENT)
    assert choose_shown_version([version("1.0", RETIRED), approved, newer_draft]) == approved
    last = version("1.10", RETIRED)
    assert (
        choose_shown_version([version("1.9", RETIRED), last, version("0.0", IN_DEVELOPMENT)])
        == last
    )
    draft = version("0.0", IN_DEVELOPMENT)
    assert choose_shown_version([draft]) == draft


def test_version_order_compares_numbers_not_text() -> None:
    assert version_order("1.10", None) > version_order("1.9", None)
    assert version_order("1.0", date(2024, 1, 2)) > version_order("1.0", date(2024, 1, 1))


def test_time_commitment_in_months_and_hours_a_week() -> None:
    standard = Standard(
        reference="ST0001",
        title="T",
        level=4,
        status=APPROVED,
        route="R",
        typical_duration_months=24,
        minimum_off_the_job_hours=624,
    )
    assert time_commitment(standard) == (
        "24 months, at least 624 hours of off-the-job training (about 6 hours a week)"
    )
    assert time_commitment(
        Standard(reference="AU0001", title="T", level=2, status=APPROVED, route="R")
    ) == ("Length not stated")
