"""Demand services: a need registered, changed and withdrawn; adverts matched and stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from skillshub.demand import services
from skillshub.demand.models import EmployerNeed
from skillshub.domain.geography import InvalidPostcode, UnknownPlace
from skillshub.domain.needs import token_digest
from skillshub.sources.job_adverts import read_job_adverts

pytestmark = pytest.mark.usefixtures("journey_data")

ADVERTS = Path(__file__).parents[1] / "fixtures" / "demand" / "job_adverts.csv"


def need(**changes: object) -> services.NeedRequest:
    answers: dict[str, object] = {
        "need": "maintain the robots on our packing line",
        "standard_references": ["st0662"],
        "headcount": 4,
        "needed_within_months": 6,
        "postcode": "B1 1AA",
        "size_band": "small",
        "sic_section": "c",
    }
    return services.NeedRequest(**{**answers, **changes})


def test_the_request_normalises_and_bounds_its_answers() -> None:
    request = need()
    assert (request.standard_references, request.sic_section) == (["ST0662"], "C")
    for bad in (
        {"headcount": 0},
        {"headcount": 1001},
        {"needed_within_months": 5},
        {"delivery_format": "carrier pigeon"},
        {"level": 3},
        {"standard_references": ["ABC"]},
        {"sic_section": "Z"},
        {"need": "x"},
        {"surprise": 1},
    ):
        with pytest.raises(ValidationError):
            need(**bad)


def test_registering_changing_and_withdrawing() -> None:
    registered = services.register_need(need())
    digest = token_digest(registered.token)
    assert registered.summary.outcode == "B1" and registered.summary.standards[0].level
    changed = services.change_need(digest, need(headcount=9, level=5))
    assert (changed.headcount, changed.level) == (9, 5)
    assert services.need_request_of(digest).headcount == 9
    assert services.withdraw_need(digest).withdrawn
    with pytest.raises(services.NeedNotFound, match="withdrawn"):
        services.change_need(digest, need())
    with pytest.raises(services.NeedNotFound):
        services.find_need(token_digest("wrong"))


def test_unknown_standards_or_places_store_nothing() -> None:
    with pytest.raises(services.UnknownStandards, match="ST9999"):
        services.register_need(need(standard_references=["ST9999"]))
    with pytest.raises((InvalidPostcode, UnknownPlace)):
        services.register_need(need(postcode="ZZ99 9ZZ"))
    assert not EmployerNeed.objects.exists()


def test_adverts_are_matched_placed_and_dated_when_posted() -> None:
    adverts = read_job_adverts(ADVERTS.read_bytes(), source="job_adverts.csv")
    seen: list[int] = []
    result = services.import_adverts(
        adverts, partner="Test partner", progress=lambda done, total: seen.append(done)
    )
    assert (result.stored, result.already_held) == (2, 0) and seen == [1, 2]
    stored = {n.need.split("\n")[0]: n for n in EmployerNeed.objects.all()}
    robots = stored["Maintenance technician (TEST FIXTURE)"]
    assert robots.outcode == "B1" and "ST0662" in robots.standard_references
    accounts = stored["Assistant accountant (TEST FIXTURE)"]
    assert accounts.outcode == "" and accounts.local_authority_code.startswith("E08")
    assert accounts.created_at.date().isoformat() == "2026-11-03"
    again = services.import_adverts(adverts, partner="Test partner")
    assert (again.stored, again.already_held) == (0, 2)


def test_one_unplaceable_advert_refuses_the_upload() -> None:
    adverts = read_job_adverts(
        ADVERTS.read_bytes() + b"Welder,Weld steel,Atlantis,2026-11-04\n", source="f.csv"
    )
    with pytest.raises(services.UnplacedAdverts, match="row 4, location 'Atlantis'"):
        services.import_adverts(adverts, partner="Test partner")
    assert not EmployerNeed.objects.exists()
