"""The area and provider use cases on fixture needs and offers (West Midlands)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from skillshub.market import services
from tests.market.data import MET, SMALL, UNMET

pytestmark = pytest.mark.usefixtures("market_data")
WEST_MIDLANDS = "E47000007"


def gaps() -> services.AreaGapsResult:
    return services.area_gaps(services.AreaGapsRequest(area=WEST_MIDLANDS))


def test_an_unmet_need_ranks_above_a_met_one() -> None:
    result = gaps()
    assert result.name.startswith("West Midlands") and result.kind == "combined authority"
    order = [row.key for row in result.standards]
    assert order.index(UNMET) < order.index(MET)
    met = next(row for row in result.standards if row.key == MET)
    assert met.gap_score == 0 and met.offers_reaching > 0


def test_a_count_of_3_shows_as_fewer_than_5_and_no_total_gives_it_away() -> None:
    result = gaps()
    small = next(row for row in result.standards if row.key == SMALL)
    assert small.employers.text == "fewer than 5" and small.employers.value is None
    assert small.staff.value is None
    coventry = next(place for place in result.places if place.name == "Coventry")
    assert coventry.employers.value is None
    # Nothing shown adds up to the hidden figure: total minus the shown standards is not 3.
    assert result.total is not None
    shown = [row.employers.value for row in result.standards if row.employers.value is not None]
    if result.total.employers.value is not None:
        assert (
            len(shown) < len(result.standards) - 1 or result.total.employers.value - sum(shown) != 3
        )


def test_the_sources_stay_visible() -> None:
    names = {row.source: row.employers.text for row in gaps().sources}
    assert set(names) == {"find-training", "partner-api", "register"}
    assert names["find-training"] == "fewer than 5"


def test_starts_missing_are_explained() -> None:
    result = gaps()
    assert not result.starts and "skillshub ingest starts --file" in result.starts_note


@pytest.mark.parametrize("code", ["W47000007", "E4700000", "birmingham"])
def test_a_bad_area_code_is_refused(code: str) -> None:
    with pytest.raises(ValidationError):
        services.AreaGapsRequest(area=code)


def test_an_unknown_area_says_what_to_use() -> None:
    with pytest.raises(services.UnknownArea, match="E47000007"):
        services.area_gaps(services.AreaGapsRequest(area="E47000099"))


def test_a_local_authority_page_uses_the_same_protection() -> None:
    combined = {p.code: p.employers for p in gaps().places}
    alone = services.area_gaps(services.AreaGapsRequest(area="E08000026"))
    assert alone.total is not None
    assert alone.total.employers == combined["E08000026"]


def _cohorts_for(standard: str) -> list[services.CohortOut]:
    """The cohorts for ``standard`` the first provider near them sees."""
    from skillshub.provision.models import Provider

    for ukprn in Provider.objects.order_by("ukprn").values_list("ukprn", flat=True):
        request = services.ProviderDemandRequest(ukprn=ukprn)
        found = [c for c in services.provider_demand(request).cohorts if c.standard == standard]
        if found:
            return found
    raise AssertionError(f"no provider sees a cohort for {standard}")


def test_a_cohort_shows_its_staff_unless_one_employer_dominates_it() -> None:
    from tests.market.data import BIRMINGHAM, add_needs

    (cohort,) = _cohorts_for(MET)
    assert (cohort.employers.value, cohort.staff.value) == (6, 18)
    add_needs(MET, 1, BIRMINGHAM, headcount=100)
    (cohort,) = _cohorts_for(MET)
    assert cohort.employers.value == 7 and cohort.staff.value is None
