"""Gather observations per CDID and frequency; identical repeats merge, disagreements are errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from skillshub.domain.labour_market import (
    Frequency,
    Observation,
    Release,
    Series,
    infer_seasonally_adjusted,
    infer_unit,
)
from skillshub.domain.labour_market.series import MONTH_ABBR
from skillshub.sources.errors import SourceError
from skillshub.sources.ons.values import FREQUENCIES, FREQUENCY_WORDS


@dataclass(frozen=True)
class About:
    """What ONS says about a series: its title, unit fields and release dates."""

    title: str
    unit: str
    pre_unit: str
    release: Release | None


class Collector:
    """Observations per (CDID, frequency), remembering where each value was first seen."""

    def __init__(self) -> None:
        self.about: dict[str, About] = {}
        self.values: dict[tuple[str, Frequency], dict[date, tuple[float, str]]] = {}

    def describe(self, cdid: str, about: About) -> None:
        self.about.setdefault(cdid, about)

    def add(
        self,
        cdid: str,
        frequency: Frequency,
        period_end: date,
        value: float,
        *,
        where: tuple[str, str | int, str],
    ) -> None:
        source, record, field = where
        seen = self.values.setdefault((cdid, frequency), {})
        first = seen.setdefault(period_end, (value, f"{source} record {record}"))
        if first[0] != value:
            period = f"{MONTH_ABBR[period_end.month - 1]} {period_end.year}"
            raise SourceError(
                f"{cdid} for the {FREQUENCY_WORDS[frequency]} period ending {period} is "
                f"{value:g} here but {first[0]:g} in {first[1]}; keep one copy (check which "
                "release each came from)",
                source=source,
                record=record,
                field=field,
            )

    def build(self, frequency: Frequency | None = None) -> dict[str, Series]:
        """One Series per CDID: ``frequency`` if given, else the finest one with data."""
        result = {}
        for cdid, about in self.about.items():
            present = [f for f in FREQUENCIES if self.values.get((cdid, f))]
            chosen = frequency if frequency in present else None
            if frequency is None and present:
                chosen = present[0]
            if chosen is None:
                continue
            values = self.values[(cdid, chosen)]
            result[cdid] = Series(
                cdid=cdid,
                title=about.title,
                unit=infer_unit(about.unit, about.title, about.pre_unit),
                frequency=chosen,
                seasonally_adjusted=infer_seasonally_adjusted(about.title),
                observations=tuple(Observation(d, values[d][0]) for d in sorted(values)),
                release=about.release,
            )
        return result
