"""Tests for the labour market domain: labels, formats, changes, sentences and comparisons."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from skillshub.domain.labour_market import (
    AREAS,
    HEADLINE_SERIES,
    Change,
    Observation,
    Series,
    area_words,
    change,
    change_words,
    classify_regional,
    comparison_sentence,
    direction_words,
    find_regional,
    format_amount,
    format_value,
    headlines,
    industry_name,
    industry_sentence,
    infer_seasonally_adjusted,
    infer_unit,
    is_three_month_average,
    pay_sentence,
    period_label,
    regional_comparison,
    summary_sentence,
    vacancies_by_industry,
)
from skillshub.sources.ons import read_long_csv

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ons"


@pytest.fixture(scope="module")
def uk() -> dict[str, Series]:
    return read_long_csv(FIXTURES / "lms_headline_extract.csv")


@pytest.fixture(scope="module")
def regional() -> dict[str, Series]:
    return read_long_csv(FIXTURES / "lms_regional_extract.csv")


def at(series: Series, year: int, month: int) -> Observation:
    return next(o for o in series.observations if o.period_end == date(year, month, 1))


def made_up(title: str, frequency: str = "m", unit: str = "other", values=(1.0,)) -> Series:
    """A series built in the test, with values chosen to exercise a rule (not ONS data)."""
    start = date(2026, 12 if frequency == "a" else 3, 1)
    step = {"m": 1, "q": 3, "a": 12}[frequency]
    ends = []
    for index in range(len(values)):
        months = start.year * 12 + start.month - 1 - step * (len(values) - 1 - index)
        ends.append(date(months // 12, months % 12 + 1, 1))
    return Series(
        cdid="TEST",
        title=title,
        unit=unit,  # type: ignore[arg-type]
        frequency=frequency,  # type: ignore[arg-type]
        seasonally_adjusted=infer_seasonally_adjusted(title),
        observations=tuple(Observation(e, v) for e, v in zip(ends, values, strict=True)),
    )


# ---- period labels -------------------------------------------------------------------------------


def test_lfs_month_is_labelled_as_the_three_months_it_ends(uk):
    assert period_label(uk["LF24"], at(uk["LF24"], 2026, 4)) == "Feb-Apr 2026"
    assert period_label(uk["LF2S"], at(uk["LF2S"], 2026, 4)) == "Feb-Apr 2026"


def test_three_month_period_across_new_year_names_both_years(uk):
    assert period_label(uk["MGSX"], at(uk["MGSX"], 2026, 1)) == "Nov 2025-Jan 2026"


def test_vacancies_and_three_month_pay_growth_are_rolling(uk):
    assert period_label(uk["AP2Y"], at(uk["AP2Y"], 2026, 5)) == "Mar-May 2026"
    assert period_label(uk["KAC3"], at(uk["KAC3"], 2026, 5)) == "Mar-May 2026"


def test_claimant_count_is_a_single_month(uk):
    assert not is_three_month_average(uk["BCJD"])
    assert period_label(uk["BCJD"], at(uk["BCJD"], 2026, 6)) == "June 2026"


def test_single_month_pay_growth_is_a_single_month():
    series = made_up(
        "AWE: Whole Economy Year on Year Single Month Growth (%): Seasonally Adjusted Total Pay"
    )
    assert period_label(series, series.observations[0]) == "March 2026"


def test_quarters_and_years(uk, regional):
    quarterly = read_long_csv(FIXTURES / "lms_headline_extract.csv", frequency="q")["LF24"]
    assert period_label(quarterly, quarterly.observations[0]) == "Jan-Mar 2025"
    annual = read_long_csv(FIXTURES / "lms_headline_extract.csv", frequency="a")["LF24"]
    latest = annual.latest
    assert latest is not None and period_label(annual, latest) == "2025"
    jobs = regional["JWT9"]
    assert period_label(jobs, jobs.latest) == "March 2026"  # workforce jobs: end of quarter


# ---- units and formats ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "title", "expected"),
    [
        ("%", "Employment rate (aged 16 to 64, seasonally adjusted): %", "percent"),
        ("", "Claimant Count : K02000001 UK : People : SA : Percentage (%)", "percent"),
        ("", "UK Vacancies (thousands) - Total", "thousands"),
        (
            "000's",
            "Number of People in Employment (aged 16 and over, seasonally adjusted):000s",
            "thousands",
        ),
        ("000s\n", "16-24 year old population: All persons: 000s", "thousands"),
        (
            "",
            "AWE: Whole Economy Level (£): Seasonally Adjusted Total Pay Excluding Arrears",
            "gbp",
        ),
        ("", "Labour disputes; number of stoppages in progress; UK", "count"),
        ("", "UK Job Vacancies ratio per 100 emp jobs - Total", "other"),
        ("Index, base year = 100", "AWE: Whole Economy Real Terms Index", "other"),
    ],
)
def test_unit_comes_from_the_unit_field_or_the_title(unit, title, expected):
    assert infer_unit(unit, title) == expected


def test_format_values_by_unit(uk):
    assert format_value(uk["LF24"], 75.1) == "75.1%"
    assert format_value(uk["AP2Y"], 712.0) == "712,000"
    assert format_value(uk["BCJD"], 1688.6) == "1.69 million"
    assert format_amount("thousands", 1500.0) == "1.5 million"
    assert format_amount("gbp", 733.4) == "£733"
    assert format_amount("count", 1234.0) == "1,234"
    assert format_amount("other", 2.5) == "2.5"


# ---- changes and words ---------------------------------------------------------------------------


def test_change_on_the_quarter_is_in_points_for_rates(uk):
    found = change(uk["LF24"], 3)
    assert found is not None
    assert (found.latest.value, found.previous.value) == (75.1, 75.0)
    assert found.previous.period_end == date(2026, 1, 1)
    assert found.difference == 0.1 and found.relative_percent is None


def test_change_on_the_year_for_levels_is_absolute_and_relative(uk):
    found = change(uk["AP2Y"], 12)
    assert found is not None
    assert found.difference == -18.0  # thousands
    assert found.relative_percent == pytest.approx(-18 / 730 * 100)


def test_change_is_none_when_the_earlier_value_is_missing(uk):
    assert change(uk["LF24"], 24) is None
    assert change(replace(uk["LF24"], observations=()), 3) is None


def test_change_lag_must_fit_the_frequency(regional):
    with pytest.raises(ValueError, match="multiple of 3"):
        change(regional["JWT9"], 1)


def changed(series: Series, lag: int) -> Change:
    """The series' change over `lag` months; fails when there is none."""
    found = change(series, lag)
    assert found is not None, f"no change over {lag} months for {series.cdid}"
    return found


