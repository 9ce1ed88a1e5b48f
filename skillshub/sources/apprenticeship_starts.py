"""DfE Explore Education Statistics apprenticeship CSVs: starts, achievements, participation.

Two published layouts are read. The EES standard one (``time_period`` like 202526,
``time_identifier``, ``geographic_level``, the area code in ``lad_code``, ``new_la_code``,
``la_code`` or another ``*_code`` column for the level, then filters such as ``age_summary``,
``apps_level``, ``sex`` and the measure columns ``starts``, ``achievements``,
``participation``), and the older LSIP-style extract (``date`` like 2022/23,
``geography_code``, ``geography_name``, ``ssa_t1_desc``, ``apprenticeship_level``).

EES symbols are *unknown*, never zero: ``low`` (fewer than 5, rounded away), ``c``
(confidential), ``x`` (not available), ``z`` (not applicable), ``:`` and ``u``; the symbol is
kept so a page can say which. Only rows for every age and sex (``Total``) are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from skillshub.sources.errors import SourceError
from skillshub.sources.tables import RowError, numbered_rows, read_table, refuse_errors

MEASURES = ("starts", "achievements", "participation")
SYMBOLS = {
    "low": "fewer than 5 (rounded away)",
    "c": "confidential",
    "x": "not available",
    "z": "not applicable",
    ":": "not available",
    "u": "low reliability",
}
LEVEL_NAMES = {
    "intermediate apprenticeship": "Intermediate (level 2)",
    "advanced apprenticeship": "Advanced (level 3)",
    "higher apprenticeship": "Higher (level 4 to 7)",
    "total": "Total",
}
# Code columns in the order EES prefers them: a current code beats an old one.
_CODE_COLUMNS = ("NEW_LA_CODE", "LAD_CODE", "LA_CODE", "GEOGRAPHY_CODE", "REGION_CODE")
_NAME_COLUMNS = {
    "NEW_LA_CODE": "LA_NAME",
    "LAD_CODE": "LAD_NAME",
    "LA_CODE": "LA_NAME",
    "GEOGRAPHY_CODE": "GEOGRAPHY_NAME",
    "REGION_CODE": "REGION_NAME",
}
_GSS = re.compile(r"[EWSNK]\d{8}")
_YEAR = re.compile(r"(\d{4})(?:/?(\d{2}))?")


@dataclass(frozen=True)
class StartsRow:
    """One published figure set: a year, an area, a level and subject, and the measures."""

    time_period: str
    """The academic year as EES writes it, e.g. 202526."""
    area_code: str
    area_name: str
    apps_level: str
    subject: str
    """Sector subject area (tier 1), or 'Total'."""
    starts: int | None
    achievements: int | None
    participation: int | None
    symbols: dict[str, str]
    """Measure -> the EES symbol that stood for it (the figure is then None)."""

    @property
    def year_label(self) -> str:
        return f"{self.time_period[:4]}/{self.time_period[4:]}"


def _period(value: str) -> str | None:
    match = _YEAR.fullmatch(value.strip())
    if not match:
        return None
    start, end = match.groups()
    return f"{start}{end or str(int(start[2:]) + 1).zfill(2)}"


def _measure(value: str) -> tuple[int | None, str | None]:
    text = value.strip().replace(",", "").lower()
    if text in SYMBOLS:
        return None, text
    if not text:
        return None, "x"
    return int(float(text)), None


def read_starts(data: bytes, *, source: str) -> list[StartsRow]:
    """Every all-ages, all-sexes row; raises SourceError listing every bad row."""
    names, rows, errors = read_table(data, source=source)
    code_column = next((c for c in _CODE_COLUMNS if c in names), None)
    period_column = "TIME_PERIOD" if "TIME_PERIOD" in names else "DATE" if "DATE" in names else ""
    level_column = next((c for c in ("APPS_LEVEL", "APPRENTICESHIP_LEVEL") if c in names), "")
    if not code_column or not period_column or not any(m.upper() in names for m in MEASURES):
        raise SourceError(
            "this is not a DfE apprenticeships CSV: it needs time_period (or date), an area "
            "code (lad_code, new_la_code, la_code or geography_code) and a starts, achievements "
            "or participation column",
            source=source,
        )
    found: list[StartsRow] = []
    for number, cells in numbered_rows(rows):
        if any(cells.get(c, "Total") not in ("Total", "") for c in ("AGE_SUMMARY", "SEX")):
            continue
        period = _period(cells.get(period_column, ""))
        code = cells.get(code_column, "")
        if period is None:
            errors.append(RowError(number, period_column, "the year should look like 202526"))
            continue
        if not _GSS.fullmatch(code):
            errors.append(RowError(number, code_column, f"'{code}' is not a GSS area code"))
            continue
        values: dict[str, int | None] = {}
        symbols: dict[str, str] = {}
        for measure in MEASURES:
            try:
                values[measure], symbol = _measure(cells.get(measure.upper(), ""))
            except ValueError:
                errors.append(
                    RowError(number, measure, "should be a whole number or an EES symbol")
                )
                continue
            if symbol and measure.upper() in names:
                symbols[measure] = symbol
        level = cells.get(level_column, "Total") or "Total"
        found.append(
            StartsRow(
                time_period=period,
                area_code=code,
                area_name=cells.get(_NAME_COLUMNS[code_column], ""),
                apps_level=LEVEL_NAMES.get(level.lower(), level),
                subject=cells.get("SSA_T1_DESC", "Total") or "Total",
                starts=values.get("starts"),
                achievements=values.get("achievements"),
                participation=values.get("participation"),
                symbols=symbols,
            )
        )
    refuse_errors(errors, source=source)
    if not found:
        raise SourceError("the file has no rows for all ages and sexes", source=source)
    return found
