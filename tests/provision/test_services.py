"""The offer search use case: the request's rules, and need -> standards -> offers near a place."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from skillshub.domain.geography import InvalidPostcode, UnknownPlace
from skillshub.domain.provision import DeliveryMode, FundingRoute, OfferType
from skillshub.domain.search import QueryError
from skillshub.provision import services
from skillshub.provision.finder import StandardLink
from skillshub.provision.services import OfferSearchRequest, OfferSearchResult

TODAY = date(2026, 11, 22)
NEED = "maintain PLC control systems"


def errors(**values: Any) -> list[dict[str, Any]]:
    with pytest.raises(ValidationError) as raised:
        OfferSearchRequest(**values)
    return [dict(error) for error in raised.value.errors()]


# The request


def test_codes_are_kept_in_the_vocabulary_spelling_and_become_domain_values() -> None:
    request = OfferSearchRequest(
        q="  maintain PLC control systems ",
        postcode=" B1 1AA",
        level=[4, 5, 4],
        type=["htq", "Skills Bootcamp", "HTQ"],
        delivery=["day_release", ""],
        funding=["advanced-learner-loan"],
        sort="distance",
    )
    assert (request.q, request.postcode) == (NEED, "B1 1AA")
    assert request.type == ["htq", "skills-bootcamp"]
    assert request.delivery == ["day-release"]
    assert request.offer_types() == {OfferType.HTQ, OfferType.SKILLS_BOOTCAMP}
    assert request.delivery_modes() == {DeliveryMode.DAY_RELEASE}
    assert request.funding_routes() == {FundingRoute.ADVANCED_LEARNER_LOAN}
    assert request.sort_key() == "distance"


def test_defaults_mean_any_offer_within_25_km() -> None:
    request = OfferSearchRequest(postcode="B1")
    assert request.radius_km == 25.0
    assert not (request.level or request.offer_types() or request.delivery_modes())
    assert (request.sort, request.limit, request.offset, request.funded) == (
        "relevance",
        20,
        0,
        False,
    )


@pytest.mark.parametrize("values", [{}, {"q": "   ", "postcode": " "}])
def test_a_need_or_a_postcode_is_needed(values: dict[str, str]) -> None:
    (error,) = errors(**values)
    assert error["type"] == services.NEED_OR_PLACE and error["loc"] == ()
    assert error["msg"] == "Give q (the need in plain words), a postcode, or both"


@pytest.mark.parametrize("values", [{"q": NEED}, {"postcode": "B1"}, {"q": NEED, "postcode": "B1"}])
def test_either_or_both_will_do(values: dict[str, str]) -> None:
    assert OfferSearchRequest(**values)


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"type": ["spaceship"]}, "'spaceship' is not a type; use one of: apprenticeship, htq"),
        ({"delivery": ["post"]}, "'post' is not a delivery mode; use one of: classroom, online"),
        ({"funding": ["grant"]}, "'grant' is not a funding route; use one of: apprenticeship,"),
        ({"sort": "price"}, "'price' is not a sort; use one of: relevance, distance, start_date"),
        ({"type": ["{x}"]}, "'{x}' is not a type"),
    ],
)
def test_an_unknown_code_is_named_with_the_valid_ones(values: dict[str, Any], words: str) -> None:
    (error,) = errors(postcode="B1", **values)
    assert error["type"] == services.UNKNOWN_CODE and error["loc"] == (next(iter(values)),)
    assert error["msg"].startswith(words)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("radius_km", 0),
        ("radius_km", 400.5),
        ("limit", 0),
        ("limit", services.MAX_LIMIT + 1),
        ("offset", -1),
        ("max_duration_months", -1),
        ("max_cost_gbp", -0.5),
        ("start_within_months", -2),
        ("level", list(range(11))),
        ("q", "x" * 8001),
    ],
)
def test_numbers_and_sizes_are_bounded(name: str, value: object) -> None:
    assert [error["loc"] for error in errors(postcode="B1", **{name: value})] == [(name,)]


def test_the_api_keeps_its_query_parameters_and_defaults() -> None:
    fields = OfferSearchRequest.model_fields
    assert list(fields) == [
        "q",
        "postcode",
        "radius_km",
        "level",
        "type",
        "delivery",
        "max_duration_months",
        "max_cost_gbp",
        "funded",
        "funding",
        "start_within_months",
        "sort",
        "limit",
        "offset",
    ]
    assert all(fields[name].description for name in ("q", "postcode", "radius_km", "type"))


# The service


def search(**values: Any) -> OfferSearchResult:
    return services.find_offers(OfferSearchRequest(**values), today=TODAY)


@pytest.mark.django_db
def test_acceptance_need_near_a_postcode_ranks_linked_offers_first(provision: None) -> None:
    result = search(q=NEED, postcode="B1 1AA", radius_km=25)
    assert {s.reference for s in result.standards} & {"ST0662", "ST0999"}, result.standards
    assert result.postcode == "B1 1AA" and result.radius_km == 25 and result.query == NEED
    assert result.results and result.offers_loaded >= result.total >= len(result.results)
    relevance = [hit.relevance for hit in result.results]
    assert relevance == sorted(relevance, reverse=True)
    top = result.results[0]
    assert {s.reference for s in top.standards} & {"ST0662", "ST0999"}
    matched = {s.reference: s.title for s in result.standards}
    for hit in result.results:
        assert hit.location_free or (hit.distance_km is not None and hit.distance_km <= 25)
        assert hit.duration_months is not None or hit.flexible_start
        # A standard the need matched carries its title; the others are left untitled.
        assert all(s.title == matched.get(s.reference, "") for s in hit.standards)
    assert not any("Leeds" in hit.title for hit in result.results)
    automation = [h for h in result.results if "ST0662" in {s.reference for s in h.standards}]
    assert automation and any("ST0662" in reason for reason in automation[0].reasons)


@pytest.mark.django_db
def test_each_hit_carries_its_facts_in_words(course_directory: None) -> None:
    result = search(postcode="B1 1AA", type=["htq"])
    hit = next(h for h in result.results if h.title.startswith("[TEST] HTQ Higher National"))
    assert hit.type == "Higher Technical Qualification" and hit.level == 4
    assert (hit.distance_km, hit.distance_miles) == (1.2, 0.7)
    assert hit.cost_to_learner_gbp == "6165.00"
    assert hit.provider.name == "Test Fixture College Birmingham"
    assert hit.provider.status == "active"
    assert hit.facts.model_dump() == {
        "type": "Higher Technical Qualification (HTQ)",
        "level": "Level 4",
        "distance": "1.2 km (0.7 miles)",
        "cost": "£6,165 to the learner",
        "time": "2 years, part time",
        "format": "Classroom, day or block release",
        "starts": "Next start 11 January 2027",
        "funding": "Student finance",
    }
    assert hit.next_start == date(2027, 1, 11)
    body = result.model_dump(mode="json")
    assert list(body) == [
        "query",
        "postcode",
        "radius_km",
        "total",
        "offset",
        "standards",
        "results",
        "notes",
        "offers_loaded",
    ]
    assert body["results"][result.results.index(hit)]["next_start"] == "2027-01-11"


@pytest.mark.django_db
def test_a_title_word_finds_courses_without_a_standard(provision: None) -> None:
    titles = [hit.title for hit in search(q="PLC programming", postcode="B1 1AA").results]
    assert "[TEST] PLC programming for maintenance engineers" in titles


@pytest.mark.django_db
def test_an_unsearchable_need_is_a_query_error(provision: None) -> None:
    with pytest.raises(QueryError):
        search(q="?! --", postcode="B1 1AA")


@pytest.mark.django_db
def test_standards_searched_already_are_used_as_given(course_directory: None) -> None:
    link = StandardLink("ST0662", "Maintenance technician", 3, 1.0)
    result = services.find_offers(
        OfferSearchRequest(q="anything at all", postcode="B1 1AA"), today=TODAY, standards=[link]
    )
    assert [s.reference for s in result.standards] == ["ST0662"] and result.notes == []
    linked = [h for h in result.results if "ST0662" in {s.reference for s in h.standards}]
    assert linked and result.results[0] in linked


@pytest.mark.django_db
def test_without_a_need_every_offer_near_the_postcode_comes_nearest_first(
    course_directory: None,
) -> None:
    result = search(postcode="B1 1AA", radius_km=25)
    assert result.total == 7 and result.postcode == "B1 1AA" and result.standards == []
    near = [hit.distance_km for hit in result.results if hit.distance_km is not None]
    assert near == sorted(near) and near[0] < 1.6
    assert sum(hit.location_free for hit in result.results) == 1


@pytest.mark.django_db
def test_filters(course_directory: None) -> None:
    def titles(**values: object) -> list[str]:
        return [hit.title for hit in search(postcode="B1 1AA", **values).results]

    assert titles(type=["skills-bootcamp"]) == [
        "[TEST] Skills Bootcamp in Industrial Automation and Robotics"
    ]
    assert titles(delivery=["online"]) == ["[TEST] Mechatronics fundamentals (online)"]
    assert all("HTQ" in t or "Foundation" in t or "Bootcamp" in t for t in titles(level=[4, 5]))
    short = titles(max_duration_months=3)
    assert "[TEST] PLC programming for maintenance engineers" in short
    assert not any("Foundation degree" in t for t in short)
    assert set(titles(max_cost_gbp=500)) == {
        "[TEST] PLC programming for maintenance engineers",
        "[TEST] Skills Bootcamp in Industrial Automation and Robotics",
    }
    funded = titles(funded=True)
    assert "[TEST] Skills Bootcamp in Industrial Automation and Robotics" in funded
    assert "[TEST] PLC programming for maintenance engineers" not in funded
    assert len(titles(funding=["student-finance"])) == 3
    # Starts by 22 February 2027, or any time (flexible).
    assert set(titles(start_within_months=3)) == {
        "[TEST] HTQ Higher National Certificate in Engineering (Automation and Controls)",
        "[TEST] Skills Bootcamp in Industrial Automation and Robotics",
        "[TEST] PLC programming for maintenance engineers",
        "[TEST] Mechatronics fundamentals (online)",
    }


@pytest.mark.django_db
def test_sort_by_start_date_and_paging(course_directory: None) -> None:
    result = search(postcode="B1 1AA", sort="start_date", limit=3)
    assert result.total == 7 and len(result.results) == 3
    starts = [hit.next_start or TODAY for hit in result.results]
    assert starts == sorted(starts)
    rest = search(postcode="B1 1AA", sort="start_date", limit=3, offset=3)
    assert rest.offset == 3
    assert not {h.offer_id for h in rest.results} & {h.offer_id for h in result.results}


@pytest.mark.django_db
def test_a_postcode_district_measures_from_its_centre(course_directory: None) -> None:
    result = search(postcode="b4", radius_km=10)
    assert any("B4 postcode district" in note for note in result.notes)
    assert result.results and result.radius_km == 10


@pytest.mark.django_db
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


@pytest.mark.django_db
def test_without_course_data_nothing_is_loaded(db: None) -> None:
    result = search(postcode="B1 1AA")
    assert (result.offers_loaded, result.total, result.results) == (0, 0, [])
