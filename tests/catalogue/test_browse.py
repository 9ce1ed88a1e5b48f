"""The standards list and one standard: the typed request's rules and the service's results."""

from __future__ import annotations

from typing import get_args

import pytest
from pydantic import ValidationError

from skillshub.catalogue import browse, queries
from skillshub.catalogue.browse import StandardsListRequest, get_standard, list_standards

pytestmark = pytest.mark.django_db


def test_every_status_the_request_takes_has_a_filter() -> None:
    assert set(get_args(queries.Status)) == set(queries.STATUS_FILTERS)


def test_status_and_kind_are_read_in_any_case() -> None:
    wanted = StandardsListRequest(status=" Retired ", kind="UNIT")
    assert (wanted.status, wanted.kind) == ("retired", "unit")


@pytest.mark.parametrize(
    ("field", "value", "choices"),
    [
        ("status", "nonsense", "current, approved, retired, in-development, all"),
        ("kind", "course", "standard, foundation, unit, all"),
    ],
)
def test_an_unknown_status_or_kind_names_the_ones_there_are(
    field: str, value: str, choices: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        StandardsListRequest.model_validate({field: value})
    [error] = caught.value.errors()
    assert error["loc"] == (field,)
    assert error["msg"] == f"Value error, '{value}' is not known; use one of {choices}"


@pytest.mark.parametrize(
    "values", [{"page": 0}, {"page": 100_001}, {"page_size": 0}, {"page_size": 201}, {"level": 9}]
)
def test_paging_and_level_are_bounded(values: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        StandardsListRequest.model_validate(values)


def test_the_list_filters_and_counts_every_match() -> None:
    result = list_standards(StandardsListRequest(level=4, page_size=2))
    assert result.count > 2 and len(result.results) == 2 and result.pages == -(-result.count // 2)
    assert all(r.level == 4 for r in result.results)
    digital = list_standards(StandardsListRequest(level=4, route=" digital "))
    assert [(r.reference, r.route) for r in digital.results] == [("ST0116", "Digital")]
    assert [r.title for r in result.results] == sorted(r.title for r in result.results)
    assert result.results[0].url == f"/api/v1/standards/{result.results[0].reference}"
    units = list_standards(StandardsListRequest(kind="unit", status="all"))
    assert units.count == 11 and {r.kind for r in units.results} == {"unit"}


def test_a_page_past_the_last_is_empty_but_counted() -> None:
    first = list_standards(StandardsListRequest())
    past = list_standards(StandardsListRequest(page=first.pages + 1))
    assert past.results == [] and past.count == first.count and past.page == first.pages + 1


def test_one_standard_and_one_of_its_versions() -> None:
    shown = get_standard("st0116")
    assert (shown.reference, shown.version) == ("ST0116", "1.2")
    assert [v.version for v in shown.versions] == ["1.0", "1.1", "1.2"]
    assert get_standard("ST0116", version="1.0").status == "Retired"
    with pytest.raises(browse.UnknownVersion):
        get_standard("ST0116", version="9.9")
    with pytest.raises(browse.UnknownStandard):
        get_standard("ST9999", version="1.0")
