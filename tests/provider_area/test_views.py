"""Provider accounts: sign in, then publish, change, withdraw and upload only their own offers."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from skillshub.provision import models
from tests.page_checks import PageClient, check_page, one
from tests.provision.loading import BAD_COURSES_CSV, COURSES_CSV

pytestmark = pytest.mark.django_db
PASSWORD = "a long test passphrase 42"
COLLEGE, TRAINING = 19999901, 19999902
TITLE = "[TEST] Evening course in PLC fault finding"
GOOD_OFFER = {
    "title": TITLE,
    "offer_type": "short-course",
    "level": "4",
    "standards": "st0154",
    "delivery_mode": "classroom",
    "study_mode": "part-time",
    "hours_per_week": "3",
    "duration_value": "10",
    "duration_unit": "weeks",
    "cost_to_learner": "£450",
    "start_dates": "12/01/2027\n13/04/2027",
    "venue_postcode": "b5 5su",
    "funding": ["advanced-learner-loan"],
}


def account(ukprn: int, email: str) -> Client:
    user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)
    provider = models.Provider.objects.get(ukprn=ukprn)
    models.ProviderAccount.objects.create(user=user, provider=provider)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def college(course_directory: None) -> Client:
    return account(COLLEGE, "college@example.ac.uk")


@pytest.fixture
def other(course_directory: None) -> Client:
    return account(TRAINING, "training@example.com")


def page(client: Client, url: str, *, status: int = 200, data: dict | None = None) -> BeautifulSoup:
    response = client.post(url, data) if data is not None else client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return check_page(response.content.decode())


def publish(client: Client, **changes: object) -> models.Offer:
    response = client.post("/training/provider/offers/new/", {**GOOD_OFFER, **changes})
    if response.status_code != 302:
        summary = check_page(response.content.decode()).select_one(".govuk-error-summary")
        raise AssertionError(summary.get_text(" ", strip=True) if summary else response.status_code)
    return models.Offer.objects.filter(source="provider").latest("id")


def test_the_provider_area_needs_a_sign_in(
    client_request: PageClient, course_directory: None
) -> None:
    response = client_request.client.get("/training/provider/offers/new/")
    assert response.status_code == 302
    assert (
        response["Location"]
        == "/training/provider/sign-in/?next=%2Ftraining%2Fprovider%2Foffers%2Fnew%2F"
    )


def test_sign_in_with_email_and_password(
    client_request: PageClient, course_directory: None
) -> None:
    account(COLLEGE, "college@example.ac.uk")
    signin = client_request.get("/training/provider/sign-in/")
    assert one(signin, "h1").get_text(strip=True) == "Sign in to publish your courses"
    wrong = client_request.post(
        "/training/provider/sign-in/",
        {"email": "college@example.ac.uk", "password": "not it"},
        status=400,
    )
    assert "email address or password is not right" in wrong.get_text()
    assert one(wrong, "input#email")["value"] == "college@example.ac.uk"
    assert one(wrong, "input#password").get("value", "") == ""
    response = client_request.client.post(
        "/training/provider/sign-in/",
        {"email": "College@Example.ac.uk", "password": PASSWORD, "next": "/training/provider/"},
    )
    assert response.status_code == 302 and response["Location"] == "/training/provider/"
    dashboard = client_request.get("/training/provider/")
    assert "Signed in for Test Fixture College Birmingham (UKPRN 19999901)" in dashboard.get_text()
    assert len(dashboard.select("tbody tr")) == 3  # its course directory courses, read-only
    assert "Update it in the National Careers Service course directory" in dashboard.get_text()
    client_request.client.post("/training/provider/sign-out/")
    assert client_request.client.get("/training/provider/").status_code == 302


def test_an_ordinary_user_is_not_a_provider(
    client_request: PageClient, course_directory: None
) -> None:
    user = get_user_model().objects.create_user(username="someone", password=PASSWORD)
    client_request.client.force_login(user)
    found = client_request.get("/training/provider/", status=403)
    assert "not linked to a provider" in found.get_text()


def test_sign_in_needs_a_csrf_token(course_directory: None) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/training/provider/sign-in/", {"email": "a@b.c", "password": "x"})
    assert response.status_code == 403


def test_publish_change_and_withdraw_an_offer(college: Client) -> None:
    form = page(college, "/training/provider/offers/new/")
    assert one(form, "h1").get_text(strip=True) == "Add a course"
    row = publish(college)
    assert row.provider.ukprn == COLLEGE and row.offer_id.startswith("hub:19999901:")
    assert row.standard_references == ["ST0154"] and row.venue_postcode == "B5 5SU"
    assert row.easting is not None and row.duration_months == pytest.approx(2.3, abs=0.01)
    assert str(row.cost_to_learner_gbp) == "450.00"
    assert row.start_dates == ["2027-01-12", "2027-04-13"]
    dashboard = page(college, "/training/provider/")
    assert "is published" in dashboard.get_text()

    change = page(college, f"/training/provider/offers/{row.offer_id}/change/")
    assert one(change, "input#title")["value"] == TITLE
    assert one(change, "textarea#start_dates").get_text() == "12/01/2027\n13/04/2027"
    assert one(change, "input#duration_value")["value"] == "10"
    response = college.post(
        f"/training/provider/offers/{row.offer_id}/change/",
        {**GOOD_OFFER, "title": "[TEST] New title"},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.title == "[TEST] New title"
    assert models.Offer.objects.filter(source="provider").count() == 1

    search = page(college, "/training/?postcode=B1+1AA&q=")
    assert "[TEST] New title" in search.get_text()
    confirm = page(college, f"/training/provider/offers/{row.offer_id}/withdraw/")
    assert one(confirm, "h1").get_text(strip=True) == "Withdraw [TEST] New title"
    college.post(f"/training/provider/offers/{row.offer_id}/withdraw/")
    row.refresh_from_db()
    assert row.withdrawn_at is not None
    assert "[TEST] New title" not in page(college, "/training/?postcode=B1+1AA").get_text()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Enter the course title"),
        ({"standards": "ST9999"}, "standards", "ST9999 is not a standard we know"),
        ({"cost_to_learner": "a lot"}, "cost_to_learner", "is not a price"),
        ({"start_dates": "31/02/2027"}, "start_dates", "is not a date"),
        ({"start_dates": ""}, "start_dates", "Enter at least one start date"),
        ({"venue_postcode": ""}, "venue_postcode", "Enter the postcode where the course is taught"),
        ({"venue_postcode": "B1 1A"}, "venue_postcode", "not a full UK postcode"),
        ({"duration_unit": ""}, "duration_unit", "Choose whether the length is in"),
        ({"hours_per_week": "100"}, "hours_per_week", "60 or fewer"),
        ({"url": "not a web address"}, "url", "is not a web address"),
    ],
)
def test_a_form_with_a_mistake_says_what_to_change_and_keeps_the_answers(
    college: Client, changes: dict, field: str, message: str
) -> None:
    form = page(
        college, "/training/provider/offers/new/", status=400, data={**GOOD_OFFER, **changes}
    )
    assert one(form, "title").get_text().startswith("Error: Add a course")
    summary = one(form, ".govuk-error-summary")
    assert message in summary.get_text() and summary.find("a", href=f"#{field}")
    assert one(form, "input#hours_per_week")["value"] == changes.get("hours_per_week", "3")
    assert form.find(
        "input", attrs={"name": "funding", "value": "advanced-learner-loan", "checked": True}
    )
    assert not models.Offer.objects.filter(source="provider").exists()


def test_online_offers_need_no_postcode(college: Client) -> None:
    row = publish(college, venue_postcode="", delivery_mode="online", national="yes")
    assert row.national and row.easting is None


def test_a_provider_cannot_see_or_change_another_providers_offers(
    college: Client, other: Client
) -> None:
    theirs = publish(other)
    for url in (
        f"/training/provider/offers/{theirs.offer_id}/change/",
        f"/training/provider/offers/{theirs.offer_id}/withdraw/",
    ):
        assert college.get(url).status_code == 404
        assert college.post(url, {**GOOD_OFFER, "title": "[TEST] Taken over"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == TITLE and theirs.withdrawn_at is None
    assert theirs.provider.ukprn == TRAINING
    mine = page(college, "/training/provider/")
    assert theirs.offer_id not in str(mine) and TITLE not in mine.get_text()
    # Nor can imported offers be changed through the form, even the provider's own.
    imported = "ncs:00000000-0000-4000-8000-0000000000a1"
    assert college.get(f"/training/provider/offers/{imported}/change/").status_code == 404


def test_an_upload_with_one_bad_row_saves_nothing_and_lists_row_and_column(college: Client) -> None:
    before = models.Offer.objects.count()
    upload = SimpleUploadedFile("courses.csv", BAD_COURSES_CSV.read_bytes(), "text/csv")
    result = page(college, "/training/provider/upload/", status=400, data={"courses": upload})
    assert models.Offer.objects.count() == before
    assert "nothing was saved" in one(result, ".govuk-error-summary").get_text()
    rows = [
        [cell.get_text(strip=True) for cell in tr.find_all(["th", "td"])]
        for tr in result.select("#problems tbody tr")
    ]
    columns = {row[1] for row in rows if row[0] == "3"}
    assert {"PROVIDER_UKPRN", "DELIVER_MODE", "FLEXIBLE_STARTDATE", "STARTDATE"} <= columns
    assert {"COST", "LOCATION_POSTCODE", "COURSE_URL"} <= columns
    # Row 4 is another provider's course: a provider's upload may only hold its own.
    assert ["4", "PROVIDER_UKPRN", "this upload is for UKPRN 19999901, not 19999902"] in rows
    assert {row[0] for row in rows} == {"3", "4"}


def test_an_upload_for_another_provider_is_refused(college: Client, tmp_path: Path) -> None:
    lines = COURSES_CSV.read_text().splitlines()
    theirs = "\n".join([lines[0], lines[4]]) + "\n"  # a row for UKPRN 19999902
    upload = SimpleUploadedFile("courses.csv", theirs.encode(), "text/csv")
    result = page(college, "/training/provider/upload/", status=400, data={"courses": upload})
    assert "this upload is for UKPRN 19999901, not 19999902" in result.get_text()
    assert not models.Offer.objects.filter(source="provider").exists()


def test_a_good_upload_adds_then_updates(college: Client) -> None:
    lines = COURSES_CSV.read_text().splitlines()
    mine = "\n".join(lines[:4]) + "\n"  # the college's three course runs
    for expected in ("3 courses added and 0 updated", "0 courses added and 3 updated"):
        upload = SimpleUploadedFile("courses.csv", mine.encode(), "text/csv")
        response = college.post("/training/provider/upload/", {"courses": upload})
        assert response.status_code == 302
        assert expected in page(college, "/training/provider/").get_text()
    uploaded = models.Offer.objects.filter(source="provider")
    assert uploaded.count() == 3
    assert all(row.offer_id.startswith("upload:19999901:") for row in uploaded)
    assert all(row.easting is not None for row in uploaded)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file you chose is empty"),
        (b"PK\x03\x04 workbook", "This is a spreadsheet workbook"),
        (b"PROVIDER_UKPRN,COURSE_NAME\n", "no 'DELIVER_MODE' column"),
    ],
)
def test_unusable_files_are_explained(college: Client, content: bytes, message: str) -> None:
    upload = SimpleUploadedFile("courses.csv", content, "text/csv")
    response = college.post("/training/provider/upload/", {"courses": upload})
    assert response.status_code == 400
    assert message in check_page(response.content.decode()).get_text()