def test_direction_words_up_down_and_unchanged(uk):
    assert direction_words(uk["LF24"], changed(uk["LF24"], 3)) == "up 0.1 points on the quarter"
    assert direction_words(uk["LF24"], changed(uk["LF24"], 12)) == "down 0.1 points on the year"
    assert direction_words(uk["MGSX"], changed(uk["MGSX"], 3)) == "unchanged on the quarter"
    assert direction_words(uk["AP2Y"], changed(uk["AP2Y"], 12)) == "down 18,000 on the year"
    assert direction_words(uk["BCJD"], changed(uk["BCJD"], 3)) == "up 16,200 on the quarter"
    assert direction_words(uk["BCJD"], changed(uk["BCJD"], 1)) == "up 6,700 on the month"


def test_small_changes_that_round_to_nothing_are_unchanged():
    series = made_up("LFS: test rate: %: SA", unit="percent", values=(5.0, 5.0, 5.0, 5.04))
    assert direction_words(series, changed(series, 3)) == "unchanged on the quarter"


# ---- sentences and headlines ---------------------------------------------------------------------


def test_summary_sentence_is_built_from_the_data(uk):
    assert summary_sentence(uk["LF24"]) == (
        "The employment rate (aged 16 to 64) was 75.1% in Feb-Apr 2026, "
        "up 0.1 points on the quarter and down 0.1 points on the year."
    )
    assert summary_sentence(uk["AP2Y"]) == (
        "The number of job vacancies was 712,000 in Mar-May 2026, "
        "down 6,000 on the quarter and down 18,000 on the year."
    )


def test_summary_sentence_leaves_out_missing_changes_and_names_unknown_series(uk):
    short = replace(uk["LF24"], observations=uk["LF24"].observations[-4:])
    assert summary_sentence(short).endswith("in Feb-Apr 2026, up 0.1 points on the quarter.")
    series = made_up("Some ONS series", values=(2.0,))
    assert summary_sentence(series) == "Some ONS series (TEST) was 2 in March 2026."
    with pytest.raises(ValueError):
        summary_sentence(replace(series, observations=()))


