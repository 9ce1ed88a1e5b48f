"""Gap analysis: counts, reach, the gap score ranking, cold spots and protected figures."""

from __future__ import annotations

from skillshub.domain.disclosure import Status
from skillshub.domain.gaps import GAP_PRESETS, GapTable, Need, StandardInfo, Supply, analyse
from skillshub.domain.geography import LocalAuthority, Point

BIRMINGHAM = Point(406649, 286530)
COVENTRY = Point(434164, 278659)
AUTHORITIES = {
    code: LocalAuthority(
        code=code,
        name=name,
        region_code="E12000005",
        region_name="West Midlands",
        combined_authority_code="E47000007",
        combined_authority_name="West Midlands Combined Authority",
        nation="England",
        point=point,
    )
    for code, name, point in [
        ("E08000025", "Birmingham", BIRMINGHAM),
        ("E08000026", "Coventry", COVENTRY),
    ]
}
STANDARDS = {
    "ST0001": StandardInfo("ST0001", "Unmet one", "Engineering and manufacturing", 4),
    "ST0002": StandardInfo("ST0002", "Met one", "Digital", 5),
    "ST0003": StandardInfo("ST0003", "Small one", "Digital", 4),
}
CA = ("ca", "E47000007")


def needs(standard: str, count: int, *, where: str = "E08000025", first: int = 0) -> list[Need]:
    point = AUTHORITIES[where].point
    return [
        Need(f"{standard}-{where}-{first + i}", "register", (standard,), where, point, headcount=3)
        for i in range(count)
    ]


def table() -> GapTable:
    demand = needs("ST0001", 6) + needs("ST0002", 6) + needs("ST0003", 3)
    supply = [Supply("o1", 10000001, ("ST0002",), BIRMINGHAM)]
    return analyse(
        needs=demand,
        supply=supply,
        standards=STANDARDS,
        authorities=AUTHORITIES,
        preset=GAP_PRESETS["default"],
    )


def test_an_unmet_need_ranks_above_a_met_one() -> None:
    ranked = [product[1] for product, _ in table().products(CA, "standard")]
    assert ranked.index("ST0001") < ranked.index("ST0002")
    cells = dict(table().products(CA, "standard"))
    assert cells[("standard", "ST0001")].score >= 5  # 6, or withheld to protect ST0003
    assert cells[("standard", "ST0002")].score == 0
    assert cells[("standard", "ST0002")].offers == 1


def test_a_count_of_3_is_fewer_than_5_and_not_derivable() -> None:
    result = table()
    small = result.cell(CA, ("standard", "ST0003"))
    assert small is not None and small.employers.text == "fewer than 5"
    assert small.staff.status is Status.WITHHELD
    digital = result.cell(CA, ("route", "Digital"))
    assert digital is not None
    # Digital = ST0002 + ST0003: if both Digital and ST0002 were shown, ST0003 would follow.
    st2 = result.cell(CA, ("standard", "ST0002"))
    assert st2 is not None
    assert not (digital.employers.status is Status.SHOWN and st2.employers.status is Status.SHOWN)


def test_reach_by_distance_online_and_national() -> None:
    far = needs("ST0002", 5, where="E08000026")
    supply = [Supply("o1", 10000001, ("ST0002",), BIRMINGHAM)]
    where = (("la", "E08000026"), ("standard", "ST0002"))
    result = analyse(needs=far, supply=supply, standards=STANDARDS, authorities=AUTHORITIES)
    cell = result.cell(*where)
    assert cell is not None and cell.unmet.text == "5"
    online = [Supply("o2", 10000001, ("ST0002",), None, online=True)]
    result = analyse(needs=far, supply=online, standards=STANDARDS, authorities=AUTHORITIES)
    cell = result.cell(*where)
    assert cell is not None and cell.unmet.text == "0"


def test_cold_spots_and_sources() -> None:
    result = table()
    spots = result.cold_spots(CA)
    assert next((la[1], product[1]) for la, product, _ in spots) == ("E08000025", "ST0001")
    assert result.by_source[CA]["register"].text == "15"
