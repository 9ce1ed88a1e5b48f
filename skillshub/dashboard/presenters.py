"""Turn labour market figures into parameters for GOV.UK component macros and the chart blocks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from skillshub.dashboard.charts import (
    BarChart,
    Chart,
    TimeChart,
    figure,
    label_for,
    periods,
)
from skillshub.dashboard.queries import Provenance
from skillshub.domain.labour_market import Area, Headline, Publication, Staleness, format_value

TABLE_PERIODS = 24
"""Time-chart tables list the latest two years; the CSV download has every period."""
RANGE_BUTTONS = (("2", "2 years"), ("5", "5 years"), ("10", "10 years"), ("all", "All years"))
ONS_LABOUR_MARKET = "https://www.ons.gov.uk/employmentandlabourmarket"
OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
NO_RELEASE_DATE = mark_safe(  # a constant: nothing from the data goes into it
    "Not recorded in the loaded files (<code>skillshub ingest ons --from-api</code> loads the "
    "ONS release dates with the live data)"
)
PERIODS_NOTE = (
    "Labour Force Survey, vacancy and pay figures are averages over three months: 'Feb-Apr' "
    "means February to April, and a change 'on the quarter' compares it with the three months "
    "before (Nov-Jan). Claimant count figures are for a single month. All figures are "
    "seasonally adjusted."
)


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def headline_cards(headlines: Sequence[Headline]) -> list[list[dict[str, Any]]]:
    """The headline cards, four to a row."""
    cards = [
        {
            "cdid": h.cdid,
            "name": h.name,
            "value": h.formatted,
            "period": h.period_label,
            "changes": [
                _sentence_case(h.quarter_words) if h.quarter_words else "No figure a quarter ago",
                _sentence_case(h.year_words) if h.year_words else "No figure a year ago",
            ],
        }
        for h in headlines
    ]
    return [cards[start : start + 4] for start in range(0, len(cards), 4)]


def definitions(headlines: Sequence[Headline]) -> dict[str, Any]:
    """What each headline measures, as a summary list (put inside a details component)."""
    return {
        "rows": [
            {"key": {"text": f"{h.name} ({h.cdid})"}, "value": {"text": h.description}}
            for h in headlines
        ]
    }


def _latest_periods(headlines: Sequence[Headline]) -> str:
    """ "Feb-Apr 2026 (employment rate, ...); June 2026 (claimant count, ...)"."""
    groups: dict[str, list[str]] = {}
    for h in headlines:
        groups.setdefault(h.period_label, []).append(h.name.lower())
    return "; ".join(f"{period} ({', '.join(names)})" for period, names in groups.items())


def _day(value: Any) -> str:
    return f"{value:%-d %B %Y}"


def published_sentence(publication: Publication | None) -> str | None:
    """ "Published by ONS on 21 July 2026." or "... on or before 7 August 2026."."""
    return f"Published by ONS {publication.words}." if publication else None


def stale_notice(found: Staleness | None) -> dict[str, Any] | None:
    """Warning text when the newest figure is older than the ONS monthly cycle allows."""
    if found is None:
        return None
    return {
        "text": f"These figures are out of date: the newest is for {found.newest:%B %Y}, "
        f"{found.months_behind} months ago, and ONS publishes new figures every month. "
        "Run skillshub ingest ons --from-api to load the current ones.",
        "iconFallbackText": "Warning",
    }


def release_summary(provenance: Provenance, headlines: Sequence[Headline]) -> dict[str, Any]:
    """Source, latest periods, ONS release dates and what was loaded, as a summary list."""
    published: dict[str, Any] = {"html": NO_RELEASE_DATE}
    found = provenance.publication
    if found is not None:
        words = found.words[:1].upper() + found.words[1:]
        published = {"text": words if found.exact else f"{words} ({found.source})"}
    loaded = timezone.localtime(provenance.loaded_at)
    rows: list[tuple[str, dict[str, Any]]] = [
        (
            "Source",
            {
                "html": format_html(
                    '<a class="govuk-link" href="{}">Office for National Statistics</a>: labour '
                    "market statistics (LMS) and claimant count and vacancies (UNEM) time series",
                    ONS_LABOUR_MARKET,
                )
            },
        ),
        ("Latest figures", {"text": _latest_periods(headlines)}),
        ("Published by ONS", published),
    ]
    if provenance.next_release:
        rows.append(("Next ONS release", {"text": _day(provenance.next_release)}))
    rows += [
        (
            "Loaded into Skills Hub",
            {"text": f"{loaded:%-d %B %Y at %H:%M} from {provenance.source}"},
        ),
        (
            "Licence",
            {
                "html": format_html(
                    '© Crown copyright, <a class="govuk-link" href="{}">Open Government Licence '
                    "v3.0</a>",
                    OGL,
                )
            },
        ),
    ]
    return {"rows": [{"key": {"text": key}, "value": value} for key, value in rows]}


def _time_table(chart: TimeChart) -> dict[str, Any]:
    shown = list(reversed(periods(chart)))[:TABLE_PERIODS]
    values = [{o.period_end: o.value for o in line.series.observations} for line in chart.lines]
    rows = []
    for end in shown:
        cells: list[dict[str, Any]] = [{"text": label_for(chart, end)}]
        for line, by_end in zip(chart.lines, values, strict=True):
            value = by_end.get(end)
            text = format_value(line.series, value) if value is not None else "No figure"
            cells.append({"text": text, "format": "numeric"})
        rows.append(cells)
    return {
        "caption": f"{chart.title}: the latest {len(shown)} figures, newest first",
        "captionClasses": "govuk-table__caption--s",
        "firstCellIsHeader": True,
        "head": [
            {"text": "Period"},
            *({"text": line.name, "format": "numeric"} for line in chart.lines),
        ],
        "rows": rows,
    }


def _bar_table(chart: BarChart) -> dict[str, Any]:
    return {
        "caption": f"{chart.title}, {chart.period_label}",
        "captionClasses": "govuk-table__caption--s",
        "firstCellIsHeader": True,
        "head": [
            {"text": chart.label_heading},
            {"text": chart.code_heading},
            {"text": chart.period_label, "format": "numeric"},
            {"text": "Change on the year", "format": "numeric"},
        ],
        "rows": [
            [
                {"text": b.label},
                {"text": b.code},
                {"text": b.formatted, "format": "numeric"},
                {"text": b.change_on_year, "format": "numeric"},
            ]
            for b in chart.bars
        ],
    }


def _range_buttons(chart_id: str) -> list[dict[str, Any]]:
    return [
        {
            "text": text,
            "type": "button",
            "classes": "govuk-button--secondary govuk-!-margin-right-2 govuk-!-margin-bottom-2",
            "attributes": {
                "data-range": years,
                "aria-controls": chart_id,
                "aria-pressed": "true" if years == "10" else "false",
            },
        }
        for years, text in RANGE_BUTTONS
    ]


def chart_block(chart: Chart) -> dict[str, Any]:
    """Everything the chart template needs: heading, sentence, figure data, table and CSV link."""
    chart_id = f"chart-{chart.slug}"
    is_time = isinstance(chart, TimeChart)
    if isinstance(chart, TimeChart):
        count = sum(len(line.series.observations) for line in chart.lines)
        table = _time_table(chart)
        kind = "Line chart"
    else:
        count = len(chart.bars)
        table = _bar_table(chart)
        kind = "Bar chart"
    return {
        "slug": chart.slug,
        "id": chart_id,
        "data_id": f"chart-data-{chart.slug}",
        "title": chart.title,
        "summary": chart.summary,
        "description": chart.description,
        "figure": figure(chart),
        "kind": kind,
        "label": f"{kind}. The figures are in the table below the chart.",
        "table": table,
        "table_summary": f"Show the figures for {chart.title[:1].lower()}{chart.title[1:]}",
        "csv_href": reverse("dashboard:chart_csv", args=[chart.slug]),
        "csv_text": f"Download {'all ' if is_time else ''}{count:,} figures (CSV)",
        "range_buttons": _range_buttons(chart_id) if is_time else [],
    }


def area_select(areas: Sequence[Area], chosen: str, error: str | None) -> dict[str, Any]:
    params: dict[str, Any] = {
        "id": "area",
        "name": "area",
        "label": {"text": "Region or nation", "classes": "govuk-label--s"},
        "items": [{"value": a.code, "text": a.name, "selected": a.code == chosen} for a in areas],
    }
    if error:
        params["errorMessage"] = {"text": error}
    return params


def error_summary(error: str | None) -> dict[str, Any] | None:
    if not error:
        return None
    # The class keeps every link on the site a govuk-link; the summary's own styles still apply.
    item = {"text": error, "href": "#area", "attributes": {"class": "govuk-link"}}
    return {"titleText": "There is a problem", "errorList": [item]}
