"""Find Apprenticeship Training course-provider details: apprenticeship offers by location."""

from __future__ import annotations

import copy
import functools
import io
import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from skillshub.domain.provision import DeliveryMode, FundingRoute, OfferType
from skillshub.sources.course_directory import InvalidRows
from skillshub.sources.errors import SourceError
from skillshub.sources.fat_courses import fetch_fat_courses, parse_fat_courses, read_fat_courses
from skillshub.sources.http import fetch

FIXTURE = Path(__file__).parents[1] / "fixtures" / "provision" / "fat_course_providers.json"


def records() -> list[dict[str, Any]]:
    return copy.deepcopy(json.loads(FIXTURE.read_text()))


def test_one_offer_per_provider_location() -> None:
    provision = read_fat_courses(FIXTURE, lars_to_standard={474: "ST0662"})
    offers = {offer.offer_id: offer for offer in provision.offers}
    assert list(offers) == [
        "fat:19999901:474:1",
        "fat:19999902:690:1",
        "fat:19999902:690:2",
        "fat:19999903:523:1",
        "fat:19999905:474:1",
    ]
    college = offers["fat:19999901:474:1"]
    assert college.offer_type is OfferType.APPRENTICESHIP
    assert college.standard_references == ("ST0662",)
    assert college.level == 4 and college.qualification_reference == "474"
    assert college.delivery_mode is DeliveryMode.DAY_RELEASE
    assert college.venue_postcode == "B4 7PS" and not college.national
    assert college.funding_routes == (FundingRoute.APPRENTICESHIP,)
    assert college.cost_to_learner_gbp == 0 and college.headline_cost_gbp is None
    assert college.flexible_start
    assert college.url.endswith("/courses/474/providers/19999901")
    assert college.description.startswith("Off-the-job training by day release.")
    assert "<p>" not in college.description
    assert offers["fat:19999902:690:1"].delivery_mode is DeliveryMode.BLOCK_RELEASE
    national = offers["fat:19999902:690:2"]
    assert national.national and national.location_free and national.venue_postcode is None
    assert national.delivery_mode is DeliveryMode.WORKPLACE
    regional = offers["fat:19999903:523:1"]
    assert not regional.national and regional.venue_name == "West Midlands"
    # The Leeds record has no iFateReferenceNumber: the LARS code mapping supplies it.
    assert offers["fat:19999905:474:1"].standard_references == ("ST0662",)


def test_without_a_mapping_only_stated_references_are_used() -> None:
    offers = read_fat_courses(FIXTURE).offers
    assert offers[-1].standard_references == ()
    assert offers[0].standard_references == ("ST0662",)


def test_providers_and_their_sites() -> None:
    providers = {p.ukprn: p for p in read_fat_courses(FIXTURE).providers}
    assert list(providers) == [19999901, 19999902, 19999903, 19999905]
    assert providers[19999902].website == "https://www.example.com/test-fixture-engineering"
    assert [loc.postcode for loc in providers[19999902].locations] == ["B5 5SU"]


def test_one_object_is_read_as_well_as_an_array() -> None:
    provision, errors = parse_fat_courses(records()[0], source="one.json")
    assert errors == [] and len(provision.offers) == 1


def test_two_standards_from_one_provider_join_their_sites() -> None:
    first, second = records()[0], records()[1]
    second["ukprn"] = first["ukprn"]
    provision, errors = parse_fat_courses([first, second], source="x")
    assert errors == []
    assert len(provision.providers) == 1
    assert [loc.postcode for loc in provision.providers[0].locations] == ["B4 7PS", "B5 5SU"]


def test_every_problem_names_its_record_and_field() -> None:
    data = records()
    data[0]["ukprn"] = 1234
    data[1]["level"] = 9
    data[1]["locations"][0]["locationType"] = "Somewhere"
    data[1]["locations"][1]["dayRelease"] = "yes"
    data[2]["iFateReferenceNumber"] = "662"
    data[2]["courseName"] = ""
    data[3]["locations"][0]["postcode"] = "LS1"
    data[3]["contact"]["website"] = "not a site"
    provision, errors = parse_fat_courses([*data, "not an object"], source="x")
    assert provision.offers == ()
    assert [(e.row, e.column) for e in errors] == [
        (1, "ukprn"),
        (2, "level"),
        (2, "locations[0].locationType"),
        (2, "locations[1].dayRelease"),
        (3, "courseName"),
        (3, "iFateReferenceNumber"),
        (4, "locations[0].postcode"),
        (4, "contact.website"),
        (5, "(record)"),
    ]


def test_a_provider_site_needs_a_postcode() -> None:
    data = records()[:1]
    data[0]["locations"][0]["postcode"] = None
    _, errors = parse_fat_courses(data, source="x")
    assert [(e.row, e.column) for e in errors] == [(1, "locations[0].postcode")]


def test_bad_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    with pytest.raises(SourceError, match="not valid JSON"):
        read_fat_courses(path)
    path.write_text('"text"')
    with pytest.raises(SourceError, match="JSON object or a JSON array"):
        read_fat_courses(path)
    path.write_text(json.dumps([{"ukprn": "x"}]))
    with pytest.raises(InvalidRows) as caught:
        read_fat_courses(path)
    assert caught.value.record == 1 and caught.value.field == "ukprn"


def test_fetch_sends_the_key_through_a_fake_opener() -> None:
    body = json.dumps(records()[0]).encode()

    class Response(io.BytesIO):
        headers = {"Content-Length": str(len(body))}

    seen: dict[str, Any] = {}

    def opener(request: urllib.request.Request, timeout: float) -> Any:
        seen["url"] = request.full_url
        seen["key"] = request.get_header("Ocp-apim-subscription-key")
        return Response(body)

    url = "https://api.example.test/findapprenticeshiptraining/courses/474/providers/19999901"
    provision = fetch_fat_courses(
        url,
        headers={"Ocp-Apim-Subscription-Key": "test-key"},
        fetcher=functools.partial(fetch, opener=opener),
    )
    assert seen == {"url": url, "key": "test-key"}
    assert [o.offer_id for o in provision.offers] == ["fat:19999901:474:1"]
