"""The search form: the page's answers become the one offer search request, its rules shown."""

from __future__ import annotations

from django.http import QueryDict

from skillshub.provision.forms import SearchForm
from skillshub.provision.services import OfferSearchRequest


def form(query: str, **options: int) -> SearchForm:
    return SearchForm(QueryDict(query), **options)


def test_the_answers_become_the_request_under_its_own_names() -> None:
    answers = form(
        "q=+PLC+&postcode=B1+1AA&radius=10&level=4&level=5&type=htq&delivery=online"
        "&max_duration=6&max_cost=2000&funded=on&funding=student-finance&start_within=3"
        "&sort=distance",
        limit=20,
        offset=40,
    )
    assert answers.is_valid(), answers.errors
    assert answers.search_request == OfferSearchRequest(
        q="PLC",
        postcode="B1 1AA",
        radius_km=10,
        level=[4, 5],
        type=["htq"],
        delivery=["online"],
        max_duration_months=6,
        max_cost_gbp=2000,
        funded=True,
        funding=["student-finance"],
        start_within_months=3,
        sort="distance",
        limit=20,
        offset=40,
    )


def test_questions_left_blank_take_the_requests_defaults() -> None:
    answers = form("q=&postcode=B1&radius=&sort=&max_cost=")
    assert answers.is_valid(), answers.errors
    assert answers.search_request == OfferSearchRequest(postcode="B1")


def test_the_requests_rule_is_shown_under_the_need_in_the_pages_words() -> None:
    answers = form("q=+&postcode=")
    assert not answers.is_valid() and answers.search_request is None
    assert answers.errors == {
        "q": ["Describe the skills you need, or enter a postcode to see all courses near it"]
    }


def test_a_page_past_the_last_is_a_problem_of_the_whole_form() -> None:
    answers = form("postcode=B1", offset=200_000)
    assert not answers.is_valid()
    assert answers.errors == {
        "__all__": ["There are not that many pages of results: go back to page 1"]
    }
    summary = answers.error_summary()
    assert summary is not None and summary["errorList"][0]["href"] == "#main-content"
