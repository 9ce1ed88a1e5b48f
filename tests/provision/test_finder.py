"""One search: need -> standards -> offers near a postcode, with filters, sorting and errors."""

from __future__ import annotations

from datetime import date

import pytest

from skillshub.domain.geography import InvalidPostcode, UnknownPlace
from skillshub.domain.provision import DeliveryMode, OfferType
from skillshub.domain.search import QueryError
from skillshub.provision import finder, models, store
from skillshub.provision import index as provision_index

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 22)
NEED = "maintain PLC control systems"


def search(**options: object) -> finder.OfferResults:
    return finder.find_offers(finder.OfferSearch(**options), today=TODAY)  # type: ignore[arg-type]


def test_acceptance_need_near_a_postcode_ranks_linked_offers_first(provision: None) -> None:
    results = search(need=NEED, postcode="B1 1AA", radius_km=25)
    linked = {link.reference for link in results.standards}
    assert linked & {"ST0662", "ST0999"}, results.standards
    assert results.hits
    relevance = [hit.relevance for hit in results.hits]
    assert relevance == sorted(relevance, reverse=True)
    top = results.hits[0].offer
    assert set(top.standard_references) & {"ST0662", "ST0999"}
    for hit in results.hits:
        assert hit.offer.location_free or (hit.distance_km is not None and hit.distance_km <= 25)
        facts = finder.hit_as_dict(results, hit)
        assert facts["duration_months"] is not None or hit.offer.flexible_start
        assert "cost_to_learner_gbp" in facts and "distance_km" in facts
    assert not any("Leeds" in hit.offer.venue_name for hit in results.hits)
    # Offers are linked to matched standards; each says which.
    automation = [h for h in results.hits if "ST0662" in h.offer.standard_references]
    assert automation and any("ST0662" in reason for reason in automation[0].reasons)


def test_a_title_word_finds_courses_without_a_standard(provision: None) -> None:
    results = search(need="PLC programming", postcode="B1 1AA")
    titles = [hit.offer.title for hit in results.hits]
    assert "[TEST] PLC programming for maintenance engineers" in titles


def test_an_unsearchable_need_is_a_query_error(provision: None) -> None:
    with pytest.raises(QueryError):
        search(need="?! --", postcode="B1 1AA")


def test_without_a_need_every_offer_near_the_postcode_comes_nearest_first(
    course_directory: None,
) -> None:
    results = search(postcode="B1 1AA", radius_km=25)
    assert results.total == 7 and results.location is not None
    near = [hit.distance_km for hit in results.hits if hit.distance_km is not None]
    assert near == sorted(near) and near[0] < 1.6
    assert sum(hit.offer.location_free for hit in results.hits) == 1


def test_filters(course_directory: None) -> None:
    def titles(**options: object) -> list[str]:
        return [hit.offer.title for hit in search(postcode="B1 1AA", **options).hits]

    assert titles(offer_types=frozenset({OfferType.SKILLS_BOOTCAMP})) == [
        "[TEST] Skills Bootcamp in Industrial Automation and Robotics"
    ]
    assert titles(delivery_modes=frozenset({DeliveryMode.ONLINE})) == [
        "[TEST] Mechatronics fundamentals (online)"
    ]
    assert all(
        "HTQ" in t or "Foundation" in t or "Bootcamp" in t for t in titles(levels=frozenset({4, 5}))
    )
    short = titles(max_duration_months=3)
    assert "[TEST] PLC programming for maintenance engineers" in short
    assert not any("Foundation degree" in t for t in short)
    assert set(titles(max_cost_gbp=500)) == {
        "[TEST] PLC programming for maintenance engineers",
        "[TEST] Skills Bootcamp in Industrial Automation and Robotics",
    }
    funded = titles(funded_only=True)
    assert "[TEST] Skills Bootcamp in Industrial Automation and Robotics" in funded
    assert "[TEST] PLC programming for maintenance engineers" not in funded
    # Starts by 22 February 2027, or any time (flexible).
    assert set(titles(start_within_months=3)) == {
        "[TEST] HTQ Higher National Certificate in Engineering (Automation and Controls)",
        "[TEST] Skills Bootcamp in Industrial Automation and Robotics",
        "[TEST] PLC programming for maintenance engineers",
        "[TEST] Mechatronics fundamentals (online)",
    }


def test_sort_by_start_date_and_paging(course_directory: None) -> None:
    results = search(postcode="B1 1AA", sort="start_date", limit=3)
    assert results.total == 7 and len(results.hits) == 3
    starts = [hit.next_start or TODAY for hit in results.hits]
    assert starts == sorted(starts)
    rest = search(postcode="B1 1AA", sort="start_date", limit=3, offset=3)
    assert not {h.offer.offer_id for h in rest.hits} & {h.offer.offer_id for h in results.hits}


def test_a_postcode_district_measures_from_its_centre(course_directory: None) -> None:
    results = search(postcode="b4", radius_km=10)
    assert results.location is not None and results.location.precision == "outcode"
    assert any("B4 postcode district" in note for note in results.notes)
    assert results.hits


@pytest.mark.parametrize(
    ("postcode", "error"),
    [("B1 1A", InvalidPostcode), ("nowhere", InvalidPostcode), ("B99 9ZZ", UnknownPlace)],
)
def test_bad_places_raise_errors_people_can_act_on(
    course_directory: None, postcode: str, error: type[Exception]
) -> None:
    with pytest.raises(error) as raised:
        search(postcode=postcode)
    assert str(raised.value)


def test_the_index_is_rebuilt_when_provision_changes(course_directory: None) -> None:
    first = provision_index.current()
    assert provision_index.current() is first
    store.withdraw(models.Offer.objects.get(offer_id="ncs:00000000-0000-4000-8000-0000000000a5"))
    second = provision_index.current()
    assert second is not first and second.offer_count == first.offer_count - 1


def test_learning_aim_links_apply_to_stored_offers(course_directory: None) -> None:
    loaded = provision_index.current()
    by_id = {offer.offer_id: offer for offer in loaded.index.offers}
    foundation = by_id["ncs:00000000-0000-4000-8000-0000000000a6"]
    assert foundation.standard_references == ("ST0999", "ST0662")
