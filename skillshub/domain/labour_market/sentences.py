"""Plain-English sentences that compare areas, industries and the two measures of pay growth."""

from __future__ import annotations

from collections.abc import Sequence

from skillshub.domain.labour_market.figures import format_value
from skillshub.domain.labour_market.regional import Area, IndustryFigure, Measure, RegionalFigure
from skillshub.domain.labour_market.series import Series, period_label

MEASURE_SUBJECTS: dict[Measure, str] = {
    "employment rate": "the employment rate (aged 16 to 64)",
    "inactivity rate": "the economic inactivity rate (aged 16 to 64)",
    "economic activity rate": "the economic activity rate (aged 16 to 64)",
    "claimant count rate": "the claimant count rate",
    "claimant count level": "the claimant count",
    "workforce jobs": "the number of workforce jobs",
}
_NEEDS_THE = ("North ", "South ", "East ", "West ", "United Kingdom")
_NATIONS_OUTSIDE_ENGLAND = ("Wales", "Scotland", "Northern Ireland")


def area_words(area: Area) -> str:
    """An area as it reads in a sentence: "the North East", "London", "the United Kingdom"."""
    return f"the {area.name}" if area.name.startswith(_NEEDS_THE) else area.name


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _names(figures: Sequence[RegionalFigure]) -> str:
    names = [area_words(f.area) for f in figures]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def comparison_sentence(figures: Sequence[RegionalFigure], measure: Measure) -> str:
    """Where ``measure`` was highest and lowest among the regions and nations, against the UK.

    England is left out of the comparison because it is the sum of its nine regions; Great Britain
    and the United Kingdom are the benchmark, not contenders.
    """
    if not figures:
        raise ValueError(f"no figures to compare for the {measure}")
    subject = MEASURE_SUBJECTS[measure]
    period = figures[0].period_label
    compared = [
        f for f in figures if f.area.kind == "region" or f.area.name in _NATIONS_OUTSIDE_ENGLAND
    ]
    benchmark = next((f for f in figures if f.area.name == "United Kingdom"), None)
    benchmark = benchmark or next((f for f in figures if f.area.kind == "total"), None)
    tail = f", against {benchmark.formatted} for {area_words(benchmark.area)}" if benchmark else ""
    if len(compared) < 2:
        only = compared or list(figures)
        return _capitalised(
            f"{subject} was {only[0].formatted} in {area_words(only[0].area)} in {period}{tail}."
        )
    top = max(f.value for f in compared)
    bottom = min(f.value for f in compared)
    highest = [f for f in compared if f.value == top]
    lowest = [f for f in compared if f.value == bottom]
    return (
        f"In {period}, {subject} was highest in {_names(highest)} ({highest[0].formatted}) and "
        f"lowest in {_names(lowest)} ({lowest[0].formatted}){tail}."
    )


def industry_sentence(figures: Sequence[IndustryFigure]) -> str:
    """Which industries had the most and the fewest vacancies in the latest period."""
    if not figures:
        raise ValueError("no industries to compare")
    ranked = sorted(figures, key=lambda f: (-f.value, f.section))
    first, second, last = ranked[0], ranked[1] if len(ranked) > 1 else None, ranked[-1]
    most = f"{first.industry.lower()} had the most vacancies ({first.formatted})"
    if second is not None and second is not last:
        most += f", followed by {second.industry.lower()} ({second.formatted})"
    fewest = (
        f"; {last.industry.lower()} had the fewest ({last.formatted})" if last is not first else ""
    )
    return f"In {first.period_label}, {most}{fewest}."


def pay_sentence(total: Series, regular: Series) -> str:
    """Growth of total and regular pay for their latest common period, in one sentence."""
    if total.latest is None or regular.latest is None:
        raise ValueError("both pay series need observations")
    end = min(total.latest.period_end, regular.latest.period_end)
    total_value, regular_value = total.value_at(end), regular.value_at(end)
    if total_value is None or regular_value is None:
        raise ValueError(f"{total.cdid} and {regular.cdid} have no common latest period")
    label = period_label(total, next(o for o in total.observations if o.period_end == end))
    return (
        f"Annual growth in average weekly earnings was {format_value(total, total_value)} for "
        f"total pay and {format_value(regular, regular_value)} for regular pay (excluding "
        f"bonuses) in {label}, before taking inflation into account."
    )
