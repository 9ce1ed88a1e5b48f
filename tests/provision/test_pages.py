"""Public provision pages: search near a postcode, offer and provider pages, the shortlist."""

from __future__ import annotations

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from skillshub.provision import models, presenters, store
from tests.page_checks import PageClient, attr, one, tag

pytestmark = pytest.mark.django_db
SEARCH = "/training/"
HTQ_BIRMINGHAM = "ncs:00000000-0000-4000-8000-0000000000a1"


def titles(page: BeautifulSoup) -> list[str]:
    return [h.get_text(" ", strip=True) for h in page.select("ol.govuk-list h3")]


def test_without_data_the_page_says_so_and_how_to_load_it(client_request: PageClient) -> None:
    page = client_request.get(SEARCH)
    text = " ".join(page.get_text(" ").split())
    assert "No course data has been loaded into this Skills Hub yet" in text
    assert "skillshub ingest provision --file PROVIDERS.csv --file COURSES.csv" in text
    link = tag(
        page.find("a", string=lambda s: bool(s and "course directory on GOV.UK" in s)),
        "link to the course directory",
    )
    assert attr(link, "href").startswith("https://www.gov.uk/government/publications/")
    # Without courses the page still searches: colleges and universities near a postcode.
    form = page.find("form", attrs={"role": "search"})
    assert form and form.find("input", id="postcode")


def test_the_search_page_explains_itself_before_a_search(
    client_request: PageClient, course_directory: None
) -> None:
    page = client_request.get(SEARCH)
    assert one(page, "h1").get_text(strip=True) == "Find courses near you"
    assert page.find("input", id="q") and page.find("input", id="postcode")
    assert "9 courses and offers" in page.get_text()
    assert page.find("option", selected=True, string="Within 25 km (16 miles)")


def test_near_a_postcode_lists_nearby_and_online_offers_with_the_facts(
    client_request: PageClient, course_directory: None
) -> None:
    page = client_request.get(SEARCH, postcode="b1 1aa", radius="25")
    status = one(page, '[role="status"]').get_text(" ", strip=True)
    assert status.startswith("7 courses and apprenticeships match within 25 km of B1 1AA")
    found = titles(page)
    assert len(found) == 7
    assert not any("Coventry" in t or "Engineering Manufacturing" in t for t in found)
    assert "[TEST] Mechatronics fundamentals (online)" in found
    first = page.select("ol.govuk-list > li")[0]
    facts = {
        dt.get_text(strip=True): dd.get_text(" ", strip=True)
        for dt, dd in zip(first.select("dt"), first.select("dd"), strict=True)
    }
    assert set(facts) == {"Distance", "Cost", "Time", "Format", "Starts", "Funding"}
    assert "km (" in facts["Distance"] and "miles)" in facts["Distance"]
    assert float(facts["Distance"].split(" km")[0]) < 1.6
    online = next(
        li for li in page.select("ol.govuk-list > li") if "online" in one(li, "h3").get_text()
    )
    assert "available anywhere in England" in online.get_text()
    assert "£1,250 to the learner" in online.get_text()
    assert "10 weeks" in online.get_text()


def test_a_larger_radius_reaches_coventry(
    client_request: PageClient, course_directory: None
) -> None:
    page = client_request.get(SEARCH, postcode="B1 1AA", radius="50")
    assert len(titles(page)) == 8


def test_filters_narrow_the_results(client_request: PageClient, course_directory: None) -> None:
    page = client_request.get(SEARCH, postcode="B1 1AA", type=["htq"])
    assert titles(page) and all("HTQ" in t for t in titles(page))
    page = client_request.get(SEARCH, postcode="B1 1AA", delivery=["online"])
    assert titles(page) == ["[TEST] Mechatronics fundamentals (online)"]
    page = client_request.get(SEARCH, postcode="B1 1AA", max_cost="500", funded="yes")
    assert titles(page) == ["[TEST] Skills Bootcamp in Industrial Automation and Robotics"]
    page = client_request.get(SEARCH, postcode="B1 1AA", funding=["advanced-learner-loan"])
    assert titles(page) == ["[TEST] Mechatronics fundamentals (online)"]
    page = client_request.get(SEARCH, postcode="B1 1AA", level=["5"], max_duration="24")
    assert titles(page) and all("Diploma" in t or "Foundation" in t for t in titles(page))
    assert page.find("input", attrs={"name": "level", "value": "5", "checked": True})


def test_sorting_by_distance(client_request: PageClient, course_directory: None) -> None:
    page = client_request.get(SEARCH, postcode="B1 1AA", sort="distance", radius="50")
    distances = [
        dd.get_text(" ", strip=True)
        for li in page.select("ol.govuk-list > li")
        for dt, dd in zip(li.select("dt"), li.select("dd"), strict=True)
        if dt.get_text(strip=True) == "Distance"
    ]
    numbers = [float(d.split(" km")[0]) for d in distances if " km (" in d]
    assert numbers == sorted(numbers) and numbers[-1] > 25


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"postcode": "B1 1A", "q": ""}, "postcode", "not a full UK postcode"),
        ({"postcode": "B99 9ZZ"}, "postcode", "We could not find B99 9ZZ"),
        ({"q": "", "postcode": ""}, "q", "Describe the skills you need, or enter a postcode"),
        ({"q": "?!", "postcode": "B1 1AA"}, "q", "Describe the skills or tasks you need"),
        ({"postcode": "B1 1AA", "max_cost": "lots"}, "max_cost", "whole number of pounds"),
        ({"postcode": "B1 1AA", "radius": "7"}, "radius", "Select a valid choice"),
        ({"postcode": "B1 1AA", "type": ["spaceship"]}, "type", "Select a valid choice"),
        ({"postcode": "B1 1AA", "page": "6000"}, "main-content", "not that many pages"),
    ],
)
def test_bad_input_is_explained_and_kept(
    client_request: PageClient, course_directory: None, params: dict, field: str, message: str
) -> None:
    page = client_request.get(SEARCH, status=400, **params)
    assert one(page, "title").get_text().startswith("Error: Find courses near you")
    summary = one(page, ".govuk-error-summary")
    assert message in summary.get_text()
    assert summary.find("a", href=f"#{field}")
    if params.get("postcode"):
        assert attr(one(page, "input#postcode"), "value") == params["postcode"]


