"""The standards domain types and the plain-English meaning of levels."""

from skillshub.domain.standards import APPROVED, Ksb, Standard, level_in_words


def test_levels_in_plain_english() -> None:
    assert "Higher National Certificate" in level_in_words(4)
    assert "foundation degree" in level_in_words(5)
    assert level_in_words(9) == "Level 9"


def test_current_means_listed_and_approved() -> None:
    base = Standard(reference="ST0001", title="T", level=4, status=APPROVED, route="Digital")
    assert not base.is_current
    listed = Standard(
        reference="ST0001",
        title="T",
        level=4,
        status=APPROVED,
        route="Digital",
        in_current_list=True,
        ksb_origin="structured",
        knowledge=(Ksb("knowledge", "K1", "k"),),
        skills=(Ksb("skill", "S1", "s"),),
    )
    assert listed.is_current
    assert listed.detail_may_be_older
    assert [k.ref for k in listed.ksbs] == ["K1", "S1"]
    assert listed.ksb("S1") == Ksb("skill", "S1", "s")
    assert listed.ksb("B1") is None
