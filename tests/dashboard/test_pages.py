"""The labour market page: cards, charts with tables, CSV and sentences, regions, provenance."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from skillshub.core.ingest import IngestResult, run_ingest
from skillshub.core.models import DatasetLoad
from skillshub.dashboard.ingest import api_plan
from skillshub.sources.errors import SourceError
from skillshub.sources.ons import LMS_CSV_URL, UNEM_CSV_URL
from tests.dashboard.conftest import (
    FIXTURE_FILES,
    FIXTURES,
    FakeOpener,
    fetcher_for,
    live_files,
    load_fixture_ons,
)
from tests.page_checks import PageClient, attr, one, tag

URL = "/labour-market/"
NATIONAL = ["employment-rate", "unemployment-rate", "inactivity-rate", "vacancies"]
NATIONAL += ["claimant-count", "pay-growth"]
REGIONAL = ["regions-employment-rate", "regions-inactivity-rate", "regions-claimant-count-rate"]
NORTH_EAST = ["e12000001-employment-rate", "e12000001-inactivity-rate"]
NORTH_EAST += ["e12000001-claimant-count-rate"]


def card(page: BeautifulSoup, cdid: str) -> str:
    found = tag(page.find(id=f"card-{cdid.lower()}"), f"card for {cdid}")
    return " ".join(found.get_text(" ").split())


def chart_figure(page: BeautifulSoup, slug: str) -> dict:
    script = page.find("script", id=f"chart-data-{slug}", type="application/json")
    return json.loads(tag(script, f"data for chart {slug}").get_text())


def test_headline_cards_show_value_period_and_changes(
    client_request: PageClient, ons_data: IngestResult
) -> None:
    page = client_request.get(URL)
    assert one(page, "h1").get_text(strip=True) == "Labour market"
    employment = card(page, "LF24")
    assert "75.1%" in employment and "Feb-Apr 2026" in employment
    assert "Up 0.1 points on the quarter" in employment
    assert "Down 0.1 points on the year" in employment
    assert "4.9%" in card(page, "MGSX") and "Unchanged on the quarter" in card(page, "MGSX")
    assert "712,000" in card(page, "AP2Y") and "Mar-May 2026" in card(page, "AP2Y")
    assert "1.69 million" in card(page, "BCJD") and "June 2026" in card(page, "BCJD")
    for cdid in ("LF2S", "BCJE", "KAC3", "KAI9"):
        card(page, cdid)


def test_source_and_release_are_on_the_page(
    client_request: PageClient, ons_data: IngestResult
) -> None:
    summary = one(client_request.get(URL), "dl.govuk-summary-list")
    text = " ".join(summary.get_text(" ").split())
    assert "Office for National Statistics" in text
    assert "Feb-Apr 2026 (employment rate, unemployment rate, economic inactivity rate)" in text
    assert "June 2026 (claimant count, claimant count rate)" in text
    assert "Published by ONS On or before 7 August 2026 (data/ons/README.md: the files" in text
    assert "lms_headline_extract.csv" in text and "Open Government Licence v3.0" in text


def test_the_release_date_and_a_stale_notice_are_shown(
    client_request: PageClient, ons_data: IngestResult
) -> None:
    page = client_request.get(URL)
    # The embedded files carry no release day: the date of the copy bounds it, with its source.
    assert one(page, "#published").get_text() == "Published by ONS on or before 7 August 2026."
    load = DatasetLoad.latest_for("ons")
    assert load is not None and load.notes.endswith(
        "ONS published these figures on or before 2026-08-07 (source: data/ons/README.md: the "
        "files carry no ONS release date; they were taken from economic-analytics/edd at commit "
        "7ccb7d1 of 7 August 2026, whose LMS.parquet last changed on 21 July 2026)."
    )
    # The newest figure (claimant count, June 2026) is months behind the ONS monthly cycle.
    warning = " ".join(one(page, "div.govuk-warning-text").get_text(" ").split())
    assert "These figures are out of date: the newest is for June 2026" in warning
    assert "skillshub ingest ons --from-api" in warning


def test_a_load_without_a_recorded_date_says_so(
    client_request: PageClient, ons_data: IngestResult
) -> None:
    DatasetLoad.objects.filter(dataset="ons").update(notes="An older load.")
    page = client_request.get(URL)
    assert page.find(id="published") is None
    text = " ".join(one(page, "dl.govuk-summary-list").get_text(" ").split())
    assert "Published by ONS Not recorded in the loaded files" in text


def test_a_live_load_shows_the_ons_release_dates(client_request: PageClient) -> None:
    lms, unem = live_files()
    opener = FakeOpener({LMS_CSV_URL: lms, UNEM_CSV_URL: unem})
    run_ingest(api_plan(fetcher=fetcher_for(opener)))
    summary = one(client_request.get(URL), "dl.govuk-summary-list")
    text = " ".join(summary.get_text(" ").split())
    assert "Published by ONS On 21 July 2026" in text
    assert one(client_request.get(URL), "#published").get_text() == (
        "Published by ONS on 21 July 2026."
    )
    assert "Next ONS release 18 August 2026" in text
    assert "lms.csv" in text and "unem.csv" in text


def test_every_chart_has_a_sentence_a_table_and_a_csv_link(
    client_request: PageClient, ons_data: IngestResult
) -> None:
    page = client_request.get(URL)
    slugs = [attr(div, "id").removeprefix("chart-") for div in page.select("div.app-chart")]
    assert slugs == [*NATIONAL, "vacancies-by-industry", *REGIONAL, *NORTH_EAST]
    for block in page.select("section.app-chart-block"):
        chart = one(block, "div.app-chart")
        figure = tag(chart.find_parent("figure"), "figure around the chart")
        described = [block.find(id=i) for i in attr(figure, "aria-describedby").split()]
        assert figure["aria-labelledby"] == f"{chart['id']}-heading" and all(described)
        assert (
            tag(described[1], "chart description")
            .get_text()
            .startswith(("Line chart.", "Bar chart."))
        )
        summary = one(block, "p.govuk-body").get_text()
        assert summary.endswith(".") and summary.count(". ") == 0, summary  # one sentence
        assert one(block, "details").find("table", class_="govuk-table")
        link = block.find("a", href=lambda h: h and h.endswith(".csv"))
        assert link is not None and link.has_attr("download")


def test_summary_sentences_come_from_the_data(
    client_request: PageClient, ons_data: IngestResult
) -> None:
    page = client_request.get(URL)
    text = " ".join(page.get_text(" ").split())
    assert (
        "The employment rate (aged 16 to 64) was 75.1% in Feb-Apr 2026, up 0.1 points on the "
        "quarter and down 0.1 points on the year." in text
    )
    assert (
        "In Feb-Apr 2026, the employment rate (aged 16 to 64) was highest in the South East "
        "(78.2%) and lowest in the North East (71.5%), against 75.1% for the United Kingdom."
        in text
    )
    assert "In Mar-May 2026, human health and social work had the most vacancies (121,000)" in text
    assert "Annual growth in average weekly earnings was 4.3% for total pay and 3.4%" in text


def test_chart_data_carries_values_and_ons_period_labels(
    client_request: PageClient, ons_data: IngestResult
) -> None:
    page = client_request.get(URL)
    employment = chart_figure(page, "employment-rate")
    line = employment["lines"][0]
    assert employment["kind"] == "time" and employment["percent"] is True
    # Values only: charts.js works out dates and labels from the first period and the step.
    assert set(line) == {"name", "first", "step", "covers", "y", "text"}
    assert (line["first"], line["step"], line["covers"]) == ("2025-01", 1, 3)
    assert (len(line["y"]), line["y"][-1], line["text"][-1]) == (16, 75.1, "75.1%")
    assert employment["end"] == "2026-04" and employment["start"] == "2016-04"
    claimants = chart_figure(page, "claimant-count")["lines"][0]
    assert claimants["covers"] == 1 and claimants["text"][-1] == "1.69 million"
    pay = chart_figure(page, "pay-growth")
    assert [p["name"] for p in pay["lines"]] == ["Total pay", "Regular pay"]
    regions = chart_figure(page, "regions-employment-rate")
    assert regions["kind"] == "bar" and regions["labels"][0] == "North East"
    assert regions["text"][0] == "71.5%" and regions["period"] == "Feb-Apr 2026"
    assert regions["highlight"][-1] is True  # the United Kingdom stands out


def test_tables_match_the_charts(client_request: PageClient, ons_data: IngestResult) -> None:
    page = client_request.get(URL)
    block = tag(one(page, "div#chart-employment-rate").find_parent("section"), "chart section")
    first_row = [c.get_text(strip=True) for c in block.select("tbody tr")[0].find_all(["th", "td"])]
    assert first_row == ["Feb-Apr 2026", "75.1%"]
    industries = tag(
        one(page, "div#chart-vacancies-by-industry").find_parent("section"), "chart section"
    )
    rows = [
        [c.get_text(strip=True) for c in r.find_all(["th", "td"])]
        for r in industries.select("tbody tr")
    ]
    assert rows[0][:3] == ["Mining and Quarrying", "B", "1,000"]
    assert ["Human Health and Social Work", "Q", "121,000"] in [r[:3] for r in rows]


def test_range_buttons_are_govuk_buttons_shown_by_the_script(
    client_request: PageClient, ons_data: IngestResult
) -> None:
    page = client_request.get(URL)
    block = tag(one(page, "div#chart-employment-rate").find_parent("section"), "chart section")
    group = one(block, "div.app-chart-range")
    assert group.has_attr("hidden") and group["role"] == "group"
    buttons = group.find_all("button", class_="govuk-button")
    assert [b["data-range"] for b in buttons] == ["2", "5", "10", "all"]
    assert [b["aria-pressed"] for b in buttons] == ["false", "false", "true", "false"]


def test_choosing_a_region_shows_it_against_the_uk(
    client_request: PageClient, ons_data: IngestResult
) -> None:
    page = client_request.get(URL, area="E12000007")
    assert page.find("option", selected=True, string="London")
    figure = chart_figure(page, "e12000007-claimant-count-rate")
    assert [line["name"] for line in figure["lines"]] == ["London", "United Kingdom"]
    text = " ".join(page.get_text(" ").split())
    assert "The claimant count rate in London was 5.1% in June 2026" in text
    assert page.find("form", action="/labour-market/#one-area")


def test_a_region_s_charts_come_as_json_for_the_script(
    client: Client, client_request: PageClient, ons_data: IngestResult
) -> None:
    page = client_request.get(URL)
    form = one(page, "form[data-area-charts]")
    assert form["method"] == "get" and form["data-area-charts"] == "/labour-market/areas/AREA.json"
    assert one(page, "#area-status")["role"] == "status"
    response = client.get("/labour-market/areas/e12000007.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    found = response.json()
    assert (found["code"], found["name"]) == ("E12000007", "London")
    # The same blocks as the page itself: heading, sentence, data, table and CSV link.
    whole = one(client_request.get(URL, area="E12000007"), "#area-charts")
    assert " ".join(BeautifulSoup(found["html"], "html.parser").get_text().split()) == " ".join(
        whole.get_text().split()
    )
    assert client.get("/labour-market/areas/E99999999.json").status_code == 404


def test_the_page_and_area_charts_are_compressed(client: Client, ons_data: IngestResult) -> None:
    for url in (URL, "/labour-market/areas/E12000001.json"):
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert response["Content-Encoding"] == "gzip", url


def test_an_unknown_region_is_an_error_on_the_form(
    client_request: PageClient, ons_data: IngestResult
) -> None:
    page = client_request.get(URL, status=400, area="Atlantis")
    assert one(page, "title").get_text().startswith("Error: Labour market")
    assert page.find("div", class_="govuk-error-summary")
    assert "Choose a region or nation from the list" in one(page, "#area-error").get_text()
    assert not page.select("div.app-chart[id^=chart-e12]")


def test_csv_download_has_every_value(client: Client, ons_data: IngestResult) -> None:
    response = client.get("/labour-market/data/employment-rate.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "labour-market-employment-rate.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["cdid", "series", "period_end", "period", "value", "unit"]
    assert rows[-1] == [
        "LF24",
        "Employment rate (aged 16 to 64, seasonally adjusted): %",
        "2026-04",
        "Feb-Apr 2026",
        "75.1",
        "percent",
    ]
    assert len(rows) == 1 + 16  # every monthly LF24 value in the fixture


@pytest.mark.parametrize(
    ("slug", "first"),
    [
        ("regions-claimant-count-rate", ["E12000001", "North East", "DPDM", "2026-06"]),
        ("vacancies-by-industry", ["B", "Mining and Quarrying", "JP9H", "2026-05"]),
        (
            "e12000001-employment-rate",
            ["LF3P", "LFS: Employment rate: North East: Aged 16-64: All: %: SA"],
        ),
    ],
)
def test_csv_for_bar_and_area_charts(
    client: Client, ons_data: IngestResult, slug: str, first: list[str]
) -> None:
    response = client.get(f"/labour-market/data/{slug}.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][: len(first)] == first


def test_unknown_chart_csv_is_not_found(client_request: PageClient, ons_data: IngestResult) -> None:
    client_request.get("/labour-market/data/no-such-chart.csv", status=404)


def test_page_without_data_says_how_to_load_it(client_request: PageClient) -> None:
    page = client_request.get(URL)
    assert "skillshub ingest ons" in page.get_text()
    assert not page.find("script", src=lambda s: s and "plotly" in s)
    client_request.get("/labour-market/data/employment-rate.csv", status=404)


def test_page_loads_plotly_from_the_hub_under_the_site_policy(
    client: Client, ons_data: IngestResult
) -> None:
    response = client.get(URL)
    assert "script-src 'self';" in response["Content-Security-Policy"]
    page = BeautifulSoup(response.content, "html.parser")
    sources = [attr(s, "src") for s in page.find_all("script", src=True)]
    assert (
        "/static/vendor/plotly-basic.min.js" in sources and "/static/dashboard/charts.js" in sources
    )
    assert all(s.startswith("/static/") for s in sources)
    inline = [s for s in page.find_all("script", src=False) if s.get("type") != "application/json"]
    assert inline == []


def test_changing_a_value_and_reingesting_changes_the_page(
    client_request: PageClient, ons_data: IngestResult, tmp_path: Path
) -> None:
    text = FIXTURE_FILES[0].read_text(encoding="utf-8")
    old = 'LMS,LF24,"Employment rate (aged 16 to 64, seasonally adjusted): %",m,2026-04-01,75.1,'
    assert old in text
    changed = tmp_path / "lms_headline_extract.csv"
    changed.write_text(text.replace(old, old.replace(",75.1,", ",75.4,")), encoding="utf-8")
    assert load_fixture_ons([changed, FIXTURE_FILES[1]]).changed
    employment = card(client_request.get(URL), "LF24")
    assert "75.4%" in employment and "Up 0.4 points on the quarter" in employment


def test_a_corrupt_file_changes_nothing_on_the_page(
    client_request: PageClient, ons_data: IngestResult, tmp_path: Path
) -> None:
    before = one(client_request.get(URL), "main").get_text()
    corrupt = tmp_path / "lms_regional_extract.csv"
    corrupt.write_text(
        (FIXTURES / "lms_regional_extract.csv").read_text().replace(",4.8,", ",four,", 1)
    )
    with pytest.raises(SourceError):
        load_fixture_ons([FIXTURE_FILES[0], corrupt])
    assert one(client_request.get(URL), "main").get_text() == before


def test_navigation_marks_the_labour_market_page(
    client_request: PageClient, ons_data: IngestResult
) -> None:
    page = client_request.get(URL)
    active = page.select_one(".govuk-service-navigation__item--active")
    assert active is not None and "Labour market" in active.get_text()
