"""pagination: GOV.UK pagination parameters, numbered pages with ellipses, the query kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import QueryDict

from skillshub.core.pagination import page_numbers, pagination


def numbers(params: dict[str, Any] | None) -> list[int | str]:
    assert params is not None
    return [item.get("number", "…") for item in params["items"]]


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        (1, [1, 2, 3, None, 10]),
        (5, [1, 2, 3, 4, 5, 6, 7, None, 10]),
        (6, [1, None, 4, 5, 6, 7, 8, 9, 10]),
        (10, [1, None, 8, 9, 10]),
    ],
)
def test_the_first_last_and_two_either_side_are_numbered(
    page: int, shown: list[int | None]
) -> None:
    assert page_numbers(page=page, pages=10) == shown


def test_an_ellipsis_never_stands_for_a_single_page() -> None:
    assert page_numbers(page=4, pages=7) == [1, 2, 3, 4, 5, 6, 7]
    assert page_numbers(page=1, pages=5) == [1, 2, 3, 4, 5]


def test_one_page_of_results_needs_no_pagination() -> None:
    assert pagination(QueryDict(), page=1, total=0, page_size=20) is None
    assert pagination(QueryDict(), page=1, total=20, page_size=20) is None


def test_the_middle_page_links_both_ways_and_marks_itself() -> None:
    params = pagination(QueryDict(), page=5, total=200, page_size=20)
    assert numbers(params) == [1, 2, 3, 4, 5, 6, 7, "…", 10]
    assert params is not None
    assert params["items"][4] == {"number": 5, "href": "?page=5", "current": True}
    assert params["items"][7] == {"ellipsis": True}
    assert params["previous"] == {"href": "?page=4"}
    assert params["next"] == {"href": "?page=6"}


def test_the_first_page_has_no_previous_and_the_last_no_next() -> None:
    first = pagination(QueryDict(), page=1, total=41, page_size=20)
    last = pagination(QueryDict(), page=3, total=41, page_size=20)
    assert first is not None and last is not None
    assert "previous" not in first and first["next"] == {"href": "?page=2"}
    assert "next" not in last and last["previous"] == {"href": "?page=2"}


def test_a_page_out_of_range_is_drawn_as_the_nearest_page() -> None:
    past = pagination(QueryDict(), page=99, total=41, page_size=20)
    assert past is not None
    assert [item["current"] for item in past["items"]] == [False, False, True]


def test_links_keep_the_other_query_parameters_repeated_ones_too() -> None:
    query = QueryDict("q=welding&level=4&level=5&page=1")
    params = pagination(query, page=1, total=60, page_size=20)
    assert params is not None
    assert params["next"] == {"href": "?q=welding&level=4&level=5&page=2"}
    assert query.getlist("page") == ["1"]  # the request's own query is left alone
