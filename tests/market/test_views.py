"""The local market pages through the page checker, and the same figures in CSV and XLSX."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from skillshub.sources.ofs_register import read_xlsx_sheet
from tests.market.data import SMALL, UNMET
from tests.page_checks import PageClient

pytestmark = pytest.mark.usefixtures("market_data")
AREA = "/local-market/areas/E47000007/"


def test_the_chooser_lists_west_midlands_first(client_request: PageClient) -> None:
    page = client_request.get("/local-market/")
    options = [o.get_text() for o in page.select("select#area option")]
    assert options[0].startswith("West Midlands")


def test_the_area_page_ranks_hides_and_maps(client_request: PageClient) -> None:
    page = client_request.get(AREA)
    text = page.get_text(" ")
    assert "fewer than 5" in text
    rows = [r.get_text(" ") for r in page.select("table")[0].select("tbody tr")]
    assert UNMET in rows[0]
    assert page.select_one("svg.app-map[role=img] title#map-title")
    assert "skillshub ingest starts --file" in text
    assert "[TEST]" not in text  # what employers wrote is never shown


def test_the_printable_report_has_no_links_to_leave(client_request: PageClient) -> None:
    page = client_request.get(AREA, print="1")
    assert not page.select("a[download]")


def test_csv_and_xlsx_carry_the_same_figures(client: Client) -> None:
    text = client.get(AREA + "gaps.csv").content.decode()
    table = list(csv.reader(io.StringIO(text)))[1:]
    small = next(row for row in table if row[0] == "standard" and row[1] == SMALL)
    assert small[5] == "fewer than 5"
    response = client.get(AREA + "gaps.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = read_xlsx_sheet(response.content, sheet="Gaps", source="gaps.xlsx")
    assert [row + [""] * (len(table[0]) - len(row)) for row in sheet] == table


def test_an_unknown_area_is_404(client_request: PageClient) -> None:
    client_request.get("/local-market/areas/E47000099/", status=404)


def test_the_provider_page_shows_cohorts(client_request: PageClient) -> None:
    from skillshub.provision.models import Provider

    ukprn = Provider.objects.order_by("ukprn").values_list("ukprn", flat=True).first()
    page = client_request.get(f"/local-market/providers/{ukprn}/")
    assert "Possible cohorts" in page.get_text(" ")


def test_the_area_page_gives_the_regions_labour_market(client_request: PageClient) -> None:
    page = client_request.get("/local-market/areas/E47000007/")
    assert "No ONS labour market figures are loaded" in page.get_text(" ")
    from tests.dashboard.conftest import load_fixture_ons

    load_fixture_ons()
    page = client_request.get("/local-market/areas/E47000007/")
    link = page.find("a", string=lambda s: bool(s) and "on the labour market dashboard" in s)
    assert link is not None and link["href"] == "/labour-market/?area=E12000005#one-area"
    assert "West Midlands" in link.get_text()
