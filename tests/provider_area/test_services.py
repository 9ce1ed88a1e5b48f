"""Provider area use cases: sign-ins for one UKPRN each; publishing, withdrawing, uploading."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from skillshub.domain import provision as domain
from skillshub.provider_area import services
from skillshub.provision import models
from tests.provision.loading import COURSES_CSV

pytestmark = pytest.mark.django_db
PASSWORD = "a long test passphrase 42"
COLLEGE, TRAINING = 19999901, 19999902


def college() -> models.Provider:
    return models.Provider.objects.get(ukprn=COLLEGE)


def test_an_account_is_made_for_a_loaded_provider(course_directory: None) -> None:
    new = services.new_account(ukprn="19999901", email=" Staff@Example.ac.uk ")
    assert new.email == "staff@example.ac.uk" and new.provider == college()
    account = services.create_account(new, password=PASSWORD)
    assert account.provider.ukprn == COLLEGE and account.user.check_password(PASSWORD)
    assert services.provider_for(account.user) == college()
    assert services.list_accounts() == [
        services.AccountListing(
            ukprn=COLLEGE, email="staff@example.ac.uk", provider_name=college().name
        )
    ]


def test_an_account_can_bring_a_provider_no_source_lists_yet(course_directory: None) -> None:
    new = services.new_account(ukprn=19999990, email="new@example.com", name=" [TEST] New ")
    assert new.provider is None
    provider = services.create_account(new, password=PASSWORD).provider
    assert provider.name == "[TEST] New"
    assert list(provider.listings.values_list("source", flat=True)) == ["provider"]


@pytest.mark.parametrize(
    ("answers", "refusal", "message"),
    [
        ({"ukprn": "1234", "email": "a@example.com"}, services.BadAnswer, "UKPRN"),
        ({"ukprn": "19999901", "email": "not-an-email"}, services.BadAnswer, "email"),
        ({"ukprn": "19999999", "email": "a@example.com"}, services.Refused, "--name"),
    ],
)
def test_a_request_that_cannot_be_met_says_what_to_do(
    course_directory: None, answers: dict[str, str], refusal: type, message: str
) -> None:
    with pytest.raises(refusal, match=message):
        services.new_account(**answers)


def test_one_sign_in_per_person_and_a_strong_password(course_directory: None) -> None:
    new = services.new_account(ukprn=COLLEGE, email="staff@example.ac.uk")
    with pytest.raises(services.BadAnswer, match="too short"):
        services.create_account(new, password="short")
    assert not models.ProviderAccount.objects.exists()
    services.create_account(new, password=PASSWORD)
    with pytest.raises(services.Refused, match="already has a provider sign-in"):
        services.new_account(ukprn=TRAINING, email="staff@example.ac.uk")


def test_removing_an_account_keeps_its_offers(course_directory: None) -> None:
    services.create_account(
        services.new_account(ukprn=COLLEGE, email="staff@example.ac.uk"), password=PASSWORD
    )
    offers = college().offers.count()
    assert services.remove_account("Staff@example.ac.uk") == "staff@example.ac.uk"
    assert not get_user_model().objects.filter(username="staff@example.ac.uk").exists()
    assert college().offers.count() == offers
    with pytest.raises(services.Refused, match="has no provider sign-in"):
        services.remove_account("staff@example.ac.uk")


def test_an_ordinary_user_has_no_provider(course_directory: None) -> None:
    user = get_user_model().objects.create_user(username="someone", password=PASSWORD)
    assert services.provider_for(user) is None


def test_publish_then_withdraw_an_offer_of_ones_own(course_directory: None) -> None:
    provider = college()
    offer_id = services.offer_id_for(provider, None)
    assert offer_id.startswith("hub:19999901:")
    offer = domain.Offer(
        offer_id=offer_id,
        ukprn=COLLEGE,
        offer_type=domain.OfferType.SHORT_COURSE,
        title="[TEST] PLC fault finding",
        delivery_mode=domain.DeliveryMode.CLASSROOM,
        start_dates=(date(2027, 1, 12),),
        venue_postcode="B5 5SU",
    )
    row = services.publish_offer(offer, provider=provider)
    assert row.easting is not None  # placed by its postcode
    assert services.own_offer(provider, offer_id) == row
    assert services.offer_id_for(provider, row) == offer_id
    assert services.own_offer(models.Provider.objects.get(ukprn=TRAINING), offer_id) is None
    imported = "ncs:00000000-0000-4000-8000-0000000000a1"
    assert services.own_offer(provider, imported) is None  # imports are not changed here
    services.withdraw_offer(row)
    row.refresh_from_db()
    assert row.withdrawn_at is not None


def test_an_upload_gets_ids_of_its_own_and_saves_all_together(course_directory: None) -> None:
    lines = COURSES_CSV.read_text().splitlines()
    mine = ("\n".join(lines[:4]) + "\n").encode()
    offers, problems = services.read_courses(mine, filename="courses.csv", provider=college())
    assert not problems and len(offers) == 3
    assert all(offer.offer_id.startswith("upload:19999901:") for offer in offers)
    assert services.publish_upload(offers, provider=college()) == (3, 0)
    assert services.publish_upload(offers, provider=college()) == (0, 3)


def test_a_file_with_no_courses_is_refused_and_a_missing_column_is_a_row_problem(
    course_directory: None,
) -> None:
    header = COURSES_CSV.read_bytes().splitlines()[0] + b"\n"
    with pytest.raises(services.Refused, match="header row but no courses"):
        services.read_courses(header, filename="courses.csv", provider=college())
    offers, problems = services.read_courses(
        b"PROVIDER_UKPRN,COURSE_NAME\n", filename="courses.csv", provider=college()
    )
    assert not offers and [(p.row, p.column) for p in problems] == [(1, "DELIVER_MODE")]