def test_headlines_in_order_with_changes(uk):
    found = headlines(uk)
    assert [h.cdid for h in found] == [spec.cdid for spec in HEADLINE_SERIES]
    by_cdid = {h.cdid: h for h in found}
    mgsx = by_cdid["MGSX"]
    assert (mgsx.formatted, mgsx.period_label) == ("4.9%", "Feb-Apr 2026")
    assert (mgsx.quarter_words, mgsx.year_words) == (
        "unchanged on the quarter",
        "up 0.2 points on the year",
    )
    assert by_cdid["BCJD"].summary.startswith("The claimant count was 1.69 million in June 2026")
    assert by_cdid["KAI9"].formatted == "3.4%"


def test_headlines_skip_series_that_are_absent(uk):
    assert [h.cdid for h in headlines({"LF24": uk["LF24"]})] == ["LF24"]


def test_headline_units_match_the_data(uk):
    for spec in HEADLINE_SERIES:
        assert uk[spec.cdid].unit == spec.unit, spec.cdid


# ---- regional comparisons and industries ---------------------------------------------------------


@pytest.mark.parametrize(
    ("cdid", "measure", "area", "adjusted"),
    [
        ("LF3P", "employment rate", "North East", True),
        ("LF3R", "employment rate", "Yorkshire and The Humber", True),
        ("LF3Y", "employment rate", "England", True),
        ("DPDM", "claimant count rate", "North East", True),
        ("DPDA", "claimant count rate", "North East", False),
        ("VASQ", "claimant count rate", "England", True),
        ("BCJE", "claimant count rate", "United Kingdom", True),
        ("JWU3", "workforce jobs", "Yorkshire and The Humber", True),
    ],
)
def test_classify_regional_series_from_titles(regional, cdid, measure, area, adjusted):
    found = classify_regional(regional[cdid])
    assert found is not None
    assert (found.measure, found.area.name, found.seasonally_adjusted) == (measure, area, adjusted)


def test_classify_reads_gss_codes_and_leaves_other_ages_out(regional, uk):
    ibwc = classify_regional(regional["IBWC"])
    assert ibwc is not None and ibwc.area.code == "E12000002"
    assert classify_regional(regional["MGSR"]) is None  # aged 16 and over, not 16-64
    lf24 = classify_regional(uk["LF24"])
    assert lf24 is not None and lf24.area.name == "United Kingdom"
    assert classify_regional(uk["AP2Y"]) is None


def test_regional_comparison_at_the_latest_common_period(regional):
    figures = regional_comparison(regional, "employment rate")
    assert len(figures) == 14  # 9 regions, 4 nations, Great Britain (UK LF24 is not in the file)
    assert {f.period_label for f in figures} == {"Feb-Apr 2026"}
    north_east = figures[0]
    assert (north_east.area.name, north_east.formatted, north_east.cdid) == (
        "North East",
        "71.5%",
        "LF3P",
    )
    rates = regional_comparison(regional, "claimant count rate")
    assert rates[0].period_label == "June 2026" and rates[-1].area.name == "United Kingdom"
    unadjusted = regional_comparison(regional, "claimant count rate", seasonally_adjusted=False)
    assert [f.cdid for f in unadjusted] == ["DPDA"]


def test_regional_comparison_falls_back_to_a_period_every_area_has(regional):
    shorter = dict(regional)
    shorter["LF3P"] = replace(regional["LF3P"], observations=regional["LF3P"].observations[:-1])
    figures = regional_comparison(shorter, "employment rate")
    assert {f.period_label for f in figures} == {"Jan-Mar 2026"}
    assert regional_comparison({}, "workforce jobs") == []


def test_vacancies_by_industry_in_sic_order(uk):
    figures = vacancies_by_industry(uk)
    assert [f.section for f in figures] == list("BCDEFGHIJKLMNOPQRS")
    assert {f.period_label for f in figures} == {"Mar-May 2026"}
    health = next(f for f in figures if f.section == "Q")
    assert (health.industry, health.formatted) == ("Human Health and Social Work", "121,000")
    assert "JP9Z" not in {f.cdid for f in figures}