def test_offer_page_has_the_facts_and_course_json_ld(
    client_request: PageClient, provision: None
) -> None:
    page = client_request.get(f"/training/offers/{HTQ_BIRMINGHAM}/")
    assert one(page, "h1").get_text(strip=True).startswith("[TEST] HTQ Higher National Certificate")
    text = page.get_text(" ")
    assert "£6,165 to the learner" in text and "2 years" in text and "Student finance" in text
    assert page.find("a", href="/standards/ST0662/")  # linked through the learning aim
    blocks = page.find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    script = blocks[0].string
    assert script is not None
    course = json.loads(script)
    assert course["@type"] == "Course" and course["name"].startswith("[TEST] HTQ")
    assert course["provider"]["identifier"]["value"] == "19999901"
    assert course["teaches"][0]["termCode"] == "ST0662"
    assert course["hasCourseInstance"][0]["location"]["address"]["postalCode"] == "B4 7PS"


def test_json_ld_cannot_break_out_of_its_script(
    client_request: PageClient, course_directory: None
) -> None:
    models.Offer.objects.filter(offer_id=HTQ_BIRMINGHAM).update(
        description="</script><script>alert(1)</script>"
    )
    models.ProvisionVersion.bump()
    client = client_request.client
    html = client.get(f"/training/offers/{HTQ_BIRMINGHAM}/").content.decode()
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in block and "\\u003C/script\\u003E" in block


def test_provider_page_lists_its_offers(client_request: PageClient, course_directory: None) -> None:
    page = client_request.get("/training/providers/19999901/")
    assert one(page, "h1").get_text(strip=True) == "Test Fixture College Birmingham"
    assert len(page.select("tbody tr")) == 3
    assert "19999901" in page.get_text()


@pytest.mark.parametrize(
    "url", ["/training/offers/ncs:no-such-run/", "/training/providers/19999999/"]
)
def test_unknown_offers_and_providers_are_not_found(
    client_request: PageClient, course_directory: None, url: str
) -> None:
    client_request.get(url, status=404)


def test_a_withdrawn_offer_is_gone_from_search_and_its_page(
    client_request: PageClient, course_directory: None
) -> None:
    store.withdraw(models.Offer.objects.get(offer_id=HTQ_BIRMINGHAM))
    client_request.get(f"/training/offers/{HTQ_BIRMINGHAM}/", status=404)
    page = client_request.get(SEARCH, postcode="B1 1AA")
    assert len(titles(page)) == 6


def test_shortlist_compare_download_and_clear(
    client_request: PageClient, client: Client, course_directory: None
) -> None:
    client_request.get(SEARCH, postcode="B1 1AA")  # remembers where distances are from
    back = "/training/?postcode=B1+1AA"
    for offer_id in (HTQ_BIRMINGHAM, "ncs:00000000-0000-4000-8000-0000000000a5"):
        response = client.post(
            "/training/shortlist/", {"action": "add", "offer_id": offer_id, "next": back}
        )
        anchor = presenters.offer_anchor(offer_id)
        # Back at the same result (focused there by init.js), told what changed.
        assert response.status_code == 302
        assert response["Location"].startswith(back + "&changed=")
        assert response["Location"].endswith("&did=add#" + anchor)
    back_at = client_request.get(response["Location"].partition("#")[0])
    item = one(back_at, f"li#{anchor}")
    assert attr(item, "tabindex") == "-1"
    assert one(item, '[role="status"]').get_text(strip=True) == "Added to your shortlist (2 in it)."
    assert "changed=" not in attr(one(back_at, 'input[name="next"]'), "value")
    page = client_request.get("/training/shortlist/")
    head = [th.get_text(" ", strip=True) for th in page.select("thead th")]
    assert head[0] == "Course" and len(head) == 3
    rows = {one(r, "th").get_text(strip=True): r for r in page.select("tbody tr")}
    assert "km (" in rows["Distance"].get_text() and "anywhere" in rows["Distance"].get_text()
    assert page.find("a", href="/training/shortlist.csv")
    search_page = client_request.get(SEARCH, postcode="B1 1AA")
    assert "Your shortlist (2)" in search_page.get_text()

    download = client.get("/training/shortlist.csv")
    assert download["Content-Type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(download.content.decode())))
    assert [row["UKPRN"] for row in table] == ["19999901", "19999902"]
    assert table[0]["Distance (km)"] and table[1]["Where"] == "online / national"

    client.post("/training/shortlist/", {"action": "remove", "offer_id": HTQ_BIRMINGHAM})
    assert len(client_request.get("/training/shortlist/").select("thead th")) == 2
    response = client.post(
        "/training/shortlist/", {"action": "clear", "next": "https://elsewhere.example/"}
    )
    assert response["Location"] == "/training/shortlist/"  # never redirects off the site
    assert "Your shortlist is empty" in client_request.get("/training/shortlist/").get_text()


def test_shortlist_forms_need_a_csrf_token(course_directory: None) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/training/shortlist/", {"action": "add", "offer_id": HTQ_BIRMINGHAM})
    assert response.status_code == 403
