"""Splitting real standards into evidence units."""

from __future__ import annotations

from skillshub.domain.search.units import standard_units, units_digest

from .conftest import catalogue


def test_units_follow_the_documented_order_and_refs_exist() -> None:
    standard = catalogue()["ST0662"]
    units = standard_units(standard)
    kinds = [u.kind for u in units]
    assert kinds[0] == "title" and units[0].text == standard.title
    order = ["title", "job title", "keyword", "overview", "duty", "knowledge", "skill", "behaviour"]
    assert [order.index(k) for k in kinds] == sorted(order.index(k) for k in kinds)
    refs = {d.ref for d in standard.duties} | {k.ref for k in standard.ksbs}
    assert {u.ref for u in units if u.ref} <= refs
    assert all(u.reference == "ST0662" for u in units)


def test_standards_without_ksbs_still_have_units() -> None:
    units = standard_units(catalogue()["ST1326"])
    assert {u.kind for u in units} >= {"title", "job title", "overview"}


def test_kinds_filter_and_no_repeats() -> None:
    standard = catalogue()["ST0252"]
    units = standard_units(standard, kinds=("title", "job title"))
    assert {u.kind for u in units} == {"title", "job title"}
    assert len({(u.kind, u.text.lower()) for u in units}) == len(units)


def test_digest_changes_with_the_text() -> None:
    units = standard_units(catalogue()["ST0252"])
    assert units_digest(units) == units_digest(list(units))
    assert units_digest(units) != units_digest(units[1:])