def test_industry_names_are_tidied():
    title = "UK Job Vacancies (thousands) - Water Supply, Sewarage, Waste Management etc."
    assert industry_name(title) == "Water Supply, Sewerage, Waste Management etc"


def area(name: str):
    return next(a for a in AREAS if a.name == name)


def test_vacancy_survey_series_are_seasonally_adjusted(uk):
    assert uk["AP2Y"].seasonally_adjusted and uk["JP9Q"].seasonally_adjusted
    assert infer_seasonally_adjusted("UK Job Vacancies ratio per 100 emp jobs - Total")
    assert not infer_seasonally_adjusted("UK Job Vacancies (thousands) - single month: Total")
    assert not infer_seasonally_adjusted("Some other series")


def test_change_at_an_earlier_period(uk):
    found = change(uk["LF24"], 12, at=date(2026, 1, 1))
    assert found is not None and found.latest == at(uk["LF24"], 2026, 1)
    assert found.previous.period_end == date(2025, 1, 1)
    assert change(uk["LF24"], 3, at=date(2030, 1, 1)) is None


def test_change_words_without_the_period():
    assert change_words("percent", 0.2) == "up 0.2 points"
    assert change_words("thousands", -31.0) == "down 31,000"
    assert change_words("percent", 0.04) == "unchanged"


def test_find_regional_series(regional):
    london = find_regional(regional, "employment rate", area("London"))
    assert london is not None and london.cdid == "LF3V"
    unadjusted = find_regional(
        regional, "claimant count rate", area("North East"), seasonally_adjusted=False
    )
    assert unadjusted is not None and unadjusted.cdid == "DPDA"
    assert find_regional(regional, "workforce jobs", area("United Kingdom")) is None


def test_area_words():
    assert area_words(area("North East")) == "the North East"
    assert area_words(area("East of England")) == "the East of England"
    assert area_words(area("London")) == "London"
    assert area_words(area("Yorkshire and The Humber")) == "Yorkshire and The Humber"
    assert area_words(area("United Kingdom")) == "the United Kingdom"
    assert area_words(area("Wales")) == "Wales"


def test_comparison_sentence_names_highest_and_lowest_against_the_uk(regional):
    figures = regional_comparison(regional, "claimant count rate")
    assert comparison_sentence(figures, "claimant count rate") == (
        "In June 2026, the claimant count rate was highest in the West Midlands (6.3%) and "
        "lowest in the South West (3.0%), against 4.4% for the United Kingdom."
    )


def test_comparison_sentence_leaves_england_out_and_names_ties(regional):
    figures = regional_comparison(regional, "employment rate")
    top = max(f.value for f in figures if f.area.name != "England")
    tied = [replace(f, value=top) if f.area.name in ("Wales", "England") else f for f in figures]
    sentence = comparison_sentence(tied, "employment rate")
    assert "highest in the South East and Wales (78.2%)" in sentence
    # The extract has no UK employment rate (LF24), so Great Britain is the benchmark.
    assert sentence.endswith("against 75.2% for Great Britain.")


def test_comparison_sentence_with_one_area_and_none(regional):
    figures = regional_comparison(regional, "claimant count rate", seasonally_adjusted=False)
    assert comparison_sentence(figures, "claimant count rate") == (
        "The claimant count rate was 4.8% in the North East in June 2026."
    )
    with pytest.raises(ValueError):
        comparison_sentence([], "employment rate")


def test_industry_sentence(uk):
    assert industry_sentence(vacancies_by_industry(uk)) == (
        "In Mar-May 2026, human health and social work had the most vacancies (121,000), "
        "followed by wholesale and retail, repair of motor vehicles (87,000); mining and "
        "quarrying had the fewest (1,000)."
    )
    with pytest.raises(ValueError):
        industry_sentence([])


def test_pay_sentence(uk):
    assert pay_sentence(uk["KAC3"], uk["KAI9"]) == (
        "Annual growth in average weekly earnings was 4.3% for total pay and 3.4% for regular "
        "pay (excluding bonuses) in Mar-May 2026, before taking inflation into account."
    )
    shorter = replace(uk["KAI9"], observations=uk["KAI9"].observations[:-1])
    assert "in Feb-Apr 2026" in pay_sentence(uk["KAC3"], shorter)
