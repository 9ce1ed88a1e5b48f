"""The one use case behind page, API and CLI: list or search, typed request and result."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from skillshub.qualifications import services
from tests.qualifications.loading import AAT, SOFTWARE


def test_the_list_defaults_to_level_4_and_5(sample: None) -> None:
    results = services.find_qualifications(services.QualificationQuery())
    assert results.count == 13 and results.levels == [4, 5]
    assert [r.title for r in results.results] == sorted(r.title for r in results.results)
    level_4 = services.find_qualifications(services.QualificationQuery(levels=(4,)))
    assert {r.level for r in level_4.results} == {"Level 4"}
    both = services.find_qualifications(services.QualificationQuery(levels=(1, 2)))
    assert {r.number for r in both.results} >= {"60373222", "61008187"}  # Level 1/2 counts for 1


def find(need: str, **values: object) -> services.QualificationResults:
    return services.find_qualifications(services.QualificationQuery(need=need, **values))


def test_search_ranks_with_reasons(sample: None) -> None:
    results = find("software development", page_size=3)
    top = results.results[0]
    assert top.number == SOFTWARE and top.score == 1.0
    assert any("Software" in w.matched_words for w in top.why)
    assert top.page_url == f"/qualifications/{SOFTWARE}/"
    assert top.url == f"/api/v1/qualifications/{SOFTWARE}"
    accounting = find("bookkeeping for a small firm")
    assert accounting.results[0].number == AAT
    assert any("bookkeeping" in note for note in accounting.notes)


def test_search_at_one_level_and_paging(sample: None) -> None:
    assert all(r.level == "Level 5" for r in find("law", levels=(5,)).results)
    first = services.find_qualifications(services.QualificationQuery(page_size=5))
    second = services.find_qualifications(services.QualificationQuery(page_size=5, page=2))
    assert first.count == second.count == 13
    assert not {r.number for r in first.results} & {r.number for r in second.results}


@pytest.mark.parametrize(
    ("values", "location"),
    [
        ({"level": [9]}, "level"),
        ({"level": list(range(11))}, "level"),
        ({"page": 0}, "page"),
        ({"page": 100_001}, "page"),
        ({"page_size": 0}, "page_size"),
        ({"page_size": 101}, "page_size"),
        ({"q": "x" * 8001}, "q"),
    ],
)
def test_bad_requests(values: dict[str, object], location: str) -> None:
    with pytest.raises(ValidationError) as raised:
        services.QualificationQuery.model_validate(values)
    assert [error["loc"] for error in raised.value.errors()] == [(location,)]


def test_the_api_names_and_the_python_names_build_the_same_request() -> None:
    by_api = services.QualificationQuery.model_validate(
        {"q": " payroll ", "level": [5, 4, 5], "page": 2, "page_size": 10}
    )
    by_name = services.QualificationQuery(need="payroll", levels=(4, 5), page=2, page_size=10)
    assert by_api == by_name and by_api.offset == 10
    assert services.QualificationQuery(levels=()).levels == (4, 5)
    fields = services.QualificationQuery.model_fields
    assert [field.alias or name for name, field in fields.items()] == [
        "q",
        "level",
        "page",
        "page_size",
    ]


def test_a_need_with_nothing_to_search_for(sample: None) -> None:
    with pytest.raises(services.QueryError):
        find("?!")


@pytest.mark.django_db
def test_nothing_loaded_says_how_to_load() -> None:
    results = services.find_qualifications(services.QualificationQuery())
    assert results.count == 0
    assert "skillshub ingest qualifications" in results.notes[0]
