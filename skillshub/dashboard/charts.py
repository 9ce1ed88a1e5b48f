"""The dashboard's charts: what each one shows, its sentence, its figure data and its CSV rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from skillshub.domain.labour_market import (
    AREAS,
    HEADLINE_SERIES,
    MEASURE_SUBJECTS,
    Area,
    Measure,
    Series,
    Unit,
    area_words,
    change,
    change_words,
    comparison_sentence,
    find_regional,
    format_value,
    industry_sentence,
    is_three_month_average,
    months_before,
    pay_sentence,
    period_label,
    regional_comparison,
    summary_sentence,
    vacancies_by_industry,
)
from skillshub.domain.labour_market.series import MONTHS_PER_PERIOD

DEFAULT_YEARS_SHOWN = 10
"""Time charts open on the last ten years; the range buttons and slider show the rest."""
UNITED_KINGDOM = next(a for a in AREAS if a.name == "United Kingdom")
_SPECS = {spec.cdid: spec for spec in HEADLINE_SERIES}


@dataclass(frozen=True)
class Line:
    name: str
    series: Series


@dataclass(frozen=True)
class TimeChart:
    """One or more series over time (monthly), opening on the last ten years."""

    slug: str
    title: str
    summary: str
    description: str
    unit: Unit
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Bar:
    label: str
    code: str
    cdid: str
    value: float
    formatted: str
    change_on_year: str
    highlight: bool


@dataclass(frozen=True)
class BarChart:
    """One value per area or industry for a single period."""

    slug: str
    title: str
    summary: str
    description: str
    unit: Unit
    period_end: date
    period_label: str
    label_heading: str
    code_heading: str
    bars: tuple[Bar, ...]


Chart = TimeChart | BarChart

# (slug, title, CDIDs with line names); descriptions come from the headline specs.
NATIONAL_CHARTS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("employment-rate", "Employment rate, aged 16 to 64", (("LF24", "Employment rate"),)),
    ("unemployment-rate", "Unemployment rate, aged 16 and over", (("MGSX", "Unemployment rate"),)),
    (
        "inactivity-rate",
        "Economic inactivity rate, aged 16 to 64",
        (("LF2S", "Economic inactivity rate"),),
    ),
    ("vacancies", "Job vacancies", (("AP2Y", "Job vacancies"),)),
    ("claimant-count", "Claimant count", (("BCJD", "Claimant count"),)),
    (
        "pay-growth",
        "Annual growth in average weekly earnings",
        (("KAC3", "Total pay"), ("KAI9", "Regular pay")),
    ),
)
REGIONAL_MEASURES: tuple[tuple[str, Measure, str], ...] = (
    ("employment-rate", "employment rate", "Employment rate, aged 16 to 64"),
    ("inactivity-rate", "inactivity rate", "Economic inactivity rate, aged 16 to 64"),
    ("claimant-count-rate", "claimant count rate", "Claimant count rate"),
)
REGIONAL_DESCRIPTIONS: dict[Measure, str] = {
    "employment rate": "Labour Force Survey, three-month average, seasonally adjusted.",
    "inactivity rate": "Labour Force Survey, three-month average, seasonally adjusted.",
    "claimant count rate": "Claimants as a percentage of residents aged 16 to 64 (the ONS "
    "claimant count rate), single month, seasonally adjusted.",
}
INDUSTRY_SLUG = "vacancies-by-industry"


def national_charts(series: Mapping[str, Series]) -> list[TimeChart]:
    """The UK headline measures over time, for the series that are loaded."""
    charts = []
    for slug, title, members in NATIONAL_CHARTS:
        lines = tuple(
            Line(name, series[cdid])
            for cdid, name in members
            if cdid in series and series[cdid].observations
        )
        if not lines:
            continue
        first = lines[0].series
        summary = summary_sentence(first)
        if slug == "pay-growth" and len(lines) == 2:
            summary = pay_sentence(lines[0].series, lines[1].series)
        spec = _SPECS.get(first.cdid)
        description = spec.description if spec else first.title
        if slug == "pay-growth":
            description = (
                "Average weekly earnings, whole economy: growth of the three-month average on a "
                "year earlier, seasonally adjusted, before inflation. Total pay includes bonuses; "
                "regular pay does not."
            )
        charts.append(TimeChart(slug, title, summary, description, first.unit, lines))
    return charts


def _bar_change(series: Series, at: date) -> str:
    found = change(series, 12, at=at)
    return change_words(series.unit, found.difference) if found else "No figure"


def regional_charts(series: Mapping[str, Series]) -> list[BarChart]:
    """Regions and nations side by side on each measure, at the latest period they all have."""
    charts = []
    for slug, measure, title in REGIONAL_MEASURES:
        figures = regional_comparison(series, measure)
        if not figures:
            continue
        bars = tuple(
            Bar(
                label=f.area.name,
                code=f.area.code,
                cdid=f.cdid,
                value=f.value,
                formatted=f.formatted,
                change_on_year=_bar_change(series[f.cdid], f.period_end),
                highlight=f.area.kind == "total",
            )
            for f in figures
        )
        charts.append(
            BarChart(
                slug=f"regions-{slug}",
                title=f"{title}, by region and nation",
                summary=comparison_sentence(figures, measure),
                description=REGIONAL_DESCRIPTIONS[measure],
                unit=series[figures[0].cdid].unit,
                period_end=figures[0].period_end,
                period_label=figures[0].period_label,
                label_heading="Region or nation",
                code_heading="Area code",
                bars=bars,
            )
        )
    return charts


def industry_chart(series: Mapping[str, Series]) -> BarChart | None:
    """Vacancies in each industry (SIC 2007 section) for the latest period all of them have."""
    figures = vacancies_by_industry(series)
    if not figures:
        return None
    bars = tuple(
        Bar(
            label=f.industry,
            code=f.section,
            cdid=f.cdid,
            value=f.value,
            formatted=f.formatted,
            change_on_year=_bar_change(series[f.cdid], f.period_end),
            highlight=False,
        )
        for f in figures
    )
    return BarChart(
        slug=INDUSTRY_SLUG,
        title="Job vacancies by industry",
        summary=industry_sentence(figures),
        description="Vacancy Survey, UK, three-month average, seasonally adjusted, by UK SIC "
        "2007 section (agriculture, section A, is not surveyed).",
        unit=series[figures[0].cdid].unit,
        period_end=figures[0].period_end,
        period_label=figures[0].period_label,
        label_heading="Industry",
        code_heading="SIC section",
        bars=bars,
    )


def areas_with_data(series: Mapping[str, Series]) -> list[Area]:
    """Regions and nations (not the UK) with at least one regional measure over time."""
    return [
        area
        for area in AREAS
        if area != UNITED_KINGDOM
        and any(find_regional(series, m, area) for _, m, _ in REGIONAL_MEASURES)
    ]


def area_charts(series: Mapping[str, Series], area: Area) -> list[TimeChart]:
    """One area's employment, inactivity and claimant count rates over time, with the UK's."""
    charts = []
    for slug, measure, title in REGIONAL_MEASURES:
        own = find_regional(series, measure, area)
        if own is None or not own.observations:
            continue
        lines = [Line(area.name, own)]
        uk = find_regional(series, measure, UNITED_KINGDOM)
        if uk is not None and uk.observations and area != UNITED_KINGDOM:
            lines.append(Line(UNITED_KINGDOM.name, uk))
        subject = f"{MEASURE_SUBJECTS[measure]} in {area_words(area)}"
        charts.append(
            TimeChart(
                slug=f"{area.code.lower()}-{slug}",
                title=f"{title}: {area.name}",
                summary=summary_sentence(own, subject=subject),
                description=REGIONAL_DESCRIPTIONS[measure],
                unit=own.unit,
                lines=tuple(lines),
            )
        )
    return charts


def area_by_code(code: str) -> Area | None:
    return next((a for a in AREAS if a.code.lower() == code.strip().lower()), None)


def chart_by_slug(series: Mapping[str, Series], slug: str) -> Chart | None:
    """Find any chart the dashboard can draw by its slug (area charts start with the GSS code)."""
    charts: list[Chart] = [*national_charts(series), *regional_charts(series)]
    industries = industry_chart(series)
    if industries:
        charts.append(industries)
    area = area_by_code(slug.split("-", 1)[0])
    if area is not None:
        charts.extend(area_charts(series, area))
    return next((c for c in charts if c.slug == slug), None)


# ---- figure data for charts.js -------------------------------------------------------------------

AXIS_TITLES: dict[Unit, str] = {
    "percent": "Per cent",
    "thousands": "Thousands",
    "gbp": "Pounds",
    "count": "Number",
    "other": "",
}


TIME_CHART_PX = 420
BAR_CHART_BASE_PX, BAR_PX = 80, 30
"""Heights charts.js draws at; the page keeps that space for each chart before it is drawn."""


def _monthly_grid(series: Series) -> tuple[list[float | None], list[str]]:
    """Values and their display text on an unbroken grid of periods (None where ONS has none).

    charts.js works out each point's date from the first period and the step, so the page does
    not carry a date and a period label for every one of the ~5,000 points it draws.
    """
    step = MONTHS_PER_PERIOD[series.frequency]
    by_end = {o.period_end: o.value for o in series.observations}
    first, last = series.observations[0].period_end, series.observations[-1].period_end
    count = ((last.year - first.year) * 12 + last.month - first.month) // step + 1
    values: list[float | None] = []
    texts: list[str] = []
    for index in range(count):
        value = by_end.get(months_before(first, -index * step))
        values.append(value)
        texts.append(format_value(series, value) if value is not None else "")
    return values, texts


def figure(chart: Chart) -> dict[str, Any]:
    """Only what charts.js needs to draw a chart with plotly: values, their text, the periods."""
    if isinstance(chart, BarChart):
        return {
            "kind": "bar",
            "height": BAR_CHART_BASE_PX + BAR_PX * len(chart.bars),
            "axis": AXIS_TITLES[chart.unit],
            "percent": chart.unit == "percent",
            "period": chart.period_label,
            "labels": [b.label for b in chart.bars],
            "values": [b.value for b in chart.bars],
            "text": [b.formatted for b in chart.bars],
            "highlight": [b.highlight for b in chart.bars],
        }
    latest = max(line.series.latest.period_end for line in chart.lines if line.series.latest)
    lines = []
    for line in chart.lines:
        values, texts = _monthly_grid(line.series)
        lines.append(
            {
                "name": line.name,
                "first": f"{line.series.observations[0].period_end:%Y-%m}",
                "step": MONTHS_PER_PERIOD[line.series.frequency],
                # Months each value covers, for its label: 3 is "Feb-Apr 2026", 1 "June 2026".
                "covers": 3 if is_three_month_average(line.series) else 1,
                "y": values,
                "text": texts,
            }
        )
    return {
        "kind": "time",
        "height": TIME_CHART_PX,
        "axis": AXIS_TITLES[chart.unit],
        "percent": chart.unit == "percent",
        "start": f"{months_before(latest, 12 * DEFAULT_YEARS_SHOWN):%Y-%m}",
        "end": f"{latest:%Y-%m}",
        "lines": lines,
    }


# ---- tables and CSV ------------------------------------------------------------------------------


def periods(chart: TimeChart) -> list[date]:
    """Every period any line of the chart has, oldest first."""
    return sorted({o.period_end for line in chart.lines for o in line.series.observations})


def label_for(chart: TimeChart, period_end: date) -> str:
    for line in chart.lines:
        for observation in line.series.observations:
            if observation.period_end == period_end:
                return period_label(line.series, observation)
    return f"{period_end:%Y-%m}"


def number(value: float) -> str:
    """A value as ONS writes it: 75.1, 712 (not 712.0), without binary noise."""
    return f"{value:.10g}"


CSV_TIME_HEADER = ["cdid", "series", "period_end", "period", "value", "unit"]
CSV_BAR_HEADER = ["code", "name", "cdid", "period_end", "period", "value", "unit"]


def csv_rows(chart: Chart) -> list[list[str]]:
    """Tidy rows, header first: every value a chart is drawn from, with its period and unit."""
    if isinstance(chart, BarChart):
        header = [chart.code_heading.lower().replace(" ", "_"), *CSV_BAR_HEADER[1:]]
        return [header] + [
            [
                b.code,
                b.label,
                b.cdid,
                f"{chart.period_end:%Y-%m}",
                chart.period_label,
                number(b.value),
                chart.unit,
            ]
            for b in chart.bars
        ]
    rows = [CSV_TIME_HEADER]
    for line in chart.lines:
        s = line.series
        rows.extend(
            [s.cdid, s.title, f"{o.period_end:%Y-%m}", period_label(s, o), number(o.value), s.unit]
            for o in s.observations
        )
    return rows
