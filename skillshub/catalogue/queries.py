"""Catalogue read queries shared by pages and API: filter, paginate, describe provenance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from skillshub.catalogue.models import Standard
from skillshub.core.models import DatasetLoad
from skillshub.domain import standards as domain

STATUS_FILTERS: dict[str, dict[str, Any]] = {
    "current": {"is_current": True},
    "approved": {"is_current": True},
    "retired": {"status__in": [domain.RETIRED, domain.WITHDRAWN]},
    "not-listed": {"status": domain.NOT_LISTED},
    "all": {},
}


class UnknownFilter(ValueError):
    """A filter value the catalogue does not have; the message lists what it does have."""


@dataclass(frozen=True)
class CatalogueFilter:
    level: int | None = None
    route: str | None = None
    status: str = "current"

    def apply(self, rows: QuerySet[Standard]) -> QuerySet[Standard]:
        key = self.status.strip().lower()
        if key not in STATUS_FILTERS:
            raise UnknownFilter(
                f"status '{self.status}' is not known; use one of {', '.join(STATUS_FILTERS)}"
            )
        rows = rows.filter(**STATUS_FILTERS[key])
        if self.level is not None:
            rows = rows.filter(level=self.level)
        if self.route:
            rows = rows.filter(route__iexact=self.route.strip())
        return rows


def routes() -> list[str]:
    return sorted(set(Standard.objects.filter(is_current=True).values_list("route", flat=True)))


def levels() -> list[int]:
    return sorted(set(Standard.objects.filter(is_current=True).values_list("level", flat=True)))


def standards(filter_: CatalogueFilter) -> QuerySet[Standard]:
    return filter_.apply(Standard.objects.all()).order_by("title")


def ksb_note(standard: domain.Standard) -> str:
    """What a reader should know about the age and origin of a standard's KSBs."""
    when = f" (record dated {standard.detail_updated:%B %Y})" if standard.detail_updated else ""
    version = (
        f"version {standard.detail_version}" if standard.detail_version else "an earlier version"
    )
    if standard.ksb_origin == "none":
        return (
            "The knowledge, skills and behaviours of this standard are not in the embedded data. "
            "See the official page, or load the live catalogue with "
            "`skillshub ingest standards --from-api`."
        )
    origin = (
        "taken from the structured KSB lists"
        if standard.ksb_origin == "structured"
        else "read from the published text of the standard (an older format without KSB numbers; "
        "we numbered them in the order published)"
    )
    if standard.detail_may_be_older:
        return (
            f"These knowledge, skills and behaviours come from {version}{when}, {origin}. "
            "The current version may differ: check the official page."
        )
    return f"These knowledge, skills and behaviours come from {version}{when}, {origin}."


def latest_load() -> DatasetLoad | None:
    return DatasetLoad.latest_for("standards")
